// The pages only `claimline serve` has: the search page and the error page. They share the
// style sheet and the search box of the timeline page (render_html.h).
#ifndef CLAIMLINE_TOOLS_SERVE_PAGES_H_
#define CLAIMLINE_TOOLS_SERVE_PAGES_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "claimline/v1/projection.pb.h"
#include "projections/reader.h"

namespace claimline::tools {

// One entity the search found.
struct EntityHit {
  std::string entity;              // canonical id
  std::string name;                // display name
  std::vector<std::string> names;  // other names it was written with (any script)
  uint64_t mentions = 0;
  size_t entries = 0;
  size_t conflicts = 0;
};

// SearchHtml: the search box holding `query`, the hits (or `message` when there are none,
// e.g. the suggestions), then `conflicts` as links to their entries. `notice`: a line at the
// top (escaped), or "".
std::string SearchHtml(absl::string_view query, const std::vector<EntityHit>& hits,
                       absl::string_view message, const std::vector<v1::ClusterSummary>& conflicts,
                       const projections::ProjectionReader& reader, absl::string_view notice);

// ErrorHtml: a small page saying what went wrong (escaped), with the search box.
std::string ErrorHtml(absl::string_view title, absl::string_view message);

}  // namespace claimline::tools

#endif  // CLAIMLINE_TOOLS_SERVE_PAGES_H_

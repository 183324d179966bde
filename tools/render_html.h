// The timeline as one self-contained HTML page, for people who would rather look than read
// JSON: `claimline timeline ENTITY --format html > page.html`, and the pages of
// `claimline serve`.
//
// The page fetches nothing: the CSS and the time axis (SVG) are inline, fonts come from
// the system stack (with CJK and Devanagari fallbacks), there is no script, and the only
// URLs are the articles' own links as plain anchors (http and https only). Everything that
// came from an article or a rules file is HTML-escaped; evidence, figures as written and
// titles carry the article's `lang` so they render in their own script.
//
// What it shows: a time axis with one row per entry at its granularity (a day is a point,
// a week or a month a span, a vague or undated window a faded span, an expected event a
// dashed outline, a conflict in red), a marker at the latest article; then one card per
// entry with its kind, figures, attestations by source (language tag, publication date,
// the figure as written, the evidence with the figure marked), the sides of a conflict in
// columns, and the history of the figure in publication order.
//
// For tests and scripts the DOM carries data attributes: every entry card is
// `<article data-entry=CLUSTER data-kind=K data-start=YYYY-MM-DD data-end=…
// data-granularity=day|week|month|quarter|year|vague|undated>` with `data-conflict="true"`
// and `data-expected="true"` when they apply; attestations are `<li data-attestation
// data-source=… data-lang=… data-side=N>`; conflict sides `<section data-side=N>`.
#ifndef CLAIMLINE_TOOLS_RENDER_HTML_H_
#define CLAIMLINE_TOOLS_RENDER_HTML_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "claimline/v1/projection.pb.h"
#include "projections/reader.h"
#include "tools/query_common.h"

namespace claimline::tools {

struct HtmlOptions {
  // served: the page is served by `claimline serve`: it gets a search box, links to other
  // entities' pages (/entity/ID) and to its JSON (/api/timeline). Default: false (a file).
  bool served = false;
  // notice: a line shown at the top of the page (e.g. "3 new articles are not in the
  // projection yet"); escaped. Default: none.
  std::string notice;
};

// HtmlEscape: `text` with & < > " ' replaced by entities; safe in text and in quoted
// attribute values.
std::string HtmlEscape(absl::string_view text);

// UrlPathSegment: `s` percent-encoded for one path segment or query value (everything but
// unreserved ASCII): "英伟达" → "%E8%8B%B1%E4%BC%9F%E8%BE%BE".
std::string UrlPathSegment(absl::string_view s);

// TimelineHtml: the page of `entity`'s timeline. `entries` are the reader's Timeline rows
// (valid-time order); the attestations and evidence of each are read through `ctx`.
// REQUIRES: ctx.reader is set.
absl::StatusOr<std::string> TimelineHtml(const QueryContext& ctx, const std::string& entity,
                                         const projections::AsOf& as_of,
                                         const std::vector<v1::ClusterSummary>& entries,
                                         const HtmlOptions& options = {});

// --- Pieces the pages of `claimline serve` share (serve_pages.h) ---

// HtmlDocument: a complete page: doctype, UTF-8, the style sheet, `title` (escaped) and
// `body` (HTML).
std::string HtmlDocument(absl::string_view title, absl::string_view body);

// SearchFormHtml: the search box (GET / with q), holding `query`.
std::string SearchFormHtml(absl::string_view query);

// ScriptLanguage: a language tag for a name whose script decides the font (Han → zh,
// kana → ja, Hangul → ko, Devanagari → hi), or "".
std::string ScriptLanguage(absl::string_view text);

// FiguresInBrief: an entry's figures in a few characters: "↓ $600B", and for a conflict
// the heaviest figure of each side: "↓ $600B vs ↓ $10B–$100B".
std::string FiguresInBrief(const v1::ClusterSummary& s);

}  // namespace claimline::tools

#endif  // CLAIMLINE_TOOLS_RENDER_HTML_H_

// The time axis of the timeline page (render_html.h): one inline SVG, one row per dated
// entry, each drawn at the precision its sources give — a day is a dot, a week or a month
// a span, a vague window a span that fades at both ends; an expected event has a dashed,
// hollow outline and a conflict is red. A dashed line marks the latest article and the time
// after it is hatched: anything there can only be expected. Each row links to its entry's
// card (#entry-ID) and carries data-row=ID. A legend follows the SVG.
#ifndef CLAIMLINE_TOOLS_HTML_AXIS_H_
#define CLAIMLINE_TOOLS_HTML_AXIS_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/time/civil_time.h"

namespace claimline::tools {

// One entry on the axis. Text fields are plain text (escaped here).
struct AxisRow {
  std::string id;           // the entry's cluster id
  std::string when;         // the date as the card shows it: "Jan 2025", "~ Feb 2025"
  std::string what;         // "Market value change"
  std::string note;         // beside the mark: "↓ $600B vs ↓ $10B–$100B", "expected"
  absl::CivilDay from, to;  // inclusive
  bool point = false;       // a single day: a dot
  bool vague = false;
  bool conflict = false;
  bool expected = false;
};

// TimeAxisHtml: `<section class="axis">` with the SVG of `rows` (in the order given) and
// the legend. `latest`: the publication date of the latest article shown, if known.
// REQUIRES: rows is not empty; from <= to in every row.
std::string TimeAxisHtml(const std::vector<AxisRow>& rows, std::optional<absl::CivilDay> latest);

}  // namespace claimline::tools

#endif  // CLAIMLINE_TOOLS_HTML_AXIS_H_

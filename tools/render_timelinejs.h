// The timeline as TimelineJS 3 JSON (https://timeline.knightlab.com/docs/json-format.html),
// so a newsroom can publish a timeline directly:
//
//   {"title": {"text": {"headline": "NVIDIA", "text": "…"}},
//    "events": [{"start_date": {"year": 2025, "month": 1}, "end_date": {…},
//                "display_date": "Jan 2025",
//                "text": {"headline": "Market value change: ↓ $600B", "text": "<p>…</p>"},
//                "group": "market value change", "unique_id": "<cluster>"}]}
//
// Dates carry only the fields their granularity knows (a month has no day); a vague or
// undated entry gets a display_date with "~". Text is HTML-escaped.
#ifndef CLAIMLINE_TOOLS_RENDER_TIMELINEJS_H_
#define CLAIMLINE_TOOLS_RENDER_TIMELINEJS_H_

#include <string>
#include <vector>

#include "claimline/v1/projection.pb.h"
#include "projections/reader.h"
#include "tools/query_common.h"

namespace claimline::tools {

std::string TimelineJs(const projections::ProjectionReader& reader, const std::string& entity,
                       const std::vector<v1::ClusterSummary>& entries,
                       const std::vector<ClusterDetail>& conflicts);

}  // namespace claimline::tools

#endif  // CLAIMLINE_TOOLS_RENDER_TIMELINEJS_H_

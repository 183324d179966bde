// claimline timeline ENTITY: an entity's entries in valid-time order.
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "base/status_macros.h"
#include "tools/commands.h"
#include "tools/query_common.h"
#include "tools/render_html.h"
#include "tools/render_json.h"
#include "tools/render_text.h"
#include "tools/render_timelinejs.h"

namespace claimline::tools {
namespace {

absl::StatusOr<int> RunTimeline(Invocation& inv) {
  ASSIGN_OR_RETURN(std::string format, ParseFormat(inv, {"text", "json", "timelinejs", "html"}));
  ASSIGN_OR_RETURN(projections::AsOf as_of, ParseAsOf(inv));
  projections::TimelineQuery q;
  q.as_of = as_of;
  ASSIGN_OR_RETURN(q.from, ParseDateBound(inv, "from", /*end=*/false));
  ASSIGN_OR_RETURN(q.to, ParseDateBound(inv, "to", /*end=*/true));
  q.kind = inv.Get("kind");
  ASSIGN_OR_RETURN(QueryContext ctx, OpenProjection(inv));
  const projections::ProjectionReader& reader = *ctx.reader;
  absl::StatusOr<std::string> entity = ResolveEntity(reader, inv.args[0]);
  if (absl::IsNotFound(entity.status())) return ReportNothing(inv, entity.status().message());
  if (!entity.ok()) return entity.status();
  ASSIGN_OR_RETURN(std::vector<v1::ClusterSummary> entries, reader.Timeline(*entity, q));
  std::vector<v1::ClusterSummary> in_conflict;
  for (const auto& s : entries) {
    if (s.conflict()) in_conflict.push_back(s);
  }
  ASSIGN_OR_RETURN(std::vector<ClusterDetail> conflicts,
                   LoadDetails(ctx, in_conflict, as_of, /*evidence=*/false));
  if (format == "json") {
    *inv.out << TimelineJson(reader, *entity, as_of, entries);
  } else if (format == "html") {
    ASSIGN_OR_RETURN(std::string html, TimelineHtml(ctx, *entity, as_of, entries));
    *inv.out << html;
  } else if (format == "timelinejs") {
    *inv.out << TimelineJs(reader, *entity, entries, conflicts);
  } else if (!entries.empty()) {
    *inv.out << TimelineText(reader, *entity, entries, conflicts);
  }
  if (entries.empty()) {
    return ReportNothing(inv, absl::StrCat("no timeline entries for ", *entity, " in projection ",
                                           reader.ns(), as_of.active() ? " as of then" : ""));
  }
  return kExitOk;
}

}  // namespace

const CommandSpec kTimelineCommand = {
    "timeline",
    "ENTITY",
    "An entity's timeline: what happened when, with every source",
    "Each entry is a cluster of claims from different articles about the same event (kind,\n"
    "subject, object, time bucket), in valid-time order, with its figures and sources; an\n"
    "entry whose sources disagree is marked CONFLICT with the sides. ENTITY is any name of\n"
    "the entity in any script, case-insensitive (\"NVIDIA\", \"英伟达\", \"Huang Renxun\").\n"
    "--format timelinejs prints the JSON TimelineJS 3 reads; --format html one self-contained\n"
    "page (docs/page.md). Exit 1 when the entity is unknown (with suggestions) or has no\n"
    "entries.\n",
    {
        {"from", "DATE", "leave out entries that end before DATE (YYYY, YYYY-MM or YYYY-MM-DD)"},
        {"to", "DATE", "leave out entries that start after DATE"},
        {"kind", "KIND", "only this kind of claim (release, price_change, …)"},
        AsOfFlag(),
        ProjectionFlag(),
        {"format", "text|json|timelinejs|html", "output format; default: text"},
    },
    1,
    1,
    true,
    &RunTimeline,
};

}  // namespace claimline::tools

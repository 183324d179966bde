// claimline conflicts: where sources disagree.
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "base/status_macros.h"
#include "tools/commands.h"
#include "tools/query_common.h"
#include "tools/render_json.h"
#include "tools/render_text.h"

namespace claimline::tools {
namespace {

absl::StatusOr<int> RunConflicts(Invocation& inv) {
  ASSIGN_OR_RETURN(std::string format, ParseFormat(inv, {"text", "json"}));
  ASSIGN_OR_RETURN(projections::AsOf as_of, ParseAsOf(inv));
  ASSIGN_OR_RETURN(QueryContext ctx, OpenProjection(inv));
  const projections::ProjectionReader& reader = *ctx.reader;
  projections::ConflictQuery q;
  q.as_of = as_of;
  q.kind = inv.Get("kind");
  if (inv.Has("entity")) {
    absl::StatusOr<std::string> entity = ResolveEntity(reader, inv.Get("entity"));
    if (absl::IsNotFound(entity.status())) return ReportNothing(inv, entity.status().message());
    if (!entity.ok()) return entity.status();
    q.entity = *entity;
  }
  ASSIGN_OR_RETURN(std::vector<v1::ClusterSummary> found, reader.Conflicts(q));
  ASSIGN_OR_RETURN(std::vector<ClusterDetail> details,
                   LoadDetails(ctx, std::move(found), as_of, /*evidence=*/format == "json"));
  if (format == "json") {
    *inv.out << ConflictsJson(reader, as_of, details);
  } else {
    *inv.out << ConflictsText(reader, details);
  }
  return details.empty() ? kExitNothing : kExitOk;
}

}  // namespace

const CommandSpec kConflictsCommand = {
    "conflicts",
    "",
    "Where sources disagree: clusters whose figures cannot all be true",
    "A cluster is in conflict when its attestations' figures (intervals, widened by the\n"
    "projection's numeric_tolerance) or directions cannot all be true together; it is split\n"
    "into sides that agree, heaviest first. Exit 1 when there is no conflict.\n",
    {
        {"entity", "NAME", "only conflicts about this entity (as subject or object)"},
        {"kind", "KIND", "only this kind of claim"},
        AsOfFlag(),
        ProjectionFlag(),
        {"format", "text|json", "output format; default: text"},
    },
    0,
    0,
    true,
    &RunConflicts,
};

}  // namespace claimline::tools

// claimline claims ENTITY: every cluster of the entity with all its attestations.
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

absl::StatusOr<int> RunClaims(Invocation& inv) {
  ASSIGN_OR_RETURN(std::string format, ParseFormat(inv, {"text", "json"}));
  ASSIGN_OR_RETURN(projections::AsOf as_of, ParseAsOf(inv));
  ASSIGN_OR_RETURN(QueryContext ctx, OpenProjection(inv));
  const projections::ProjectionReader& reader = *ctx.reader;
  absl::StatusOr<std::string> entity = ResolveEntity(reader, inv.args[0]);
  if (absl::IsNotFound(entity.status())) return ReportNothing(inv, entity.status().message());
  if (!entity.ok()) return entity.status();
  projections::TimelineQuery q;
  q.as_of = as_of;
  q.kind = inv.Get("kind");
  q.all = true;  // every cluster, also those below min_attestations
  ASSIGN_OR_RETURN(std::vector<v1::ClusterSummary> clusters, reader.Timeline(*entity, q));
  ASSIGN_OR_RETURN(std::vector<ClusterDetail> details,
                   LoadDetails(ctx, std::move(clusters), as_of, /*evidence=*/true));
  if (format == "json") {
    *inv.out << ClustersJson(reader, *entity, as_of, details, /*by_publication=*/false);
  } else if (!details.empty()) {
    *inv.out << ClaimsText(reader, *entity, details);
  }
  if (details.empty()) {
    return ReportNothing(
        inv, absl::StrCat("no claims about ", *entity, q.kind.empty() ? "" : " of kind " + q.kind,
                          " in projection ", reader.ns()));
  }
  return kExitOk;
}

}  // namespace

const CommandSpec kClaimsCommand = {
    "claims",
    "ENTITY",
    "Every claim about an entity, clustered, with each source's figure and evidence",
    "For each cluster (kind, subject, object, time bucket): every attestation — article,\n"
    "publication date, source and language, the figure as that source gave it, its date,\n"
    "its conflict side — and the sentence it came from. Exit 1 when nothing matches.\n",
    {
        {"kind", "KIND", "only this kind of claim"},
        AsOfFlag(),
        ProjectionFlag(),
        {"format", "text|json", "output format; default: text"},
    },
    1,
    1,
    true,
    &RunClaims,
};

}  // namespace claimline::tools

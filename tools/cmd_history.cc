// claimline history ENTITY --kind K: how a claim changed over publication time.
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

absl::StatusOr<int> RunHistory(Invocation& inv) {
  if (!inv.Has("kind") || inv.Get("kind").empty()) {
    return absl::InvalidArgumentError("--kind is required (e.g. --kind market_value_change)");
  }
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
  q.all = true;
  ASSIGN_OR_RETURN(std::vector<v1::ClusterSummary> clusters, reader.Timeline(*entity, q));
  ASSIGN_OR_RETURN(std::vector<ClusterDetail> details,
                   LoadDetails(ctx, std::move(clusters), as_of, /*evidence=*/false));
  if (format == "json") {
    *inv.out << ClustersJson(reader, *entity, as_of, details, /*by_publication=*/true);
  } else if (!details.empty()) {
    *inv.out << HistoryText(reader, *entity, details);
  }
  if (details.empty()) {
    return ReportNothing(inv, absl::StrCat("no ", q.kind, " claims about ", *entity,
                                           " in projection ", reader.ns()));
  }
  return kExitOk;
}

}  // namespace

const CommandSpec kHistoryCommand = {
    "history",
    "ENTITY",
    "How a claim changed: its attestations in publication order",
    "For each cluster of kind K about ENTITY, the attestations ordered by publication date,\n"
    "marking where the figure changed from the one before. Exit 1 when nothing matches.\n",
    {
        {"kind", "KIND", "the kind of claim (required): market_value_change, …"},
        AsOfFlag(),
        ProjectionFlag(),
        {"format", "text|json", "output format; default: text"},
    },
    1,
    1,
    true,
    &RunHistory,
};

}  // namespace claimline::tools

// claimline claims ENTITY: every cluster of the entity with all its attestations.
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "base/status_macros.h"
#include "tools/commands.h"
#include "tools/entity_link.h"
#include "tools/explain_claims.h"
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
  std::vector<ClusterExplanation> why;
  if (inv.Has("explain") && !details.empty()) {
    ASSIGN_OR_RETURN(std::unique_ptr<ClaimsExplainer> explainer, ClaimsExplainer::Create());
    for (const ClusterDetail& d : details) {
      const v1::ClusterSummary& s = d.summary;
      const std::string title = absl::StrCat(
          RenderKind(s.kind()), " · ", DisplayName(reader, s.subject()),
          s.object().empty() ? "" : absl::StrCat(" → ", DisplayName(reader, s.object())), " · ",
          RenderClusterWhen(s));
      why.push_back(ExplainCluster(d, reader.rules(), CompiledGazetteer(),
                                   explainer->Triggers(ctx.db->log(), d), title));
    }
  }
  if (format == "json") {
    std::string json = ClustersJson(reader, *entity, as_of, details, /*by_publication=*/false);
    const size_t close = json.rfind('}');
    if (inv.Has("explain") && close != std::string::npos) {
      json.insert(close, absl::StrCat(", \"explain\": ", ExplanationJson(why)));
    }
    *inv.out << json;
  } else if (!details.empty()) {
    *inv.out << ClaimsText(reader, *entity, details);
    if (!why.empty()) *inv.out << ExplanationText(why);
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
    "its conflict side — and the sentence it came from. Exit 1 when nothing matches.\n"
    "\n"
    "--explain adds, for each cluster, why: per attestation the words that triggered it\n"
    "(the current extractor run again with explain on the stored text), its date phrase\n"
    "and how it was resolved, and which alias linked its entities; then why the sources\n"
    "disagree (the figures, the rule that separates them, the tolerances) or agree. With\n"
    "--format json the explanation is the \"explain\" array.\n",
    {
        {"kind", "KIND", "only this kind of claim"},
        AsOfFlag(),
        ProjectionFlag(),
        {"format", "text|json", "output format; default: text"},
        {"explain", "", "say why: trigger words, dates, entity links, why sources disagree"},
    },
    1,
    1,
    true,
    &RunClaims,
};

}  // namespace claimline::tools

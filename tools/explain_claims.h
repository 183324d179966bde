// Explaining `claimline claims ENTITY --explain`: why each cluster of the entity holds the
// claims it holds and why its sources agree or are in conflict.
//
// For every attestation (one claim as one article made it): the article (#sequence,
// source, language, publication date), its figure and side, the words that triggered it,
// its date phrase and how that was resolved (absolute, relative to the publication date
// — with the shift — or inherited from a nearby sentence; granularity), and which alias
// linked its subject and object (tools/entity_link.h), with the rules' alias or merge
// when they changed the entity.
//
// For the cluster, the verdict: in conflict, each side's figures with their sources and,
// for each further side against the first, the two figures that cannot both be true and
// why (opposite directions; exact figures that differ; a point outside a range; ranges
// that do not overlap or only touch), with the rules' tolerances that widened them; when
// not in conflict, why not (no figures — a direction alone is never compared; one figure;
// figures that can all be true together; figures in different units, never compared;
// disagreeing figures from one article only). The comparisons are those of
// projections/figures.h, so the verdict is the projection's own.
//
// The trigger words are not stored in the projection (attestations drop the extractor's
// explain lines): ClaimsExplainer re-runs the current extractor with explain on each
// article's stored text (once per article) and finds the claim by kind and evidence
// span. When the current extractor no longer finds it (the claims came from another
// extractor version), the attestation says so instead.
#ifndef CLAIMLINE_TOOLS_EXPLAIN_CLAIMS_H_
#define CLAIMLINE_TOOLS_EXPLAIN_CLAIMS_H_

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "claimline/v1/claim.pb.h"
#include "projections/rules.h"
#include "tools/query_common.h"

namespace claimline::extract {
class Extractor;
class Gazetteer;
}  // namespace claimline::extract

namespace claimline::tools {

struct AttestationExplanation {
  uint64_t article = 0;
  uint32_t claim_index = 0;
  std::string source;
  std::string language;
  std::string published;
  std::string figure;                 // "↓ 16.9%", or "" without a figure
  int side = -1;                      // index into the cluster's sides, -1 none
  std::vector<std::string> triggers;  // the extractor's explain lines, or one note
  std::string date;                   // the date phrase and its resolution
  std::string subject_link;
  std::string object_link;  // "" without an object
};

struct ClusterExplanation {
  std::string cluster;  // id
  std::string title;    // "market value change · NVIDIA · Jan 2025"
  bool conflict = false;
  std::vector<AttestationExplanation> attestations;
  std::vector<std::string> verdict;  // lines, people-readable
};

// ExplainCluster: the explanation of one cluster, titled `title`. `triggers[i]` are the trigger
// lines of attestation i (may be shorter than the attestations: missing ones are empty).
// `gazetteer` may be null.
ClusterExplanation ExplainCluster(const ClusterDetail& detail,
                                  const projections::CompiledRules& rules,
                                  const extract::Gazetteer* gazetteer,
                                  const std::vector<std::vector<std::string>>& triggers,
                                  const std::string& title);

// DescribeDate: how an attestation's valid time was found, e.g.
//   «a gennaio» → Jan 2025 (month), relative to the publication date 2025-02-21: month 1,
//   the year nearest the publication
std::string DescribeDate(const v1::Attestation& a, int undated_window_days);

// WhyDisagree: why two figures cannot both be true once widened by the tolerances
// (projections::FigureOf, Compatible); "" when they can.
std::string WhyDisagree(const v1::FigureStat& a, const v1::FigureStat& b, double tolerance,
                        double approx_tolerance);
// WhyAgree: why two figures can both be true ("" when they cannot).
std::string WhyAgree(const v1::FigureStat& a, const v1::FigureStat& b, double tolerance,
                     double approx_tolerance);

// ExplanationText: the explanations for people, cluster by cluster.
std::string ExplanationText(const std::vector<ClusterExplanation>& clusters);

// ExplanationJson: a JSON array of the explanations, one object per cluster:
// {"cluster", "title", "conflict", "verdict": [lines], "attestations": [{"article",
// "claim", "source", "language", "published", "figure", "side" (1-based, null), "triggers",
// "date", "subject_link", "object_link"}]}.
std::string ExplanationJson(const std::vector<ClusterExplanation>& clusters);

// ClaimsExplainer: finds the trigger lines of attestations by re-extracting their
// articles (each article once per explainer).
class ClaimsExplainer {
 public:
  // Create: loads the compiled-in extractor.
  static absl::StatusOr<std::unique_ptr<ClaimsExplainer>> Create();
  ~ClaimsExplainer();

  // Triggers: for each attestation of `detail`, the explain lines of the same claim found
  // again in its article's text, or one line saying why there are none.
  std::vector<std::vector<std::string>> Triggers(const store::EventLog& log,
                                                 const ClusterDetail& detail);

 private:
  explicit ClaimsExplainer(std::unique_ptr<extract::Extractor> extractor);

  std::unique_ptr<extract::Extractor> extractor_;
  std::map<uint64_t, absl::StatusOr<std::vector<v1::Claim>>> claims_;  // by article
};

}  // namespace claimline::tools

#endif  // CLAIMLINE_TOOLS_EXPLAIN_CLAIMS_H_

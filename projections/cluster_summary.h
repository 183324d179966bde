// Keeping a ClusterSummary (projection.proto) up to date as attestations come and go.
//
// A summary holds counts per distinct figure, source and valid time, so it stays small
// however many articles repeat a claim, and it can be updated by one attestation at a
// time in both directions. The fold (claims_projection.cc) uses Add/Remove and
// Finalize; queries that filter attestations (--as-of) rebuild a summary from the
// attestations they keep with BuildSummary, which uses the same code.
#ifndef CLAIMLINE_PROJECTIONS_CLUSTER_SUMMARY_H_
#define CLAIMLINE_PROJECTIONS_CLUSTER_SUMMARY_H_

#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "claimline/v1/claim.pb.h"
#include "claimline/v1/projection.pb.h"
#include "projections/rules.h"

namespace claimline::projections {

// SameFigure: two attestations give the same figure (direction, unit, bounds, approx).
bool SameFigure(const v1::Attestation& a, const v1::Attestation& b);
// FigureMatches: the attestation gives exactly this figure.
bool FigureMatches(const v1::FigureStat& f, const v1::Attestation& a);
// AttestationHasFigure: the attestation gives a figure.
bool AttestationHasFigure(const v1::Attestation& a);

// What else the attestation's article already has in the cluster (computed by the
// caller from the article's other attestations there).
struct ArticleContext {
  bool first_in_cluster = true;   // no other attestation of the article in the cluster
  bool first_with_figure = true;  // none with the same figure
  bool first_figured = true;      // none with any figure
};

// ContextFor: the context of `a` given the article's `others` in the same cluster.
ArticleContext ContextFor(const v1::Attestation& a, const std::vector<v1::Attestation>& others);

// SourceIndex: where each (source, language) sits in a summary's `sources`, so that a
// hot cluster with hundreds of sources is not searched linearly for every attestation.
// Built on demand; any reordering of `sources` must call Invalidate.
class SourceIndex {
 public:
  int Find(const v1::ClusterSummary& s, const std::string& source, const std::string& language);
  void Added(const std::string& source, const std::string& language, int index);
  void Invalidate() { valid_ = false; }

 private:
  bool valid_ = false;
  absl::flat_hash_map<uint64_t, int> index_;  // hash of (source, language) → index
};

// AddToSummary: counts `a` in. Sets summary bounds (sequences, publication dates).
// `index` may be null.
void AddToSummary(const v1::Attestation& a, const ArticleContext& ctx, v1::ClusterSummary& s,
                  SourceIndex* index = nullptr);

// RemoveFromSummary: counts `a` out (ctx as if `a` were being added back). Returns true
// when `a` held one of the bounds, which the caller must then recompute (SetBounds).
bool RemoveFromSummary(const v1::Attestation& a, const ArticleContext& ctx, v1::ClusterSummary& s,
                       SourceIndex* index = nullptr);

// SetBounds: recomputes first/last sequence and publication date from all attestations.
void SetBounds(const std::vector<v1::Attestation>& all, v1::ClusterSummary& s);

// FinalizeSummary: sorts the stats into canonical order and computes the agreeing sides
// and the conflict flag (see figures.h; a conflict needs at least two sides and figures
// from at least two articles).
void FinalizeSummary(const CompiledRules& rules, v1::ClusterSummary& s);

// kTopSources: how many sources the t/ and x/ copies of a summary keep.
inline constexpr int kTopSources = 8;

// CompactCopy: `s` with only its kTopSources most attested sources (ties: by name), for
// the t/ and x/ rows. `source_count` still counts them all.
v1::ClusterSummary CompactCopy(const v1::ClusterSummary& s);

// BuildSummary: a summary of `attestations` (any order) with the identity fields (id,
// kind, subject, object, bucket, floating) of `header`; finalized.
v1::ClusterSummary BuildSummary(const v1::ClusterSummary& header,
                                const std::vector<v1::Attestation>& attestations,
                                const CompiledRules& rules);

// SideOf: the index of the side of `s.sides` whose figures include the attestation's
// figure, or -1 (no figure, or not a conflict).
int SideOf(const v1::ClusterSummary& s, const v1::Attestation& a);

// DisplayWhen: the valid time that best dates the cluster: the most attested non-vague
// time (ties: finer, then earlier), else the most attested vague one; nullptr when no
// attestation gives a date.
const v1::WhenStat* DisplayWhen(const v1::ClusterSummary& s);

}  // namespace claimline::projections

#endif  // CLAIMLINE_PROJECTIONS_CLUSTER_SUMMARY_H_

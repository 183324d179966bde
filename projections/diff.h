// Diff of two projection namespaces: the timeline entries and the conflicts that differ.
//
// Clusters are matched by id, which is derived from (kind, subject, object, bucket) —
// the same event under both rule sets has the same id. A timeline entry differs when it
// is visible (min_attestations) in one namespace only, or when its attestations,
// figures, sources or dates differ; whether it is a conflict is compared separately, as
// a conflict present in one namespace only or with different sides.
#ifndef CLAIMLINE_PROJECTIONS_DIFF_H_
#define CLAIMLINE_PROJECTIONS_DIFF_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "claimline/v1/projection.pb.h"
#include "projections/reader.h"

namespace claimline::projections {

struct ClusterChange {
  enum class Kind { kOnlyInA, kOnlyInB, kChanged };
  Kind kind;
  std::optional<v1::ClusterSummary> a;
  std::optional<v1::ClusterSummary> b;
  std::string what;  // for kChanged: what differs, e.g. "attestations 3 → 2"
};

struct ProjectionDiff {
  std::vector<ClusterChange> timeline;
  std::vector<ClusterChange> conflicts;
  bool empty() const { return timeline.empty() && conflicts.empty(); }
};

// Diff: what differs from `a` to `b`, each list in time order.
absl::StatusOr<ProjectionDiff> Diff(const ProjectionReader& a, const ProjectionReader& b);

}  // namespace claimline::projections

#endif  // CLAIMLINE_PROJECTIONS_DIFF_H_

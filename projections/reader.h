// ProjectionReader: the queries over one namespace's materialized rows.
//
// Every query is a prefix scan or a point read of rows the fold wrote (FORMAT.md); the
// log is never scanned. A timeline page is one scan of t/<entity>/.
//
// As-of: a query may keep only attestations of articles published on or before a date,
// or recorded at or before a sequence. Rows carry both, so the filter runs at query
// time: a cluster entirely visible is served from its summary; one partly visible is
// re-summarized from its kept attestations (BuildSummary). Corrections recorded later
// (revisions, retractions) are applied as known now, and floating claims stay in the
// cluster they are in now.
#ifndef CLAIMLINE_PROJECTIONS_READER_H_
#define CLAIMLINE_PROJECTIONS_READER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "claimline/v1/projection.pb.h"
#include "projections/rules.h"
#include "store/event_log.h"

namespace claimline::projections {

struct AsOf {
  std::string published;             // YYYY-MM-DD, inclusive; "" = no date limit
  std::optional<uint64_t> sequence;  // inclusive

  bool active() const { return !published.empty() || sequence.has_value(); }
  // Keeps: the attestation is visible. Undated articles are not visible under a date.
  bool Keeps(const v1::Attestation& a) const;
};

// An entity a name reached, with how often.
struct NameHit {
  std::string entity;
  uint64_t mentions = 0;
  bool from_rules = false;
};

struct TimelineQuery {
  std::string from;  // YYYY-MM-DD: entries whose time ends before are left out; "" = open
  std::string to;    // entries whose time starts after are left out
  std::string kind;  // "" = every kind
  AsOf as_of;
  size_t limit = 0;  // 0 = all
  bool all = false;  // true: ignore the rules' min_attestations
};

struct ConflictQuery {
  std::string entity;  // subject or object; "" = any
  std::string kind;
  AsOf as_of;
};

class ProjectionReader {
 public:
  // Open: a reader of `ns`. NotFound when it does not exist; FailedPrecondition while
  // it is still being built.
  static absl::StatusOr<ProjectionReader> Open(store::Database& db, const std::string& ns);

  const std::string& ns() const { return ns_; }
  const v1::ProjectionInfo& info() const { return info_; }
  const CompiledRules& rules() const { return rules_; }
  uint64_t checkpoint() const { return checkpoint_; }
  // behind: events in the log the namespace has not applied yet.
  uint64_t behind() const { return last_ > checkpoint_ ? last_ - checkpoint_ : 0; }

  // LookupName: the entities `name` (any alias, any script, any case) reached, most
  // mentioned first.
  absl::StatusOr<std::vector<NameHit>> LookupName(absl::string_view name) const;
  // HasEntity: the entity has a timeline here.
  absl::StatusOr<bool> HasEntity(absl::string_view entity) const;
  absl::StatusOr<std::optional<v1::EntityInfo>> Entity(absl::string_view entity) const;
  // Aliases: every (folded name, entity) pair of the alias index (for suggestions).
  absl::StatusOr<std::vector<std::pair<std::string, std::string>>> Aliases() const;

  // Timeline: the entity's clusters (as subject or object) in time order.
  absl::StatusOr<std::vector<v1::ClusterSummary>> Timeline(absl::string_view entity,
                                                           const TimelineQuery& q) const;
  // Cluster: one cluster's summary as of `as_of`, or nullopt (absent or nothing visible).
  absl::StatusOr<std::optional<v1::ClusterSummary>> Cluster(absl::string_view cluster,
                                                            const AsOf& as_of) const;
  // Attestations: a cluster's visible attestations in (article, claim) order.
  absl::StatusOr<std::vector<v1::Attestation>> Attestations(absl::string_view cluster,
                                                            const AsOf& as_of) const;
  // Conflicts: clusters whose attestations cannot all be true, in time order.
  absl::StatusOr<std::vector<v1::ClusterSummary>> Conflicts(const ConflictQuery& q) const;
  // Clusters: every cluster summary (for diff), in cluster id order.
  absl::StatusOr<std::vector<v1::ClusterSummary>> AllClusters() const;

 private:
  ProjectionReader(store::Database& db, std::string ns, v1::ProjectionInfo info,
                   uint64_t checkpoint, uint64_t last);
  // AsOfView: `s` as of `as_of`: itself, re-summarized, or nullopt when nothing is visible.
  absl::StatusOr<std::optional<v1::ClusterSummary>> AsOfView(v1::ClusterSummary s,
                                                             const AsOf& as_of) const;

  const store::StateStore* state_;
  std::string ns_;
  v1::ProjectionInfo info_;
  CompiledRules rules_;
  uint64_t checkpoint_;
  uint64_t last_;
};

}  // namespace claimline::projections

#endif  // CLAIMLINE_PROJECTIONS_READER_H_

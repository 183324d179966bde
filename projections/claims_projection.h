// ClaimsProjection: the fold behind timelines, claim clusters, conflicts and history.
//
// For every included article it places each claim in a cluster — (kind, subject, object,
// time bucket) after the rules' mappings — as an attestation row, and keeps per cluster
// a small summary (figures, sources, dates, agreeing sides), per entity a timeline index,
// a conflicts index, and an alias index of every name that reached an entity. Claims
// without a usable date float: they join the latest dated cluster of their group inside
// their window, or wait in a cluster of their own (time_buckets.h, FORMAT.md).
// Corrections are folded in: ClaimsRevised replaces an article's claims, ArticleRetracted
// removes them, ArticleMetadataCorrected updates the metadata, re-applies the filters and
// re-resolves relative dates against the new publication date.
//
// The key layout is in FORMAT.md. Not thread-safe; one instance per namespace and runner.
#ifndef CLAIMLINE_PROJECTIONS_CLAIMS_PROJECTION_H_
#define CLAIMLINE_PROJECTIONS_CLAIMS_PROJECTION_H_

#include <string>
#include <vector>

#include "absl/container/node_hash_map.h"
#include "google/protobuf/repeated_field.h"
#include "projections/projection.h"
#include "projections/rules.h"

namespace claimline::projections {

class ClaimsProjection : public Projection {
 public:
  explicit ClaimsProjection(const v1::ProjectionRules& rules);

  absl::StatusOr<bool> Apply(const v1::Event& event, ApplyContext& ctx) override;
  absl::Status Flush(ApplyContext& ctx) override;

  // InitialRows: the rows a new namespace starts with (the rules' aliases).
  static void InitialRows(const v1::ProjectionRules& rules, StateCache& state);

 private:
  struct ClusterEntry {
    v1::ClusterSummary summary;
    bool existed = false;       // committed before this chunk (or earlier in it)
    bool was_conflict = false;  // its x/ row exists
    bool bounds_dirty = false;
  };
  struct GroupEntry {
    v1::GroupState state;
    bool existed = false;
  };
  struct AliasCacheEntry {
    v1::AliasEntry entry;
    bool dirty = false;
  };
  struct EntityCacheEntry {
    v1::EntityInfo info;
    bool dirty = false;
  };
  using Claims = google::protobuf::RepeatedPtrField<v1::Claim>;

  absl::Status OnArticle(uint64_t seq, const v1::ArticleRecorded& e, ApplyContext& ctx);
  absl::Status OnRevised(uint64_t seq, const v1::ClaimsRevised& e, ApplyContext& ctx);
  absl::Status OnRetracted(const v1::ArticleRetracted& e, ApplyContext& ctx);
  absl::Status OnCorrected(const v1::ArticleMetadataCorrected& e, ApplyContext& ctx);

  absl::Status AddClaims(uint64_t article, const Claims& claims, uint64_t claims_seq, bool fresh,
                         v1::ArticleState& st, ApplyContext& ctx);
  absl::Status RemoveClaims(uint64_t article, v1::ArticleState& st, ApplyContext& ctx);

  absl::StatusOr<ClusterEntry*> LoadCluster(const std::string& cid, ApplyContext& ctx);
  absl::StatusOr<GroupEntry*> LoadGroup(const std::string& gid, ApplyContext& ctx);
  // Insert / Erase: one attestation into / out of a cluster (row and summary).
  absl::Status Insert(const std::string& cid, const v1::GroupState& group,
                      const std::string& bucket, bool floating, const v1::Attestation& att,
                      bool fresh, ApplyContext& ctx);
  absl::StatusOr<v1::Attestation> Erase(const std::string& cid, uint64_t article, uint32_t claim,
                                        ApplyContext& ctx);
  absl::StatusOr<std::vector<v1::Attestation>> ArticleAttestations(const std::string& cid,
                                                                   uint64_t article, bool fresh,
                                                                   ApplyContext& ctx);
  // Pinned buckets of a group coming and going move floating claims.
  absl::Status AddPinned(const std::string& gid, const std::string& bucket, ApplyContext& ctx);
  absl::Status RemovePinned(const std::string& gid, const std::string& bucket, ApplyContext& ctx);
  absl::Status Replace(const std::string& gid, const std::string& bucket, bool created,
                       ApplyContext& ctx);
  // LatestPinned: the latest dated bucket of the group that meets [from, to], or "".
  std::string LatestPinned(const v1::GroupState& group, const std::string& from,
                           const std::string& to) const;

  absl::Status IndexName(const std::string& entity, const v1::EntityRef& ref, ApplyContext& ctx);

  CompiledRules rules_;
  absl::node_hash_map<std::string, ClusterEntry> clusters_;
  absl::node_hash_map<std::string, GroupEntry> groups_;
  absl::node_hash_map<std::string, AliasCacheEntry> aliases_;
  absl::node_hash_map<std::string, EntityCacheEntry> entities_;
};

}  // namespace claimline::projections

#endif  // CLAIMLINE_PROJECTIONS_CLAIMS_PROJECTION_H_

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

#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/node_hash_map.h"
#include "google/protobuf/arena.h"
#include "google/protobuf/repeated_field.h"
#include "projections/cluster_summary.h"
#include "projections/projection.h"
#include "projections/rules.h"

namespace claimline::projections {

class ClaimsProjection : public Projection {
 public:
  explicit ClaimsProjection(const v1::ProjectionRules& rules);
  ~ClaimsProjection() override;

  absl::StatusOr<bool> Apply(const v1::Event& event, ApplyContext& ctx) override;
  absl::Status Flush(ApplyContext& ctx) override;

  // InitialRows: the rows a new namespace starts with (the rules' aliases).
  static void InitialRows(const v1::ProjectionRules& rules, StateCache& state);

 private:
  // The caches below hold rows as of the chunk's changes so far. They outlive a chunk
  // (the projection is the only writer of its namespace, and a failed commit ends the
  // runner's use of the projection), so hot clusters are not re-read and re-parsed for
  // every chunk; Flush writes the dirty ones and trims the caches when they grow.
  struct ClusterEntry {
    v1::ClusterSummary* summary = nullptr;  // on arena_
    SourceIndex sources;
    bool existed = false;       // its s/ and t/ rows exist (committed or in the overlay)
    bool was_conflict = false;  // its x/ row exists
    bool bounds_dirty = false;
    bool dirty = false;
  };
  struct GroupEntry {
    v1::GroupState state;
    bool existed = false;
    bool dirty = false;
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

  // NoteName: a mention of `entity` as `ref`; counted in memory, indexed at Flush
  // (IndexNames), in first-seen order, so that the rows do not depend on chunking.
  void NoteName(const std::string& entity, const v1::EntityRef& ref);
  absl::Status IndexNames(ApplyContext& ctx);
  // CountFloating: a floating claim's f/ key in `month` comes (+1) or goes (-1).
  void CountFloating(GroupEntry& g, const std::string& month, int delta);

  // What a brand-new article has placed so far in the call that adds it: such an
  // article has no committed rows, so its context in a cluster (ArticleContext) comes
  // from here instead of a prefix scan.
  struct PlacedClaim {
    const ClusterEntry* cluster;
    uint32_t claim;
    bool figured;
    v1::Direction direction;
    std::string unit;
    bool has_low, has_high, approx;
    double low, high;
  };
  struct PendingName {
    std::string entity;
    std::string text;
    std::string key;
    v1::EntityType type;
    uint64_t mentions;
  };
  std::vector<PendingName> pending_names_;               // first-seen order
  absl::flat_hash_map<uint64_t, size_t> pending_index_;  // hash → index (probing on collision)

  uint64_t fresh_article_ = 0;  // 0: none being added
  std::vector<PlacedClaim> fresh_placed_;

  CompiledRules rules_;
  // The cached summaries live on an arena: their many small fields are allocated without
  // malloc and freed at once (Reset) when the cache is emptied, instead of one by one.
  std::unique_ptr<google::protobuf::Arena> arena_;
  absl::node_hash_map<std::string, ClusterEntry> clusters_;
  absl::node_hash_map<std::string, GroupEntry> groups_;
  absl::node_hash_map<std::string, AliasCacheEntry> aliases_;
  absl::node_hash_map<std::string, EntityCacheEntry> entities_;
};

}  // namespace claimline::projections

#endif  // CLAIMLINE_PROJECTIONS_CLAIMS_PROJECTION_H_

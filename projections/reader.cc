#include "projections/reader.h"

#include <algorithm>
#include <tuple>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "base/civil_date.h"
#include "base/status_macros.h"
#include "projections/cluster_summary.h"
#include "projections/keys.h"
#include "projections/names.h"
#include "projections/runner.h"
#include "projections/time_buckets.h"

namespace claimline::projections {
namespace {

absl::Status Malformed(const std::string& ns, absl::string_view key) {
  return absl::DataLossError(absl::StrCat("projection ", ns, ": row \"", key,
                                          "\" does not parse; drop and replay the projection"));
}

// Interval: the valid time an entry covers, for --from/--to and ordering.
std::pair<std::string, std::string> Interval(const v1::ClusterSummary& s) {
  if (const v1::WhenStat* w = DisplayWhen(s); w != nullptr) return {w->from(), w->to()};
  absl::StatusOr<absl::CivilDay> start = ParseIsoDate(s.bucket_start());
  if (!start.ok()) return {s.bucket_start(), s.bucket_start()};
  return {s.bucket_start(), FormatIsoDate(BucketEnd(*start, s.bucket()))};
}

}  // namespace

bool AsOf::Keeps(const v1::Attestation& a) const {
  if (sequence.has_value() && a.article_sequence() > *sequence) return false;
  if (!published.empty() && (a.published().empty() || a.published() > published)) return false;
  return true;
}

ProjectionReader::ProjectionReader(store::Database& db, std::string ns, v1::ProjectionInfo info,
                                   uint64_t checkpoint, uint64_t last)
    : state_(&db.state()),
      ns_(std::move(ns)),
      info_(std::move(info)),
      rules_(info_.rules()),
      checkpoint_(checkpoint),
      last_(last) {}

absl::StatusOr<ProjectionReader> ProjectionReader::Open(store::Database& db,
                                                        const std::string& ns) {
  ASSIGN_OR_RETURN(std::optional<v1::ProjectionInfo> info, ReadInfo(db.state(), ns));
  if (!info.has_value()) {
    return absl::NotFoundError(absl::StrCat("no projection \"", ns, "\""));
  }
  if (info->status() != v1::ProjectionInfo::COMPLETE) {
    return absl::FailedPreconditionError(
        absl::StrCat("projection ", ns,
                     " is still being built; open the database writable (or run "
                     "`claimline replay`) to finish it"));
  }
  ASSIGN_OR_RETURN(uint64_t checkpoint, db.state().Checkpoint(ns));
  return ProjectionReader(db, ns, *std::move(info), checkpoint, db.log().LastSequence());
}

absl::StatusOr<std::vector<NameHit>> ProjectionReader::LookupName(absl::string_view name) const {
  std::vector<NameHit> hits;
  const std::string folded = FoldName(name);
  if (folded.empty()) return hits;
  const std::string prefix = keys::AliasPrefix(folded);
  bool bad = false;
  std::string bad_key;
  RETURN_IF_ERROR(state_->ScanPrefix(ns_, prefix, [&](absl::string_view key, absl::string_view v) {
    absl::string_view entity = key.substr(prefix.size());
    if (entity.find('/') != absl::string_view::npos) return true;  // a longer alias
    v1::AliasEntry entry;
    if (!entry.ParseFromArray(v.data(), static_cast<int>(v.size()))) {
      bad = true;
      bad_key = std::string(key);
      return false;
    }
    hits.push_back({std::string(entity), entry.mentions(), entry.from_rules()});
    return true;
  }));
  if (bad) return Malformed(ns_, bad_key);
  std::sort(hits.begin(), hits.end(), [](const NameHit& a, const NameHit& b) {
    return std::make_tuple(!a.from_rules, -static_cast<int64_t>(a.mentions), a.entity) <
           std::make_tuple(!b.from_rules, -static_cast<int64_t>(b.mentions), b.entity);
  });
  return hits;
}

absl::StatusOr<bool> ProjectionReader::HasEntity(absl::string_view entity) const {
  bool found = false;
  RETURN_IF_ERROR(state_->ScanPrefix(ns_, keys::TimelinePrefix(SanitizeId(entity)),
                                     [&](absl::string_view, absl::string_view) {
                                       found = true;
                                       return false;
                                     }));
  return found;
}

absl::StatusOr<std::optional<v1::EntityInfo>> ProjectionReader::Entity(
    absl::string_view entity) const {
  const std::string key = keys::Entity(entity);
  ASSIGN_OR_RETURN(std::optional<std::string> bytes, state_->Get(ns_, key));
  if (!bytes.has_value()) return std::nullopt;
  v1::EntityInfo info;
  if (!info.ParseFromString(*bytes)) return Malformed(ns_, key);
  return info;
}

absl::StatusOr<std::vector<std::pair<std::string, std::string>>> ProjectionReader::Aliases() const {
  std::vector<std::pair<std::string, std::string>> out;
  RETURN_IF_ERROR(
      state_->ScanPrefix(ns_, keys::kAliasPrefix, [&](absl::string_view key, absl::string_view) {
        absl::string_view rest = key.substr(2);
        const size_t slash = rest.rfind('/');
        if (slash != absl::string_view::npos) {
          out.emplace_back(std::string(rest.substr(0, slash)), std::string(rest.substr(slash + 1)));
        }
        return true;
      }));
  return out;
}

absl::StatusOr<std::optional<v1::ClusterSummary>> ProjectionReader::AsOfView(
    v1::ClusterSummary s, const AsOf& as_of) const {
  if (!as_of.active()) return std::optional<v1::ClusterSummary>(std::move(s));
  const bool by_seq = as_of.sequence.has_value();
  const bool by_date = !as_of.published.empty();
  if ((by_seq && s.first_sequence() > *as_of.sequence) ||
      (by_date && (s.first_published().empty() || s.first_published() > as_of.published))) {
    return std::nullopt;
  }
  if ((!by_seq || s.last_sequence() <= *as_of.sequence) &&
      (!by_date || s.last_published() <= as_of.published)) {
    return std::optional<v1::ClusterSummary>(std::move(s));
  }
  ASSIGN_OR_RETURN(std::vector<v1::Attestation> kept, Attestations(s.id(), as_of));
  if (kept.empty()) return std::nullopt;
  return std::optional<v1::ClusterSummary>(BuildSummary(s, kept, rules_));
}

absl::StatusOr<std::vector<v1::ClusterSummary>> ProjectionReader::Timeline(
    absl::string_view entity, const TimelineQuery& q) const {
  std::vector<v1::ClusterSummary> rows;
  const std::string prefix = keys::TimelinePrefix(SanitizeId(entity));
  const uint32_t min_articles = q.all ? 1 : rules_.min_attestations();
  std::string bad_key;
  std::string last_bucket;
  absl::Status inner;
  RETURN_IF_ERROR(state_->ScanPrefix(ns_, prefix, [&](absl::string_view key, absl::string_view v) {
    v1::ClusterSummary s;
    if (!s.ParseFromArray(v.data(), static_cast<int>(v.size()))) {
      bad_key = std::string(key);
      return false;
    }
    // A page ends at a bucket boundary so ordering within a bucket is complete.
    if (q.limit > 0 && rows.size() >= q.limit && s.bucket_start() != last_bucket) return false;
    if (!q.kind.empty() && s.kind() != q.kind) return true;
    // Buckets start in order: once one starts after --to, nothing later qualifies.
    if (!q.to.empty() && s.bucket_start() > q.to && s.bucket_start() != keys::kUndatedBucket) {
      return false;
    }
    auto [from, to] = Interval(s);
    if (!q.from.empty() && to < q.from) return true;
    if (!q.to.empty() && from > q.to) return true;
    absl::StatusOr<std::optional<v1::ClusterSummary>> view = AsOfView(std::move(s), q.as_of);
    if (!view.ok()) {
      inner = view.status();
      return false;
    }
    if (!view->has_value() || (*view)->articles() < min_articles) return true;
    last_bucket = (*view)->bucket_start();
    rows.push_back(**std::move(view));
    return true;
  }));
  if (!bad_key.empty()) return Malformed(ns_, bad_key);
  RETURN_IF_ERROR(inner);
  // Sorted by (interval, kind, id), stably: each row's interval computed once, and the
  // keys compared by reference (no string copies per comparison).
  std::vector<std::pair<std::string, std::string>> intervals;
  intervals.reserve(rows.size());
  for (const v1::ClusterSummary& r : rows) intervals.push_back(Interval(r));
  std::vector<size_t> order(rows.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return std::forward_as_tuple(intervals[a].first, intervals[a].second, rows[a].kind(),
                                 rows[a].id()) <
           std::forward_as_tuple(intervals[b].first, intervals[b].second, rows[b].kind(),
                                 rows[b].id());
  });
  if (q.limit > 0 && order.size() > q.limit) order.resize(q.limit);
  std::vector<v1::ClusterSummary> sorted;
  sorted.reserve(order.size());
  for (size_t i : order) sorted.push_back(std::move(rows[i]));
  return sorted;
}

absl::StatusOr<std::optional<v1::ClusterSummary>> ProjectionReader::Cluster(
    absl::string_view cluster, const AsOf& as_of) const {
  const std::string key = keys::Summary(cluster);
  ASSIGN_OR_RETURN(std::optional<std::string> bytes, state_->Get(ns_, key));
  if (!bytes.has_value()) return std::nullopt;
  v1::ClusterSummary s;
  if (!s.ParseFromString(*bytes)) return Malformed(ns_, key);
  return AsOfView(std::move(s), as_of);
}

absl::StatusOr<std::vector<v1::Attestation>> ProjectionReader::Attestations(
    absl::string_view cluster, const AsOf& as_of) const {
  std::vector<v1::Attestation> out;
  std::string bad_key;
  RETURN_IF_ERROR(state_->ScanPrefix(
      ns_, keys::AttestationPrefix(cluster), [&](absl::string_view key, absl::string_view v) {
        v1::Attestation a;
        if (!a.ParseFromArray(v.data(), static_cast<int>(v.size()))) {
          bad_key = std::string(key);
          return false;
        }
        if (as_of.Keeps(a)) out.push_back(std::move(a));
        return true;
      }));
  if (!bad_key.empty()) return Malformed(ns_, bad_key);
  return out;
}

absl::StatusOr<std::vector<v1::ClusterSummary>> ProjectionReader::Conflicts(
    const ConflictQuery& q) const {
  std::vector<v1::ClusterSummary> rows;
  const std::string entity = SanitizeId(q.entity);
  // A conflict is indexed under its subject and its object: for one entity scan its own
  // rows; for all, keep each cluster once (under its subject).
  const std::string prefix =
      entity.empty() ? std::string(keys::kConflictPrefix) : keys::ConflictPrefix(entity);
  std::string bad_key;
  absl::Status inner;
  RETURN_IF_ERROR(state_->ScanPrefix(ns_, prefix, [&](absl::string_view key, absl::string_view v) {
    v1::ClusterSummary s;
    if (!s.ParseFromArray(v.data(), static_cast<int>(v.size()))) {
      bad_key = std::string(key);
      return false;
    }
    if (entity.empty() && !absl::StartsWith(key, keys::ConflictPrefix(s.subject()))) {
      return true;
    }
    if (!q.kind.empty() && s.kind() != q.kind) return true;
    absl::StatusOr<std::optional<v1::ClusterSummary>> view = AsOfView(std::move(s), q.as_of);
    if (!view.ok()) {
      inner = view.status();
      return false;
    }
    if (view->has_value() && (*view)->conflict()) rows.push_back(**std::move(view));
    return true;
  }));
  if (!bad_key.empty()) return Malformed(ns_, bad_key);
  RETURN_IF_ERROR(inner);
  std::stable_sort(rows.begin(), rows.end(),
                   [](const v1::ClusterSummary& a, const v1::ClusterSummary& b) {
                     return std::forward_as_tuple(a.bucket_start(), a.kind(), a.subject(), a.id()) <
                            std::forward_as_tuple(b.bucket_start(), b.kind(), b.subject(), b.id());
                   });
  return rows;
}

absl::StatusOr<std::vector<v1::ClusterSummary>> ProjectionReader::AllClusters() const {
  std::vector<v1::ClusterSummary> rows;
  std::string bad_key;
  RETURN_IF_ERROR(state_->ScanPrefix(
      ns_, keys::kSummaryPrefix, [&](absl::string_view key, absl::string_view v) {
        v1::ClusterSummary s;
        if (!s.ParseFromArray(v.data(), static_cast<int>(v.size()))) {
          bad_key = std::string(key);
          return false;
        }
        rows.push_back(std::move(s));
        return true;
      }));
  if (!bad_key.empty()) return Malformed(ns_, bad_key);
  return rows;
}

}  // namespace claimline::projections

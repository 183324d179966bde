#include "projections/runner.h"

#include <algorithm>
#include <memory>
#include <vector>

#include "absl/strings/str_cat.h"
#include "base/status_macros.h"
#include "projections/claims_projection.h"
#include "projections/keys.h"
#include "projections/rules.h"
#include "projections/state_cache.h"

namespace claimline::projections {

absl::StatusOr<std::optional<v1::ProjectionInfo>> ReadInfo(const store::StateStore& state,
                                                           const std::string& ns) {
  ASSIGN_OR_RETURN(std::optional<std::string> bytes, state.Get(ns, keys::kInfo));
  if (!bytes.has_value()) return std::nullopt;
  v1::ProjectionInfo info;
  if (!info.ParseFromString(*bytes)) {
    return absl::DataLossError(absl::StrCat("projection ", ns,
                                            ": its info row does not parse; "
                                            "run `claimline projections drop ",
                                            ns, "`"));
  }
  return info;
}

absl::StatusOr<std::string> CreateNamespace(store::Database& db, const v1::ProjectionRules& rules) {
  RETURN_IF_ERROR(ValidateRules(rules));
  const std::string ns = NamespaceFor(rules);
  store::StateStore& state = db.state();
  ASSIGN_OR_RETURN(std::optional<v1::ProjectionInfo> existing, ReadInfo(state, ns));
  if (existing.has_value()) {
    return absl::AlreadyExistsError(absl::StrCat("projection ", ns, " already exists"));
  }
  // Leftovers of a namespace without an info row (cannot be served) go first.
  RETURN_IF_ERROR(state.DropNamespace(ns));
  v1::ProjectionInfo info;
  *info.mutable_rules() = rules;
  info.set_rules_hash(RulesHash(rules));
  info.set_status(v1::ProjectionInfo::BUILDING);
  info.set_format_version(kFormatVersion);
  StateCache cache(state, ns);
  ClaimsProjection::InitialRows(rules, cache);
  cache.PutMessage(keys::kInfo, info);
  std::unique_ptr<store::StateBatch> batch = state.NewBatch();
  cache.WriteTo(*batch);
  batch->SetCheckpoint(ns, 0);
  RETURN_IF_ERROR(state.Commit(std::move(batch), /*sync=*/true));
  return ns;
}

absl::Status CatchUpNamespace(store::Database& db, const std::string& ns,
                              const CatchUpOptions& options) {
  store::StateStore& state = db.state();
  const store::EventLog& log = db.log();
  ASSIGN_OR_RETURN(std::optional<v1::ProjectionInfo> loaded, ReadInfo(state, ns));
  if (!loaded.has_value()) {
    return absl::NotFoundError(absl::StrCat("no projection \"", ns, "\""));
  }
  v1::ProjectionInfo info = *std::move(loaded);
  ClaimsProjection projection(info.rules());
  ASSIGN_OR_RETURN(uint64_t checkpoint, state.Checkpoint(ns));
  const uint64_t last = log.LastSequence();
  const uint64_t chunk = std::max<uint64_t>(1, options.chunk_events);
  CatchUpProgress progress{ns, 0, checkpoint, last};
  if (checkpoint >= last) {
    if (info.status() == v1::ProjectionInfo::COMPLETE) return absl::OkStatus();
    info.set_status(v1::ProjectionInfo::COMPLETE);
    std::unique_ptr<store::StateBatch> batch = state.NewBatch();
    std::string bytes;
    info.SerializeToString(&bytes);
    batch->Put(ns, keys::kInfo, bytes);
    batch->SetCheckpoint(ns, checkpoint);
    // Earlier chunks of this BUILDING namespace may be unlogged: persist them with it.
    RETURN_IF_ERROR(state.CommitUnlogged(std::move(batch)));
    return state.Persist();
  }
  while (checkpoint < last) {
    // A BUILDING namespace is never served and a crash leaves it at an earlier chunk
    // boundary, which CatchUp resumes from; so its chunks skip the write-ahead log
    // (CommitUnlogged) and are persisted once, with the chunk that completes it — before
    // any logged commit can touch the namespace.
    const bool building = info.status() == v1::ProjectionInfo::BUILDING;
    StateCache cache(state, ns);
    ApplyContext ctx{cache, log, info};
    uint64_t applied_to = checkpoint;
    absl::Status failure;
    RETURN_IF_ERROR(
        log.Scan(checkpoint + 1, std::min(last, checkpoint + chunk), [&](const v1::Event& event) {
          absl::StatusOr<bool> known = projection.Apply(event, ctx);
          if (!known.ok()) {
            failure = known.status();
            return false;
          }
          if (*known) {
            info.set_events_applied(info.events_applied() + 1);
          } else {
            info.set_events_skipped(info.events_skipped() + 1);
          }
          applied_to = event.sequence();
          return cache.ApproximateBytes() < options.chunk_bytes;
        }));
    if (!failure.ok()) {
      return absl::Status(failure.code(), absl::StrCat("projection ", ns, ": event #",
                                                       applied_to + 1, ": ", failure.message()));
    }
    if (applied_to == checkpoint) {
      return absl::DataLossError(absl::StrCat("projection ", ns, ": the log has no event #",
                                              checkpoint + 1, " though it ends at #", last));
    }
    RETURN_IF_ERROR(projection.Flush(ctx));
    if (applied_to >= last) info.set_status(v1::ProjectionInfo::COMPLETE);
    cache.PutMessage(keys::kInfo, info);
    std::unique_ptr<store::StateBatch> batch = state.NewBatch();
    cache.WriteTo(*batch);
    batch->SetCheckpoint(ns, applied_to);
    if (building) {
      RETURN_IF_ERROR(state.CommitUnlogged(std::move(batch)));
      if (info.status() == v1::ProjectionInfo::COMPLETE) RETURN_IF_ERROR(state.Persist());
    } else {
      // Not synced: a lost chunk is lost together with its checkpoint and is re-applied.
      RETURN_IF_ERROR(state.Commit(std::move(batch), /*sync=*/false));
    }
    progress.applied += applied_to - checkpoint;
    checkpoint = applied_to;
    progress.checkpoint = checkpoint;
    if (options.progress) options.progress(progress);
  }
  return absl::OkStatus();
}

absl::Status CatchUp(store::Database& db, const CatchUpOptions& options) {
  store::StateStore& state = db.state();
  const v1::ProjectionRules defaults = DefaultRules();
  const std::string default_ns(kDefaultNamespace);
  ASSIGN_OR_RETURN(std::optional<v1::ProjectionInfo> info, ReadInfo(state, default_ns));
  if (!info.has_value() || info->rules_hash() != RulesHash(defaults) ||
      info->format_version() != kFormatVersion) {
    RETURN_IF_ERROR(state.DropNamespace(default_ns));
    ASSIGN_OR_RETURN(std::string created, CreateNamespace(db, defaults));
    (void)created;
  }
  ASSIGN_OR_RETURN(std::vector<std::string> names, state.Namespaces());
  for (const std::string& ns : names) {
    ASSIGN_OR_RETURN(std::optional<v1::ProjectionInfo> ns_info, ReadInfo(state, ns));
    if (!ns_info.has_value()) continue;  // not a projection
    std::string target = ns;
    if (ns_info->format_version() != kFormatVersion) {
      // Rows of another format: rebuild from the same rules.
      RETURN_IF_ERROR(state.DropNamespace(ns));
      ASSIGN_OR_RETURN(target, CreateNamespace(db, ns_info->rules()));
    }
    RETURN_IF_ERROR(CatchUpNamespace(db, target, options));
  }
  return absl::OkStatus();
}

}  // namespace claimline::projections

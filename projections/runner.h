// The runner: keeps every projection namespace of a database caught up with the log.
//
// Each namespace holds a ProjectionInfo row (rules, status, counters) and a checkpoint —
// the last sequence it applied. CatchUp reads the events after each checkpoint with
// EventLog::Scan (metadata and claims only, never article texts), a chunk at a time
// (CatchUpOptions), applies them through a ClaimsProjection, and commits the chunk's
// rows, the updated ProjectionInfo and the new checkpoint in ONE StateBatch. A crash
// between an append and the catch-up, or in the middle of one, leaves every namespace at
// a chunk boundary it can resume from: nothing is lost or applied twice.
//
// Namespaces: "default" is built from DefaultRules() and created (or rebuilt, when this
// build's defaults or row format differ from what built it) by CatchUp. A replay
// (CreateNamespace + CatchUpNamespace) builds "<rules name>@<hash8>" from sequence 0;
// its status stays BUILDING until it has reached the end of the log, and queries refuse
// a BUILDING namespace. A replay interrupted by a crash is resumed by the next CatchUp —
// a fold can continue from its checkpoint.
//
// Call CatchUp after appending (`append`'s after_append hook) and when a query opens the
// database writable. Libraries never print: progress goes to CatchUpOptions::progress.
#ifndef CLAIMLINE_PROJECTIONS_RUNNER_H_
#define CLAIMLINE_PROJECTIONS_RUNNER_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "claimline/v1/projection.pb.h"
#include "claimline/v1/rules.pb.h"
#include "store/event_log.h"

namespace claimline::projections {

// kFormatVersion: the meaning of the rows. A namespace built with another version is
// rebuilt by CatchUp. History: 1 = first version.
inline constexpr uint32_t kFormatVersion = 1;

struct CatchUpProgress {
  std::string ns;
  uint64_t applied = 0;  // events applied in this call so far
  uint64_t checkpoint = 0;
  uint64_t last = 0;  // the log's last sequence when the call started
};

struct CatchUpOptions {
  // chunk_events: events per StateBatch. Bigger chunks rewrite a hot cluster's summary
  // less often; the overlay of a chunk is held in memory, bounded by chunk_bytes (a
  // replay's chunks usually end there). Default: 16384 (4096 replayed ~12% slower).
  uint64_t chunk_events = 16384;
  // chunk_bytes: a chunk ends early when its changes exceed this. Default: 64 MiB.
  size_t chunk_bytes = 64 << 20;
  // progress: called after each committed chunk. Default: none.
  std::function<void(const CatchUpProgress&)> progress;
};

// CatchUp: ensures the "default" namespace, then brings every projection namespace up to
// the log's last sequence. REQUIRES: db opened writable.
absl::Status CatchUp(store::Database& db, const CatchUpOptions& options = {});

// CatchUpNamespace: brings one namespace up to the log's end; marks it COMPLETE there.
// NotFound when it does not exist.
absl::Status CatchUpNamespace(store::Database& db, const std::string& ns,
                              const CatchUpOptions& options = {});

// CreateNamespace: an empty namespace for `rules` (status BUILDING, checkpoint 0), named
// NamespaceFor(rules). AlreadyExists when it exists.
absl::StatusOr<std::string> CreateNamespace(store::Database& db, const v1::ProjectionRules& rules);

// ReadInfo: the ProjectionInfo of `ns`, or nullopt when `ns` is not a projection.
absl::StatusOr<std::optional<v1::ProjectionInfo>> ReadInfo(const store::StateStore& state,
                                                           const std::string& ns);

}  // namespace claimline::projections

#endif  // CLAIMLINE_PROJECTIONS_RUNNER_H_

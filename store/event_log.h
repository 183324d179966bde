// The append-only event log, and the projection state kept beside it.
//
// EventLog is the log: an append-only, gap-free sequence of immutable Events numbered
// from 1. There is one writer per database (a second one is refused with
// FailedPrecondition "database is locked by another claimline process: DIR"); any number
// of readers may read concurrently, in this process through snapshots and in other
// processes through a secondary instance (OpenReadOnlySecondary) that catches up on
// demand.
//
// Durability: Append returns only when the event is durable (the WAL is synced). Appends
// from concurrent threads are group-committed: they share one WAL sync. AppendBatch is the
// bulk mode: the whole batch is one atomic write with one sync, acknowledged as a whole —
// either every event in it is stored or none is.
//
// Idempotency: an ArticleRecorded event whose article content hash is already in the log
// writes nothing and reports the existing sequence ("duplicate of #N"). The content hash
// is computed by the store from the text (see content_hash.h for the normalization).
//
// The article text is written once, beside its event, in its own column family, so that
// scans and replays read only metadata and claims. Events are never overwritten or deleted.
//
// StateStore holds projections' materialized state in namespaces. A projection commits
// its state changes together with its new checkpoint in one StateBatch, atomically, so a
// crash can neither lose nor double-apply an event.
//
// Nothing above store/ sees a RocksDB type. The on-disk layout is in store/FORMAT.md.
//
// Example:
//   ASSIGN_OR_RETURN(std::unique_ptr<Database> db, Database::Open("claimline.db", {}));
//   v1::Event e;
//   *e.mutable_article_recorded()->mutable_article() = article;  // metadata, no text
//   ASSIGN_OR_RETURN(AppendResult r, db->log().Append(std::move(e), text));
//   if (r.duplicate) std::cout << "duplicate of #" << r.sequence;
#ifndef CLAIMLINE_STORE_EVENT_LOG_H_
#define CLAIMLINE_STORE_EVENT_LOG_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "base/clock.h"
#include "claimline/v1/event.pb.h"

namespace claimline::store {

// kMaxTextBytes: the largest article text the log accepts (Append fails with
// InvalidArgument above it); far above any article, far below RocksDB's value limit.
inline constexpr size_t kMaxTextBytes = size_t{64} << 20;

// The result of appending one event.
struct AppendResult {
  uint64_t sequence = 0;   // the new event's sequence, or the existing one if duplicate
  bool duplicate = false;  // true: nothing was written
};

// One event to append with its article text (empty for events that carry no article).
struct PendingEvent {
  v1::Event event;  // `sequence` and `recorded_at_micros` are assigned by the store
  std::string text;
};

// A consistent point-in-time view for reads. Obtained from EventLog::GetSnapshot.
class Snapshot {
 public:
  virtual ~Snapshot() = default;
  // LastSequence: the last event visible in this snapshot.
  virtual uint64_t LastSequence() const = 0;
};

class EventLog {
 public:
  virtual ~EventLog() = default;

  // Append: stores one event durably and returns its sequence. For ArticleRecorded,
  // the text is hashed (content_hash.h), the hash and text_bytes are filled into the
  // stored article, and a duplicate returns {existing, true} without writing.
  // Thread-safe; concurrent callers share one WAL sync.
  virtual absl::StatusOr<AppendResult> Append(v1::Event event, absl::string_view text) = 0;

  // AppendBatch: bulk mode. All events in one atomic write and one sync; results in input
  // order. A duplicate within the batch (same content twice) reports the first's sequence.
  virtual absl::StatusOr<std::vector<AppendResult>> AppendBatch(
      std::vector<PendingEvent> events) = 0;

  // Get: the event at `sequence`; NotFound past the end; DataLoss if it does not parse.
  virtual absl::StatusOr<v1::Event> Get(uint64_t sequence,
                                        const Snapshot* snapshot = nullptr) const = 0;

  // GetText: the article text stored with the event at `sequence` (NotFound if none).
  virtual absl::StatusOr<std::string> GetText(uint64_t sequence) const = 0;

  // Scan: calls `fn` for each event with sequence in [from, to] in order, stopping early
  // when `fn` returns false. `to` = UINT64_MAX means "to the end". Articles are returned
  // without their text. DataLoss (with the sequence) when an event does not parse.
  virtual absl::Status Scan(uint64_t from, uint64_t to,
                            const std::function<bool(const v1::Event&)>& fn,
                            const Snapshot* snapshot = nullptr) const = 0;

  // LastSequence: the last appended sequence; 0 for an empty log.
  virtual uint64_t LastSequence() const = 0;

  // FindByContentHash: the sequence of the article with this content hash, if any.
  virtual absl::StatusOr<std::optional<uint64_t>> FindByContentHash(
      absl::string_view hash) const = 0;

  // GetSnapshot: a consistent view; reads through it ignore later appends.
  virtual std::unique_ptr<Snapshot> GetSnapshot() const = 0;
};

// A group of projection-state changes committed atomically with checkpoints.
class StateBatch {
 public:
  virtual ~StateBatch() = default;
  virtual void Put(absl::string_view ns, absl::string_view key, absl::string_view value) = 0;
  virtual void Delete(absl::string_view ns, absl::string_view key) = 0;
  // SetCheckpoint: the namespace has applied every event up to and including `sequence`.
  virtual void SetCheckpoint(absl::string_view ns, uint64_t sequence) = 0;
  // ApproximateBytes: size of the pending changes, to bound batches.
  virtual size_t ApproximateBytes() const = 0;
};

class StateStore {
 public:
  virtual ~StateStore() = default;

  virtual std::unique_ptr<StateBatch> NewBatch() = 0;
  // Commit: writes the batch atomically. `sync` = true waits for the WAL sync.
  virtual absl::Status Commit(std::unique_ptr<StateBatch> batch, bool sync) = 0;
  // CommitUnlogged: writes the batch atomically but not to the write-ahead log, which is
  // much cheaper for large batches. A crash before the next Persist may lose it together
  // with every unlogged commit after the last persisted one (batches are never torn).
  // Only for state that can be rebuilt and whose loss leaves an earlier consistent point:
  // the chunks of a BUILDING projection namespace, with their checkpoint. REQUIRES: no
  // logged commit touches the same keys before Persist returns.
  virtual absl::Status CommitUnlogged(std::unique_ptr<StateBatch> batch) = 0;
  // Persist: makes every commit so far durable (writes the state out to table files).
  virtual absl::Status Persist() = 0;

  // Get: the value under (ns, key), or nullopt.
  virtual absl::StatusOr<std::optional<std::string>> Get(absl::string_view ns,
                                                         absl::string_view key) const = 0;
  // ScanPrefix: calls fn(key, value) for every key in `ns` starting with `prefix`, in
  // byte order, stopping early when fn returns false. Keys are given without the namespace.
  virtual absl::Status ScanPrefix(
      absl::string_view ns, absl::string_view prefix,
      const std::function<bool(absl::string_view key, absl::string_view value)>& fn) const = 0;
  // Checkpoint: the last sequence applied in `ns`; 0 when the namespace is new.
  virtual absl::StatusOr<uint64_t> Checkpoint(absl::string_view ns) const = 0;
  // DropNamespace: removes every key and the checkpoint of `ns`.
  virtual absl::Status DropNamespace(absl::string_view ns) = 0;
  // Namespaces: every namespace that has a checkpoint or state.
  virtual absl::StatusOr<std::vector<std::string>> Namespaces() const = 0;

  // Small named metadata values (e.g. "active_projection"), durable on return.
  virtual absl::StatusOr<std::optional<std::string>> GetMeta(absl::string_view name) const = 0;
  virtual absl::Status SetMeta(absl::string_view name, absl::string_view value) = 0;
};

// Options for Database::Open. Each field says its default.
struct OpenOptions {
  // create_if_missing: create an empty claimline database when DIR does not exist or is
  // empty. Default: true.
  bool create_if_missing = true;
  // read_only: open without taking the writer lock (RocksDB read-only). Default: false.
  bool read_only = false;
  // clock: source of recorded_at stamps. Default: the wall clock.
  const Clock* clock = RealClock();
  // block_cache_bytes: shared block cache for all column families. Default: 64 MiB.
  size_t block_cache_bytes = 64 << 20;
};

// Integrity report of Database::Verify.
struct VerifyReport {
  uint64_t events = 0;
  uint64_t texts = 0;
  uint64_t dedupe_entries = 0;
  std::vector<std::string> problems;  // one line each, with the sequence or key involved
  bool ok() const { return problems.empty(); }
};

// Database: one claimline database directory holding the log and the projection state.
class Database {
 public:
  virtual ~Database() = default;

  // Open: opens (or creates) the database in `dir` as the single writer.
  // Errors: FailedPrecondition when locked by another process, when `dir` holds something
  // that is not a claimline database, or a format version this build does not know;
  // DataLoss when RocksDB reports corruption. Messages name the path and what to do.
  static absl::StatusOr<std::unique_ptr<Database>> Open(const std::string& dir,
                                                        const OpenOptions& options);

  // OpenReadOnlySecondary: a reader in another process alongside the writer. Keeps its
  // own RocksDB secondary files under `secondary_dir`. Appends are refused.
  static absl::StatusOr<std::unique_ptr<Database>> OpenReadOnlySecondary(
      const std::string& dir, const std::string& secondary_dir, const OpenOptions& options);

  virtual EventLog& log() = 0;
  virtual StateStore& state() = 0;

  // CatchUp: for a secondary instance, reads what the writer has appended since; a no-op
  // for the writer.
  virtual absl::Status CatchUp() = 0;

  // Verify: every event parses, the sequence is gap-free and matches its key, every
  // article has its text and the dedupe index matches the log exactly, and RocksDB's own
  // checksums pass. Problems are reported, not fatal.
  virtual absl::StatusOr<VerifyReport> Verify() = 0;

  // Stats for `claimline stats`: name → value ("events", "bytes_on_disk", …).
  virtual std::vector<std::pair<std::string, uint64_t>> Stats() const = 0;

  virtual const std::string& path() const = 0;
};

}  // namespace claimline::store

#endif  // CLAIMLINE_STORE_EVENT_LOG_H_

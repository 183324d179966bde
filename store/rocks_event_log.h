// RocksEventLog: the EventLog of event_log.h over RocksHandles (layout in FORMAT.md).
//
// Appends are group-committed the way LevelDB's DBImpl::Write does it: each caller
// prepares its events (validation, content hash, serialization) on its own thread, then
// queues; the caller at the head of the queue becomes the leader, takes the queued
// requests (up to kMaxGroupBytes), assigns their sequences, resolves duplicates, writes
// them all in ONE WriteBatch with one WAL sync, and wakes the others with their results.
// Only a leader touches the next sequence, so sequences are gap-free; a failed write
// leaves it unchanged (nothing of the batch was applied).
#ifndef CLAIMLINE_STORE_ROCKS_EVENT_LOG_H_
#define CLAIMLINE_STORE_ROCKS_EVENT_LOG_H_

#include <atomic>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "base/clock.h"
#include "rocksdb/write_batch.h"
#include "store/event_log.h"
#include "store/rocks_handles.h"

namespace claimline::store {

class RocksEventLog : public EventLog {
 public:
  // Create: reads the log's position from `handles`. `handles` and `clock` must outlive
  // the log.
  static absl::StatusOr<std::unique_ptr<RocksEventLog>> Create(RocksHandles* handles,
                                                               const Clock* clock);

  absl::StatusOr<AppendResult> Append(v1::Event event, absl::string_view text) override;
  absl::StatusOr<std::vector<AppendResult>> AppendBatch(std::vector<PendingEvent> events) override;
  absl::StatusOr<v1::Event> Get(uint64_t sequence, const Snapshot* snapshot) const override;
  absl::StatusOr<std::string> GetText(uint64_t sequence) const override;
  absl::Status Scan(uint64_t from, uint64_t to, const std::function<bool(const v1::Event&)>& fn,
                    const Snapshot* snapshot) const override;
  uint64_t LastSequence() const override;
  absl::StatusOr<std::optional<uint64_t>> FindByContentHash(absl::string_view hash) const override;
  std::unique_ptr<Snapshot> GetSnapshot() const override;

  // Refresh: re-reads the log's position (after a secondary caught up).
  absl::Status Refresh();

 private:
  // An event ready to be written: everything but its sequence and timestamp.
  struct Prepared {
    std::string body;        // serialized Event without sequence and recorded_at_micros
    std::string hash;        // content hash; empty for events that carry no article
    absl::string_view text;  // the caller's text (unless owned_text is used)
    std::string owned_text;  // the text when it arrived inside Article.text
    bool text_owned = false;
    absl::string_view Text() const { return text_owned ? owned_text : text; }
  };

  // A queued append request: one Append call or one AppendBatch.
  struct Writer {
    std::vector<Prepared>* events;
    std::vector<AppendResult> results;
    size_t bytes = 0;
    absl::Status status;
    bool done = false;
    absl::CondVar cv;
  };

  explicit RocksEventLog(RocksHandles* handles, const Clock* clock) : h_(handles), clock_(clock) {}

  absl::StatusOr<Prepared> Prepare(v1::Event event, absl::string_view text) const;
  // Write: queues `w` and returns when it has been written (by this thread or a leader).
  absl::Status Write(Writer* w);
  // CommitGroup: the leader's work for `group`. Sets each writer's results.
  absl::Status CommitGroup(const std::vector<Writer*>& group);

  RocksHandles* const h_;
  const Clock* const clock_;
  std::atomic<uint64_t> last_sequence_{0};  // last acknowledged sequence

  absl::Mutex mu_;
  std::deque<Writer*> writers_ ABSL_GUARDED_BY(mu_);

  // Leader-only state: touched by whichever thread is the leader; handed from one leader
  // to the next through mu_.
  uint64_t next_sequence_ = 1;
  uint64_t articles_ = 0;
  uint64_t text_bytes_ = 0;
  int64_t last_recorded_at_ = 0;
  rocksdb::WriteBatch batch_;  // reused: keeps its buffer between groups
  v1::Event header_event_;     // reused: holds only sequence and recorded_at_micros
  std::string header_;         // reused: header_event_ serialized
};

}  // namespace claimline::store

#endif  // CLAIMLINE_STORE_ROCKS_EVENT_LOG_H_

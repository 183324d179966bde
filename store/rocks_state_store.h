// RocksStateStore: the StateStore of event_log.h over the `projections` and `meta`
// column families (key layout in keys.h and FORMAT.md).
//
// A StateBatch is a RocksDB WriteBatch: its puts, deletes and checkpoints are applied
// atomically by Commit. Batch methods cannot fail; a bad namespace is remembered and
// Commit returns InvalidArgument without writing anything.
#ifndef CLAIMLINE_STORE_ROCKS_STATE_STORE_H_
#define CLAIMLINE_STORE_ROCKS_STATE_STORE_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "rocksdb/write_batch.h"
#include "store/event_log.h"
#include "store/rocks_handles.h"

namespace claimline::store {

class RocksStateStore : public StateStore {
 public:
  // `handles` must outlive the store.
  explicit RocksStateStore(RocksHandles* handles) : h_(handles) {}

  std::unique_ptr<StateBatch> NewBatch() override;
  absl::Status Commit(std::unique_ptr<StateBatch> batch, bool sync) override;
  absl::Status CommitUnlogged(std::unique_ptr<StateBatch> batch) override;
  absl::Status Persist() override;
  absl::StatusOr<std::optional<std::string>> Get(absl::string_view ns,
                                                 absl::string_view key) const override;
  absl::Status ScanPrefix(
      absl::string_view ns, absl::string_view prefix,
      const std::function<bool(absl::string_view key, absl::string_view value)>& fn) const override;
  absl::StatusOr<uint64_t> Checkpoint(absl::string_view ns) const override;
  absl::Status DropNamespace(absl::string_view ns) override;
  absl::StatusOr<std::vector<std::string>> Namespaces() const override;
  absl::StatusOr<std::optional<std::string>> GetMeta(absl::string_view name) const override;
  absl::Status SetMeta(absl::string_view name, absl::string_view value) override;

 private:
  absl::Status Write(std::unique_ptr<StateBatch> batch, const rocksdb::WriteOptions& options);

  RocksHandles* const h_;
  // spare_: the last committed WriteBatch, cleared, reused by NewBatch.
  absl::Mutex spare_mu_;
  std::unique_ptr<rocksdb::WriteBatch> spare_ ABSL_GUARDED_BY(spare_mu_);
};

}  // namespace claimline::store

#endif  // CLAIMLINE_STORE_ROCKS_STATE_STORE_H_

#include "store/rocks_state_store.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "base/status_macros.h"
#include "rocksdb/write_batch.h"
#include "store/keys.h"

namespace claimline::store {
namespace {

// kMaxSpareBatchBytes: a committed batch up to this size is kept for the next NewBatch.
constexpr size_t kMaxSpareBatchBytes = size_t{16} << 20;

class RocksStateBatch : public StateBatch {
 public:
  // `batch` must be empty; it is reused from an earlier commit when there was one.
  RocksStateBatch(rocksdb::ColumnFamilyHandle* family, std::unique_ptr<rocksdb::WriteBatch> batch)
      : family_(family), batch_(std::move(batch)) {}

  void Put(absl::string_view ns, absl::string_view key, absl::string_view value) override {
    if (!Check(ns)) return;
    // The key as StateKey(ns, key) in three parts: no string built per row.
    const rocksdb::Slice parts[3] = {ToSlice(ns), ToSlice(prefix_), ToSlice(key)};
    const rocksdb::Slice value_slice = ToSlice(value);
    Remember(
        batch_->Put(family_, rocksdb::SliceParts(parts, 3), rocksdb::SliceParts(&value_slice, 1)));
  }
  void Delete(absl::string_view ns, absl::string_view key) override {
    if (!Check(ns)) return;
    Remember(batch_->Delete(family_, ToSlice(StateKey(ns, key))));
  }
  void SetCheckpoint(absl::string_view ns, uint64_t sequence) override {
    if (!Check(ns)) return;
    const std::array<char, 8> value = EncodeBigEndian64(sequence);
    Remember(batch_->Put(family_, ToSlice(CheckpointKey(ns)), ToSlice(value)));
  }
  size_t ApproximateBytes() const override { return batch_->GetDataSize(); }

  // error: the first problem met while building the batch (then nothing is written).
  const absl::Status& error() const { return error_; }
  rocksdb::WriteBatch* batch() { return batch_.get(); }
  // Release: the WriteBatch, cleared, for the next NewBatch (its buffer is kept: a
  // chunk's batch is tens of MB, and a fresh one would grow and fault in its pages again).
  std::unique_ptr<rocksdb::WriteBatch> Release() {
    batch_->Clear();
    return std::move(batch_);
  }

 private:
  bool Check(absl::string_view ns) {
    if (!error_.ok()) return false;
    // A batch is nearly always for one namespace: validate each new one once.
    if (!checked_.empty() && ns == checked_) return true;
    error_ = ValidateNamespace(ns);
    if (error_.ok()) checked_ = std::string(ns);
    return error_.ok();
  }
  void Remember(const rocksdb::Status& s) {
    if (!s.ok() && error_.ok()) {
      error_ = absl::InvalidArgumentError(absl::StrCat("state batch: ", s.ToString()));
    }
  }

  rocksdb::ColumnFamilyHandle* const family_;
  // prefix_: what StateKey puts between the namespace and the key.
  const std::string prefix_ = StateKey("", "");
  std::string checked_;  // the last namespace found valid (never empty once set)
  std::unique_ptr<rocksdb::WriteBatch> batch_;
  absl::Status error_;
};

}  // namespace

std::unique_ptr<StateBatch> RocksStateStore::NewBatch() {
  std::unique_ptr<rocksdb::WriteBatch> batch;
  {
    absl::MutexLock lock(&spare_mu_);
    batch = std::move(spare_);
  }
  if (batch == nullptr) batch = std::make_unique<rocksdb::WriteBatch>();
  return std::make_unique<RocksStateBatch>(h_->projections, std::move(batch));
}

absl::Status RocksStateStore::Commit(std::unique_ptr<StateBatch> batch, bool sync) {
  rocksdb::WriteOptions options;
  options.sync = sync;
  return Write(std::move(batch), options);
}

absl::Status RocksStateStore::CommitUnlogged(std::unique_ptr<StateBatch> batch) {
  rocksdb::WriteOptions options;
  // No WAL: the memtable holds the batch whole, and a flush writes whole memtables, so a
  // crash loses whole batches since the last flush, never part of one. RocksDB flushes
  // such data when the database closes (avoid_flush_during_shutdown stays false).
  options.disableWAL = true;
  return Write(std::move(batch), options);
}

absl::Status RocksStateStore::Persist() {
  if (!h_->writable()) return h_->RefuseWrite("persist projection state");
  rocksdb::FlushOptions options;
  options.wait = true;
  return h_->FromRocks(h_->db->Flush(options, h_->projections), "persist projection state");
}

absl::Status RocksStateStore::Write(std::unique_ptr<StateBatch> batch,
                                    const rocksdb::WriteOptions& options) {
  if (!h_->writable()) return h_->RefuseWrite("projection state commit");
  auto* rocks_batch = dynamic_cast<RocksStateBatch*>(batch.get());
  if (rocks_batch == nullptr) {
    return absl::InvalidArgumentError("the state batch was not made by this store's NewBatch");
  }
  RETURN_IF_ERROR(rocks_batch->error());
  const rocksdb::Status s = h_->db->Write(options, rocks_batch->batch());
  if (rocks_batch->batch()->GetDataSize() <= kMaxSpareBatchBytes) {
    std::unique_ptr<rocksdb::WriteBatch> spare = rocks_batch->Release();
    absl::MutexLock lock(&spare_mu_);
    spare_ = std::move(spare);
  }
  return h_->FromRocks(s, "commit projection state");
}

absl::StatusOr<std::optional<std::string>> RocksStateStore::Get(absl::string_view ns,
                                                                absl::string_view key) const {
  RETURN_IF_ERROR(ValidateNamespace(ns));
  std::string value;
  rocksdb::Status s =
      h_->db->Get(rocksdb::ReadOptions(), h_->projections, ToSlice(StateKey(ns, key)), &value);
  if (s.IsNotFound()) return std::nullopt;
  if (!s.ok()) return h_->FromRocks(s, absl::StrCat("read projection state of ", ns));
  return value;
}

absl::Status RocksStateStore::ScanPrefix(
    absl::string_view ns, absl::string_view prefix,
    const std::function<bool(absl::string_view key, absl::string_view value)>& fn) const {
  RETURN_IF_ERROR(ValidateNamespace(ns));
  const size_t skip = StateKeyPrefix(ns).size();
  const std::string lower = StateKey(ns, prefix);
  // The state tag byte 's' is below 0xff, so a successor always exists.
  const std::string upper = *PrefixSuccessor(lower);
  const rocksdb::Slice lower_slice = ToSlice(lower);
  const rocksdb::Slice upper_slice = ToSlice(upper);
  rocksdb::ReadOptions options;
  options.iterate_lower_bound = &lower_slice;
  options.iterate_upper_bound = &upper_slice;
  std::unique_ptr<rocksdb::Iterator> it(h_->db->NewIterator(options, h_->projections));
  for (it->Seek(lower_slice); it->Valid(); it->Next()) {
    absl::string_view key = View(it->key());
    key.remove_prefix(skip);
    if (!fn(key, View(it->value()))) return absl::OkStatus();
  }
  return h_->FromRocks(it->status(), absl::StrCat("scan projection state of ", ns));
}

absl::StatusOr<uint64_t> RocksStateStore::Checkpoint(absl::string_view ns) const {
  RETURN_IF_ERROR(ValidateNamespace(ns));
  rocksdb::PinnableSlice value;
  rocksdb::Status s =
      h_->db->Get(rocksdb::ReadOptions(), h_->projections, ToSlice(CheckpointKey(ns)), &value);
  if (s.IsNotFound()) return 0;
  if (!s.ok()) return h_->FromRocks(s, absl::StrCat("read the checkpoint of ", ns));
  std::optional<uint64_t> sequence = ParseBigEndian64(View(value));
  if (!sequence) {
    return absl::DataLossError(absl::StrCat(h_->dir, ": the checkpoint of namespace ", ns,
                                            " holds ", value.size(), " bytes, not a sequence"));
  }
  return *sequence;
}

absl::Status RocksStateStore::DropNamespace(absl::string_view ns) {
  if (!h_->writable()) return h_->RefuseWrite("drop namespace");
  RETURN_IF_ERROR(ValidateNamespace(ns));
  rocksdb::WriteOptions options;
  options.sync = true;
  // One range tombstone removes the state and the checkpoint, whatever their number.
  rocksdb::WriteBatch batch;
  rocksdb::Status s =
      batch.DeleteRange(h_->projections, ToSlice(NamespaceBegin(ns)), ToSlice(NamespaceEnd(ns)));
  if (s.ok()) s = h_->db->Write(options, &batch);
  return h_->FromRocks(s, absl::StrCat("drop namespace ", ns));
}

absl::StatusOr<std::vector<std::string>> RocksStateStore::Namespaces() const {
  std::vector<std::string> namespaces;
  std::unique_ptr<rocksdb::Iterator> it(
      h_->db->NewIterator(rocksdb::ReadOptions(), h_->projections));
  // One seek per namespace: after reading a namespace, jump past its range.
  for (it->SeekToFirst(); it->Valid();) {
    const absl::string_view key = View(it->key());
    const size_t end = key.find('\0');
    if (end == absl::string_view::npos || end == 0) {
      return absl::DataLossError(absl::StrCat(h_->dir, ": projections key ", HexKey(key),
                                              " has no namespace; run claimline verify"));
    }
    namespaces.emplace_back(key.substr(0, end));
    it->Seek(ToSlice(NamespaceEnd(namespaces.back())));
  }
  RETURN_IF_ERROR(h_->FromRocks(it->status(), "list projection namespaces"));
  return namespaces;
}

absl::StatusOr<std::optional<std::string>> RocksStateStore::GetMeta(absl::string_view name) const {
  if (name.empty()) return absl::InvalidArgumentError("meta value name is empty");
  std::string value;
  rocksdb::Status s =
      h_->db->Get(rocksdb::ReadOptions(), h_->meta, ToSlice(NamedMetaKey(name)), &value);
  if (s.IsNotFound()) return std::nullopt;
  if (!s.ok()) return h_->FromRocks(s, absl::StrCat("read meta value ", name));
  return value;
}

absl::Status RocksStateStore::SetMeta(absl::string_view name, absl::string_view value) {
  if (!h_->writable()) return h_->RefuseWrite("set meta value");
  if (name.empty()) return absl::InvalidArgumentError("meta value name is empty");
  rocksdb::WriteOptions options;
  options.sync = true;
  return h_->FromRocks(h_->db->Put(options, h_->meta, ToSlice(NamedMetaKey(name)), ToSlice(value)),
                       absl::StrCat("write meta value ", name));
}

}  // namespace claimline::store

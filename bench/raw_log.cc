#include "bench/raw_log.h"

#include <array>

#include "absl/strings/str_cat.h"
#include "rocksdb/db.h"
#include "rocksdb/write_batch.h"
#include "store/keys.h"
#include "store/rocks_options.h"

namespace claimline::bench {
namespace {

class RocksRawLog : public RawLog {
 public:
  ~RocksRawLog() override {
    for (rocksdb::ColumnFamilyHandle* h : handles_) db_->DestroyColumnFamilyHandle(h);
    db_->Close();
  }

  absl::Status AppendBatch(std::vector<RawRecord>& records, int64_t recorded_at) override {
    rocksdb::WriteBatch batch;
    std::string body;
    for (RawRecord& r : records) {
      const std::array<char, 8> key = store::SequenceKey(next_++);
      const rocksdb::Slice key_slice(key.data(), key.size());
      r.event.set_sequence(next_ - 1);
      r.event.set_recorded_at_micros(recorded_at);
      r.event.SerializeToString(&body);
      rocksdb::Status s = batch.Put(events_, key_slice, body);
      if (s.ok()) s = batch.Put(texts_, key_slice, r.text);
      if (s.ok()) s = batch.Put(dedupe_, r.hash, key_slice);
      if (!s.ok()) return absl::InternalError(absl::StrCat("raw batch: ", s.ToString()));
    }
    rocksdb::WriteOptions options;
    options.sync = true;
    rocksdb::Status s = db_->Write(options, &batch);
    if (!s.ok()) return absl::InternalError(absl::StrCat("raw write: ", s.ToString()));
    return absl::OkStatus();
  }

  std::unique_ptr<rocksdb::DB> db_;
  std::vector<rocksdb::ColumnFamilyHandle*> handles_;
  rocksdb::ColumnFamilyHandle* events_ = nullptr;
  rocksdb::ColumnFamilyHandle* texts_ = nullptr;
  rocksdb::ColumnFamilyHandle* dedupe_ = nullptr;
  uint64_t next_ = 1;
};

}  // namespace

absl::StatusOr<std::unique_ptr<RawLog>> RawLog::Open(const std::string& dir,
                                                     size_t block_cache_bytes) {
  rocksdb::DBOptions db_options = store::MakeDbOptions();
  db_options.create_if_missing = true;
  db_options.create_missing_column_families = true;
  std::shared_ptr<rocksdb::Cache> cache = rocksdb::NewLRUCache(block_cache_bytes);
  std::vector<rocksdb::ColumnFamilyDescriptor> families;
  for (const char* name : {rocksdb::kDefaultColumnFamilyName.c_str(), store::kEventsFamily,
                           store::kTextsFamily, store::kDedupeFamily}) {
    families.emplace_back(name, store::MakeFamilyOptions(name, cache));
  }
  auto log = std::make_unique<RocksRawLog>();
  rocksdb::DB* db = nullptr;
  rocksdb::Status s = rocksdb::DB::Open(db_options, dir, families, &log->handles_, &db);
  if (!s.ok()) return absl::InternalError(absl::StrCat("raw open ", dir, ": ", s.ToString()));
  log->db_.reset(db);
  log->events_ = log->handles_[1];
  log->texts_ = log->handles_[2];
  log->dedupe_ = log->handles_[3];
  return std::unique_ptr<RawLog>(std::move(log));
}

}  // namespace claimline::bench

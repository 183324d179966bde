#include "store/rocks_database.h"

#include <filesystem>
#include <system_error>

#include "absl/strings/match.h"
#include "base/status_macros.h"
#include "store/keys.h"
#include "store/rocks_open.h"
#include "store/rocks_verify.h"

namespace claimline::store {
namespace {

namespace fs = std::filesystem;

// WalBytes: the size of the write-ahead log files (DIR/*.log) still on disk.
uint64_t WalBytes(const std::string& dir) {
  uint64_t total = 0;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().extension() != ".log") continue;
    std::error_code size_ec;
    const uintmax_t size = it->file_size(size_ec);
    if (!size_ec) total += size;
  }
  return total;
}

}  // namespace

absl::StatusOr<std::unique_ptr<RocksDatabase>> RocksDatabase::Open(const std::string& dir,
                                                                   OpenMode mode,
                                                                   const std::string& secondary_dir,
                                                                   const OpenOptions& options) {
  std::unique_ptr<RocksDatabase> database(new RocksDatabase());
  ASSIGN_OR_RETURN(database->handles_, OpenRocks(dir, mode, secondary_dir, options));
  ASSIGN_OR_RETURN(database->log_,
                   RocksEventLog::Create(database->handles_.get(),
                                         options.clock != nullptr ? options.clock : RealClock()));
  database->state_ = std::make_unique<RocksStateStore>(database->handles_.get());
  return database;
}

absl::Status RocksDatabase::CatchUp() {
  // The writer is always current; a read-only instance is a fixed view by definition.
  if (handles_->mode != OpenMode::kSecondary) return absl::OkStatus();
  RETURN_IF_ERROR(
      handles_->FromRocks(handles_->db->TryCatchUpWithPrimary(), "catch up with the writer of"));
  return log_->Refresh();
}

absl::StatusOr<VerifyReport> RocksDatabase::Verify() { return VerifyRocks(*handles_); }

std::vector<std::pair<std::string, uint64_t>> RocksDatabase::Stats() const {
  const RocksHandles& h = *handles_;
  const auto meta = [&h](const char* key) -> uint64_t {
    absl::StatusOr<std::optional<uint64_t>> value = h.GetMetaNumber(key);
    return value.ok() && value->has_value() ? **value : 0;
  };
  uint64_t dedupe_entries = 0;
  {
    rocksdb::ReadOptions options;
    options.fill_cache = false;  // a one-off walk must not evict the working set
    std::unique_ptr<rocksdb::Iterator> it(h.db->NewIterator(options, h.dedupe));
    for (it->SeekToFirst(); it->Valid(); it->Next()) ++dedupe_entries;
  }
  uint64_t sst_bytes = 0;
  for (rocksdb::ColumnFamilyHandle* family : h.all_families) {
    uint64_t bytes = 0;
    if (h.db->GetIntProperty(family, rocksdb::DB::Properties::kLiveSstFilesSize, &bytes)) {
      sst_bytes += bytes;
    }
  }
  const uint64_t wal_bytes = WalBytes(h.dir);
  absl::StatusOr<std::vector<std::string>> namespaces = state_->Namespaces();
  const uint64_t last = log_->LastSequence();
  return {
      {"events", last},
      {"articles", meta(kMetaArticles)},
      {"text_bytes", meta(kMetaTextBytes)},
      {"dedupe_entries", dedupe_entries},
      {"last_sequence", last},
      {"format_version", kFormatVersion},
      {"namespaces", namespaces.ok() ? namespaces->size() : 0},
      {"sst_bytes", sst_bytes},
      {"wal_bytes", wal_bytes},
      {"bytes_on_disk", sst_bytes + wal_bytes},
  };
}

absl::StatusOr<std::unique_ptr<Database>> Database::Open(const std::string& dir,
                                                         const OpenOptions& options) {
  ASSIGN_OR_RETURN(
      std::unique_ptr<RocksDatabase> database,
      RocksDatabase::Open(dir, options.read_only ? OpenMode::kReadOnly : OpenMode::kWriter, "",
                          options));
  return database;
}

absl::StatusOr<std::unique_ptr<Database>> Database::OpenReadOnlySecondary(
    const std::string& dir, const std::string& secondary_dir, const OpenOptions& options) {
  if (secondary_dir.empty()) {
    return absl::InvalidArgumentError("a secondary instance needs a directory of its own");
  }
  ASSIGN_OR_RETURN(std::unique_ptr<RocksDatabase> database,
                   RocksDatabase::Open(dir, OpenMode::kSecondary, secondary_dir, options));
  return database;
}

}  // namespace claimline::store

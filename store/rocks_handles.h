// RocksHandles: an open RocksDB instance of a claimline database and its column families,
// shared by the EventLog, StateStore and Verify implementations. Internal to store/.
//
// Thread-safe as RocksDB is: any number of threads may read and write through it.
#ifndef CLAIMLINE_STORE_ROCKS_HANDLES_H_
#define CLAIMLINE_STORE_ROCKS_HANDLES_H_

#include <array>
#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "rocksdb/cache.h"
#include "rocksdb/db.h"

namespace claimline::store {

// Conversions between RocksDB slices and Abseil string views (Debian's Abseil has its own
// string_view type, not std::string_view).
inline rocksdb::Slice ToSlice(absl::string_view s) { return rocksdb::Slice(s.data(), s.size()); }
inline rocksdb::Slice ToSlice(const std::array<char, 8>& key) {
  return rocksdb::Slice(key.data(), key.size());
}
inline absl::string_view View(const rocksdb::Slice& s) {
  return absl::string_view(s.data(), s.size());
}

enum class OpenMode {
  kWriter,     // the single writer (holds RocksDB's LOCK)
  kReadOnly,   // RocksDB read-only: a fixed view taken at open, no lock
  kSecondary,  // RocksDB secondary: follows the writer on CatchUp(), no lock
};

class RocksHandles {
 public:
  RocksHandles() = default;
  RocksHandles(const RocksHandles&) = delete;
  RocksHandles& operator=(const RocksHandles&) = delete;
  // Releases the column family handles, syncs the WAL (writer, unless an I/O error was
  // seen) and closes the database.
  ~RocksHandles();

  // FromRocks: the absl::Status of a RocksDB status met while doing `what`. Remembers an
  // I/O error (a full disk): after one, RocksDB's WAL writer must not be written again
  // (Debian's librocksdb asserts on it), so the destructor skips its SyncWAL.
  absl::Status FromRocks(const rocksdb::Status& status, absl::string_view what) const;

  // GetMetaNumber: an 8-byte big-endian meta value; nullopt when absent; DataLoss when
  // it is not 8 bytes.
  absl::StatusOr<std::optional<uint64_t>> GetMetaNumber(absl::string_view key) const;

  bool writable() const { return mode == OpenMode::kWriter; }
  // RefuseWrite: FailedPrecondition naming the directory and the mode.
  absl::Status RefuseWrite(absl::string_view what) const;

  std::string dir;
  OpenMode mode = OpenMode::kWriter;
  std::shared_ptr<rocksdb::Cache> block_cache;
  std::unique_ptr<rocksdb::DB> db;
  std::vector<rocksdb::ColumnFamilyHandle*> all_families;  // owned; released in the dtor
  rocksdb::ColumnFamilyHandle* events = nullptr;
  rocksdb::ColumnFamilyHandle* texts = nullptr;
  rocksdb::ColumnFamilyHandle* dedupe = nullptr;
  rocksdb::ColumnFamilyHandle* meta = nullptr;
  rocksdb::ColumnFamilyHandle* projections = nullptr;
  mutable std::atomic<bool> io_error_seen{false};
};

}  // namespace claimline::store

#endif  // CLAIMLINE_STORE_ROCKS_HANDLES_H_

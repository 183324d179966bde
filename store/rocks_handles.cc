#include "store/rocks_handles.h"

#include "absl/strings/str_cat.h"
#include "store/keys.h"
#include "store/rocks_status.h"

namespace claimline::store {

RocksHandles::~RocksHandles() {
  if (db == nullptr) return;
  // State commits may have been written with sync=false; a clean close makes them durable.
  if (writable() && !io_error_seen.load()) db->SyncWAL().PermitUncheckedError();
  for (rocksdb::ColumnFamilyHandle* family : all_families) {
    db->DestroyColumnFamilyHandle(family).PermitUncheckedError();
  }
  db->Close().PermitUncheckedError();
  db.reset();
}

absl::Status RocksHandles::FromRocks(const rocksdb::Status& status, absl::string_view what) const {
  if (status.IsIOError()) io_error_seen.store(true);
  return FromRocksStatus(status, dir, what);
}

absl::StatusOr<std::optional<uint64_t>> RocksHandles::GetMetaNumber(absl::string_view key) const {
  rocksdb::PinnableSlice value;
  rocksdb::Status s =
      db->Get(rocksdb::ReadOptions(), meta, rocksdb::Slice(key.data(), key.size()), &value);
  if (s.IsNotFound()) return std::nullopt;
  if (!s.ok()) return FromRocks(s, absl::StrCat("read meta ", key));
  std::optional<uint64_t> number = ParseBigEndian64(View(value));
  if (!number) {
    return absl::DataLossError(absl::StrCat(dir, ": meta key ", key, " holds ", value.size(),
                                            " bytes, expected an 8-byte number"));
  }
  return number;
}

absl::Status RocksHandles::RefuseWrite(absl::string_view what) const {
  return absl::FailedPreconditionError(
      absl::StrCat(what, " refused: database ", dir, " is open ",
                   mode == OpenMode::kSecondary ? "as a read-only secondary" : "read-only"));
}

}  // namespace claimline::store

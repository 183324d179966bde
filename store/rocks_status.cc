#include "store/rocks_status.h"

#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"

namespace claimline::store {

bool IsLockError(const rocksdb::Status& status) {
  if (!status.IsIOError()) return false;
  // RocksDB reports "While lock file: DIR/LOCK: Resource temporarily unavailable" for
  // another process and "lock hold by current process … DIR/LOCK: No locks available"
  // for this one; both name the LOCK file.
  const char* state = status.getState();
  return state != nullptr && absl::StrContains(state, "/LOCK");
}

absl::Status FromRocksStatus(const rocksdb::Status& status, absl::string_view dir,
                             absl::string_view what) {
  if (status.ok()) return absl::OkStatus();
  if (IsLockError(status)) {
    return absl::FailedPreconditionError(
        absl::StrCat("database is locked by another claimline process: ", dir));
  }
  // RocksDB messages are one line in practice; make sure of it.
  const std::string detail = absl::StrReplaceAll(status.ToString(), {{"\n", " "}});
  const std::string where = absl::StrCat(what, " ", dir, ": ", detail);
  if (status.IsNoSpace() || (status.IsIOError() && absl::StrContains(detail, "No space left"))) {
    return absl::ResourceExhaustedError(
        absl::StrCat("no space left on device: ", dir, " (", what, ")"));
  }
  switch (status.code()) {
    case rocksdb::Status::kCorruption:
      // A database that does not open cannot be verified either: say what is left to do.
      if (what == "open") {
        return absl::DataLossError(absl::StrCat(where,
                                                "; the database is damaged and cannot be opened: "
                                                "restore it from a backup (RocksDB's ",
                                                dir, "/LOG has the details)"));
      }
      return absl::DataLossError(absl::StrCat(where, "; run `claimline verify`"));
    case rocksdb::Status::kNotFound:
      return absl::NotFoundError(where);
    case rocksdb::Status::kInvalidArgument:
      return absl::InvalidArgumentError(where);
    case rocksdb::Status::kNotSupported:
      return absl::UnimplementedError(where);
    case rocksdb::Status::kBusy:
    case rocksdb::Status::kTimedOut:
    case rocksdb::Status::kTryAgain:
      return absl::UnavailableError(where);
    case rocksdb::Status::kAborted:
      return absl::AbortedError(where);
    case rocksdb::Status::kShutdownInProgress:
      return absl::CancelledError(where);
    default:  // kIOError, kIncomplete, kMergeInProgress, kColumnFamilyDropped, …
      return absl::InternalError(where);
  }
}

}  // namespace claimline::store

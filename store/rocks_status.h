// The one translation of RocksDB statuses into absl::Status (canonical codes, one line).
//
//   Corruption            → DataLoss
//   IOError, no space     → ResourceExhausted "no space left on device: DIR (what)"
//   IOError on LOCK       → FailedPrecondition "database is locked by another claimline
//                           process: DIR"
//   other IOError         → Internal
//   NotFound              → NotFound        InvalidArgument → InvalidArgument
//   NotSupported          → Unimplemented   Busy/TimedOut/TryAgain → Unavailable
//   Aborted               → Aborted         ShutdownInProgress → Cancelled
//   anything else         → Internal
// Only store/ sees this header (nothing above store/ sees a RocksDB type).
#ifndef CLAIMLINE_STORE_ROCKS_STATUS_H_
#define CLAIMLINE_STORE_ROCKS_STATUS_H_

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "rocksdb/status.h"

namespace claimline::store {

// FromRocksStatus: `dir` is the database directory, `what` the operation ("append",
// "open"); both go into the message.
absl::Status FromRocksStatus(const rocksdb::Status& status, absl::string_view dir,
                             absl::string_view what);

// IsLockError: the status RocksDB returns when another process (or this one) holds the
// database's LOCK file.
bool IsLockError(const rocksdb::Status& status);

}  // namespace claimline::store

#endif  // CLAIMLINE_STORE_ROCKS_STATUS_H_

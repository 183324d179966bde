// OpenRocks: opens a claimline database directory as RocksDB, checking its identity.
//
// A directory is a claimline database when it is a RocksDB database with the column
// families of keys.h and a `format_version` meta key. Outcomes:
//   - missing or empty directory: created (writer with create_if_missing), else NotFound;
//   - files but no RocksDB, or RocksDB without claimline's families or format version:
//     FailedPrecondition "DIR is not a claimline database (…)";
//   - a format version other than kFormatVersion: FailedPrecondition naming both;
//   - a writer already holding the lock: FailedPrecondition "database is locked by
//     another claimline process: DIR".
// A database whose creation was interrupted (claimline's families, all empty, no format
// version yet) is completed by the next writer.
#ifndef CLAIMLINE_STORE_ROCKS_OPEN_H_
#define CLAIMLINE_STORE_ROCKS_OPEN_H_

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "store/event_log.h"
#include "store/rocks_handles.h"

namespace claimline::store {

// REQUIRES: secondary_dir is non-empty iff mode == kSecondary.
absl::StatusOr<std::unique_ptr<RocksHandles>> OpenRocks(const std::string& dir, OpenMode mode,
                                                        const std::string& secondary_dir,
                                                        const OpenOptions& options);

}  // namespace claimline::store

#endif  // CLAIMLINE_STORE_ROCKS_OPEN_H_

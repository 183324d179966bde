// RocksDatabase: the RocksDB implementation of Database (event_log.h). Owns the RocksDB
// instance and the EventLog and StateStore over it. Created by Database::Open and
// Database::OpenReadOnlySecondary (defined in rocks_database.cc).
#ifndef CLAIMLINE_STORE_ROCKS_DATABASE_H_
#define CLAIMLINE_STORE_ROCKS_DATABASE_H_

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "store/event_log.h"
#include "store/rocks_event_log.h"
#include "store/rocks_handles.h"
#include "store/rocks_state_store.h"

namespace claimline::store {

class RocksDatabase : public Database {
 public:
  static absl::StatusOr<std::unique_ptr<RocksDatabase>> Open(const std::string& dir, OpenMode mode,
                                                             const std::string& secondary_dir,
                                                             const OpenOptions& options);

  EventLog& log() override { return *log_; }
  StateStore& state() override { return *state_; }
  absl::Status CatchUp() override;
  absl::StatusOr<VerifyReport> Verify() override;
  std::vector<std::pair<std::string, uint64_t>> Stats() const override;
  const std::string& path() const override { return handles_->dir; }

 private:
  RocksDatabase() = default;

  // Destroyed in reverse order: the log and the state store before the handles.
  std::unique_ptr<RocksHandles> handles_;
  std::unique_ptr<RocksEventLog> log_;
  std::unique_ptr<RocksStateStore> state_;
};

}  // namespace claimline::store

#endif  // CLAIMLINE_STORE_ROCKS_DATABASE_H_

// Opening the database for a subcommand, with messages that say what to do.
#ifndef CLAIMLINE_TOOLS_OPEN_DATABASE_H_
#define CLAIMLINE_TOOLS_OPEN_DATABASE_H_

#include <memory>

#include "absl/status/statusor.h"
#include "store/event_log.h"
#include "tools/command.h"

namespace claimline::tools {

enum class DbAccess {
  kWrite,  // the single writer; creates the database when it does not exist
  kRead,   // a reader: never creates, takes no writer lock, may run beside a writer
};

// OpenDatabase: opens inv.db_path. For kRead, a missing directory is NotFound "no
// claimline database at DIR (create one with 'claimline append', or pass --db DIR)".
// The store's own errors (locked, not a claimline database, unknown format) pass through.
absl::StatusOr<std::unique_ptr<store::Database>> OpenDatabase(const Invocation& inv,
                                                              DbAccess access);

}  // namespace claimline::tools

#endif  // CLAIMLINE_TOOLS_OPEN_DATABASE_H_

// claimline verify: check the database's integrity and report every problem.
#include <string>

#include "base/status_macros.h"
#include "tools/commands.h"
#include "tools/open_database.h"

namespace claimline::tools {
namespace {

absl::StatusOr<int> RunVerify(Invocation& inv) {
  ASSIGN_OR_RETURN(std::unique_ptr<store::Database> db, OpenDatabase(inv, DbAccess::kRead));
  ASSIGN_OR_RETURN(store::VerifyReport report, db->Verify());
  std::ostream& out = *inv.out;
  out << "events          " << report.events << "\n"
      << "texts           " << report.texts << "\n"
      << "dedupe_entries  " << report.dedupe_entries << "\n";
  if (report.ok()) {
    out << "ok\n";
    return kExitOk;
  }
  for (const std::string& p : report.problems) out << "problem: " << p << "\n";
  *inv.err << "claimline verify: " << report.problems.size() << " problem"
           << (report.problems.size() == 1 ? "" : "s") << " in " << db->path() << "\n";
  return kExitNothing;
}

}  // namespace

const CommandSpec kVerifyCommand = {
    "verify",
    "",
    "Check the database's integrity: events, sequence, texts, dedupe index",
    "Reads the whole log and its indexes, and RocksDB's checksums. Prints the counts and\n"
    "'ok', or one 'problem:' line per problem (with the sequence or key) and exits 1.\n"
    "Never changes the database.\n",
    {},
    0,
    0,
    true,
    &RunVerify,
};

}  // namespace claimline::tools

// The list of every subcommand, in the order `claimline --help` shows them.
#include "tools/commands.h"

namespace claimline::tools {

const std::vector<const CommandSpec*>& AllCommands() {
  static const std::vector<const CommandSpec*> kAll = {
      &kAppendCommand, &kBenchCommand, &kExtractCommand, &kReextractCommand, &kLogCommand,
      &kShowCommand,   &kStatsCommand,   &kVerifyCommand,
      &kTimelineCommand, &kClaimsCommand, &kConflictsCommand, &kHistoryCommand,
      &kReplayCommand, &kProjectionsCommand, &kServeCommand,
  };
  return kAll;
}

}  // namespace claimline::tools

// The list of every subcommand, in the order `claimline --help` shows them.
#include "tools/commands.h"

namespace claimline::tools {

const std::vector<const CommandSpec*>& AllCommands() {
  static const std::vector<const CommandSpec*> kAll = {
      &kAppendCommand, &kBenchCommand, &kExtractCommand, &kLogCommand,
      &kShowCommand,   &kStatsCommand,   &kVerifyCommand,
  };
  return kAll;
}

}  // namespace claimline::tools

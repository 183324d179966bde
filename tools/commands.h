// Declarations of every subcommand's spec (each defined in its own tools/cmd_<name>.cc).
// To add a command: declare it here, add it to AllCommands() in commands.cc, and add its
// file to tools/CMakeLists.txt.
#ifndef CLAIMLINE_TOOLS_COMMANDS_H_
#define CLAIMLINE_TOOLS_COMMANDS_H_

#include "tools/command.h"

namespace claimline::tools {

extern const CommandSpec kAppendCommand;
extern const CommandSpec kBenchCommand;
extern const CommandSpec kExtractCommand;
extern const CommandSpec kReextractCommand;
extern const CommandSpec kLogCommand;
extern const CommandSpec kShowCommand;
extern const CommandSpec kStatsCommand;
extern const CommandSpec kVerifyCommand;
extern const CommandSpec kClaimsCommand;
extern const CommandSpec kConflictsCommand;
extern const CommandSpec kHistoryCommand;
extern const CommandSpec kProjectionsCommand;
extern const CommandSpec kReplayCommand;
extern const CommandSpec kTimelineCommand;
extern const CommandSpec kServeCommand;

}  // namespace claimline::tools

#endif  // CLAIMLINE_TOOLS_COMMANDS_H_

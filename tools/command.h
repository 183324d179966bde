// The subcommand framework of the `claimline` binary.
//
// One file per subcommand (tools/cmd_<name>.cc) defines one `const CommandSpec` and
// nothing else visible. tools/commands.cc lists every CommandSpec; main.cc parses the
// global flags, finds the command, parses its flags from the spec's table (the same table
// generates `claimline help CMD` / `CMD --help`), and maps the returned status to an exit
// code.
//
// Exit codes (documented in --help): 0 ok; 1 ran but found nothing / check failed;
// 2 error (bad input, bad usage, I/O, damaged database). ExitCodeFor(status) is the one
// function that maps a Status to a code.
//
// Output: data to `out` (stdout), diagnostics and progress to `err` (stderr). A broken
// pipe exits quietly.
#ifndef CLAIMLINE_TOOLS_COMMAND_H_
#define CLAIMLINE_TOOLS_COMMAND_H_

#include <iosfwd>
#include <map>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace claimline::tools {

// One flag of a subcommand. `value_name` empty means a boolean switch (--explain).
// A flag may be repeated when `repeated` is true (values are collected in order).
struct FlagSpec {
  const char* name;        // without dashes: "published"
  const char* value_name;  // "YYYY-MM-DD", or "" for a switch
  const char* help;        // one line
  bool repeated = false;
};

struct Invocation;

struct CommandSpec {
  const char* name;     // "append"
  const char* args;     // positional arguments for the usage line: "FILE|DIR|- ..."
  const char* summary;  // one line for the command list
  const char* details;  // paragraph(s) for `claimline help NAME`; may be ""
  std::vector<FlagSpec> flags;
  int min_args;
  int max_args;   // -1 = unbounded
  bool needs_db;  // the command opens the database (global --db applies)
  // Run: does the work. Returns the exit code (0 or 1) on success; a non-ok Status is
  // printed as one line "claimline NAME: MESSAGE" and exits 2 (or per ExitCodeFor).
  absl::StatusOr<int> (*run)(Invocation& inv);
};

// Exit codes.
inline constexpr int kExitOk = 0;
inline constexpr int kExitNothing = 1;  // found nothing, or a check failed
inline constexpr int kExitError = 2;

// ExitCodeFor: the exit code for a failed status (always kExitError today; NotFound of a
// queried entity is reported by commands as kExitNothing themselves).
int ExitCodeFor(const absl::Status& status);

struct Invocation {
  const CommandSpec* command = nullptr;
  std::string db_path;  // global --db, else $CLAIMLINE_DB, else ./claimline.db
  std::vector<std::string> args;
  std::map<std::string, std::vector<std::string>> flags;  // name → values (switch: {""})
  std::ostream* out = nullptr;
  std::ostream* err = nullptr;
  bool stderr_is_tty = false;

  bool Has(const std::string& name) const { return flags.count(name) > 0; }
  // Get: the last value of a flag, or `fallback`.
  std::string Get(const std::string& name, const std::string& fallback = "") const;
  std::vector<std::string> GetAll(const std::string& name) const;
};

// AllCommands: every subcommand, in the order `claimline --help` lists them.
const std::vector<const CommandSpec*>& AllCommands();

// FindCommand: the command named `name`, or nullptr.
const CommandSpec* FindCommand(const std::string& name);

// ParseCommandArgs: parses the words after the command name against `spec.flags`:
// `--flag value`, `--flag=value`, switches, `--` ends the flags, `-` is an argument
// (stdin). The global `--db DIR` is accepted here too. Fills inv.args, inv.flags and
// inv.db_path (when --db is given). InvalidArgument with a one-line message (without the
// "claimline NAME: " prefix and the help hint, which the caller adds) for an unknown flag,
// a missing value, a value given to a switch, or a wrong number of arguments.
absl::Status ParseCommandArgs(const CommandSpec& spec, const std::vector<std::string>& words,
                              Invocation& inv);

// CommandHelp: `claimline help NAME`: usage line, summary, details, the flag table, the
// global flags and the exit codes.
std::string CommandHelp(const CommandSpec& spec);

// GlobalHelp: `claimline --help`: usage, the command list, global flags, exit codes.
std::string GlobalHelp();

// VersionString: "claimline 0.1.0".
std::string VersionString();

}  // namespace claimline::tools

#endif  // CLAIMLINE_TOOLS_COMMAND_H_

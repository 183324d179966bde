// main: the `claimline` binary. Parses the global flags, finds the subcommand, parses its
// flags from the spec's table and maps the result to an exit code (see tools/command.h).
#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "tools/command.h"

namespace claimline::tools {
namespace {

int UsageError(const std::string& who, const std::string& message, const std::string& hint) {
  std::cerr << who << ": " << message << " (see '" << hint << "')\n";
  return kExitError;
}

int Main(int argc, char** argv) {
  std::vector<std::string> words(argv + 1, argv + argc);
  Invocation inv;
  inv.out = &std::cout;
  inv.err = &std::cerr;
  inv.stderr_is_tty = isatty(STDERR_FILENO) == 1;

  // Global flags come before the command.
  size_t i = 0;
  for (; i < words.size(); ++i) {
    const std::string& w = words[i];
    if (w.empty() || w[0] != '-') break;
    if (w == "-h" || w == "--help") {
      std::cout << GlobalHelp();
      return kExitOk;
    }
    if (w == "--version") {
      std::cout << VersionString() << "\n";
      return kExitOk;
    }
    if (w == "--db") {
      if (i + 1 >= words.size()) {
        return UsageError("claimline", "flag --db needs a value DIR", "claimline --help");
      }
      inv.db_path = words[++i];
      continue;
    }
    if (w.rfind("--db=", 0) == 0) {
      inv.db_path = w.substr(5);
      continue;
    }
    return UsageError("claimline", "unknown flag " + w, "claimline --help");
  }
  if (i >= words.size()) {
    std::cerr << GlobalHelp();
    return kExitError;
  }
  const std::string name = words[i++];
  if (name == "help") {
    if (i >= words.size()) {
      std::cout << GlobalHelp();
      return kExitOk;
    }
    const CommandSpec* spec = FindCommand(words[i]);
    if (spec == nullptr) {
      return UsageError("claimline help", "unknown command '" + words[i] + "'", "claimline --help");
    }
    std::cout << CommandHelp(*spec);
    return kExitOk;
  }
  const CommandSpec* spec = FindCommand(name);
  if (spec == nullptr) {
    return UsageError("claimline", "unknown command '" + name + "'", "claimline --help");
  }
  inv.command = spec;
  const std::string who = absl::StrCat("claimline ", spec->name);
  const std::string hint = absl::StrCat("claimline ", spec->name, " --help");
  absl::Status parsed =
      ParseCommandArgs(*spec, std::vector<std::string>(words.begin() + i, words.end()), inv);
  if (inv.Has("help")) {
    std::cout << CommandHelp(*spec);
    return kExitOk;
  }
  if (!parsed.ok()) return UsageError(who, std::string(parsed.message()), hint);
  if (inv.db_path.empty()) {
    const char* env = std::getenv("CLAIMLINE_DB");
    inv.db_path = (env != nullptr && env[0] != '\0') ? env : "./claimline.db";
  }

  absl::StatusOr<int> result = spec->run(inv);
  std::cout.flush();
  if (!result.ok()) {
    std::cerr << who << ": " << result.status().message() << "\n";
    return ExitCodeFor(result.status());
  }
  return *result;
}

}  // namespace
}  // namespace claimline::tools

int main(int argc, char** argv) {
  // A closed pipe (`claimline log | head`) ends the process quietly, as for any filter.
  std::signal(SIGPIPE, SIG_DFL);
  std::ios::sync_with_stdio(false);
  try {
    return claimline::tools::Main(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "claimline: internal error: " << e.what() << "\n";
    return claimline::tools::kExitError;
  }
}

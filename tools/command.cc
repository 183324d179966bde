#include "tools/command.h"

#include <algorithm>
#include <cstring>
#include <optional>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"

#ifndef CLAIMLINE_VERSION
#define CLAIMLINE_VERSION "unknown"
#endif

namespace claimline::tools {
namespace {

const FlagSpec* FindFlag(const CommandSpec& spec, absl::string_view name) {
  for (const FlagSpec& f : spec.flags) {
    if (name == f.name) return &f;
  }
  return nullptr;
}

bool IsSwitch(const FlagSpec& f) { return f.value_name == nullptr || f.value_name[0] == '\0'; }

// The global flags, shown in every help text. --db is also accepted after the command.
constexpr const char* kGlobalFlagsHelp =
    "Global flags:\n"
    "  --db DIR        the database directory (default: $CLAIMLINE_DB, else ./claimline.db)\n"
    "  -h, --help      show help and exit\n"
    "  --version       print the version and exit\n";

constexpr const char* kExitCodesHelp =
    "Exit codes:\n"
    "  0  ok\n"
    "  1  ran, but found nothing, or a check failed\n"
    "  2  error: bad usage, bad input, I/O error, damaged or locked database\n";

std::string ArgsDescription(const CommandSpec& spec) {
  if (spec.max_args == 0) return "no arguments";
  if (spec.min_args == spec.max_args) {
    return absl::StrFormat("%d argument%s %s", spec.min_args, spec.min_args == 1 ? "" : "s",
                           spec.args);
  }
  if (spec.max_args < 0) {
    return absl::StrFormat("at least %d argument%s %s", spec.min_args,
                           spec.min_args == 1 ? "" : "s", spec.args);
  }
  return absl::StrFormat("%d to %d arguments %s", spec.min_args, spec.max_args, spec.args);
}

}  // namespace

std::string Invocation::Get(const std::string& name, const std::string& fallback) const {
  auto it = flags.find(name);
  if (it == flags.end() || it->second.empty()) return fallback;
  return it->second.back();
}

std::vector<std::string> Invocation::GetAll(const std::string& name) const {
  auto it = flags.find(name);
  if (it == flags.end()) return {};
  return it->second;
}

int ExitCodeFor(const absl::Status& status) {
  if (status.ok()) return kExitOk;
  return kExitError;
}

const CommandSpec* FindCommand(const std::string& name) {
  for (const CommandSpec* c : AllCommands()) {
    if (name == c->name) return c;
  }
  return nullptr;
}

absl::Status ParseCommandArgs(const CommandSpec& spec, const std::vector<std::string>& words,
                              Invocation& inv) {
  bool flags_done = false;
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string& w = words[i];
    if (flags_done || w == "-" || w.size() < 2 || w[0] != '-') {
      inv.args.push_back(w);
      continue;
    }
    if (w == "--") {
      flags_done = true;
      continue;
    }
    if (w == "-h" || w == "--help") {
      inv.flags["help"].push_back("");
      continue;
    }
    if (w[1] != '-') return absl::InvalidArgumentError(absl::StrCat("unknown flag ", w));
    std::string name = w.substr(2);
    std::optional<std::string> value;
    if (size_t eq = name.find('='); eq != std::string::npos) {
      value = name.substr(eq + 1);
      name = name.substr(0, eq);
    }
    if (name == "db") {
      if (!value) {
        if (i + 1 >= words.size()) {
          return absl::InvalidArgumentError("flag --db needs a value DIR");
        }
        value = words[++i];
      }
      if (value->empty()) return absl::InvalidArgumentError("flag --db needs a value DIR");
      inv.db_path = *value;
      continue;
    }
    const FlagSpec* f = FindFlag(spec, name);
    if (f == nullptr) return absl::InvalidArgumentError(absl::StrCat("unknown flag --", name));
    if (IsSwitch(*f)) {
      if (value) {
        return absl::InvalidArgumentError(
            absl::StrCat("flag --", name, " is a switch and takes no value"));
      }
      inv.flags[name].push_back("");
      continue;
    }
    if (!value) {
      if (i + 1 >= words.size()) {
        return absl::InvalidArgumentError(
            absl::StrCat("flag --", name, " needs a value ", f->value_name));
      }
      value = words[++i];
    }
    std::vector<std::string>& values = inv.flags[name];
    if (!f->repeated) values.clear();
    values.push_back(*value);
  }
  if (inv.Has("help")) return absl::OkStatus();
  const int n = static_cast<int>(inv.args.size());
  if (n < spec.min_args || (spec.max_args >= 0 && n > spec.max_args)) {
    return absl::InvalidArgumentError(
        absl::StrFormat("expects %s, got %d", ArgsDescription(spec), n));
  }
  return absl::OkStatus();
}

std::string CommandHelp(const CommandSpec& spec) {
  std::string out = absl::StrCat("Usage: claimline [--db DIR] ", spec.name);
  if (spec.args[0] != '\0') absl::StrAppend(&out, " ", spec.args);
  if (!spec.flags.empty()) absl::StrAppend(&out, " [FLAGS]");
  absl::StrAppend(&out, "\n\n", spec.summary, "\n");
  if (spec.details[0] != '\0') absl::StrAppend(&out, "\n", spec.details);
  if (!absl::EndsWith(out, "\n")) out += "\n";
  if (!spec.flags.empty()) {
    std::vector<std::string> left;
    size_t width = 0;
    for (const FlagSpec& f : spec.flags) {
      std::string l = absl::StrCat("  --", f.name);
      if (!IsSwitch(f)) absl::StrAppend(&l, " ", f.value_name);
      width = std::max(width, l.size());
      left.push_back(std::move(l));
    }
    absl::StrAppend(&out, "\nFlags:\n");
    for (size_t i = 0; i < spec.flags.size(); ++i) {
      absl::StrAppend(&out, left[i], std::string(width + 2 - left[i].size(), ' '),
                      spec.flags[i].help, spec.flags[i].repeated ? " (repeatable)" : "", "\n");
    }
  }
  absl::StrAppend(&out, "\n", kGlobalFlagsHelp, "\n", kExitCodesHelp);
  return out;
}

std::string GlobalHelp() {
  std::string out =
      "claimline: an event-sourced claim timeline tracker. News articles in any language are\n"
      "appended as immutable events to an embedded log; dated claims are extracted from them\n"
      "and folded into per-entity timelines and a cross-source view of disagreements.\n"
      "\n"
      "Usage: claimline [--db DIR] COMMAND [ARGS] [FLAGS]\n"
      "       claimline help [COMMAND]\n"
      "\n"
      "Commands:\n";
  size_t width = 0;
  for (const CommandSpec* c : AllCommands()) width = std::max(width, std::strlen(c->name));
  for (const CommandSpec* c : AllCommands()) {
    absl::StrAppend(&out, "  ", c->name, std::string(width + 2 - std::strlen(c->name), ' '),
                    c->summary, "\n");
  }
  absl::StrAppend(&out, "\n", kGlobalFlagsHelp, "\n", kExitCodesHelp,
                  "\nRun 'claimline help COMMAND' (or 'claimline COMMAND --help') for a "
                  "command's flags.\n");
  return out;
}

std::string VersionString() { return absl::StrCat("claimline ", CLAIMLINE_VERSION); }

}  // namespace claimline::tools

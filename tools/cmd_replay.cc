// claimline replay --rules FILE: builds a projection namespace from sequence 0 under new
// rules, beside the existing ones.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <system_error>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "base/status_macros.h"
#include "projections/namespaces.h"
#include "projections/rules.h"
#include "projections/runner.h"
#include "tools/commands.h"
#include "tools/open_database.h"
#include "tools/progress.h"

namespace claimline::tools {
namespace {

absl::StatusOr<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat("cannot read rules file ", path));
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Grouped: 1234567 → "1,234,567".
std::string Grouped(uint64_t n) {
  std::string s = absl::StrCat(n);
  for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3) s.insert(i, ",");
  return s;
}

absl::StatusOr<int> RunReplay(Invocation& inv) {
  if (!inv.Has("rules")) {
    return absl::InvalidArgumentError("--rules FILE is required (see rules/*.textproto)");
  }
  const std::string path = inv.Get("rules");
  ASSIGN_OR_RETURN(std::string text, ReadFile(path));
  ASSIGN_OR_RETURN(v1::ProjectionRules rules, projections::ParseRules(text, path));
  {
    std::error_code ec;
    if (!std::filesystem::exists(inv.db_path, ec)) {
      return OpenDatabase(inv, DbAccess::kRead).status();  // "no claimline database at …"
    }
  }
  ASSIGN_OR_RETURN(std::unique_ptr<store::Database> db, OpenDatabase(inv, DbAccess::kWrite));
  const std::string ns = projections::NamespaceFor(rules);
  ASSIGN_OR_RETURN(std::optional<v1::ProjectionInfo> existing,
                   projections::ReadInfo(db->state(), ns));
  std::ostream& err = *inv.err;
  if (existing.has_value() && existing->status() == v1::ProjectionInfo::COMPLETE) {
    err << "projection " << ns << " is already built; it is kept up to date on every append\n";
  } else {
    if (!existing.has_value()) {
      ASSIGN_OR_RETURN(std::string created, projections::CreateNamespace(*db, rules));
      (void)created;
    } else {
      err << "resuming the interrupted replay of " << ns << "\n";
    }
    const absl::Time start = absl::Now();
    uint64_t applied = 0;
    // The total is known at the first report (a resumed replay starts past its checkpoint).
    Progress progress(err, inv.stderr_is_tty, absl::StrCat("replay ", ns), "events", 0);
    bool first_report = true;
    projections::CatchUpOptions options;
    options.progress = [&](const projections::CatchUpProgress& p) {
      applied = p.applied;
      if (first_report) {
        const uint64_t first = p.checkpoint - std::min(p.checkpoint, p.applied);
        progress.SetTotal(p.last > first ? p.last - first : 0);
        first_report = false;
      }
      progress.Update(p.applied);
    };
    RETURN_IF_ERROR(projections::CatchUpNamespace(*db, ns, options));
    progress.Finish();
    const double secs = std::max(1e-6, absl::ToDoubleSeconds(absl::Now() - start));
    ASSIGN_OR_RETURN(std::optional<v1::ProjectionInfo> info,
                     projections::ReadInfo(db->state(), ns));
    err << absl::StrFormat("replayed %s events into %s in %.2f s (%s events/s); %s claims placed\n",
                           Grouped(applied), ns, secs,
                           Grouped(static_cast<uint64_t>(applied / secs)),
                           Grouped(info.has_value() ? info->attestations() : 0));
  }
  // The other projections stay current too (and "default" exists).
  RETURN_IF_ERROR(projections::CatchUp(*db));
  if (inv.Has("activate")) {
    RETURN_IF_ERROR(projections::Activate(*db, ns));
    err << "active projection: " << ns << "\n";
  }
  *inv.out << ns << "\n";
  return kExitOk;
}

}  // namespace

const CommandSpec kReplayCommand = {
    "replay",
    "",
    "Build a projection from the whole log under new rules, beside the others",
    "Reads a ProjectionRules file (protobuf text format; see rules/*.textproto and\n"
    "proto/claimline/v1/rules.proto), builds the namespace \"<name>@<hash8>\" from event 1\n"
    "(progress on stderr) and prints its name. The new projection is kept up to date on every\n"
    "append; query it with --projection NAME, compare it with `projections diff`, make it\n"
    "the default with --activate. An interrupted replay is resumed, never served half-built.\n",
    {
        {"rules", "FILE", "the rules file (required)"},
        {"activate", "", "make the new projection the active one"},
    },
    0,
    0,
    true,
    &RunReplay,
};

}  // namespace claimline::tools

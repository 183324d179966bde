// claimline projections list|activate NAME|drop NAME|diff A B
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "base/status_macros.h"
#include "projections/diff.h"
#include "projections/namespaces.h"
#include "tools/commands.h"
#include "tools/query_common.h"
#include "tools/render_json.h"
#include "tools/render_text.h"

namespace claimline::tools {
namespace {

absl::Status WantArgs(const Invocation& inv, size_t n, const char* usage) {
  if (inv.args.size() != n) {
    return absl::InvalidArgumentError(absl::StrCat("usage: claimline projections ", usage));
  }
  return absl::OkStatus();
}

absl::StatusOr<int> RunProjections(Invocation& inv) {
  const std::string action = inv.args[0];
  ASSIGN_OR_RETURN(std::string format, ParseFormat(inv, {"text", "json"}));
  if (action == "list") {
    RETURN_IF_ERROR(WantArgs(inv, 1, "list"));
    ASSIGN_OR_RETURN(QueryContext ctx, OpenDatabaseForQuery(inv));
    ASSIGN_OR_RETURN(std::vector<projections::NamespaceStatus> all,
                     projections::ListNamespaces(*ctx.db));
    *inv.out << (format == "json" ? NamespacesJson(all) : NamespacesText(all));
    return all.empty() ? kExitNothing : kExitOk;
  }
  if (action == "activate" || action == "drop") {
    RETURN_IF_ERROR(WantArgs(inv, 2, (action + " NAME").c_str()));
    ASSIGN_OR_RETURN(QueryContext ctx, OpenDatabaseForQuery(inv));
    if (!ctx.writable) {
      return absl::FailedPreconditionError(
          "the database is locked by another claimline process; try again when it is done");
    }
    ASSIGN_OR_RETURN(std::string ns, projections::ResolveNamespace(*ctx.db, inv.args[1]));
    if (action == "activate") {
      RETURN_IF_ERROR(projections::Activate(*ctx.db, ns));
      *inv.err << "active projection: " << ns << "\n";
    } else {
      RETURN_IF_ERROR(projections::Drop(*ctx.db, ns));
      *inv.err << "dropped projection " << ns << "\n";
    }
    return kExitOk;
  }
  if (action == "diff") {
    RETURN_IF_ERROR(WantArgs(inv, 3, "diff A B"));
    ASSIGN_OR_RETURN(QueryContext ctx, OpenDatabaseForQuery(inv));
    ASSIGN_OR_RETURN(std::string a_ns, projections::ResolveNamespace(*ctx.db, inv.args[1]));
    ASSIGN_OR_RETURN(std::string b_ns, projections::ResolveNamespace(*ctx.db, inv.args[2]));
    ASSIGN_OR_RETURN(projections::ProjectionReader a,
                     projections::ProjectionReader::Open(*ctx.db, a_ns));
    ASSIGN_OR_RETURN(projections::ProjectionReader b,
                     projections::ProjectionReader::Open(*ctx.db, b_ns));
    ASSIGN_OR_RETURN(projections::ProjectionDiff diff, projections::Diff(a, b));
    *inv.out << (format == "json" ? DiffJson(a, b, diff) : DiffText(a, b, diff));
    return kExitOk;
  }
  return absl::InvalidArgumentError(absl::StrCat(
      "unknown action \"", action, "\"; use list, activate NAME, drop NAME or diff A B"));
}

}  // namespace

const CommandSpec kProjectionsCommand = {
    "projections",
    "list | activate NAME | drop NAME | diff A B",
    "List, activate, drop or compare projections (one per rule set)",
    "Each rule set builds its own namespace \"<rules name>@<hash8>\" (`replay --rules`);\n"
    "\"default\" is built from the built-in rules. NAME may be the rules name alone when only\n"
    "one namespace has it. The active projection answers queries without --projection.\n"
    "diff A B lists the timeline entries and the conflicts that differ from A to B.\n",
    {
        {"format", "text|json", "output format of list and diff; default: text"},
    },
    1,
    3,
    true,
    &RunProjections,
};

}  // namespace claimline::tools

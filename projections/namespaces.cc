#include "projections/namespaces.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "base/status_macros.h"
#include "projections/rules.h"
#include "projections/runner.h"

namespace claimline::projections {

absl::StatusOr<std::vector<NamespaceStatus>> ListNamespaces(store::Database& db) {
  store::StateStore& state = db.state();
  ASSIGN_OR_RETURN(std::string active, ActiveNamespace(db));
  ASSIGN_OR_RETURN(std::vector<std::string> names, state.Namespaces());
  std::vector<NamespaceStatus> out;
  for (const std::string& ns : names) {
    ASSIGN_OR_RETURN(std::optional<v1::ProjectionInfo> info, ReadInfo(state, ns));
    if (!info.has_value()) continue;
    NamespaceStatus s;
    s.name = ns;
    s.info = *std::move(info);
    ASSIGN_OR_RETURN(s.checkpoint, state.Checkpoint(ns));
    s.active = ns == active;
    out.push_back(std::move(s));
  }
  std::sort(out.begin(), out.end(),
            [](const NamespaceStatus& a, const NamespaceStatus& b) { return a.name < b.name; });
  return out;
}

absl::StatusOr<std::string> ActiveNamespace(store::Database& db) {
  ASSIGN_OR_RETURN(std::optional<std::string> active, db.state().GetMeta(kActiveMeta));
  if (!active.has_value() || active->empty()) return std::string(kDefaultNamespace);
  return *active;
}

absl::StatusOr<std::string> ResolveNamespace(store::Database& db, absl::string_view name) {
  if (name.empty()) return ActiveNamespace(db);
  ASSIGN_OR_RETURN(std::vector<NamespaceStatus> all, ListNamespaces(db));
  std::vector<std::string> names, matches;
  for (const NamespaceStatus& s : all) {
    if (s.name == name) return s.name;
    names.push_back(s.name);
    if (RulesNameOf(s.name) == name) matches.push_back(s.name);
  }
  if (matches.size() == 1) return matches[0];
  if (matches.size() > 1) {
    return absl::InvalidArgumentError(
        absl::StrCat("projection \"", name, "\" is ambiguous: ", absl::StrJoin(matches, ", ")));
  }
  if (name == kDefaultNamespace) return std::string(kDefaultNamespace);  // not built yet
  return absl::NotFoundError(
      absl::StrCat("no projection \"", name, "\"",
                   names.empty() ? "" : "; there are: ", absl::StrJoin(names, ", ")));
}

absl::Status Activate(store::Database& db, const std::string& ns) {
  ASSIGN_OR_RETURN(std::optional<v1::ProjectionInfo> info, ReadInfo(db.state(), ns));
  if (!info.has_value()) return absl::NotFoundError(absl::StrCat("no projection \"", ns, "\""));
  if (info->status() != v1::ProjectionInfo::COMPLETE) {
    return absl::FailedPreconditionError(absl::StrCat(
        "projection ", ns, " is still being built; finish it with `claimline replay`"));
  }
  return db.state().SetMeta(kActiveMeta, ns);
}

absl::Status Drop(store::Database& db, const std::string& ns) {
  ASSIGN_OR_RETURN(std::optional<v1::ProjectionInfo> info, ReadInfo(db.state(), ns));
  if (!info.has_value()) return absl::NotFoundError(absl::StrCat("no projection \"", ns, "\""));
  ASSIGN_OR_RETURN(std::string active, ActiveNamespace(db));
  if (ns == active && ns != kDefaultNamespace) {
    return absl::FailedPreconditionError(
        absl::StrCat("projection ", ns,
                     " is active; activate another first (`claimline projections "
                     "activate default`)"));
  }
  return db.state().DropNamespace(ns);
}

}  // namespace claimline::projections

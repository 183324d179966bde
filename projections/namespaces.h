// Projection namespaces as users see them: list, resolve a name, activate, drop.
//
// A namespace is named "<rules name>@<hash8>" ("default" for the built-in rules). Users
// may name one by its rules name alone ("tolerant") when exactly one namespace has it.
// The active namespace (StateStore meta "active_projection", default "default") answers
// queries that do not name one.
#ifndef CLAIMLINE_PROJECTIONS_NAMESPACES_H_
#define CLAIMLINE_PROJECTIONS_NAMESPACES_H_

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "claimline/v1/projection.pb.h"
#include "store/event_log.h"

namespace claimline::projections {

inline constexpr absl::string_view kActiveMeta = "active_projection";

struct NamespaceStatus {
  std::string name;
  v1::ProjectionInfo info;
  uint64_t checkpoint = 0;
  bool active = false;
};

// ListNamespaces: every projection namespace, sorted by name.
absl::StatusOr<std::vector<NamespaceStatus>> ListNamespaces(store::Database& db);

// ActiveNamespace: the namespace queries use by default.
absl::StatusOr<std::string> ActiveNamespace(store::Database& db);

// ResolveNamespace: the namespace `name` names: itself, or the one namespace whose rules
// name it is. "" resolves to the active namespace. NotFound (listing the namespaces)
// or InvalidArgument when the rules name is ambiguous (listing the candidates).
absl::StatusOr<std::string> ResolveNamespace(store::Database& db, absl::string_view name);

// Activate: makes `ns` the active namespace. FailedPrecondition when it is still
// building.
absl::Status Activate(store::Database& db, const std::string& ns);

// Drop: removes `ns` and its rows. FailedPrecondition for the active namespace unless it
// is "default" (which CatchUp recreates).
absl::Status Drop(store::Database& db, const std::string& ns);

}  // namespace claimline::projections

#endif  // CLAIMLINE_PROJECTIONS_NAMESPACES_H_

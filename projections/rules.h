// Projection rules: parsing, the built-in defaults, namespace names, and the compiled
// form the fold consults for every claim.
//
// A rules file is a v1::ProjectionRules in protobuf text format (proto/claimline/v1/
// rules.proto documents every field and its default). Each rule set builds its own
// namespace, named "<name>@<first 8 hex digits of RulesHash>"; the built-in defaults
// build the namespace "default".
#ifndef CLAIMLINE_PROJECTIONS_RULES_H_
#define CLAIMLINE_PROJECTIONS_RULES_H_

#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "claimline/v1/claim.pb.h"
#include "claimline/v1/event.pb.h"
#include "claimline/v1/rules.pb.h"

namespace claimline::projections {

inline constexpr absl::string_view kDefaultNamespace = "default";
inline constexpr int kDefaultUndatedWindowDays = 62;

// ParseRules: parses rules in text format and validates them (ValidateRules).
// InvalidArgument "FILE:LINE:COLUMN: what" (1-based), e.g.
//   rules.textproto:3:1: Message type "claimline.v1.ProjectionRules" has no field named
//   "tolerence".
absl::StatusOr<v1::ProjectionRules> ParseRules(absl::string_view text, absl::string_view file);

// ValidateRules: InvalidArgument naming the field: a name that is empty or not made of
// [a-z0-9._-], a tolerance outside [0, 1), an alias or merge with an empty side.
absl::Status ValidateRules(const v1::ProjectionRules& rules);

// DefaultRules: the built-in rules: name "default", everything else at its default.
v1::ProjectionRules DefaultRules();

// CanonicalRulesText: the rules in canonical text format (fields in number order), the
// form that is hashed and shown.
std::string CanonicalRulesText(const v1::ProjectionRules& rules);

// RulesHash: lower-case hex SHA-256 of CanonicalRulesText: comments, spacing and field
// order of the file do not change it.
std::string RulesHash(const v1::ProjectionRules& rules);

// NamespaceFor: "default" for rules equal to DefaultRules(), else "<name>@<hash8>".
std::string NamespaceFor(const v1::ProjectionRules& rules);

// RulesNameOf: the rules name part of a namespace ("tolerant@1a2b3c4d" → "tolerant").
absl::string_view RulesNameOf(absl::string_view ns);

// CompiledRules: the rules in the form the fold uses. Immutable; cheap to consult.
class CompiledRules {
 public:
  explicit CompiledRules(v1::ProjectionRules rules);

  const v1::ProjectionRules& rules() const { return rules_; }

  // Includes: the article passes the source, host and language filters.
  bool Includes(const v1::Article& article) const;

  // MapKind: the claim kind after kind mapping, or "" when the kind is excluded.
  std::string MapKind(absl::string_view kind) const;

  // CanonicalEntity: the entity a mention belongs to: a rule alias matching its text or
  // key wins; else the gazetteer id; else its key (or folded text) as an id of its own.
  // Entity merges apply last. "" for an empty mention.
  std::string CanonicalEntity(const v1::EntityRef& ref) const;

  // Merge: an entity id after entity merges.
  std::string Merge(absl::string_view id) const;

  v1::ProjectionRules::TimeBucket bucket() const { return bucket_; }
  double tolerance() const { return rules_.numeric_tolerance(); }
  double approx_tolerance() const { return rules_.approx_tolerance(); }
  uint32_t min_attestations() const { return std::max<uint32_t>(1, rules_.min_attestations()); }
  int undated_window_days() const { return undated_window_days_; }
  // max_window_days: a claim whose own date window is longer than this (a year, a vague
  // "in recent years") never joins a dated cluster.
  int max_window_days() const { return std::max(100, undated_window_days_ + 1); }

 private:
  v1::ProjectionRules rules_;
  v1::ProjectionRules::TimeBucket bucket_;
  int undated_window_days_;
  absl::flat_hash_map<std::string, std::string> aliases_;  // folded alias → entity
  absl::flat_hash_map<std::string, std::string> merges_;
  absl::flat_hash_map<std::string, std::string> kinds_;
  absl::flat_hash_set<std::string> excluded_kinds_;
};

}  // namespace claimline::projections

#endif  // CLAIMLINE_PROJECTIONS_RULES_H_

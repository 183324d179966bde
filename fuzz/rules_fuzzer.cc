// Fuzz target: the projection rules textproto (projections/rules.h).
//
// Invariants: an error is InvalidArgument "FILE:LINE:COLUMN: …" or names a field; rules
// that parse compile, and their canonical text parses back to rules with the same hash
// and namespace (the hash names a namespace on disk: it must be stable).
#include <cstddef>
#include <cstdint>
#include <string>

#include "absl/strings/match.h"
#include "fuzz/fuzz_util.h"
#include "projections/rules.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  namespace p = claimline::projections;
  absl::StatusOr<claimline::v1::ProjectionRules> rules =
      p::ParseRules(claimline::fuzz::Bytes(data, size), "rules.textproto");
  if (!rules.ok()) {
    FUZZ_CHECK(absl::IsInvalidArgument(rules.status()));
    FUZZ_CHECK(!rules.status().message().empty());
    return 0;
  }
  const p::CompiledRules compiled(*rules);
  const std::string ns = p::NamespaceFor(*rules);
  FUZZ_CHECK(!ns.empty());
  FUZZ_CHECK(ns.find('\0') == std::string::npos);  // a namespace holds no 00 byte
  const std::string canonical = p::CanonicalRulesText(*rules);
  absl::StatusOr<claimline::v1::ProjectionRules> again = p::ParseRules(canonical, "canonical");
  FUZZ_CHECK(again.ok());
  FUZZ_CHECK(p::RulesHash(*again) == p::RulesHash(*rules));
  FUZZ_CHECK(p::NamespaceFor(*again) == ns);
  FUZZ_CHECK(p::RulesNameOf(ns) == rules->name() || ns == p::kDefaultNamespace);
  // Consult the compiled rules the way the fold does.
  claimline::v1::EntityRef ref;
  ref.set_text(rules->name());
  ref.set_key(rules->name());
  (void)compiled.CanonicalEntity(ref);
  (void)compiled.MapKind("price_change");
  return 0;
}

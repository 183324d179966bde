// Name folding for the alias index and rule matching, and the small matchers the rules'
// article filters use.
//
// Projections may not use ICU (DESIGN.md), so FoldName is a small, fixed folding that is
// good enough to meet names: lower-case for ASCII, Latin-1, Latin Extended-A, Greek and
// Cyrillic; full-width ASCII to ASCII; every run of spaces, punctuation and dashes to one
// space; leading and trailing spaces dropped. Scripts without case (CJK, Devanagari) pass
// unchanged. The same function folds the names written and the names looked up, so the
// folding only has to be consistent, not complete.
#ifndef CLAIMLINE_PROJECTIONS_NAMES_H_
#define CLAIMLINE_PROJECTIONS_NAMES_H_

#include <string>

#include "absl/strings/string_view.h"

namespace claimline::projections {

// FoldName: "  Jen-Hsun  HUANG " → "jen hsun huang"; "ＮＶＩＤＩＡ" → "nvidia".
std::string FoldName(absl::string_view name);

// SanitizeId: an entity id or kind safe inside keys: '/', control characters and spaces
// become '_'. Ids from the gazetteer are already lower snake_case and pass unchanged.
std::string SanitizeId(absl::string_view id);

// HostOf: the host of a URL, lower-case, without "www.", port or user info ("" when the
// URL has none): "https://www.Fortune.com:443/x" → "fortune.com".
std::string HostOf(absl::string_view url);

// HostMatches: `host` is `pattern` or a subdomain of it (case-insensitive).
bool HostMatches(absl::string_view host, absl::string_view pattern);

// LanguageMatches: `tag` is `pattern`, or its primary subtag is (case-insensitive):
// ("zh-Hant", "zh") → true; ("zh", "zh-Hant") → false.
bool LanguageMatches(absl::string_view tag, absl::string_view pattern);

}  // namespace claimline::projections

#endif  // CLAIMLINE_PROJECTIONS_NAMES_H_

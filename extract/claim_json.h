// Rendering claims: the JSON of ../shared/CLAIMS.md for machines, aligned text for people.
//
// JSON: one object {"claims": [...]}; per claim, in this order: "kind", "subject"
// {"entity" (canonical id, null when unknown), "text", "key", "type" (when known)},
// "object" (same shape; absent when none), "direction" ("up" / "down"; absent when
// unspecified), "quantity" {"unit", "low", "high" (null when unbounded), "approx", "text"}
// (absent when none), "when" {"from", "to", "granularity", "anchor", "text"} (absent when
// none), "modality" ("asserted", "expected", "reported", "negated"), "evidence" {"begin",
// "end"}, "confidence", and "explain" (a list of lines, only when present). Numbers are
// printed exactly and without exponents where they are integers (600000000000, not
// 6e+11), otherwise in the shortest form that reads back the same (16.9).
#ifndef CLAIMLINE_EXTRACT_CLAIM_JSON_H_
#define CLAIMLINE_EXTRACT_CLAIM_JSON_H_

#include <string>

#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "claimline/v1/claim.pb.h"

namespace claimline::extract {

// ClaimsToJson: the document above, one claim per line, ending with a newline.
std::string ClaimsToJson(absl::Span<const v1::Claim> claims);

// ClaimToJson: one claim object, on one line.
std::string ClaimToJson(const v1::Claim& claim);

// ClaimsToText: one aligned row per claim (kind, subject, object, direction, quantity,
// when, modality, evidence offsets), the evidence quoted from `article` below each row
// (shortened), then the explain lines when present. `article` may be empty.
std::string ClaimsToText(absl::Span<const v1::Claim> claims, absl::string_view article);

// JsonNumber: a JSON number as described above; null for NaN and infinities.
std::string JsonNumber(double value);

// JsonString: a quoted JSON string; UTF-8 is kept as is, control characters escaped.
std::string JsonString(absl::string_view s);

// Names of the enums as they appear in JSON: "up", "month", "publication", "expected",
// "organization" (empty for UNSPECIFIED, except modality: "asserted").
std::string DirectionName(v1::Direction d);
std::string GranularityName(v1::Granularity g);
std::string AnchorName(v1::Anchor a);
std::string ModalityName(v1::Modality m);
std::string EntityTypeName(v1::EntityType t);

}  // namespace claimline::extract

#endif  // CLAIMLINE_EXTRACT_CLAIM_JSON_H_

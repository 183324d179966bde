// The keys of a projection namespace (documented, with examples, in FORMAT.md).
//
// Every key is ASCII text with '/' between fields, so that one prefix scan answers a
// query: a timeline page is `t/<entity>/`, a cluster's attestations `c/<cluster>/`.
// Numbers are fixed-width lower-case hex, so byte order is numeric order; dates are ISO
// "YYYY-MM-DD", so byte order is time order. Entity ids never contain '/' (SanitizeId).
#ifndef CLAIMLINE_PROJECTIONS_KEYS_H_
#define CLAIMLINE_PROJECTIONS_KEYS_H_

#include <cstdint>
#include <optional>
#include <string>

#include "absl/strings/string_view.h"

namespace claimline::projections::keys {

// kInfo: the ProjectionInfo row.
inline constexpr absl::string_view kInfo = "m/info";

// kUndatedBucket: the bucket start of claims that nothing dates (no date, no
// publication date).
inline constexpr absl::string_view kUndatedBucket = "0000-00-00";

// StableHash: 64-bit FNV-1a followed by a murmur finalizer. Stable across builds and
// platforms (ids derived from it are persisted).
uint64_t StableHash(absl::string_view data);

// Hex16: 16 lower-case hex digits.
std::string Hex16(uint64_t v);
// Hex8: 8 lower-case hex digits.
std::string Hex8(uint32_t v);
// ParseHex: the value of 1..16 lower-case hex digits, or nullopt.
std::optional<uint64_t> ParseHex(absl::string_view hex);

// GroupId: the id of a (kind, subject, object) group: 16 hex digits.
std::string GroupId(absl::string_view kind, absl::string_view subject, absl::string_view object);
// ClusterId: the id of a cluster of a group: pinned (dated) or floating, at a bucket.
std::string ClusterId(absl::string_view group, bool floating, absl::string_view bucket_start);

std::string Summary(absl::string_view cluster);  // s/<cluster>
inline constexpr absl::string_view kSummaryPrefix = "s/";
std::string AttestationPrefix(absl::string_view cluster);                           // c/<cluster>/
std::string AttestationArticlePrefix(absl::string_view cluster, uint64_t article);  // …/<article>/
std::string Attestation(absl::string_view cluster, uint64_t article, uint32_t claim);
std::string TimelinePrefix(absl::string_view entity);  // t/<entity>/
std::string Timeline(absl::string_view entity, absl::string_view bucket_start,
                     absl::string_view cluster);
inline constexpr absl::string_view kConflictPrefix = "x/";
std::string ConflictPrefix(absl::string_view entity);  // x/<entity>/
std::string Conflict(absl::string_view entity, absl::string_view bucket_start,
                     absl::string_view cluster);
std::string Article(uint64_t sequence);      // e/<article>
std::string Group(absl::string_view group);  // g/<group>
// FloatingMonthPrefix: f/<group>/<YYYY-MM>/ for the month `month` ("YYYY-MM").
std::string FloatingMonthPrefix(absl::string_view group, absl::string_view month);
std::string Floating(absl::string_view group, absl::string_view window_to, uint64_t article,
                     uint32_t claim);
inline constexpr absl::string_view kAliasPrefix = "a/";
std::string AliasPrefix(absl::string_view alias);  // a/<alias>/
std::string Alias(absl::string_view alias, absl::string_view entity);
std::string Entity(absl::string_view entity);  // n/<entity>

}  // namespace claimline::projections::keys

#endif  // CLAIMLINE_PROJECTIONS_KEYS_H_

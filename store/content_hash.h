// The content hash that makes appends idempotent.
//
// Normalization (so the same article re-fetched is the same article):
//   1. CRLF and lone CR become LF;
//   2. trailing spaces and tabs are removed from every line;
//   3. leading and trailing blank lines are removed (so the normalized text has no
//      final line break: "a\n" and "a" are the same article).
// Nothing else changes: a changed word, letter case or inner spacing is a new article.
// The hash is SHA-256 of the normalized bytes (32 raw bytes).
#ifndef CLAIMLINE_STORE_CONTENT_HASH_H_
#define CLAIMLINE_STORE_CONTENT_HASH_H_

#include <string>

#include "absl/strings/string_view.h"

namespace claimline::store {

// NormalizeForHash: the text after the normalization above.
std::string NormalizeForHash(absl::string_view text);

// ContentHash: SHA-256 of NormalizeForHash(text), 32 raw bytes.
std::string ContentHash(absl::string_view text);

// HexHash: lower-case hex of a hash, for messages and JSON.
std::string HexHash(absl::string_view hash);

}  // namespace claimline::store

#endif  // CLAIMLINE_STORE_CONTENT_HASH_H_

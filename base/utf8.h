// UTF-8 helpers shared by the store, the extractor and the command.
//
// claimline rejects invalid UTF-8 rather than replacing it: every offset the extractor
// reports must point into the bytes the user gave, and a silently repaired article would
// not hash to the same content as the file on disk.
#ifndef CLAIMLINE_BASE_UTF8_H_
#define CLAIMLINE_BASE_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <optional>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace claimline {

// FirstInvalidUtf8: the byte offset of the first byte that does not start a well-formed
// UTF-8 sequence (overlongs, surrogates and code points above U+10FFFF are ill-formed),
// or nullopt when the whole text is valid.
std::optional<size_t> FirstInvalidUtf8(absl::string_view text);

// ValidateUtf8: OK, or InvalidArgument "invalid UTF-8 at byte N".
absl::Status ValidateUtf8(absl::string_view text);

// DecodeUtf8: decodes the code point starting at text[pos] into *cp and returns its length
// in bytes (1..4). An ill-formed sequence yields U+FFFD and length 1.
// REQUIRES: pos < text.size().
int DecodeUtf8(absl::string_view text, size_t pos, char32_t* cp);

// HasNulOrBinary: true when the text holds a NUL byte — the sign of a binary file.
bool HasNul(absl::string_view text);

}  // namespace claimline

#endif  // CLAIMLINE_BASE_UTF8_H_

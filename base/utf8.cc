#include "base/utf8.h"

#include <cstring>

#include "absl/strings/str_cat.h"

namespace claimline {

int DecodeUtf8(absl::string_view text, size_t pos, char32_t* cp) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  unsigned char c = s[pos];
  if (c < 0x80) {
    *cp = c;
    return 1;
  }
  int len;
  char32_t min;
  char32_t v;
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2, min = 0x80, v = c & 0x1F;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3, min = 0x800, v = c & 0x0F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4, min = 0x10000, v = c & 0x07;
  } else {
    *cp = 0xFFFD;
    return 1;
  }
  if (pos + len > n) {
    *cp = 0xFFFD;
    return 1;
  }
  for (int i = 1; i < len; ++i) {
    unsigned char cc = s[pos + i];
    if ((cc & 0xC0) != 0x80) {
      *cp = 0xFFFD;
      return 1;
    }
    v = (v << 6) | (cc & 0x3F);
  }
  // Overlong forms, UTF-16 surrogates and values past U+10FFFF are ill-formed.
  if (v < min || (v >= 0xD800 && v <= 0xDFFF) || v > 0x10FFFF) {
    *cp = 0xFFFD;
    return 1;
  }
  *cp = v;
  return len;
}

std::optional<size_t> FirstInvalidUtf8(absl::string_view text) {
  // The well-formed sequences of the Unicode Standard's table 3-7, checked inline byte by
  // byte (no decoding): this runs on every appended article, mostly non-ASCII text.
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  auto cont = [&](size_t at, unsigned char lo, unsigned char hi) {
    return at < n && s[at] >= lo && s[at] <= hi;
  };
  size_t i = 0;
  while (i < n) {
    // Fast path over ASCII, sixteen then eight bytes at a time.
    while (i + 16 <= n) {
      uint64_t a, b;
      std::memcpy(&a, s + i, 8);
      std::memcpy(&b, s + i + 8, 8);
      if ((a | b) & 0x8080808080808080ULL) break;
      i += 16;
    }
    while (i + 8 <= n) {
      uint64_t word;
      std::memcpy(&word, s + i, 8);
      if (word & 0x8080808080808080ULL) break;
      i += 8;
    }
    if (i >= n) break;
    const unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
    } else if (c >= 0xC2 && c <= 0xDF) {
      if (!cont(i + 1, 0x80, 0xBF)) return i;
      i += 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      const unsigned char lo = c == 0xE0 ? 0xA0 : 0x80;  // no overlongs
      const unsigned char hi = c == 0xED ? 0x9F : 0xBF;  // no surrogates
      if (!cont(i + 1, lo, hi) || !cont(i + 2, 0x80, 0xBF)) return i;
      i += 3;
    } else if (c >= 0xF0 && c <= 0xF4) {
      const unsigned char lo = c == 0xF0 ? 0x90 : 0x80;  // no overlongs
      const unsigned char hi = c == 0xF4 ? 0x8F : 0xBF;  // nothing past U+10FFFF
      if (!cont(i + 1, lo, hi) || !cont(i + 2, 0x80, 0xBF) || !cont(i + 3, 0x80, 0xBF)) {
        return i;
      }
      i += 4;
    } else {
      return i;
    }
  }
  return std::nullopt;
}

absl::Status ValidateUtf8(absl::string_view text) {
  if (auto bad = FirstInvalidUtf8(text)) {
    return absl::InvalidArgumentError(absl::StrCat("invalid UTF-8 at byte ", *bad));
  }
  return absl::OkStatus();
}

bool HasNul(absl::string_view text) { return text.find('\0') != absl::string_view::npos; }

}  // namespace claimline

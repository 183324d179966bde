#include "extract/normalized_text.h"

#include <cstring>
#include <limits>

#include "absl/strings/str_cat.h"
#include "base/utf8.h"
#include "unicode/bytestream.h"
#include "unicode/edits.h"
#include "unicode/normalizer2.h"
#include "unicode/uchar.h"
#include "unicode/utf8.h"

namespace claimline::extract {
namespace {

// The normalization runs in two passes, each linear:
//   1. ICU's NFKC_Casefold over the whole text, UTF-8 to UTF-8, recording its Edits. That is
//      NFKC + full case folding + removal of default-ignorable characters (soft hyphen,
//      zero-width space/joiners, BOM) in one call with ICU's own fast paths; the Edits give
//      an exact byte map (unchanged spans map byte for byte, a changed span maps every
//      output byte to the first byte of its source).
//   2. Our own fold over the result: digits of any script to ASCII, typographic quotes,
//      dashes, remaining spaces, runs of horizontal spaces collapsed to one. Composing the
//      two maps gives `to_original`.
const icu::Normalizer2* Nfkcf() {
  static const icu::Normalizer2* instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFKCCasefoldInstance(status);
    return U_SUCCESS(status) ? n : nullptr;
  }();
  return instance;
}

// FoldCodePoint: the replacement for one code point after NFKC_Casefold. Returns the
// ASCII byte to emit, 0 to drop nothing and keep the code point as is.
char FoldCodePoint(UChar32 c) {
  switch (c) {
    case 0x2018:  // ‘
    case 0x2019:  // ’
    case 0x201A:  // ‚
    case 0x201B:  // ‛
    case 0x02BC:  // ʼ
    case 0x2032:  // ′
      return '\'';
    case 0x201C:  // “
    case 0x201D:  // ”
    case 0x201E:  // „
    case 0x201F:  // ‟
    case 0x00AB:  // «
    case 0x00BB:  // »
    case 0x2039:  // ‹
    case 0x203A:  // ›
      return '"';
    case 0x2010:  // ‐
    case 0x2011:  // ‑
    case 0x2012:  // ‒
    case 0x2013:  // –
    case 0x2014:  // —
    case 0x2015:  // ―
    case 0x2212:  // −
      return '-';
    case 0x2028:  // line separator
    case 0x2029:  // paragraph separator
    case 0x0085:  // next line
      return '\n';
    default:
      break;
  }
  // CJK ideographs, Hangul syllables and Kana hold no digits and no spaces: skip the
  // property lookups for the bulk of Chinese, Japanese and Korean text.
  if ((c >= 0x3040 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF)) return 0;
  if (u_charType(c) == U_DECIMAL_DIGIT_NUMBER) {
    return static_cast<char>('0' + u_charDigitValue(c));
  }
  if (u_isUWhiteSpace(c)) return ' ';
  return 0;
}

// Folder: pass 2, appending to `out` and its map while collapsing horizontal spaces.
class Folder {
 public:
  Folder(std::string* out, std::vector<uint32_t>* map) : out_(out), map_(map) {}

  void Emit(char c, uint32_t origin) {
    if (c == ' ') {
      if (last_space_) return;
      last_space_ = true;
    } else {
      last_space_ = false;
    }
    out_->push_back(c);
    map_->push_back(origin);
  }

  // Fold: folds `s` (valid UTF-8, the output of pass 1) whose byte i came from original
  // byte origin(i).
  template <typename Origin>
  void Fold(const char* s, size_t n, Origin origin) {
    size_t i = 0;
    while (i < n) {
      unsigned char b = static_cast<unsigned char>(s[i]);
      if (b < 0x80) {
        char c = static_cast<char>(b);
        if (c == '\t' || c == '\v' || c == '\f') c = ' ';
        Emit(c, origin(i));
        ++i;
        continue;
      }
      size_t start = i;
      UChar32 cp;
      U8_NEXT_UNSAFE(s, i, cp);
      char folded = FoldCodePoint(cp);
      if (folded != 0) {
        Emit(folded, origin(start));
      } else {
        last_space_ = false;
        for (size_t k = start; k < i; ++k) {
          out_->push_back(s[k]);
          map_->push_back(origin(start));
        }
      }
    }
  }

 private:
  std::string* out_;
  std::vector<uint32_t>* map_;
  bool last_space_ = false;
};

bool AllAsciiNoUpper(absl::string_view s) {
  for (char c : s) {
    unsigned char b = static_cast<unsigned char>(c);
    if (b >= 0x80 || (b >= 'A' && b <= 'Z')) return false;
  }
  return true;
}

// NormalizeValid: both passes. REQUIRES: `original` is valid UTF-8.
NormalizedText NormalizeValid(absl::string_view original) {
  NormalizedText result;
  result.original = original;
  result.text.reserve(original.size());
  result.to_original.reserve(original.size() + 1);
  Folder folder(&result.text, &result.to_original);

  // ASCII fast path: ASCII folding is lowercasing, and nothing else in pass 1 applies.
  bool ascii = true;
  for (char c : original) {
    if (static_cast<unsigned char>(c) >= 0x80) {
      ascii = false;
      break;
    }
  }
  const icu::Normalizer2* nfkcf = Nfkcf();
  if (ascii || nfkcf == nullptr) {
    std::string lower(original);
    for (char& c : lower) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    folder.Fold(lower.data(), lower.size(), [](size_t i) { return static_cast<uint32_t>(i); });
  } else {
    std::string pass1;
    pass1.reserve(original.size() + original.size() / 8);
    icu::StringByteSink<std::string> sink(&pass1);
    icu::Edits edits;
    UErrorCode status = U_ZERO_ERROR;
    nfkcf->normalizeUTF8(0, icu::StringPiece(original.data(), original.size()), sink, &edits,
                         status);
    if (U_FAILURE(status)) {
      // Cannot happen for valid UTF-8 short of memory exhaustion; fall back to a copy so
      // offsets stay exact.
      pass1.assign(original.data(), original.size());
      folder.Fold(pass1.data(), pass1.size(), [](size_t i) { return static_cast<uint32_t>(i); });
    } else {
      // Walk the edits span by span; each span is folded with its own origin function.
      icu::Edits::Iterator it = edits.getFineIterator();
      UErrorCode st = U_ZERO_ERROR;
      while (it.next(st)) {
        size_t src = static_cast<size_t>(it.sourceIndex());
        size_t dst = static_cast<size_t>(it.destinationIndex());
        size_t dlen = static_cast<size_t>(it.newLength());
        if (it.hasChange()) {
          uint32_t origin = static_cast<uint32_t>(src);
          folder.Fold(pass1.data() + dst, dlen, [origin](size_t) { return origin; });
        } else {
          folder.Fold(pass1.data() + dst, dlen,
                      [src](size_t i) { return static_cast<uint32_t>(src + i); });
        }
      }
    }
  }
  result.to_original.push_back(static_cast<uint32_t>(original.size()));
  return result;
}

// IsIgnorableAt: the length of a default-ignorable character (pass 1 removes them) that ends
// at byte `end` of `s`, or 0. Used to keep them out of reported spans.
int IgnorableEndingAt(absl::string_view s, size_t end) {
  auto at = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  if (end >= 2 && at(end - 2) == 0xC2 && at(end - 1) == 0xAD) return 2;  // soft hyphen
  if (end >= 3) {
    unsigned char a = at(end - 3), b = at(end - 2), c = at(end - 1);
    if (a == 0xE2 && b == 0x80 && c >= 0x8B && c <= 0x8F) return 3;  // ZWSP, ZWNJ, ZWJ, marks
    if (a == 0xE2 && b == 0x81 && c >= 0xA0 && c <= 0xA4) return 3;  // word joiner …
    if (a == 0xEF && b == 0xBB && c == 0xBF) return 3;               // BOM
  }
  return 0;
}

}  // namespace

uint32_t NormalizedText::OriginalEnd(size_t e) const {
  if (e == 0) return to_original[0];
  // The end of the character (or NFKC segment) that produced byte e-1 is where the next
  // source character starts: the first later map entry that differs.
  const uint32_t last = to_original[e - 1];
  size_t j = e;
  while (to_original[j] == last) ++j;  // terminates: the final entry is original.size()
  size_t end = to_original[j];
  // Characters removed by normalization (zero-width, soft hyphen) belong to no match.
  while (end > last) {
    int len = IgnorableEndingAt(original, end);
    if (len == 0) break;
    end -= static_cast<size_t>(len);
  }
  return static_cast<uint32_t>(end);
}

absl::StatusOr<NormalizedText> Normalize(absl::string_view original) {
  if (original.size() >= std::numeric_limits<uint32_t>::max()) {
    return absl::InvalidArgumentError(
        absl::StrCat("text of ", original.size(), " bytes is too large (limit 4 GiB)"));
  }
  if (auto bad = FirstInvalidUtf8(original)) {
    return absl::InvalidArgumentError(absl::StrCat("invalid UTF-8 at byte ", *bad));
  }
  return NormalizeValid(original);
}

std::string NormalizePhrase(absl::string_view phrase) {
  // Replace ill-formed sequences so the shared path can assume valid UTF-8.
  std::string valid;
  if (FirstInvalidUtf8(phrase).has_value()) {
    for (size_t i = 0; i < phrase.size();) {
      char32_t cp;
      int len = DecodeUtf8(phrase, i, &cp);
      if (cp == 0xFFFD && len == 1) {
        valid += "\xEF\xBF\xBD";
      } else {
        valid.append(phrase.data() + i, static_cast<size_t>(len));
      }
      i += static_cast<size_t>(len);
    }
    phrase = valid;
  }
  if (AllAsciiNoUpper(phrase) && phrase.find_first_of("\t\n\r\v\f") == absl::string_view::npos &&
      phrase.find("  ") == absl::string_view::npos && !phrase.empty() && phrase.front() != ' ' &&
      phrase.back() != ' ') {
    return std::string(phrase);
  }
  NormalizedText n = NormalizeValid(phrase);
  std::string out;
  out.reserve(n.text.size());
  for (char c : n.text) {
    if (c == '\n' || c == '\r') c = ' ';
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out.push_back(c);
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace claimline::extract

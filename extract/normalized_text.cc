#include "extract/normalized_text.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <cstring>
#include <limits>
#include <variant>

#include "absl/strings/str_cat.h"
#include "base/utf8.h"
#include "unicode/bytestream.h"
#include "unicode/normalizer2.h"
#include "unicode/uchar.h"
#include "unicode/utf8.h"

namespace claimline::extract {
namespace {

// The normalization is one pass over the text:
//   - ASCII (most bytes of most articles) is lowercased and its spaces collapsed inline;
//   - a BMP code point that starts a normalization segment and is not followed by one
//     that continues it (a combining mark) takes its precomputed result: NFKC_Casefold of
//     the code point (NFKC + full case folding + removal of default ignorables: soft hyphen,
//     zero-width space and joiners, BOM), then our folds (digits of any script to ASCII,
//     typographic quotes, dashes, remaining spaces). The table is built lazily, 256 code
//     points at a time, so a process only pays for the blocks its texts use;
//   - anything else (combining sequences, characters outside the BMP) is normalized by ICU
//     one segment at a time, from the last normalization boundary to the next, and every
//     output byte of the segment maps to its first source byte.
// Validation happens in the same pass: the first ill-formed byte is reported.
const icu::Normalizer2* Nfkcf() {
  static const icu::Normalizer2* instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFKCCasefoldInstance(status);
    return U_SUCCESS(status) ? n : nullptr;
  }();
  return instance;
}

// FoldCodePoint: the replacement for one code point after NFKC_Casefold. Returns the
// ASCII byte to emit, or 0 to keep the code point as is.
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
  if (c < 0x80) {
    if (c == '\t' || c == '\v' || c == '\f') return ' ';
    return 0;
  }
  if (u_charType(c) == U_DECIMAL_DIGIT_NUMBER) {
    return static_cast<char>('0' + u_charDigitValue(c));
  }
  if (u_isUWhiteSpace(c)) return ' ';
  return 0;
}

// FoldInto: appends the folded form of `nfkc` (NFKC_Casefold output, valid UTF-8).
void FoldInto(absl::string_view nfkc, std::string* out) {
  const auto* p = reinterpret_cast<const uint8_t*>(nfkc.data());
  const int32_t n = static_cast<int32_t>(nfkc.size());
  for (int32_t i = 0; i < n;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT_UNSAFE(p, i, c);
    char folded = FoldCodePoint(c);
    if (folded != 0) {
      out->push_back(folded);
    } else {
      out->append(nfkc.data() + start, static_cast<size_t>(i - start));
    }
  }
}

std::string NfkcCasefold(absl::string_view s) {
  std::string out;
  const icu::Normalizer2* n = Nfkcf();
  if (n == nullptr) return std::string(s);
  icu::StringByteSink<std::string> sink(&out);
  UErrorCode status = U_ZERO_ERROR;
  n->normalizeUTF8(0, icu::StringPiece(s.data(), static_cast<int32_t>(s.size())), sink, nullptr,
                   status);
  if (U_FAILURE(status)) return std::string(s);
  return out;
}

// The per-code-point table of the BMP, one block of 256 code points at a time.
struct CodePointEntry {
  uint32_t offset = 0;           // into Block::bytes
  uint8_t length = 0;            // of the folded result; 0 = the code point vanishes
  bool boundary_before = false;  // starts a normalization segment whatever precedes it
  bool simple = false;           // the result above is valid when the next code point has a
                                 // boundary before it
};

struct Block {
  CodePointEntry entries[256];
  std::string bytes;
};

const Block* BuildBlock(uint32_t high) {
  auto* block = new Block;
  const icu::Normalizer2* nfkcf = Nfkcf();
  for (uint32_t low = 0; low < 256; ++low) {
    const UChar32 c = static_cast<UChar32>((high << 8) | low);
    CodePointEntry& e = block->entries[low];
    if (c < 0x80 || (c >= 0xD800 && c <= 0xDFFF) || nfkcf == nullptr) continue;
    e.boundary_before = nfkcf->hasBoundaryBefore(c);
    e.simple = e.boundary_before;
    char utf8[4];
    int32_t len = 0;
    U8_APPEND_UNSAFE(utf8, len, c);
    std::string folded;
    FoldInto(NfkcCasefold(absl::string_view(utf8, static_cast<size_t>(len))), &folded);
    if (folded.size() > 255) {
      e.simple = false;
      continue;
    }
    e.offset = static_cast<uint32_t>(block->bytes.size());
    e.length = static_cast<uint8_t>(folded.size());
    block->bytes += folded;
  }
  return block;
}

const CodePointEntry& EntryOf(UChar32 c, const Block** block_out) {
  static std::atomic<const Block*> blocks[256];
  const uint32_t high = static_cast<uint32_t>(c) >> 8;
  const Block* block = blocks[high].load(std::memory_order_acquire);
  if (block == nullptr) {
    const Block* built = BuildBlock(high);
    const Block* expected = nullptr;
    if (blocks[high].compare_exchange_strong(expected, built, std::memory_order_acq_rel)) {
      block = built;
    } else {
      delete built;  // another thread built it first
      block = expected;
    }
  }
  *block_out = block;
  return block->entries[c & 0xFF];
}

constexpr std::array<char, 128> AsciiFold() {
  std::array<char, 128> t{};
  for (int c = 0; c < 128; ++c) t[c] = static_cast<char>(c);
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = static_cast<char>(c - 'A' + 'a');
  t['\t'] = t['\v'] = t['\f'] = ' ';
  return t;
}
constexpr std::array<char, 128> kAsciiFold = AsciiFold();

bool AllAsciiNoUpper(absl::string_view s) {
  for (char c : s) {
    unsigned char b = static_cast<unsigned char>(c);
    if (b >= 0x80 || (b >= 'A' && b <= 'Z')) return false;
  }
  return true;
}

// Output: the normalized text and its map, written together into buffers sized ahead, so
// the ASCII loop writes without checks.
class Output {
 public:
  Output(std::string* text, std::vector<uint32_t>* map) : text_(text), map_(map) {}

  // Reserve: room for `more` bytes.
  void Reserve(size_t more) {
    if (size_ + more <= text_->size()) return;
    size_t cap = std::max(text_->size() * 2, size_ + more + 64);
    text_->resize(cap);
    map_->resize(cap);
  }

  // Byte: REQUIRES room for one byte.
  void Byte(char c, uint32_t origin) {
    if (c == ' ') {
      if (last_space_) return;
      last_space_ = true;
    } else {
      last_space_ = false;
    }
    (*text_)[size_] = c;
    (*map_)[size_] = origin;
    ++size_;
  }

  void Bytes(const char* bytes, size_t length, uint32_t origin) {
    if (length == 1) return Byte(bytes[0], origin);
    if (length == 0) return;
    last_space_ = false;
    for (size_t k = 0; k < length; ++k) {
      (*text_)[size_ + k] = bytes[k];
      (*map_)[size_ + k] = origin;
    }
    size_ += length;
  }

  // TruncateFrom: drops the output of source bytes at or after `origin`.
  void TruncateFrom(uint32_t origin) {
    while (size_ > 0 && (*map_)[size_ - 1] >= origin) --size_;
    last_space_ = size_ > 0 && (*text_)[size_ - 1] == ' ';
  }

  void Finish(uint32_t end) {
    text_->resize(size_);
    map_->resize(size_);
    map_->push_back(end);
  }

 private:
  std::string* text_;
  std::vector<uint32_t>* map_;
  size_t size_ = 0;
  bool last_space_ = false;
};

// Lookahead: the code point at a position, decoded once and remembered for the next step.
struct Decoded {
  UChar32 c = 0;                          // negative: ill-formed
  size_t next = 0;                        // byte after it
  bool boundary = true;                   // has a normalization boundary before it
  const CodePointEntry* entry = nullptr;  // BMP, non-ASCII
  const Block* block = nullptr;
};

Decoded DecodeAt(const uint8_t* s, size_t n, size_t i) {
  Decoded d;
  if (i >= n) return d;
  if (s[i] < 0x80) {
    d.c = s[i];
    d.next = i + 1;
    return d;
  }
  int32_t k = static_cast<int32_t>(i);
  U8_NEXT(s, k, static_cast<int32_t>(n), d.c);
  d.next = static_cast<size_t>(k);
  if (d.c < 0) return d;
  if (d.c < 0x10000) {
    d.entry = &EntryOf(d.c, &d.block);
    d.boundary = d.entry->boundary_before;
  } else {
    const icu::Normalizer2* nfkcf = Nfkcf();
    d.boundary = nfkcf == nullptr || nfkcf->hasBoundaryBefore(d.c);
  }
  return d;
}

// NormalizeChecked: the normalized form, or the offset of the first ill-formed byte.
std::variant<NormalizedText, size_t> NormalizeChecked(absl::string_view original) {
  NormalizedText result;
  result.original = original;
  Output out(&result.text, &result.to_original);
  const auto* s = reinterpret_cast<const uint8_t*>(original.data());
  const size_t n = original.size();
  out.Reserve(n + 16);
  size_t i = 0;
  size_t prev_start = 0;  // where the code point before i starts
  Decoded ahead;          // the decoded code point at i, when have_ahead
  bool have_ahead = false;
  while (i < n) {
    if (s[i] < 0x80) {
      out.Reserve(n - i);
      do {  // an ASCII run: at most one output byte per input byte
        prev_start = i;
        out.Byte(kAsciiFold[s[i]], static_cast<uint32_t>(i));
        ++i;
      } while (i < n && s[i] < 0x80);
      have_ahead = false;
      continue;
    }
    Decoded d = have_ahead ? ahead : DecodeAt(s, n, i);
    have_ahead = false;
    if (d.c < 0) return i;
    const size_t next = d.next;
    if (d.entry != nullptr && d.entry->simple) {
      ahead = DecodeAt(s, n, next);
      have_ahead = next < n && s[next] >= 0x80;
      if (ahead.boundary) {
        out.Reserve(256);
        out.Bytes(d.block->bytes.data() + d.entry->offset, d.entry->length,
                  static_cast<uint32_t>(i));
        prev_start = i;
        i = next;
        continue;
      }
    }
    have_ahead = false;
    // A segment for ICU: back to the last boundary, forward to the next.
    size_t seg_begin = i;
    if (!d.boundary && i > 0) {
      seg_begin = prev_start;
      while (seg_begin > 0 && !DecodeAt(s, n, seg_begin).boundary) {
        int32_t k = static_cast<int32_t>(seg_begin);
        UChar32 c;
        U8_PREV(s, 0, k, c);
        seg_begin = static_cast<size_t>(k);
      }
    }
    size_t seg_end = next;
    while (seg_end < n) {
      Decoded e = DecodeAt(s, n, seg_end);
      if (e.c < 0) return seg_end;
      if (e.boundary) break;
      seg_end = e.next;
    }
    out.TruncateFrom(static_cast<uint32_t>(seg_begin));
    std::string folded;
    FoldInto(NfkcCasefold(original.substr(seg_begin, seg_end - seg_begin)), &folded);
    out.Reserve(folded.size());
    for (size_t k = 0; k < folded.size();) {
      // Spaces keep collapsing; other bytes go out as they are.
      if (folded[k] == ' ') {
        out.Byte(' ', static_cast<uint32_t>(seg_begin));
        ++k;
        continue;
      }
      size_t run = k;
      while (run < folded.size() && folded[run] != ' ') ++run;
      out.Bytes(folded.data() + k, run - k, static_cast<uint32_t>(seg_begin));
      k = run;
    }
    // The segment's last code point is the "previous" one for what follows.
    {
      int32_t k = static_cast<int32_t>(seg_end);
      UChar32 c;
      U8_PREV(s, 0, k, c);
      prev_start = static_cast<size_t>(k);
    }
    i = seg_end;
  }
  out.Finish(static_cast<uint32_t>(n));
  return result;
}

NormalizedText NormalizeValid(absl::string_view original) {
  auto r = NormalizeChecked(original);
  return std::get<NormalizedText>(std::move(r));
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
  auto r = NormalizeChecked(original);
  if (size_t* bad = std::get_if<size_t>(&r)) {
    return absl::InvalidArgumentError(absl::StrCat("invalid UTF-8 at byte ", *bad));
  }
  return std::get<NormalizedText>(std::move(r));
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

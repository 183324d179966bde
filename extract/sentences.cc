#include "extract/sentences.h"

#include <array>
#include <atomic>
#include <cstring>
#include <memory>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "unicode/dtptngen.h"
#include "unicode/locid.h"
#include "unicode/uchar.h"
#include "unicode/unistr.h"
#include "unicode/ures.h"
#include "unicode/utf8.h"

namespace claimline::extract {
namespace {

// Sentence_Break classes (UAX #29), ICU's values.
using SbClass = uint8_t;
constexpr SbClass kOther = U_SB_OTHER;

// The class of every BMP code point, 256 at a time, built on first use from ICU's data.
struct SbBlock {
  SbClass cls[256];
};

const SbBlock* BuildSbBlock(uint32_t high) {
  auto* block = new SbBlock;
  for (uint32_t low = 0; low < 256; ++low) {
    const UChar32 c = static_cast<UChar32>((high << 8) | low);
    block->cls[low] = static_cast<SbClass>(u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK));
  }
  return block;
}

SbClass ClassOf(UChar32 c) {
  if (c < 0) return kOther;
  if (c >= 0x10000) return static_cast<SbClass>(u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK));
  static std::atomic<const SbBlock*> blocks[256];
  const uint32_t high = static_cast<uint32_t>(c) >> 8;
  const SbBlock* block = blocks[high].load(std::memory_order_acquire);
  if (block == nullptr) {
    const SbBlock* built = BuildSbBlock(high);
    const SbBlock* expected = nullptr;
    if (blocks[high].compare_exchange_strong(expected, built, std::memory_order_acq_rel)) {
      block = built;
    } else {
      delete built;  // another thread built it first
      block = expected;
    }
  }
  return block->cls[c & 0xFF];
}

bool IsParaSep(SbClass c) { return c == U_SB_SEP || c == U_SB_CR || c == U_SB_LF; }
bool IsSATerm(SbClass c) { return c == U_SB_STERM || c == U_SB_ATERM; }

// SpaceLengthAt / SpaceLengthBefore: the byte length of a whitespace character starting
// (ending) at `i`, or 0. ASCII whitespace, NBSP, the U+2000 spaces, narrow NBSP,
// ideographic space, zero-width space and BOM.
size_t SpaceLengthAt(absl::string_view s, size_t i) {
  auto at = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = at(i);
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return 1;
  if (c == 0xC2 && i + 1 < s.size() && at(i + 1) == 0xA0) return 2;
  if (i + 2 < s.size()) {
    unsigned char b = at(i + 1), d = at(i + 2);
    if (c == 0xE2 && b == 0x80 && (d <= 0x8B || d == 0xAF)) return 3;
    if (c == 0xE3 && b == 0x80 && d == 0x80) return 3;
    if (c == 0xEF && b == 0xBB && d == 0xBF) return 3;
  }
  return 0;
}

size_t SpaceLengthBefore(absl::string_view s, size_t i) {
  for (size_t len : {1, 2, 3}) {
    if (i >= len && SpaceLengthAt(s, i - len) == len) return len;
  }
  return 0;
}

bool IsContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Emitter: trims, caps and appends sentences.
class Emitter {
 public:
  Emitter(absl::string_view text, std::vector<SentenceSpan>* out) : text_(text), out_(out) {}

  void Add(size_t b, size_t e) {
    while (b < e) {
      size_t len = SpaceLengthAt(text_, b);
      if (len == 0 || b + len > e) break;
      b += len;
    }
    while (e > b) {
      size_t len = SpaceLengthBefore(text_, e);
      if (len == 0 || e - len < b) break;
      e -= len;
    }
    while (e - b > kMaxSentenceBytes) {
      // Cut at the last space in the window, else at a character boundary.
      size_t cut = b + kMaxSentenceBytes;
      size_t space = text_.substr(b, kMaxSentenceBytes).find_last_of(" \t");
      if (space != absl::string_view::npos && space > kMaxSentenceBytes / 2) {
        cut = b + space;
      } else {
        while (cut > b && IsContinuation(static_cast<unsigned char>(text_[cut]))) --cut;
      }
      Add(b, cut);
      b = cut;
      while (b < e) {
        size_t len = SpaceLengthAt(text_, b);
        if (len == 0) break;
        b += len;
      }
    }
    if (e > b) out_->push_back({static_cast<uint32_t>(b), static_cast<uint32_t>(e)});
  }

 private:
  absl::string_view text_;
  std::vector<SentenceSpan>* out_;
};

// Reader: the Sentence_Break classes of a line, read on demand. Extend and Format
// characters belong to the character before them (SB5).
class Reader {
 public:
  Reader(absl::string_view text, size_t begin, size_t end)
      : s_(reinterpret_cast<const uint8_t*>(text.data())), begin_(begin), end_(end) {}

  struct Char {
    SbClass cls;
    size_t next;  // after the character and its Extend/Format characters
  };

  // At: the character starting at i. REQUIRES: i < end.
  Char At(size_t i) const {
    Char c{Raw(i, &i), 0};
    while (i < end_) {
      size_t after;
      SbClass k = Raw(i, &after);
      if (k != U_SB_EXTEND && k != U_SB_FORMAT) break;
      i = after;
    }
    c.next = i;
    return c;
  }

  // Before: the class of the character before byte i (Extend/Format skipped), or Other.
  SbClass Before(size_t i) const {
    while (i > begin_) {
      int32_t k = static_cast<int32_t>(i);
      UChar32 c;
      U8_PREV(s_, static_cast<int32_t>(begin_), k, c);
      i = static_cast<size_t>(k);
      SbClass cls = ClassOf(c);
      if (cls != U_SB_EXTEND && cls != U_SB_FORMAT) return cls;
    }
    return kOther;
  }

  size_t end() const { return end_; }

  // Raw: the class of the code point at i alone; *next is after it.
  SbClass Raw(size_t i, size_t* next) const {
    if (s_[i] < 0x80) {
      *next = i + 1;
      return kAsciiClasses()[s_[i]];
    }
    int32_t k = static_cast<int32_t>(i);
    UChar32 c;
    U8_NEXT(s_, k, static_cast<int32_t>(end_), c);
    *next = static_cast<size_t>(k);
    return ClassOf(c);
  }

 private:
  static const std::array<SbClass, 128>& kAsciiClasses() {
    static const std::array<SbClass, 128> table = [] {
      std::array<SbClass, 128> t{};
      for (int a = 0; a < 128; ++a) t[a] = ClassOf(a);
      return t;
    }();
    return table;
  }

  const uint8_t* s_;
  size_t begin_;
  size_t end_;
};

// Suppressed: the word that ends with the full stop at `dot` is an abbreviation. As in
// ICU's filtered iterator, an abbreviation that is also the start of a longer one up to an
// inner full stop ("z." of "z.B.") suppresses only as part of the longer one.
bool Suppressed(absl::string_view text, size_t line_begin, size_t dot,
                const Abbreviations& abbreviations) {
  if (abbreviations.dotted_day && dot > line_begin) {
    // "am 11. März": a day of the month written as an ordinal.
    size_t digits = 0;
    while (digits < 3 && dot - digits > line_begin && text[dot - digits - 1] >= '0' &&
           text[dot - digits - 1] <= '9') {
      ++digits;
    }
    const size_t at = dot - digits;
    if ((digits == 1 || digits == 2) &&
        (at == line_begin || text[at - 1] == ' ' || text[at - 1] == '(' || text[at - 1] == '\t')) {
      return true;
    }
  }
  if (abbreviations.full.empty()) return false;
  size_t start = dot;
  while (start > line_begin && text[start - 1] != ' ' && text[start - 1] != '\t' &&
         dot - start < 24) {
    --start;
  }
  const absl::string_view word = text.substr(start, dot + 1 - start);
  if (abbreviations.full.contains(word)) return true;
  auto it = abbreviations.prefixes.find(word);
  if (it == abbreviations.prefixes.end()) return false;
  for (const std::string& longer : it->second) {
    if (text.substr(start, longer.size()) == longer) return true;
  }
  return false;
}

// Breaks: the sentence boundaries strictly inside the line [begin, end) (UAX #29 SB4–SB11),
// evaluated only around terminators: one class lookup per character elsewhere.
void Breaks(absl::string_view text, size_t begin, size_t end, const Abbreviations& abbreviations,
            std::vector<size_t>* out) {
  const Reader r(text, begin, end);
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  // ASCII bytes that may matter: terminators and CR. The rest is skipped in a tight loop.
  static const std::array<bool, 128> kAsciiStop = [] {
    std::array<bool, 128> t{};
    for (int a = 0; a < 128; ++a) {
      SbClass k = ClassOf(a);
      t[a] = IsParaSep(k) || IsSATerm(k);
    }
    return t;
  }();
  size_t i = begin;
  while (i < end) {
    // Most characters are neither terminators nor separators: one lookup, no context.
    if (s[i] < 0x80) {
      if (!kAsciiStop[s[i]]) {
        ++i;
        continue;
      }
    } else {
      int32_t k = static_cast<int32_t>(i);
      UChar32 cp;
      U8_NEXT(s, k, static_cast<int32_t>(end), cp);
      const SbClass raw = ClassOf(cp);
      if (!IsParaSep(raw) && !IsSATerm(raw)) {
        i = static_cast<size_t>(k);
        continue;
      }
    }
    const Reader::Char c = r.At(i);
    if (IsParaSep(c.cls)) {  // SB4: a paragraph separator inside the line (CR, U+2029 …)
      if (c.next < end) out->push_back(c.next);
      i = c.next;
      continue;
    }
    if (!IsSATerm(c.cls)) {
      i = c.next;
      continue;
    }
    size_t j = c.next;
    Reader::Char at{kOther, j};
    auto peek = [&]() { at = j < end ? r.At(j) : Reader::Char{kOther, end}; };
    peek();
    while (j < end && at.cls == U_SB_CLOSE) {  // SB9
      j = at.next;
      peek();
    }
    const size_t close_end = j;
    while (j < end && at.cls == U_SB_SP) {  // SB10
      j = at.next;
      peek();
    }
    const size_t sp_end = j;
    const SbClass after = j < end ? at.cls : kOther;
    bool joined = false;
    if (c.cls == U_SB_ATERM) {
      if (close_end == c.next && sp_end == c.next && c.next < end) {
        if (after == U_SB_NUMERIC) joined = true;  // SB6: "3.5"
        if (after == U_SB_UPPER) {
          SbClass before = r.Before(i);
          if (before == U_SB_UPPER || before == U_SB_LOWER) joined = true;  // SB7: "U.S"
        }
      }
      if (!joined) {
        // SB8: ATerm Close* Sp* × (¬(OLetter | Upper | Lower | ParaSep | SATerm))* Lower
        Reader::Char q = at;
        size_t q_at = sp_end;
        while (q_at < end && q.cls != U_SB_OLETTER && q.cls != U_SB_UPPER && q.cls != U_SB_LOWER &&
               !IsParaSep(q.cls) && !IsSATerm(q.cls)) {
          q_at = q.next;
          if (q_at < end) q = r.At(q_at);
        }
        if (q_at < end && q.cls == U_SB_LOWER) joined = true;
      }
    }
    if (!joined && sp_end < end && (after == U_SB_SCONTINUE || IsSATerm(after))) {
      joined = true;  // SB8a
    }
    size_t stop = sp_end;
    if (stop < end && IsParaSep(after)) stop = at.next;  // SB11: the separator stays with it
    if (joined || stop >= end ||
        (c.cls == U_SB_ATERM && Suppressed(text, begin, i, abbreviations))) {
      i = c.next;
      continue;
    }
    out->push_back(stop);
    i = stop;
  }
}

// kMaxLineBytes: longer lines are handled in pieces of this size (cut at a character
// boundary), so offsets stay in range and memory bounded.
constexpr size_t kMaxLineBytes = 1 << 20;

absl::flat_hash_set<std::string> LoadAbbreviationList(absl::string_view language) {
  absl::flat_hash_set<std::string> out;
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale locale = icu::Locale::forLanguageTag(
      icu::StringPiece(language.data(), static_cast<int32_t>(language.size())), status);
  if (U_FAILURE(status)) return out;
  status = U_ZERO_ERROR;
  UResourceBundle* bundle = ures_open(U_ICUDATA_NAME "-brkitr", locale.getName(), &status);
  UResourceBundle* exceptions = ures_getByKey(bundle, "exceptions", nullptr, &status);
  UResourceBundle* list = ures_getByKey(exceptions, "SentenceBreak", nullptr, &status);
  if (U_SUCCESS(status)) {
    for (int32_t i = 0; i < ures_getSize(list); ++i) {
      int32_t length = 0;
      UErrorCode item = U_ZERO_ERROR;
      const UChar* s = ures_getStringByIndex(list, i, &length, &item);
      if (U_FAILURE(item)) continue;
      std::string utf8;
      icu::UnicodeString(s, length).toUTF8String(utf8);
      out.insert(std::move(utf8));
    }
  }
  ures_close(list);
  ures_close(exceptions);
  ures_close(bundle);
  return out;
}

}  // namespace

Abbreviations Abbreviations::Load(absl::string_view language) {
  Abbreviations a;
  a.all = LoadAbbreviationList(language);
  for (const std::string& s : a.all) {
    // "z.B." makes "z." a prefix: it suppresses only when the rest follows.
    size_t inner = s.find('.');
    while (inner != std::string::npos && inner + 1 < s.size()) {
      const std::string prefix = s.substr(0, inner + 1);
      if (a.all.contains(prefix)) a.prefixes[prefix].push_back(s);
      inner = s.find('.', inner + 1);
    }
  }
  for (const std::string& s : a.all) {
    if (!a.prefixes.contains(s)) a.full.insert(s);
  }
  // The day of the month in CLDR's day-and-month pattern ("d. MMMM" in de, fi, da, nb).
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale locale = icu::Locale::forLanguageTag(
      icu::StringPiece(language.data(), static_cast<int32_t>(language.size())), status);
  std::unique_ptr<icu::DateTimePatternGenerator> generator(
      U_SUCCESS(status) ? icu::DateTimePatternGenerator::createInstance(locale, status) : nullptr);
  if (U_SUCCESS(status) && generator != nullptr) {
    std::string pattern;
    generator->getBestPattern(icu::UnicodeString("dMMMM"), status).toUTF8String(pattern);
    const size_t d = pattern.find('d');
    a.dotted_day = U_SUCCESS(status) && d != std::string::npos && d + 1 < pattern.size() &&
                   pattern[d + 1] == '.';
  }
  return a;
}

absl::StatusOr<std::unique_ptr<SentenceSplitter>> SentenceSplitter::Create(
    absl::string_view language) {
  if (ClassOf('.') != U_SB_ATERM) {
    return absl::InternalError("ICU has no Sentence_Break property data");
  }
  return std::unique_ptr<SentenceSplitter>(new SentenceSplitter(Abbreviations::Load(language)));
}

std::vector<SentenceSpan> SentenceSplitter::Split(absl::string_view text) const {
  std::vector<SentenceSpan> out;
  Emitter emit(text, &out);
  std::vector<size_t> breaks;
  size_t pos = 0;
  while (pos < text.size()) {
    // One line at a time: a line break always ends a sentence.
    const void* nl = std::memchr(text.data() + pos, '\n', text.size() - pos);
    const size_t line_end = nl ? static_cast<const char*>(nl) - text.data() : text.size();
    size_t b = pos;
    while (b < line_end) {
      size_t e = line_end;
      if (e - b > kMaxLineBytes) {
        e = b + kMaxLineBytes;
        while (e > b && IsContinuation(static_cast<unsigned char>(text[e]))) --e;
      }
      // Skip blank lines; otherwise classify and find the breaks.
      size_t first = b;
      while (first < e && SpaceLengthAt(text, first) != 0) first += SpaceLengthAt(text, first);
      if (first < e) {
        breaks.clear();
        Breaks(text, first, e, abbreviations_, &breaks);
        size_t start = first;
        for (size_t at : breaks) {
          emit.Add(start, at);
          start = at;
        }
        emit.Add(start, e);
      }
      b = e;
    }
    pos = line_end + 1;
  }
  return out;
}

}  // namespace claimline::extract

#include "extract/sentences.h"

#include <cstring>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "unicode/brkiter.h"
#include "unicode/locid.h"
#include "unicode/utext.h"

namespace claimline::extract {
namespace {

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

// kMaxParagraphBytes: paragraphs are fed to ICU in pieces no longer than this (ICU's
// break iterator reports int32 offsets, and very long lines would only be cut later).
constexpr size_t kMaxParagraphBytes = 1 << 20;

}  // namespace

SentenceSplitter::SentenceSplitter(std::unique_ptr<icu::BreakIterator> prototype)
    : prototype_(std::move(prototype)) {}

SentenceSplitter::~SentenceSplitter() = default;

absl::StatusOr<std::unique_ptr<SentenceSplitter>> SentenceSplitter::Create(
    absl::string_view language) {
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale locale = icu::Locale::forLanguageTag(
      icu::StringPiece(language.data(), static_cast<int32_t>(language.size())), status);
  if (U_FAILURE(status)) {
    status = U_ZERO_ERROR;
    locale = icu::Locale::getRoot();
  }
  // Abbreviation suppressions from CLDR, where the locale has them.
  locale.setKeywordValue("ss", "standard", status);
  status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(
      icu::BreakIterator::createSentenceInstance(locale, status));
  if (U_FAILURE(status) || it == nullptr) {
    return absl::InternalError(absl::StrCat("ICU has no sentence break rules for \"", language,
                                            "\": ", u_errorName(status)));
  }
  return std::unique_ptr<SentenceSplitter>(new SentenceSplitter(std::move(it)));
}

std::vector<SentenceSpan> SentenceSplitter::Split(absl::string_view text) const {
  std::vector<SentenceSpan> out;
  Emitter emit(text, &out);
  std::unique_ptr<icu::BreakIterator> it(prototype_->clone());
  size_t pos = 0;
  while (pos < text.size()) {
    // One line at a time: a line break always ends a sentence.
    const void* nl = std::memchr(text.data() + pos, '\n', text.size() - pos);
    size_t line_end = nl ? static_cast<const char*>(nl) - text.data() : text.size();
    size_t b = pos;
    while (b < line_end) {
      size_t e = line_end;
      if (e - b > kMaxParagraphBytes) {
        e = b + kMaxParagraphBytes;
        while (e > b && IsContinuation(static_cast<unsigned char>(text[e]))) --e;
      }
      // Skip blank lines without a trip through ICU.
      size_t first = b;
      while (first < e && SpaceLengthAt(text, first) != 0) first += SpaceLengthAt(text, first);
      if (first < e) {
        UErrorCode status = U_ZERO_ERROR;
        UText ut = UTEXT_INITIALIZER;
        utext_openUTF8(&ut, text.data() + b, static_cast<int64_t>(e - b), &status);
        if (U_SUCCESS(status)) it->setText(&ut, status);
        if (U_FAILURE(status)) {
          emit.Add(b, e);
        } else {
          int32_t start = it->first();
          for (int32_t stop = it->next(); stop != icu::BreakIterator::DONE;
               start = stop, stop = it->next()) {
            emit.Add(b + static_cast<size_t>(start), b + static_cast<size_t>(stop));
          }
        }
        utext_close(&ut);
      }
      b = e;
    }
    pos = line_end + 1;
  }
  return out;
}

}  // namespace claimline::extract

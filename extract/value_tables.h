// ValueTables: the merged, normalized value knowledge of one language (hand-written lexicon
// over CLDR), and SentenceView, the per-sentence index of the phrase hits that the date and
// quantity scanners read. Internal to the value recognizer (value_recognizer.h is the API).
#ifndef CLAIMLINE_EXTRACT_VALUE_TABLES_H_
#define CLAIMLINE_EXTRACT_VALUE_TABLES_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "claimline/v1/values.pb.h"
#include "extract/normalized_text.h"
#include "extract/numbers.h"
#include "extract/phrase_matcher.h"

namespace claimline::extract {

// Payloads: (tag << kTagShift) | index. The tag is unique per ValueRecognizer.
inline constexpr int kTagShift = 20;
inline constexpr uint32_t kIndexMask = (1u << kTagShift) - 1;

struct ScaleEntry {
  std::string phrase;  // normalized
  double value = 0;
  bool attached = false;
};

struct VagueEntry {
  std::string phrase;
  double low = 0, high = 0;
  bool absolute = false;
};

struct ApproxEntry {
  std::string phrase;
  v1::BoundKind kind = v1::BOUND_KIND_ABOUT;
  v1::ValuePosition position = v1::VALUE_POSITION_BEFORE;
};

struct RangeEntry {
  std::string phrase;
  v1::RangeRole role = v1::RANGE_ROLE_JOIN;
};

struct CurrencyEntry {
  std::string phrase;
  std::string code;
  v1::ValuePosition position = v1::VALUE_POSITION_UNSPECIFIED;
};

struct UnitEntry {
  std::string phrase;
  std::string unit;
  v1::ValuePosition position = v1::VALUE_POSITION_AFTER;
};

struct NumberWordEntry {
  std::string phrase;
  double value = 0;
  bool multiplier = false;
};

struct MonthEntry {
  std::string phrase;
  int month = 0;
  bool abbreviated = false;
  bool ambiguous = false;
};

struct WeekdayEntry {
  std::string phrase;
  int weekday = 0;
  bool ambiguous = false;
};

// Everything registered under PhraseClass::kDatePhrase.
struct DateEntry {
  enum class Type : uint8_t {
    kFixed,
    kModifier,
    kYearCue,
    kQuarter,
    kTemplatePrefix,
    kTemplateSuffix
  };
  std::string phrase;
  Type type = Type::kFixed;
  v1::Granularity unit = v1::GRANULARITY_UNSPECIFIED;
  int offset = 0;
  int vague_days = 0;
  v1::ValuePosition position = v1::VALUE_POSITION_UNSPECIFIED;
  bool ambiguous = false;
  int quarter = 0;
  std::vector<int> templates;  // kTemplatePrefix/kTemplateSuffix: indices into templates
};

struct TemplateEntry {
  std::string prefix, suffix;  // normalized; prefix may be empty
  v1::Granularity unit = v1::GRANULARITY_DAY;
  int sign = -1;
};

struct ValueTables {
  std::string language;
  uint32_t tag = 0;
  NumberStyle number_style;
  double nearly_factor = 0.9;
  int default_vague_days = 30;
  v1::NumericDateOrder numeric_order = v1::NUMERIC_DATE_ORDER_DMY;

  std::vector<ScaleEntry> scales;
  std::vector<VagueEntry> vague;
  std::vector<ApproxEntry> approximators;
  std::vector<RangeEntry> range_words;
  std::vector<CurrencyEntry> currencies;
  std::vector<UnitEntry> units;
  std::vector<NumberWordEntry> number_words;
  std::vector<MonthEntry> months;
  std::vector<WeekdayEntry> weekdays;
  std::vector<DateEntry> date_phrases;
  std::vector<TemplateEntry> templates;

  // Phrases that start with a letter of a spaced script other than Latin (Hangul,
  // Devanagari …), by their first character: the matcher's word boundary refuses them when
  // glued to digits ("5900억", "3일 전"), so SentenceView adds those hits itself.
  struct Glued {
    std::string phrase;
    PhraseClass cls;
    uint32_t index;
  };
  absl::flat_hash_map<std::string, std::vector<Glued>> glued;
  // Attached scale words by normalized phrase ("bn", "b", "m", "k"): read right after digits.
  absl::flat_hash_map<std::string, double> attached_scales;
  std::vector<std::string> quantity_connectors;  // normalized
  std::vector<std::string> quantity_fillers;
  std::vector<std::string> year_suffix, month_suffix, day_suffix, date_connectors, ordinal_suffix;
};

// SentenceView: one sentence's own hits, indexed for the scanners.
class SentenceView {
 public:
  SentenceView(const ValueTables& tables, const NormalizedText& text, size_t begin, size_t end,
               absl::Span<const PhraseHit> all_hits);

  const ValueTables& tables() const { return tables_; }
  const NormalizedText& normalized() const { return text_; }
  absl::string_view text() const { return text_.text; }
  size_t begin() const { return begin_; }
  size_t end() const { return end_; }

  // LongestAt: the longest hit of `cls` that begins at `pos`, or nullptr.
  const PhraseHit* LongestAt(size_t pos, PhraseClass cls) const;
  // LongestEndingAt: the longest hit of `cls` that ends at `pos`, or nullptr.
  const PhraseHit* LongestEndingAt(size_t pos, PhraseClass cls) const;
  // HitsAt: all hits that begin at `pos` (any class).
  absl::Span<const PhraseHit> HitsAt(size_t pos) const;
  // HitsEndingAt: all hits that end at `pos` (any class).
  absl::Span<const PhraseHit> HitsEndingAt(size_t pos) const;
  absl::Span<const PhraseHit> hits() const { return hits_; }

  static uint32_t Index(const PhraseHit& h) { return h.payload & kIndexMask; }

  // SkipSpaces / SkipSpacesBack: past ' ' (the normalized text has one space per run).
  size_t SkipSpaces(size_t pos) const;
  size_t SkipSpacesBack(size_t pos) const;
  // StartsWithAny: the length of the longest of `words` that text[pos..] starts with (and
  // that is not glued to a following Latin letter when it ends in one), or 0.
  size_t StartsWithAny(size_t pos, const std::vector<std::string>& words) const;
  // EndsWithAny: the same, for a word ending at `pos`.
  size_t EndsWithAny(size_t pos, const std::vector<std::string>& words) const;

  // OriginalText: the original bytes of normalized [b, e).
  absl::string_view OriginalText(size_t b, size_t e) const;

 private:
  void AddGluedHits();

  const ValueTables& tables_;
  const NormalizedText& text_;
  size_t begin_, end_;
  std::vector<PhraseHit> hits_;    // by (begin, end)
  std::vector<PhraseHit> by_end_;  // by (end, begin)
};

// IsLatinLetterByte: an ASCII letter.
bool IsLatinLetterByte(char c);
// SpacedWordCharBefore: the code point ending at `pos` (not before `floor`) is a letter or
// digit of a script written with spaces between words (Latin, Cyrillic, Devanagari …), so a
// figure starting at `pos` is glued to a word ("R1", "GB200").
bool SpacedWordCharBefore(absl::string_view text, size_t pos, size_t floor);
// SpacedLetterAt: the code point at `pos` is such a letter.
bool SpacedLetterAt(absl::string_view text, size_t pos);

}  // namespace claimline::extract

#endif  // CLAIMLINE_EXTRACT_VALUE_TABLES_H_

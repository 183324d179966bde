// ValueRecognizer: finds the dates and quantities of one language in normalized text.
//
// Language-neutral code driven by data: the language's ValueLexicon
// (extract/lang/<tag>/values.textproto, schema proto/claimline/v1/values.proto) merged over
// what CLDR has for the locale (month, weekday and quarter names, relative date phrases,
// scale words, currency names and symbols, the percent word; see cldr.h), harvested once in
// Create. After Create the object is immutable and thread-safe.
//
// Use (one recognizer per language; phrases of several languages may share one matcher):
//
//   ASSIGN_OR_RETURN(auto values, ValueRecognizer::Create("it", lexicon));
//   PhraseMatcherBuilder builder;
//   values->RegisterPhrases(&builder);     // plus every other recognizer's phrases
//   auto matcher = builder.Build();
//   std::vector<PhraseHit> hits = matcher->FindAll(text.text);
//   for each sentence [b, e):
//     ValueMentions found = values->Find(text, b, e, hits, published);
//
// Payloads of the hits this object registers carry a tag unique to the object, so hits of
// another ValueRecognizer in the same matcher are ignored. Conventions of the values (see
// ../shared/CLAIMS.md and dates.h, quantities.h): quantities are magnitudes (a sign is
// dropped); "more than x" → [x, null]; "up to x" / "less than x" → [null, x]; "nearly x" →
// [0.9x, x] approx; "about x" → [x, x] approx; a bare number is a quantity only with a unit,
// a currency or a scale word (unit "count"). A date without a year takes the year nearest the
// reference; a bare weekday is the most recent one on or before the reference; vague phrases
// are a window of `default_vague_days` (30) ending at the reference.
#ifndef CLAIMLINE_EXTRACT_VALUE_RECOGNIZER_H_
#define CLAIMLINE_EXTRACT_VALUE_RECOGNIZER_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "absl/types/span.h"
#include "claimline/v1/values.pb.h"
#include "extract/mentions.h"
#include "extract/normalized_text.h"
#include "extract/phrase_matcher.h"

namespace claimline::extract {

struct ValueTables;  // value_recognizer.cc: the merged CLDR + lexicon tables

struct ValueMentions {
  std::vector<QuantityMention> quantities;  // in text order
  std::vector<DateMention> dates;           // in text order
};

class ValueRecognizer {
 public:
  // Create: for one language tag ("it", "zh-Hant"); `lexicon` is the parsed values.textproto
  // of that language with its `inherits` parent already merged (MergeValueLexicons), or an
  // empty lexicon: CLDR via ICU still gives any ICU locale month and weekday names, relative
  // phrases, scale words and currency names. InvalidArgument for a malformed entry (a month
  // outside 1..12, a scale of 0, …), naming the entry.
  static absl::StatusOr<std::unique_ptr<ValueRecognizer>> Create(const std::string& lang,
                                                                 const v1::ValueLexicon& lexicon);
  ~ValueRecognizer();

  const std::string& language() const;

  // RegisterPhrases: adds this language's value phrases (classes kMonth, kWeekday,
  // kDatePhrase, kScale, kVagueMagnitude, kApproximator, kRangeWord, kCurrency, kUnitWord,
  // kNumberWord) to the shared matcher. Deterministic: the same calls in the same order.
  void RegisterPhrases(PhraseMatcherBuilder* builder) const;

  // Find: the quantities and dates in the normalized range [begin, end) (one sentence) of
  // `text`, given all hits of the whole text ordered by begin (only this object's hits are
  // read). Offsets in results are ORIGINAL bytes. Dates are resolved against `reference`
  // (the publication date). A number inside a date is never a quantity.
  // REQUIRES: begin <= end <= text.text.size(); `hits` come from a matcher built with this
  // object's RegisterPhrases over text.text.
  ValueMentions Find(const NormalizedText& text, size_t begin, size_t end,
                     absl::Span<const PhraseHit> hits, absl::CivilDay reference) const;

  // FindQuantities / FindDates: the two halves of Find (each runs the whole scan; call Find
  // when both are wanted).
  std::vector<QuantityMention> FindQuantities(const NormalizedText& text, size_t begin, size_t end,
                                              absl::Span<const PhraseHit> hits) const;
  std::vector<DateMention> FindDates(const NormalizedText& text, size_t begin, size_t end,
                                     absl::Span<const PhraseHit> hits,
                                     absl::CivilDay reference) const;

  // phrase_count: how many phrases RegisterPhrases adds (for --explain and tests).
  size_t phrase_count() const;

 private:
  explicit ValueRecognizer(std::unique_ptr<ValueTables> tables);
  std::unique_ptr<ValueTables> tables_;
};

// ParseValueLexicon: parses a values.textproto. InvalidArgument naming `file_name` and the
// line of a syntax error.
absl::StatusOr<v1::ValueLexicon> ParseValueLexicon(absl::string_view textproto,
                                                   absl::string_view file_name);

// MergeValueLexicons: `child` over `parent` (zh-Hant over zh): repeated fields are
// concatenated, the child's entries first (they win on the same phrase); scalar fields of
// the child win when set; `language` and `cldr_locale` are the child's.
v1::ValueLexicon MergeValueLexicons(const v1::ValueLexicon& parent, const v1::ValueLexicon& child);

}  // namespace claimline::extract

#endif  // CLAIMLINE_EXTRACT_VALUE_RECOGNIZER_H_

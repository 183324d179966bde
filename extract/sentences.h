// Sentence segmentation: an article's sentences as spans of its ORIGINAL bytes.
//
// The Unicode sentence boundary rules (UAX #29, as ICU's sentence BreakIterator applies
// them) on ICU's Sentence_Break property data, with CLDR's abbreviation suppressions for the
// language from ICU's break-iterator data (as "@ss=standard" does: "Mr.", "M.", "Sig." do
// not end a sentence). The rules are evaluated in one pass with a table lookup per
// character, which is several times faster than running the BreakIterator itself; a test
// checks that both agree. In addition:
//   - every line break ends a sentence (headlines and datelines have no full stop);
//   - a sentence longer than kMaxSentenceBytes is cut at the last space before the limit
//     (or at a character boundary), so pathological input stays linear;
//   - spans are trimmed of surrounding whitespace; empty ones are dropped.
//
// Thread-safe: Split is const and keeps no state.
#ifndef CLAIMLINE_EXTRACT_SENTENCES_H_
#define CLAIMLINE_EXTRACT_SENTENCES_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace claimline::extract {

inline constexpr size_t kMaxSentenceBytes = 2048;

struct SentenceSpan {
  uint32_t begin = 0;  // original bytes, [begin, end)
  uint32_t end = 0;
};

// The abbreviations that do not end a sentence, from ICU's break-iterator data.
struct Abbreviations {
  absl::flat_hash_set<std::string> all;   // as listed: "Mr.", "z.", "z.B."
  absl::flat_hash_set<std::string> full;  // those that suppress on their own
  // An abbreviation that is the start of longer ones up to an inner full stop ("z." of
  // "z.B."): suppresses only when one of those follows.
  absl::flat_hash_map<std::string, std::vector<std::string>> prefixes;
  // CLDR writes the day of the month as an ordinal with a full stop ("11. März", "3. maaliskuuta"):
  // a one- or two-digit number with a full stop then does not end a sentence.
  bool dotted_day = false;

  static Abbreviations Load(absl::string_view language);
};

class SentenceSplitter {
 public:
  // Create: a splitter for a BCP-47 tag ("fr", "zh-Hant"); a tag without abbreviation data
  // gets the rules alone. Internal error only when ICU's property data is missing.
  static absl::StatusOr<std::unique_ptr<SentenceSplitter>> Create(absl::string_view language);

  // Split: the sentences of `text` in order. REQUIRES: valid UTF-8, size < 2 GiB.
  std::vector<SentenceSpan> Split(absl::string_view text) const;

  // abbreviations: the suppressions in use ("Mr.", "etc."), for tests.
  const Abbreviations& abbreviations() const { return abbreviations_; }

 private:
  explicit SentenceSplitter(Abbreviations abbreviations)
      : abbreviations_(std::move(abbreviations)) {}

  Abbreviations abbreviations_;
};

}  // namespace claimline::extract

#endif  // CLAIMLINE_EXTRACT_SENTENCES_H_

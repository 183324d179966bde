// Sentence segmentation: an article's sentences as spans of its ORIGINAL bytes.
//
// ICU's sentence BreakIterator for the language (with CLDR's abbreviation suppressions,
// "@ss=standard", where ICU has them: "Mr.", "M.", "Sig." do not end a sentence), plus:
//   - every line break ends a sentence (headlines and datelines have no full stop);
//   - a sentence longer than kMaxSentenceBytes is cut at the last space before the limit
//     (or at a character boundary), so pathological input stays linear;
//   - spans are trimmed of surrounding whitespace; empty ones are dropped.
//
// Thread-safe: Split clones the prototype iterator per call.
#ifndef CLAIMLINE_EXTRACT_SENTENCES_H_
#define CLAIMLINE_EXTRACT_SENTENCES_H_

#include <cstdint>
#include <memory>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "unicode/uversion.h"

U_NAMESPACE_BEGIN
class BreakIterator;
U_NAMESPACE_END

namespace claimline::extract {

inline constexpr size_t kMaxSentenceBytes = 2048;

struct SentenceSpan {
  uint32_t begin = 0;  // original bytes, [begin, end)
  uint32_t end = 0;
};

class SentenceSplitter {
 public:
  // Create: a splitter for a BCP-47 tag ("fr", "zh-Hant"); an unknown tag gets ICU's root
  // rules. Internal error only when ICU's break data is missing.
  static absl::StatusOr<std::unique_ptr<SentenceSplitter>> Create(absl::string_view language);
  ~SentenceSplitter();

  // Split: the sentences of `text` in order. REQUIRES: valid UTF-8, size < 4 GiB.
  std::vector<SentenceSpan> Split(absl::string_view text) const;

 private:
  explicit SentenceSplitter(std::unique_ptr<icu::BreakIterator> prototype);
  std::unique_ptr<icu::BreakIterator> prototype_;
};

}  // namespace claimline::extract

#endif  // CLAIMLINE_EXTRACT_SENTENCES_H_

// NormalizedText: an article's text prepared for matching, with an exact map back to the
// byte offsets of the original.
//
// The normalization, applied identically to articles and to lexicon phrases:
//   - NFKC (full-width forms, ligatures, compatibility characters);
//   - case folding (ICU full case folding; the original keeps the capitals, which
//     recognizers read through the offset map);
//   - decimal digits of any script (Devanagari ०-९, Arabic-Indic, full-width …) → ASCII;
//   - typographic apostrophes and quotes (’ ‘ ‛ ʼ ′ → ', “ ” „ « » → ") folded;
//   - every Unicode space (NBSP, narrow NBSP U+202F, thin space, ideographic space …) and
//     tab → ' ', and a run of them collapses to one ' ' (line breaks stay; U+2028/U+2029 →
//     '\n');
//   - dashes (‐ ‑ ‒ – — −) → '-';
//   - soft hyphens and zero-width characters removed.
// Invalid UTF-8 is rejected (see Normalize); nothing is ever replaced, so every offset the
// extractor reports is an offset into the bytes the user gave.
#ifndef CLAIMLINE_EXTRACT_NORMALIZED_TEXT_H_
#define CLAIMLINE_EXTRACT_NORMALIZED_TEXT_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace claimline::extract {

struct NormalizedText {
  absl::string_view original;  // not owned: the caller keeps the article alive
  std::string text;            // normalized, case-folded UTF-8
  // to_original[i]: byte offset in `original` of the character that produced normalized
  // byte i. Size text.size() + 1; the last entry is original.size().
  std::vector<uint32_t> to_original;

  // OriginalBegin/OriginalEnd: map a normalized half-open range [b, e) to original bytes.
  uint32_t OriginalBegin(size_t b) const { return to_original[b]; }
  uint32_t OriginalEnd(size_t e) const;
};

// Normalize: the normalized form of `original`. InvalidArgument "invalid UTF-8 at byte N"
// for ill-formed input. Linear in the input size.
absl::StatusOr<NormalizedText> Normalize(absl::string_view original);

// NormalizePhrase: the same normalization for a lexicon phrase; invalid UTF-8 is replaced
// (phrases come from checked data files). Also collapses runs of spaces to one.
std::string NormalizePhrase(absl::string_view phrase);

}  // namespace claimline::extract

#endif  // CLAIMLINE_EXTRACT_NORMALIZED_TEXT_H_

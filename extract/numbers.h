// Numbers: parsing the figures of a normalized text (digits are already ASCII).
//
// Separators are decided from the text, not only from the locale: a separator followed by
// exactly three digits, or repeated consistently, groups digits; otherwise it is a decimal
// mark. Only a single "1.234" or "1,234" is ambiguous, and then the language's decimal
// symbol decides (it/id/de: 1234; en/hi/zh: 1.234). "1.234,5", "1,234.5", "600.000",
// "16,9", "16.9", "1 234,5" (with space_grouping), Indian "12,34,567" all parse. Runs with
// an inconsistent grouping ("1.2.3", an IP address) or more than kMaxDigits digits are not
// numbers. Linear in the run length; no allocation but the digit buffer.
#ifndef CLAIMLINE_EXTRACT_NUMBERS_H_
#define CLAIMLINE_EXTRACT_NUMBERS_H_

#include <cstddef>
#include <optional>
#include <vector>

#include "absl/strings/string_view.h"

namespace claimline::extract {

inline constexpr int kMaxDigits = 30;

struct NumberStyle {
  char decimal = '.';           // the language's decimal symbol: '.' or ','
  bool space_grouping = false;  // "1 234 567" groups with spaces
};

struct ParsedNumber {
  size_t begin = 0;  // normalized byte offsets [begin, end)
  size_t end = 0;
  double value = 0;
  bool has_separator = false;  // any '.', ',', ' ' or '\'' inside
  bool has_fraction = false;   // a decimal part was read
  int digits = 0;              // count of digits
};

inline bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

// ParseNumberAt: the number whose first digit is text[pos]. A trailing separator not
// followed by a digit is not part of it ("5." ends a sentence). nullopt when the run is not
// a number (see above); then DigitRunEnd(text, pos) says where to resume.
// REQUIRES: pos < text.size() and IsAsciiDigit(text[pos]).
std::optional<ParsedNumber> ParseNumberAt(absl::string_view text, size_t pos,
                                          const NumberStyle& style);

// DigitRunEnd: the end of the run of digits and in-number separators starting at pos, or
// just past the (kMaxDigits + 1)-th digit: longer runs are not numbers and are never read
// whole. Pass `text` cut at the sentence end. O(min(run, kMaxDigits)).
size_t DigitRunEnd(absl::string_view text, size_t pos, const NumberStyle& style);

// NumberWordValue: a spelled number from its words in order, each a value and whether it
// multiplies what precedes it: {3, false}, {10, true}, {5, false} → 35 ("三十五");
// {2, false}, {100, true} → 200 ("two hundred"); {20}, {5} → 25 ("twenty five").
// A multiplier with nothing before it counts as 1 × multiplier ("十二" = 12).
struct NumberWordPart {
  double value = 0;
  bool multiplier = false;
};
double NumberWordValue(const std::vector<NumberWordPart>& parts);

// ContinuesNumberWords: whether `next` continues a spelled number that ended with `prev`:
// after or before a multiplier always; two plain words only as tens then units ("twenty
// five"), so "a two hundred" is "a" and "two hundred".
bool ContinuesNumberWords(const NumberWordPart& prev, const NumberWordPart& next);

}  // namespace claimline::extract

#endif  // CLAIMLINE_EXTRACT_NUMBERS_H_

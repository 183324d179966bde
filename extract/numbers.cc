#include "extract/numbers.h"

#include <string>

#include "absl/strings/numbers.h"

namespace claimline::extract {
namespace {

bool IsSeparator(char c, const NumberStyle& style) {
  return c == '.' || c == ',' || c == '\'' || (c == ' ' && style.space_grouping);
}

struct Run {
  // groups[i]: [start, end) of the i-th digit group; seps[i] separates groups i and i+1.
  std::vector<std::pair<size_t, size_t>> groups;
  std::string seps;
  size_t end = 0;
  int digits = 0;
};

Run ReadRun(absl::string_view text, size_t pos, const NumberStyle& style) {
  Run run;
  size_t i = pos;
  while (true) {
    size_t start = i;
    while (i < text.size() && IsAsciiDigit(text[i]) &&
           static_cast<size_t>(run.digits) + (i - start) <= static_cast<size_t>(kMaxDigits)) {
      ++i;
    }
    run.groups.push_back({start, i});
    run.digits += static_cast<int>(i - start);
    run.end = i;
    if (i + 1 >= text.size() || !IsSeparator(text[i], style) || !IsAsciiDigit(text[i + 1])) {
      break;
    }
    if (text[i] == ' ') {
      // A space groups only exactly three digits: "1 234", not "3 5".
      size_t j = i + 1;
      while (j < text.size() && IsAsciiDigit(text[j]) && j - i <= 4) ++j;
      if (j - (i + 1) != 3) break;
    }
    run.seps.push_back(text[i]);
    ++i;
    if (run.digits > kMaxDigits) break;
  }
  return run;
}

size_t Len(const std::pair<size_t, size_t>& g) { return g.second - g.first; }

// ValidGrouping: groups [0, n) separated by group separators: the first has 1..3 digits,
// the last exactly 3, the middle ones 3 (or 2: Indian lakh grouping "12,34,567").
bool ValidGrouping(const Run& run, size_t n) {
  if (n < 2) return true;
  if (Len(run.groups[0]) < 1 || Len(run.groups[0]) > 3) return false;
  if (Len(run.groups[n - 1]) != 3) return false;
  for (size_t i = 1; i + 1 < n; ++i) {
    if (Len(run.groups[i]) != 3 && Len(run.groups[i]) != 2) return false;
  }
  return true;
}

}  // namespace

size_t DigitRunEnd(absl::string_view text, size_t pos, const NumberStyle& style) {
  size_t i = pos;
  int digits = 0;
  while (i < text.size()) {
    if (IsAsciiDigit(text[i])) {
      // Past kMaxDigits the run is not a number: stop, the caller skips what was read.
      if (++digits > kMaxDigits) return i + 1;
      ++i;
    } else if (i + 1 < text.size() && IsSeparator(text[i], style) && IsAsciiDigit(text[i + 1])) {
      ++i;
    } else {
      break;
    }
  }
  return i;
}

std::optional<ParsedNumber> ParseNumberAt(absl::string_view text, size_t pos,
                                          const NumberStyle& style) {
  Run run = ReadRun(text, pos, style);
  if (run.digits > kMaxDigits) return std::nullopt;
  const size_t n = run.groups.size();
  // Decide which separator (if any) is the decimal mark: index into seps, or -1.
  int decimal_at = -1;
  if (!run.seps.empty()) {
    char last = run.seps.back();
    size_t count_last = 0;
    bool mixed = false;
    for (char c : run.seps) {
      if (c == last)
        ++count_last;
      else
        mixed = true;
    }
    if (mixed) {
      // Two kinds: the last one, once, at the end, is the decimal mark ("1.234,5").
      if (count_last != 1 || last == ' ' || last == '\'') return std::nullopt;
      char group = run.seps[0];
      for (size_t i = 0; i + 1 < run.seps.size(); ++i) {
        if (run.seps[i] != group) return std::nullopt;
      }
      if (!ValidGrouping(run, n - 1)) return std::nullopt;
      decimal_at = static_cast<int>(run.seps.size()) - 1;
    } else if (run.seps.size() >= 2) {
      // One kind, repeated: groups ("1.234.567"), or not a number ("1.2.3").
      if (!ValidGrouping(run, n)) return std::nullopt;
    } else if (last == ' ' || last == '\'') {
      if (!ValidGrouping(run, n)) return std::nullopt;
    } else {
      // One '.' or ',' once.
      size_t before = Len(run.groups[0]), after = Len(run.groups[1]);
      bool leading_zero = before == 1 && text[run.groups[0].first] == '0';
      if (after != 3 || before > 3 || leading_zero) {
        decimal_at = 0;
      } else if (last == style.decimal) {
        decimal_at = 0;  // ambiguous "1.234": the language decides
      }
    }
  }
  std::string digits;
  digits.reserve(run.digits + 2);
  for (size_t g = 0; g < n; ++g) {
    if (decimal_at >= 0 && static_cast<size_t>(decimal_at) + 1 == g) digits.push_back('.');
    digits.append(text.data() + run.groups[g].first, Len(run.groups[g]));
  }
  ParsedNumber out;
  out.begin = pos;
  out.end = run.end;
  out.has_separator = !run.seps.empty();
  out.has_fraction = decimal_at >= 0;
  out.digits = run.digits;
  if (!absl::SimpleAtod(digits, &out.value)) return std::nullopt;
  return out;
}

double NumberWordValue(const std::vector<NumberWordPart>& parts) {
  // Chinese-style composition: `section` accumulates below the largest multiplier so far.
  double total = 0, section = 0, digit = 0;
  bool have_digit = false;
  for (const NumberWordPart& p : parts) {
    if (p.multiplier) {
      double d = have_digit ? digit : 1;
      if (p.value >= 10000) {
        // A large multiplier (万, lakh) scales everything before it.
        total = (total + section + d) * p.value;
        section = 0;
      } else {
        section += d * p.value;
      }
      digit = 0;
      have_digit = false;
    } else {
      digit += p.value;
      have_digit = true;
    }
  }
  return total + section + digit;
}

bool ContinuesNumberWords(const NumberWordPart& prev, const NumberWordPart& next) {
  if (prev.multiplier || next.multiplier) return true;
  return prev.value >= 20 && static_cast<int>(prev.value) % 10 == 0 && next.value < 10;
}

}  // namespace claimline::extract

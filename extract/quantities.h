// Quantities: the figures of one sentence as magnitudes with a unit (../shared/CLAIMS.md).
//
// A quantity is built around a figure (digits, spelled-out number words, or a vague
// magnitude word) by looking at its neighbours only — no backtracking, linear in the
// sentence:
//   [approximator] [filler] [currency] FIGURE [multiplier] [scale…] [%|unit|[connector]
//   currency] [approximator after]
// and two figures joined by a range word or a dash make a range ("3% 至 5%", "between 3 and
// 5%", "3–5 persen"); the unit and scale of the second apply to a first that has none.
// The interval conventions:
//   exact: [x, x]; "about x": [x, x] approx; "more than / at least x": [x, null];
//   "up to / less than x": [null, x]; "nearly x": [f·x, x] approx with f = nearly_factor
//   (0.9); a vague magnitude "tens of" × scale S: [10·S, 100·S] (factors from data);
//   a bare plural scale ("billions"): its data interval.
// A figure is a quantity only with a unit: percent, a currency (ISO code), or a scale or
// vague word (unit "count"). Signs are dropped: a quantity is a magnitude. Figures glued
// to letters ("R1", "GB200", "A4", "5G"), inside dates, fractions ("1/3") or times ("10:30")
// are not quantities.
#ifndef CLAIMLINE_EXTRACT_QUANTITIES_H_
#define CLAIMLINE_EXTRACT_QUANTITIES_H_

#include <utility>
#include <vector>

#include "extract/mentions.h"
#include "extract/value_tables.h"

namespace claimline::extract {

// FindQuantityMentions: the quantities of one sentence in text order; `date_spans` are the
// normalized spans of its dates (see dates.h). Offsets in results are original bytes.
std::vector<QuantityMention> FindQuantityMentions(
    const SentenceView& view, const std::vector<std::pair<size_t, size_t>>& date_spans);

}  // namespace claimline::extract

#endif  // CLAIMLINE_EXTRACT_QUANTITIES_H_

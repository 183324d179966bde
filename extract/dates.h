// Dates: resolving a time phrase against a reference date, and finding the date phrases of
// one sentence.
//
// A phrase is kept in two forms (claim.proto): the RelativeTime (a function of the anchor,
// so a projection can re-resolve it when a publication date is corrected) and the resolved
// [from, to] interval. ResolveRelativeTime is that function:
//   - vague_days > 0: [anchor - vague_days, anchor] ("recently", "baru-baru ini").
//   - year > 0: the named year; with month (and day): that month (day); granularity QUARTER
//     widens a month to its quarter.
//   - nearest_year: month/day without a year ("26 febbraio", "Q4"): of the years before,
//     of and after the anchor's, the one whose interval is nearest the anchor (a tie goes
//     to the past); a day that does not exist in a year ("29 February") skips that year.
//   - weekday with unit DAY: offset 0 → the latest such weekday on or before the anchor
//     ("Monday"); offset -1 → strictly before ("last Monday"); +1 → strictly after ("next
//     Monday"); further offsets move by weeks. With unit WEEK: that weekday of the week
//     (Monday to Sunday) `offset` weeks from the anchor's.
//   - month with unit YEAR: that month of the anchor's year + offset ("Januari tahun ini",
//     "January last year"). Month with unit MONTH: offset 0 → the anchor's year; -1 → the
//     latest such month strictly before the anchor's month ("gennaio scorso"); +1 → the
//     next one after it. Unit QUARTER does the same with quarters.
//   - otherwise: the anchor moved by `offset` units ("yesterday", "last month", "3 days
//     ago"); months move by calendar month, so 31 March minus one month is February.
// The interval is then the whole day, week (Monday–Sunday), month, quarter or year that
// `granularity` says.
#ifndef CLAIMLINE_EXTRACT_DATES_H_
#define CLAIMLINE_EXTRACT_DATES_H_

#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "claimline/v1/claim.pb.h"
#include "extract/mentions.h"
#include "extract/value_tables.h"

namespace claimline::extract {

struct DateInterval {
  absl::CivilDay from;
  absl::CivilDay to;
};

// ResolveRelativeTime: see above. InvalidArgument for a day that exists in no candidate year
// ("30 February") or a field out of range.
absl::StatusOr<DateInterval> ResolveRelativeTime(const v1::RelativeTime& rel,
                                                 v1::Granularity granularity,
                                                 absl::CivilDay anchor);

// IntervalOf: the day/week/month/quarter/year containing `day`.
DateInterval IntervalOf(absl::CivilDay day, v1::Granularity granularity);

struct DateScan {
  std::vector<DateMention> mentions;  // in text order; offsets are original bytes
  // Normalized [begin, end) of every date read, resolvable or not ("30 February"), so that
  // a number inside a date is never read as a quantity.
  std::vector<std::pair<size_t, size_t>> spans;
};

// ScanDates: the dates of one sentence, non-overlapping (the longest reading wins).
DateScan ScanDates(const SentenceView& view, absl::CivilDay reference);

}  // namespace claimline::extract

#endif  // CLAIMLINE_EXTRACT_DATES_H_

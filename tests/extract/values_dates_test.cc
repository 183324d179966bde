// Resolving relative times against a fixed reference: month ends, leap years, weekdays,
// nearest years, "30 February" rejected.
#include <string>

#include "base/civil_date.h"
#include "extract/dates.h"
#include "gtest/gtest.h"

namespace claimline::extract {
namespace {

std::string Resolve(const v1::RelativeTime& rel, v1::Granularity g, absl::CivilDay anchor) {
  auto iv = ResolveRelativeTime(rel, g, anchor);
  if (!iv.ok()) return "error";
  return FormatIsoDate(iv->from) + ".." + FormatIsoDate(iv->to);
}

v1::RelativeTime Rel(v1::Granularity unit, int offset) {
  v1::RelativeTime r;
  r.set_unit(unit);
  r.set_offset(offset);
  return r;
}

const absl::CivilDay kRef(2025, 2, 21);  // a Friday

TEST(ValuesDatesTest, LastMonthFromTheEndOfMarchIsFebruary) {
  EXPECT_EQ(
      Resolve(Rel(v1::GRANULARITY_MONTH, -1), v1::GRANULARITY_MONTH, absl::CivilDay(2025, 3, 31)),
      "2025-02-01..2025-02-28");
  EXPECT_EQ(
      Resolve(Rel(v1::GRANULARITY_MONTH, -1), v1::GRANULARITY_MONTH, absl::CivilDay(2024, 3, 31)),
      "2024-02-01..2024-02-29");
  EXPECT_EQ(
      Resolve(Rel(v1::GRANULARITY_MONTH, -1), v1::GRANULARITY_MONTH, absl::CivilDay(2025, 1, 15)),
      "2024-12-01..2024-12-31");
}

TEST(ValuesDatesTest, DaysWeeksQuartersYears) {
  EXPECT_EQ(Resolve(Rel(v1::GRANULARITY_DAY, -1), v1::GRANULARITY_DAY, kRef),
            "2025-02-20..2025-02-20");
  EXPECT_EQ(Resolve(Rel(v1::GRANULARITY_DAY, -3), v1::GRANULARITY_DAY, absl::CivilDay(2024, 3, 1)),
            "2024-02-27..2024-02-27");
  EXPECT_EQ(Resolve(Rel(v1::GRANULARITY_WEEK, -1), v1::GRANULARITY_WEEK, kRef),
            "2025-02-10..2025-02-16");
  EXPECT_EQ(Resolve(Rel(v1::GRANULARITY_QUARTER, -1), v1::GRANULARITY_QUARTER, kRef),
            "2024-10-01..2024-12-31");
  EXPECT_EQ(Resolve(Rel(v1::GRANULARITY_YEAR, 0), v1::GRANULARITY_YEAR, kRef),
            "2025-01-01..2025-12-31");
}

TEST(ValuesDatesTest, AMonthAndDayWithoutYearTakeTheNearestYear) {
  v1::RelativeTime r;
  r.set_month(2);
  r.set_day(26);
  r.set_nearest_year(true);
  EXPECT_EQ(Resolve(r, v1::GRANULARITY_DAY, kRef), "2025-02-26..2025-02-26");
  r.set_month(12);
  r.set_day(20);
  EXPECT_EQ(Resolve(r, v1::GRANULARITY_DAY, kRef), "2024-12-20..2024-12-20");
  r.set_day(0);
  r.set_month(1);
  EXPECT_EQ(Resolve(r, v1::GRANULARITY_MONTH, absl::CivilDay(2025, 12, 20)),
            "2026-01-01..2026-01-31");
}

TEST(ValuesDatesTest, TwentyNinthOfFebruaryOnlyInLeapYears) {
  v1::RelativeTime r;
  r.set_month(2);
  r.set_day(29);
  r.set_nearest_year(true);
  EXPECT_EQ(Resolve(r, v1::GRANULARITY_DAY, kRef), "2024-02-29..2024-02-29");
  r.set_nearest_year(false);
  r.set_year(2025);
  EXPECT_EQ(Resolve(r, v1::GRANULARITY_DAY, kRef), "error");
  r.set_year(2024);
  EXPECT_EQ(Resolve(r, v1::GRANULARITY_DAY, kRef), "2024-02-29..2024-02-29");
}

TEST(ValuesDatesTest, ThirtiethOfFebruaryIsRejected) {
  v1::RelativeTime r;
  r.set_month(2);
  r.set_day(30);
  r.set_nearest_year(true);
  EXPECT_EQ(Resolve(r, v1::GRANULARITY_DAY, kRef), "error");
  r.set_nearest_year(false);
  r.set_year(2024);
  EXPECT_EQ(Resolve(r, v1::GRANULARITY_DAY, kRef), "error");
}

TEST(ValuesDatesTest, WeekdaysAreTheLatestOnOrBeforeTheReference) {
  v1::RelativeTime r = Rel(v1::GRANULARITY_DAY, 0);
  r.set_weekday(1);  // Monday
  EXPECT_EQ(Resolve(r, v1::GRANULARITY_DAY, kRef), "2025-02-17..2025-02-17");
  r.set_weekday(5);  // Friday: the reference itself
  EXPECT_EQ(Resolve(r, v1::GRANULARITY_DAY, kRef), "2025-02-21..2025-02-21");
  r.set_offset(-1);  // last Friday
  EXPECT_EQ(Resolve(r, v1::GRANULARITY_DAY, kRef), "2025-02-14..2025-02-14");
  r.set_offset(1);  // next Friday
  EXPECT_EQ(Resolve(r, v1::GRANULARITY_DAY, kRef), "2025-02-28..2025-02-28");
}

TEST(ValuesDatesTest, MonthsWithModifiersAndRelativeYears) {
  v1::RelativeTime r = Rel(v1::GRANULARITY_MONTH, -1);
  r.set_month(1);  // "last January" in February 2025
  EXPECT_EQ(Resolve(r, v1::GRANULARITY_MONTH, kRef), "2025-01-01..2025-01-31");
  r.set_month(2);  // "last February": not the current one
  EXPECT_EQ(Resolve(r, v1::GRANULARITY_MONTH, kRef), "2024-02-01..2024-02-29");
  v1::RelativeTime y = Rel(v1::GRANULARITY_YEAR, -1);
  y.set_month(12);  // "December last year"
  EXPECT_EQ(Resolve(y, v1::GRANULARITY_MONTH, kRef), "2024-12-01..2024-12-31");
}

TEST(ValuesDatesTest, VagueWindowsEndAtTheReference) {
  v1::RelativeTime r;
  r.set_unit(v1::GRANULARITY_VAGUE);
  r.set_vague_days(30);
  EXPECT_EQ(Resolve(r, v1::GRANULARITY_VAGUE, kRef), "2025-01-22..2025-02-21");
}

TEST(ValuesDatesTest, IntervalsOfEachGranularity) {
  absl::CivilDay d(2024, 8, 15);  // a Thursday
  EXPECT_EQ(FormatIsoDate(IntervalOf(d, v1::GRANULARITY_WEEK).from), "2024-08-12");
  EXPECT_EQ(FormatIsoDate(IntervalOf(d, v1::GRANULARITY_QUARTER).to), "2024-09-30");
  EXPECT_EQ(FormatIsoDate(IntervalOf(d, v1::GRANULARITY_MONTH).to), "2024-08-31");
}

}  // namespace
}  // namespace claimline::extract

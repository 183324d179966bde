#include "projections/time_buckets.h"

#include "base/civil_date.h"
#include "gtest/gtest.h"

namespace claimline::projections {
namespace {

using v1::ProjectionRules;

absl::CivilDay D(int y, int m, int d) { return absl::CivilDay(y, m, d); }

TEST(BucketTest, StartsAndEnds) {
  EXPECT_EQ(BucketStart(D(2025, 2, 21), ProjectionRules::MONTH), D(2025, 2, 1));
  EXPECT_EQ(BucketEnd(D(2025, 2, 1), ProjectionRules::MONTH), D(2025, 2, 28));
  EXPECT_EQ(BucketStart(D(2025, 2, 21), ProjectionRules::WEEK), D(2025, 2, 17));  // Monday
  EXPECT_EQ(BucketEnd(D(2025, 2, 17), ProjectionRules::WEEK), D(2025, 2, 23));
  EXPECT_EQ(BucketStart(D(2024, 11, 5), ProjectionRules::QUARTER), D(2024, 10, 1));
  EXPECT_EQ(BucketEnd(D(2024, 10, 1), ProjectionRules::QUARTER), D(2024, 12, 31));
  EXPECT_EQ(BucketStart(D(2024, 11, 5), ProjectionRules::YEAR), D(2024, 1, 1));
  EXPECT_EQ(BucketStart(D(2024, 11, 5), ProjectionRules::DAY), D(2024, 11, 5));
}

v1::ValidTime When(const char* from, const char* to, v1::Granularity g) {
  v1::ValidTime w;
  w.set_from(from);
  w.set_to(to);
  w.set_granularity(g);
  return w;
}

TEST(PlaceTest, DayAndMonthClaimsArePinnedToTheirMonth) {
  CompiledRules rules(DefaultRules());
  Placement p = Place(When("2025-02-26", "2025-02-26", v1::GRANULARITY_DAY), "2025-02-21", rules);
  EXPECT_TRUE(p.pinned);
  EXPECT_EQ(p.bucket, "2025-02-01");
  p = Place(When("2025-01-01", "2025-01-31", v1::GRANULARITY_MONTH), "2025-02-21", rules);
  EXPECT_TRUE(p.pinned);
  EXPECT_EQ(p.bucket, "2025-01-01");
}

TEST(PlaceTest, UndatedClaimsFloatOverTheWindowBeforePublication) {
  CompiledRules rules(DefaultRules());
  Placement p = Place(v1::ValidTime(), "2025-02-21", rules);
  EXPECT_FALSE(p.pinned);
  EXPECT_EQ(p.window_from, "2024-12-21");  // 62 days before
  EXPECT_EQ(p.window_to, "2025-02-21");
  EXPECT_EQ(p.home, "2025-02-01");
}

TEST(PlaceTest, VagueClaimsFloatOverTheirOwnWindow) {
  CompiledRules rules(DefaultRules());
  Placement p = Place(When("2025-01-22", "2025-02-21", v1::GRANULARITY_VAGUE), "2025-02-21", rules);
  EXPECT_FALSE(p.pinned);
  EXPECT_EQ(p.window_from, "2025-01-22");
  EXPECT_EQ(p.home, "2025-02-01");
}

TEST(PlaceTest, CoarseClaimsFloatAtHomeWhereTheyStart) {
  CompiledRules rules(DefaultRules());
  Placement p =
      Place(When("2024-10-01", "2024-12-31", v1::GRANULARITY_QUARTER), "2025-02-21", rules);
  EXPECT_FALSE(p.pinned);
  EXPECT_EQ(p.home, "2024-10-01");
  EXPECT_EQ(p.window_to, "2024-12-31");
  // A year is longer than any window that may join a dated cluster.
  p = Place(When("2024-01-01", "2024-12-31", v1::GRANULARITY_YEAR), "2025-02-21", rules);
  EXPECT_TRUE(p.window_from.empty());
  EXPECT_EQ(p.home, "2024-01-01");
}

TEST(PlaceTest, QuarterBucketsPinMonths) {
  v1::ProjectionRules r;
  r.set_name("q");
  r.set_time_bucket(ProjectionRules::QUARTER);
  CompiledRules rules(r);
  Placement p = Place(When("2024-10-01", "2024-12-31", v1::GRANULARITY_QUARTER), "", rules);
  EXPECT_TRUE(p.pinned);
  EXPECT_EQ(p.bucket, "2024-10-01");
}

TEST(PlaceTest, NothingDatesTheClaim) {
  CompiledRules rules(DefaultRules());
  Placement p = Place(v1::ValidTime(), "", rules);
  EXPECT_FALSE(p.pinned);
  EXPECT_EQ(p.home, "0000-00-00");
  EXPECT_TRUE(p.window_from.empty());
}

TEST(ResolveRelativeTest, LastMonthThisYearsJanuaryAndADayWithoutYear) {
  v1::RelativeTime last_month;
  last_month.set_unit(v1::GRANULARITY_MONTH);
  last_month.set_offset(-1);
  auto r = ResolveRelative(last_month, v1::GRANULARITY_MONTH, D(2025, 2, 21));
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->first, D(2025, 1, 1));
  EXPECT_EQ(r->second, D(2025, 1, 31));

  v1::RelativeTime january;
  january.set_unit(v1::GRANULARITY_YEAR);
  january.set_month(1);
  r = ResolveRelative(january, v1::GRANULARITY_MONTH, D(2025, 2, 21));
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->first, D(2025, 1, 1));

  v1::RelativeTime feb26;
  feb26.set_month(2);
  feb26.set_day(26);
  feb26.set_nearest_year(true);
  r = ResolveRelative(feb26, v1::GRANULARITY_DAY, D(2025, 2, 21));
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->first, D(2025, 2, 26));
  // Near the turn of the year the nearest year wins.
  v1::RelativeTime dec30 = feb26;
  dec30.set_month(12);
  dec30.set_day(30);
  r = ResolveRelative(dec30, v1::GRANULARITY_DAY, D(2025, 1, 3));
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->first, D(2024, 12, 30));
}

TEST(ReanchorTest, ReResolvesAgainstTheCorrectedPublicationDate) {
  v1::ValidTime w = When("2025-01-01", "2025-01-31", v1::GRANULARITY_MONTH);
  w.set_anchor(v1::ANCHOR_PUBLICATION);
  w.mutable_relative()->set_unit(v1::GRANULARITY_MONTH);
  w.mutable_relative()->set_offset(-1);
  v1::ValidTime moved = Reanchor(w, "2025-02-21", "2025-04-02");
  EXPECT_EQ(moved.from(), "2025-03-01");
  EXPECT_EQ(moved.to(), "2025-03-31");
}

TEST(ReanchorTest, KeepsDatesTheRelativeFormDoesNotExplain) {
  v1::ValidTime w = When("2024-06-01", "2024-06-30", v1::GRANULARITY_MONTH);
  w.set_anchor(v1::ANCHOR_PUBLICATION);
  w.mutable_relative()->set_unit(v1::GRANULARITY_MONTH);
  w.mutable_relative()->set_offset(-1);
  EXPECT_EQ(Reanchor(w, "2025-02-21", "2025-04-02").from(), "2024-06-01");
  v1::ValidTime absolute = When("2025-02-26", "2025-02-26", v1::GRANULARITY_DAY);
  absolute.set_anchor(v1::ANCHOR_ABSOLUTE);
  EXPECT_EQ(Reanchor(absolute, "2025-02-21", "2025-04-02").from(), "2025-02-26");
}

}  // namespace
}  // namespace claimline::projections

#include "projections/figures.h"

#include <limits>
#include <optional>
#include <vector>

#include "gtest/gtest.h"

namespace claimline::projections {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

v1::FigureStat Stat(const char* unit, std::optional<double> low, std::optional<double> high,
                    v1::Direction dir = v1::DIRECTION_DOWN, bool approx = false) {
  v1::FigureStat s;
  s.set_unit(unit);
  if (low) s.set_low(*low);
  if (high) s.set_high(*high);
  s.set_direction(dir);
  s.set_approx(approx);
  s.set_attestations(1);
  return s;
}

Figure F(const v1::FigureStat& s, double tol = 0, double approx_tol = 0) {
  return FigureOf(s, tol, approx_tol);
}

TEST(FiguresTest, EqualPointsAgreeAndDifferentPointsDoNot) {
  EXPECT_TRUE(Compatible(F(Stat("percent", 16.9, 16.9)), F(Stat("percent", 16.9, 16.9))));
  EXPECT_FALSE(Compatible(F(Stat("percent", 16.9, 16.9)), F(Stat("percent", 17, 17))));
}

TEST(FiguresTest, PointInsideClosedRangeAgrees) {
  EXPECT_TRUE(Compatible(F(Stat("USD", 6e11, 6e11)), F(Stat("USD", 1e11, 1e12))));
  EXPECT_TRUE(Compatible(F(Stat("USD", 1e11, 1e11)), F(Stat("USD", 1e11, 1e12))));
  EXPECT_FALSE(Compatible(F(Stat("USD", 6e11, 6e11)), F(Stat("USD", 1e10, 1e11))));
}

TEST(FiguresTest, RangesThatOnlyTouchDisagree) {
  // "tens of billions" against "hundreds of billions".
  EXPECT_FALSE(Compatible(F(Stat("USD", 1e10, 1e11)), F(Stat("USD", 1e11, 1e12))));
  // "more than 20%" against "nearly 20%".
  EXPECT_FALSE(Compatible(F(Stat("percent", 20, std::nullopt)),
                          F(Stat("percent", 18, 20, v1::DIRECTION_DOWN, true))));
  EXPECT_TRUE(Compatible(F(Stat("percent", 3, 5)), F(Stat("percent", 4, 6))));
}

TEST(FiguresTest, OpenBoundsAreUnbounded) {
  const Figure more_than_20 = F(Stat("percent", 20, std::nullopt));
  EXPECT_EQ(more_than_20.high, kInf);
  EXPECT_TRUE(Compatible(more_than_20, F(Stat("percent", 35, 35))));
  EXPECT_TRUE(Compatible(F(Stat("percent", std::nullopt, 10)), F(Stat("percent", 2, 2))));
  EXPECT_FALSE(Compatible(F(Stat("percent", std::nullopt, 10)), F(Stat("percent", 12, 12))));
}

TEST(FiguresTest, ToleranceWidensBothEnds) {
  const v1::FigureStat nearly_20 = Stat("percent", 18, 20, v1::DIRECTION_DOWN, true);
  const v1::FigureStat over_20 = Stat("percent", 20, std::nullopt);
  EXPECT_FALSE(Compatible(F(nearly_20), F(over_20)));
  EXPECT_TRUE(Compatible(F(nearly_20, 0.05), F(over_20, 0.05)));
  const Figure widened = F(nearly_20, 0.05);
  EXPECT_DOUBLE_EQ(widened.low, 17.1);
  EXPECT_DOUBLE_EQ(widened.high, 21);
}

TEST(FiguresTest, ApproxIsNotWidenedUnlessTheRulesSaySo) {
  const v1::FigureStat about_5m = Stat("USD", 5e6, 5e6, v1::DIRECTION_UNSPECIFIED, true);
  const v1::FigureStat exact_52 = Stat("USD", 5.2e6, 5.2e6, v1::DIRECTION_UNSPECIFIED);
  EXPECT_FALSE(Compatible(F(about_5m), F(exact_52)));
  EXPECT_TRUE(Compatible(F(about_5m, 0, 0.05), F(exact_52, 0, 0.05)));
  // approx_tolerance applies only to approximate figures.
  EXPECT_EQ(F(exact_52, 0, 0.05).low, 5.2e6);
}

TEST(FiguresTest, OppositeDirectionsDisagreeAndAbsentDirectionAgrees) {
  EXPECT_FALSE(Compatible(F(Stat("percent", 3, 3, v1::DIRECTION_UP)),
                          F(Stat("percent", 3, 3, v1::DIRECTION_DOWN))));
  EXPECT_TRUE(Compatible(F(Stat("percent", 3, 3, v1::DIRECTION_UNSPECIFIED)),
                         F(Stat("percent", 3, 3, v1::DIRECTION_DOWN))));
}

TEST(FiguresTest, DifferentUnitsAreNotCompared) {
  EXPECT_TRUE(Compatible(F(Stat("percent", 20, 20)), F(Stat("USD", 6e11, 6e11))));
}

std::vector<WeightedFigure> Weighted(const std::vector<std::pair<v1::FigureStat, uint32_t>>& in,
                                     double tol = 0) {
  std::vector<WeightedFigure> out;
  for (const auto& [s, w] : in) out.push_back({F(s, tol), w});
  return out;
}

TEST(AgreeingSidesTest, SeedMarketValueSplitsTensOfBillionsFromTheRest) {
  // 0: id tens of billions, 1: it+fr 600 billion (2 attestations), 2: hi hundreds of billions.
  auto figures = Weighted(
      {{Stat("USD", 1e10, 1e11), 1}, {Stat("USD", 6e11, 6e11), 2}, {Stat("USD", 1e11, 1e12), 1}});
  std::vector<std::vector<size_t>> sides = AgreeingSides(figures);
  ASSERT_EQ(sides.size(), 2u);
  EXPECT_EQ(sides[0], (std::vector<size_t>{1, 2}));
  EXPECT_EQ(sides[1], (std::vector<size_t>{0}));
}

TEST(AgreeingSidesTest, SeedMarketValueStillSplitsWithFivePercentTolerance) {
  auto figures = Weighted(
      {{Stat("USD", 1e10, 1e11), 1}, {Stat("USD", 6e11, 6e11), 2}, {Stat("USD", 1e11, 1e12), 1}},
      0.05);
  std::vector<std::vector<size_t>> sides = AgreeingSides(figures);
  ASSERT_EQ(sides.size(), 2u);
  EXPECT_EQ(sides[0], (std::vector<size_t>{1, 2}));
  EXPECT_EQ(sides[1], (std::vector<size_t>{0}));
}

TEST(AgreeingSidesTest, SeedNetWorthSplitsStrictlyAndAgreesWithTolerance) {
  const v1::FigureStat over_20 = Stat("percent", 20, std::nullopt);
  const v1::FigureStat nearly_20 = Stat("percent", 18, 20, v1::DIRECTION_DOWN, true);
  EXPECT_EQ(AgreeingSides(Weighted({{over_20, 2}, {nearly_20, 1}})).size(), 2u);
  EXPECT_EQ(AgreeingSides(Weighted({{over_20, 2}, {nearly_20, 1}}, 0.05)).size(), 1u);
}

TEST(AgreeingSidesTest, PointOnTheSharedEndJoinsOnlyOneOfTwoTouchingRanges) {
  // [1,2] and [2,3] touch; the point 2 agrees with each but they disagree.
  auto figures =
      Weighted({{Stat("count", 1, 2), 1}, {Stat("count", 2, 3), 1}, {Stat("count", 2, 2), 1}});
  std::vector<std::vector<size_t>> sides = AgreeingSides(figures);
  ASSERT_EQ(sides.size(), 2u);
  EXPECT_EQ(sides[0], (std::vector<size_t>{0, 2}));
  EXPECT_EQ(sides[1], (std::vector<size_t>{1}));
}

TEST(AgreeingSidesTest, DirectionsSplitSidesAndUnitsDoNot) {
  auto figures = Weighted({{Stat("percent", 3, 3, v1::DIRECTION_UP), 1},
                           {Stat("percent", 3, 3, v1::DIRECTION_DOWN), 2},
                           {Stat("USD", 1e9, 1e9, v1::DIRECTION_UNSPECIFIED), 1}});
  std::vector<std::vector<size_t>> sides = AgreeingSides(figures);
  ASSERT_EQ(sides.size(), 2u);
  EXPECT_EQ(sides[0], (std::vector<size_t>{1, 2}));  // down, with the USD figure
  EXPECT_EQ(sides[1], (std::vector<size_t>{0}));
}

TEST(AgreeingSidesTest, NoFiguresNoSides) { EXPECT_TRUE(AgreeingSides({}).empty()); }

}  // namespace
}  // namespace claimline::projections

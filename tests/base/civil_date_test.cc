#include "base/civil_date.h"

#include "gtest/gtest.h"

namespace claimline {
namespace {

TEST(CivilDateTest, ParsesIsoDate) {
  auto d = ParseIsoDate("2025-02-21");
  ASSERT_TRUE(d.ok()) << d.status();
  EXPECT_EQ(*d, absl::CivilDay(2025, 2, 21));
  EXPECT_EQ(FormatIsoDate(*d), "2025-02-21");
}

TEST(CivilDateTest, RejectsThirtiethOfFebruary) {
  auto d = ParseIsoDate("2025-02-30");
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(d.status().message().find("February 2025 has 28 days"), std::string::npos);
}

TEST(CivilDateTest, LeapYears) {
  EXPECT_TRUE(IsValidDate(2024, 2, 29));
  EXPECT_FALSE(IsValidDate(2025, 2, 29));
  EXPECT_FALSE(IsValidDate(1900, 2, 29));
  EXPECT_TRUE(IsValidDate(2000, 2, 29));
}

TEST(CivilDateTest, RejectsMalformedText) {
  for (const char* bad : {"2025-2-21", "2025/02/21", "20250221", "2025-02-21x", "", "abcd-ef-gh",
                          "2025-13-01", "2025-00-10", "0000-01-01"}) {
    EXPECT_FALSE(ParseIsoDate(bad).ok()) << bad;
  }
}

TEST(CivilDateTest, LastDayOfMonth) {
  EXPECT_EQ(LastDayOfMonth(absl::CivilDay(2024, 2, 3)), absl::CivilDay(2024, 2, 29));
  EXPECT_EQ(LastDayOfMonth(absl::CivilDay(2025, 12, 31)), absl::CivilDay(2025, 12, 31));
}

}  // namespace
}  // namespace claimline

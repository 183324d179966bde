#include "projections/names.h"

#include "gtest/gtest.h"

namespace claimline::projections {
namespace {

TEST(FoldNameTest, FoldsCaseSpacingAndPunctuation) {
  EXPECT_EQ(FoldName("  Jen-Hsun  HUANG "), "jen hsun huang");
  EXPECT_EQ(FoldName("NVIDIA"), FoldName("nvidia"));
  EXPECT_EQ(FoldName("ＮＶＩＤＩＡ"), "nvidia");
  EXPECT_EQ(FoldName("jensen_huang"), "jensen huang");
  EXPECT_EQ(FoldName("ÉLYSÉE"), "élysée");
  EXPECT_EQ(FoldName("ΑΘΗΝΑ"), "αθηνα");
  EXPECT_EQ(FoldName("Газпром"), "газпром");
  EXPECT_EQ(FoldName("黄仁勋"), "黄仁勋");
  EXPECT_EQ(FoldName("「英伟达」"), "英伟达");
  EXPECT_EQ(FoldName("जेन-हसेंग"), "जेन हसेंग");
  EXPECT_EQ(FoldName("---"), "");
}

TEST(SanitizeIdTest, MakesIdsSafeInKeys) {
  EXPECT_EQ(SanitizeId("nvidia"), "nvidia");
  EXPECT_EQ(SanitizeId("ac/dc"), "ac_dc");
  EXPECT_EQ(SanitizeId(" sundar pichai "), "sundar_pichai");
}

TEST(HostTest, HostOfAndMatches) {
  EXPECT_EQ(HostOf("https://www.Fortune.com:443/x?y#z"), "fortune.com");
  EXPECT_EQ(HostOf("user@news.example.com/path"), "news.example.com");
  EXPECT_EQ(HostOf(""), "");
  EXPECT_TRUE(HostMatches("news.example.com", "example.com"));
  EXPECT_TRUE(HostMatches("example.com", "www.example.com"));
  EXPECT_FALSE(HostMatches("notexample.com", "example.com"));
}

TEST(LanguageTest, MatchesPrimarySubtag) {
  EXPECT_TRUE(LanguageMatches("zh-Hant", "zh"));
  EXPECT_TRUE(LanguageMatches("ID", "id"));
  EXPECT_FALSE(LanguageMatches("zh", "zh-Hant"));
  EXPECT_FALSE(LanguageMatches("it", "id"));
}

}  // namespace
}  // namespace claimline::projections

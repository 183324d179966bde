#include "base/utf8.h"

#include "gtest/gtest.h"

namespace claimline {
namespace {

TEST(Utf8Test, AcceptsEveryScript) {
  EXPECT_FALSE(FirstInvalidUtf8("NVIDIA 英伟达 एनवीडिया coût 16,9% 😀").has_value());
}

TEST(Utf8Test, ReportsOffsetOfFirstBadByte) {
  std::string s = "abcdefghij";
  s += '\xff';
  EXPECT_EQ(FirstInvalidUtf8(s), 10u);
  EXPECT_EQ(ValidateUtf8(s).message(), "invalid UTF-8 at byte 10");
}

TEST(Utf8Test, RejectsOverlongSurrogateAndTruncated) {
  EXPECT_EQ(FirstInvalidUtf8("a\xc0\xaf"), 1u);          // overlong '/'
  EXPECT_EQ(FirstInvalidUtf8("ab\xed\xa0\x80"), 2u);     // UTF-16 surrogate
  EXPECT_EQ(FirstInvalidUtf8("abc\xe4\xbd"), 3u);        // truncated 3-byte sequence
  EXPECT_EQ(FirstInvalidUtf8("\xf4\x90\x80\x80"), 0u);   // above U+10FFFF
}

TEST(Utf8Test, DecodesCodePoints) {
  char32_t cp;
  EXPECT_EQ(DecodeUtf8("英", 0, &cp), 3);
  EXPECT_EQ(cp, U'英');
}

TEST(Utf8Test, DetectsNul) {
  EXPECT_TRUE(HasNul(std::string("a\0b", 3)));
  EXPECT_FALSE(HasNul("abc"));
}

}  // namespace
}  // namespace claimline

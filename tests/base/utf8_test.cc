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
  EXPECT_EQ(FirstInvalidUtf8("a\xc0\xaf"), 1u);         // overlong '/'
  EXPECT_EQ(FirstInvalidUtf8("ab\xed\xa0\x80"), 2u);    // UTF-16 surrogate
  EXPECT_EQ(FirstInvalidUtf8("abc\xe4\xbd"), 3u);       // truncated 3-byte sequence
  EXPECT_EQ(FirstInvalidUtf8("\xf4\x90\x80\x80"), 0u);  // above U+10FFFF
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

// ReferenceFirstInvalid: the definition, by decoding (FirstInvalidUtf8 checks the byte
// ranges inline instead).
std::optional<size_t> ReferenceFirstInvalid(absl::string_view text) {
  for (size_t i = 0; i < text.size();) {
    char32_t cp;
    const int len = DecodeUtf8(text, i, &cp);
    if (cp == 0xFFFD && len == 1) return i;
    i += len;
  }
  return std::nullopt;
}

TEST(Utf8Test, EveryLeadAndContinuationPairAgreesWithDecoding) {
  // Every first byte with every second byte, then followed by continuations, alone,
  // after ASCII (the word-at-a-time path) and truncated: the same answer as decoding.
  const std::string ascii = "0123456789abcdefghij";
  int checked = 0;
  for (int a = 0x80; a < 0x100; ++a) {
    for (int b = 0; b < 0x100; ++b) {
      for (const std::string& tail :
           {std::string(""), std::string("\x80"), std::string("\xbf\x80"), std::string("\x80z")}) {
        std::string s = ascii;
        s += static_cast<char>(a);
        s += static_cast<char>(b);
        s += tail;
        ASSERT_EQ(FirstInvalidUtf8(s), ReferenceFirstInvalid(s)) << a << " " << b;
        ++checked;
      }
    }
  }
  EXPECT_EQ(checked, 128 * 256 * 4);
}

TEST(Utf8Test, RandomBytesAgreeWithDecoding) {
  uint64_t x = 88172645463325252ULL;  // xorshift64
  for (int round = 0; round < 20000; ++round) {
    std::string s;
    const int len = static_cast<int>(x % 40);
    for (int i = 0; i < len; ++i) {
      x ^= x << 13;
      x ^= x >> 7;
      x ^= x << 17;
      // Mostly high bytes and continuations, where the ranges matter.
      const unsigned char c = static_cast<unsigned char>(x % 4 == 0 ? 'a' : 0x80 + (x >> 8) % 0x80);
      s += static_cast<char>(c);
    }
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    ASSERT_EQ(FirstInvalidUtf8(s), ReferenceFirstInvalid(s)) << round;
  }
}

}  // namespace
}  // namespace claimline

#include "store/keys.h"

#include <string>

#include "gtest/gtest.h"

namespace claimline::store {
namespace {

std::string Str(const std::array<char, 8>& key) { return std::string(key.data(), key.size()); }

// The worked example of FORMAT.md: sequence 300 = 0x012c.
TEST(KeysTest, SequenceKeyIsEightBytesBigEndian) {
  EXPECT_EQ(Str(SequenceKey(300)), std::string("\x00\x00\x00\x00\x00\x00\x01\x2c", 8));
  EXPECT_EQ(HexKey(Str(SequenceKey(300))), "000000000000012c");
  EXPECT_EQ(DecodeBigEndian64(Str(SequenceKey(0x0102030405060708))), 0x0102030405060708u);
}

TEST(KeysTest, ByteOrderIsSequenceOrder) {
  EXPECT_LT(Str(SequenceKey(255)), Str(SequenceKey(256)));
  EXPECT_LT(Str(SequenceKey(1)), Str(SequenceKey(1ull << 56)));
}

TEST(KeysTest, ParseBigEndian64RefusesOtherLengths) {
  EXPECT_FALSE(ParseBigEndian64("1234567").has_value());
  EXPECT_FALSE(ParseBigEndian64("123456789").has_value());
  EXPECT_EQ(ParseBigEndian64(Str(SequenceKey(7))), 7u);
}

TEST(KeysTest, ProjectionKeysLayout) {
  EXPECT_EQ(CheckpointKey("tl"), std::string("tl\0c", 4));
  EXPECT_EQ(StateKey("tl", "nvidia"), std::string("tl\0snvidia", 10));
  EXPECT_EQ(StateKeyPrefix("tl"), std::string("tl\0s", 4));
  EXPECT_EQ(NamespaceBegin("tl"), std::string("tl\0", 3));
  EXPECT_EQ(NamespaceEnd("tl"), std::string("tl\1", 3));
}

TEST(KeysTest, NamespaceRangeHoldsItsKeysOnly) {
  const std::string begin = NamespaceBegin("a");
  const std::string end = NamespaceEnd("a");
  for (const std::string& key :
       {CheckpointKey("a"), StateKey("a", ""), StateKey("a", "\xff\xff")}) {
    EXPECT_LE(begin, key);
    EXPECT_LT(key, end);
  }
  for (const std::string& key : {CheckpointKey("ab"), StateKey("a\x01", "x"), CheckpointKey("`")}) {
    EXPECT_FALSE(begin <= key && key < end) << key;
  }
}

TEST(KeysTest, ValidateNamespace) {
  EXPECT_TRUE(ValidateNamespace("timeline-3f2a").ok());
  EXPECT_EQ(ValidateNamespace("").code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(ValidateNamespace(std::string("a\0b", 3)).code(), absl::StatusCode::kInvalidArgument);
}

TEST(KeysTest, PrefixSuccessor) {
  EXPECT_EQ(PrefixSuccessor("ab"), "ac");
  EXPECT_EQ(PrefixSuccessor("a\xff\xff"), "b");
  EXPECT_FALSE(PrefixSuccessor("\xff").has_value());
  EXPECT_FALSE(PrefixSuccessor("").has_value());
}

TEST(KeysTest, NamedMetaKeysAreApartFromSystemKeys) {
  EXPECT_EQ(NamedMetaKey("active_projection"), "named/active_projection");
  EXPECT_NE(NamedMetaKey(kMetaFormatVersion), kMetaFormatVersion);
}

}  // namespace
}  // namespace claimline::store

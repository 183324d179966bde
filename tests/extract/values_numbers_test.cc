// Number parsing: separators decided from the text, the language's decimal symbol breaking
// only the tie, spelled-out numbers composed.
#include <string>

#include "extract/numbers.h"
#include "gtest/gtest.h"

namespace claimline::extract {
namespace {

const NumberStyle kComma{',', false};  // it, id, de, fr
const NumberStyle kPoint{'.', false};  // en, hi, zh
const NumberStyle kSpaces{',', true};  // fr with space grouping

double Parse(const std::string& text, const NumberStyle& style) {
  auto n = ParseNumberAt(text, 0, style);
  return n ? n->value : -1;
}

TEST(ValuesNumbersTest, DecimalCommaAndDecimalPointBothParseWhateverTheLanguage) {
  EXPECT_DOUBLE_EQ(Parse("16,9%", kPoint), 16.9);
  EXPECT_DOUBLE_EQ(Parse("16.9%", kComma), 16.9);
  EXPECT_DOUBLE_EQ(Parse("0,123", kPoint), 0.123);
}

TEST(ValuesNumbersTest, GroupsOfThreeAreGroupSeparators) {
  EXPECT_DOUBLE_EQ(Parse("1.234,5", kPoint), 1234.5);
  EXPECT_DOUBLE_EQ(Parse("1,234.5", kComma), 1234.5);
  EXPECT_DOUBLE_EQ(Parse("600.000 millones", kComma), 600000);
  EXPECT_DOUBLE_EQ(Parse("1.234.567", kPoint), 1234567);
  EXPECT_DOUBLE_EQ(Parse("12,34,567", kPoint), 1234567);  // Indian grouping
}

TEST(ValuesNumbersTest, TheLanguageBreaksTheSingleSeparatorTie) {
  EXPECT_DOUBLE_EQ(Parse("1.234", kComma), 1234);
  EXPECT_DOUBLE_EQ(Parse("1.234", kPoint), 1.234);
  EXPECT_DOUBLE_EQ(Parse("1,234", kPoint), 1234);
  EXPECT_DOUBLE_EQ(Parse("1,234", kComma), 1.234);
}

TEST(ValuesNumbersTest, SpacesGroupOnlyWhenTheLanguageDoes) {
  EXPECT_DOUBLE_EQ(Parse("1 234 567,5", kSpaces), 1234567.5);
  EXPECT_DOUBLE_EQ(Parse("1 234", kComma), 1);
  EXPECT_DOUBLE_EQ(Parse("3 5", kSpaces), 3);
}

TEST(ValuesNumbersTest, PlainDigitsAndATrailingFullStop) {
  auto n = ParseNumberAt("5000.", 0, kPoint);
  ASSERT_TRUE(n.has_value());
  EXPECT_DOUBLE_EQ(n->value, 5000);
  EXPECT_EQ(n->end, 4u);
  EXPECT_FALSE(n->has_separator);
}

TEST(ValuesNumbersTest, InconsistentGroupingIsNotANumber) {
  EXPECT_FALSE(ParseNumberAt("1.2.3", 0, kPoint).has_value());
  EXPECT_FALSE(ParseNumberAt("192.168.0.1", 0, kPoint).has_value());
  EXPECT_FALSE(ParseNumberAt("1,2.3", 0, kPoint).has_value());
  EXPECT_EQ(DigitRunEnd("1.2.3 x", 0, kPoint), 5u);
}

TEST(ValuesNumbersTest, OverlongDigitRunsAreNotNumbers) {
  std::string digits(31, '7');
  EXPECT_FALSE(ParseNumberAt(digits, 0, kPoint).has_value());
  EXPECT_TRUE(ParseNumberAt(std::string(30, '7'), 0, kPoint).has_value());
}

TEST(ValuesNumbersTest, SpelledNumbersCompose) {
  EXPECT_DOUBLE_EQ(NumberWordValue({{3, false}, {10, true}, {5, false}}), 35);  // 三十五
  EXPECT_DOUBLE_EQ(NumberWordValue({{10, true}, {2, false}}), 12);              // 十二
  EXPECT_DOUBLE_EQ(NumberWordValue({{2, false}, {100, true}}), 200);            // two hundred
  EXPECT_DOUBLE_EQ(NumberWordValue({{20, false}, {5, false}}), 25);             // twenty five
  EXPECT_DOUBLE_EQ(NumberWordValue({{2, false}, {1000, true}, {5, false}, {100, true}}), 2500);
  EXPECT_TRUE(ContinuesNumberWords({20, false}, {5, false}));
  EXPECT_FALSE(ContinuesNumberWords({1, false}, {2, false}));  // "a two hundred"
}

}  // namespace
}  // namespace claimline::extract

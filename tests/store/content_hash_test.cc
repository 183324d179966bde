#include "store/content_hash.h"

#include "gtest/gtest.h"
#include "store/sha256.h"

namespace claimline::store {
namespace {

TEST(NormalizeForHashTest, LineBreaksBecomeLf) {
  EXPECT_EQ(NormalizeForHash("one\r\ntwo\rthree\nfour"), "one\ntwo\nthree\nfour");
}

TEST(NormalizeForHashTest, TrailingSpacesAndTabsRemovedFromEveryLine) {
  EXPECT_EQ(NormalizeForHash("one  \t\ntwo\t\nthree "), "one\ntwo\nthree");
}

TEST(NormalizeForHashTest, LeadingAndTrailingBlankLinesRemoved) {
  EXPECT_EQ(NormalizeForHash("\n  \n\t\r\nbody line\n\n \n"), "body line");
}

TEST(NormalizeForHashTest, InnerBlankLinesAndSpacingKept) {
  EXPECT_EQ(NormalizeForHash("first\n\n  \nsecond  word"), "first\n\n\nsecond  word");
}

TEST(NormalizeForHashTest, LeadingSpacesOfALineKept) {
  EXPECT_EQ(NormalizeForHash("  indented\n\tquoted"), "  indented\n\tquoted");
}

TEST(NormalizeForHashTest, EmptyAndBlankTextsNormalizeToEmpty) {
  EXPECT_EQ(NormalizeForHash(""), "");
  EXPECT_EQ(NormalizeForHash(" \n\t\r\n"), "");
}

TEST(ContentHashTest, IsSha256OfTheNormalizedText) {
  const char* text = "Line one \r\nLine two\r\n\r\n";
  EXPECT_EQ(ContentHash(text), Sha256("Line one\nLine two"));
  EXPECT_EQ(ContentHash(text).size(), 32u);
}

TEST(ContentHashTest, SameArticleRefetchedHashesTheSame) {
  const std::string lf = "Ledger Bay ferry fares rose 4%.\nOfficials confirmed it.\n";
  const std::string crlf = "Ledger Bay ferry fares rose 4%.  \r\nOfficials confirmed it.\r\n\r\n";
  EXPECT_EQ(ContentHash(lf), ContentHash(crlf));
}

TEST(ContentHashTest, ChangedWordCaseOrInnerSpacingIsANewArticle) {
  const std::string base = "Ledger Bay ferry fares rose 4%.";
  EXPECT_NE(ContentHash(base), ContentHash("Ledger Bay ferry fares rose 5%."));
  EXPECT_NE(ContentHash(base), ContentHash("ledger Bay ferry fares rose 4%."));
  EXPECT_NE(ContentHash(base), ContentHash("Ledger Bay  ferry fares rose 4%."));
}

TEST(ContentHashTest, HexHashIsLowerCase) {
  EXPECT_EQ(HexHash(std::string("\x01\xab\xff", 3)), "01abff");
  EXPECT_EQ(HexHash(ContentHash("abc")),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

}  // namespace
}  // namespace claimline::store

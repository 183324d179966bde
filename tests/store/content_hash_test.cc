#include "store/content_hash.h"

#include <string>
#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
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

// ReferenceNormalize: the normalization of content_hash.h written the obvious way.
std::string ReferenceNormalize(const std::string& text) {
  std::string lf = text;
  std::string::size_type pos = 0;
  while ((pos = lf.find("\r\n", pos)) != std::string::npos) lf.replace(pos, 2, "\n");
  for (char& c : lf) {
    if (c == '\r') c = '\n';
  }
  std::vector<std::string> lines = absl::StrSplit(lf, '\n');
  for (std::string& line : lines) {
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.pop_back();
  }
  while (!lines.empty() && lines.front().empty()) lines.erase(lines.begin());
  while (!lines.empty() && lines.back().empty()) lines.pop_back();
  return absl::StrJoin(lines, "\n");
}

// Every string of up to 7 characters over {a, space, tab, CR, LF}: the streaming
// normalizer (which merges adjacent pieces) and the hash fed piece by piece agree with
// the reference.
TEST(NormalizeForHashTest, AgreesWithTheReferenceOnAllShortStrings) {
  const char alphabet[] = {'a', ' ', '\t', '\r', '\n'};
  std::vector<std::string> level = {""};
  int checked = 0;
  for (int length = 0; length <= 7; ++length) {
    std::vector<std::string> next;
    for (const std::string& s : level) {
      ASSERT_EQ(NormalizeForHash(s), ReferenceNormalize(s)) << absl::CEscape(s);
      ASSERT_EQ(ContentHash(s), Sha256(ReferenceNormalize(s))) << absl::CEscape(s);
      ++checked;
      if (length < 7) {
        for (char c : alphabet) next.push_back(s + c);
      }
    }
    level = std::move(next);
  }
  EXPECT_EQ(checked, 97656);  // (5^8 - 1) / 4
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

#include "extract/normalized_text.h"

#include <string>

#include "gtest/gtest.h"

namespace claimline::extract {
namespace {

// Original: the original bytes a normalized range maps to.
std::string Original(const NormalizedText& n, size_t b, size_t e) {
  return std::string(n.original.substr(n.OriginalBegin(b), n.OriginalEnd(e) - n.OriginalBegin(b)));
}

TEST(NormalizeTest, AsciiIsLowercasedWithIdentityMap) {
  auto n = Normalize("Acme Corp ROSE 5%");
  ASSERT_TRUE(n.ok()) << n.status();
  EXPECT_EQ(n->text, "acme corp rose 5%");
  ASSERT_EQ(n->to_original.size(), n->text.size() + 1);
  for (size_t i = 0; i <= n->text.size(); ++i) EXPECT_EQ(n->to_original[i], i);
}

TEST(NormalizeTest, CaseFoldingKeepsOffsetsOfNonAsciiLetters) {
  const std::string text = "ÉTÉ Größe";
  auto n = Normalize(text);
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(n->text, "été grösse");
  size_t pos = n->text.find("grösse");
  ASSERT_NE(pos, std::string::npos);
  EXPECT_EQ(Original(*n, pos, pos + std::string("grösse").size()), "Größe");
}

TEST(NormalizeTest, DevanagariAndFullWidthDigitsBecomeAscii) {
  auto n = Normalize("१६.९% and ２０２５年");
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(n->text, "16.9% and 2025年");
  // The "9" maps back to the Devanagari nine (3 bytes at offset 7).
  size_t nine = n->text.find('9');
  EXPECT_EQ(Original(*n, nine, nine + 1), "९");
}

TEST(NormalizeTest, QuotesDashesAndSpacesAreFolded) {
  auto n = Normalize(
      "l\u2019acqua \u201Cfresca\u201D \u00AB oui \u00BB 3\u20135 \u2212 x\u00A0y\u202Fz");
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(n->text, "l'acqua \"fresca\" \" oui \" 3-5 - x y z");
}

TEST(NormalizeTest, ZeroWidthAndSoftHyphenAreRemovedAndExcludedFromSpans) {
  const std::string text = "mil\u00ADlion\u200B rand";
  auto n = Normalize(text);
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(n->text, "million rand");
  EXPECT_EQ(Original(*n, 0, 7), "mil\u00ADlion");
}

TEST(NormalizeTest, RunsOfSpacesCollapseButNewlinesStay) {
  auto n = Normalize("a \t  b\n\nc");
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(n->text, "a b\n\nc");
  EXPECT_EQ(n->OriginalBegin(2), 5u);  // 'b'
}

TEST(NormalizeTest, ComposesCombiningSequences) {
  const std::string text = "cafe\u0301 bar";  // e + combining acute
  auto n = Normalize(text);
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(n->text, "caf\u00E9 bar");
  EXPECT_EQ(Original(*n, 0, 5), "cafe\u0301");
  EXPECT_EQ(n->OriginalBegin(6), 7u);  // 'b'
}

TEST(NormalizeTest, LigatureMapsBothLettersToItsBytes) {
  auto n = Normalize("\uFB01ne");  // ﬁ ligature
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(n->text, "fine");
  EXPECT_EQ(Original(*n, 0, 2), "\uFB01");
  EXPECT_EQ(Original(*n, 0, 4), "\uFB01ne");
}

TEST(NormalizeTest, ChineseIsUnchangedWithExactOffsets) {
  const std::string text = "上个月，英伟达股价下跌。";
  auto n = Normalize(text);
  ASSERT_TRUE(n.ok());
  // The full-width comma is NFKC-folded to ','; the rest stays.
  EXPECT_EQ(n->text, "上个月,英伟达股价下跌。");
  size_t pos = n->text.find("英伟达");
  EXPECT_EQ(Original(*n, pos, pos + std::string("英伟达").size()), "英伟达");
}

TEST(NormalizeTest, InvalidUtf8IsRejectedWithOffset) {
  auto n = Normalize(std::string("ok \xC3\x28 no"));
  ASSERT_FALSE(n.ok());
  EXPECT_EQ(n.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(n.status().message(), "invalid UTF-8 at byte 3");
}

TEST(NormalizeTest, EmptyText) {
  auto n = Normalize("");
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(n->text, "");
  ASSERT_EQ(n->to_original.size(), 1u);
  EXPECT_EQ(n->OriginalEnd(0), 0u);
}

TEST(NormalizeTest, EveryByteValueIsHandled) {
  // Arbitrary bytes: either rejected or normalized with a monotone, in-range map.
  std::string junk;
  for (int i = 0; i < 4096; ++i) junk.push_back(static_cast<char>((i * 7919) & 0xFF));
  EXPECT_FALSE(Normalize(junk).ok());
  std::string valid;
  for (int i = 0; i < 0x3000; i += 7) {
    if (i >= 0xD800 && i <= 0xDFFF) continue;
    char32_t c = static_cast<char32_t>(i);
    if (c < 0x80) {
      valid.push_back(static_cast<char>(c));
    } else if (c < 0x800) {
      valid.push_back(static_cast<char>(0xC0 | (c >> 6)));
      valid.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else {
      valid.push_back(static_cast<char>(0xE0 | (c >> 12)));
      valid.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
      valid.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
  }
  auto n = Normalize(valid);
  ASSERT_TRUE(n.ok());
  ASSERT_EQ(n->to_original.size(), n->text.size() + 1);
  for (size_t i = 1; i < n->to_original.size(); ++i) {
    EXPECT_LE(n->to_original[i - 1], n->to_original[i]);
    EXPECT_LE(n->to_original[i], valid.size());
  }
}

TEST(NormalizePhraseTest, MatchesTextNormalizationAndTrims) {
  EXPECT_EQ(NormalizePhrase("  Miliar   Dolar "), "miliar dolar");
  EXPECT_EQ(NormalizePhrase("plus\u00A0d\u2019un"), "plus d'un");
  EXPECT_EQ(NormalizePhrase("ＵＳ＄"), "us$");
  EXPECT_EQ(NormalizePhrase("abc"), "abc");
  EXPECT_EQ(NormalizePhrase(std::string("a\xFF")), "a\uFFFD");
}

}  // namespace
}  // namespace claimline::extract

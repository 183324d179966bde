#include "extract/normalized_text.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "unicode/bytestream.h"
#include "unicode/normalizer2.h"
#include "unicode/uchar.h"
#include "unicode/utf8.h"

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

// Reference: ICU's NFKC_Casefold over the whole text, then the folds, then spaces
// collapsed: what the one-pass normalizer must produce on any text.
std::string Reference(const std::string& text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFKCCasefoldInstance(status);
  std::string nfkc;
  icu::StringByteSink<std::string> sink(&nfkc);
  n->normalizeUTF8(0, icu::StringPiece(text.data(), static_cast<int32_t>(text.size())), sink,
                   nullptr, status);
  std::string out;
  const auto* p = reinterpret_cast<const uint8_t*>(nfkc.data());
  for (int32_t i = 0; i < static_cast<int32_t>(nfkc.size());) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT_UNSAFE(p, i, c);
    std::string piece = nfkc.substr(start, i - start);
    if (c == 0x2018 || c == 0x2019 || c == 0x201A || c == 0x201B || c == 0x2BC || c == 0x2032) {
      piece = "'";
    } else if (c == 0x201C || c == 0x201D || c == 0x201E || c == 0x201F || c == 0xAB || c == 0xBB ||
               c == 0x2039 || c == 0x203A) {
      piece = "\"";
    } else if ((c >= 0x2010 && c <= 0x2015) || c == 0x2212) {
      piece = "-";
    } else if (c == 0x2028 || c == 0x2029 || c == 0x85) {
      piece = "\n";
    } else if (c == '\t' || c == '\v' || c == '\f') {
      piece = " ";
    } else if (c >= 0x80 && u_charType(c) == U_DECIMAL_DIGIT_NUMBER) {
      piece = std::string(1, static_cast<char>('0' + u_charDigitValue(c)));
    } else if (c >= 0x80 && u_isUWhiteSpace(c)) {
      piece = " ";
    }
    if (piece == " " && !out.empty() && out.back() == ' ') continue;
    out += piece;
  }
  return out;
}

TEST(NormalizeTest, AgreesWithWholeTextIcuOnMixedScripts) {
  const std::vector<std::string> pieces = {
      "A",      "e",      " ",      "\u0301", "\u0323", "\u00E9", "\u1100",  "\u1161",     "\u11A8",
      "\uAC00", "\u0915", "\u093C", "\u094D", "\u0967", "\uFF21", "\uFB01",  "\u00DF",     "\u0130",
      "\u2019", "\u00A0", "\u200B", "\u00AD", "\u3000", "\u2014", "\u1F600", "\U0001F600", "\u6708",
      "\u0308", "\u212B", "\u00C5", "\u2126", "\t",     "\n",     "x",       "1"};
  uint32_t seed = 12345;
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    seed = seed * 1103515245 + 12345;
    int count = 1 + static_cast<int>((seed >> 16) % 12);
    for (int k = 0; k < count; ++k) {
      seed = seed * 1103515245 + 12345;
      text += pieces[(seed >> 16) % pieces.size()];
    }
    auto n = Normalize(text);
    ASSERT_TRUE(n.ok());
    ASSERT_EQ(n->text, Reference(text)) << "input: " << text;
    for (size_t i = 1; i < n->to_original.size(); ++i) {
      ASSERT_LE(n->to_original[i - 1], n->to_original[i]);
    }
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

#include "extract/sentences.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace claimline::extract {
namespace {

std::vector<std::string> SplitText(const std::string& lang, const std::string& text) {
  auto splitter = SentenceSplitter::Create(lang);
  EXPECT_TRUE(splitter.ok()) << splitter.status();
  std::vector<std::string> out;
  for (const SentenceSpan& s : (*splitter)->Split(text)) {
    EXPECT_LT(s.begin, s.end);
    EXPECT_LE(s.end, text.size());
    out.push_back(text.substr(s.begin, s.end - s.begin));
  }
  return out;
}

TEST(SentenceSplitterTest, EnglishSentencesAndAbbreviations) {
  std::vector<std::string> expect = {"Mr. Lee sold the shares.", "Prices fell 3% on Monday!",
                                     "Why?"};
  EXPECT_EQ(SplitText("en", "Mr. Lee sold the shares. Prices fell 3% on Monday! Why?"), expect);
}

TEST(SentenceSplitterTest, LineBreaksEndSentencesAndBlankLinesVanish) {
  std::vector<std::string> expect = {"Headline without a stop", "First body sentence.",
                                     "Second one."};
  EXPECT_EQ(SplitText("en", "Headline without a stop\n\n  First body sentence. Second one.\n"),
            expect);
}

TEST(SentenceSplitterTest, ChineseFullStops) {
  std::vector<std::string> expect = {"公司上个月发布了新模型。", "股价随后下跌。"};
  EXPECT_EQ(SplitText("zh", "公司上个月发布了新模型。股价随后下跌。"), expect);
}

TEST(SentenceSplitterTest, HindiDanda) {
  std::vector<std::string> expect = {"कंपनी ने मॉडल जारी किया।", "शेयर गिर गए।"};
  EXPECT_EQ(SplitText("hi", "कंपनी ने मॉडल जारी किया। शेयर गिर गए।"), expect);
}

TEST(SentenceSplitterTest, OffsetsAreOriginalBytes) {
  const std::string text = "Été chaud.  Hiver froid.";
  auto splitter = SentenceSplitter::Create("fr");
  ASSERT_TRUE(splitter.ok());
  auto spans = (*splitter)->Split(text);
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(spans[0].begin, 0u);
  EXPECT_EQ(spans[0].end, 12u);  // "Été" is 5 bytes
  EXPECT_EQ(spans[1].begin, 14u);
  EXPECT_EQ(spans[1].end, text.size());
}

TEST(SentenceSplitterTest, LongSentencesAreCut) {
  std::string text;
  while (text.size() < 5 * kMaxSentenceBytes) text += "word ";
  auto pieces = SplitText("en", text);
  ASSERT_GE(pieces.size(), 3u);
  for (const auto& p : pieces) EXPECT_LE(p.size(), kMaxSentenceBytes);
  std::string cjk;
  while (cjk.size() < 3 * kMaxSentenceBytes) cjk += "股";
  for (const auto& p : SplitText("zh", cjk)) {
    EXPECT_LE(p.size(), kMaxSentenceBytes);
    EXPECT_EQ(p.size() % 3, 0u);  // cut at character boundaries
  }
}

TEST(SentenceSplitterTest, UnknownLanguageUsesRootRules) {
  EXPECT_EQ(SplitText("xx-unknown", "One. Two.").size(), 2u);
  EXPECT_TRUE(SplitText("en", "").empty());
  EXPECT_TRUE(SplitText("en", " \n\n \t").empty());
}

}  // namespace
}  // namespace claimline::extract

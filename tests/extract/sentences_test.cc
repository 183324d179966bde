#include "extract/sentences.h"

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "unicode/brkiter.h"
#include "unicode/locid.h"
#include "unicode/utext.h"

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

// Trim: without the whitespace the splitter trims.
std::string Trim(const std::string& s) {
  size_t b = 0, e = s.size();
  auto space_at = [&](size_t i) -> size_t {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') return 1;
    if (s.compare(i, 2, "\u00A0") == 0) return 2;
    if (s.compare(i, 3, "\u3000") == 0 || s.compare(i, 3, "\u200B") == 0 ||
        s.compare(i, 3, "\u202F") == 0) {
      return 3;
    }
    return 0;
  };
  while (b < e && space_at(b) != 0) b += space_at(b);
  while (e > b) {
    size_t len = 0;
    for (size_t l : {1, 2, 3}) {
      if (e >= b + l && space_at(e - l) == l) len = l;
    }
    if (len == 0) break;
    e -= len;
  }
  return s.substr(b, e - b);
}

// IcuSentences: what ICU's sentence BreakIterator ("@ss=standard") says, line by line.
std::vector<std::string> IcuSentences(const std::string& lang, const std::string& text) {
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale locale = icu::Locale::forLanguageTag(lang, status);
  locale.setKeywordValue("ss", "standard", status);
  std::unique_ptr<icu::BreakIterator> it(
      icu::BreakIterator::createSentenceInstance(locale, status));
  EXPECT_TRUE(U_SUCCESS(status));
  std::vector<std::string> out;
  std::stringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    UText ut = UTEXT_INITIALIZER;
    status = U_ZERO_ERROR;
    utext_openUTF8(&ut, line.data(), static_cast<int64_t>(line.size()), &status);
    it->setText(&ut, status);
    int32_t start = it->first();
    for (int32_t end = it->next(); end != icu::BreakIterator::DONE; start = end, end = it->next()) {
      std::string piece = Trim(line.substr(start, end - start));
      if (!piece.empty()) out.push_back(piece);
    }
    utext_close(&ut);
  }
  return out;
}

// Where ICU's rules cut a German date ("Am 3. | März"), CLDR's day-and-month pattern
// ("d. MMMM") says the day is an ordinal: the sentence goes on. Only 1-2 digits.
TEST(SentenceSplitterTest, KeepsAnOrdinalDayOfTheMonthInItsSentence) {
  EXPECT_EQ(SplitText("de", "Am 3. März war es so. Vw legt am 11. März vor."),
            (std::vector<std::string>{"Am 3. März war es so.", "Vw legt am 11. März vor."}));
  EXPECT_EQ(SplitText("de", "Im Jahr 2024. Danach nicht."),
            (std::vector<std::string>{"Im Jahr 2024.", "Danach nicht."}));
  EXPECT_EQ(SplitText("en", "He was 3. March came."),
            (std::vector<std::string>{"He was 3.", "March came."}));
}

TEST(SentenceSplitterTest, AgreesWithIcuBreakIterator) {
  std::vector<std::pair<std::string, std::string>> samples = {
      {"en",
       "Dr. Rao met Mr. Li at 3.30 p.m. on Monday. They talked.\nThe U.S. market fell 2.5%. "
       "\"Why?\" he asked. (It rose.) Then: it fell! e.g. this one. Shares of Acme Inc. "
       "rose... and fell.  End"},
      {"fr",
       "M. Dupont a vu Mme Martin. Le CAC 40 a reculé de 1,2 %. « Pourquoi ? » dit-il. "
       "Etc. Fin."},
      {"it", "Il sig. Rossi ha parlato. Il FTSE MIB è salito del 3,4%. Poi? Niente."},
      {"id", "Saham turun 5,1%. Kata Dr. Budi, pasar pulih. Lalu? Tidak ada."},
      {"zh", "公司发布了新模型。股价下跌了3.5%！为什么？“市场过度反应。”他说。"},
      {"hi", "कंपनी ने मॉडल जारी किया। शेयर 16.9% गिर गए। क्यों? पता नहीं।"},
      {"de",
       "Die Aktie fiel um 3 Prozent. Dr. Müller sagte z. B. nichts. Ende. Er kam z.B. "
       "heute."},
      {"en",
       "The U.S. Army said so. It closed at 5 p.m. The next day, No. 5 won. Acme Inc. The "
       "end... Really? Yes!! \"Quoted.\" (Paren.) 'Single.' Next. A.B. Smith spoke. I.e. "
       "fine. He said 'no.' then left. Version 2.0. Done.\u00A0 Next\u3000one. x.Y z."},
      {"ja", "新モデルを発表した。株価は3.5%下落！なぜ？「市場は過剰反応だ。」と述べた。"},
      {"ko", "엔비디아 주가가 하락했다. 왜? 모른다. 정말!"},
      {"es", "¿Por qué cayó? ¡No sé! El Sr. Pérez habló. Fin."},
      {"pt", "O Sr. Silva falou. A ação caiu 2,5%. Fim."},
  };
  const std::filesystem::path seeds = std::filesystem::path(CLAIMLINE_SHARED_DIR) / "seeds";
  const std::vector<std::pair<std::string, std::string>> seed_files = {
      {"000_a0ec09f5bb8ae099.txt", "id"},
      {"001_58443a927f2ee86a.txt", "it"},
      {"002_feefa2e3834a282d.txt", "hi"},
      {"003_61ec448298716ef9.txt", "zh"},
      {"004_48ae6fd31cb51ac8.txt", "fr"}};
  for (const auto& [file, lang] : seed_files) {
    std::ifstream in(seeds / file, std::ios::binary);
    if (!in) continue;
    std::stringstream ss;
    ss << in.rdbuf();
    samples.push_back({lang, ss.str()});
  }
  for (const auto& [lang, text] : samples) {
    EXPECT_EQ(SplitText(lang, text), IcuSentences(lang, text))
        << lang << ": " << text.substr(0, 60);
  }
}

}  // namespace
}  // namespace claimline::extract

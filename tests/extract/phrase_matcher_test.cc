#include "extract/phrase_matcher.h"

#include <string>
#include <vector>

#include "extract/normalized_text.h"
#include "gtest/gtest.h"

namespace claimline::extract {
namespace {

struct Found {
  std::string text;
  PhraseClass cls;
  uint32_t payload;
  bool operator==(const Found& o) const {
    return text == o.text && cls == o.cls && payload == o.payload;
  }
};

std::vector<Found> Match(const PhraseMatcher& m, const std::string& raw) {
  auto n = Normalize(raw);
  EXPECT_TRUE(n.ok());
  std::vector<Found> out;
  for (const PhraseHit& h : m.FindAll(n->text)) {
    out.push_back({n->text.substr(h.begin, h.end - h.begin), h.cls, h.payload});
  }
  return out;
}

TEST(PhraseMatcherTest, FindsOverlappingPhrasesInOrder) {
  PhraseMatcherBuilder b;
  b.Add(NormalizePhrase("miliar"), PhraseClass::kScale, 1);
  b.Add(NormalizePhrase("miliar dolar"), PhraseClass::kCurrency, 2);
  b.Add(NormalizePhrase("dolar"), PhraseClass::kCurrency, 3);
  auto m = b.Build();
  EXPECT_EQ(m->phrase_count(), 3u);
  std::vector<Found> expect = {{"miliar", PhraseClass::kScale, 1},
                               {"miliar dolar", PhraseClass::kCurrency, 2},
                               {"dolar", PhraseClass::kCurrency, 3}};
  EXPECT_EQ(Match(*m, "Rugi 5 Miliar Dolar."), expect);
}

TEST(PhraseMatcherTest, LatinPhrasesNeedWordBoundaries) {
  PhraseMatcherBuilder b;
  b.Add("rose", PhraseClass::kDirection, 0);
  b.Add("pasar", PhraseClass::kCue, 1, /*allow_suffix=*/true);
  auto m = b.Build();
  EXPECT_TRUE(Match(*m, "prosecutors arose").empty());
  EXPECT_EQ(Match(*m, "It rose.").size(), 1u);
  // allow_suffix: the start of a longer word matches, but not the middle of one.
  std::vector<Found> suffix = {{"pasar", PhraseClass::kCue, 1}};
  EXPECT_EQ(Match(*m, "nilai pasarnya"), suffix);
  EXPECT_TRUE(Match(*m, "kepasar").empty());
}

TEST(PhraseMatcherTest, HanNeedsNoBoundaryAndScriptChangeIsABoundary) {
  PhraseMatcherBuilder b;
  b.Add("上个月", PhraseClass::kDatePhrase, 0);
  b.Add("nvidia", PhraseClass::kEntity, 7);
  auto m = b.Build();
  std::vector<Found> expect = {{"上个月", PhraseClass::kDatePhrase, 0},
                               {"nvidia", PhraseClass::kEntity, 7}};
  EXPECT_EQ(Match(*m, "他说上个月NVIDIA的股价"), expect);
  EXPECT_TRUE(Match(*m, "nvidias").empty());
}

TEST(PhraseMatcherTest, DevanagariMatrasBlockAMatch) {
  PhraseMatcherBuilder b;
  b.Add("अरब", PhraseClass::kScale, 0);
  auto m = b.Build();
  EXPECT_EQ(Match(*m, "600 अरब डॉलर").size(), 1u);
  EXPECT_TRUE(Match(*m, "अरबों").empty());  // a longer word
}

TEST(PhraseMatcherTest, HangulPhraseTakesParticles) {
  PhraseMatcherBuilder b;
  b.Add("엔비디아", PhraseClass::kEntity, 0);
  auto m = b.Build();
  EXPECT_EQ(Match(*m, "엔비디아는 하락했다").size(), 1u);
}

TEST(PhraseMatcherTest, DigitEdgesNeedBoundaries) {
  PhraseMatcherBuilder b;
  b.Add("r1", PhraseClass::kEntity, 0);
  b.Add("%", PhraseClass::kUnitWord, 1);
  auto m = b.Build();
  EXPECT_EQ(Match(*m, "model R1 gained 5%").size(), 2u);
  EXPECT_TRUE(Match(*m, "r10 and xr1").empty());
}

TEST(PhraseMatcherTest, SamePhraseUnderTwoClassesYieldsTwoHits) {
  PhraseMatcherBuilder b;
  b.Add("may", PhraseClass::kMonth, 5);
  b.Add("may", PhraseClass::kModality, 0);
  b.Add("may", PhraseClass::kMonth, 5);  // duplicate: one hit
  b.Add("", PhraseClass::kCue, 0);       // ignored
  auto m = b.Build();
  EXPECT_EQ(m->phrase_count(), 2u);
  EXPECT_EQ(Match(*m, "in May").size(), 2u);
}

TEST(PhraseMatcherTest, FailureLinksFindSuffixPatterns) {
  PhraseMatcherBuilder b;
  for (const char* p : {"he", "she", "his", "hers"}) b.Add(p, PhraseClass::kCue, 0, true);
  auto m = b.Build();
  auto hits = m->FindAll("ushers");
  // "she", "he" and "hers" all occur, but each is preceded by a letter: no word start.
  EXPECT_TRUE(hits.empty());
  // "he" starts the word "hers" and may be followed by letters (allow_suffix).
  hits = m->FindAll("she hers");
  ASSERT_EQ(hits.size(), 3u);
  EXPECT_EQ(hits[0].begin, 0u);
  EXPECT_EQ(hits[0].end, 3u);
  EXPECT_EQ(hits[1].begin, 4u);
  EXPECT_EQ(hits[1].end, 6u);
  EXPECT_EQ(hits[2].begin, 4u);
  EXPECT_EQ(hits[2].end, 8u);
}

TEST(PhraseMatcherTest, ArbitraryBytesDoNotCrash) {
  PhraseMatcherBuilder b;
  b.Add("ab", PhraseClass::kCue, 0);
  b.Add("\xE4\xB8\x87", PhraseClass::kScale, 0);  // 万
  auto m = b.Build();
  std::string junk;
  for (int i = 0; i < 10000; ++i) junk.push_back(static_cast<char>((i * 131) & 0xFF));
  // Not valid UTF-8, but FindAll must stay in bounds anyway.
  (void)m->FindAll(junk);
  EXPECT_EQ(m->FindAll("ab").size(), 1u);
}

}  // namespace
}  // namespace claimline::extract

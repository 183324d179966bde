// The value recognizer through its facade: CLDR-only languages, several languages sharing
// one matcher, original offsets, explain lines, and inputs that must not blow up.
#include <string>

#include "extract/value_recognizer.h"
#include "gtest/gtest.h"
#include "tests/extract/values_test_util.h"

namespace claimline::extract {
namespace {

using testing::Harness;
const absl::CivilDay kRef(2025, 2, 21);

TEST(ValuesRecognizerTest, AnIcuLocaleWithoutALexiconStillGetsDatesAndScales) {
  auto h = Harness::ForLexicon("nl", v1::ValueLexicon());
  ASSERT_TRUE(h.ok()) << h.status();
  ValueMentions m = (*h)->Run("Op 3 maart 2024 verloor het bedrijf 5 miljard euro.", kRef);
  ASSERT_EQ(m.dates.size(), 1u);
  EXPECT_EQ(m.dates[0].when.from(), "2024-03-03");
  EXPECT_EQ(m.dates[0].when.anchor(), v1::ANCHOR_ABSOLUTE);
  ASSERT_EQ(m.quantities.size(), 1u);
  EXPECT_EQ(m.quantities[0].quantity.unit(), "EUR");
  EXPECT_DOUBLE_EQ(m.quantities[0].quantity.low(), 5e9);
}

TEST(ValuesRecognizerTest, TwoLanguagesInOneMatcherReadOnlyTheirOwnHits) {
  auto it = testing::LoadValues("it");
  auto fr = testing::LoadValues("fr");
  ASSERT_TRUE(it.ok() && fr.ok());
  auto rit = ValueRecognizer::Create("it", *it);
  auto rfr = ValueRecognizer::Create("fr", *fr);
  ASSERT_TRUE(rit.ok() && rfr.ok());
  PhraseMatcherBuilder builder;
  (*rit)->RegisterPhrases(&builder);
  (*rfr)->RegisterPhrases(&builder);
  auto matcher = builder.Build();
  // "billion" is 10^12 in French; Italian has no such word in its tables.
  auto norm = Normalize("3 billions de dollars");
  ASSERT_TRUE(norm.ok());
  auto hits = matcher->FindAll(norm->text);
  ValueMentions in_fr = (*rfr)->Find(*norm, 0, norm->text.size(), hits, kRef);
  ValueMentions in_it = (*rit)->Find(*norm, 0, norm->text.size(), hits, kRef);
  ASSERT_EQ(in_fr.quantities.size(), 1u);
  EXPECT_DOUBLE_EQ(in_fr.quantities[0].quantity.low(), 3e12);
  EXPECT_TRUE(in_it.quantities.empty());
}

TEST(ValuesRecognizerTest, OffsetsAreOriginalBytesAndTextIsTheSurfaceForm) {
  auto h = Harness::For("fr");
  ASSERT_TRUE(h.ok());
  const std::string text = "Hausse de 12\u202F% hier.";  // narrow no-break space before %
  ValueMentions m = (*h)->Run(text, kRef);
  ASSERT_EQ(m.quantities.size(), 1u);
  const QuantityMention& q = m.quantities[0];
  EXPECT_EQ(text.substr(q.begin, q.end - q.begin), "12\u202F%");
  EXPECT_EQ(q.quantity.text(), "12\u202F%");
  EXPECT_FALSE(q.explain.empty());
  ASSERT_EQ(m.dates.size(), 1u);
  EXPECT_EQ(text.substr(m.dates[0].begin, m.dates[0].end - m.dates[0].begin), "hier");
  EXPECT_EQ(m.dates[0].when.relative().offset(), -1);
  EXPECT_EQ(m.dates[0].when.relative().unit(), v1::GRANULARITY_DAY);
}

TEST(ValuesRecognizerTest, SignsAreDroppedAndModelNumbersIgnored) {
  auto h = Harness::For("en");
  ASSERT_TRUE(h.ok());
  ValueMentions m = (*h)->Run("R1 and GB200 moved −4.5% while GPT-4 held.", kRef);
  ASSERT_EQ(m.quantities.size(), 1u);
  EXPECT_DOUBLE_EQ(m.quantities[0].quantity.low(), 4.5);
  EXPECT_EQ(m.quantities[0].quantity.text(), "4.5%");
}

TEST(ValuesRecognizerTest, AYearInsideADateIsNotAQuantity) {
  auto h = Harness::For("en");
  ASSERT_TRUE(h.ok());
  ValueMentions m = (*h)->Run("On January 27, 2025 it lost 2025 million dollars.", kRef);
  ASSERT_EQ(m.dates.size(), 1u);
  ASSERT_EQ(m.quantities.size(), 1u);
  EXPECT_DOUBLE_EQ(m.quantities[0].quantity.low(), 2.025e9);
}

TEST(ValuesRecognizerTest, HindiYesterdayIsFlaggedAmbiguous) {
  auto h = Harness::For("hi");
  ASSERT_TRUE(h.ok());
  ValueMentions m = (*h)->Run("कल बाजार बंद रहा।", kRef);
  ASSERT_EQ(m.dates.size(), 1u);
  EXPECT_EQ(m.dates[0].when.from(), "2025-02-20");
  ASSERT_FALSE(m.dates[0].explain.empty());
  EXPECT_NE(m.dates[0].explain[0].find("ambiguous"), std::string::npos);
}

TEST(ValuesRecognizerTest, LongHostileInputsFinishAndFindNothingOdd) {
  auto h = Harness::For("en");
  ASSERT_TRUE(h.ok());
  std::string digits(200000, '9');
  EXPECT_TRUE((*h)->Run(digits, kRef).quantities.empty());
  std::string seps;
  for (int i = 0; i < 50000; ++i) seps += "1.";
  EXPECT_TRUE((*h)->Run(seps, kRef).quantities.empty());
  std::string words;
  for (int i = 0; i < 20000; ++i) words += "more than about nearly ";
  EXPECT_TRUE((*h)->Run(words, kRef).quantities.empty());
}

// A million digits without a space, read whole and in sentence-sized windows as the
// splitter would cut it: every scan stops at the window end and the run is no number.
TEST(ValuesRecognizerTest, AMillionDigitLineIsNoQuantityAndEveryWindowReturns) {
  auto h = Harness::For("de");
  ASSERT_TRUE(h.ok()) << h.status();
  const std::string text = "Die Zahl " + std::string(1000000, '7') + " ist lang.";
  EXPECT_TRUE((*h)->Run(text, kRef).quantities.empty());
  auto norm = Normalize(text);
  ASSERT_TRUE(norm.ok());
  auto hits = (*h)->matcher->FindAll(norm->text);
  size_t windows = 0, found = 0;
  for (size_t b = 0; b < norm->text.size(); b += 1000, ++windows) {
    ValueMentions m = (*h)->recognizer->Find(*norm, b, b + 1000, hits, kRef);
    found += m.quantities.size() + m.dates.size();
  }
  EXPECT_EQ(windows, 1001u);
  EXPECT_EQ(found, 0u);
}

TEST(ValuesRecognizerTest, RegistrationIsDeterministic) {
  auto it = testing::LoadValues("it");
  ASSERT_TRUE(it.ok());
  auto a = ValueRecognizer::Create("it", *it);
  auto b = ValueRecognizer::Create("it", *it);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ((*a)->phrase_count(), (*b)->phrase_count());
  EXPECT_GT((*a)->phrase_count(), 100u);
}

TEST(ValuesRecognizerTest, MalformedLexiconEntriesAreRejected) {
  v1::ValueLexicon lex;
  auto* m = lex.add_months();
  m->set_phrase("thirteenth");
  m->set_month(13);
  auto r = ValueRecognizer::Create("en", lex);
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(r.status().message().find("thirteenth"), std::string::npos);
  auto parsed = ParseValueLexicon("scales { phrase: ", "x.textproto");
  EXPECT_EQ(parsed.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(parsed.status().message().find("x.textproto"), std::string::npos);
}

TEST(ValuesRecognizerTest, MergeKeepsTheChildFirstAndItsScalars) {
  v1::ValueLexicon parent, child;
  parent.set_language("zh");
  parent.set_decimal_separator(".");
  parent.add_quantity_fillers("p");
  child.set_language("zh-Hant");
  child.set_inherits("zh");
  child.add_quantity_fillers("c");
  v1::ValueLexicon merged = MergeValueLexicons(parent, child);
  EXPECT_EQ(merged.language(), "zh-Hant");
  EXPECT_EQ(merged.decimal_separator(), ".");
  ASSERT_EQ(merged.quantity_fillers_size(), 2);
  EXPECT_EQ(merged.quantity_fillers(0), "c");
}

}  // namespace
}  // namespace claimline::extract

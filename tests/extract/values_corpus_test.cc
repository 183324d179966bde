// Walks every language folder of extract/lang/ and checks its values_corpus.textproto
// (every example yields exactly the expected dates and quantities, in order) and its
// values_negative.textproto (nothing at all).
#include <dirent.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "base/civil_date.h"
#include "claimline/v1/values.pb.h"
#include "google/protobuf/text_format.h"
#include "gtest/gtest.h"
#include "tests/extract/values_test_util.h"

namespace claimline::extract {
namespace {

using testing::Harness;
using testing::LangDir;
using testing::ReadFile;

std::vector<std::string> Languages() {
  std::vector<std::string> out;
  DIR* dir = opendir(LangDir().c_str());
  if (dir == nullptr) return out;
  while (dirent* e = readdir(dir)) {
    std::string name = e->d_name;
    if (name.empty() || name[0] == '.') continue;
    if (ReadFile(absl::StrCat(LangDir(), "/", name, "/values.textproto")).ok()) {
      out.push_back(name);
    }
  }
  closedir(dir);
  std::sort(out.begin(), out.end());
  return out;
}

std::string Describe(const ValueMentions& m) {
  std::string s;
  for (const DateMention& d : m.dates) {
    absl::StrAppend(&s, "\n  date ", d.when.from(), "..", d.when.to(), " ",
                    v1::Granularity_Name(d.when.granularity()), " '", d.when.text(), "'");
  }
  for (const QuantityMention& q : m.quantities) {
    absl::StrAppend(&s, "\n  quantity ", q.quantity.unit(), " [",
                    q.quantity.has_low() ? absl::StrCat(q.quantity.low()) : "null", ", ",
                    q.quantity.has_high() ? absl::StrCat(q.quantity.high()) : "null", "]",
                    q.quantity.approx() ? " approx" : "", " '", q.quantity.text(), "'");
  }
  return s.empty() ? " (nothing)" : s;
}

bool Near(double a, double b) { return std::fabs(a - b) <= 1e-9 * std::max(1.0, std::fabs(b)); }

class ValuesCorpusTest : public ::testing::TestWithParam<std::string> {};

TEST_P(ValuesCorpusTest, EveryExampleYieldsExactlyItsValues) {
  const std::string lang = GetParam();
  auto harness = Harness::For(lang);
  ASSERT_TRUE(harness.ok()) << harness.status();
  auto text = ReadFile(absl::StrCat(LangDir(), "/", lang, "/values_corpus.textproto"));
  ASSERT_TRUE(text.ok()) << lang << " has no values_corpus.textproto";
  v1::ValuesCorpus corpus;
  ASSERT_TRUE(google::protobuf::TextFormat::ParseFromString(*text, &corpus)) << lang;
  EXPECT_GE(corpus.example_size(), 20) << lang << ": at least 20 examples";
  for (const v1::ValuesExample& ex : corpus.example()) {
    auto ref = ParseIsoDate(ex.reference().empty() ? "2025-02-21" : ex.reference());
    ASSERT_TRUE(ref.ok()) << ex.text();
    ValueMentions got = (*harness)->Run(ex.text(), *ref);
    std::string ctx = absl::StrCat(lang, ": \"", ex.text(), "\" gave", Describe(got));
    if (got.dates.size() != static_cast<size_t>(ex.dates_size()) ||
        got.quantities.size() != static_cast<size_t>(ex.quantities_size())) {
      ADD_FAILURE() << "wanted " << ex.dates_size() << " date(s) and " << ex.quantities_size()
                    << " quantity(ies): " << ctx;
      continue;
    }
    for (int i = 0; i < ex.dates_size(); ++i) {
      const v1::ExpectedDate& want = ex.dates(i);
      const DateMention& d = got.dates[i];
      EXPECT_EQ(d.when.from(), want.from()) << ctx;
      EXPECT_EQ(d.when.to(), want.to().empty() ? want.from() : want.to()) << ctx;
      if (want.granularity() != v1::GRANULARITY_UNSPECIFIED) {
        EXPECT_EQ(d.when.granularity(), want.granularity()) << ctx;
      }
      if (want.anchor() != v1::ANCHOR_UNSPECIFIED) EXPECT_EQ(d.when.anchor(), want.anchor()) << ctx;
      EXPECT_EQ(d.future, want.future()) << ctx;
    }
    for (int i = 0; i < ex.quantities_size(); ++i) {
      const v1::ExpectedQuantity& want = ex.quantities(i);
      const v1::Quantity& q = got.quantities[i].quantity;
      EXPECT_EQ(q.unit(), want.unit()) << ctx;
      EXPECT_EQ(q.has_low(), want.has_low()) << ctx;
      if (q.has_low() && want.has_low()) EXPECT_TRUE(Near(q.low(), want.low())) << ctx;
      EXPECT_EQ(q.has_high(), want.has_high()) << ctx;
      if (q.has_high() && want.has_high()) EXPECT_TRUE(Near(q.high(), want.high())) << ctx;
      EXPECT_EQ(q.approx(), want.approx()) << ctx;
    }
  }
}

TEST_P(ValuesCorpusTest, NegativeExamplesYieldNothing) {
  const std::string lang = GetParam();
  auto harness = Harness::For(lang);
  ASSERT_TRUE(harness.ok()) << harness.status();
  auto text = ReadFile(absl::StrCat(LangDir(), "/", lang, "/values_negative.textproto"));
  ASSERT_TRUE(text.ok()) << lang << " has no values_negative.textproto";
  v1::ValuesNegative negative;
  ASSERT_TRUE(google::protobuf::TextFormat::ParseFromString(*text, &negative)) << lang;
  EXPECT_GE(negative.text_size(), 5) << lang;
  for (const std::string& t : negative.text()) {
    ValueMentions got = (*harness)->Run(t, absl::CivilDay(2025, 2, 21));
    EXPECT_TRUE(got.dates.empty() && got.quantities.empty())
        << lang << ": \"" << t << "\" gave" << Describe(got);
  }
}

INSTANTIATE_TEST_SUITE_P(Languages, ValuesCorpusTest, ::testing::ValuesIn(Languages()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string n = info.param;
                           std::replace(n.begin(), n.end(), '-', '_');
                           return n;
                         });

}  // namespace
}  // namespace claimline::extract

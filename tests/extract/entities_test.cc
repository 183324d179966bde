#include "extract/entities.h"

#include <string>
#include <vector>

#include "extract/normalized_text.h"
#include "extract/sentences.h"
#include "google/protobuf/text_format.h"
#include "gtest/gtest.h"

namespace claimline::extract {
namespace {

// A tiny gazetteer written for these tests.
constexpr char kData[] = R"pb(
  entity {
    id: "acme_motors"
    type: ENTITY_TYPE_ORGANIZATION
    name { text: "Acme Motors" }
    name { text: "艾克美" lang: "zh" }
  }
  entity {
    id: "wei_li"
    type: ENTITY_TYPE_PERSON
    name { text: "Wei Li" lang: "en" }
    name { text: "李伟" lang: "zh" }
    name { text: "Li" short: true lang: "en" }
    name { text: "李" short: true lang: "zh" }
  }
  entity {
    id: "pear"
    type: ENTITY_TYPE_ORGANIZATION
    name { text: "Pear" case_sensitive: true }
  }
  entity {
    id: "vx9"
    type: ENTITY_TYPE_PRODUCT
    name { text: "VX9" }
  }
)pb";

struct Mention {
  std::string text;
  std::string entity;
  bool operator==(const Mention& o) const { return text == o.text && entity == o.entity; }
};

std::ostream& operator<<(std::ostream& os, const Mention& m) {
  return os << "{" << m.text << ", " << m.entity << "}";
}

class EntitiesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    v1::Gazetteer data;
    ASSERT_TRUE(google::protobuf::TextFormat::ParseFromString(kData, &data));
    auto g = Gazetteer::Create(data, "test");
    ASSERT_TRUE(g.ok()) << g.status();
    gazetteer_ = std::move(*g);
  }

  // Run: every mention of the text, flattened, with extra lexicon phrases as cues.
  std::vector<Mention> Run(const std::string& lang, const std::string& text,
                           const std::vector<std::string>& lexicon = {}) {
    EntityRecognizer recognizer(gazetteer_.get(), lang);
    PhraseMatcherBuilder builder;
    recognizer.RegisterPhrases(&builder);
    for (const auto& p : lexicon) builder.Add(NormalizePhrase(p), PhraseClass::kMonth, 1);
    auto matcher = builder.Build();
    auto n = Normalize(text);
    EXPECT_TRUE(n.ok());
    auto splitter = SentenceSplitter::Create(lang);
    std::vector<NormalizedRange> ranges;
    for (const SentenceSpan& s : (*splitter)->Split(text)) {
      uint32_t b = static_cast<uint32_t>(
          std::lower_bound(n->to_original.begin(), n->to_original.end() - 1, s.begin) -
          n->to_original.begin());
      uint32_t e = static_cast<uint32_t>(
          std::lower_bound(n->to_original.begin(), n->to_original.end() - 1, s.end) -
          n->to_original.begin());
      ranges.push_back({b, e});
    }
    auto hits = matcher->FindAll(n->text);
    std::vector<Mention> out;
    for (const auto& sentence : recognizer.Find(*n, ranges, hits, /*explain=*/true)) {
      for (const EntityMention& m : sentence) {
        EXPECT_EQ(text.substr(m.begin, m.end - m.begin), m.ref.text());
        EXPECT_FALSE(m.explain.empty());
        out.push_back({m.ref.text(), m.ref.entity()});
      }
    }
    return out;
  }

  std::unique_ptr<Gazetteer> gazetteer_;
};

TEST_F(EntitiesTest, LinksGazetteerNamesCaseInsensitively) {
  std::vector<Mention> expect = {{"ACME MOTORS", "acme_motors"}, {"vx9", "vx9"}};
  EXPECT_EQ(Run("en", "Shares of ACME MOTORS rose after the vx9 launch."), expect);
}

TEST_F(EntitiesTest, CaseSensitiveNamesNeedTheirCapitals) {
  std::vector<Mention> expect = {{"Pear", "pear"}};
  EXPECT_EQ(Run("en", "Pear sold more phones, and the pear harvest was poor."), expect);
}

TEST_F(EntitiesTest, ShortNamesLinkOnlyAfterTheFullName) {
  std::vector<Mention> before = {};
  EXPECT_EQ(Run("en", "the vote of li was counted."), before);
  std::vector<Mention> after = {{"Wei Li", "wei_li"}, {"Li", "wei_li"}};
  EXPECT_EQ(Run("en", "Wei Li spoke today. Later, Li said more."), after);
}

TEST_F(EntitiesTest, CrossScriptKeyLinksPinyinToHanName) {
  // "Li Wei" is not a listed name, but its key meets 李伟's.
  std::vector<Mention> expect = {{"Li Wei", "wei_li"}, {"Acme Motors", "acme_motors"}};
  EXPECT_EQ(Run("en", "Yesterday Li Wei of Acme Motors spoke."), expect);
}

TEST_F(EntitiesTest, ChineseTextWithLatinNames) {
  std::vector<Mention> expect = {
      {"李伟", "wei_li"}, {"Globex", ""}, {"艾克美", "acme_motors"}, {"李", "wei_li"}};
  EXPECT_EQ(Run("zh", "李伟说Globex和艾克美的合作很好。李还说了别的。"), expect);
}

TEST_F(EntitiesTest, UnknownCapitalizedNamesSkipFunctionWordsAndLexicon) {
  // "The" is also written in lower case in the article; "March" is a lexicon phrase.
  std::vector<Mention> expect = {{"Globex Holdings", ""}, {"Ines Duarte", ""}};
  EXPECT_EQ(Run("en", "The Globex Holdings board met in March. Ines Duarte chaired the meeting.",
                {"march"}),
            expect);
}

TEST_F(EntitiesTest, TitleCaseHeadlinesGiveNoUnknownNames) {
  std::vector<Mention> expect = {{"Acme Motors", "acme_motors"}};
  EXPECT_EQ(Run("en", "Acme Motors Stock Falls After Weak Quarter\nNothing else here."), expect);
}

TEST_F(EntitiesTest, UrlFragmentsAreNotNames) {
  EXPECT_TRUE(Run("zh", "来源：https://Example.com/Path_To/Page?Id=3 。").empty());
}

}  // namespace
}  // namespace claimline::extract

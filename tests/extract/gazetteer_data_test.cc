// Checks on the shipped gazetteer data, extract/lang/entities.textproto: it parses, its ids
// and names obey the conventions stated at the top of the file, the seed story's entities are
// there with the names the seed articles use, and every seed article names its core
// entities. The engine's own behaviour is tested in gazetteer_test.cc and entities_test.cc.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "claimline/v1/entities.pb.h"
#include "extract/entities.h"
#include "extract/gazetteer.h"
#include "extract/normalized_text.h"
#include "extract/phrase_matcher.h"
#include "extract/sentences.h"
#include "google/protobuf/text_format.h"
#include "gtest/gtest.h"
#include "unicode/normalizer2.h"
#include "unicode/uchar.h"
#include "unicode/unistr.h"

namespace claimline::extract {
namespace {

constexpr char kGazetteerPath[] = CLAIMLINE_GAZETTEER_PATH;
constexpr char kSeedsDir[] = CLAIMLINE_SEEDS_DIR;

// The language tags the data may use: the seed languages, English, and the ones whose
// press the gazetteer spells for.
const std::set<std::string>& KnownLangs() {
  static const auto* langs = new std::set<std::string>{
      "", "en", "zh", "zh-Hant", "hi", "ja", "ko", "id", "it", "fr", "es", "de", "pt"};
  return *langs;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// Folded: NFKC with case folding, the normalization the phrase matcher applies.
std::string Folded(const std::string& text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(status);
  EXPECT_TRUE(U_SUCCESS(status)) << u_errorName(status);
  icu::UnicodeString folded = nfkc_cf->normalize(icu::UnicodeString::fromUTF8(text), status);
  EXPECT_TRUE(U_SUCCESS(status)) << u_errorName(status);
  std::string out;
  folded.toUTF8String(out);
  return out;
}

bool HasCasedLetter(const std::string& text) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
  for (int32_t i = 0; i < u.length(); i = u.moveIndex32(i, 1)) {
    if (u_hasBinaryProperty(u.char32At(i), UCHAR_CASED)) return true;
  }
  return false;
}

bool IsSnakeCaseId(const std::string& id) {
  if (id.empty() || id.front() < 'a' || id.front() > 'z' || id.back() == '_') return false;
  for (size_t i = 0; i < id.size(); ++i) {
    const char c = id[i];
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    if (!ok || (c == '_' && id[i + 1] == '_')) return false;
  }
  return true;
}

// A ticker or acronym: an upper-case ASCII letter followed by 1–4 upper-case letters, digits,
// '&' or '.' ("NVDA", "P&G", "GB200").
bool IsShortAllCaps(const std::string& text) {
  if (text.size() < 2 || text.size() > 5 || text[0] < 'A' || text[0] > 'Z') return false;
  return std::all_of(text.begin() + 1, text.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '&' || c == '.';
  });
}

class GazetteerDataTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    data_ = new v1::Gazetteer;
    const std::string text = ReadFile(kGazetteerPath);
    ASSERT_FALSE(text.empty()) << kGazetteerPath << " is missing or empty";
    ASSERT_TRUE(google::protobuf::TextFormat::ParseFromString(text, data_))
        << kGazetteerPath << " does not parse as claimline.v1.Gazetteer";
  }
  static void TearDownTestSuite() {
    delete data_;
    data_ = nullptr;
  }

  static const v1::Entity* Find(const std::string& id) {
    for (const v1::Entity& e : data_->entity()) {
      if (e.id() == id) return &e;
    }
    return nullptr;
  }

  static v1::Gazetteer* data_;
};

v1::Gazetteer* GazetteerDataTest::data_ = nullptr;

TEST_F(GazetteerDataTest, HoldsSeveralHundredEntitiesOfEveryMainType) {
  std::map<v1::EntityType, int> per_type;
  for (const v1::Entity& e : data_->entity()) ++per_type[e.type()];
  EXPECT_GE(data_->entity_size(), 400);
  EXPECT_GE(per_type[v1::ENTITY_TYPE_ORGANIZATION], 200);
  EXPECT_GE(per_type[v1::ENTITY_TYPE_PERSON], 150);
  EXPECT_GE(per_type[v1::ENTITY_TYPE_PRODUCT], 40);
  EXPECT_GE(per_type[v1::ENTITY_TYPE_INDEX], 30);
  EXPECT_GE(per_type[v1::ENTITY_TYPE_OUTLET], 20);
}

TEST_F(GazetteerDataTest, IdsAreUniqueLowerSnakeCase) {
  std::set<std::string> seen;
  for (const v1::Entity& e : data_->entity()) {
    EXPECT_TRUE(IsSnakeCaseId(e.id())) << "id \"" << e.id() << "\"";
    EXPECT_TRUE(seen.insert(e.id()).second) << "id \"" << e.id() << "\" is repeated";
  }
}

TEST_F(GazetteerDataTest, EveryEntityHasATypeAndAFullName) {
  for (const v1::Entity& e : data_->entity()) {
    EXPECT_NE(e.type(), v1::ENTITY_TYPE_UNSPECIFIED) << e.id() << " has no type";
    const bool has_full = std::any_of(e.name().begin(), e.name().end(),
                                      [](const v1::EntityName& n) { return !n.short_(); });
    EXPECT_TRUE(has_full) << e.id() << " has only short names";
  }
}

TEST_F(GazetteerDataTest, NamesAreTrimmedAndTaggedWithKnownLanguages) {
  for (const v1::Entity& e : data_->entity()) {
    for (const v1::EntityName& n : e.name()) {
      const std::string& t = n.text();
      EXPECT_FALSE(t.empty()) << e.id() << " has an empty name";
      if (t.empty()) continue;
      EXPECT_TRUE(t.front() != ' ' && t.back() != ' ' && t.find("  ") == std::string::npos)
          << e.id() << ": name \"" << t << "\" has stray spaces";
      EXPECT_TRUE(KnownLangs().count(n.lang()))
          << e.id() << ": \"" << t << "\" has lang \"" << n.lang() << "\"";
    }
  }
}

// Two names that fold to the same text would make the matcher's hit ambiguous (across
// entities) or redundant (within one). The only exception is a pair of case-sensitive names
// that differ as written ("KOSPI" and "Kospi").
TEST_F(GazetteerDataTest, NoTwoNamesShareAFoldedForm) {
  struct Use {
    std::string id;
    std::string text;
    bool case_sensitive;
  };
  std::map<std::string, std::vector<Use>> by_folded;
  for (const v1::Entity& e : data_->entity()) {
    for (const v1::EntityName& n : e.name()) {
      by_folded[Folded(n.text())].push_back({e.id(), n.text(), n.case_sensitive()});
    }
  }
  for (const auto& [folded, uses] : by_folded) {
    if (uses.size() < 2) continue;
    std::set<std::string> texts;
    bool all_case_sensitive = true;
    for (const Use& u : uses) {
      texts.insert(u.text);
      all_case_sensitive = all_case_sensitive && u.case_sensitive;
    }
    const bool distinct = all_case_sensitive && texts.size() == uses.size();
    std::vector<std::string> where;
    for (const Use& u : uses) where.push_back(absl::StrCat(u.id, ":\"", u.text, "\""));
    EXPECT_TRUE(distinct) << "\"" << folded << "\" is named by " << absl::StrJoin(where, ", ");
  }
}

// Latin-script runs link to an entity through the script-neutral key of its full names
// (gazetteer.h), so two entities must not share one: "Huang Renxun" could not choose.
TEST_F(GazetteerDataTest, NoTwoEntitiesShareTheKeyOfAFullName) {
  std::map<std::string, std::set<std::string>> ids_by_key;
  for (const v1::Entity& e : data_->entity()) {
    for (const v1::EntityName& n : e.name()) {
      if (n.short_()) continue;
      const std::string key = Gazetteer::Key(n.text());
      if (!key.empty()) ids_by_key[key].insert(e.id());
    }
  }
  for (const auto& [key, ids] : ids_by_key) {
    EXPECT_EQ(ids.size(), 1u) << "key \"" << key << "\" is shared by " << absl::StrJoin(ids, ", ");
  }
}

TEST_F(GazetteerDataTest, CaseSensitivityIsMarkedWhereItMatters) {
  for (const v1::Entity& e : data_->entity()) {
    for (const v1::EntityName& n : e.name()) {
      if (n.case_sensitive()) {
        EXPECT_TRUE(HasCasedLetter(n.text()))
            << e.id() << ": \"" << n.text() << "\" is case_sensitive but has no cased letter";
      }
      if (IsShortAllCaps(n.text())) {
        EXPECT_TRUE(n.case_sensitive())
            << e.id() << ": ticker or acronym \"" << n.text() << "\" must be case_sensitive";
      }
    }
  }
}

TEST_F(GazetteerDataTest, AffiliationsNameOrganizations) {
  for (const v1::Entity& e : data_->entity()) {
    if (e.type() == v1::ENTITY_TYPE_PERSON) {
      EXPECT_FALSE(e.affiliation().empty()) << "person " << e.id() << " has no affiliation";
    }
    if (e.affiliation().empty()) continue;
    EXPECT_NE(e.affiliation(), e.id()) << e.id() << " is affiliated with itself";
    const v1::Entity* org = Find(e.affiliation());
    ASSERT_NE(org, nullptr) << e.id() << ": affiliation \"" << e.affiliation()
                            << "\" is not an entity";
    EXPECT_TRUE(org->type() == v1::ENTITY_TYPE_ORGANIZATION ||
                org->type() == v1::ENTITY_TYPE_OUTLET)
        << e.id() << ": affiliation \"" << e.affiliation() << "\" is not an organization";
  }
}

TEST_F(GazetteerDataTest, CountriesAreIsoAlpha2) {
  for (const v1::Entity& e : data_->entity()) {
    const std::string& c = e.country();
    if (c.empty()) continue;
    EXPECT_TRUE(c.size() == 2 &&
                std::all_of(c.begin(), c.end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; }))
        << e.id() << ": country \"" << c << "\"";
  }
}

TEST_F(GazetteerDataTest, TheWholeFileLoadsIntoTheEngine) {
  auto g = Gazetteer::Create(*data_, kGazetteerPath);
  ASSERT_TRUE(g.ok()) << g.status();
  EXPECT_EQ((*g)->entities().size(), static_cast<size_t>(data_->entity_size()));
  EXPECT_EQ((*g)->Resolve("英伟达"), std::vector<std::string>{"nvidia"});
  EXPECT_EQ((*g)->Resolve("Huang Renxun"), std::vector<std::string>{"jensen_huang"});
}

// The seed story's entities, with the ids of the seed gold set and the names its articles
// use. `short_names` must be present and marked short; `case_sensitive` ones so marked.
struct SeedEntity {
  const char* id;
  v1::EntityType type;
  const char* affiliation;
  std::vector<const char*> names;
  std::vector<const char*> short_names;
  std::vector<const char*> case_sensitive;
};

const std::vector<SeedEntity>& SeedEntities() {
  static const auto* seeds = new std::vector<SeedEntity>{
      {"nvidia", v1::ENTITY_TYPE_ORGANIZATION, "", {"NVIDIA", "英伟达", "एनवीडिया"}, {}, {}},
      {"deepseek", v1::ENTITY_TYPE_ORGANIZATION, "", {"DeepSeek", "深度求索"}, {}, {}},
      {"r1", v1::ENTITY_TYPE_PRODUCT, "deepseek", {"DeepSeek-R1", "DeepSeek R1", "R1"}, {}, {"R1"}},
      {"jensen_huang",
       v1::ENTITY_TYPE_PERSON,
       "nvidia",
       {"Jensen Huang", "Jen-Hsun Huang", "Huang Renxun", "黄仁勋", "黃仁勳", "जेन-हसेंग हुआंग",
        "जेन्सेन हुआंग", "ジェンスン・フアン", "젠슨 황"},
       {"Huang", "黄", "黃", "हुआंग", "フアン", "황"},
       {}},
      {"ddn", v1::ENTITY_TYPE_ORGANIZATION, "", {"DDN", "Infinia"}, {}, {}},
      {"us_tech_stocks",
       v1::ENTITY_TYPE_INDEX,
       "",
       {"US tech stocks", "美国科技股", "American tech stocks"},
       {},
       {}},
      {"meta", v1::ENTITY_TYPE_ORGANIZATION, "", {"Meta", "Meta Platforms"}, {}, {"Meta"}},
      {"stargate",
       v1::ENTITY_TYPE_ORGANIZATION,
       "openai",
       {"Stargate", "Stargate Project"},
       {},
       {}},
      {"google",
       v1::ENTITY_TYPE_ORGANIZATION,
       "",
       {"Google", "Alphabet", "谷歌"},
       {},
       {"Alphabet"}},
      {"apple", v1::ENTITY_TYPE_ORGANIZATION, "", {"Apple", "苹果"}, {}, {"Apple"}},
      {"microsoft", v1::ENTITY_TYPE_ORGANIZATION, "", {"Microsoft", "微软"}, {}, {}},
      {"openai", v1::ENTITY_TYPE_ORGANIZATION, "", {"OpenAI"}, {}, {}},
      {"o1", v1::ENTITY_TYPE_PRODUCT, "openai", {"o1"}, {}, {"o1"}},
      {"chatgpt", v1::ENTITY_TYPE_PRODUCT, "openai", {"ChatGPT"}, {}, {}},
      {"sundar_pichai", v1::ENTITY_TYPE_PERSON, "google", {"Sundar Pichai"}, {"Pichai"}, {}},
      {"tim_cook", v1::ENTITY_TYPE_PERSON, "apple", {"Tim Cook"}, {"Cook"}, {"Cook"}},
      {"satya_nadella", v1::ENTITY_TYPE_PERSON, "microsoft", {"Satya Nadella"}, {"Nadella"}, {}},
      {"high_flyer", v1::ENTITY_TYPE_ORGANIZATION, "", {"High-Flyer", "幻方"}, {}, {}},
      {"business_insider", v1::ENTITY_TYPE_OUTLET, "", {"Business Insider"}, {}, {}},
      {"fortune", v1::ENTITY_TYPE_OUTLET, "", {"Fortune", "《财富》"}, {}, {"Fortune"}},
      {"wedbush", v1::ENTITY_TYPE_ORGANIZATION, "", {"Wedbush"}, {}, {}},
      {"morningstar", v1::ENTITY_TYPE_ORGANIZATION, "", {"Morningstar", "晨星"}, {}, {}},
      {"xtb", v1::ENTITY_TYPE_ORGANIZATION, "", {"XTB"}, {}, {"XTB"}},
      {"avatrade", v1::ENTITY_TYPE_ORGANIZATION, "", {"AvaTrade"}, {}, {}},
      {"midjourney", v1::ENTITY_TYPE_ORGANIZATION, "", {"Midjourney"}, {}, {}},
  };
  return *seeds;
}

TEST_F(GazetteerDataTest, SeedEntitiesHaveTheirIdsTypesAndNames) {
  for (const SeedEntity& s : SeedEntities()) {
    const v1::Entity* e = Find(s.id);
    ASSERT_NE(e, nullptr) << "seed entity " << s.id << " is missing";
    EXPECT_EQ(e->type(), s.type) << s.id;
    EXPECT_EQ(e->affiliation(), s.affiliation) << s.id;
    auto name = [&](const char* text) -> const v1::EntityName* {
      for (const v1::EntityName& n : e->name()) {
        if (n.text() == text) return &n;
      }
      return nullptr;
    };
    for (const char* text : s.names) {
      const v1::EntityName* n = name(text);
      ASSERT_NE(n, nullptr) << s.id << " lacks the name \"" << text << "\"";
      EXPECT_FALSE(n->short_()) << s.id << ": \"" << text << "\" must be a full name";
    }
    for (const char* text : s.short_names) {
      const v1::EntityName* n = name(text);
      ASSERT_NE(n, nullptr) << s.id << " lacks the short name \"" << text << "\"";
      EXPECT_TRUE(n->short_()) << s.id << ": \"" << text << "\" must be short";
    }
    for (const char* text : s.case_sensitive) {
      const v1::EntityName* n = name(text);
      ASSERT_NE(n, nullptr) << s.id << " lacks the name \"" << text << "\"";
      EXPECT_TRUE(n->case_sensitive()) << s.id << ": \"" << text << "\" must be case_sensitive";
    }
  }
}

// Every seed article (id, it, hi, zh, fr) names NVIDIA, DeepSeek, Jensen Huang and R1 by at
// least one full name of each, as folded text.
TEST_F(GazetteerDataTest, EverySeedArticleNamesTheCoreEntities) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(kSeedsDir, ec)) {
    GTEST_SKIP() << "seed articles not found at " << kSeedsDir;
  }
  std::vector<fs::path> articles;
  for (const fs::directory_entry& f : fs::directory_iterator(kSeedsDir, ec)) {
    if (f.path().extension() == ".txt") articles.push_back(f.path());
  }
  std::sort(articles.begin(), articles.end());
  ASSERT_FALSE(articles.empty()) << "no .txt articles in " << kSeedsDir;
  for (const fs::path& path : articles) {
    const std::string folded = Folded(ReadFile(path.string()));
    for (const char* id : {"nvidia", "deepseek", "jensen_huang", "r1"}) {
      const v1::Entity* e = Find(id);
      ASSERT_NE(e, nullptr) << id;
      std::vector<std::string> found;
      for (const v1::EntityName& n : e->name()) {
        if (!n.short_() && folded.find(Folded(n.text())) != std::string::npos) {
          found.push_back(n.text());
        }
      }
      EXPECT_FALSE(found.empty()) << path.filename() << " names " << id << " by no full name";
    }
  }
}

// LinkedIds: the canonical ids the engine links in `text`, in text order (unknown names
// left out), with this gazetteer.
std::vector<std::string> LinkedIds(const Gazetteer& gazetteer, const std::string& lang,
                                   const std::string& text) {
  EntityRecognizer recognizer(&gazetteer, lang);
  PhraseMatcherBuilder builder;
  recognizer.RegisterPhrases(&builder);
  std::unique_ptr<PhraseMatcher> matcher = builder.Build();
  absl::StatusOr<NormalizedText> normalized = Normalize(text);
  EXPECT_TRUE(normalized.ok()) << normalized.status();
  if (!normalized.ok()) return {};
  auto splitter = SentenceSplitter::Create(lang);
  EXPECT_TRUE(splitter.ok()) << splitter.status();
  if (!splitter.ok()) return {};
  const std::vector<uint32_t>& to_original = normalized->to_original;
  auto to_normalized = [&](uint32_t original) {
    return static_cast<uint32_t>(
        std::lower_bound(to_original.begin(), to_original.end() - 1, original) -
        to_original.begin());
  };
  std::vector<NormalizedRange> sentences;
  for (const SentenceSpan& s : (*splitter)->Split(text)) {
    sentences.push_back({to_normalized(s.begin), to_normalized(s.end)});
  }
  std::vector<std::string> ids;
  for (const auto& sentence :
       recognizer.Find(*normalized, sentences, matcher->FindAll(normalized->text), false)) {
    for (const EntityMention& m : sentence) {
      if (!m.ref.entity().empty()) ids.push_back(m.ref.entity());
    }
  }
  return ids;
}

struct LinkCase {
  const char* lang;
  const char* text;
  std::vector<std::string> ids;
};

// Sentences written for this test, one or more per language the gazetteer spells for.
TEST_F(GazetteerDataTest, LinksNamesInEveryLanguage) {
  auto g = Gazetteer::Create(*data_, kGazetteerPath);
  ASSERT_TRUE(g.ok()) << g.status();
  const std::vector<LinkCase> cases = {
      {"id",
       "Saham Nvidia anjlok setelah DeepSeek merilis model R1.",
       {"nvidia", "deepseek", "r1"}},
      {"it",
       "Il titolo Meta ha seguito il FTSE MIB dopo le parole di Jensen Huang.",
       {"meta", "ftse_mib", "jensen_huang"}},
      {"fr", "Le titre d'Apple a reculé, selon Les Echos.", {"apple", "les_echos"}},
      {"es", "Las acciones de Tesla subieron en el Nasdaq.", {"tesla", "nasdaq_composite"}},
      {"de",
       "Die Aktie von SAP fiel im DAX, berichtete das Handelsblatt.",
       {"sap", "dax", "handelsblatt"}},
      {"pt", "A Petrobras e o Ibovespa recuaram.", {"petrobras", "ibovespa"}},
      {"en",
       "Microsoft and OpenAI shares tracked the S&P 500, Reuters reported.",
       {"microsoft", "openai", "sp_500", "reuters"}},
      {"zh",
       "英伟达股价下跌，黄仁勋表示纳斯达克的反应过度。黄还提到了台积电。",
       {"nvidia", "jensen_huang", "nasdaq_composite", "jensen_huang", "tsmc"}},
      {"zh-Hant", "輝達與台積電的股價同步上漲。", {"nvidia", "tsmc"}},
      {"ja",
       "ソフトバンクグループの孫正義氏は日経平均の下落について語った。",
       {"softbank_group", "masayoshi_son", "nikkei_225"}},
      {"ko", "삼성전자 주가가 코스피 지수 하락에 영향을 받았다.", {"samsung_electronics", "kospi"}},
      {"hi", "एनवीडिया के शेयर गिरे और सेंसेक्स भी नीचे आया।", {"nvidia", "sensex"}},
  };
  for (const LinkCase& c : cases) {
    EXPECT_EQ(LinkedIds(**g, c.lang, c.text), c.ids) << c.lang << ": " << c.text;
  }
}

// Everyday words that are also names: lower case where the name is case-sensitive, and
// Chinese strings that contain a short name inside other words.
TEST_F(GazetteerDataTest, EverydayWordsLinkNothing) {
  auto g = Gazetteer::Create(*data_, kGazetteerPath);
  ASSERT_TRUE(g.ok()) << g.status();
  const std::vector<LinkCase> cases = {
      {"it", "La meta del viaggio era lontana, ma i generali erano pronti.", {}},
      {"fr", "Il a fait fortune dans le commerce ; le mistral soufflait sur la roche.", {}},
      {"fr", "Le monde entier parlait des échos de la crise.", {}},
      {"es", "La llama de la vela se apagó y el país siguió con su meta.", {}},
      {"en", "She ate an apple, checked her visa, and read the information twice.", {}},
      {"en", "The tesla is a unit; a chevron is a stripe; adobe is a brick.", {}},
      {"id", "Arah kompas menunjukkan utara, dan usaha itu berdiri mandiri.", {}},
      {"zh", "报道指出，公司将努力拓展业务，加强生产管理，提高通信效率。", {}},
      {"zh", "北京东城区的新店引起亚洲游客关注，三星级酒店也满了。", {}},
  };
  for (const LinkCase& c : cases) {
    EXPECT_EQ(LinkedIds(**g, c.lang, c.text), c.ids) << c.lang << ": " << c.text;
  }
}

}  // namespace
}  // namespace claimline::extract

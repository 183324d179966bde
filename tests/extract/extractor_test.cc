#include "extract/extractor.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include "extract/claim_json.h"
#include "gtest/gtest.h"

namespace claimline::extract {
namespace {

namespace fs = std::filesystem;

void WriteFile(const fs::path& path, const std::string& bytes) {
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

bool IsCharBoundary(const std::string& s, size_t i) {
  return i == s.size() || (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
}

// A small data folder written for these tests: one kind, one entity, English triggers.
class ExtractorDirTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    // gtest_discover_tests runs every test in its own process, and ctest -j runs them at
    // the same time: each process needs its own folder, or one wipes another's data.
    dir_ = new fs::path(fs::path(::testing::TempDir()) /
                        ("extractor_test_lang." + std::to_string(::getpid())));
    fs::remove_all(*dir_);
    WriteFile(*dir_ / "kinds.textproto", R"pb(
      kind {
        name: "price_change"
        subject_type: ENTITY_TYPE_ORGANIZATION
        unit: UNIT_CLASS_PERCENT
        directional: true
      })pb");
    WriteFile(*dir_ / "entities.textproto", R"pb(
      entity {
        id: "acme_motors"
        type: ENTITY_TYPE_ORGANIZATION
        name { text: "Acme Motors" }
      })pb");
    WriteFile(*dir_ / "en/lexicon.textproto", R"pb(
      lang: "en"
      trigger { kind: "price_change" phrase: "shares" }
      direction { phrase: "fell" direction: DIRECTION_DOWN }
    )pb");
    WriteFile(*dir_ / "en/values.textproto", "language: \"en\"\n");
    ExtractorOptions options;
    options.lexicon_dir = dir_->string();
    auto e = Extractor::Create(options);
    ASSERT_TRUE(e.ok()) << e.status();
    extractor_ = e->release();
  }
  static void TearDownTestSuite() {
    delete extractor_;
    fs::remove_all(*dir_);
    delete dir_;
  }

  static absl::StatusOr<std::vector<v1::Claim>> Run(const std::string& text,
                                                    const std::string& lang = "en",
                                                    bool explain = false) {
    ExtractRequest r;
    r.text = text;
    r.language = lang;
    r.published = absl::CivilDay(2025, 2, 21);
    r.explain = explain;
    return extractor_->Extract(r);
  }

  static fs::path* dir_;
  static Extractor* extractor_;
};

fs::path* ExtractorDirTest::dir_ = nullptr;
Extractor* ExtractorDirTest::extractor_ = nullptr;

TEST_F(ExtractorDirTest, ExtractsADatedClaimEndToEnd) {
  const std::string text = "Markets were calm.\nAcme Motors shares fell 5% on Monday.";
  auto claims = Run(text, "en-US", /*explain=*/true);
  ASSERT_TRUE(claims.ok()) << claims.status();
  ASSERT_EQ(claims->size(), 1u) << ClaimsToJson(*claims);
  const v1::Claim& c = (*claims)[0];
  EXPECT_EQ(c.kind(), "price_change");
  EXPECT_EQ(c.subject().entity(), "acme_motors");
  EXPECT_EQ(c.subject().text(), "Acme Motors");
  EXPECT_EQ(c.direction(), v1::DIRECTION_DOWN);
  EXPECT_EQ(c.quantity().unit(), "percent");
  EXPECT_EQ(c.quantity().low(), 5);
  EXPECT_EQ(c.quantity().high(), 5);
  EXPECT_EQ(c.when().from(), "2025-02-17");  // the Monday before Friday 21 February
  EXPECT_EQ(c.when().to(), "2025-02-17");
  EXPECT_EQ(text.substr(c.evidence().begin(), c.evidence().end() - c.evidence().begin()),
            "Acme Motors shares fell 5% on Monday.");
  EXPECT_FALSE(c.explain().empty());
}

TEST_F(ExtractorDirTest, UnsupportedLanguageListsTheSupportedOnes) {
  auto claims = Run("Les actions ont baissé.", "fr");
  ASSERT_FALSE(claims.ok());
  EXPECT_EQ(claims.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(claims.status().message(), "unsupported language \"fr\"; supported: en");
}

TEST_F(ExtractorDirTest, InvalidUtf8IsRejectedWithItsOffset) {
  auto claims = Run(std::string("Acme \xE2\x82 shares"));
  ASSERT_FALSE(claims.ok());
  EXPECT_EQ(claims.status().message(), "invalid UTF-8 at byte 5");
}

TEST_F(ExtractorDirTest, IdentityFollowsTheData) {
  v1::Extractor info = Extractor::Info();
  v1::Extractor mine = extractor_->Identity();
  EXPECT_EQ(info.name(), "claimline-extract");
  EXPECT_EQ(mine.name(), "claimline-extract");
  EXPECT_FALSE(info.version().empty());
  EXPECT_NE(info.version(), mine.version());  // other data, other version
  EXPECT_EQ(extractor_->Languages(), std::vector<std::string>{"en"});
}

TEST_F(ExtractorDirTest, ArbitraryInputNeverCrashes) {
  std::mt19937 rng(7);
  const std::vector<std::string> pieces = {
      "Acme Motors", " shares", " fell",  " 5%",    " Monday", "\n", ".",   "  ", "9",
      "é",           "股",      "\u00A0", "\u200B", "-",       "%%", "5,5", "..."};
  for (int round = 0; round < 300; ++round) {
    std::string text;
    int n = static_cast<int>(rng() % 40);
    for (int i = 0; i < n; ++i) text += pieces[rng() % pieces.size()];
    auto claims = Run(text);
    ASSERT_TRUE(claims.ok()) << claims.status();
    for (const v1::Claim& c : *claims) {
      EXPECT_LE(c.evidence().begin(), c.evidence().end());
      EXPECT_LE(c.evidence().end(), text.size());
      EXPECT_TRUE(IsCharBoundary(text, c.evidence().begin()));
      EXPECT_TRUE(IsCharBoundary(text, c.evidence().end()));
    }
    // Random bytes: either rejected as invalid UTF-8 or extracted.
    std::string bytes;
    for (int i = 0; i < n * 3; ++i) bytes.push_back(static_cast<char>(rng() & 0xFF));
    auto any = Run(bytes);
    if (!any.ok()) EXPECT_EQ(any.status().code(), absl::StatusCode::kInvalidArgument);
  }
}

// The compiled-in data: every language builds, and every seed article extracts with
// offsets that point into it.
TEST(ExtractorEmbeddedTest, SeedArticlesExtractWithValidOffsets) {
  auto extractor = Extractor::Create({});
  ASSERT_TRUE(extractor.ok()) << extractor.status();
  const fs::path seeds = fs::path(CLAIMLINE_SHARED_DIR) / "seeds";
  if (!fs::exists(seeds / "gold.json")) GTEST_SKIP() << "no seeds at " << seeds;
  const std::vector<std::pair<std::string, std::string>> articles = {
      {"000_a0ec09f5bb8ae099.txt", "id"},
      {"001_58443a927f2ee86a.txt", "it"},
      {"002_feefa2e3834a282d.txt", "hi"},
      {"003_61ec448298716ef9.txt", "zh"},
      {"004_48ae6fd31cb51ac8.txt", "fr"}};
  for (const auto& [file, lang] : articles) {
    std::ifstream in(seeds / file, std::ios::binary);
    if (!in) continue;
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string text = ss.str();
    ExtractRequest r;
    r.text = text;
    r.language = lang;
    r.published = absl::CivilDay(2025, 2, 21);
    r.explain = true;
    auto claims = (*extractor)->Extract(r);
    ASSERT_TRUE(claims.ok()) << file << ": " << claims.status();
    EXPECT_FALSE(claims->empty()) << file;
    for (const v1::Claim& c : *claims) {
      EXPECT_LT(c.evidence().begin(), c.evidence().end()) << file;
      EXPECT_LE(c.evidence().end(), text.size()) << file;
      EXPECT_TRUE(IsCharBoundary(text, c.evidence().begin())) << file;
      EXPECT_TRUE(IsCharBoundary(text, c.evidence().end())) << file;
    }
  }
}

}  // namespace
}  // namespace claimline::extract

#include "extract/lexicon_loader.h"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "gtest/gtest.h"

namespace claimline::extract {
namespace {

namespace fs = std::filesystem;

void WriteFile(const fs::path& path, const std::string& bytes) {
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

class LexiconDirTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(::testing::TempDir()) /
           ("lexicon_loader_" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
    WriteFile(dir_ / "kinds.textproto", "kind { name: \"release\" }\n");
    WriteFile(dir_ / "entities.textproto",
              "entity { id: \"acme\" type: ENTITY_TYPE_ORGANIZATION name { text: \"Acme\" } }\n");
    WriteFile(dir_ / "xx/lexicon.textproto",
              "lang: \"xx\"\ntrigger { phrase: \"launched\" kind: \"release\" }\n");
    WriteFile(dir_ / "xx/values.textproto", "language: \"xx\"\n");
    WriteFile(dir_ / "xx-Yyyy/lexicon.textproto",
              "trigger { phrase: \"unveiled\" kind: \"release\" }\n");
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path dir_;
};

TEST_F(LexiconDirTest, LoadsMergesAndInherits) {
  auto source = LangSource::Directory(dir_.string());
  ASSERT_TRUE(source.ok()) << source.status();
  EXPECT_FALSE(source->embedded());
  std::vector<std::string> expect_tags = {"xx", "xx-Yyyy"};
  EXPECT_EQ(LanguageTags(*source), expect_tags);

  auto child = LoadLanguage(*source, "xx-Yyyy");
  ASSERT_TRUE(child.ok()) << child.status();
  EXPECT_EQ(child->claims.lang(), "xx-Yyyy");
  ASSERT_EQ(child->claims.kind_size(), 1);
  ASSERT_EQ(child->claims.trigger_size(), 2);  // the parent's and its own
  EXPECT_EQ(child->claims_source, dir_.string() + "/xx-Yyyy/lexicon.textproto");

  auto gazetteer = LoadGazetteer(*source);
  ASSERT_TRUE(gazetteer.ok());
  EXPECT_EQ(gazetteer->entity_size(), 1);

  EXPECT_EQ(LoadLanguage(*source, "qq").status().code(), absl::StatusCode::kNotFound);
}

TEST_F(LexiconDirTest, SyntaxErrorsNameFileLineAndColumn) {
  WriteFile(dir_ / "xx/lexicon.textproto", "lang: \"xx\"\ntrigger { phrase: \"a\" kind: }\n");
  auto source = LangSource::Directory(dir_.string());
  ASSERT_TRUE(source.ok());
  auto data = LoadLanguage(*source, "xx");
  ASSERT_FALSE(data.ok());
  EXPECT_EQ(data.status().code(), absl::StatusCode::kInvalidArgument);
  const std::string prefix = dir_.string() + "/xx/lexicon.textproto:2:";
  EXPECT_EQ(std::string(data.status().message()).substr(0, prefix.size()), prefix) << data.status();
}

TEST_F(LexiconDirTest, InheritanceCycleIsAnError) {
  WriteFile(dir_ / "xx/lexicon.textproto", "inherits: \"xx-Yyyy\"\n");
  WriteFile(dir_ / "xx-Yyyy/lexicon.textproto", "inherits: \"xx\"\n");
  auto source = LangSource::Directory(dir_.string());
  ASSERT_TRUE(source.ok());
  EXPECT_EQ(LoadLanguage(*source, "xx").status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(LangSourceTest, MissingDirectory) {
  EXPECT_EQ(LangSource::Directory("/nonexistent/lexicons").status().code(),
            absl::StatusCode::kNotFound);
}

TEST(LangSourceTest, EmbeddedCopyMatchesTheTree) {
  LangSource embedded = LangSource::Embedded();
  EXPECT_TRUE(embedded.embedded());
  auto disk = LangSource::Directory(CLAIMLINE_LANG_DIR);
  ASSERT_TRUE(disk.ok());
  ASSERT_EQ(embedded.Files().size(), disk->Files().size());
  for (size_t i = 0; i < embedded.Files().size(); ++i) {
    EXPECT_EQ(embedded.Files()[i].path, disk->Files()[i].path);
    EXPECT_TRUE(embedded.Files()[i].data == disk->Files()[i].data) << embedded.Files()[i].path;
  }
  EXPECT_EQ(embedded.Digest(), disk->Digest());
  EXPECT_EQ(embedded.DisplayPath("fr/lexicon.textproto"), "extract/lang/fr/lexicon.textproto");
}

TEST(ParseTextProtoTest, ReportsOneBasedPositions) {
  auto g = ParseTextProto<v1::Gazetteer>("entity {\n  id: 3x\n}\n", "e.textproto");
  ASSERT_FALSE(g.ok());
  EXPECT_EQ(std::string(g.status().message()).substr(0, 14), "e.textproto:2:");
  auto ok = ParseTextProto<v1::Gazetteer>("entity { id: \"a\" }", "e.textproto");
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->entity(0).id(), "a");
}

TEST(MatchLanguageTagTest, MapsRegionsScriptsAndLegacyCodes) {
  const std::vector<std::string> available = {"en", "fr", "hi", "id", "it", "pt", "zh", "zh-Hant"};
  auto match = [&](const char* tag) { return MatchLanguageTag(tag, available).value_or("-"); };
  EXPECT_EQ(match("fr"), "fr");
  EXPECT_EQ(match("FR-ca"), "fr");
  EXPECT_EQ(match("en_GB"), "en");
  EXPECT_EQ(match("pt-BR"), "pt");
  EXPECT_EQ(match("in"), "id");
  EXPECT_EQ(match("zh-CN"), "zh");
  EXPECT_EQ(match("zh-Hans"), "zh");
  EXPECT_EQ(match("zh-Hans-SG"), "zh");
  EXPECT_EQ(match("zh-TW"), "zh-Hant");
  EXPECT_EQ(match("zh-hant-hk"), "zh-Hant");
  EXPECT_EQ(match("zh-HK"), "zh-Hant");
  EXPECT_EQ(match("de"), "-");
  EXPECT_EQ(match(""), "-");
  EXPECT_EQ(MatchLanguageTag("zh-TW", {"zh"}).value_or("-"), "zh");
}

}  // namespace
}  // namespace claimline::extract

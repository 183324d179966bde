#include "extract/gazetteer.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "google/protobuf/text_format.h"
#include "gtest/gtest.h"

namespace claimline::extract {
namespace {

using ::testing::ElementsAre;

// A tiny gazetteer written for these tests.
constexpr char kData[] = R"pb(
  entity {
    id: "acme_motors"
    type: ENTITY_TYPE_ORGANIZATION
    name { text: "Acme Motors" }
    name { text: "Acme" short: true }
    name { text: "艾克美" lang: "zh" }
  }
  entity {
    id: "li_wei"
    type: ENTITY_TYPE_PERSON
    name { text: "李伟" lang: "zh" }
    name { text: "Wei Li" lang: "en" }
    affiliation: "acme_motors"
  }
  entity {
    id: "pear"
    type: ENTITY_TYPE_ORGANIZATION
    name { text: "Pear" case_sensitive: true }
  }
  entity {
    id: "zurich_bank"
    type: ENTITY_TYPE_ORGANIZATION
    name { text: "Zürich Bank" }
  }
)pb";

std::unique_ptr<Gazetteer> Load(const std::string& text) {
  v1::Gazetteer data;
  EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(text, &data));
  auto g = Gazetteer::Create(data, "test.textproto");
  EXPECT_TRUE(g.ok()) << g.status();
  return g.ok() ? std::move(*g) : nullptr;
}

TEST(GazetteerKeyTest, TransliteratesToOneKey) {
  EXPECT_EQ(Gazetteer::Key("Li Wei"), "liwei");
  EXPECT_EQ(Gazetteer::Key("李伟"), "liwei");
  EXPECT_EQ(Gazetteer::Key("Zürich-Bank"), "zurichbank");
  EXPECT_EQ(Gazetteer::Key("Łódź Straße"), "lodzstrasse");
  EXPECT_EQ(Gazetteer::Key("!!"), "");
}

TEST(GazetteerTest, ResolvesIdsNamesScriptsAndKeys) {
  auto g = Load(kData);
  ASSERT_NE(g, nullptr);
  EXPECT_THAT(g->Resolve("acme_motors"), ElementsAre("acme_motors"));
  EXPECT_THAT(g->Resolve("ACME MOTORS"), ElementsAre("acme_motors"));
  EXPECT_THAT(g->Resolve("艾克美"), ElementsAre("acme_motors"));
  EXPECT_THAT(g->Resolve("Acme"), ElementsAre("acme_motors"));  // short names resolve too
  // "Li Wei" is not a listed name, but its key meets 李伟's pinyin.
  EXPECT_THAT(g->Resolve("Li Wei"), ElementsAre("li_wei"));
  EXPECT_THAT(g->Resolve("zurich bank"), ElementsAre("zurich_bank"));
  EXPECT_TRUE(g->Resolve("Globex").empty());
  ASSERT_NE(g->Find("li_wei"), nullptr);
  EXPECT_EQ(g->Find("li_wei")->affiliation(), "acme_motors");
  EXPECT_EQ(g->Find("nobody"), nullptr);
}

TEST(GazetteerTest, SuggestsNearbyIds) {
  auto g = Load(kData);
  ASSERT_NE(g, nullptr);
  EXPECT_THAT(g->Suggest("Acme Motor", 3), ElementsAre("acme_motors"));
  EXPECT_TRUE(g->Suggest("completely different", 3).empty());
}

TEST(GazetteerTest, RejectsBadData) {
  v1::Gazetteer data;
  ASSERT_TRUE(google::protobuf::TextFormat::ParseFromString(R"pb(entity {
                                                                   id: "Bad Id"
                                                                   name { text: "x" }
                                                                 })pb",
                                                            &data));
  auto g = Gazetteer::Create(data, "e.textproto");
  ASSERT_FALSE(g.ok());
  EXPECT_EQ(g.status().message(),
            "e.textproto: entity 1 \"Bad Id\": id must be lower snake_case ASCII");

  ASSERT_TRUE(google::protobuf::TextFormat::ParseFromString(
      R"pb(entity {
             id: "a"
             name { text: "A" }
           }
           entity {
             id: "a"
             name { text: "B" }
           })pb",
      &data));
  EXPECT_FALSE(Gazetteer::Create(data, "e").ok());

  data.Clear();
  ASSERT_TRUE(google::protobuf::TextFormat::ParseFromString(R"pb(entity {
                                                                   id: "a"
                                                                   name { text: "A" }
                                                                   affiliation: "b"
                                                                 })pb",
                                                            &data));
  EXPECT_FALSE(Gazetteer::Create(data, "e").ok());

  data.Clear();
  ASSERT_TRUE(google::protobuf::TextFormat::ParseFromString(R"pb(entity { id: "a" })pb", &data));
  EXPECT_FALSE(Gazetteer::Create(data, "e").ok());
}

}  // namespace
}  // namespace claimline::extract

#include "projections/rules.h"

#include <fstream>
#include <sstream>
#include <string>

#include "gtest/gtest.h"

namespace claimline::projections {
namespace {

std::string ReadRulesFile(const std::string& name) {
  std::ifstream in(std::string(CLAIMLINE_SOURCE_DIR) + "/rules/" + name);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(RulesTest, TolerantExampleParsesAsWritten) {
  absl::StatusOr<v1::ProjectionRules> rules =
      ParseRules(ReadRulesFile("tolerant.textproto"), "tolerant.textproto");
  ASSERT_TRUE(rules.ok()) << rules.status();
  EXPECT_EQ(rules->name(), "tolerant");
  EXPECT_DOUBLE_EQ(rules->numeric_tolerance(), 0.05);
  const std::string ns = NamespaceFor(*rules);
  EXPECT_EQ(ns.substr(0, 9), "tolerant@");
  EXPECT_EQ(ns.size(), 17u);
  EXPECT_EQ(RulesNameOf(ns), "tolerant");
}

TEST(RulesTest, WithoutIdExampleExcludesIndonesian) {
  absl::StatusOr<v1::ProjectionRules> rules =
      ParseRules(ReadRulesFile("without-id.textproto"), "without-id.textproto");
  ASSERT_TRUE(rules.ok()) << rules.status();
  CompiledRules compiled(*rules);
  v1::Article id, it;
  id.set_language("id");
  it.set_language("it");
  EXPECT_FALSE(compiled.Includes(id));
  EXPECT_TRUE(compiled.Includes(it));
}

TEST(RulesTest, FullExampleParses) {
  absl::StatusOr<v1::ProjectionRules> rules =
      ParseRules(ReadRulesFile("full-example.textproto"), "full-example.textproto");
  ASSERT_TRUE(rules.ok()) << rules.status();
  EXPECT_EQ(rules->time_bucket(), v1::ProjectionRules::MONTH);
  EXPECT_EQ(rules->min_attestations(), 2u);
}

TEST(RulesTest, UnknownFieldIsReportedWithFileLineAndColumn) {
  absl::StatusOr<v1::ProjectionRules> rules =
      ParseRules("name: \"x\"\n# a comment\n    tolerence: 0.05\n", "rules.textproto");
  ASSERT_FALSE(rules.ok());
  EXPECT_EQ(rules.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(rules.status().message(),
            "rules.textproto:3:5: Message type \"claimline.v1.ProjectionRules\" has no field "
            "named \"tolerence\".");
}

TEST(RulesTest, BadValueIsReportedWithItsLine) {
  absl::StatusOr<v1::ProjectionRules> rules =
      ParseRules("name: \"x\"\ntime_bucket: FORTNIGHT\n", "r.textproto");
  ASSERT_FALSE(rules.ok());
  EXPECT_EQ(rules.status().message().substr(0, 14), "r.textproto:2:");
}

TEST(RulesTest, MissingOrMalformedNameIsRefused) {
  EXPECT_EQ(ParseRules("numeric_tolerance: 0.1\n", "r").status().message(),
            "r: name: missing (e.g. name: \"tolerant\")");
  EXPECT_FALSE(ParseRules("name: \"Has Space\"\n", "r").ok());
  EXPECT_FALSE(ParseRules("name: \"a@b\"\n", "r").ok());
}

TEST(RulesTest, ToleranceOutOfRangeIsRefused) {
  absl::StatusOr<v1::ProjectionRules> rules =
      ParseRules("name: \"x\"\nnumeric_tolerance: 1.5\n", "r");
  ASSERT_FALSE(rules.ok());
  EXPECT_EQ(rules.status().message(),
            "r: numeric_tolerance: 1.5 is not a relative tolerance in [0, 1)");
}

TEST(RulesTest, HashIgnoresCommentsSpacingAndFieldOrder) {
  absl::StatusOr<v1::ProjectionRules> a =
      ParseRules("name: \"t\"\nnumeric_tolerance: 0.05\nexclude_languages: \"id\"\n", "a");
  absl::StatusOr<v1::ProjectionRules> b = ParseRules(
      "# same rules\nexclude_languages: \"id\"   name:\"t\"\n\nnumeric_tolerance: 0.050\n", "b");
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(NamespaceFor(*a), NamespaceFor(*b));
  absl::StatusOr<v1::ProjectionRules> c = ParseRules("name: \"t\"\nnumeric_tolerance: 0.06\n", "c");
  ASSERT_TRUE(c.ok());
  EXPECT_NE(NamespaceFor(*a), NamespaceFor(*c));
}

TEST(RulesTest, DefaultRulesBuildTheDefaultNamespace) {
  EXPECT_EQ(NamespaceFor(DefaultRules()), "default");
  CompiledRules rules(DefaultRules());
  EXPECT_EQ(rules.bucket(), v1::ProjectionRules::MONTH);
  EXPECT_EQ(rules.tolerance(), 0);
  EXPECT_EQ(rules.min_attestations(), 1u);
  EXPECT_EQ(rules.undated_window_days(), 62);
}

TEST(RulesTest, FiltersMatchSourcesHostsAndLanguageSubtags) {
  v1::ProjectionRules r;
  r.set_name("f");
  r.add_exclude_hosts("example.com");
  r.add_exclude_sources("Daily Rumour");
  r.add_include_languages("zh");
  r.add_include_languages("fr");
  CompiledRules rules(r);
  v1::Article a;
  a.set_language("zh-Hant");
  a.set_url("https://news.fortune.com/x");
  EXPECT_TRUE(rules.Includes(a));
  a.set_url("https://www.news.example.com/x");
  EXPECT_FALSE(rules.Includes(a));
  a.set_url("https://notexample.com/x");
  EXPECT_TRUE(rules.Includes(a));
  a.set_source("daily rumour");
  EXPECT_FALSE(rules.Includes(a));
  a.set_source("other");
  a.set_language("it");
  EXPECT_FALSE(rules.Includes(a));
}

TEST(RulesTest, AliasesWinThenMergesApply) {
  v1::ProjectionRules r;
  r.set_name("a");
  v1::EntityAlias* alias = r.add_alias();
  alias->set_alias("Team Green");
  alias->set_entity("nvidia");
  v1::EntityMerge* merge = r.add_merge();
  merge->set_from("alphabet");
  merge->set_into("google");
  CompiledRules rules(r);
  v1::EntityRef ref;
  ref.set_text("TEAM  green");
  ref.set_entity("something_else");
  EXPECT_EQ(rules.CanonicalEntity(ref), "nvidia");
  v1::EntityRef alphabet;
  alphabet.set_entity("alphabet");
  EXPECT_EQ(rules.CanonicalEntity(alphabet), "google");
  v1::EntityRef unknown;
  unknown.set_text("Sundar Pichai");
  EXPECT_EQ(rules.CanonicalEntity(unknown), "sundar_pichai");
  EXPECT_EQ(rules.CanonicalEntity(v1::EntityRef()), "");
}

TEST(RulesTest, MergeCyclesStop) {
  v1::ProjectionRules r;
  r.set_name("c");
  auto* m1 = r.add_merge();
  m1->set_from("a");
  m1->set_into("b");
  auto* m2 = r.add_merge();
  m2->set_from("b");
  m2->set_into("a");
  CompiledRules rules(r);
  const std::string merged = rules.Merge("a");
  EXPECT_TRUE(merged == "a" || merged == "b");
}

TEST(RulesTest, KindMappingAndExclusion) {
  v1::ProjectionRules r;
  r.set_name("k");
  auto* k = r.add_kind_mapping();
  k->set_from("spending");
  k->set_to("cost");
  r.add_exclude_kinds("statement");
  CompiledRules rules(r);
  EXPECT_EQ(rules.MapKind("spending"), "cost");
  EXPECT_EQ(rules.MapKind("release"), "release");
  EXPECT_EQ(rules.MapKind("statement"), "");
}

}  // namespace
}  // namespace claimline::projections

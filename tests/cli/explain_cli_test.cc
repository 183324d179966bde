// Black-box tests of the two --explain commands on a database built from our own short
// sample texts: `claims ENTITY --explain` names the conflicting figures, their sources
// and the rule that separates them (and, under tolerant rules, why they agree);
// `extract --explain` names the alias that linked each entity.
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/cli/cli_runner.h"

namespace claimline::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class ExplainCli : public ::testing::Test {
 protected:
  void SetUp() override {
    WriteFile(dir_ / "a.txt", "NVIDIA shares fell 12% on 4 March 2025, traders said.\n");
    WriteFile(dir_ / "b.txt", "Nvidia shares dropped 15% on 4 March 2025 after the report.\n");
    WriteFile(dir_ / "c.txt", "On Tuesday, shares of NVIDIA fell 12%.\n");
    Append("a.txt", "alpha.example", "2025-03-05");
    Append("b.txt", "beta.example", "2025-03-06");
    Append("c.txt", "gamma.example", "2025-03-05");
  }

  void Append(const std::string& file, const std::string& source, const std::string& day) {
    RunResult r = RunClaimline({"--db", db(), "append", dir_ / file, "--lang", "en", "--source",
                                source, "--published", day});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    ASSERT_THAT(r.out, HasSubstr("1 claim")) << file;
  }

  std::string db() const { return dir_ / "db"; }

  TempDir dir_;
};

TEST_F(ExplainCli, ClaimsExplainNamesFiguresSourcesAndTheReason) {
  RunResult r = RunClaimline({"--db", db(), "claims", "nvidia", "--explain"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string& out = r.out;
  EXPECT_THAT(out, HasSubstr("Why: price change · NVIDIA · 4 Mar 2025  (conflict)"));
  // Each attestation: article, source, publication, figure, side; its trigger words,
  // its date and the alias that linked it.
  EXPECT_THAT(out, HasSubstr("article #2 · beta.example [en] · published 2025-03-06 · claim 0 · "
                             "↓ 15% · side 2"));
  EXPECT_THAT(out, HasSubstr("change word «dropped» → down"));
  EXPECT_THAT(out, HasSubstr("date: «4 March 2025» → 4 Mar 2025 (day 2025-03-04), a full date "
                             "in the text"));
  EXPECT_THAT(out, HasSubstr("date: «Tuesday» → 4 Mar 2025 (day 2025-03-04), relative to the "
                             "publication date 2025-03-05"));
  EXPECT_THAT(out, HasSubstr("subject: «Nvidia» → nvidia (NVIDIA): gazetteer name \"NVIDIA\", "
                             "case-folded"));
  // The verdict: the sides with their sources, and why they disagree.
  EXPECT_THAT(out, HasSubstr("side 1: ↓ 12% (alpha.example [en] #1, gamma.example [en] #3)"));
  EXPECT_THAT(out, HasSubstr("side 2: ↓ 15% (beta.example [en] #2)"));
  EXPECT_THAT(out, HasSubstr("side 1 against side 2: ↓ 12% and ↓ 15% are exact figures that "
                             "differ; with numeric_tolerance 0 exact figures agree only when "
                             "equal"));
}

TEST_F(ExplainCli, ClaimsExplainUnderTolerantRulesSaysWhyTheyAgree) {
  WriteFile(dir_ / "wide.textproto", "name: \"wide\"\nnumeric_tolerance: 0.2\n");
  RunResult replay = RunClaimline({"--db", db(), "replay", "--rules", dir_ / "wide.textproto"});
  ASSERT_EQ(replay.exit_code, 0) << replay.err;
  const std::string ns = replay.out.substr(0, replay.out.find('\n'));
  RunResult r = RunClaimline({"--db", db(), "claims", "nvidia", "--explain", "--projection", ns});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, Not(HasSubstr("(conflict)")));
  EXPECT_THAT(r.out, HasSubstr("no conflict: the figures can all be true together"));
  EXPECT_THAT(r.out, HasSubstr("↓ 12% [9.6%, 14.4%] and ↓ 15% [12%, 18%] overlap"));
  EXPECT_THAT(r.out, HasSubstr("numeric_tolerance 0.2"));
}

TEST_F(ExplainCli, ClaimsExplainInJson) {
  RunResult r = RunClaimline({"--db", db(), "claims", "nvidia", "--explain", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("\"explain\": [{\"cluster\": "));
  EXPECT_THAT(r.out, HasSubstr("\"conflict\": true"));
  EXPECT_THAT(r.out, HasSubstr("\"source\": \"beta.example\""));
  EXPECT_THAT(r.out, HasSubstr("\"figure\": \"↓ 15%\", \"side\": 2"));
  EXPECT_THAT(r.out, HasSubstr("are exact figures that differ"));
  // Still one JSON document ending with its closing brace.
  EXPECT_EQ(r.out.substr(r.out.size() - 2), "}\n");
}

TEST_F(ExplainCli, ClaimsWithoutExplainSayNoWhy) {
  RunResult r = RunClaimline({"--db", db(), "claims", "nvidia"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, Not(HasSubstr("Why:")));
}

TEST_F(ExplainCli, ExtractExplainNamesTheAliasThatLinked) {
  RunResult r = RunClaimline(
      {"extract", dir_ / "b.txt", "--lang", "en", "--published", "2025-03-06", "--explain"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("subject link: «Nvidia» → nvidia (NVIDIA): gazetteer name "
                               "\"NVIDIA\", case-folded"));
  RunResult json = RunClaimline({"extract", dir_ / "a.txt", "--lang", "en", "--published",
                                 "2025-03-05", "--explain", "--format", "json"});
  ASSERT_EQ(json.exit_code, 0) << json.err;
  EXPECT_THAT(json.out, HasSubstr("\"subject link: «NVIDIA» → nvidia (NVIDIA): gazetteer name "
                                  "\\\"NVIDIA\\\", exact\""));
  // Without --explain nothing is added.
  RunResult plain = RunClaimline(
      {"extract", dir_ / "a.txt", "--lang", "en", "--published", "2025-03-05", "--format", "json"});
  EXPECT_THAT(plain.out, Not(HasSubstr("link")));
}

TEST_F(ExplainCli, ExtractExplainNamesUnknownNames) {
  WriteFile(dir_ / "d.txt", "Shares of Corvina Motors fell 8% on 3 March 2025.\n");
  RunResult r = RunClaimline(
      {"extract", dir_ / "d.txt", "--lang", "en", "--published", "2025-03-05", "--explain"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("subject link: «Corvina Motors»: unknown name, not in the "
                               "gazetteer (key \"corvinamotors\")"));
}

}  // namespace
}  // namespace claimline::testing

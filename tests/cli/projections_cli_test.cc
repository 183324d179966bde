// Black-box tests of the projection commands: timeline, claims, conflicts, history,
// replay and projections, on the seed articles (each appended with --published
// 2025-02-21, as issue 4's acceptance case says). Skipped when ../shared/seeds is absent.
#include <algorithm>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/cli/cli_runner.h"

namespace claimline::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

std::vector<std::string> SeedFiles() {
  std::vector<std::string> files;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(SeedsDir(), ec)) {
    if (e.path().extension() == ".txt") files.push_back(e.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

size_t Count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// One database with the five seeds, built once; tests that change it work on a copy.
class ProjectionCommands : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (SeedFiles().size() != 5) return;
    seeded_ = new TempDir();
    std::vector<std::string> args = {"--db", *seeded_ / "db", "append", "--published",
                                     "2025-02-21"};
    for (const std::string& f : SeedFiles()) args.push_back(f);
    RunResult r = RunClaimline(args);
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  static void TearDownTestSuite() {
    delete seeded_;
    seeded_ = nullptr;
  }
  void SetUp() override {
    if (seeded_ == nullptr) GTEST_SKIP() << "no seeds at " << SeedsDir();
  }
  static std::string seeded() { return *seeded_ / "db"; }
  // Copy: a private copy of the seeded database.
  std::string Copy() {
    const std::string dir = own_ / "db";
    std::filesystem::copy(seeded(), dir, std::filesystem::copy_options::recursive);
    return dir;
  }
  std::string Rules(const std::string& name) const { return ExamplesDir() + "/../rules/" + name; }

  static TempDir* seeded_;
  TempDir own_;
};

TempDir* ProjectionCommands::seeded_ = nullptr;

TEST_F(ProjectionCommands, ConflictsJsonHasExactlyTheTwoSeedConflicts) {
  RunResult r = RunClaimline({"--db", seeded(), "conflicts", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Count(r.out, "{\"entry\": "), 2u) << r.out;
  EXPECT_THAT(r.out, HasSubstr("\"kind\": \"market_value_change\", \"subject\": \"nvidia\""));
  EXPECT_THAT(r.out, HasSubstr("\"kind\": \"net_worth_change\", \"subject\": \"jensen_huang\""));
  EXPECT_THAT(r.out, Not(HasSubstr("\"kind\": \"price_change\"")));
  EXPECT_THAT(r.out, Not(HasSubstr("\"kind\": \"release\"")));
}

TEST_F(ProjectionCommands, ConflictsTextShowsTheSidesWithTheirLanguages) {
  RunResult r = RunClaimline({"--db", seeded(), "conflicts"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("2 conflicts · projection default"));
  EXPECT_THAT(r.out, HasSubstr("[fr, hi, it]  ≠  ↓ $10B–$100B [id]"));
  EXPECT_THAT(r.out, HasSubstr("↓ > 20% [fr, it]  ≠  ↓ ~18%–20% [zh]"));
  r = RunClaimline({"--db", seeded(), "conflicts", "--entity", "黄仁勋"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("1 conflict · projection default"));
  r = RunClaimline({"--db", seeded(), "conflicts", "--kind", "release"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.out, HasSubstr("0 conflicts"));
}

TEST_F(ProjectionCommands, TimelineInAnyScriptListsTheSelloffThenTheCall) {
  for (const char* name : {"nvidia", "NVIDIA", "英伟达"}) {
    RunResult r = RunClaimline({"--db", seeded(), "timeline", name});
    ASSERT_EQ(r.exit_code, 0) << name << ": " << r.err;
    const size_t price = r.out.find("Jan 2025     price change");
    const size_t value = r.out.find("Jan 2025     market value change");
    const size_t call = r.out.find("26 Feb 2025  earnings call (expected)");
    ASSERT_NE(price, std::string::npos) << r.out;
    ASSERT_NE(value, std::string::npos) << r.out;
    ASSERT_NE(call, std::string::npos) << r.out;
    EXPECT_LT(std::max(price, value), call);
    EXPECT_THAT(r.out, HasSubstr("↓ 16.9%"));
    EXPECT_THAT(r.out, HasSubstr("CONFLICT"));
  }
}

TEST_F(ProjectionCommands, TimelineOfDeepseekHasTheJanuaryRelease) {
  RunResult r = RunClaimline({"--db", seeded(), "timeline", "deepseek"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("Jan 2025"));
  EXPECT_THAT(r.out, HasSubstr("release →"));
  EXPECT_THAT(r.out, HasSubstr("5 articles"));
}

TEST_F(ProjectionCommands, PersonFoundByEveryName) {
  for (const char* name : {"Jensen Huang", "Huang Renxun", "黄仁勋", "jensen_huang"}) {
    RunResult r = RunClaimline({"--db", seeded(), "timeline", name});
    EXPECT_EQ(r.exit_code, 0) << name << ": " << r.err;
    EXPECT_THAT(r.out, HasSubstr("(jensen_huang) — timeline")) << name;
  }
}

TEST_F(ProjectionCommands, UnknownEntityGetsSuggestionsAndExitsOne) {
  RunResult r = RunClaimline({"--db", seeded(), "timeline", "nvdia"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_THAT(r.err, HasSubstr("claimline timeline: no entity \"nvdia\"; did you mean: nvidia"));
}

TEST_F(ProjectionCommands, TimelineJsonAndTimelineJs) {
  RunResult r = RunClaimline({"--db", seeded(), "timeline", "nvidia", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("{\"projection\": \"default\", \"as_of\": null, \"entity\": "
                               "\"nvidia\", \"entries\": ["));
  EXPECT_EQ(Count(r.out, "\"cluster\": "), 3u);
  r = RunClaimline({"--db", seeded(), "timeline", "nvidia", "--format", "timelinejs"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("{\"title\": {\"text\": {\"headline\": \"NVIDIA\""));
  EXPECT_THAT(r.out, HasSubstr("\"start_date\": {\"year\": 2025, \"month\": 2, \"day\": 26}"));
  EXPECT_THAT(r.out, HasSubstr("\"start_date\": {\"year\": 2025, \"month\": 1}"));
  EXPECT_EQ(Count(r.out, "\"unique_id\""), 3u);
}

TEST_F(ProjectionCommands, TimelineFromToAndKind) {
  RunResult r = RunClaimline({"--db", seeded(), "timeline", "nvidia", "--from", "2025-02"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("earnings call"));
  EXPECT_THAT(r.out, Not(HasSubstr("price change")));
  r = RunClaimline({"--db", seeded(), "timeline", "nvidia", "--to", "2025-01"});
  EXPECT_THAT(r.out, Not(HasSubstr("earnings call")));
  r = RunClaimline({"--db", seeded(), "timeline", "nvidia", "--kind", "price_change"});
  EXPECT_THAT(r.out, HasSubstr("1 entry"));
  r = RunClaimline({"--db", seeded(), "timeline", "nvidia", "--from", "someday"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("--from: \"someday\" is not a date"));
}

TEST_F(ProjectionCommands, AsOfShowsOnlyWhatWasPublishedOrRecordedBy) {
  const std::vector<std::string> seeds = SeedFiles();
  const std::string db = own_ / "asof";
  // The Indonesian seed early, the Hindi one on the 21st.
  ASSERT_EQ(RunClaimline({"--db", db, "append", "--published", "2025-01-30", seeds[0]}).exit_code,
            0);
  ASSERT_EQ(RunClaimline({"--db", db, "append", "--published", "2025-02-21", seeds[2]}).exit_code,
            0);
  RunResult now = RunClaimline({"--db", db, "timeline", "nvidia"});
  ASSERT_EQ(now.exit_code, 0) << now.err;
  EXPECT_THAT(now.out, HasSubstr("2 articles"));
  for (const char* as_of : {"2025-02-01", "#1"}) {
    RunResult then = RunClaimline({"--db", db, "timeline", "nvidia", "--as-of", as_of});
    ASSERT_EQ(then.exit_code, 0) << then.err;
    EXPECT_THAT(then.out, Not(HasSubstr("2 articles"))) << as_of;
    EXPECT_THAT(then.out, HasSubstr("[id]")) << as_of;
    EXPECT_THAT(then.out, Not(HasSubstr("[hi]"))) << as_of;
  }
  RunResult before = RunClaimline({"--db", db, "timeline", "nvidia", "--as-of", "2025-01-01"});
  EXPECT_EQ(before.exit_code, 1);
  RunResult bad = RunClaimline({"--db", db, "timeline", "nvidia", "--as-of", "yesterday"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_THAT(bad.err, HasSubstr("--as-of: \"yesterday\" is neither a date"));
}

TEST_F(ProjectionCommands, ClaimsShowEveryAttestationWithItsFigureAsWritten) {
  RunResult r =
      RunClaimline({"--db", seeded(), "claims", "nvidia", "--kind", "market_value_change"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("AS WRITTEN"));
  EXPECT_THAT(r.out, HasSubstr("\"600 miliardi di $\""));
  EXPECT_THAT(r.out, HasSubstr("\"600 milliards de dollars\""));
  r = RunClaimline({"--db", seeded(), "claims", "nvidia", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("\"attestations\": [{\"article\": "));
  EXPECT_THAT(r.out, HasSubstr("\"evidence_text\": "));
  r = RunClaimline({"--db", seeded(), "claims", "nvidia", "--kind", "no_such_kind"});
  EXPECT_EQ(r.exit_code, 1);
}

TEST_F(ProjectionCommands, HistoryListsAttestationsInPublicationOrder) {
  RunResult r =
      RunClaimline({"--db", seeded(), "history", "nvidia", "--kind", "market_value_change"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("history · 1 cluster"));
  EXPECT_EQ(Count(r.out, "21 Feb 2025"), 4u);
  EXPECT_THAT(r.out, HasSubstr("← changed"));
  r = RunClaimline({"--db", seeded(), "history", "nvidia"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("--kind is required"));
}

TEST_F(ProjectionCommands, ReplayTolerantRemovesOnlyTheWealthConflict) {
  const std::string db = Copy();
  RunResult r = RunClaimline({"--db", db, "replay", "--rules", Rules("tolerant.textproto")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, ::testing::StartsWith("tolerant@"));
  EXPECT_THAT(r.err, HasSubstr("replayed 5 events into tolerant@"));
  r = RunClaimline({"--db", db, "conflicts", "--projection", "tolerant", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Count(r.out, "{\"entry\": "), 1u);
  EXPECT_THAT(r.out, HasSubstr("\"kind\": \"market_value_change\""));
  // The default projection still answers as before.
  r = RunClaimline({"--db", db, "conflicts", "--format", "json"});
  EXPECT_EQ(Count(r.out, "{\"entry\": "), 2u);
  r = RunClaimline({"--db", db, "projections", "diff", "default", "tolerant"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("timeline entries: 0"));
  EXPECT_THAT(r.out, HasSubstr("conflicts: 1\n- ~ Feb 2025 · net worth change · Jensen Huang  "
                               "(conflict in default only)"));
  // Replaying the same rules again builds nothing.
  r = RunClaimline({"--db", db, "replay", "--rules", Rules("tolerant.textproto")});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_THAT(r.err, HasSubstr("already built"));
}

TEST_F(ProjectionCommands, ReplayWithoutIndonesianRemovesTheMarketValueConflict) {
  const std::string db = Copy();
  RunResult r =
      RunClaimline({"--db", db, "replay", "--rules", Rules("without-id.textproto"), "--activate"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = RunClaimline({"--db", db, "conflicts", "--format", "json"});  // the active one now
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Count(r.out, "{\"entry\": "), 1u);
  EXPECT_THAT(r.out, HasSubstr("\"kind\": \"net_worth_change\""));
  EXPECT_THAT(r.out, HasSubstr("\"projection\": \"without-id@"));
}

TEST_F(ProjectionCommands, ReplayRefusesAMalformedRulesFileWithItsLine) {
  const std::string rules = own_ / "bad.textproto";
  WriteFile(rules, "name: \"bad\"\ntolerence: 0.05\n");
  RunResult r = RunClaimline({"--db", seeded(), "replay", "--rules", rules});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr(rules + ":2:1: Message type \"claimline.v1.ProjectionRules\" has "
                                       "no field named \"tolerence\"."));
  r = RunClaimline({"--db", seeded(), "replay"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("--rules FILE is required"));
}

TEST_F(ProjectionCommands, ProjectionsListActivateDrop) {
  const std::string db = Copy();
  ASSERT_EQ(RunClaimline({"--db", db, "replay", "--rules", Rules("tolerant.textproto")}).exit_code,
            0);
  RunResult r = RunClaimline({"--db", db, "projections", "list"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("*  default"));
  EXPECT_THAT(r.out, HasSubstr("tolerance 0.05"));
  ASSERT_EQ(RunClaimline({"--db", db, "projections", "activate", "tolerant"}).exit_code, 0);
  r = RunClaimline({"--db", db, "projections", "list", "--format", "json"});
  EXPECT_THAT(r.out, HasSubstr("\"rules_name\": \"tolerant\""));
  EXPECT_THAT(r.out, HasSubstr("\"active\": true"));
  r = RunClaimline({"--db", db, "projections", "drop", "tolerant"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("is active; activate another first"));
  ASSERT_EQ(RunClaimline({"--db", db, "projections", "activate", "default"}).exit_code, 0);
  ASSERT_EQ(RunClaimline({"--db", db, "projections", "drop", "tolerant"}).exit_code, 0);
  r = RunClaimline({"--db", db, "conflicts", "--projection", "tolerant"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("no projection \"tolerant\""));
  r = RunClaimline({"--db", db, "projections", "frobnicate"});
  EXPECT_EQ(r.exit_code, 2);
}

}  // namespace
}  // namespace claimline::testing

// Black-box tests of the read commands: log, show, stats, verify.
#include <algorithm>
#include <filesystem>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/cli/cli_runner.h"

namespace claimline::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

class ReadCommands : public ::testing::Test {
 protected:
  void SetUp() override {
    RunResult r =
        RunClaimline({"--db", db(), "append", "--manifest", ExamplesDir() + "/feed.jsonl"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  std::string db() const { return dir_ / "db"; }
  TempDir dir_;
};

TEST_F(ReadCommands, LogListsOneLinePerEvent) {
  RunResult r = RunClaimline({"--db", db(), "log"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 9);
  EXPECT_THAT(r.out, StartsWith("#1 "));
  EXPECT_THAT(r.out, HasSubstr("The Ledger Wire"));
}

TEST_F(ReadCommands, LogRangeAndJsonLines) {
  RunResult r = RunClaimline({"--db", db(), "log", "--from", "3", "--to", "4", "--format", "json"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 2);
  EXPECT_THAT(r.out, StartsWith("{\"sequence\":\"3\""));
  EXPECT_THAT(r.out, HasSubstr("\"language\":\"id\""));
}

TEST_F(ReadCommands, LogOfAnEmptyRangeExitsOne) {
  RunResult r = RunClaimline({"--db", db(), "log", "--from", "50"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_THAT(r.err, HasSubstr("no events in that range (the log ends at #9)"));
}

TEST_F(ReadCommands, LogRejectsABadFormat) {
  RunResult r = RunClaimline({"--db", db(), "log", "--format", "xml"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("--format: \"xml\" is not one of text, json"));
}

TEST_F(ReadCommands, ShowPrintsTheWholeEventWithText) {
  RunResult r = RunClaimline({"--db", db(), "show", "5"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("\"sequence\": \"5\""));
  EXPECT_THAT(r.out, HasSubstr("\"language\": \"zh\""));
  EXPECT_THAT(r.out, HasSubstr("\"text\": \"奥瑞利斯"));
  EXPECT_THAT(r.out, HasSubstr("\"content_hash\""));
}

TEST_F(ReadCommands, ShowPastTheEndExitsOne) {
  RunResult r = RunClaimline({"--db", db(), "show", "99"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "claimline show: no event #99 (the log ends at #9)\n");
}

TEST_F(ReadCommands, ShowRejectsANonNumber) {
  RunResult r = RunClaimline({"--db", db(), "show", "abc"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("\"abc\" is not a sequence number"));
}

TEST_F(ReadCommands, StatsCountsArticlesAndLanguages) {
  RunResult r = RunClaimline({"--db", db(), "stats"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("articles            9\n"));
  EXPECT_THAT(r.out, HasSubstr("de:1 en:2 es:1 fr:1 hi:1 id:1 it:1 zh:1"));
  EXPECT_THAT(r.out, HasSubstr("published           2025-03-10..2025-03-20\n"));
  RunResult json = RunClaimline({"--db", db(), "stats", "--format", "json"});
  EXPECT_THAT(json.out, HasSubstr("\"articles\": 9"));
  EXPECT_THAT(json.out, HasSubstr("\"en\": 2"));
}

TEST_F(ReadCommands, VerifyPassesOnAHealthyDatabase) {
  RunResult r = RunClaimline({"--db", db(), "verify"});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_THAT(r.out, HasSubstr("events          9\n"));
  EXPECT_THAT(r.out, HasSubstr("ok\n"));
}

TEST(ReadCommandsNoDatabase, ReadingAMissingDatabaseSaysSoAndCreatesNothing) {
  TempDir dir;
  for (const char* cmd : {"log", "stats", "verify"}) {
    RunResult r = RunClaimline({"--db", dir / "none", cmd});
    EXPECT_EQ(r.exit_code, 2) << cmd;
    EXPECT_EQ(r.err, std::string("claimline ") + cmd + ": no claimline database at " +
                         (dir / "none") +
                         " (create one with 'claimline append', or pass --db DIR)\n");
  }
  EXPECT_FALSE(std::filesystem::exists(dir / "none"));
}

}  // namespace
}  // namespace claimline::testing

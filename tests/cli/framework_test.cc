// Black-box tests of the command framework: help, version, usage errors, exit codes.
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/cli/cli_runner.h"

namespace claimline::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

TEST(CliFramework, HelpGoesToStdoutAndExitsZero) {
  RunResult r = RunClaimline({"--help"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_THAT(r.out, HasSubstr("Usage: claimline [--db DIR] COMMAND"));
  EXPECT_THAT(r.out, HasSubstr("append"));
  EXPECT_THAT(r.out, HasSubstr("verify"));
  EXPECT_THAT(r.out, HasSubstr("Exit codes:"));
  EXPECT_THAT(r.out, HasSubstr("1  ran, but found nothing, or a check failed"));
  EXPECT_EQ(r.err, "");
}

TEST(CliFramework, ShortHelpFlagAndHelpCommandPrintTheSameText) {
  RunResult a = RunClaimline({"-h"});
  RunResult b = RunClaimline({"help"});
  EXPECT_EQ(a.exit_code, 0);
  EXPECT_EQ(b.exit_code, 0);
  EXPECT_EQ(a.out, b.out);
}

TEST(CliFramework, CommandHelpComesFromTheFlagTable) {
  RunResult r = RunClaimline({"append", "--help"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_THAT(r.out, StartsWith("Usage: claimline [--db DIR] append FILE|DIR|- ..."));
  EXPECT_THAT(r.out, HasSubstr("--published YYYY-MM-DD"));
  EXPECT_THAT(r.out, HasSubstr("--manifest FILE.jsonl"));
  EXPECT_THAT(r.out, HasSubstr("nothing at all is appended"));
  EXPECT_THAT(r.out, HasSubstr("Exit codes:"));
  EXPECT_EQ(RunClaimline({"help", "append"}).out, r.out);
}

TEST(CliFramework, VersionPrintsNameAndVersion) {
  RunResult r = RunClaimline({"--version"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_THAT(r.out, StartsWith("claimline "));
  EXPECT_THAT(r.out, ::testing::MatchesRegex("claimline [0-9]+\\.[0-9]+\\.[0-9]+\n"));
}

TEST(CliFramework, NoCommandIsAUsageError) {
  RunResult r = RunClaimline({});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_THAT(r.err, HasSubstr("Usage: claimline"));
}

TEST(CliFramework, UnknownCommandExitsTwoWithAHint) {
  RunResult r = RunClaimline({"frobnicate"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "claimline: unknown command 'frobnicate' (see 'claimline --help')\n");
}

TEST(CliFramework, UnknownFlagExitsTwoWithOneLineAndAHint) {
  RunResult r = RunClaimline({"append", "--foo", "x.txt"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "claimline append: unknown flag --foo (see 'claimline append --help')\n");
}

TEST(CliFramework, UnknownGlobalFlagExitsTwo) {
  RunResult r = RunClaimline({"--frob", "log"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "claimline: unknown flag --frob (see 'claimline --help')\n");
}

TEST(CliFramework, MissingFlagValueExitsTwo) {
  RunResult r = RunClaimline({"append", "a.txt", "--published"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err,
            "claimline append: flag --published needs a value YYYY-MM-DD (see 'claimline "
            "append --help')\n");
}

TEST(CliFramework, SwitchGivenAValueExitsTwo) {
  RunResult r = RunClaimline({"append", "a.txt", "--bulk=yes"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("flag --bulk is a switch and takes no value"));
}

TEST(CliFramework, WrongNumberOfArgumentsExitsTwo) {
  RunResult r = RunClaimline({"show"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "claimline show: expects 1 argument SEQ, got 0 (see 'claimline show --help')\n");
}

TEST(CliFramework, FlagValueMayFollowAnEqualsSign) {
  TempDir dir;
  WriteFile(dir / "a.txt", "The committee approved the budget on Tuesday after a long debate.\n");
  RunResult r = RunClaimline(
      {"--db=" + (dir / "db"), "append", dir / "a.txt", "--published=2025-03-04", "--lang=en"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("#1 "));
}

TEST(CliFramework, DatabaseDefaultsToTheEnvironmentVariable) {
  TempDir dir;
  WriteFile(dir / "a.txt", "The committee approved the budget on Tuesday after a long debate.\n");
  RunResult r = RunClaimline({"append", dir / "a.txt", "--published", "2025-03-04"}, "",
                             {{"CLAIMLINE_DB", dir / "envdb"}});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  RunResult log = RunClaimline({"--db", dir / "envdb", "log"});
  EXPECT_EQ(log.exit_code, 0) << log.err;
  EXPECT_THAT(log.out, HasSubstr("#1 "));
}

}  // namespace
}  // namespace claimline::testing

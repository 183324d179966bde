// Black-box tests of `claimline append` on good input: the seeds (issue 2's "done when"),
// the project's examples, headers, manifests, stdin, bulk mode, duplicates.
#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/cli/cli_runner.h"

namespace claimline::testing {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

std::vector<std::string> Lines(const std::string& text) {
  return absl::StrSplit(text, '\n', absl::SkipEmpty());
}

// Languages: the language column of `append` output lines ("#1     id      0 claims  …").
std::vector<std::string> Languages(const std::string& out) {
  std::vector<std::string> langs;
  for (const std::string& line : Lines(out)) {
    std::vector<std::string> cols = absl::StrSplit(line, ' ', absl::SkipEmpty());
    if (cols.size() >= 2 && cols[0][0] == '#') langs.push_back(cols[1]);
  }
  return langs;
}

std::vector<std::string> SeedFiles() {
  std::vector<std::string> files;
  for (const auto& e : fs::directory_iterator(SeedsDir())) {
    if (e.path().extension() == ".txt") files.push_back(e.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

TEST(AppendSeeds, FiveSeedsDetectedThenFiveDuplicates) {
  if (!fs::exists(SeedsDir())) GTEST_SKIP() << "no seeds folder at " << SeedsDir();
  std::vector<std::string> seeds = SeedFiles();
  ASSERT_EQ(seeds.size(), 5u);
  TempDir dir;
  std::vector<std::string> args = {"--db", dir / "db", "append"};
  args.insert(args.end(), seeds.begin(), seeds.end());
  args.insert(args.end(), {"--published", "2025-02-21"});

  RunResult first = RunClaimline(args);
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_THAT(Languages(first.out), ElementsAre("id", "it", "hi", "zh", "fr"));
  EXPECT_THAT(first.err, HasSubstr("5 appended"));

  RunResult second = RunClaimline(args);
  ASSERT_EQ(second.exit_code, 0) << second.err;
  std::vector<std::string> lines = Lines(second.out);
  ASSERT_EQ(lines.size(), 5u);
  for (int i = 0; i < 5; ++i) {
    EXPECT_THAT(lines[i], StartsWith("duplicate of #" + std::to_string(i + 1) + "  "));
  }
  EXPECT_THAT(second.err, HasSubstr("0 appended (0 claims), 5 duplicates"));

  RunResult log = RunClaimline({"--db", dir / "db", "log"});
  EXPECT_EQ(log.exit_code, 0) << log.err;
  EXPECT_EQ(Lines(log.out).size(), 5u);
  EXPECT_THAT(log.out, HasSubstr("id*"));  // detected languages are starred

  RunResult verify = RunClaimline({"--db", dir / "db", "verify"});
  EXPECT_EQ(verify.exit_code, 0) << verify.out << verify.err;
  EXPECT_THAT(verify.out, HasSubstr("events          5\n"));
  EXPECT_THAT(verify.out, HasSubstr("ok\n"));
}

TEST(AppendSeeds, HeaderGivesTitleAndUrlAndTheWholeFileIsStored) {
  if (!fs::exists(SeedsDir())) GTEST_SKIP() << "no seeds folder at " << SeedsDir();
  const std::string seed = SeedFiles()[3];  // the one with a Title:/URL Source: header
  TempDir dir;
  RunResult r = RunClaimline({"--db", dir / "db", "append", seed, "--published", "2025-02-21"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  RunResult show = RunClaimline({"--db", dir / "db", "show", "1"});
  ASSERT_EQ(show.exit_code, 0) << show.err;
  EXPECT_THAT(show.out, HasSubstr("\"url\": \"https://mp.weixin.qq.com/"));
  EXPECT_THAT(show.out, HasSubstr("\"source\": \"mp.weixin.qq.com\""));
  EXPECT_THAT(show.out, HasSubstr("\"language_detected\": true"));
  EXPECT_THAT(show.out, HasSubstr("\"text\": \"Title: "));
}

TEST(AppendExamples, ManifestAppendsEveryExampleWithItsMetadata) {
  TempDir dir;
  RunResult r =
      RunClaimline({"--db", dir / "db", "append", "--manifest", ExamplesDir() + "/feed.jsonl"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(Languages(r.out), ElementsAre("en", "fr", "it", "id", "zh", "hi", "es", "de", "en"));
  RunResult log = RunClaimline({"--db", dir / "db", "log"});
  EXPECT_THAT(log.out, HasSubstr("2025-03-11"));
  EXPECT_THAT(log.out, HasSubstr("L'Écho des Marchés"));
  RunResult show = RunClaimline({"--db", dir / "db", "show", "8", "--no-text"});
  EXPECT_THAT(show.out, HasSubstr("\"source\": \"Börsenblick\""));
  // --no-text leaves the article's text out (claims still carry their own "text" fields).
  EXPECT_THAT(show.out, Not(HasSubstr("Markdown Content")));
  EXPECT_THAT(show.out, Not(HasSubstr("Rechenzentren")));
}

TEST(AppendExamples, LanguagesOfTheExamplesAreDetected) {
  TempDir dir;
  RunResult r = RunClaimline(
      {"--db", dir / "db", "append", ExamplesDir() + "/articles", "--published", "2025-03-21"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // Folder order is path order: de, en, en, es, fr, hi, id, it, zh.
  EXPECT_THAT(Languages(r.out), ElementsAre("de", "en", "en", "es", "fr", "hi", "id", "it", "zh"));
}

TEST(AppendExamples, BulkModeStoresTheSameEventsInTheSameOrder) {
  TempDir dir;
  RunResult single =
      RunClaimline({"--db", dir / "a", "append", "--manifest", ExamplesDir() + "/feed.jsonl"});
  RunResult bulk = RunClaimline({"--db", dir / "b", "append", "--manifest",
                                 ExamplesDir() + "/feed.jsonl", "--bulk", "--batch-size", "4"});
  ASSERT_EQ(single.exit_code, 0) << single.err;
  ASSERT_EQ(bulk.exit_code, 0) << bulk.err;
  EXPECT_EQ(single.out, bulk.out);
  RunResult again = RunClaimline(
      {"--db", dir / "b", "append", "--manifest", ExamplesDir() + "/feed.jsonl", "--bulk"});
  EXPECT_EQ(again.exit_code, 0);
  EXPECT_THAT(again.err, HasSubstr("0 appended (0 claims), 9 duplicates"));
}

TEST(AppendHeader, PublishedTimeHeaderSuppliesTheDateAndFlagsOverrideIt) {
  TempDir dir;
  const std::string text =
      "Title: Ferry service resumes\n\nURL Source: https://www.harbour.example/news/ferry\n\n"
      "Published Time: Tue, 04 Mar 2025 09:15:00 GMT\n\nMarkdown Content:\n"
      "The ferry between the two islands resumed service on Monday after repairs.\n";
  WriteFile(dir / "a.txt", text);
  RunResult r = RunClaimline({"--db", dir / "db", "append", dir / "a.txt", "--lang", "en"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  RunResult show = RunClaimline({"--db", dir / "db", "show", "1"});
  EXPECT_THAT(show.out, HasSubstr("\"published\": \"2025-03-04\""));
  EXPECT_THAT(show.out, HasSubstr("\"title\": \"Ferry service resumes\""));
  EXPECT_THAT(show.out, HasSubstr("\"source\": \"harbour.example\""));

  WriteFile(dir / "b.txt", text + "A second paragraph makes this a different article.\n");
  r = RunClaimline({"--db", dir / "db", "append", dir / "b.txt", "--lang", "en", "--published",
                    "2025-03-05", "--title", "Override"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  show = RunClaimline({"--db", dir / "db", "show", "2", "--no-text"});
  EXPECT_THAT(show.out, HasSubstr("\"published\": \"2025-03-05\""));
  EXPECT_THAT(show.out, HasSubstr("\"title\": \"Override\""));
}

TEST(AppendStdin, DashReadsOneArticleFromStdin) {
  TempDir dir;
  RunResult r = RunClaimline({"--db", dir / "db", "append", "-", "--published", "2025-03-04"},
                             "Le conseil municipal a voté mardi le budget de la ville pour "
                             "l'année prochaine, en hausse de 3 %.\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, ::testing::MatchesRegex("#1 +fr +[0-9]+ claims? +-\n"));
}

TEST(AppendDuplicates, LineEndingsAndTrailingSpacesDoNotMakeANewArticle) {
  TempDir dir;
  WriteFile(dir / "unix.txt", "First line of the report.\nSecond line of the report.\n");
  WriteFile(dir / "dos.txt", "First line of the report.  \r\nSecond line of the report.\r\n\r\n");
  RunResult r = RunClaimline({"--db", dir / "db", "append", dir / "unix.txt", dir / "dos.txt",
                              "--published", "2025-03-04", "--lang", "en"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::vector<std::string> lines = Lines(r.out);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_THAT(lines[1], StartsWith("duplicate of #1  "));
}

TEST(AppendDryRun, ChecksEverythingAndWritesNothing) {
  TempDir dir;
  RunResult r = RunClaimline(
      {"--db", dir / "db", "append", "--dry-run", "--manifest", ExamplesDir() + "/feed.jsonl"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Lines(r.out).size(), 9u);
  EXPECT_FALSE(fs::exists(dir / "db"));
}

}  // namespace
}  // namespace claimline::testing

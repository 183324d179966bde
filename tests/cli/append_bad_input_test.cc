// Black-box tests of `claimline append` on bad input (issue 2, "Bad input"): each case
// gets one line saying what and where, exit code 2, and leaves the database byte-identical.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/cli/cli_runner.h"

namespace claimline::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr char kGoodText[] =
    "The regional council approved a new rail line on Tuesday, with construction expected "
    "to start next spring and cost about 2 billion euros.\n";

// Every test starts from a database holding one article, and checks that a refused append
// leaves it exactly as it was: the same files with the same bytes, the same log.
class AppendBadInput : public ::testing::Test {
 protected:
  void SetUp() override {
    WriteFile(dir_ / "good.txt", kGoodText);
    RunResult r = RunClaimline(
        {"--db", db(), "append", dir_ / "good.txt", "--published", "2025-03-04", "--lang", "en"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    log_before_ = Log();
    digest_before_ = DirectoryDigest(db());
  }

  std::string db() const { return dir_ / "db"; }

  std::string Log() {
    RunResult r = RunClaimline({"--db", db(), "log", "--format", "json"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.out;
  }

  // Append: runs `append` with the database flag in front.
  RunResult Append(std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", db(), "append"});
    return RunClaimline(args);
  }

  // ExpectRefused: exit 2, nothing on stdout, the summary line, and an unchanged database.
  void ExpectRefused(const RunResult& r) {
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.out, "");
    EXPECT_THAT(r.err, HasSubstr("nothing was appended"));
    EXPECT_EQ(DirectoryDigest(db()), digest_before_) << "the database files changed";
    EXPECT_EQ(Log(), log_before_);
    RunResult stats = RunClaimline({"--db", db(), "stats"});
    EXPECT_THAT(stats.out, HasSubstr("last_sequence       1\n"));
  }

  TempDir dir_;
  std::string log_before_;
  std::string digest_before_;
};

TEST_F(AppendBadInput, NonexistentPath) {
  RunResult r = Append({dir_ / "missing.txt", "--published", "2025-03-04"});
  ExpectRefused(r);
  EXPECT_THAT(r.err, HasSubstr("claimline append: " + (dir_ / "missing.txt") +
                               ": no such file or directory\n"));
}

TEST_F(AppendBadInput, OneBadPathAmongGoodOnesAppendsNothing) {
  WriteFile(dir_ / "other.txt", "A second, different article about the harbour expansion.\n");
  RunResult r = Append({dir_ / "other.txt", dir_ / "missing.txt", "--published", "2025-03-04"});
  ExpectRefused(r);
}

TEST_F(AppendBadInput, FolderWithUnreadableAndBinaryFiles) {
  const std::string in = dir_ / "in";
  WriteFile(in + "/a.txt", "An ordinary article about the city budget for next year.\n");
  WriteFile(in + "/b.bin", std::string("PK\x03\x04\0\0binary", 12));
  std::filesystem::create_symlink(in + "/gone.txt", in + "/c.txt");  // dangling
  bool chmod_unreadable = geteuid() != 0;                            // root reads everything
  if (chmod_unreadable) {
    WriteFile(in + "/d.txt", "This file will have no read permission.\n");
    std::filesystem::permissions(in + "/d.txt", std::filesystem::perms::none);
  }
  RunResult r = Append({in, "--published", "2025-03-04"});
  ExpectRefused(r);
  EXPECT_THAT(r.err, HasSubstr(in + "/b.bin: binary file: NUL byte at offset 4\n"));
  EXPECT_THAT(r.err, HasSubstr(in + "/c.txt: broken symbolic link\n"));
  if (chmod_unreadable) {
    EXPECT_THAT(r.err, HasSubstr(in + "/d.txt: cannot read: Permission denied\n"));
  }
  EXPECT_THAT(r.err, Not(HasSubstr("a.txt")));
}

TEST_F(AppendBadInput, HiddenFilesInAFolderAreSkipped) {
  const std::string in = dir_ / "hidden";
  WriteFile(in + "/.secret.bin", std::string("\0\0\0", 3));
  WriteFile(in + "/.git/objects/x", std::string("\0", 1));
  WriteFile(in + "/note.txt", "The library extends its opening hours from the first of May.\n");
  RunResult r = Append({in, "--published", "2025-03-04", "--lang", "en"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("#2 "));
  EXPECT_THAT(r.out, HasSubstr("note.txt"));
}

TEST_F(AppendBadInput, InvalidUtf8NamesTheByteOffset) {
  WriteFile(dir_ / "latin1.txt", "Caf\xE9 owners protest the new rent rules.\n");
  RunResult r = Append({dir_ / "latin1.txt", "--published", "2025-03-04"});
  ExpectRefused(r);
  EXPECT_THAT(r.err, HasSubstr((dir_ / "latin1.txt") + ": invalid UTF-8 at byte 3\n"));
}

TEST_F(AppendBadInput, EmptyFile) {
  WriteFile(dir_ / "empty.txt", "");
  RunResult r = Append({dir_ / "empty.txt", "--published", "2025-03-04"});
  ExpectRefused(r);
  EXPECT_THAT(r.err, HasSubstr((dir_ / "empty.txt") + ": empty file\n"));
}

TEST_F(AppendBadInput, WhitespaceOnlyFile) {
  WriteFile(dir_ / "blank.txt", " \n\t\r\n\xC2\xA0\n");
  RunResult r = Append({dir_ / "blank.txt", "--published", "2025-03-04"});
  ExpectRefused(r);
  EXPECT_THAT(r.err, HasSubstr((dir_ / "blank.txt") + ": only whitespace\n"));
}

TEST_F(AppendBadInput, HundredMegabyteFileIsOverTheSizeLimit) {
  const std::string big = dir_ / "big.txt";
  {
    std::ofstream out(big, std::ios::binary);
    std::string line(1023, 'a');
    line += '\n';
    for (int i = 0; i < 100 * 1024; ++i) out << line;  // 100 MiB
  }
  ASSERT_EQ(std::filesystem::file_size(big), 100u << 20);
  RunResult r = Append({big, "--published", "2025-03-04"});
  ExpectRefused(r);
  EXPECT_THAT(r.err, HasSubstr(big + ": 104857600 bytes (100.0 MiB), over the limit of "
                                     "16777216 bytes (16.0 MiB); raise it with --max-bytes\n"));
  std::filesystem::remove(big);
}

TEST_F(AppendBadInput, MaxBytesLowersTheLimit) {
  WriteFile(dir_ / "small.txt", kGoodText + std::string(" And one more sentence.\n"));
  RunResult r = Append({dir_ / "small.txt", "--published", "2025-03-04", "--max-bytes", "64"});
  ExpectRefused(r);
  EXPECT_THAT(r.err, HasSubstr("over the limit of 64 bytes"));
}

TEST_F(AppendBadInput, MalformedManifestLinesNameFileAndLine) {
  WriteFile(dir_ / "feed/a.txt", "The port authority opened a new ferry terminal this week.\n");
  const std::string feed = dir_ / "feed/feed.jsonl";
  WriteFile(feed,
            "{\"path\": \"a.txt\", \"published\": \"2025-03-04\"}\n"
            "{\"path\": \"a.txt\", \"published\": }\n"
            "{\"paht\": \"a.txt\", \"published\": \"2025-03-04\"}\n"
            "\n"
            "{\"text\": \"inline\", \"path\": \"a.txt\", \"published\": \"2025-03-04\"}\n");
  RunResult r = Append({"--manifest", feed});
  ExpectRefused(r);
  EXPECT_THAT(r.err, HasSubstr("claimline append: " + feed + ":2: not a manifest entry: "));
  EXPECT_THAT(r.err, HasSubstr("claimline append: " + feed + ":3: not a manifest entry: "));
  EXPECT_THAT(r.err, HasSubstr(feed + ":5: give exactly one of \"path\" and \"text\"\n"));
  EXPECT_THAT(r.err, Not(HasSubstr(feed + ":1:")));
  EXPECT_THAT(r.err, HasSubstr("3 problems in the input; nothing was appended"));
}

TEST_F(AppendBadInput, ManifestPathThatDoesNotExist) {
  const std::string feed = dir_ / "feed.jsonl";
  WriteFile(feed, "{\"path\": \"nope.txt\", \"published\": \"2025-03-04\"}\n");
  RunResult r = Append({"--manifest", feed});
  ExpectRefused(r);
  EXPECT_THAT(r.err,
              HasSubstr(feed + ":1: " + (dir_ / "nope.txt") + ": no such file or directory\n"));
}

TEST_F(AppendBadInput, InvalidPublishedDateFlag) {
  RunResult r = Append({dir_ / "good.txt", "--published", "2025-02-30"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "claimline append: --published: 2025-02-30: February 2025 has 28 days\n");
  EXPECT_EQ(DirectoryDigest(db()), digest_before_);
}

TEST_F(AppendBadInput, InvalidDateInAManifestEntry) {
  WriteFile(dir_ / "x.txt", "Officials confirmed the bridge will reopen to traffic in June.\n");
  const std::string feed = dir_ / "feed.jsonl";
  WriteFile(feed, "{\"path\": \"x.txt\", \"published\": \"2024-13-01\"}\n");
  RunResult r = Append({"--manifest", feed});
  ExpectRefused(r);
  EXPECT_THAT(r.err, HasSubstr(feed + ":1: " + (dir_ / "x.txt") +
                               ": published: month 13 is out of range 1..12\n"));
}

TEST_F(AppendBadInput, InvalidDateInTheArticleHeader) {
  WriteFile(dir_ / "h.txt",
            "Title: Harbour news\n\nPublished Time: 2025-02-29T10:00:00Z\n\nMarkdown Content:\n"
            "The harbour reopened after the storm.\n");
  RunResult r = Append({dir_ / "h.txt", "--lang", "en"});
  ExpectRefused(r);
  EXPECT_THAT(r.err, HasSubstr((dir_ / "h.txt") + ": 2025-02-29: February 2025 has 28 days\n"));
}

TEST_F(AppendBadInput, MissingPublicationDate) {
  WriteFile(dir_ / "nodate.txt", "The museum will add a new wing dedicated to photography.\n");
  RunResult r = Append({dir_ / "nodate.txt"});
  ExpectRefused(r);
  EXPECT_THAT(r.err, HasSubstr((dir_ / "nodate.txt") +
                               ": no publication date: pass --published YYYY-MM-DD"));
}

TEST_F(AppendBadInput, UnknownLanguageTag) {
  RunResult r = Append({dir_ / "good.txt", "--published", "2025-03-04", "--lang", "xx"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "claimline append: --lang: unknown language tag \"xx\"\n");
  EXPECT_EQ(DirectoryDigest(db()), digest_before_);
}

TEST_F(AppendBadInput, TitleForManyArticlesIsRefused) {
  WriteFile(dir_ / "two.txt", "A second article, about the regional airport's new runway.\n");
  RunResult r = Append(
      {dir_ / "good.txt", dir_ / "two.txt", "--published", "2025-03-04", "--title", "Same title"});
  ExpectRefused(r);
  EXPECT_THAT(r.err, HasSubstr("--title names one article, but there are 2"));
}

TEST(AppendBadInputNoDatabase, RefusedAppendDoesNotCreateTheDatabase) {
  TempDir dir;
  RunResult r = RunClaimline(
      {"--db", dir / "db", "append", dir / "missing.txt", "--published", "2025-03-04"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_FALSE(std::filesystem::exists(dir / "db"));
}

}  // namespace
}  // namespace claimline::testing

// Two processes on one database:
//   - a second writer is refused with exactly "database is locked by another claimline
//     process: DIR" (the binary exits 2), while readers still read;
//   - a reader in another process (a RocksDB secondary instance) sees, after each catch-up,
//     a consistent prefix of the log while the writer appends: gap-free, every event
//     parses, every article has its text, never shorter than what it saw before, and at
//     least everything the writer had acknowledged before the catch-up.
#include <cstdint>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "store/content_hash.h"
#include "store/event_log.h"
#include "tests/cli/cli_runner.h"
#include "tests/reliability/child_process.h"
#include "tests/reliability/sample_articles.h"

namespace claimline::reliability {
namespace {

using claimline::testing::RunClaimline;
using claimline::testing::RunResult;
using ::testing::HasSubstr;

void AppendSamples(const std::string& dir, int count) {
  absl::StatusOr<std::unique_ptr<store::Database>> db =
      store::Database::Open(dir, store::OpenOptions());
  ASSERT_TRUE(db.ok()) << db.status();
  for (int i = 1; i <= count; ++i) {
    SampleArticle a = MakeArticle(1, static_cast<uint64_t>(i), BatchPlace());
    ASSERT_TRUE((*db)->log().Append(std::move(a.event), a.text).ok());
  }
}

TEST(ConcurrencyTest, SecondWriterIsRefusedWithThePathWhileReadersRead) {
  claimline::testing::TempDir tmp;
  const std::string dir = tmp / "db";
  AppendSamples(dir, 5);
  ChildProcess holder(CLAIMLINE_CRASH_CHILD, {"hold", dir});
  ASSERT_EQ(holder.ReadLine().value_or("<died>"), "ready");

  const std::string article = tmp / "note.txt";
  claimline::testing::WriteFile(article, "Quill & Mesa opened a new harbor office on Monday.\n");
  const RunResult second =
      RunClaimline({"append", "--db", dir, "--lang", "en", "--published", "2025-02-03", article});
  EXPECT_EQ(second.exit_code, 2);
  EXPECT_EQ(second.out, "");
  EXPECT_THAT(second.err,
              HasSubstr("database is locked by another claimline process: " + dir + "\n"));

  // In this process too, through the library.
  absl::StatusOr<std::unique_ptr<store::Database>> db =
      store::Database::Open(dir, store::OpenOptions());
  ASSERT_FALSE(db.ok());
  EXPECT_TRUE(absl::IsFailedPrecondition(db.status())) << db.status();
  EXPECT_EQ(db.status().message(), "database is locked by another claimline process: " + dir);

  // Readers do not need the lock.
  const RunResult log = RunClaimline({"log", "--db", dir});
  EXPECT_EQ(log.exit_code, 0) << log.err;
  EXPECT_EQ(std::vector<std::string>(absl::StrSplit(log.out, '\n', absl::SkipEmpty())).size(), 5u);
  const RunResult verify = RunClaimline({"verify", "--db", dir});
  EXPECT_EQ(verify.exit_code, 0) << verify.out << verify.err;

  // Once the writer is gone, the next one gets in.
  holder.CloseStdin();
  EXPECT_TRUE(ExitedWith(holder.Wait(), 0));
  const RunResult after =
      RunClaimline({"append", "--db", dir, "--lang", "en", "--published", "2025-02-03", article});
  EXPECT_EQ(after.exit_code, 0) << after.err;
}

TEST(ConcurrencyTest, SecondaryReaderSeesAConsistentPrefixWhileAWriterAppends) {
  claimline::testing::TempDir tmp;
  const std::string dir = tmp / "db";
  ChildProcess writer(CLAIMLINE_CRASH_CHILD,
                      {"append", dir, "run=1", "seed=7", "steps=400", "projections=0"});
  ASSERT_EQ(writer.ReadLine().value_or("<died>").rfind("open ", 0), 0u);

  absl::StatusOr<std::unique_ptr<store::Database>> reader =
      store::Database::OpenReadOnlySecondary(dir, tmp / "secondary", store::OpenOptions());
  ASSERT_TRUE(reader.ok()) << reader.status();
  store::EventLog& log = (*reader)->log();

  std::map<uint64_t, std::string> acked;  // sequence → hex content hash ("-": correction)
  uint64_t max_acked = 0;
  uint64_t seen = 0;
  int catch_ups = 0;
  int growing = 0;
  bool done = false;
  while (!done) {
    // Read what the writer acknowledged so far (a few lines), then catch up.
    for (int i = 0; i < 8 && !done; ++i) {
      const std::optional<std::string> line = writer.ReadLine();
      if (!line.has_value() || *line == "done") {
        done = true;
        break;
      }
      const std::vector<std::string> words = absl::StrSplit(*line, ' ');
      ASSERT_NE(words[0], "error") << *line;
      uint64_t seq = 0;
      if (words.size() == 3 && (words[0] == "ack" || words[0] == "dup") &&
          absl::SimpleAtoi(words[1], &seq)) {
        acked[seq] = words[2];
        max_acked = std::max(max_acked, seq);
      }
    }
    const uint64_t acked_before = max_acked;
    ASSERT_TRUE((*reader)->CatchUp().ok());
    ++catch_ups;
    const uint64_t last = log.LastSequence();
    EXPECT_GE(last, seen) << "the reader's view went back";
    EXPECT_GE(last, acked_before) << "an acknowledged append is not visible after catch-up";
    growing += last > seen ? 1 : 0;
    // The visible prefix: gap-free, parsed, every article with its text and hash.
    uint64_t expected = 1;
    absl::Status scanned = log.Scan(1, last, [&](const v1::Event& e) {
      EXPECT_EQ(e.sequence(), expected);
      expected = e.sequence() + 1;
      if (e.has_article_recorded()) {
        absl::StatusOr<std::string> text = log.GetText(e.sequence());
        EXPECT_TRUE(text.ok()) << "#" << e.sequence() << " is visible without its text";
        if (text.ok()) {
          EXPECT_EQ(store::ContentHash(*text), e.article_recorded().article().content_hash());
        }
      }
      auto it = acked.find(e.sequence());
      if (it != acked.end() && it->second != "-") {
        EXPECT_EQ(store::HexHash(e.article_recorded().article().content_hash()), it->second);
      }
      return !HasFailure();
    });
    ASSERT_TRUE(scanned.ok()) << scanned;
    EXPECT_EQ(expected, last + 1);
    seen = last;
    if (HasFailure()) break;
  }
  EXPECT_TRUE(ExitedWith(writer.Wait(), 0));
  ASSERT_TRUE((*reader)->CatchUp().ok());
  EXPECT_EQ(log.LastSequence(), max_acked) << "after the writer ended";
  EXPECT_GT(max_acked, 100u);
  std::cout << catch_ups << " catch-ups while the writer appended #1..#" << max_acked << ", "
            << growing << " of them saw the log grow\n";
}

}  // namespace
}  // namespace claimline::reliability

// Durability across a crash: a child process appends and is killed with SIGKILL (no
// close, no destructor, no flush); every event it had acknowledged must be there.
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "gtest/gtest.h"
#include "store/event_log.h"
#include "tests/store/store_test_util.h"

namespace claimline::store {
namespace {

using testing::ArticleEvent;
using testing::Child;
using testing::TempDir;

// KillAfterAcks: runs an appending child, kills it after `acks` acknowledgements and
// returns the last sequence it acknowledged.
uint64_t KillAfterAcks(const std::string& dir, int acks) {
  Child child({"append", dir});
  uint64_t last_acked = 0;
  for (int i = 0; i < acks; ++i) {
    const std::string line = child.ReadLine();
    EXPECT_TRUE(absl::StartsWith(line, "acked ")) << line;
    if (!absl::SimpleAtoi(line.substr(6), &last_acked)) break;
  }
  child.Kill();
  child.Wait();
  return last_acked;
}

TEST(CrashTest, EveryAcknowledgedAppendSurvivesSigkill) {
  TempDir tmp;
  const std::string dir = tmp.Sub("db");
  const uint64_t acked = KillAfterAcks(dir, 40);
  ASSERT_EQ(acked, 40u);

  absl::StatusOr<std::unique_ptr<Database>> db = Database::Open(dir, OpenOptions());
  ASSERT_TRUE(db.ok()) << db.status();
  EventLog& log = (*db)->log();
  // The child may have written more before it died; never fewer.
  const uint64_t last = log.LastSequence();
  EXPECT_GE(last, acked);
  for (uint64_t s = 1; s <= acked; ++s) {
    absl::StatusOr<v1::Event> e = log.Get(s);
    ASSERT_TRUE(e.ok()) << e.status();
    EXPECT_EQ(e->article_recorded().article().title(), absl::StrCat("child ", s));
    EXPECT_TRUE(log.GetText(s).ok());
  }
  absl::StatusOr<VerifyReport> report = (*db)->Verify();
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_TRUE(report->ok()) << report->problems.front();

  // The sequence continues after the last recovered event.
  absl::StatusOr<AppendResult> next =
      log.Append(ArticleEvent("s", "after the crash"), "Written after the crash.");
  ASSERT_TRUE(next.ok()) << next.status();
  EXPECT_EQ(next->sequence, last + 1);
}

TEST(CrashTest, TwoCrashesInARowKeepTheLogGapFree) {
  TempDir tmp;
  const std::string dir = tmp.Sub("db");
  const uint64_t first = KillAfterAcks(dir, 10);
  const uint64_t second = KillAfterAcks(dir, 10);
  EXPECT_GT(second, first);
  absl::StatusOr<std::unique_ptr<Database>> db = Database::Open(dir, OpenOptions());
  ASSERT_TRUE(db.ok()) << db.status();
  EXPECT_GE((*db)->log().LastSequence(), second);
  absl::StatusOr<VerifyReport> report = (*db)->Verify();
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_TRUE(report->ok()) << report->problems.front();
  EXPECT_EQ(report->events, (*db)->log().LastSequence());
}

}  // namespace
}  // namespace claimline::store

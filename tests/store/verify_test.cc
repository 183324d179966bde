// Database::Verify on a sound database and on databases damaged on purpose through a raw
// RocksDB handle: each damage is reported as one precise line.
#include <algorithm>
#include <string>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "store/content_hash.h"
#include "store/event_log.h"
#include "store/keys.h"
#include "tests/store/store_test_util.h"

namespace claimline::store {
namespace {

using testing::ArticleEvent;
using testing::ArticleText;
using testing::RawDb;
using testing::TempDir;

std::string Key(uint64_t sequence) {
  const std::array<char, 8> key = SequenceKey(sequence);
  return std::string(key.data(), key.size());
}

class VerifyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::unique_ptr<Database> db = Open();
    for (int i = 1; i <= 3; ++i) {
      ASSERT_TRUE(db->log().Append(ArticleEvent("s", "t"), ArticleText(i)).ok());
    }
    v1::Event retracted;
    retracted.mutable_article_retracted()->set_article_sequence(1);
    ASSERT_TRUE(db->log().Append(retracted, "").ok());
  }

  std::unique_ptr<Database> Open() {
    absl::StatusOr<std::unique_ptr<Database>> db = Database::Open(dir(), OpenOptions());
    EXPECT_TRUE(db.ok()) << db.status();
    return db.ok() ? *std::move(db) : nullptr;
  }

  std::vector<std::string> Problems() {
    std::unique_ptr<Database> db = Open();
    if (db == nullptr) return {"cannot open"};
    absl::StatusOr<VerifyReport> report = db->Verify();
    EXPECT_TRUE(report.ok()) << report.status();
    return report.ok() ? report->problems : std::vector<std::string>{"verify failed"};
  }

  std::string dir() const { return tmp_.Sub("db"); }

  TempDir tmp_;
};

TEST_F(VerifyTest, SoundDatabasePasses) {
  std::unique_ptr<Database> db = Open();
  absl::StatusOr<VerifyReport> report = db->Verify();
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_TRUE(report->ok()) << report->problems.front();
  EXPECT_EQ(report->events, 4u);
  EXPECT_EQ(report->texts, 3u);
  EXPECT_EQ(report->dedupe_entries, 3u);
}

TEST_F(VerifyTest, MissingDedupeEntryIsReported) {
  RawDb(dir()).Delete("dedupe", ContentHash(ArticleText(2)));
  EXPECT_EQ(Problems(), std::vector<std::string>{absl::StrCat(
                            "event #2: content hash ", HexHash(ContentHash(ArticleText(2))),
                            " is missing from the dedupe index")});
}

TEST_F(VerifyTest, ExtraDedupeEntryIsReported) {
  RawDb(dir()).Put("dedupe", ContentHash("never appended"), Key(2));
  EXPECT_EQ(Problems(), std::vector<std::string>{
                            absl::StrCat("dedupe entry ", HexHash(ContentHash("never appended")),
                                         " → #2: no article has this content hash")});
}

TEST_F(VerifyTest, EventThatDoesNotParseIsReported) {
  RawDb(dir()).Put("events", Key(3), "\xff\xff\xff not a protobuf");
  const std::vector<std::string> problems = Problems();
  ASSERT_FALSE(problems.empty());
  EXPECT_EQ(problems[0], "event #3 (key 0000000000000003): does not parse as claimline.v1.Event");
}

TEST_F(VerifyTest, WrongSequenceFieldIsReported) {
  {
    std::unique_ptr<Database> db = Open();
    v1::Event event = *db->log().Get(4);
    event.set_sequence(9);
    db.reset();
    RawDb(dir()).Put("events", Key(4), event.SerializeAsString());
  }
  EXPECT_EQ(Problems(),
            std::vector<std::string>{"event #4 (key 0000000000000004): its sequence field is 9"});
}

TEST_F(VerifyTest, GapIsReported) {
  {
    RawDb raw(dir());
    raw.Delete("events", Key(2));
    raw.Delete("texts", Key(2));
    raw.Delete("dedupe", ContentHash(ArticleText(2)));
  }
  const std::vector<std::string> problems = Problems();
  ASSERT_FALSE(problems.empty());
  EXPECT_EQ(problems[0], "events #2..#2: missing (gap before key 0000000000000003)");
}

TEST_F(VerifyTest, ChangedTextIsReported) {
  RawDb(dir()).Put("texts", Key(1), ArticleText(1) + "An extra sentence slipped in.");
  const std::vector<std::string> problems = Problems();
  ASSERT_GE(problems.size(), 2u);
  EXPECT_EQ(problems[0],
            absl::StrCat("event #1 (key 0000000000000001): its text hashes to ",
                         HexHash(ContentHash(ArticleText(1) + "An extra sentence slipped in.")),
                         ", the event says ", HexHash(ContentHash(ArticleText(1)))));
}

TEST_F(VerifyTest, MissingTextAndOrphanTextAreReported) {
  {
    RawDb raw(dir());
    raw.Delete("texts", Key(3));
    raw.Put("texts", Key(4), "a text beside a retraction");
  }
  const std::vector<std::string> problems = Problems();
  EXPECT_NE(std::find(problems.begin(), problems.end(),
                      "event #3 (key 0000000000000003): its article text is missing"),
            problems.end());
  EXPECT_NE(
      std::find(problems.begin(), problems.end(),
                "text #4 (key 0000000000000004): stored with an event that is not an article"),
      problems.end());
}

TEST_F(VerifyTest, MetaNextSequenceBehindTheLogIsReportedAndNeverReused) {
  RawDb(dir()).Put("meta", "next_sequence", Key(3));
  EXPECT_EQ(Problems(),
            std::vector<std::string>{"meta next_sequence is 3 but the last event is #4"});
  // Even so, the writer continues after the last event.
  std::unique_ptr<Database> db = Open();
  absl::StatusOr<AppendResult> r = db->log().Append(ArticleEvent("s", "t"), ArticleText(5));
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->sequence, 5u);
}

}  // namespace
}  // namespace claimline::store

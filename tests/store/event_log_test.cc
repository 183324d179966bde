#include "store/event_log.h"

#include <algorithm>
#include <set>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "store/content_hash.h"
#include "tests/store/store_test_util.h"

namespace claimline::store {
namespace {

using testing::ArticleEvent;
using testing::ArticleText;
using testing::TempDir;

class EventLogTest : public ::testing::Test {
 protected:
  void SetUp() override { Reopen(); }

  void Reopen() {
    db_.reset();
    OpenOptions options;
    options.clock = &clock_;
    absl::StatusOr<std::unique_ptr<Database>> db = Database::Open(dir_.Sub("db"), options);
    ASSERT_TRUE(db.ok()) << db.status();
    db_ = *std::move(db);
  }

  EventLog& log() { return db_->log(); }

  AppendResult MustAppend(v1::Event event, const std::string& text) {
    absl::StatusOr<AppendResult> r = log().Append(std::move(event), text);
    EXPECT_TRUE(r.ok()) << r.status();
    return r.ok() ? *r : AppendResult();
  }

  std::vector<uint64_t> ScanSequences(uint64_t from, uint64_t to,
                                      const Snapshot* snapshot = nullptr) {
    std::vector<uint64_t> seen;
    absl::Status s = log().Scan(
        from, to,
        [&](const v1::Event& e) {
          seen.push_back(e.sequence());
          return true;
        },
        snapshot);
    EXPECT_TRUE(s.ok()) << s;
    return seen;
  }

  TempDir dir_;
  FixedClock clock_{1700000000000000};
  std::unique_ptr<Database> db_;
};

TEST_F(EventLogTest, EmptyLogHasLastSequenceZero) {
  EXPECT_EQ(log().LastSequence(), 0u);
  EXPECT_EQ(log().Get(1).status().code(), absl::StatusCode::kNotFound);
  EXPECT_TRUE(ScanSequences(0, UINT64_MAX).empty());
}

TEST_F(EventLogTest, AppendStoresMetadataHashAndTextApart) {
  const std::string text = ArticleText(1);
  AppendResult r = MustAppend(ArticleEvent("harbor.example", "Lanterns"), text);
  EXPECT_EQ(r.sequence, 1u);
  EXPECT_FALSE(r.duplicate);

  absl::StatusOr<v1::Event> e = log().Get(1);
  ASSERT_TRUE(e.ok()) << e.status();
  EXPECT_EQ(e->sequence(), 1u);
  EXPECT_EQ(e->recorded_at_micros(), 1700000000000000);
  const v1::Article& article = e->article_recorded().article();
  EXPECT_EQ(article.source(), "harbor.example");
  EXPECT_EQ(article.title(), "Lanterns");
  EXPECT_EQ(article.text(), "");  // the text is not inside the stored event
  EXPECT_EQ(article.content_hash(), ContentHash(text));
  EXPECT_EQ(article.text_bytes(), text.size());
  EXPECT_EQ(e->article_recorded().extractor().name(), "test");

  absl::StatusOr<std::string> stored_text = log().GetText(1);
  ASSERT_TRUE(stored_text.ok()) << stored_text.status();
  EXPECT_EQ(*stored_text, text);  // the original bytes, not the normalized ones
}

TEST_F(EventLogTest, TextInsideTheArticleIsMovedToTheTextsFamily) {
  v1::Event event = ArticleEvent("harbor.example", "Inline");
  event.mutable_article_recorded()->mutable_article()->set_text(ArticleText(2));
  AppendResult r = MustAppend(std::move(event), "");
  absl::StatusOr<v1::Event> e = log().Get(r.sequence);
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->article_recorded().article().text(), "");
  EXPECT_EQ(*log().GetText(r.sequence), ArticleText(2));
}

TEST_F(EventLogTest, SequencesAreGapFreeAndScanReturnsThemInOrder) {
  for (int i = 1; i <= 20; ++i) {
    EXPECT_EQ(MustAppend(ArticleEvent("s", absl::StrCat(i)), ArticleText(i)).sequence,
              static_cast<uint64_t>(i));
  }
  EXPECT_EQ(log().LastSequence(), 20u);
  std::vector<uint64_t> all = ScanSequences(0, UINT64_MAX);
  ASSERT_EQ(all.size(), 20u);
  for (size_t i = 0; i < all.size(); ++i) EXPECT_EQ(all[i], i + 1);
  EXPECT_EQ(ScanSequences(5, 7), (std::vector<uint64_t>{5, 6, 7}));
  EXPECT_EQ(ScanSequences(19, 100), (std::vector<uint64_t>{19, 20}));
  EXPECT_TRUE(ScanSequences(21, UINT64_MAX).empty());
}

TEST_F(EventLogTest, ScanStopsWhenTheCallbackSaysSo) {
  for (int i = 1; i <= 5; ++i) MustAppend(ArticleEvent("s", "t"), ArticleText(i));
  std::vector<uint64_t> seen;
  ASSERT_TRUE(log()
                  .Scan(1, UINT64_MAX,
                        [&](const v1::Event& e) {
                          seen.push_back(e.sequence());
                          return e.sequence() < 3;
                        })
                  .ok());
  EXPECT_EQ(seen, (std::vector<uint64_t>{1, 2, 3}));
}

TEST_F(EventLogTest, ScanReturnsArticlesWithoutText) {
  MustAppend(ArticleEvent("s", "t"), ArticleText(1));
  ASSERT_TRUE(log()
                  .Scan(1, 1,
                        [](const v1::Event& e) {
                          EXPECT_TRUE(e.article_recorded().article().text().empty());
                          EXPECT_EQ(e.article_recorded().article().content_hash().size(), 32u);
                          return true;
                        })
                  .ok());
}

TEST_F(EventLogTest, SequenceContinuesAcrossReopen) {
  MustAppend(ArticleEvent("s", "a"), ArticleText(1));
  MustAppend(ArticleEvent("s", "b"), ArticleText(2));
  Reopen();
  EXPECT_EQ(log().LastSequence(), 2u);
  EXPECT_EQ(MustAppend(ArticleEvent("s", "c"), ArticleText(3)).sequence, 3u);
  Reopen();
  EXPECT_EQ(ScanSequences(1, UINT64_MAX), (std::vector<uint64_t>{1, 2, 3}));
}

TEST_F(EventLogTest, SameTextIsADuplicateAndWritesNothing) {
  const std::string text = "Quarry Lane bakery sold 900 loaves on Monday.\nPrices held steady.\n";
  EXPECT_EQ(MustAppend(ArticleEvent("a.example", "first"), text).sequence, 1u);
  MustAppend(ArticleEvent("b.example", "other"), ArticleText(7));

  // The same article re-fetched: CRLF line ends, trailing spaces, extra blank lines.
  const std::string refetched =
      "\r\nQuarry Lane bakery sold 900 loaves on Monday.  \r\nPrices held steady.\t\r\n\r\n";
  AppendResult r = MustAppend(ArticleEvent("c.example", "again"), refetched);
  EXPECT_TRUE(r.duplicate);
  EXPECT_EQ(r.sequence, 1u);
  EXPECT_EQ(log().LastSequence(), 2u);
  EXPECT_EQ(log().Get(3).status().code(), absl::StatusCode::kNotFound);
  // The first recording is untouched.
  EXPECT_EQ(log().Get(1)->article_recorded().article().source(), "a.example");
  EXPECT_EQ(*log().GetText(1), text);

  Reopen();  // the dedupe index is durable
  r = MustAppend(ArticleEvent("d.example", "later"), text);
  EXPECT_TRUE(r.duplicate);
  EXPECT_EQ(r.sequence, 1u);
  EXPECT_EQ(log().LastSequence(), 2u);
}

TEST_F(EventLogTest, DifferentTextIsANewEvent) {
  MustAppend(ArticleEvent("s", "t"), "Tide tables for Ledger Bay were revised.");
  AppendResult r = MustAppend(ArticleEvent("s", "t"), "Tide tables for Ledger Bay were revised!");
  EXPECT_FALSE(r.duplicate);
  EXPECT_EQ(r.sequence, 2u);
}

TEST_F(EventLogTest, FindByContentHash) {
  MustAppend(ArticleEvent("s", "t"), ArticleText(1));
  MustAppend(ArticleEvent("s", "t"), ArticleText(2));
  absl::StatusOr<std::optional<uint64_t>> found =
      log().FindByContentHash(ContentHash(ArticleText(2)));
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(*found, 2u);
  found = log().FindByContentHash(ContentHash("never appended"));
  ASSERT_TRUE(found.ok());
  EXPECT_FALSE(found->has_value());
  EXPECT_EQ(log().FindByContentHash("short").status().code(), absl::StatusCode::kInvalidArgument);
}

TEST_F(EventLogTest, AppendBatchAssignsSequencesInInputOrder) {
  std::vector<PendingEvent> batch;
  for (int i = 1; i <= 3; ++i)
    batch.push_back({ArticleEvent("s", absl::StrCat(i)), ArticleText(i)});
  absl::StatusOr<std::vector<AppendResult>> results = log().AppendBatch(std::move(batch));
  ASSERT_TRUE(results.ok()) << results.status();
  ASSERT_EQ(results->size(), 3u);
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ((*results)[i].sequence, static_cast<uint64_t>(i + 1));
    EXPECT_FALSE((*results)[i].duplicate);
    EXPECT_EQ(log().Get(i + 1)->article_recorded().article().title(), absl::StrCat(i + 1));
  }
}

TEST_F(EventLogTest, AppendBatchReportsInBatchAndLoggedDuplicates) {
  MustAppend(ArticleEvent("s", "old"), ArticleText(1));
  std::vector<PendingEvent> batch;
  batch.push_back({ArticleEvent("s", "new"), ArticleText(2)});
  batch.push_back({ArticleEvent("s", "new again"), ArticleText(2) + "\n\n"});
  batch.push_back({ArticleEvent("s", "old again"), ArticleText(1)});
  batch.push_back({ArticleEvent("s", "another"), ArticleText(3)});
  absl::StatusOr<std::vector<AppendResult>> results = log().AppendBatch(std::move(batch));
  ASSERT_TRUE(results.ok()) << results.status();
  ASSERT_EQ(results->size(), 4u);
  EXPECT_EQ((*results)[0].sequence, 2u);
  EXPECT_FALSE((*results)[0].duplicate);
  EXPECT_EQ((*results)[1].sequence, 2u);  // the first of the batch
  EXPECT_TRUE((*results)[1].duplicate);
  EXPECT_EQ((*results)[2].sequence, 1u);  // already in the log
  EXPECT_TRUE((*results)[2].duplicate);
  EXPECT_EQ((*results)[3].sequence, 3u);  // no gap for the duplicates
  EXPECT_FALSE((*results)[3].duplicate);
  EXPECT_EQ(log().LastSequence(), 3u);
}

TEST_F(EventLogTest, AppendBatchIsAllOrNothing) {
  MustAppend(ArticleEvent("s", "t"), ArticleText(1));
  std::vector<PendingEvent> batch;
  batch.push_back({ArticleEvent("s", "fine"), ArticleText(2)});
  batch.push_back({ArticleEvent("s", "no text"), ""});
  batch.push_back({ArticleEvent("s", "fine too"), ArticleText(3)});
  absl::StatusOr<std::vector<AppendResult>> results = log().AppendBatch(std::move(batch));
  EXPECT_EQ(results.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(results.status().message(), "batch event 2: article text is empty");
  EXPECT_EQ(log().LastSequence(), 1u);
  EXPECT_EQ(ScanSequences(1, UINT64_MAX), (std::vector<uint64_t>{1}));
  // Nothing of the refused batch entered the dedupe index either.
  EXPECT_FALSE(log().FindByContentHash(ContentHash(ArticleText(2)))->has_value());
  EXPECT_EQ(MustAppend(ArticleEvent("s", "next"), ArticleText(2)).sequence, 2u);
}

TEST_F(EventLogTest, EmptyAppendBatchWritesNothing) {
  absl::StatusOr<std::vector<AppendResult>> results = log().AppendBatch({});
  ASSERT_TRUE(results.ok());
  EXPECT_TRUE(results->empty());
  EXPECT_EQ(log().LastSequence(), 0u);
}

TEST_F(EventLogTest, InvalidEventsAreRefusedAndUseNoSequence) {
  EXPECT_EQ(log().Append(v1::Event(), "").status().message(),
            "cannot append an event without a payload");
  EXPECT_EQ(log().Append(ArticleEvent("s", "t"), " \r\n\t").status().message(),
            "article text is blank");
  EXPECT_EQ(log().Append(ArticleEvent("s", "t"), "caf\xc3").status().message(),
            "article text is not valid UTF-8 (at byte 3)");
  v1::Event revised;
  revised.mutable_claims_revised()->set_article_sequence(1);
  EXPECT_EQ(log().Append(revised, "").status().code(), absl::StatusCode::kInvalidArgument);
  v1::Event both = ArticleEvent("s", "t");
  both.mutable_article_recorded()->mutable_article()->set_text("one text");
  EXPECT_EQ(log().Append(both, "another text").status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(log().LastSequence(), 0u);
  EXPECT_EQ(MustAppend(ArticleEvent("s", "t"), ArticleText(1)).sequence, 1u);
}

TEST_F(EventLogTest, CorrectionEventsCarryNoTextAndReferToAnArticle) {
  MustAppend(ArticleEvent("s", "t"), ArticleText(1));
  v1::Event retracted;
  retracted.mutable_article_retracted()->set_article_sequence(1);
  retracted.mutable_article_retracted()->set_reason("wrong outlet");
  EXPECT_EQ(MustAppend(retracted, "").sequence, 2u);
  EXPECT_EQ(log().Get(2)->article_retracted().reason(), "wrong outlet");
  EXPECT_EQ(log().GetText(2).status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(log().Append(retracted, "some text").status().code(),
            absl::StatusCode::kInvalidArgument);
  retracted.mutable_article_retracted()->set_article_sequence(9);
  EXPECT_EQ(log().Append(retracted, "").status().message(),
            "the event refers to article #9, but the log holds #1..#2");
}

TEST_F(EventLogTest, StoreAssignsSequenceAndTimeWhateverTheCallerSet) {
  v1::Event event = ArticleEvent("s", "t");
  event.set_sequence(77);
  event.set_recorded_at_micros(5);
  clock_.Set(1800000000000000);
  MustAppend(event, ArticleText(1));
  EXPECT_EQ(log().Get(1)->sequence(), 1u);
  EXPECT_EQ(log().Get(1)->recorded_at_micros(), 1800000000000000);
}

TEST_F(EventLogTest, RecordedAtNeverDecreasesEvenWhenTheClockStepsBack) {
  clock_.Set(2000);
  MustAppend(ArticleEvent("s", "t"), ArticleText(1));
  clock_.Set(1000);
  MustAppend(ArticleEvent("s", "t"), ArticleText(2));
  Reopen();
  MustAppend(ArticleEvent("s", "t"), ArticleText(3));
  EXPECT_EQ(log().Get(2)->recorded_at_micros(), 2000);
  EXPECT_EQ(log().Get(3)->recorded_at_micros(), 2000);
}

TEST_F(EventLogTest, SnapshotIgnoresLaterAppends) {
  MustAppend(ArticleEvent("s", "t"), ArticleText(1));
  MustAppend(ArticleEvent("s", "t"), ArticleText(2));
  std::unique_ptr<Snapshot> snapshot = log().GetSnapshot();
  MustAppend(ArticleEvent("s", "t"), ArticleText(3));
  EXPECT_EQ(snapshot->LastSequence(), 2u);
  EXPECT_EQ(ScanSequences(1, UINT64_MAX, snapshot.get()), (std::vector<uint64_t>{1, 2}));
  EXPECT_EQ(log().Get(3, snapshot.get()).status().code(), absl::StatusCode::kNotFound);
  EXPECT_TRUE(log().Get(3).ok());
  EXPECT_EQ(ScanSequences(1, UINT64_MAX), (std::vector<uint64_t>{1, 2, 3}));
}

TEST_F(EventLogTest, ConcurrentAppendsGetDistinctGapFreeSequences) {
  constexpr int kThreads = 4;
  constexpr int kPerThread = 25;
  std::vector<std::vector<uint64_t>> sequences(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kPerThread; ++i) {
        const int n = t * kPerThread + i;
        absl::StatusOr<AppendResult> r =
            log().Append(ArticleEvent("s", absl::StrCat(n)), ArticleText(n));
        ASSERT_TRUE(r.ok()) << r.status();
        EXPECT_FALSE(r->duplicate);
        sequences[t].push_back(r->sequence);
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  std::set<uint64_t> all;
  for (const auto& per_thread : sequences) {
    EXPECT_TRUE(std::is_sorted(per_thread.begin(), per_thread.end()));
    all.insert(per_thread.begin(), per_thread.end());
  }
  ASSERT_EQ(all.size(), static_cast<size_t>(kThreads * kPerThread));
  EXPECT_EQ(*all.begin(), 1u);
  EXPECT_EQ(*all.rbegin(), static_cast<uint64_t>(kThreads * kPerThread));
  EXPECT_EQ(log().LastSequence(), static_cast<uint64_t>(kThreads * kPerThread));
  // Each event holds the text its caller gave.
  for (int t = 0; t < kThreads; ++t) {
    for (int i = 0; i < kPerThread; ++i) {
      EXPECT_EQ(*log().GetText(sequences[t][i]), ArticleText(t * kPerThread + i));
    }
  }
}

TEST_F(EventLogTest, ConcurrentDuplicatesResolveToOneEvent) {
  constexpr int kThreads = 4;
  std::vector<AppendResult> results(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      absl::StatusOr<AppendResult> r = log().Append(ArticleEvent("s", "t"), ArticleText(42));
      ASSERT_TRUE(r.ok()) << r.status();
      results[t] = *r;
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(log().LastSequence(), 1u);
  int originals = 0;
  for (const AppendResult& r : results) {
    EXPECT_EQ(r.sequence, 1u);
    originals += r.duplicate ? 0 : 1;
  }
  EXPECT_EQ(originals, 1);
}

}  // namespace
}  // namespace claimline::store

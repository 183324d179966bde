// Tests of tools/append_pipeline.h on a real database: input order survives parallel
// extraction, bulk batches, errors stop the pipeline at the right article.
#include "tools/append_pipeline.h"

#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "store/event_log.h"
#include "tests/cli/cli_runner.h"

namespace claimline::tools {
namespace {

using ::claimline::testing::TempDir;
using ::testing::HasSubstr;

// Source: n distinct articles, labelled "a0", "a1", …
NextFn Source(int n, int* index) {
  return [n, index]() -> absl::StatusOr<std::optional<PipelineItem>> {
    if (*index >= n) return std::optional<PipelineItem>();
    PipelineItem item;
    item.label = absl::StrCat("a", *index);
    item.article.set_language("en");
    item.article.set_published("2025-03-04");
    item.text = absl::StrCat("Article number ", *index, " reports on the harbour works.");
    ++*index;
    return std::optional<PipelineItem>(std::move(item));
  };
}

// UnevenWork: an extraction hook whose cost varies a lot between articles, so that workers
// finish out of order; it returns (number % 3) claims.
ExtractFn UnevenWork() {
  return [](const v1::Article&, absl::string_view text) -> absl::StatusOr<std::vector<v1::Claim>> {
    const int number = std::atoi(std::string(text.substr(15)).c_str());
    volatile uint64_t sink = 0;
    const int rounds = (number % 5 == 0) ? 200000 : 1000;
    for (int i = 0; i < rounds; ++i) sink = sink + static_cast<uint64_t>(i) * 31;
    std::vector<v1::Claim> claims(static_cast<size_t>(number % 3));
    for (v1::Claim& c : claims) c.set_kind("statement");
    return claims;
  };
}

class AppendPipelineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = store::Database::Open(dir_ / "db", {});
    ASSERT_TRUE(db.ok()) << db.status();
    db_ = *std::move(db);
  }
  TempDir dir_;
  std::unique_ptr<store::Database> db_;
};

TEST_F(AppendPipelineTest, SequencesFollowInputOrderWithManyWorkers) {
  int index = 0;
  std::vector<PipelineResult> results;
  AppendPipelineOptions options;
  options.workers = 4;
  options.window = 8;
  options.extract = UnevenWork();
  options.extractor.set_name("test");
  options.on_result = [&](const PipelineResult& r) { results.push_back(r); };
  auto summary = RunAppendPipeline(*db_, Source(50, &index), options);
  ASSERT_TRUE(summary.ok()) << summary.status();
  EXPECT_EQ(summary->appended, 50u);
  ASSERT_EQ(results.size(), 50u);
  uint64_t claims = 0;
  for (int i = 0; i < 50; ++i) {
    EXPECT_EQ(results[i].label, absl::StrCat("a", i));
    EXPECT_EQ(results[i].sequence, static_cast<uint64_t>(i + 1));
    EXPECT_EQ(results[i].claims, static_cast<size_t>(i % 3));
    claims += i % 3;
    auto event = db_->log().Get(i + 1);
    ASSERT_TRUE(event.ok()) << event.status();
    EXPECT_EQ(event->article_recorded().claims_size(), i % 3);
    EXPECT_EQ(event->article_recorded().extractor().name(), "test");
    auto text = db_->log().GetText(i + 1);
    ASSERT_TRUE(text.ok());
    EXPECT_EQ(*text, absl::StrCat("Article number ", i, " reports on the harbour works."));
  }
  EXPECT_EQ(summary->claims, claims);
}

TEST_F(AppendPipelineTest, BulkBatchesKeepOrderAndRunAfterAppendPerBatch) {
  int index = 0;
  int after_calls = 0;
  std::vector<uint64_t> seen_last;
  AppendPipelineOptions options;
  options.workers = 3;
  options.bulk_batch = 4;
  options.extract = UnevenWork();
  options.after_append = [&](store::Database& db) {
    ++after_calls;
    seen_last.push_back(db.log().LastSequence());
    return absl::OkStatus();
  };
  std::vector<uint64_t> sequences;
  options.on_result = [&](const PipelineResult& r) { sequences.push_back(r.sequence); };
  auto summary = RunAppendPipeline(*db_, Source(10, &index), options);
  ASSERT_TRUE(summary.ok()) << summary.status();
  EXPECT_EQ(sequences, (std::vector<uint64_t>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}));
  EXPECT_EQ(after_calls, 3);  // batches of 4, 4, 2
  EXPECT_EQ(seen_last, (std::vector<uint64_t>{4, 8, 10}));
}

TEST_F(AppendPipelineTest, DuplicatesReportTheFirstSequence) {
  int calls = 0;
  NextFn same = [&]() -> absl::StatusOr<std::optional<PipelineItem>> {
    if (calls++ >= 3) return std::optional<PipelineItem>();
    PipelineItem item;
    item.label = absl::StrCat("copy", calls);
    item.article.set_language("en");
    item.article.set_published("2025-03-04");
    item.text = "The same article, three times.";
    return std::optional<PipelineItem>(std::move(item));
  };
  std::vector<PipelineResult> results;
  AppendPipelineOptions options;
  options.on_result = [&](const PipelineResult& r) { results.push_back(r); };
  auto summary = RunAppendPipeline(*db_, same, options);
  ASSERT_TRUE(summary.ok()) << summary.status();
  EXPECT_EQ(summary->appended, 1u);
  EXPECT_EQ(summary->duplicates, 2u);
  ASSERT_EQ(results.size(), 3u);
  EXPECT_FALSE(results[0].duplicate);
  EXPECT_TRUE(results[1].duplicate);
  EXPECT_EQ(results[2].sequence, 1u);
  EXPECT_EQ(db_->log().LastSequence(), 1u);
}

TEST_F(AppendPipelineTest, ExtractionErrorStopsAtThatArticle) {
  int index = 0;
  AppendPipelineOptions options;
  options.workers = 2;
  options.extract = [](const v1::Article&,
                       absl::string_view text) -> absl::StatusOr<std::vector<v1::Claim>> {
    if (text.find("number 6 ") != absl::string_view::npos) {
      return absl::InvalidArgumentError("cannot parse");
    }
    return std::vector<v1::Claim>();
  };
  auto summary = RunAppendPipeline(*db_, Source(20, &index), options);
  ASSERT_FALSE(summary.ok());
  EXPECT_THAT(std::string(summary.status().message()),
              HasSubstr("a6: extraction failed: cannot parse"));
  EXPECT_EQ(db_->log().LastSequence(), 6u);  // a0..a5, in order; nothing after a6
}

TEST_F(AppendPipelineTest, ReaderErrorInBulkModeKeepsOnlyCompleteBatches) {
  int index = 0;
  NextFn inner = Source(20, &index);
  NextFn failing = [&]() -> absl::StatusOr<std::optional<PipelineItem>> {
    if (index == 7) return absl::FailedPreconditionError("a7: the file changed while appending");
    return inner();
  };
  AppendPipelineOptions options;
  options.bulk_batch = 4;
  auto summary = RunAppendPipeline(*db_, failing, options);
  ASSERT_FALSE(summary.ok());
  EXPECT_THAT(std::string(summary.status().message()), HasSubstr("a7: the file changed"));
  EXPECT_EQ(db_->log().LastSequence() % 4, 0u);  // only whole batches
  EXPECT_LE(db_->log().LastSequence(), 4u);
}

TEST_F(AppendPipelineTest, EmptyInputAppendsNothing) {
  int index = 0;
  bool after = false;
  AppendPipelineOptions options;
  options.after_append = [&](store::Database&) {
    after = true;
    return absl::OkStatus();
  };
  auto summary = RunAppendPipeline(*db_, Source(0, &index), options);
  ASSERT_TRUE(summary.ok());
  EXPECT_EQ(summary->articles, 0u);
  EXPECT_FALSE(after);
  EXPECT_EQ(db_->log().LastSequence(), 0u);
}

}  // namespace
}  // namespace claimline::tools

#include "tools/append_pipeline.h"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <thread>
#include <utility>

#include "absl/strings/str_cat.h"

namespace claimline::tools {
namespace {

// An article after extraction, waiting for the appender.
struct Extracted {
  PipelineItem item;
  std::vector<v1::Claim> claims;
  absl::Status status;
};

class Pipeline {
 public:
  Pipeline(store::Database& db, const NextFn& next, const AppendPipelineOptions& options)
      : db_(db), next_(next), options_(options) {}

  absl::StatusOr<PipelineSummary> Run() {
    int workers = options_.workers > 0 ? options_.workers
                                       : static_cast<int>(std::thread::hardware_concurrency());
    if (!options_.extract) workers = 1;  // nothing to parallelize
    workers = std::max(workers, 1);
    const size_t window = std::max<size_t>(options_.window, 1);

    std::vector<std::thread> threads;
    threads.emplace_back([this, window] { ReadLoop(window); });
    for (int i = 0; i < workers; ++i) threads.emplace_back([this] { WorkLoop(); });
    AppendLoop();
    {
      std::lock_guard<std::mutex> lock(mu_);
      stop_ = true;
    }
    cv_.notify_all();
    for (std::thread& t : threads) t.join();
    if (!error_.ok()) return error_;
    return summary_;
  }

 private:
  // Fail: records the first error and stops every stage. REQUIRES: mu_ held.
  void FailLocked(absl::Status status) {
    if (error_.ok()) error_ = std::move(status);
    stop_ = true;
    cv_.notify_all();
  }

  void Fail(absl::Status status) {
    std::lock_guard<std::mutex> lock(mu_);
    FailLocked(std::move(status));
  }

  void ReadLoop(size_t window) {
    for (;;) {
      {
        std::unique_lock<std::mutex> lock(mu_);
        cv_.wait(lock, [&] { return stop_ || read_ - taken_ < window; });
        if (stop_) return;
      }
      absl::StatusOr<std::optional<PipelineItem>> item = next_();
      std::lock_guard<std::mutex> lock(mu_);
      if (!item.ok()) {
        FailLocked(item.status());
        return;
      }
      if (!item->has_value()) {
        reader_done_ = true;
        cv_.notify_all();
        return;
      }
      todo_.emplace_back(read_++, std::move(**item));
      cv_.notify_all();
    }
  }

  void WorkLoop() {
    for (;;) {
      std::pair<uint64_t, PipelineItem> work;
      {
        std::unique_lock<std::mutex> lock(mu_);
        cv_.wait(lock, [&] { return stop_ || !todo_.empty() || reader_done_; });
        if (stop_ || todo_.empty()) return;
        work = std::move(todo_.front());
        todo_.pop_front();
      }
      Extracted done;
      done.item = std::move(work.second);
      if (options_.extract) {
        absl::StatusOr<std::vector<v1::Claim>> claims =
            options_.extract(done.item.article, done.item.text);
        if (claims.ok()) {
          done.claims = *std::move(claims);
        } else {
          done.status = absl::Status(
              claims.status().code(),
              absl::StrCat(done.item.label, ": extraction failed: ", claims.status().message()));
        }
      }
      std::lock_guard<std::mutex> lock(mu_);
      done_.emplace(work.first, std::move(done));
      cv_.notify_all();
    }
  }

  // Take: the next article in input order; nullopt at the end or on error.
  std::optional<Extracted> Take() {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock,
             [&] { return stop_ || done_.count(taken_) > 0 || (reader_done_ && taken_ == read_); });
    if (stop_) return std::nullopt;
    auto it = done_.find(taken_);
    if (it == done_.end()) return std::nullopt;  // reader done, all taken
    Extracted e = std::move(it->second);
    done_.erase(it);
    ++taken_;
    cv_.notify_all();
    return e;
  }

  void AppendLoop() {
    std::vector<store::PendingEvent> batch;
    std::vector<PipelineResult> pending;
    for (;;) {
      std::optional<Extracted> e = Take();
      if (!e.has_value()) break;
      if (!e->status.ok()) {
        Fail(e->status);
        return;
      }
      PipelineResult result;
      result.label = e->item.label;
      result.language = e->item.article.language();
      result.claims = e->claims.size();
      result.text_bytes = e->item.text.size();
      summary_.text_bytes += result.text_bytes;

      v1::Event event;
      v1::ArticleRecorded* recorded = event.mutable_article_recorded();
      *recorded->mutable_article() = std::move(e->item.article);
      recorded->mutable_article()->clear_text();
      for (v1::Claim& c : e->claims) *recorded->add_claims() = std::move(c);
      *recorded->mutable_extractor() = options_.extractor;

      if (options_.bulk_batch == 0) {
        absl::StatusOr<store::AppendResult> r = db_.log().Append(std::move(event), e->item.text);
        if (!r.ok()) {
          Fail(absl::Status(r.status().code(),
                            absl::StrCat(result.label, ": ", r.status().message())));
          return;
        }
        Report(result, *r);
        continue;
      }
      batch.push_back(store::PendingEvent{std::move(event), std::move(e->item.text)});
      pending.push_back(std::move(result));
      if (batch.size() >= options_.bulk_batch && !Flush(batch, pending)) return;
    }
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (!error_.ok()) return;
    }
    if (!batch.empty() && !Flush(batch, pending)) return;
    if (options_.bulk_batch == 0 && options_.after_append && summary_.articles > 0) {
      if (absl::Status s = options_.after_append(db_); !s.ok()) Fail(s);
    }
  }

  // Flush: appends the batch atomically and reports it. False on error (recorded).
  bool Flush(std::vector<store::PendingEvent>& batch, std::vector<PipelineResult>& pending) {
    absl::StatusOr<std::vector<store::AppendResult>> r = db_.log().AppendBatch(std::move(batch));
    batch.clear();
    if (!r.ok()) {
      Fail(absl::Status(r.status().code(),
                        absl::StrCat("batch of ", pending.size(), " articles from ",
                                     pending.front().label, ": ", r.status().message())));
      return false;
    }
    for (size_t i = 0; i < pending.size() && i < r->size(); ++i) Report(pending[i], (*r)[i]);
    pending.clear();
    if (options_.after_append) {
      if (absl::Status s = options_.after_append(db_); !s.ok()) {
        Fail(s);
        return false;
      }
    }
    return true;
  }

  void Report(PipelineResult& result, const store::AppendResult& r) {
    result.sequence = r.sequence;
    result.duplicate = r.duplicate;
    ++summary_.articles;
    if (r.duplicate) {
      ++summary_.duplicates;
    } else {
      ++summary_.appended;
      summary_.claims += result.claims;
    }
    if (options_.on_result) options_.on_result(result);
  }

  store::Database& db_;
  const NextFn& next_;
  const AppendPipelineOptions& options_;
  PipelineSummary summary_;  // touched by the appender only

  std::mutex mu_;
  std::condition_variable cv_;  // one condition for every stage: the queues are small
  std::deque<std::pair<uint64_t, PipelineItem>> todo_;
  std::map<uint64_t, Extracted> done_;
  uint64_t read_ = 0;   // articles pulled by the reader
  uint64_t taken_ = 0;  // articles taken by the appender
  bool reader_done_ = false;
  bool stop_ = false;
  absl::Status error_;
};

}  // namespace

absl::StatusOr<PipelineSummary> RunAppendPipeline(store::Database& db, const NextFn& next,
                                                  const AppendPipelineOptions& options) {
  return Pipeline(db, next, options).Run();
}

}  // namespace claimline::tools

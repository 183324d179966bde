// AppendPipeline: the ingest path of `claimline append` (and of `claimline bench`).
//
//   reader thread ──► bounded queue ──► N extraction workers ──► reorder window ──► appender
//   (next() pulls       (window of       (one per core;            (input order)      (the
//    one article)        `window` items)   extract hook)                                calling
//                                                                                      thread)
//
// The reader pulls articles from `next` one at a time; workers run the extraction hook in
// parallel; the appender — the single writer, on the calling thread — takes results in
// INPUT order, so sequence numbers follow the order of the inputs. At most `window`
// articles are in flight between reader and appender (plus one bulk batch), so memory is
// bounded whatever the size of the import.
//
// Durability: with bulk_batch == 0 every article is one durable Append (the store's group
// commit); with bulk_batch == N, every N articles are one atomic AppendBatch with one sync,
// acknowledged as a whole.
//
// Errors: the first error (from `next`, the extract hook, the store or after_append)
// stops the pipeline; everything appended before it stays appended (each append or batch
// is atomic), nothing after it is. The status names the article.
#ifndef CLAIMLINE_TOOLS_APPEND_PIPELINE_H_
#define CLAIMLINE_TOOLS_APPEND_PIPELINE_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "claimline/v1/claim.pb.h"
#include "claimline/v1/event.pb.h"
#include "store/event_log.h"

namespace claimline::tools {

// One article entering the pipeline.
struct PipelineItem {
  std::string label;    // names the article in results and errors (a path, "-", …)
  v1::Article article;  // metadata; `text` is not set here
  std::string text;
};

// ExtractFn: the claims of one article. Called from several threads at once.
using ExtractFn = std::function<absl::StatusOr<std::vector<v1::Claim>>(const v1::Article& article,
                                                                       absl::string_view text)>;

// AfterAppendFn: run after appends (projection catch-up). See AppendPipelineOptions.
using AfterAppendFn = std::function<absl::Status(store::Database& db)>;

// NextFn: the next article, nullopt at the end, or an error that stops the pipeline.
using NextFn = std::function<absl::StatusOr<std::optional<PipelineItem>>()>;

// The outcome of one article, reported in input order.
struct PipelineResult {
  std::string label;
  std::string language;
  uint64_t sequence = 0;  // the new sequence, or the existing one for a duplicate
  bool duplicate = false;
  size_t claims = 0;
  size_t text_bytes = 0;
};

struct AppendPipelineOptions {
  // workers: extraction threads. Default: 0 = one per core.
  int workers = 0;
  // window: articles in flight between the reader and the appender. Default: 64.
  size_t window = 64;
  // bulk_batch: 0 = one durable append per article; N > 0 = one atomic batch (one sync)
  // per N articles. Default: 0.
  size_t bulk_batch = 0;
  // extract: the extraction hook; null = every article gets no claims. Default: null.
  ExtractFn extract;
  // extractor: recorded in every ArticleRecorded event. Default: empty.
  v1::Extractor extractor;
  // after_append: called after each committed bulk batch, and once after the last append
  // in single mode (a durable append is acknowledged before projections catch up; they
  // also catch up when the database is next opened by a query). Null = nothing.
  AfterAppendFn after_append;
  // on_result: called on the appender thread for each article, in input order, right
  // after its append (or its batch) is durable. Null = nothing.
  std::function<void(const PipelineResult&)> on_result;
};

struct PipelineSummary {
  uint64_t articles = 0;  // results reported (appended + duplicates)
  uint64_t appended = 0;
  uint64_t duplicates = 0;
  uint64_t claims = 0;      // claims in the appended articles
  uint64_t text_bytes = 0;  // text bytes of all articles read
};

// RunAppendPipeline: runs the pipeline to the end or to the first error. On error the
// summary of what was appended before it is lost to the caller, but every result already
// reported through on_result is durable.
absl::StatusOr<PipelineSummary> RunAppendPipeline(store::Database& db, const NextFn& next,
                                                  const AppendPipelineOptions& options);

}  // namespace claimline::tools

#endif  // CLAIMLINE_TOOLS_APPEND_PIPELINE_H_

// The measures of `claimline bench`: one run over a synthetic corpus (corpus.h) that
// times extraction, ingest, durable appends, the store against plain RocksDB, replay,
// queries, disk use and memory.
//
// RunBenchmark works in `options.dir` (which must be empty or absent) and leaves it as
// it found it only if the caller removes it. Every measure is reported through
// `on_measure` as soon as it is known, in this order:
//
//   extract_mb_per_s_1core      MB of article text per second, one thread
//   extract_mb_per_s_all_cores  the same with one thread per core
//   corpus_mb_per_s             the generator itself (context: it feeds the ingest)
//   ingest_articles_per_s       articles through the append pipeline in bulk mode:
//                               extraction on every core, durable batch appends by the
//                               single writer, projection catch-up after each batch
//   append_durable_single_per_s one durable Append at a time (one WAL sync each)
//   bytes_per_article           the database directory's size on disk / articles
//   replay_events_per_s         a full projection rebuild into a fresh namespace...
//   replay_claims_per_s         ...counted in events and in claims
//   timeline_first_page_p50_us  the first page of the busiest entity's timeline
//   timeline_first_page_p99_us
//   conflicts_p50_us            that entity's conflicts
//   conflicts_p99_us
//   store_append_vs_raw_ratio   claimline's AppendBatch of pre-extracted events against
//                               a plain RocksDB WriteBatch loop writing the same bytes
//                               (event, text, dedupe key) with the same options and one
//                               sync per batch, side by side: raw time / claimline time
//   peak_rss_mb                 getrusage's ru_maxrss at the end of the run
//
// Benchmarks are not tests: nothing here asserts a time.
#ifndef CLAIMLINE_BENCH_MEASURES_H_
#define CLAIMLINE_BENCH_MEASURES_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "bench/corpus.h"
#include "extract/extractor.h"
#include "store/event_log.h"

namespace claimline::bench {

// One measure: {"measure": name, "value": value, "unit": unit, extra...}.
struct Measure {
  std::string name;
  double value = 0;
  std::string unit;
  // Extra fields, in order; values are JSON already ("1000", "\"nvidia\"").
  std::vector<std::pair<std::string, std::string>> extra;

  // Json: the measure as one JSON object on one line.
  std::string Json() const;
};

// JsonString: `s` as a JSON string literal, quotes included.
std::string JsonString(absl::string_view s);

// The names of every measure RunBenchmark reports, in order.
const std::vector<std::string>& MeasureNames();

// What the ingest reports.
struct IngestStats {
  uint64_t articles = 0;
  uint64_t appended = 0;
  uint64_t duplicates = 0;
  uint64_t claims = 0;
  uint64_t text_bytes = 0;
};

// NextArticle: the next corpus article, or nullopt at the end.
using NextArticle = std::function<std::optional<CorpusArticle>()>;

// IngestFn: runs the append path of `claimline append --bulk` (the caller wires the
// pipeline, its extraction hook and projection catch-up) over `next` into `db`.
using IngestFn =
    std::function<absl::StatusOr<IngestStats>(store::Database& db, const NextArticle& next)>;

// CatchUpFn: brings every projection of `db` up to the log's end.
using CatchUpFn = std::function<absl::Status(store::Database& db)>;

struct BenchOptions {
  // articles: corpus size ingested. Default: 10000.
  uint64_t articles = 10000;
  // seed: the corpus seed. Default: 1.
  uint64_t seed = 1;
  // dir: working directory; created; must not hold anything. REQUIRED.
  std::string dir;
  // threads: extraction threads of the all-cores measure. Default: 0 = one per core.
  int threads = 0;
  // bulk_batch: articles per atomic batch in the ingest and store measures. Default: 1000.
  size_t bulk_batch = 1000;
  // progress: one-line progress messages (for stderr). Default: none.
  std::function<void(const std::string&)> progress;
  // on_measure: called with each measure as soon as it is known. REQUIRED.
  std::function<void(const Measure&)> on_measure;
};

struct BenchHooks {
  const extract::Extractor* extractor = nullptr;  // REQUIRED
  IngestFn ingest;                                // REQUIRED
  CatchUpFn catch_up;                             // REQUIRED
  std::string ingest_extraction;                  // where ingest's extraction came from
};

// RunBenchmark: runs every measure. Errors: the first failure of the store, the
// extractor or the file system, naming the measure it stopped.
absl::Status RunBenchmark(const BenchOptions& options, const BenchHooks& hooks);

}  // namespace claimline::bench

#endif  // CLAIMLINE_BENCH_MEASURES_H_

#include "bench/measures.h"

#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <map>
#include <system_error>
#include <thread>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/time/civil_time.h"
#include "base/status_macros.h"
#include "bench/raw_log.h"
#include "projections/reader.h"
#include "projections/rules.h"
#include "projections/runner.h"
#include "store/content_hash.h"

namespace claimline::bench {
namespace {

namespace fs = std::filesystem;
using SteadyClock = std::chrono::steady_clock;

constexpr double kMB = 1e6;
// Articles whose extraction is timed (the same sample for one core and all cores).
constexpr uint64_t kExtractSample = 4000;
// Single durable appends timed.
constexpr uint64_t kMaxSingleAppends = 1000;
// Articles appended side by side by claimline and by the raw loop.
constexpr uint64_t kMaxStoreArticles = 20000;
// Queries timed per latency measure, after warm-up.
constexpr int kTimelineQueries = 1000;
constexpr int kConflictQueries = 300;
constexpr int kWarmupQueries = 20;
// The page size of a timeline's first page.
constexpr size_t kTimelinePage = 20;

double Seconds(SteadyClock::duration d) { return std::chrono::duration<double>(d).count(); }
double Micros(SteadyClock::duration d) {
  return std::chrono::duration<double, std::micro>(d).count();
}

std::string JsonNumber(double v) {
  if (!std::isfinite(v)) return "null";
  if (v == std::floor(v) && std::fabs(v) < 1e15) return absl::StrFormat("%.0f", v);
  return absl::StrFormat("%.6g", v);
}

std::string Quoted(absl::string_view s) { return JsonString(s); }
std::string Num(double v) { return JsonNumber(v); }

// Percentile: the q-quantile (nearest rank) of `v`. REQUIRES: !v.empty().
double Percentile(std::vector<double> v, double q) {
  std::sort(v.begin(), v.end());
  size_t rank = static_cast<size_t>(std::ceil(q * static_cast<double>(v.size())));
  rank = std::clamp<size_t>(rank, 1, v.size());
  return v[rank - 1];
}

uint64_t DirBytes(const std::string& dir) {
  uint64_t total = 0;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file(ec)) total += it->file_size(ec);
  }
  return total;
}

// ThreadCpuSeconds: CPU time of the calling thread. On a shared machine the wall clock
// also counts other processes' time; CPU time shows what the code itself costs.
double ThreadCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

double PeakRssMb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
}

v1::Article ToArticle(const CorpusArticle& a) {
  v1::Article article;
  article.set_source(a.source);
  article.set_url(a.url);
  article.set_title(a.title);
  article.set_language(a.language);
  article.set_published(a.published);
  return article;
}

absl::StatusOr<std::vector<v1::Claim>> ExtractOne(const extract::Extractor& extractor,
                                                  const CorpusArticle& a) {
  absl::CivilDay day;
  if (!absl::ParseCivilTime(a.published, &day)) {
    return absl::InternalError(
        absl::StrCat("corpus article ", a.index, ": bad date ", a.published));
  }
  extract::ExtractRequest request;
  request.text = a.text;
  request.language = a.language;
  request.published = day;
  return extractor.Extract(request);
}

// ParallelFor: runs fn(i) for i in [0, n) on `threads` threads; the first error wins.
absl::Status ParallelFor(size_t n, int threads, const std::function<absl::Status(size_t)>& fn) {
  std::atomic<size_t> next{0};
  std::mutex mu;
  absl::Status first;
  auto work = [&] {
    for (size_t i = next++; i < n; i = next++) {
      absl::Status s = fn(i);
      if (!s.ok()) {
        std::lock_guard<std::mutex> lock(mu);
        if (first.ok()) first = s;
        next = n;
      }
    }
  };
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
  return first;
}

absl::Status Prefixed(absl::string_view measure, const absl::Status& s) {
  if (s.ok()) return s;
  return absl::Status(s.code(), absl::StrCat(measure, ": ", s.message()));
}

class Bench {
 public:
  Bench(const BenchOptions& options, const BenchHooks& hooks, const Corpus& corpus)
      : o_(options), h_(hooks), corpus_(corpus) {
    threads_ = o_.threads > 0 ? o_.threads
                              : std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
  }

  absl::Status Run() {
    RETURN_IF_ERROR(Prefixed("extract", Extraction()));
    const std::string db_dir = (fs::path(o_.dir) / "ingest").string();
    {
      ASSIGN_OR_RETURN(std::unique_ptr<store::Database> db, store::Database::Open(db_dir, {}));
      RETURN_IF_ERROR(Prefixed("ingest", Ingest(*db)));
      RETURN_IF_ERROR(Prefixed("append_single", SingleAppends(*db)));
      const uint64_t articles = o_.articles + singles_;
      const uint64_t bytes = DirBytes(db_dir);
      Emit({"bytes_per_article",
            static_cast<double>(bytes) / static_cast<double>(std::max<uint64_t>(articles, 1)),
            "B",
            {{"articles", Num(articles)}, {"db_bytes", Num(bytes)}}});
      RETURN_IF_ERROR(Prefixed("replay", Replay(*db)));
      RETURN_IF_ERROR(Prefixed("queries", Queries(*db)));
    }
    RETURN_IF_ERROR(Prefixed("store_vs_raw", StoreVersusRaw()));
    Emit({"peak_rss_mb",
          PeakRssMb(),
          "MB",
          {{"after_ingest_mb", Num(std::round(rss_after_ingest_ * 10) / 10)},
           {"articles", Num(o_.articles)}}});
    return absl::OkStatus();
  }

 private:
  void Emit(Measure m) { o_.on_measure(m); }
  void Progress(const std::string& line) const {
    if (o_.progress) o_.progress(line);
  }

  absl::Status Extraction() {
    const uint64_t n = std::min(o_.articles, kExtractSample);
    std::vector<CorpusArticle> sample;
    sample.reserve(n);
    uint64_t bytes = 0;
    const auto g0 = SteadyClock::now();
    for (uint64_t i = 0; i < n; ++i) {
      sample.push_back(corpus_.Article(i));
      bytes += sample.back().text.size();
    }
    const double gen_seconds = Seconds(SteadyClock::now() - g0);
    Progress(absl::StrCat("extraction: ", n, " articles, ", bytes, " bytes"));

    uint64_t claims = 0;
    // Per language: bytes and CPU seconds (the hot spots differ by script).
    std::map<std::string, std::pair<uint64_t, double>> per_language;
    const double cpu0 = ThreadCpuSeconds();
    const auto t0 = SteadyClock::now();
    for (const CorpusArticle& a : sample) {
      const double a0 = ThreadCpuSeconds();
      ASSIGN_OR_RETURN(std::vector<v1::Claim> c, ExtractOne(*h_.extractor, a));
      std::pair<uint64_t, double>& lang = per_language[a.language];
      lang.first += a.text.size();
      lang.second += ThreadCpuSeconds() - a0;
      claims += c.size();
    }
    const double one = Seconds(SteadyClock::now() - t0);
    const double one_cpu = ThreadCpuSeconds() - cpu0;
    std::string by_language = "{";
    for (const auto& [lang, use] : per_language) {
      absl::StrAppend(
          &by_language, by_language.size() > 1 ? ", " : "", JsonString(lang), ": ",
          Num(std::round(static_cast<double>(use.first) / kMB / use.second * 100) / 100));
    }
    by_language += "}";

    const auto t1 = SteadyClock::now();
    RETURN_IF_ERROR(ParallelFor(sample.size(), threads_, [&](size_t i) -> absl::Status {
      return ExtractOne(*h_.extractor, sample[i]).status();
    }));
    const double all = Seconds(SteadyClock::now() - t1);

    const std::string langs = absl::StrCat(
        "[",
        absl::StrJoin(corpus_.languages(), ",",
                      [](std::string* out, const std::string& l) { out->append(JsonString(l)); }),
        "]");
    const double mb = static_cast<double>(bytes) / kMB;
    Emit({"extract_mb_per_s_1core",
          mb / one,
          "MB/s",
          {{"articles", Num(n)},
           {"bytes", Num(bytes)},
           {"claims", Num(claims)},
           {"claims_per_article", Num(std::round(10.0 * claims / std::max<uint64_t>(n, 1)) / 10)},
           {"threads", "1"},
           {"cpu_mb_per_s", Num(std::round(mb / one_cpu * 100) / 100)},
           {"cpu_mb_per_s_by_language", by_language},
           {"languages", langs}}});
    Emit({"extract_mb_per_s_all_cores",
          mb / all,
          "MB/s",
          {{"articles", Num(n)}, {"bytes", Num(bytes)}, {"threads", Num(threads_)}}});
    Emit({"corpus_mb_per_s", mb / gen_seconds, "MB/s", {{"articles", Num(n)}}});
    return absl::OkStatus();
  }

  absl::Status Ingest(store::Database& db) {
    uint64_t next = 0;
    auto last_report = SteadyClock::now();
    NextArticle next_article = [&]() -> std::optional<CorpusArticle> {
      if (next >= o_.articles) return std::nullopt;
      if (SteadyClock::now() - last_report > std::chrono::seconds(10)) {
        last_report = SteadyClock::now();
        Progress(absl::StrCat("ingest: ", next, "/", o_.articles, " articles read"));
      }
      return corpus_.Article(next++);
    };
    const auto t0 = SteadyClock::now();
    ASSIGN_OR_RETURN(IngestStats stats, h_.ingest(db, next_article));
    const double seconds = Seconds(SteadyClock::now() - t0);
    rss_after_ingest_ = PeakRssMb();
    claims_ += stats.claims;
    Emit({"ingest_articles_per_s",
          static_cast<double>(stats.articles) / seconds,
          "articles/s",
          {{"articles", Num(stats.articles)},
           {"appended", Num(stats.appended)},
           {"duplicates", Num(stats.duplicates)},
           {"claims", Num(stats.claims)},
           {"mb_per_s", Num(std::round(stats.text_bytes / kMB / seconds * 100) / 100)},
           {"seconds", Num(std::round(seconds * 100) / 100)},
           {"threads", Num(threads_)},
           {"bulk_batch", Num(o_.bulk_batch)},
           {"extraction", Quoted(h_.ingest_extraction)}}});
    return absl::OkStatus();
  }

  absl::Status SingleAppends(store::Database& db) {
    const uint64_t n = std::clamp<uint64_t>(o_.articles / 20, 50, kMaxSingleAppends);
    std::vector<CorpusArticle> articles;
    for (uint64_t i = o_.articles; articles.size() < n; ++i) {
      CorpusArticle a = corpus_.Article(i);
      if (!a.duplicate) articles.push_back(std::move(a));
    }
    std::vector<std::vector<v1::Claim>> claims(n);
    RETURN_IF_ERROR(ParallelFor(n, threads_, [&](size_t i) -> absl::Status {
      ASSIGN_OR_RETURN(claims[i], ExtractOne(*h_.extractor, articles[i]));
      return absl::OkStatus();
    }));
    std::vector<v1::Event> events(n);
    for (size_t i = 0; i < n; ++i) {
      v1::ArticleRecorded* r = events[i].mutable_article_recorded();
      *r->mutable_article() = ToArticle(articles[i]);
      for (v1::Claim& c : claims[i]) *r->add_claims() = std::move(c);
      claims_ += r->claims_size();
      *r->mutable_extractor() = h_.extractor->Identity();
    }
    const auto t0 = SteadyClock::now();
    for (size_t i = 0; i < n; ++i) {
      ASSIGN_OR_RETURN(store::AppendResult r,
                       db.log().Append(std::move(events[i]), articles[i].text));
      if (!r.duplicate) ++singles_;
    }
    const double seconds = Seconds(SteadyClock::now() - t0);
    Emit({"append_durable_single_per_s",
          static_cast<double>(n) / seconds,
          "appends/s",
          {{"appends", Num(n)}, {"log_events_before", Num(db.log().LastSequence() - singles_)}}});
    Progress("catching projections up after the single appends");
    return h_.catch_up(db);
  }

  absl::Status Replay(store::Database& db) {
    v1::ProjectionRules rules = projections::DefaultRules();
    rules.set_name("bench-replay");
    ASSIGN_OR_RETURN(std::string ns, projections::CreateNamespace(db, rules));
    Progress(absl::StrCat("replay: rebuilding ", db.log().LastSequence(), " events into ", ns));
    const double cpu0 = ThreadCpuSeconds();
    const auto t0 = SteadyClock::now();
    RETURN_IF_ERROR(projections::CatchUpNamespace(db, ns));
    const double seconds = Seconds(SteadyClock::now() - t0);
    const double cpu = ThreadCpuSeconds() - cpu0;
    const uint64_t events = db.log().LastSequence();
    Emit({"replay_events_per_s",
          static_cast<double>(events) / seconds,
          "events/s",
          {{"events", Num(events)},
           {"seconds", Num(std::round(seconds * 100) / 100)},
           {"cpu_events_per_s", Num(std::round(static_cast<double>(events) / cpu))}}});
    Emit({"replay_claims_per_s",
          static_cast<double>(claims_) / seconds,
          "claims/s",
          {{"claims", Num(claims_)},
           {"events", Num(events)},
           {"cpu_claims_per_s", Num(std::round(static_cast<double>(claims_) / cpu))}}});
    return db.state().DropNamespace(ns);
  }

  absl::Status Queries(store::Database& db) {
    ASSIGN_OR_RETURN(
        projections::ProjectionReader reader,
        projections::ProjectionReader::Open(db, std::string(projections::kDefaultNamespace)));
    const std::string& entity = corpus_.options().hot_entity;
    projections::TimelineQuery all;
    all.all = true;
    ASSIGN_OR_RETURN(std::vector<v1::ClusterSummary> clusters, reader.Timeline(entity, all));
    uint64_t entity_claims = 0;
    for (const v1::ClusterSummary& c : clusters) entity_claims += c.attestations();

    projections::TimelineQuery page;
    page.limit = kTimelinePage;
    std::vector<double> timeline_us, timeline_cpu_us;
    size_t page_entries = 0;
    for (int i = 0; i < kWarmupQueries + kTimelineQueries; ++i) {
      const double cpu0 = ThreadCpuSeconds();
      const auto t0 = SteadyClock::now();
      ASSIGN_OR_RETURN(std::vector<v1::ClusterSummary> entries, reader.Timeline(entity, page));
      const double us = Micros(SteadyClock::now() - t0);
      const double cpu_us = (ThreadCpuSeconds() - cpu0) * 1e6;
      page_entries = entries.size();
      if (i >= kWarmupQueries) {
        timeline_us.push_back(us);
        timeline_cpu_us.push_back(cpu_us);
      }
    }
    const std::vector<std::pair<std::string, std::string>> timeline_extra = {
        {"cpu_p50_us", Num(std::round(Percentile(timeline_cpu_us, 0.50) * 10) / 10)},
        {"cpu_p99_us", Num(std::round(Percentile(timeline_cpu_us, 0.99) * 10) / 10)},
        {"entity", Quoted(entity)},
        {"entity_claims", Num(entity_claims)},
        {"entity_clusters", Num(clusters.size())},
        {"page", Num(page_entries)},
        {"queries", Num(kTimelineQueries)},
        {"log_events", Num(db.log().LastSequence())}};
    Emit({"timeline_first_page_p50_us", Percentile(timeline_us, 0.50), "us", timeline_extra});
    Emit({"timeline_first_page_p99_us", Percentile(timeline_us, 0.99), "us", timeline_extra});

    projections::ConflictQuery conflicts;
    conflicts.entity = entity;
    std::vector<double> conflict_us, conflict_cpu_us;
    size_t found = 0;
    for (int i = 0; i < kWarmupQueries + kConflictQueries; ++i) {
      const double cpu0 = ThreadCpuSeconds();
      const auto t0 = SteadyClock::now();
      ASSIGN_OR_RETURN(std::vector<v1::ClusterSummary> entries, reader.Conflicts(conflicts));
      const double us = Micros(SteadyClock::now() - t0);
      const double cpu_us = (ThreadCpuSeconds() - cpu0) * 1e6;
      found = entries.size();
      if (i >= kWarmupQueries) {
        conflict_us.push_back(us);
        conflict_cpu_us.push_back(cpu_us);
      }
    }
    const std::vector<std::pair<std::string, std::string>> conflict_extra = {
        {"cpu_p50_us", Num(std::round(Percentile(conflict_cpu_us, 0.50) * 10) / 10)},
        {"cpu_p99_us", Num(std::round(Percentile(conflict_cpu_us, 0.99) * 10) / 10)},
        {"entity", Quoted(entity)},
        {"conflicts", Num(found)},
        {"queries", Num(kConflictQueries)},
        {"log_events", Num(db.log().LastSequence())}};
    Emit({"conflicts_p50_us", Percentile(conflict_us, 0.50), "us", conflict_extra});
    Emit({"conflicts_p99_us", Percentile(conflict_us, 0.99), "us", conflict_extra});
    return absl::OkStatus();
  }

  absl::Status StoreVersusRaw() {
    const size_t batch_size = std::max<size_t>(o_.bulk_batch, 1);
    const uint64_t total = std::min(o_.articles, kMaxStoreArticles);
    const std::string claimline_dir = (fs::path(o_.dir) / "store-claimline").string();
    const std::string raw_dir = (fs::path(o_.dir) / "store-raw").string();
    store::OpenOptions open_options;
    ASSIGN_OR_RETURN(std::unique_ptr<store::Database> db,
                     store::Database::Open(claimline_dir, open_options));
    ASSIGN_OR_RETURN(std::unique_ptr<RawLog> raw,
                     RawLog::Open(raw_dir, open_options.block_cache_bytes));

    double claimline_seconds = 0, raw_seconds = 0, hash_seconds = 0;
    uint64_t written = 0, bytes = 0;
    // Articles after those of the ingest and the single appends: all new to both logs.
    uint64_t index = o_.articles * 2 + kMaxSingleAppends;
    int round = 0;
    while (written < total) {
      const size_t n = std::min<uint64_t>(batch_size, total - written);
      std::vector<CorpusArticle> articles;
      while (articles.size() < n) {
        CorpusArticle a = corpus_.Article(index++);
        if (!a.duplicate) articles.push_back(std::move(a));  // the raw loop does not dedupe
      }
      std::vector<std::vector<v1::Claim>> claims(n);
      RETURN_IF_ERROR(ParallelFor(n, threads_, [&](size_t i) -> absl::Status {
        ASSIGN_OR_RETURN(claims[i], ExtractOne(*h_.extractor, articles[i]));
        return absl::OkStatus();
      }));
      std::vector<store::PendingEvent> pending(n);
      std::vector<RawRecord> records(n);
      for (size_t i = 0; i < n; ++i) {
        v1::ArticleRecorded* r = pending[i].event.mutable_article_recorded();
        *r->mutable_article() = ToArticle(articles[i]);
        for (v1::Claim& c : claims[i]) *r->add_claims() = std::move(c);
        *r->mutable_extractor() = h_.extractor->Identity();
        pending[i].text = articles[i].text;
        bytes += articles[i].text.size();
        records[i].event = pending[i].event;
        records[i].text = articles[i].text;
      }
      // The raw loop writes the same event bytes as the store: with hash and size set.
      const auto h0 = SteadyClock::now();
      for (RawRecord& r : records) r.hash = store::ContentHash(r.text);
      hash_seconds += Seconds(SteadyClock::now() - h0);
      for (RawRecord& r : records) {
        v1::Article* a = r.event.mutable_article_recorded()->mutable_article();
        a->set_content_hash(r.hash);
        a->set_text_bytes(r.text.size());
      }

      auto time_claimline = [&]() -> absl::Status {
        const auto t0 = SteadyClock::now();
        ASSIGN_OR_RETURN(std::vector<store::AppendResult> results,
                         db->log().AppendBatch(std::move(pending)));
        claimline_seconds += Seconds(SteadyClock::now() - t0);
        for (const store::AppendResult& r : results) {
          if (r.duplicate) return absl::InternalError("a corpus article was a duplicate");
        }
        return absl::OkStatus();
      };
      auto time_raw = [&]() -> absl::Status {
        const int64_t now = std::chrono::duration_cast<std::chrono::microseconds>(
                                std::chrono::system_clock::now().time_since_epoch())
                                .count();
        const auto t0 = SteadyClock::now();
        RETURN_IF_ERROR(raw->AppendBatch(records, now));
        raw_seconds += Seconds(SteadyClock::now() - t0);
        return absl::OkStatus();
      };
      // Alternate which goes first, so neither always meets the other's flushes.
      if (round++ % 2 == 0) {
        RETURN_IF_ERROR(time_claimline());
        RETURN_IF_ERROR(time_raw());
      } else {
        RETURN_IF_ERROR(time_raw());
        RETURN_IF_ERROR(time_claimline());
      }
      written += n;
    }
    db.reset();
    raw.reset();
    std::error_code ec;
    fs::remove_all(claimline_dir, ec);
    fs::remove_all(raw_dir, ec);

    const double articles = static_cast<double>(written);
    const double mb = static_cast<double>(bytes) / kMB;
    Emit({"store_append_vs_raw_ratio",
          raw_seconds / claimline_seconds,
          "ratio",
          {{"articles", Num(written)},
           {"batch", Num(batch_size)},
           {"claimline_per_s", Num(std::round(articles / claimline_seconds))},
           {"raw_per_s", Num(std::round(articles / raw_seconds))},
           {"raw_mb_per_s", Num(std::round(mb / raw_seconds * 10) / 10)},
           {"ratio_if_raw_hashed",
            Num(std::round((raw_seconds + hash_seconds) / claimline_seconds * 1000) / 1000)},
           {"hash_mb_per_s", Num(std::round(mb / hash_seconds))}}});
    return absl::OkStatus();
  }

  const BenchOptions& o_;
  const BenchHooks& h_;
  const Corpus& corpus_;
  int threads_ = 1;
  uint64_t claims_ = 0;   // claims in the ingest log
  uint64_t singles_ = 0;  // articles appended one at a time
  double rss_after_ingest_ = 0;
};

}  // namespace

std::string JsonString(absl::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      out += absl::StrFormat("\\u%04x", c);
    } else {
      out += c;
    }
  }
  return out + "\"";
}

std::string Measure::Json() const {
  std::string out =
      absl::StrCat("{\"measure\": ", JsonString(name), ", \"value\": ", JsonNumber(value),
                   ", \"unit\": ", JsonString(unit));
  for (const auto& [key, json] : extra) absl::StrAppend(&out, ", ", JsonString(key), ": ", json);
  return out + "}";
}

const std::vector<std::string>& MeasureNames() {
  static const std::vector<std::string>* const kNames =
      new std::vector<std::string>{"extract_mb_per_s_1core",
                                   "extract_mb_per_s_all_cores",
                                   "corpus_mb_per_s",
                                   "ingest_articles_per_s",
                                   "append_durable_single_per_s",
                                   "bytes_per_article",
                                   "replay_events_per_s",
                                   "replay_claims_per_s",
                                   "timeline_first_page_p50_us",
                                   "timeline_first_page_p99_us",
                                   "conflicts_p50_us",
                                   "conflicts_p99_us",
                                   "store_append_vs_raw_ratio",
                                   "peak_rss_mb"};
  return *kNames;
}

absl::Status RunBenchmark(const BenchOptions& options, const BenchHooks& hooks) {
  if (options.dir.empty()) return absl::InvalidArgumentError("bench: no working directory");
  if (hooks.extractor == nullptr || !hooks.ingest || !hooks.catch_up || !options.on_measure) {
    return absl::InvalidArgumentError(
        "bench: extractor, ingest, catch_up and on_measure are required");
  }
  if (options.articles == 0) return absl::InvalidArgumentError("--articles must be at least 1");
  std::error_code ec;
  if (fs::exists(options.dir, ec) && !fs::is_empty(options.dir, ec)) {
    return absl::FailedPreconditionError(
        absl::StrCat("bench directory ", options.dir, " is not empty"));
  }
  fs::create_directories(options.dir, ec);
  if (ec) {
    return absl::FailedPreconditionError(
        absl::StrCat("cannot create ", options.dir, ": ", ec.message()));
  }

  // The corpus in every language both the extractor and the templates know.
  CorpusOptions corpus_options;
  corpus_options.seed = options.seed;
  for (const std::string& lang : hooks.extractor->Languages()) {
    for (const LanguageTemplates& t : AllTemplates()) {
      if (lang == t.tag) corpus_options.languages.push_back(lang);
    }
  }
  if (corpus_options.languages.empty()) {
    return absl::FailedPreconditionError(
        "the extractor supports none of the corpus languages (templates.h)");
  }
  ASSIGN_OR_RETURN(std::unique_ptr<Corpus> corpus, Corpus::Create(corpus_options));
  return Bench(options, hooks, *corpus).Run();
}

}  // namespace claimline::bench

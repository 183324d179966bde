// claimline bench: the benchmark (bench/measures.h) over a synthetic corpus, through the
// same append pipeline and hooks as `claimline append --bulk`.
#include <stdlib.h>

#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <system_error>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "base/civil_date.h"
#include "base/status_macros.h"
#include "bench/corpus.h"
#include "bench/measures.h"
#include "bench/templates.h"
#include "extract/extractor.h"
#include "projections/runner.h"
#include "tools/append_hooks.h"
#include "tools/append_pipeline.h"
#include "tools/commands.h"

namespace claimline::tools {
namespace {

namespace fs = std::filesystem;

absl::StatusOr<uint64_t> ParseNumber(const Invocation& inv, const std::string& flag,
                                     uint64_t fallback, uint64_t min) {
  if (!inv.Has(flag)) return fallback;
  uint64_t n = 0;
  if (!absl::SimpleAtoi(inv.Get(flag), &n) || n < min) {
    return absl::InvalidArgumentError(
        absl::StrCat("--", flag, ": \"", inv.Get(flag), "\" is not a number of at least ", min));
  }
  return n;
}

// The ingest of the benchmark: `claimline append --bulk`'s pipeline and hooks, with
// projection catch-up after each batch.
bench::IngestFn MakeIngest(const AppendHooks& hooks, const extract::Extractor& extractor,
                           size_t bulk_batch, int workers) {
  return [&hooks, &extractor, bulk_batch, workers](
             store::Database& db,
             const bench::NextArticle& next) -> absl::StatusOr<bench::IngestStats> {
    AppendPipelineOptions options;
    options.workers = workers;
    options.bulk_batch = bulk_batch;
    options.extract = hooks.extract;
    options.extractor = hooks.extractor;
    if (!options.extract) {
      // A build whose append hooks have no extractor yet: the same extractor directly.
      options.extractor = extractor.Identity();
      options.extract = [&extractor](
                            const v1::Article& article,
                            absl::string_view text) -> absl::StatusOr<std::vector<v1::Claim>> {
        ASSIGN_OR_RETURN(absl::CivilDay day, ParseIsoDate(article.published()));
        extract::ExtractRequest request;
        request.text = text;
        request.language = article.language();
        request.published = day;
        return extractor.Extract(request);
      };
    }
    options.after_append = hooks.after_append;
    if (!options.after_append) {
      options.after_append = [](store::Database& db) { return projections::CatchUp(db); };
    }
    NextFn pipeline_next = [&next]() -> absl::StatusOr<std::optional<PipelineItem>> {
      std::optional<bench::CorpusArticle> a = next();
      if (!a.has_value()) return std::optional<PipelineItem>();
      PipelineItem item;
      item.label = absl::StrCat("corpus #", a->index);
      item.article.set_source(a->source);
      item.article.set_url(a->url);
      item.article.set_title(a->title);
      item.article.set_language(a->language);
      item.article.set_published(a->published);
      item.text = std::move(a->text);
      return std::optional<PipelineItem>(std::move(item));
    };
    ASSIGN_OR_RETURN(PipelineSummary summary, RunAppendPipeline(db, pipeline_next, options));
    bench::IngestStats stats;
    stats.articles = summary.articles;
    stats.appended = summary.appended;
    stats.duplicates = summary.duplicates;
    stats.claims = summary.claims;
    stats.text_bytes = summary.text_bytes;
    return stats;
  };
}

std::string FormatValue(double v) {
  if (v >= 100) return absl::StrFormat("%.0f", v);
  if (v >= 10) return absl::StrFormat("%.1f", v);
  return absl::StrFormat("%.2f", v);
}

// Note: the extra fields that matter to a person reading the table.
std::string Note(const bench::Measure& m) {
  std::string note;
  for (const auto& [key, value] : m.extra) {
    if (key == "articles" || key == "threads" || key == "claims" || key == "entity" ||
        key == "entity_claims" || key == "conflicts" || key == "appends" || key == "events" ||
        key == "raw_per_s" || key == "claimline_per_s" || key == "duplicates" ||
        key == "cpu_mb_per_s" || key == "cpu_events_per_s" || key == "cpu_claims_per_s" ||
        key == "cpu_p50_us" || key == "cpu_p99_us" || key == "ratio_if_raw_hashed") {
      absl::StrAppend(&note, note.empty() ? "" : " ", key, "=", value);
    }
  }
  return note;
}

absl::StatusOr<int> RunBench(Invocation& inv) {
  std::ostream& out = *inv.out;
  std::ostream& err = *inv.err;
  const std::string format = inv.Get("format", "text");
  if (format != "text" && format != "json") {
    return absl::InvalidArgumentError(
        absl::StrCat("--format: \"", format, "\" is not one of text, json"));
  }
  bench::BenchOptions options;
  ASSIGN_OR_RETURN(options.articles, ParseNumber(inv, "articles", 10000, 1));
  ASSIGN_OR_RETURN(options.seed, ParseNumber(inv, "seed", 1, 0));
  ASSIGN_OR_RETURN(const uint64_t batch, ParseNumber(inv, "batch-size", 1000, 1));
  ASSIGN_OR_RETURN(const uint64_t threads, ParseNumber(inv, "threads", 0, 1));
  options.bulk_batch = batch;
  options.threads = static_cast<int>(threads);

  if (inv.Has("emit-corpus")) {
    // The corpus alone, as a manifest `claimline append --manifest` reads.
    ASSIGN_OR_RETURN(std::unique_ptr<extract::Extractor> extractor, extract::Extractor::Create({}));
    bench::CorpusOptions corpus_options;
    corpus_options.seed = options.seed;
    for (const std::string& lang : extractor->Languages()) {
      for (const bench::LanguageTemplates& t : bench::AllTemplates()) {
        if (lang == t.tag) corpus_options.languages.push_back(lang);
      }
    }
    ASSIGN_OR_RETURN(std::unique_ptr<bench::Corpus> corpus, bench::Corpus::Create(corpus_options));
    for (uint64_t i = 0; i < options.articles; ++i) {
      const bench::CorpusArticle a = corpus->Article(i);
      out << "{\"text\": " << bench::JsonString(a.text)
          << ", \"lang\": " << bench::JsonString(a.language)
          << ", \"published\": " << bench::JsonString(a.published)
          << ", \"source\": " << bench::JsonString(a.source)
          << ", \"url\": " << bench::JsonString(a.url)
          << ", \"title\": " << bench::JsonString(a.title) << "}\n";
    }
    return kExitOk;
  }

  // The working directory: --dir (kept), or a fresh temporary one (removed).
  const bool keep = inv.Has("dir");
  if (keep) {
    options.dir = inv.Get("dir");
  } else {
    std::error_code ec;
    std::string pattern = (fs::temp_directory_path(ec) / "claimline-bench-XXXXXX").string();
    if (ec || mkdtemp(pattern.data()) == nullptr) {
      return absl::FailedPreconditionError("cannot create a temporary directory for the benchmark");
    }
    options.dir = pattern;
  }

  ASSIGN_OR_RETURN(std::unique_ptr<extract::Extractor> extractor, extract::Extractor::Create({}));
  ASSIGN_OR_RETURN(AppendHooks hooks, MakeAppendHooks());
  bench::BenchHooks bench_hooks;
  bench_hooks.extractor = extractor.get();
  bench_hooks.ingest = MakeIngest(hooks, *extractor, options.bulk_batch, static_cast<int>(threads));
  bench_hooks.catch_up = [&hooks](store::Database& db) -> absl::Status {
    if (hooks.after_append) return hooks.after_append(db);
    return projections::CatchUp(db);
  };
  bench_hooks.ingest_extraction = hooks.extract ? "append hooks" : "extractor (hooks have none)";

  std::vector<bench::Measure> measures;
  options.progress = [&err](const std::string& line) {
    err << "claimline bench: " << line << "\n";
    err.flush();
  };
  options.on_measure = [&](const bench::Measure& m) {
    measures.push_back(m);
    if (format == "json") {
      out << m.Json() << "\n";
      out.flush();
    } else {
      err << "claimline bench: " << m.name << " = " << FormatValue(m.value) << " " << m.unit
          << "\n";
    }
  };
  err << "claimline bench: " << options.articles << " articles, seed " << options.seed << ", in "
      << options.dir << "\n";
  const absl::Status status = bench::RunBenchmark(options, bench_hooks);
  if (!keep) {
    std::error_code ec;
    fs::remove_all(options.dir, ec);
  }
  RETURN_IF_ERROR(status);

  if (format == "text") {
    size_t name_width = 0;
    for (const bench::Measure& m : measures) name_width = std::max(name_width, m.name.size());
    out << absl::StrFormat("%-*s %12s  %-10s %s\n", name_width, "measure", "value", "unit",
                           "notes");
    for (const bench::Measure& m : measures) {
      out << absl::StrFormat("%-*s %12s  %-10s %s\n", name_width, m.name, FormatValue(m.value),
                             m.unit, Note(m));
    }
  }
  return kExitOk;
}

}  // namespace

const CommandSpec kBenchCommand = {
    "bench",
    "",
    "Measure extraction, ingest, the store, replay and queries on a synthetic corpus",
    "Generates a deterministic synthetic corpus (2-6 KB articles in every language the\n"
    "extractor supports, from the benchmark's own templates and the gazetteer's names, with\n"
    "duplicates and disagreeing figures) and measures, in one run: extraction on one core\n"
    "and on all cores, bulk ingest through the pipeline of 'append --bulk' (extraction,\n"
    "durable batches, projection catch-up), single durable appends, the store's appends\n"
    "against a plain RocksDB write loop of the same bytes, a full projection replay,\n"
    "timeline and conflict query latencies, bytes on disk per article and peak memory.\n"
    "\n"
    "Output: a table (text) or one JSON object per measure and line (json):\n"
    "{\"measure\": NAME, \"value\": X, \"unit\": U, ...}. Progress goes to stderr.\n"
    "The database is built in a temporary directory that is removed afterwards, unless\n"
    "--dir names one (it must be empty or absent, and is kept). Global --db is ignored.\n",
    {
        {"articles", "N", "articles in the corpus; default: 10000"},
        {"seed", "S", "corpus seed (same seed, same corpus); default: 1"},
        {"format", "text|json", "output format; default: text"},
        {"dir", "DIR", "work in DIR and keep it; default: a temporary directory, removed"},
        {"batch-size", "N", "articles per bulk batch; default: 1000"},
        {"threads", "N", "extraction threads; default: one per core"},
        {"emit-corpus", "",
         "print the corpus as an append --manifest (JSON Lines); measure nothing"},
    },
    0,
    0,
    false,
    &RunBench,
};

}  // namespace claimline::tools

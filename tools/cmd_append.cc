// claimline append: articles (files, folders, stdin, JSON Lines manifests) into the log.
#include <unistd.h>

#include <iostream>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "base/civil_date.h"
#include "base/status_macros.h"
#include "store/event_log.h"
#include "tools/append_hooks.h"
#include "tools/append_pipeline.h"
#include "tools/article_input.h"
#include "tools/commands.h"
#include "tools/language_tag.h"
#include "tools/open_database.h"
#include "tools/progress.h"

namespace claimline::tools {
namespace {

constexpr size_t kDefaultBulkBatch = 1000;

// ParseByteSize: "16777216", "16M", "16MiB", "512K", "1G" (binary multiples).
absl::StatusOr<size_t> ParseByteSize(const std::string& text) {
  std::string s = absl::AsciiStrToLower(text);
  uint64_t mult = 1;
  for (auto [suffix, m] : std::vector<std::pair<std::string, uint64_t>>{{"kib", 1ull << 10},
                                                                        {"mib", 1ull << 20},
                                                                        {"gib", 1ull << 30},
                                                                        {"k", 1ull << 10},
                                                                        {"m", 1ull << 20},
                                                                        {"g", 1ull << 30}}) {
    if (s.size() > suffix.size() &&
        s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0) {
      s.resize(s.size() - suffix.size());
      mult = m;
      break;
    }
  }
  uint64_t n = 0;
  if (!absl::SimpleAtoi(s, &n) || n == 0 || n > (1ull << 40) / mult) {
    return absl::InvalidArgumentError(
        absl::StrCat("--max-bytes: \"", text, "\" is not a size (e.g. 16777216, 512K, 16M)"));
  }
  return static_cast<size_t>(n * mult);
}

absl::StatusOr<size_t> ParseCount(const Invocation& inv, const std::string& flag, size_t fallback) {
  if (!inv.Has(flag)) return fallback;
  size_t n = 0;
  if (!absl::SimpleAtoi(inv.Get(flag), &n) || n == 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("--", flag, ": \"", inv.Get(flag), "\" is not a positive number"));
  }
  return n;
}

absl::StatusOr<int> RunAppend(Invocation& inv) {
  std::ostream& out = *inv.out;
  std::ostream& err = *inv.err;
  const absl::Time start = absl::Now();

  CollectOptions collect;
  collect.paths = inv.args;
  collect.manifests = inv.GetAll("manifest");
  collect.stdin_stream = &std::cin;
  if (inv.Has("lang")) {
    absl::StatusOr<std::string> tag = NormalizeLanguageTag(inv.Get("lang"));
    if (!tag.ok())
      return absl::InvalidArgumentError(absl::StrCat("--lang: ", tag.status().message()));
    collect.flags.lang = *tag;
  }
  if (inv.Has("published")) {
    absl::StatusOr<absl::CivilDay> day = ParseIsoDate(inv.Get("published"));
    if (!day.ok()) {
      return absl::InvalidArgumentError(absl::StrCat("--published: ", day.status().message()));
    }
    collect.flags.published = FormatIsoDate(*day);
  }
  collect.flags.source = inv.Get("source");
  collect.flags.url = inv.Get("url");
  collect.flags.title = inv.Get("title");
  if (inv.Has("max-bytes")) {
    ASSIGN_OR_RETURN(collect.max_bytes, ParseByteSize(inv.Get("max-bytes")));
    if (collect.max_bytes > store::kMaxTextBytes) {
      // Checked here, not after the extractor has read a text the log will refuse.
      return absl::InvalidArgumentError(
          absl::StrCat("--max-bytes: ", inv.Get("max-bytes"), " is over the log's limit of ",
                       store::kMaxTextBytes, " bytes (64 MiB) per article"));
    }
  }
  ASSIGN_OR_RETURN(const size_t batch_size, ParseCount(inv, "batch-size", kDefaultBulkBatch));
  ASSIGN_OR_RETURN(const size_t workers, ParseCount(inv, "workers", 0));

  // 1. Check every input before writing anything.
  Collected inputs = CollectArticles(collect);
  for (const std::string& w : inputs.warnings) err << "claimline append: warning: " << w << "\n";
  if (inputs.problems.empty() && inputs.articles.size() > 1) {
    for (const char* flag : {"title", "url"}) {
      if (inv.Has(flag)) {
        inputs.problems.push_back(absl::StrFormat(
            "--%s names one article, but there are %d; give per-article metadata in a "
            "--manifest",
            flag, inputs.articles.size()));
      }
    }
  }
  if (!inputs.problems.empty()) {
    for (const std::string& p : inputs.problems) err << "claimline append: " << p << "\n";
    return absl::InvalidArgumentError(
        absl::StrFormat("%d problem%s in the input; nothing was appended", inputs.problems.size(),
                        inputs.problems.size() == 1 ? "" : "s"));
  }
  if (inv.Has("dry-run")) {
    for (const ArticleInput& a : inputs.articles) {
      out << absl::StrFormat("ok  %-7s %s  %s\n", a.article.language(), a.article.published(),
                             a.label);
    }
    err << absl::StrFormat(
        "claimline append: %d articles checked; nothing was appended (--dry-run)\n",
        inputs.articles.size());
    return kExitOk;
  }

  // 2. Append them, in input order.
  ASSIGN_OR_RETURN(std::unique_ptr<store::Database> db, OpenDatabase(inv, DbAccess::kWrite));
  ASSIGN_OR_RETURN(AppendHooks hooks, MakeAppendHooks());
  AppendPipelineOptions options;
  options.workers = static_cast<int>(workers);
  options.bulk_batch = inv.Has("bulk") ? batch_size : 0;
  options.extract = hooks.extract;
  options.extractor = hooks.extractor;
  options.after_append = hooks.after_append;
  Progress progress(err, inv.stderr_is_tty, "appending", "articles", inputs.articles.size());
  const bool same_terminal = inv.stderr_is_tty && isatty(STDOUT_FILENO) == 1;
  uint64_t done = 0;
  progress.Update(0);
  options.on_result = [&out, &progress, &done, same_terminal](const PipelineResult& r) {
    if (same_terminal) progress.Hide();
    if (r.duplicate) {
      out << absl::StrFormat("duplicate of #%d  %s\n", r.sequence, r.label);
    } else {
      out << absl::StrFormat("#%-5d %-7s %3d claim%s  %s\n", r.sequence, r.language, r.claims,
                             r.claims == 1 ? " " : "s", r.label);
    }
    if (same_terminal) out << std::flush;
    progress.Update(++done);
  };
  size_t index = 0;
  const size_t max_bytes = collect.max_bytes;
  NextFn next = [&]() -> absl::StatusOr<std::optional<PipelineItem>> {
    if (index >= inputs.articles.size()) return std::optional<PipelineItem>();
    ArticleInput& input = inputs.articles[index++];
    PipelineItem item;
    ASSIGN_OR_RETURN(item.text, LoadText(input, max_bytes));
    item.label = std::move(input.label);
    item.article = std::move(input.article);
    return std::optional<PipelineItem>(std::move(item));
  };
  absl::StatusOr<PipelineSummary> summary = RunAppendPipeline(*db, next, options);
  progress.Finish();
  if (!summary.ok()) {
    return absl::Status(summary.status().code(),
                        absl::StrCat(summary.status().message(),
                                     "; the articles listed above were appended, the rest "
                                     "were not"));
  }
  const double seconds = absl::ToDoubleSeconds(absl::Now() - start);
  err << absl::StrFormat(
      "claimline append: %d appended (%d claims), %d duplicate%s; %s now ends at #%d "
      "(%.2f s)\n",
      summary->appended, summary->claims, summary->duplicates, summary->duplicates == 1 ? "" : "s",
      db->path(), db->log().LastSequence(), seconds);
  return kExitOk;
}

}  // namespace

const CommandSpec kAppendCommand = {
    "append",
    "FILE|DIR|- ...",
    "Append articles (files, folders, stdin, a JSON Lines manifest) to the log",
    "Each article becomes one ArticleRecorded event holding its metadata and the claims\n"
    "extracted from it. A folder is read recursively in path order, skipping hidden files;\n"
    "'-' reads one article from stdin. Appending the same text again stores nothing and\n"
    "prints 'duplicate of #N' (line endings and trailing spaces do not count).\n"
    "\n"
    "Metadata, for each article: the manifest entry's field, else the flag, else the\n"
    "article's own header ('Title:', 'URL Source:', 'Published Time:' lines at the top);\n"
    "without --lang the language is detected (and recorded as detected); the source\n"
    "defaults to the URL's host and the title to the first line. A publication date is\n"
    "required. The stored text is always the whole file.\n"
    "\n"
    "A manifest has one JSON object per line: {\"path\": \"a.txt\"} (relative to the\n"
    "manifest's folder) or {\"text\": \"...\"}, with optional \"lang\", \"published\",\n"
    "\"source\", \"url\", \"title\".\n"
    "\n"
    "Bad input: every input is checked BEFORE anything is written: a missing path, an\n"
    "unreadable, binary (NUL bytes), non-UTF-8, empty or oversized file, a malformed\n"
    "manifest line, an invalid date or language tag. Each problem is one line on stderr;\n"
    "if there is any, nothing at all is appended and the exit code is 2.\n"
    "\n"
    "Output: one line per article on stdout, '#SEQ  LANG  N claims  PATH' or\n"
    "'duplicate of #SEQ  PATH', in input order; a summary line on stderr. Each article is\n"
    "durable when its line is printed; with --bulk, each batch is one atomic write.\n",
    {
        {"lang", "TAG", "language of every article (BCP-47: en, fr, zh-Hant); default: detect"},
        {"published", "YYYY-MM-DD", "publication date; default: the article's header"},
        {"source", "NAME", "outlet; default: the host of the URL"},
        {"url", "URL", "address of the article (one article only)"},
        {"title", "TEXT", "title (one article only); default: header, else first line"},
        {"manifest", "FILE.jsonl", "a feed of articles with metadata, one JSON object a line",
         true},
        {"max-bytes", "N", "refuse articles larger than N bytes (512K, 16M); default: 16M"},
        {"bulk", "", "bulk import: one atomic batch and one sync per --batch-size articles"},
        {"batch-size", "N", "articles per batch with --bulk; default: 1000"},
        {"workers", "N", "extraction threads; default: one per core"},
        {"dry-run", "", "check every input and print what would be appended; write nothing"},
    },
    0,
    -1,
    true,
    &RunAppend,
};

}  // namespace claimline::tools

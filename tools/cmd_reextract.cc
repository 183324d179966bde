// claimline reextract: re-extract the articles whose claims came from an older extractor.
#include <unistd.h>

#include <map>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "base/civil_date.h"
#include "base/status_macros.h"
#include "extract/extractor.h"
#include "extract/lexicon_loader.h"
#include "tools/commands.h"
#include "tools/open_database.h"
#include "tools/progress.h"

namespace claimline::tools {
namespace {

constexpr size_t kBatch = 256;  // ClaimsRevised events per atomic batch

// What the log says about one article now: its metadata after corrections and the
// extractor of its latest claims.
struct ArticleState {
  std::string language;
  std::string published;
  v1::Extractor extractor;
  bool retracted = false;
};

std::map<uint64_t, ArticleState> Fold(const store::EventLog& log, absl::Status* status) {
  std::map<uint64_t, ArticleState> articles;
  *status = log.Scan(1, UINT64_MAX, [&](const v1::Event& e) {
    switch (e.payload_case()) {
      case v1::Event::kArticleRecorded: {
        ArticleState& a = articles[e.sequence()];
        a.language = e.article_recorded().article().language();
        a.published = e.article_recorded().article().published();
        a.extractor = e.article_recorded().extractor();
        break;
      }
      case v1::Event::kClaimsRevised: {
        auto it = articles.find(e.claims_revised().article_sequence());
        if (it != articles.end()) it->second.extractor = e.claims_revised().extractor();
        break;
      }
      case v1::Event::kArticleRetracted: {
        auto it = articles.find(e.article_retracted().article_sequence());
        if (it != articles.end()) it->second.retracted = true;
        break;
      }
      case v1::Event::kArticleMetadataCorrected: {
        const auto& c = e.article_metadata_corrected();
        auto it = articles.find(c.article_sequence());
        if (it == articles.end()) break;
        for (const std::string& field : c.fields()) {
          if (field == "published") it->second.published = c.article().published();
          if (field == "language") it->second.language = c.article().language();
        }
        break;
      }
      default:
        break;
    }
    return true;
  });
  return articles;
}

std::string Describe(const v1::Extractor& e) {
  if (e.name().empty() && e.version().empty()) return "none";
  return absl::StrCat(e.name(), " ", e.version());
}

absl::StatusOr<int> RunReextract(Invocation& inv) {
  std::ostream& out = *inv.out;
  std::ostream& err = *inv.err;
  const bool dry_run = inv.Has("dry-run");
  extract::ExtractorOptions options;
  options.lexicon_dir = inv.Get("lexicon-dir");
  ASSIGN_OR_RETURN(std::unique_ptr<extract::Extractor> extractor,
                   extract::Extractor::Create(options));
  const v1::Extractor identity = extractor->Identity();
  const std::vector<std::string> languages = extractor->Languages();

  ASSIGN_OR_RETURN(std::unique_ptr<store::Database> db,
                   OpenDatabase(inv, dry_run ? DbAccess::kRead : DbAccess::kWrite));
  absl::Status scanned;
  std::map<uint64_t, ArticleState> articles = Fold(db->log(), &scanned);
  RETURN_IF_ERROR(scanned);

  size_t current = 0, revised = 0, skipped = 0, claims_total = 0;
  std::vector<store::PendingEvent> batch;
  std::vector<std::string> lines;  // printed once their batch is durable
  auto is_current = [&identity](const ArticleState& a) {
    return a.extractor.name() == identity.name() && a.extractor.version() == identity.version();
  };
  uint64_t todo = 0, done = 0;
  for (const auto& [sequence, article] : articles) {
    if (!article.retracted && !is_current(article)) ++todo;
  }
  Progress progress(err, inv.stderr_is_tty && !dry_run, "reextract", "articles", todo);
  const bool same_terminal = inv.stderr_is_tty && isatty(STDOUT_FILENO) == 1;
  auto flush = [&]() -> absl::Status {
    if (batch.empty()) return absl::OkStatus();
    ASSIGN_OR_RETURN(std::vector<store::AppendResult> results,
                     db->log().AppendBatch(std::move(batch)));
    if (same_terminal) progress.Hide();
    for (size_t i = 0; i < lines.size() && i < results.size(); ++i) {
      out << absl::StrFormat("#%-5d %s\n", results[i].sequence, lines[i]);
    }
    if (same_terminal) out << std::flush;
    batch.clear();
    lines.clear();
    return absl::OkStatus();
  };
  for (const auto& [sequence, article] : articles) {
    if (article.retracted) continue;
    if (is_current(article)) {
      ++current;
      continue;
    }
    progress.Update(done++);
    if (!extract::MatchLanguageTag(article.language, languages).has_value()) {
      ++skipped;
      progress.Hide();
      err << absl::StrFormat("claimline reextract: #%d: skipped: no claim lexicon for \"%s\"\n",
                             sequence, article.language);
      continue;
    }
    absl::StatusOr<absl::CivilDay> published = ParseIsoDate(article.published);
    if (!published.ok()) {
      ++skipped;
      progress.Hide();
      err << absl::StrFormat("claimline reextract: #%d: skipped: publication date: %s\n", sequence,
                             published.status().message());
      continue;
    }
    if (dry_run) {
      out << absl::StrFormat("#%-5d %-7s would be re-extracted (claims from %s)\n", sequence,
                             article.language, Describe(article.extractor));
      ++revised;
      continue;
    }
    ASSIGN_OR_RETURN(std::string text, db->log().GetText(sequence));
    extract::ExtractRequest request;
    request.text = text;
    request.language = article.language;
    request.published = *published;
    absl::StatusOr<std::vector<v1::Claim>> claims = extractor->Extract(request);
    if (!claims.ok()) {
      ++skipped;
      progress.Hide();
      err << absl::StrFormat("claimline reextract: #%d: skipped: %s\n", sequence,
                             claims.status().message());
      continue;
    }
    store::PendingEvent pending;
    v1::ClaimsRevised* r = pending.event.mutable_claims_revised();
    r->set_article_sequence(sequence);
    *r->mutable_extractor() = identity;
    for (v1::Claim& c : *claims) *r->add_claims() = std::move(c);
    lines.push_back(absl::StrFormat("revises #%d: %d claim%s (were from %s)", sequence,
                                    r->claims_size(), r->claims_size() == 1 ? "" : "s",
                                    Describe(article.extractor)));
    claims_total += static_cast<size_t>(r->claims_size());
    batch.push_back(std::move(pending));
    ++revised;
    if (batch.size() >= kBatch) RETURN_IF_ERROR(flush());
  }
  RETURN_IF_ERROR(flush());
  progress.Update(done);
  progress.Finish();
  err << absl::StrFormat(
      "claimline reextract: %d article%s %s (%d claims), %d already current, %d skipped; "
      "extractor %s\n",
      revised, revised == 1 ? "" : "s", dry_run ? "to re-extract" : "re-extracted", claims_total,
      current, skipped, Describe(identity));
  return kExitOk;
}

}  // namespace

const CommandSpec kReextractCommand = {
    "reextract",
    "",
    "Re-extract claims of articles extracted by an older extractor (appends ClaimsRevised)",
    "For every article whose latest claims (its ArticleRecorded event, or its latest\n"
    "ClaimsRevised) came from another extractor version than this binary's, runs the\n"
    "extractor again on the stored text with the article's current language and\n"
    "publication date (after any ArticleMetadataCorrected) and appends a ClaimsRevised\n"
    "event. Nothing is ever rewritten: the old claims stay in the log, and projections use\n"
    "the latest. Retracted articles and languages without a claim lexicon are skipped.\n"
    "\n"
    "The extractor version changes with the extractor's code and data, so running this\n"
    "after an upgrade brings every article up to date; running it twice does nothing the\n"
    "second time. Events are appended in atomic batches of 256.\n",
    {
        {"dry-run", "", "list the articles that would be re-extracted; write nothing"},
        {"lexicon-dir", "DIR", "read language data from DIR instead of the compiled-in copy"},
    },
    0,
    0,
    true,
    &RunReextract,
};

}  // namespace claimline::tools

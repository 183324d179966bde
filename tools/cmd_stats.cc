// claimline stats: what the database holds.
#include <cstdint>
#include <map>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "base/status_macros.h"
#include "tools/commands.h"
#include "tools/open_database.h"

namespace claimline::tools {
namespace {

absl::StatusOr<int> RunStats(Invocation& inv) {
  const std::string format = inv.Get("format", "text");
  if (format != "text" && format != "json") {
    return absl::InvalidArgumentError(
        absl::StrCat("--format: \"", format, "\" is not one of text, json"));
  }
  ASSIGN_OR_RETURN(std::unique_ptr<store::Database> db, OpenDatabase(inv, DbAccess::kRead));

  // One pass over the log (metadata only: texts live apart and are not read).
  uint64_t articles = 0, claims = 0, revisions = 0, retractions = 0, corrections = 0;
  uint64_t text_bytes = 0;
  std::map<std::string, uint64_t> languages;
  std::string first_published, last_published;
  RETURN_IF_ERROR(db->log().Scan(1, UINT64_MAX, [&](const v1::Event& e) {
    switch (e.payload_case()) {
      case v1::Event::kArticleRecorded: {
        const v1::Article& a = e.article_recorded().article();
        ++articles;
        claims += e.article_recorded().claims_size();
        text_bytes += a.text_bytes();
        ++languages[a.language()];
        if (!a.published().empty()) {
          if (first_published.empty() || a.published() < first_published) {
            first_published = a.published();
          }
          if (a.published() > last_published) last_published = a.published();
        }
        break;
      }
      case v1::Event::kClaimsRevised:
        ++revisions;
        break;
      case v1::Event::kArticleRetracted:
        ++retractions;
        break;
      case v1::Event::kArticleMetadataCorrected:
        ++corrections;
        break;
      default:
        break;
    }
    return true;
  }));

  std::vector<std::pair<std::string, std::string>> rows;
  rows.emplace_back("database", db->path());
  rows.emplace_back("last_sequence", absl::StrCat(db->log().LastSequence()));
  rows.emplace_back("articles", absl::StrCat(articles));
  rows.emplace_back("claims", absl::StrCat(claims));
  rows.emplace_back("text_bytes", absl::StrCat(text_bytes));
  rows.emplace_back("claims_revised", absl::StrCat(revisions));
  rows.emplace_back("retracted", absl::StrCat(retractions));
  rows.emplace_back("metadata_corrected", absl::StrCat(corrections));
  std::string langs;
  for (const auto& [lang, n] : languages) {
    absl::StrAppend(&langs, langs.empty() ? "" : " ", lang.empty() ? "?" : lang, ":", n);
  }
  rows.emplace_back("languages", langs);
  rows.emplace_back("published", first_published.empty()
                                     ? ""
                                     : absl::StrCat(first_published, "..", last_published));
  for (const auto& [name, value] : db->Stats()) {
    bool dup = false;
    for (const auto& r : rows) dup = dup || r.first == name;
    if (!dup) rows.emplace_back(name, absl::StrCat(value));
  }

  std::ostream& out = *inv.out;
  if (format == "json") {
    out << "{";
    for (size_t i = 0; i < rows.size(); ++i) {
      const auto& [name, value] = rows[i];
      bool numeric = !value.empty() && value.find_first_not_of("0123456789") == std::string::npos;
      out << (i ? ", " : "") << "\"" << name << "\": ";
      if (name == "languages") {
        out << "{";
        bool first = true;
        for (const auto& [lang, n] : languages) {
          out << (first ? "" : ", ") << "\"" << lang << "\": " << n;
          first = false;
        }
        out << "}";
      } else if (numeric) {
        out << value;
      } else {
        std::string escaped;
        for (char c : value) {
          if (c == '"' || c == '\\') escaped += '\\';
          escaped += c;
        }
        out << "\"" << escaped << "\"";
      }
    }
    out << "}\n";
    return kExitOk;
  }
  size_t width = 0;
  for (const auto& r : rows) width = std::max(width, r.first.size());
  for (const auto& [name, value] : rows) {
    out << name << std::string(width + 2 - name.size(), ' ') << value << "\n";
  }
  return kExitOk;
}

}  // namespace

const CommandSpec kStatsCommand = {
    "stats",
    "",
    "Summarize the database: events, articles, claims, languages, size on disk",
    "Counts come from one pass over the log's metadata (article texts are not read) and\n"
    "from the store's own statistics.\n",
    {
        {"format", "text|json", "output format; default: text"},
    },
    0,
    0,
    true,
    &RunStats,
};

}  // namespace claimline::tools

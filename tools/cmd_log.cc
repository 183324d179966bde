// claimline log: one line per event, for people (aligned text) or machines (JSON Lines).
#include <cstdint>
#include <limits>
#include <string>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "base/status_macros.h"
#include "tools/commands.h"
#include "tools/event_format.h"
#include "tools/open_database.h"
#include "tools/text_width.h"

namespace claimline::tools {
namespace {

absl::StatusOr<uint64_t> ParseSequence(const Invocation& inv, const std::string& flag,
                                       uint64_t fallback) {
  if (!inv.Has(flag)) return fallback;
  std::string v = inv.Get(flag);
  if (!v.empty() && v[0] == '#') v.erase(0, 1);
  uint64_t n = 0;
  if (!absl::SimpleAtoi(v, &n) || n == 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("--", flag, ": \"", inv.Get(flag), "\" is not a sequence number (1, 2, …)"));
  }
  return n;
}

// Widths, in terminal columns, of the source and title columns of the text form.
constexpr size_t kSourceColumns = 20;
constexpr size_t kTitleColumns = 72;

std::string TextLine(const v1::Event& e) {
  std::string head =
      absl::StrFormat("#%-5d %s  ", e.sequence(), FormatMicros(e.recorded_at_micros()));
  switch (e.payload_case()) {
    case v1::Event::kArticleRecorded: {
      const v1::ArticleRecorded& r = e.article_recorded();
      const v1::Article& a = r.article();
      return absl::StrFormat("%s%-7s %s %3d claim%s  %s  %s", head,
                             a.language() + (a.language_detected() ? "*" : ""), a.published(),
                             r.claims_size(), r.claims_size() == 1 ? " " : "s",
                             FitWidth(a.source().empty() ? "-" : a.source(), kSourceColumns, true),
                             FitWidth(a.title(), kTitleColumns, false));
    }
    case v1::Event::kClaimsRevised: {
      const v1::ClaimsRevised& r = e.claims_revised();
      return absl::StrFormat("%sclaims of #%d revised: %d claims (%s %s)", head,
                             r.article_sequence(), r.claims_size(), r.extractor().name(),
                             r.extractor().version());
    }
    case v1::Event::kArticleRetracted:
      return absl::StrFormat("%s#%d retracted: %s", head, e.article_retracted().article_sequence(),
                             e.article_retracted().reason());
    case v1::Event::kArticleMetadataCorrected: {
      const v1::ArticleMetadataCorrected& c = e.article_metadata_corrected();
      return absl::StrFormat("%smetadata of #%d corrected: %s", head, c.article_sequence(),
                             absl::StrJoin(c.fields(), ", "));
    }
    default:
      return absl::StrCat(head, "event of an unknown type");
  }
}

absl::StatusOr<int> RunLog(Invocation& inv) {
  const std::string format = inv.Get("format", "text");
  if (format != "text" && format != "json") {
    return absl::InvalidArgumentError(
        absl::StrCat("--format: \"", format, "\" is not one of text, json"));
  }
  ASSIGN_OR_RETURN(const uint64_t from, ParseSequence(inv, "from", 1));
  ASSIGN_OR_RETURN(const uint64_t to,
                   ParseSequence(inv, "to", std::numeric_limits<uint64_t>::max()));
  ASSIGN_OR_RETURN(std::unique_ptr<store::Database> db, OpenDatabase(inv, DbAccess::kRead));
  std::ostream& out = *inv.out;
  uint64_t shown = 0;
  RETURN_IF_ERROR(db->log().Scan(from, to, [&](const v1::Event& e) {
    out << (format == "json" ? MessageToJson(e, /*pretty=*/false) : TextLine(e)) << "\n";
    ++shown;
    return static_cast<bool>(out);
  }));
  if (shown == 0) {
    *inv.err << "claimline log: no events"
             << (inv.Has("from") || inv.Has("to") ? " in that range" : "") << " (the log ends at #"
             << db->log().LastSequence() << ")\n";
    return kExitNothing;
  }
  return kExitOk;
}

}  // namespace

const CommandSpec kLogCommand = {
    "log",
    "",
    "List the events of the log, one line each",
    "Text columns: sequence, recorded at (UTC), language (* = detected), published,\n"
    "claims, source, title. Other events (claims revised, retractions, metadata\n"
    "corrections) say what they change. --format json prints each event as one JSON object\n"
    "a line (protobuf's JSON mapping; the article text is not included, see 'show').\n"
    "Exit 1 when there is no event to list.\n",
    {
        {"format", "text|json", "output format; default: text"},
        {"from", "SEQ", "first sequence to list; default: 1"},
        {"to", "SEQ", "last sequence to list; default: the end"},
    },
    0,
    0,
    true,
    &RunLog,
};

}  // namespace claimline::tools

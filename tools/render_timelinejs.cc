#include "tools/render_timelinejs.h"

#include <optional>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "base/civil_date.h"
#include "extract/claim_json.h"
#include "projections/cluster_summary.h"
#include "projections/time_buckets.h"
#include "tools/render_html.h"
#include "tools/render_text.h"

namespace claimline::tools {
namespace {

using extract::JsonString;

// DateJson: a TimelineJS date with the fields `g` knows.
std::string DateJson(absl::CivilDay d, v1::Granularity g) {
  std::string out = absl::StrCat("{\"year\": ", d.year());
  if (g != v1::GRANULARITY_YEAR) absl::StrAppend(&out, ", \"month\": ", d.month());
  if (g == v1::GRANULARITY_DAY || g == v1::GRANULARITY_WEEK) {
    absl::StrAppend(&out, ", \"day\": ", d.day());
  }
  return out + "}";
}

std::optional<absl::CivilDay> Day(absl::string_view iso) {
  absl::StatusOr<absl::CivilDay> d = ParseIsoDate(iso);
  if (!d.ok()) return std::nullopt;
  return *d;
}

}  // namespace

std::string TimelineJs(const projections::ProjectionReader& reader, const std::string& entity,
                       const std::vector<v1::ClusterSummary>& entries,
                       const std::vector<ClusterDetail>& conflicts) {
  const std::string name = DisplayName(reader, entity);
  std::vector<std::string> events;
  for (const v1::ClusterSummary& s : entries) {
    std::string from = s.bucket_start(), to;
    v1::Granularity g = v1::GRANULARITY_MONTH;
    if (const v1::WhenStat* w = projections::DisplayWhen(s); w != nullptr) {
      from = w->from();
      to = w->to();
      g = w->granularity();
    } else if (std::optional<absl::CivilDay> start = Day(s.bucket_start()); start) {
      to = FormatIsoDate(projections::BucketEnd(*start, s.bucket()));
    }
    std::optional<absl::CivilDay> start = Day(from);
    if (!start) continue;  // TimelineJS needs a start date; undated entries are left out
    std::optional<absl::CivilDay> end = Day(to);
    const v1::Granularity shown =
        g == v1::GRANULARITY_VAGUE || g == v1::GRANULARITY_UNSPECIFIED ? v1::GRANULARITY_MONTH : g;
    std::string event = absl::StrCat("{\"start_date\": ", DateJson(*start, shown));
    if (end && *end != *start && g != v1::GRANULARITY_DAY && g != v1::GRANULARITY_MONTH &&
        g != v1::GRANULARITY_YEAR) {
      absl::StrAppend(&event, ", \"end_date\": ", DateJson(*end, shown));
    }
    absl::StrAppend(&event, ", \"display_date\": ", JsonString(RenderClusterWhen(s)));
    std::string headline = EntryWhat(reader, entity, s);
    if (!headline.empty()) headline[0] = static_cast<char>(std::toupper(headline[0]));
    std::vector<std::string> figures;
    for (const auto& f : s.figures()) figures.push_back(RenderFigureStat(f));
    if (!figures.empty()) absl::StrAppend(&headline, ": ", absl::StrJoin(figures, ", "));
    std::string text;
    if (s.conflict()) {
      for (const ClusterDetail& d : conflicts) {
        if (d.summary.id() == s.id()) {
          absl::StrAppend(&text, "<p><strong>Sources disagree:</strong> ", HtmlEscape(SidesLine(d)),
                          "</p>");
        }
      }
    }
    std::vector<std::string> sources;
    for (const auto& x : s.sources())
      sources.push_back(HtmlEscape(SourceTag(x.source(), x.language())));
    absl::StrAppend(&text, "<p>", s.articles(),
                    s.articles() == 1 ? " article: " : " articles: ", absl::StrJoin(sources, ", "),
                    "</p>");
    absl::StrAppend(&event, ", \"text\": {\"headline\": ", JsonString(HtmlEscape(headline)),
                    ", \"text\": ", JsonString(text), "}");
    absl::StrAppend(&event, ", \"group\": ", JsonString(RenderKind(s.kind())),
                    ", \"unique_id\": ", JsonString(s.id()), "}");
    events.push_back(std::move(event));
  }
  std::string title = absl::StrCat(
      "{\"text\": {\"headline\": ", JsonString(HtmlEscape(name)), ", \"text\": ",
      JsonString(absl::StrCat("<p>", entries.size(), entries.size() == 1 ? " entry" : " entries",
                              " from claimline, projection ", HtmlEscape(reader.ns()), "</p>")),
      "}}");
  return absl::StrCat("{\"title\": ", title, ",\n \"events\": [\n  ",
                      absl::StrJoin(events, ",\n  "), "\n]}\n");
}

}  // namespace claimline::tools

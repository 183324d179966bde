#include "tools/render_html.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <tuple>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "base/civil_date.h"
#include "base/status_macros.h"
#include "base/utf8.h"
#include "projections/cluster_summary.h"
#include "projections/names.h"
#include "projections/time_buckets.h"
#include "tools/command.h"
#include "tools/page/style.h"
#include "unicode/locid.h"
#include "unicode/uchar.h"
#include "unicode/unistr.h"

namespace claimline::tools {
namespace {

constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
constexpr size_t kMaxAttestationsShown = 8;  // per list; the rest behind "more"
constexpr size_t kExcerptBytes = 330;        // evidence longer than this is cut around the figure
constexpr size_t kWordSearchBytes = 40;      // how far an excerpt's edge moves to a space

// --- small HTML helpers ---

std::string Attr(absl::string_view name, absl::string_view value) {
  return absl::StrCat(" ", name, "=\"", HtmlEscape(value), "\"");
}

// SafeUrl: only http(s) URLs without spaces or control characters become links.
bool SafeUrl(absl::string_view url) {
  const std::string lower = absl::AsciiStrToLower(url.substr(0, 8));
  if (!absl::StartsWith(lower, "http://") && !absl::StartsWith(lower, "https://")) return false;
  for (char c : url) {
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f) return false;
  }
  return true;
}

// ScriptLang: a language tag for a name written in a script whose font choice depends on
// it (Han → zh, kana → ja, Hangul → ko, Devanagari → hi); "" for anything else.
std::string ScriptLang(absl::string_view text) {
  bool han = false;
  for (size_t i = 0; i < text.size();) {
    char32_t cp = 0;
    i += DecodeUtf8(text, i, &cp);
    if ((cp >= 0x3040 && cp <= 0x30ff) || (cp >= 0x31f0 && cp <= 0x31ff)) return "ja";
    if (cp >= 0xac00 && cp <= 0xd7af) return "ko";
    if (cp >= 0x0900 && cp <= 0x097f) return "hi";
    if ((cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf)) han = true;
  }
  return han ? "zh" : "";
}

std::string LangAttr(absl::string_view tag) { return tag.empty() ? "" : Attr("lang", tag); }

// LanguageName: "hi" → "Hindi" (ICU's English display name), or the tag itself.
std::string LanguageName(absl::string_view tag) {
  if (tag.empty()) return "unknown language";
  const std::string bcp47(tag);
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale locale = icu::Locale::forLanguageTag(bcp47, status);
  if (U_FAILURE(status)) return bcp47;
  icu::UnicodeString name;
  locale.getDisplayName(icu::Locale::getEnglish(), name);
  std::string out;
  name.toUTF8String(out);
  return out.empty() ? bcp47 : out;
}

std::string LangChip(absl::string_view tag) {
  if (tag.empty()) return "";
  return absl::StrCat("<span class=\"lang\"", Attr("title", LanguageName(tag)), ">",
                      HtmlEscape(tag), "</span>");
}

std::optional<absl::CivilDay> Day(absl::string_view iso) {
  absl::StatusOr<absl::CivilDay> d = ParseIsoDate(iso);
  if (!d.ok()) return std::nullopt;
  return *d;
}

std::string ShortDay(absl::CivilDay d) {
  return absl::StrCat(d.day(), " ", kMonths[d.month() - 1]);
}

std::string PublishedText(absl::string_view iso) {
  std::optional<absl::CivilDay> d = Day(iso);
  if (!d) return "undated article";
  return absl::StrCat(d->day(), " ", kMonths[d->month() - 1], " ", d->year());
}

std::string Plural(size_t n, absl::string_view one, absl::string_view many) {
  return absl::StrCat(n, " ", n == 1 ? one : many);
}

// Cut: the byte offset nearest `pos` at or before it that starts a UTF-8 character.
size_t CharStart(absl::string_view s, size_t pos) {
  pos = std::min(pos, s.size());
  while (pos > 0 && pos < s.size() && (static_cast<unsigned char>(s[pos]) & 0xc0) == 0x80) --pos;
  return pos;
}

// IsMark: the character at `pos` is a combining mark (it belongs to the one before).
bool IsMark(absl::string_view s, size_t pos) {
  char32_t cp = 0;
  DecodeUtf8(s, pos, &cp);
  const int8_t type = u_charType(static_cast<UChar32>(cp));
  return type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK || type == U_ENCLOSING_MARK;
}

int Utf8Length(absl::string_view s, size_t pos) {
  char32_t cp = 0;
  return DecodeUtf8(s, pos, &cp);
}

// WordStart: where an excerpt starting near `pos` should start: after the next space when
// one is near (scripts with spaces), else at the next character that is not a combining
// mark (a Devanagari vowel sign must not begin an excerpt).
size_t WordStart(absl::string_view s, size_t pos) {
  if (pos == 0) return 0;
  pos = CharStart(s, pos);
  const size_t space = s.find(' ', pos);
  if (space != absl::string_view::npos && space - pos <= kWordSearchBytes) return space + 1;
  while (pos < s.size() && IsMark(s, pos)) pos += Utf8Length(s, pos);
  return pos;
}

// WordEnd: where an excerpt ending near `pos` should end: at the last space before it when
// one is near, else after any combining marks that belong to the character before `pos`.
size_t WordEnd(absl::string_view s, size_t pos) {
  if (pos >= s.size()) return s.size();
  pos = CharStart(s, pos);
  const size_t space = s.rfind(' ', pos);
  if (space != absl::string_view::npos && pos - space <= kWordSearchBytes) return space;
  while (pos < s.size() && IsMark(s, pos)) pos += Utf8Length(s, pos);
  return pos;
}

// Marked: `text` escaped, with the first occurrence of each non-empty needle wrapped in
// <mark class=CLASS> (overlapping needles: the earlier one wins).
std::string Marked(absl::string_view text,
                   const std::vector<std::pair<std::string, std::string>>& needles) {
  std::vector<std::tuple<size_t, size_t, std::string>> spans;
  for (const auto& [needle, cls] : needles) {
    if (needle.empty()) continue;
    const size_t at = text.find(needle);
    if (at == absl::string_view::npos) continue;
    spans.emplace_back(at, at + needle.size(), cls);
  }
  std::sort(spans.begin(), spans.end());
  std::string out;
  size_t pos = 0;
  for (const auto& [begin, end, cls] : spans) {
    if (begin < pos) continue;
    absl::StrAppend(&out, HtmlEscape(text.substr(pos, begin - pos)), "<mark",
                    cls.empty() ? "" : Attr("class", cls), ">",
                    HtmlEscape(text.substr(begin, end - begin)), "</mark>");
    pos = end;
  }
  absl::StrAppend(&out, HtmlEscape(text.substr(pos)));
  return out;
}

// Flatten: line breaks and runs of white space to single spaces.
std::string Flatten(absl::string_view text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

// --- where an entry sits in time ---

struct Placed {
  bool dated = false;
  absl::CivilDay from, to;  // inclusive
  v1::Granularity granularity = v1::GRANULARITY_UNSPECIFIED;
  bool vague = false;  // a window rather than a calendar unit, or dated by publication only
};

Placed PlaceEntry(const v1::ClusterSummary& s) {
  Placed p;
  if (const v1::WhenStat* w = projections::DisplayWhen(s); w != nullptr) {
    std::optional<absl::CivilDay> from = Day(w->from());
    std::optional<absl::CivilDay> to = Day(w->to());
    if (from) {
      p.dated = true;
      p.from = *from;
      p.to = to && *to >= *from ? *to : *from;
      p.granularity = w->granularity();
      p.vague = w->granularity() == v1::GRANULARITY_VAGUE ||
                w->granularity() == v1::GRANULARITY_UNSPECIFIED;
      return p;
    }
  }
  if (std::optional<absl::CivilDay> start = Day(s.bucket_start()); start) {
    p.dated = true;
    p.from = *start;
    p.to = projections::BucketEnd(*start, s.bucket());
    p.granularity = v1::GRANULARITY_VAGUE;
    p.vague = true;
  }
  return p;
}

std::string GranularityName(const Placed& p) {
  if (!p.dated) return "undated";
  if (p.vague) return "vague";
  switch (p.granularity) {
    case v1::GRANULARITY_DAY:
      return "day";
    case v1::GRANULARITY_WEEK:
      return "week";
    case v1::GRANULARITY_MONTH:
      return "month";
    case v1::GRANULARITY_QUARTER:
      return "quarter";
    case v1::GRANULARITY_YEAR:
      return "year";
    default:
      return "vague";
  }
}

// DatetimeAttr: the <time datetime> value at the entry's granularity.
std::string DatetimeAttr(const Placed& p) {
  switch (p.granularity) {
    case v1::GRANULARITY_MONTH:
      return absl::StrFormat("%04d-%02d", p.from.year(), p.from.month());
    case v1::GRANULARITY_YEAR:
      return absl::StrFormat("%04d", p.from.year());
    default:
      return FormatIsoDate(p.from);
  }
}

std::string GranularityNote(const Placed& p, const v1::ClusterSummary& s) {
  if (!p.dated) return "no date given";
  if (s.floating() && projections::DisplayWhen(s) == nullptr) return "dated by publication";
  if (p.vague) {
    return absl::StrCat("vague: ", ShortDay(p.from), " ", p.from.year(), " – ", ShortDay(p.to), " ",
                        p.to.year());
  }
  switch (p.granularity) {
    case v1::GRANULARITY_DAY:
      return "a day";
    case v1::GRANULARITY_WEEK:
      return "a week";
    case v1::GRANULARITY_MONTH:
      return "sometime in the month";
    case v1::GRANULARITY_QUARTER:
      return "a quarter";
    case v1::GRANULARITY_YEAR:
      return "a year";
    default:
      return "";
  }
}

// SourceName: the outlet, or "article #N" when the article came without one (the
// projection then names it "#N").
std::string SourceName(const v1::Attestation& a) {
  if (a.source().empty() || a.source() == absl::StrCat("#", a.article_sequence())) {
    return absl::StrCat("article #", a.article_sequence());
  }
  return a.source();
}

bool Expected(const v1::ClusterSummary& s) { return s.expected() * 2 > s.attestations(); }
bool Reported(const v1::ClusterSummary& s) { return s.reported() * 2 > s.attestations(); }
bool Denied(const v1::ClusterSummary& s) { return s.negated() * 2 > s.attestations(); }

std::string Capitalized(std::string s) {
  if (!s.empty()) s[0] = absl::ascii_toupper(static_cast<unsigned char>(s[0]));
  return s;
}

// FiguresByWeight: the summary's figures, most attested first.
std::vector<const v1::FigureStat*> FiguresByWeight(const v1::ClusterSummary& s) {
  std::vector<const v1::FigureStat*> figs;
  for (const auto& f : s.figures()) figs.push_back(&f);
  std::stable_sort(figs.begin(), figs.end(), [](const auto* a, const auto* b) {
    return a->attestations() > b->attestations();
  });
  return figs;
}

// ShortFigures: what the axis writes beside a mark: "↓ $600B", "↓ $600B ≠ ↓ $10B–$100B".
std::string ShortFigures(const v1::ClusterSummary& s) {
  std::vector<std::string> parts;
  if (s.conflict()) {
    for (const auto& side : s.sides()) {
      const v1::FigureStat* best = nullptr;
      for (uint32_t f : side.figures()) {
        if (f < static_cast<uint32_t>(s.figures_size()) &&
            (best == nullptr || s.figures(f).attestations() > best->attestations())) {
          best = &s.figures(f);
        }
      }
      if (best != nullptr) parts.push_back(RenderFigureStat(*best));
    }
    return absl::StrJoin(parts, "  vs  ");
  }
  std::vector<const v1::FigureStat*> figs = FiguresByWeight(s);
  for (size_t i = 0; i < figs.size() && i < 2; ++i) parts.push_back(RenderFigureStat(*figs[i]));
  if (figs.size() > 2) parts.push_back("…");
  return absl::StrJoin(parts, " · ");
}

// --- the page ---

class PageBuilder {
 public:
  PageBuilder(const QueryContext& ctx, const std::string& entity, const projections::AsOf& as_of,
              const HtmlOptions& options)
      : ctx_(ctx), reader_(*ctx.reader), entity_(entity), as_of_(as_of), options_(options) {}

  absl::StatusOr<std::string> Build(const std::vector<v1::ClusterSummary>& entries) {
    ASSIGN_OR_RETURN(details_, LoadDetails(ctx_, entries, as_of_, /*evidence=*/true));
    for (const ClusterDetail& d : details_) {
      for (const v1::Attestation& a : d.attestations) {
        articles_.insert(a.article_sequence());
        if (!a.language().empty()) languages_.insert(a.language());
        if (!a.source().empty()) sources_.insert(a.source());
        if (!a.published().empty()) {
          if (first_published_.empty() || a.published() < first_published_) {
            first_published_ = a.published();
          }
          latest_published_ = std::max(latest_published_, a.published());
        }
      }
    }
    const std::string name = DisplayName(reader_, entity_);
    std::string body;
    absl::StrAppend(&body, Header(name));
    absl::StrAppend(&body, "<main class=\"wrap\">\n");
    if (details_.empty()) {
      absl::StrAppend(&body, "<p class=\"none\">No timeline entries for ", HtmlEscape(name),
                      as_of_.active() ? " as of then" : "", ".</p>\n");
    } else {
      absl::StrAppend(&body, "<h2 class=\"section\" id=\"axis-title\">Time axis</h2>\n", Axis());
      absl::StrAppend(&body, "<h2 class=\"section\">Entries, in order of time</h2>\n");
      absl::StrAppend(&body, "<ol class=\"entries\">\n");
      for (const ClusterDetail& d : details_) absl::StrAppend(&body, "<li>", Card(d), "</li>\n");
      absl::StrAppend(&body, "</ol>\n");
    }
    absl::StrAppend(&body, "</main>\n", Footer());
    return Document(absl::StrCat(name, " — timeline · claimline"), body);
  }

 private:
  // EntityLink: another entity's name, linked to its page when served.
  std::string EntityLink(absl::string_view id) const {
    const std::string name = DisplayName(reader_, id);
    const std::string text =
        absl::StrCat("<span", LangAttr(ScriptLang(name)), ">", HtmlEscape(name), "</span>");
    if (!options_.served) return text;
    return absl::StrCat("<a", Attr("href", "/entity/" + UrlPathSegment(id)), ">", text, "</a>");
  }

  std::string Header(const std::string& name) const {
    std::string out = "<header class=\"top\"><div class=\"wrap\">\n";
    if (options_.served) {
      absl::StrAppend(&out, SearchForm(""));
      absl::StrAppend(&out, "<p class=\"eyebrow\"><a href=\"/\">claimline</a> · timeline · <a",
                      Attr("href", "/api/timeline?entity=" + UrlPathSegment(entity_)),
                      ">JSON</a></p>\n");
    } else {
      absl::StrAppend(&out, "<p class=\"eyebrow\">claimline · timeline</p>\n");
    }
    absl::StrAppend(&out, "<h1", Attr("data-entity", entity_), "><span", LangAttr(ScriptLang(name)),
                    ">", HtmlEscape(name), "</span>");
    if (projections::FoldName(name) != projections::FoldName(entity_)) {
      absl::StrAppend(&out, "<span class=\"id\">", HtmlEscape(entity_), "</span>");
    }
    absl::StrAppend(&out, "</h1>\n");
    // The names the entity was written with, in every script.
    absl::StatusOr<std::optional<v1::EntityInfo>> info = reader_.Entity(entity_);
    std::vector<std::string> names;
    std::set<std::string> seen = {projections::FoldName(name)};
    if (info.ok() && info->has_value()) {
      for (const v1::NameCount& n : (*info)->names()) {
        if (!seen.insert(projections::FoldName(n.name())).second) continue;
        names.push_back(absl::StrCat("<span", LangAttr(ScriptLang(n.name())), ">",
                                     HtmlEscape(n.name()), "</span>"));
        if (names.size() == 10) break;
      }
    }
    if (!names.empty()) {
      absl::StrAppend(&out, "<p class=\"aliases\">Also written ", absl::StrJoin(names, ""),
                      "</p>\n");
    }
    size_t conflicts = 0, expected = 0;
    for (const ClusterDetail& d : details_) {
      conflicts += d.summary.conflict() ? 1 : 0;
      expected += Expected(d.summary) ? 1 : 0;
    }
    std::vector<std::string> langs;
    for (const std::string& l : languages_) langs.push_back(LangChip(l));
    absl::StrAppend(&out, "<dl class=\"facts\">");
    absl::StrAppend(&out, Fact("Entries", absl::StrCat(details_.size()), ""));
    absl::StrAppend(&out, Fact("Conflicts", absl::StrCat(conflicts), conflicts ? "bad" : ""));
    absl::StrAppend(&out, Fact("Expected", absl::StrCat(expected), expected ? "exp" : ""));
    absl::StrAppend(&out, Fact("Articles", absl::StrCat(articles_.size()), ""));
    absl::StrAppend(&out, "<div><dt>Languages</dt><dd class=\"small\">",
                    langs.empty() ? "–" : absl::StrJoin(langs, " "), "</dd></div>");
    if (!latest_published_.empty()) {
      std::string range = PublishedText(first_published_);
      if (first_published_ != latest_published_) {
        range = absl::StrCat(range, " – ", PublishedText(latest_published_));
      }
      absl::StrAppend(&out, "<div><dt>Published</dt><dd class=\"small\">", HtmlEscape(range),
                      "</dd></div>");
    }
    std::string projection = reader_.ns();
    if (as_of_.active()) {
      absl::StrAppend(&projection, " · as of ",
                      as_of_.published.empty() ? absl::StrCat("#", *as_of_.sequence)
                                               : PublishedText(as_of_.published));
    }
    absl::StrAppend(&out, "<div><dt>Projection</dt><dd class=\"small\">", HtmlEscape(projection),
                    "</dd></div>");
    absl::StrAppend(&out, "</dl>\n");
    if (!options_.notice.empty()) {
      absl::StrAppend(&out, "<p class=\"notice\" role=\"status\">", HtmlEscape(options_.notice),
                      "</p>\n");
    }
    absl::StrAppend(&out, "</div></header>\n");
    return out;
  }

  static std::string Fact(absl::string_view label, absl::string_view value, absl::string_view cls) {
    return absl::StrCat("<div><dt>", label, "</dt><dd", cls.empty() ? "" : Attr("class", cls), ">",
                        HtmlEscape(value), "</dd></div>");
  }

  // --- the time axis (inline SVG) ---

  std::string Axis() const {
    struct Row {
      const ClusterDetail* d;
      Placed p;
    };
    std::vector<Row> rows;
    std::optional<absl::CivilDay> lo, hi;
    for (const ClusterDetail& d : details_) {
      Placed p = PlaceEntry(d.summary);
      if (!p.dated) continue;
      rows.push_back({&d, p});
      lo = lo ? std::min(*lo, p.from) : p.from;
      hi = hi ? std::max(*hi, p.to) : p.to;
    }
    std::optional<absl::CivilDay> latest = Day(latest_published_);
    if (rows.empty()) return "<p class=\"none\">No entry has a date to place on an axis.</p>\n";
    if (latest) {
      lo = std::min(*lo, *latest);
      hi = std::max(*hi, *latest);
    }
    // From the first of the earliest month to a little after the last day shown (at least
    // 60 days in all, so that a month is a visible span and a day a point).
    const absl::CivilDay start(lo->year(), lo->month(), 1);
    const int64_t span_days = std::max<int64_t>(60, *hi + 1 - start);
    const absl::CivilDay end =
        start + span_days + std::max<int64_t>(5, span_days / 16);  // exclusive
    const double days = static_cast<double>(end - start);

    constexpr double kWidth = 1060, kLabelW = 250, kRight = 24, kTop = 50, kRowH = 46;
    const double plot_w = kWidth - kLabelW - kRight;
    const double height = kTop + kRowH * rows.size() + 10;
    auto x = [&](absl::CivilDay d) { return kLabelW + plot_w * (d - start) / days; };

    std::string svg = absl::StrFormat(
        "<svg viewBox=\"0 0 %.0f %.0f\" role=\"img\" aria-labelledby=\"axis-title axis-desc\" "
        "data-axis-from=\"%s\" data-axis-to=\"%s\">\n",
        kWidth, height, FormatIsoDate(start), FormatIsoDate(end - 1));
    absl::StrAppend(&svg, "<desc id=\"axis-desc\">", rows.size(),
                    " entries placed at the precision their sources give; ",
                    "spans are months or weeks, dots are days, faded spans are vague dates, ",
                    "dashed outlines are expected events, red is a conflict between sources.",
                    "</desc>\n");
    absl::StrAppend(&svg, R"svg(<defs>
<linearGradient id="vague-n" x1="0" x2="1"><stop offset="0" stop-color="#1f5fd1" stop-opacity="0"/><stop offset=".3" stop-color="#1f5fd1" stop-opacity=".55"/><stop offset=".7" stop-color="#1f5fd1" stop-opacity=".55"/><stop offset="1" stop-color="#1f5fd1" stop-opacity="0"/></linearGradient>
<linearGradient id="vague-c" x1="0" x2="1"><stop offset="0" stop-color="#c42b1c" stop-opacity="0"/><stop offset=".3" stop-color="#c42b1c" stop-opacity=".6"/><stop offset=".7" stop-color="#c42b1c" stop-opacity=".6"/><stop offset="1" stop-color="#c42b1c" stop-opacity="0"/></linearGradient>
<pattern id="after" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="8" height="8" fill="#faf8ff"/><line x1="0" y1="0" x2="0" y2="8" stroke="#ebe4fb" stroke-width="3"/></pattern>
</defs>
)svg");
    // Rows' backgrounds first, so grid lines and marks draw over them.
    const double bottom = kTop + kRowH * rows.size();
    // The time after the latest article: what is there can only be expected.
    if (latest) {
      const double lx = x(*latest + 1);
      if (lx < kWidth - kRight) {
        absl::StrAppendFormat(&svg,
                              "<rect x=\"%.1f\" y=\"%.0f\" width=\"%.1f\" height=\"%.0f\" "
                              "fill=\"url(#after)\"/>\n",
                              lx, kTop - 6, kWidth - kRight - lx, bottom - kTop + 6);
      }
    }
    // Ticks: months (labelled by month, the year at January and at the start), or quarters
    // / years when the axis is long.
    const int months = static_cast<int>(absl::CivilMonth(end) - absl::CivilMonth(start));
    const int step = months <= 18 ? 1 : months <= 60 ? 3 : 12;
    for (absl::CivilMonth m(start); m < absl::CivilMonth(end); m += 1) {
      const bool shown =
          step == 1 || (step == 3 && (m.month() - 1) % 3 == 0) || (step == 12 && m.month() == 1);
      if (!shown) continue;
      const bool major = m.month() == 1 || m == absl::CivilMonth(start);
      const double tx = x(absl::CivilDay(m));
      if (tx > kWidth - kRight - 28) continue;  // no room for its label
      absl::StrAppendFormat(
          &svg, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.0f\" y2=\"%.0f\" stroke=\"%s\"/>\n", tx, tx,
          kTop - 10, bottom, major ? "#c5ccd6" : "#e3e7ee");
      std::string label = step == 12 ? absl::StrCat(m.year()) : kMonths[m.month() - 1];
      if (step != 12 && major) absl::StrAppend(&label, " ", m.year());
      absl::StrAppendFormat(&svg,
                            "<text x=\"%.1f\" y=\"%.0f\" font-size=\"12\" fill=\"#5b6676\"%s>%s"
                            "</text>\n",
                            tx + 4, kTop - 16, major ? " font-weight=\"600\"" : "",
                            HtmlEscape(label));
    }
    absl::StrAppendFormat(&svg,
                          "<line x1=\"%.0f\" x2=\"%.0f\" y1=\"%.0f\" y2=\"%.0f\" "
                          "stroke=\"#c5ccd6\"/>\n",
                          kLabelW, kWidth - kRight, kTop - 10, kTop - 10);
    for (size_t i = 0; i < rows.size(); ++i) {
      absl::StrAppend(&svg, AxisRow(*rows[i].d, rows[i].p, kTop + kRowH * i, kRowH, kWidth, kLabelW,
                                    kRight, x));
    }
    if (latest) {
      const double lx = x(*latest) + (x(*latest + 1) - x(*latest)) / 2;
      absl::StrAppendFormat(&svg,
                            "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.0f\" y2=\"%.0f\" "
                            "stroke=\"#6a3fc8\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\"/>\n",
                            lx, lx, kTop - 30, bottom);
      const bool right_side = lx < kWidth - 190;
      absl::StrAppendFormat(
          &svg,
          "<text x=\"%.1f\" y=\"%.0f\" font-size=\"11\" fill=\"#6a3fc8\" text-anchor=\"%s\" "
          "data-latest=\"%s\">latest article · %s</text>\n",
          right_side ? lx + 5 : lx - 5, kTop - 32, right_side ? "start" : "end",
          FormatIsoDate(*latest), HtmlEscape(ShortDay(*latest)));
    }
    absl::StrAppend(&svg, "</svg>\n");
    return absl::StrCat("<section class=\"axis\" aria-labelledby=\"axis-title\">\n", svg, Legend(),
                        "</section>\n");
  }

  template <typename X>
  std::string AxisRow(const ClusterDetail& d, const Placed& p, double y, double h, double width,
                      double label_w, double right, const X& x) const {
    const v1::ClusterSummary& s = d.summary;
    const bool conflict = s.conflict(), expected = Expected(s);
    const std::string color = conflict ? "#c42b1c" : expected ? "#6a3fc8" : "#1f5fd1";
    std::string out =
        absl::StrCat("<a", Attr("href", "#entry-" + s.id()), Attr("data-row", s.id()), ">");
    absl::StrAppend(&out, "<title>", HtmlEscape(RenderClusterWhen(s)), " · ",
                    HtmlEscape(RenderKind(s.kind())), "</title>");
    absl::StrAppendFormat(
        &out,
        "<rect class=\"row-bg\" x=\"0\" y=\"%.0f\" width=\"%.0f\" height=\"%.0f\" "
        "fill=\"%s\"/>",
        y, label_w - 8, h, "transparent");
    // Label: the date at its granularity over the kind (and the other party).
    std::string what = RenderKind(s.kind());
    if (s.subject() != entity_) what = absl::StrCat(DisplayName(reader_, s.subject()), " · ", what);
    if (!s.object().empty() && s.object() != entity_) {
      absl::StrAppend(&what, " → ", DisplayName(reader_, s.object()));
    }
    if (what.size() > 30) what = what.substr(0, CharStart(what, 28)) + "…";
    absl::StrAppendFormat(&out,
                          "<text x=\"12\" y=\"%.0f\" font-size=\"12\" fill=\"#5b6676\">%s</text>",
                          y + 18, HtmlEscape(RenderClusterWhen(s)));
    absl::StrAppendFormat(&out,
                          "<text x=\"12\" y=\"%.0f\" font-size=\"15\" font-weight=\"600\" "
                          "fill=\"#16202e\">%s</text>",
                          y + 36, HtmlEscape(Capitalized(what)));
    const double cy = y + h / 2 + 2;
    double x0 = x(p.from), x1 = x(p.to + 1);
    std::string mark;
    if (!p.vague && p.granularity == v1::GRANULARITY_DAY) {
      const double cx = (x0 + x1) / 2;
      x0 = cx - 7;
      x1 = cx + 7;
      mark = absl::StrFormat(
          "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"7\" fill=\"%s\" stroke=\"%s\" "
          "stroke-width=\"2\"%s/>",
          cx, cy, expected ? "#ffffff" : color, color,
          expected ? " stroke-dasharray=\"3 2.5\"" : "");
    } else {
      if (x1 - x0 < 6) {
        const double c = (x0 + x1) / 2;
        x0 = c - 3;
        x1 = c + 3;
      }
      std::string fill = color;
      if (p.vague) fill = conflict ? "url(#vague-c)" : "url(#vague-n)";
      if (expected) fill = p.vague ? "url(#vague-n)" : "#f1ecfc";
      std::string stroke;
      if (expected) {
        stroke =
            absl::StrCat(" stroke=\"", color, "\" stroke-width=\"2\" stroke-dasharray=\"6 4\"");
      } else if (p.vague) {
        stroke =
            absl::StrCat(" stroke=\"", color, "\" stroke-opacity=\".5\" stroke-dasharray=\"2 3\"");
      }
      mark = absl::StrFormat(
          "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"16\" rx=\"5\" fill=\"%s\"%s/>", x0,
          cy - 8, x1 - x0, fill, stroke);
    }
    absl::StrAppend(&out, mark);
    std::string note = ShortFigures(s);
    if (expected) note = note.empty() ? "expected" : absl::StrCat("expected · ", note);
    if (!note.empty()) {
      // Estimated width (the SVG cannot measure): ~7 px a character.
      size_t chars = 0;
      for (unsigned char c : note) chars += (c & 0xc0) != 0x80 ? 1 : 0;
      const double est = 7.0 * chars;
      const bool fits_right = x1 + 8 + est < width - right + 10;
      absl::StrAppendFormat(&out,
                            "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12.5\" font-weight=\"600\" "
                            "fill=\"%s\" text-anchor=\"%s\">%s</text>",
                            fits_right ? x1 + 8 : x0 - 8, cy + 4.5, color,
                            fits_right ? "start" : "end", HtmlEscape(note));
    }
    absl::StrAppend(&out, "</a>\n");
    return out;
  }

  static std::string Legend() {
    auto item = [](absl::string_view icon, absl::string_view label) {
      return absl::StrCat("<li><svg viewBox=\"0 0 30 14\" aria-hidden=\"true\">", icon, "</svg>",
                          label, "</li>");
    };
    return absl::StrCat(
        "<ul class=\"legend\">",
        item("<rect x=\"1\" y=\"3\" width=\"28\" height=\"8\" rx=\"3\" fill=\"#1f5fd1\"/>",
             "a month or week"),
        item("<circle cx=\"15\" cy=\"7\" r=\"5\" fill=\"#1f5fd1\"/>", "a day"),
        item("<rect x=\"1\" y=\"3\" width=\"28\" height=\"8\" rx=\"3\" fill=\"url(#vague-n)\" "
             "stroke=\"#1f5fd1\" stroke-opacity=\".5\" stroke-dasharray=\"2 3\"/>",
             "a vague date"),
        item("<rect x=\"2\" y=\"3\" width=\"26\" height=\"8\" rx=\"3\" fill=\"#f1ecfc\" "
             "stroke=\"#6a3fc8\" stroke-width=\"1.5\" stroke-dasharray=\"4 2\"/>",
             "expected"),
        item("<rect x=\"1\" y=\"3\" width=\"28\" height=\"8\" rx=\"3\" fill=\"#c42b1c\"/>",
             "sources disagree"),
        item("<line x1=\"15\" x2=\"15\" y1=\"0\" y2=\"14\" stroke=\"#6a3fc8\" "
             "stroke-width=\"1.5\" stroke-dasharray=\"3 2\"/>",
             "latest article"),
        "</ul>\n");
  }

  // --- one entry ---

  std::string Card(const ClusterDetail& d) const {
    const v1::ClusterSummary& s = d.summary;
    const Placed p = PlaceEntry(s);
    const bool expected = Expected(s);
    std::string out = absl::StrCat(
        "<article class=\"entry\"", Attr("id", "entry-" + s.id()), Attr("data-entry", s.id()),
        Attr("data-kind", s.kind()), Attr("data-start", p.dated ? FormatIsoDate(p.from) : ""),
        Attr("data-end", p.dated ? FormatIsoDate(p.to) : ""),
        Attr("data-granularity", GranularityName(p)), s.conflict() ? " data-conflict=\"true\"" : "",
        expected ? " data-expected=\"true\"" : "",
        Attr("data-articles", absl::StrCat(s.articles())), ">\n");
    // The date column.
    absl::StrAppend(&out, "<div class=\"when\">");
    if (p.dated) {
      absl::StrAppend(&out, "<time", Attr("datetime", DatetimeAttr(p)), ">",
                      HtmlEscape(RenderClusterWhen(s)), "</time>");
    } else {
      absl::StrAppend(&out, "<span class=\"undated\">undated</span>");
    }
    absl::StrAppend(&out, "<span class=\"gran\">", HtmlEscape(GranularityNote(p, s)), "</span>");
    absl::StrAppend(&out, "</div>\n<div class=\"entry-body\">\n");
    // What: the subject (when not this entity), the kind, the object; then the badges.
    std::string what;
    if (s.subject() != entity_ && !s.subject().empty()) {
      absl::StrAppend(&what, EntityLink(s.subject()), " · ");
    }
    absl::StrAppend(&what, HtmlEscape(Capitalized(RenderKind(s.kind()))));
    if (!s.object().empty()) {
      absl::StrAppend(&what, s.object() == entity_ ? " of " : " → ", EntityLink(s.object()));
    }
    absl::StrAppend(&out, "<div class=\"head\"><h3 class=\"what\">", what, "</h3>");
    if (s.conflict()) absl::StrAppend(&out, "<span class=\"badge conflict\">conflict</span>");
    if (expected) absl::StrAppend(&out, "<span class=\"badge expected\">expected</span>");
    if (Reported(s)) absl::StrAppend(&out, "<span class=\"badge reported\">reported</span>");
    if (Denied(s)) absl::StrAppend(&out, "<span class=\"badge denied\">denied</span>");
    if (p.vague && p.dated) absl::StrAppend(&out, "<span class=\"badge vague\">vague date</span>");
    absl::StrAppend(&out, "<span class=\"count\">", Plural(s.articles(), "article", "articles"),
                    "</span></div>\n");
    if (s.conflict()) {
      absl::StrAppend(&out, Sides(d));
    } else {
      absl::StrAppend(&out, FigureLine(s));
      std::vector<size_t> all(d.attestations.size());
      for (size_t i = 0; i < all.size(); ++i) all[i] = i;
      absl::StrAppend(&out, Attestations(d, all));
    }
    absl::StrAppend(&out, History(d));
    absl::StrAppend(&out, "</div>\n</article>");
    return out;
  }

  static std::string FigureLine(const v1::ClusterSummary& s) {
    std::vector<const v1::FigureStat*> figs = FiguresByWeight(s);
    if (figs.empty()) return "";
    std::string out = "<p class=\"figs\">";
    for (const v1::FigureStat* f : figs) {
      absl::StrAppend(&out, "<span class=\"fig\">", HtmlEscape(RenderFigureStat(*f)));
      if (figs.size() > 1) {
        absl::StrAppend(&out, "<small>", Plural(f->articles(), "article", "articles"), "</small>");
      }
      absl::StrAppend(&out, "</span>");
    }
    return out + "</p>\n";
  }

  std::string Sides(const ClusterDetail& d) const {
    const v1::ClusterSummary& s = d.summary;
    std::vector<std::vector<size_t>> by_side(s.sides_size());
    std::vector<size_t> unsided;
    for (size_t i = 0; i < d.attestations.size(); ++i) {
      const int side = projections::SideOf(s, d.attestations[i]);
      if (side >= 0 && side < s.sides_size()) {
        by_side[side].push_back(i);
      } else {
        unsided.push_back(i);
      }
    }
    std::string out = absl::StrCat("<div class=\"sides", s.sides_size() > 2 ? " many" : "", "\"",
                                   Attr("data-sides", absl::StrCat(s.sides_size())),
                                   " aria-label=\"Sources disagree\">\n");
    for (int i = 0; i < s.sides_size(); ++i) {
      if (i > 0) absl::StrAppend(&out, "<div class=\"ne\" aria-hidden=\"true\">vs</div>\n");
      std::set<std::string> langs;
      std::set<uint64_t> articles;
      for (size_t k : by_side[i]) {
        langs.insert(d.attestations[k].language());
        articles.insert(d.attestations[k].article_sequence());
      }
      absl::StrAppend(&out, "<section class=\"side\"", Attr("data-side", absl::StrCat(i + 1)), ">",
                      "<h4>", i == 0 ? "Most sources" : "Other sources", " · ",
                      Plural(articles.size(), "article", "articles"), "</h4>\n<p class=\"figs\">");
      std::vector<const v1::FigureStat*> figs;
      for (uint32_t f : s.sides(i).figures()) {
        if (f < static_cast<uint32_t>(s.figures_size())) figs.push_back(&s.figures(f));
      }
      std::stable_sort(figs.begin(), figs.end(), [](const auto* a, const auto* b) {
        return a->attestations() > b->attestations();
      });
      for (const v1::FigureStat* f : figs) {
        absl::StrAppend(&out, "<span class=\"fig\">", HtmlEscape(RenderFigureStat(*f)), "</span>");
      }
      absl::StrAppend(&out, "</p>\n", Attestations(d, by_side[i]), "</section>\n");
    }
    absl::StrAppend(&out, "</div>\n");
    if (!unsided.empty()) {
      absl::StrAppend(&out, "<p class=\"pub\">Also reported without a figure:</p>",
                      Attestations(d, unsided));
    }
    return out;
  }

  std::string Attestations(const ClusterDetail& d, const std::vector<size_t>& which) const {
    if (which.empty()) return "";
    std::string out = "<ul class=\"atts\">\n";
    for (size_t n = 0; n < which.size(); ++n) {
      if (n == kMaxAttestationsShown) {
        absl::StrAppend(&out, "</ul>\n<details class=\"more\"><summary>",
                        which.size() - kMaxAttestationsShown,
                        " more</summary>\n<ul class=\"atts\">\n");
      }
      absl::StrAppend(&out, AttestationItem(d, which[n]));
    }
    absl::StrAppend(&out, "</ul>\n");
    if (which.size() > kMaxAttestationsShown) absl::StrAppend(&out, "</details>\n");
    return out;
  }

  std::string AttestationItem(const ClusterDetail& d, size_t i) const {
    const v1::Attestation& a = d.attestations[i];
    const v1::Claim& c = a.claim();
    const int side = projections::SideOf(d.summary, a);
    const std::string source = SourceName(a);
    std::string out = absl::StrCat(
        "<li class=\"att\" data-attestation", Attr("data-source", a.source()),
        Attr("data-lang", a.language()), Attr("data-article", absl::StrCat(a.article_sequence())),
        Attr("data-published", a.published()),
        side >= 0 ? Attr("data-side", absl::StrCat(side + 1)) : "", ">\n<div class=\"att-head\">");
    // Source (its article's link when it has one), language, publication date.
    std::string src = HtmlEscape(source);
    if (SafeUrl(a.url())) {
      src = absl::StrCat("<a", Attr("href", a.url()), " rel=\"noopener noreferrer\"", ">", src,
                         "</a>");
    }
    absl::StrAppend(&out, "<span class=\"src\"",
                    a.title().empty() ? "" : Attr("title", Flatten(a.title())), ">", src, "</span>",
                    LangChip(a.language()), "<span class=\"pub\">",
                    HtmlEscape(PublishedText(a.published())), "</span>");
    const std::string figure = RenderFigure(c.direction(), c.quantity());
    if (!figure.empty()) {
      absl::StrAppend(&out, "<span class=\"att-fig\">", HtmlEscape(figure), "</span>");
    }
    if (!c.when().from().empty()) {
      absl::StrAppend(
          &out, "<span class=\"att-when\">",
          HtmlEscape(RenderWhen(c.when().from(), c.when().to(), c.when().granularity())));
      if (!c.when().text().empty()) {
        absl::StrAppend(&out, " from <q", LangAttr(a.language()), ">", HtmlEscape(c.when().text()),
                        "</q>");
      }
      absl::StrAppend(&out, "</span>");
    } else if (a.floating()) {
      absl::StrAppend(&out, "<span class=\"att-when\">no date of its own</span>");
    }
    if (c.modality() == v1::MODALITY_EXPECTED) {
      absl::StrAppend(&out, "<span class=\"badge expected\">expected</span>");
    }
    absl::StrAppend(&out, "</div>\n");
    // The evidence, the figure and the date phrase marked; cut around the figure when long.
    const std::string evidence = Flatten(d.evidence[i]);
    if (!evidence.empty()) {
      const std::vector<std::pair<std::string, std::string>> needles = {{c.quantity().text(), ""},
                                                                        {c.when().text(), "date"}};
      std::string excerpt = evidence;
      bool cut = false;
      if (evidence.size() > kExcerptBytes) {
        size_t center = evidence.find(c.quantity().text());
        if (c.quantity().text().empty() || center == std::string::npos) center = 0;
        const size_t begin =
            WordStart(evidence, center > kExcerptBytes / 2 ? center - kExcerptBytes / 2 : 0);
        const size_t end = WordEnd(evidence, std::min(evidence.size(), begin + kExcerptBytes));
        excerpt = absl::StrCat(begin > 0 ? "…" : "", evidence.substr(begin, end - begin),
                               end < evidence.size() ? "…" : "");
        cut = true;
      }
      absl::StrAppend(&out, "<blockquote", LangAttr(a.language()), ">", Marked(excerpt, needles),
                      "</blockquote>\n");
      if (cut) {
        absl::StrAppend(&out, "<details class=\"full\"><summary>whole sentence</summary><p",
                        LangAttr(a.language()), ">", Marked(evidence, needles), "</p></details>\n");
      }
    } else if (!c.quantity().text().empty()) {
      absl::StrAppend(&out, "<blockquote", LangAttr(a.language()), "><mark>",
                      HtmlEscape(c.quantity().text()), "</mark></blockquote>\n");
    }
    absl::StrAppend(&out, "</li>\n");
    return out;
  }

  // History: the figures in publication order, marking each change.
  std::string History(const ClusterDetail& d) const {
    std::vector<size_t> order;
    for (size_t i = 0; i < d.attestations.size(); ++i) {
      if (!RenderFigure(d.attestations[i].claim().direction(), d.attestations[i].claim().quantity())
               .empty()) {
        order.push_back(i);
      }
    }
    if (order.size() < 2) return "";
    std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) {
      const v1::Attestation& a = d.attestations[x];
      const v1::Attestation& b = d.attestations[y];
      return std::make_tuple(a.published().empty(), a.published(), a.article_sequence()) <
             std::make_tuple(b.published().empty(), b.published(), b.article_sequence());
    });
    std::string out =
        "<section class=\"history\"><h4>How the figure changed, article by article</h4><ol>";
    std::string previous;
    size_t changes = 0;
    for (size_t n = 0; n < order.size(); ++n) {
      const v1::Attestation& a = d.attestations[order[n]];
      const std::string figure = RenderFigure(a.claim().direction(), a.claim().quantity());
      const bool changed = n > 0 && figure != previous;
      changes += changed ? 1 : 0;
      previous = figure;
      std::optional<absl::CivilDay> pub = Day(a.published());
      absl::StrAppend(
          &out, "<li", changed ? " class=\"changed\"" : "", Attr("data-published", a.published()),
          changed ? " data-changed=\"true\"" : "", "><span class=\"pub\">",
          pub ? HtmlEscape(ShortDay(*pub)) : "undated", "</span> ", HtmlEscape(SourceName(a)), " ",
          LangChip(a.language()), " <span class=\"h-fig\">", HtmlEscape(figure), "</span>",
          changed ? "<span class=\"h-note\">changed</span>" : "", "</li>");
    }
    absl::StrAppend(&out, "</ol></section>\n");
    return changes == 0 && order.size() > 6 ? "" : out;
  }

  std::string Footer() const {
    return absl::StrCat(
        "<footer class=\"wrap\">Made by ", HtmlEscape(VersionString()), " from projection ",
        HtmlEscape(reader_.ns()), " (event #", reader_.checkpoint(),
        "). Figures are as each source gave them; dates at the precision the source gave. "
        "Dates without a year or relative to the article (“last month”) are resolved against "
        "its publication date.</footer>\n");
  }

  const QueryContext& ctx_;
  const projections::ProjectionReader& reader_;
  const std::string& entity_;
  const projections::AsOf& as_of_;
  const HtmlOptions& options_;
  std::vector<ClusterDetail> details_;
  std::set<uint64_t> articles_;
  std::set<std::string> languages_;
  std::set<std::string> sources_;
  std::string first_published_;
  std::string latest_published_;

 public:
  static std::string SearchForm(absl::string_view query) {
    return absl::StrCat(
        "<form class=\"search\" action=\"/\" method=\"get\" role=\"search\">"
        "<input type=\"search\" name=\"q\" aria-label=\"Entity name\" "
        "placeholder=\"Find an entity by any name: NVIDIA, 英伟达, Jensen Huang…\"",
        Attr("value", query), "><button type=\"submit\">Find</button></form>\n");
  }

  static std::string Document(absl::string_view title, absl::string_view body) {
    return absl::StrCat(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<meta name=\"generator\"",
        Attr("content", VersionString()), ">\n<title>", HtmlEscape(title), "</title>\n<style>",
        kPageStyle, "</style>\n</head>\n<body>\n", body, "</body>\n</html>\n");
  }
};

}  // namespace

std::string HtmlEscape(absl::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

absl::StatusOr<std::string> TimelineHtml(const QueryContext& ctx, const std::string& entity,
                                         const projections::AsOf& as_of,
                                         const std::vector<v1::ClusterSummary>& entries,
                                         const HtmlOptions& options) {
  PageBuilder page(ctx, entity, as_of, options);
  return page.Build(entries);
}

std::string SearchHtml(absl::string_view query, const std::vector<EntityHit>& hits,
                       absl::string_view message, const std::vector<v1::ClusterSummary>& conflicts,
                       const projections::ProjectionReader& reader, const HtmlOptions& options) {
  std::string body = "<header class=\"top\"><div class=\"wrap\">\n";
  absl::StrAppend(&body, "<p class=\"eyebrow\"><a href=\"/\">claimline</a> · search</p>\n");
  absl::StrAppend(&body, "<h1>Find an entity</h1>\n", PageBuilder::SearchForm(query));
  if (!options.notice.empty()) {
    absl::StrAppend(&body, "<p class=\"notice\" role=\"status\">", HtmlEscape(options.notice),
                    "</p>\n");
  }
  absl::StrAppend(&body, "</div></header>\n<main class=\"wrap\">\n");
  absl::StrAppend(&body, "<h2 class=\"section\">",
                  query.empty() ? "Entities, most mentioned first"
                                : absl::StrCat("Entities named “", HtmlEscape(query), "”"),
                  "</h2>\n");
  if (!message.empty()) absl::StrAppend(&body, "<p class=\"none\">", HtmlEscape(message), "</p>\n");
  if (!hits.empty()) {
    absl::StrAppend(&body, "<ul class=\"hits\" data-hits",
                    Attr("data-count", absl::StrCat(hits.size())), ">\n");
    for (const EntityHit& h : hits) {
      std::vector<std::string> names;
      for (const std::string& n : h.names) {
        names.push_back(
            absl::StrCat("<span", LangAttr(ScriptLang(n)), ">", HtmlEscape(n), "</span>"));
      }
      absl::StrAppend(&body, "<li class=\"hit\"", Attr("data-entity", h.entity), "><a",
                      Attr("href", "/entity/" + UrlPathSegment(h.entity)), "><span",
                      LangAttr(ScriptLang(h.name)), ">", HtmlEscape(h.name),
                      "</span></a> <span class=\"pub\">", HtmlEscape(h.entity), "</span><p>",
                      Plural(h.entries, "entry", "entries"));
      if (h.conflicts > 0) {
        absl::StrAppend(&body, " · <span class=\"badge conflict\">",
                        Plural(h.conflicts, "conflict", "conflicts"), "</span>");
      }
      absl::StrAppend(&body, " · ", Plural(h.mentions, "mention", "mentions"));
      if (!names.empty()) absl::StrAppend(&body, " · also ", absl::StrJoin(names, ", "));
      absl::StrAppend(&body, "</p></li>\n");
    }
    absl::StrAppend(&body, "</ul>\n");
  }
  if (!conflicts.empty()) {
    absl::StrAppend(&body,
                    "<h2 class=\"section\">Where sources disagree</h2>\n<ul class=\"hits\">\n");
    for (const v1::ClusterSummary& s : conflicts) {
      absl::StrAppend(
          &body, "<li class=\"hit\" data-conflict=\"true\"><a",
          Attr("href", absl::StrCat("/entity/", UrlPathSegment(s.subject()), "#entry-", s.id())),
          ">", HtmlEscape(DisplayName(reader, s.subject())), " · ",
          HtmlEscape(RenderKind(s.kind())), "</a> <span class=\"pub\">",
          HtmlEscape(RenderClusterWhen(s)), "</span><p>", HtmlEscape(ShortFigures(s)),
          "</p></li>\n");
    }
    absl::StrAppend(&body, "</ul>\n");
  }
  absl::StrAppend(&body, "</main>\n<footer class=\"wrap\">", HtmlEscape(VersionString()),
                  " · projection ", HtmlEscape(reader.ns()),
                  " · JSON: <a href=\"/api/search?q=", UrlPathSegment(query),
                  "\">/api/search</a>, <a href=\"/api/conflicts\">/api/conflicts</a>"
                  "</footer>\n");
  return PageBuilder::Document(query.empty() ? "claimline" : absl::StrCat(query, " · claimline"),
                               body);
}

std::string UrlPathSegment(absl::string_view s) {
  std::string out;
  for (unsigned char c : s) {
    if (absl::ascii_isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      absl::StrAppendFormat(&out, "%%%02X", c);
    }
  }
  return out;
}

std::string ErrorHtml(absl::string_view title, absl::string_view message) {
  std::string body = "<header class=\"top\"><div class=\"wrap\">\n";
  absl::StrAppend(&body, "<p class=\"eyebrow\"><a href=\"/\">claimline</a></p>\n",
                  PageBuilder::SearchForm(""), "<h1>", HtmlEscape(title), "</h1>\n",
                  "<p class=\"notice\" role=\"alert\">", HtmlEscape(message), "</p>\n",
                  "</div></header>\n");
  return PageBuilder::Document(absl::StrCat(title, " · claimline"), body);
}

}  // namespace claimline::tools

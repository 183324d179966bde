#include "tools/render_html.h"

#include <algorithm>
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
#include "tools/html_axis.h"
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

// CharStart: the byte offset nearest `pos` at or before it that starts a UTF-8 character.
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
    return HtmlDocument(absl::StrCat(name, " — timeline · claimline"), body);
  }

 private:
  // EntityLink: another entity's name, linked to its page when served.
  std::string EntityLink(absl::string_view id) const {
    const std::string name = DisplayName(reader_, id);
    const std::string text =
        absl::StrCat("<span", LangAttr(ScriptLanguage(name)), ">", HtmlEscape(name), "</span>");
    if (!options_.served) return text;
    return absl::StrCat("<a", Attr("href", "/entity/" + UrlPathSegment(id)), ">", text, "</a>");
  }

  std::string Header(const std::string& name) const {
    std::string out = "<header class=\"top\"><div class=\"wrap\">\n";
    if (options_.served) {
      absl::StrAppend(&out, SearchFormHtml(""));
      absl::StrAppend(&out, "<p class=\"eyebrow\"><a href=\"/\">claimline</a> · timeline · <a",
                      Attr("href", "/api/timeline?entity=" + UrlPathSegment(entity_)),
                      ">JSON</a></p>\n");
    } else {
      absl::StrAppend(&out, "<p class=\"eyebrow\">claimline · timeline</p>\n");
    }
    absl::StrAppend(&out, "<h1", Attr("data-entity", entity_), "><span",
                    LangAttr(ScriptLanguage(name)), ">", HtmlEscape(name), "</span>");
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
        names.push_back(absl::StrCat("<span", LangAttr(ScriptLanguage(n.name())), ">",
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

  // --- the time axis (html_axis.h) ---

  std::string Axis() const {
    std::vector<AxisRow> rows;
    for (const ClusterDetail& d : details_) {
      const v1::ClusterSummary& s = d.summary;
      const Placed p = PlaceEntry(s);
      if (!p.dated) continue;
      AxisRow r;
      r.id = s.id();
      r.when = RenderClusterWhen(s);
      r.what = RenderKind(s.kind());
      if (s.subject() != entity_ && !s.subject().empty()) {
        r.what = absl::StrCat(DisplayName(reader_, s.subject()), " · ", r.what);
      }
      if (!s.object().empty() && s.object() != entity_) {
        absl::StrAppend(&r.what, " → ", DisplayName(reader_, s.object()));
      }
      r.what = Capitalized(r.what);
      r.from = p.from;
      r.to = p.to;
      r.point = !p.vague && p.granularity == v1::GRANULARITY_DAY;
      r.vague = p.vague;
      r.conflict = s.conflict();
      r.expected = Expected(s);
      r.note = FiguresInBrief(s);
      if (r.expected) r.note = r.note.empty() ? "expected" : absl::StrCat("expected · ", r.note);
      rows.push_back(std::move(r));
    }
    if (rows.empty()) return "<p class=\"none\">No entry has a date to place on an axis.</p>\n";
    return TimeAxisHtml(rows, Day(latest_published_));
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
                                   " role=\"group\" aria-label=\"Sources disagree\">\n");
    // Sides come heaviest first; the first is "most sources" only when it has more articles.
    std::vector<size_t> articles_of(s.sides_size());
    for (int i = 0; i < s.sides_size(); ++i) {
      std::set<uint64_t> articles;
      for (size_t k : by_side[i]) articles.insert(d.attestations[k].article_sequence());
      articles_of[i] = articles.size();
    }
    const bool majority = s.sides_size() > 1 && articles_of[0] > articles_of[1];
    for (int i = 0; i < s.sides_size(); ++i) {
      if (i > 0) absl::StrAppend(&out, "<div class=\"ne\" aria-hidden=\"true\">vs</div>\n");
      const char* label = i == 0 ? (majority ? "Most sources" : "Some sources") : "Other sources";
      absl::StrAppend(&out, "<section class=\"side\"", Attr("data-side", absl::StrCat(i + 1)), ">",
                      "<h4>", label, " · ", Plural(articles_of[i], "article", "articles"),
                      "</h4>\n<p class=\"figs\">");
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
  std::string first_published_;
  std::string latest_published_;
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

std::string ScriptLanguage(absl::string_view text) {
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

std::string FiguresInBrief(const v1::ClusterSummary& s) {
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

std::string SearchFormHtml(absl::string_view query) {
  return absl::StrCat(
      "<form class=\"search\" action=\"/\" method=\"get\" role=\"search\">"
      "<input type=\"search\" name=\"q\" aria-label=\"Entity name\" "
      "placeholder=\"Any name, any script: NVIDIA, 英伟达, Jensen Huang\"",
      Attr("value", query), "><button type=\"submit\">Find</button></form>\n");
}

std::string HtmlDocument(absl::string_view title, absl::string_view body) {
  return absl::StrCat(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<meta name=\"generator\"",
      Attr("content", VersionString()), ">\n<title>", HtmlEscape(title), "</title>\n<style>",
      kPageStyle, "</style>\n</head>\n<body>\n", body, "</body>\n</html>\n");
}

}  // namespace claimline::tools

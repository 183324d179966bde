#include "tools/explain_claims.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "base/civil_date.h"
#include "extract/claim_json.h"
#include "extract/extractor.h"
#include "projections/cluster_summary.h"
#include "projections/figures.h"
#include "store/event_log.h"
#include "tools/entity_link.h"

namespace claimline::tools {
namespace {

constexpr const char* kMonthNames[] = {"January",   "February", "March",    "April",
                                       "May",       "June",     "July",     "August",
                                       "September", "October",  "November", "December"};
constexpr const char* kWeekdays[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                     "Friday", "Saturday", "Sunday"};

std::string Plural(int64_t n, absl::string_view one, absl::string_view many) {
  return absl::StrCat(n, " ", n == 1 ? one : many);
}

// Bound: one end of a widened figure.
std::string Bound(double v, absl::string_view unit) {
  if (std::isinf(v)) return v < 0 ? "−∞" : "∞";
  return RenderAmount(v, unit);
}

std::string Interval(const projections::Figure& f) {
  return absl::StrCat("[", Bound(f.low, f.unit), ", ", Bound(f.high, f.unit), "]");
}

bool Widened(const v1::FigureStat& s, double tolerance, double approx_tolerance) {
  return tolerance > 0 || (s.approx() && approx_tolerance > 0);
}

std::string RelativeText(const v1::RelativeTime& r) {
  std::vector<std::string> parts;
  if (r.vague_days() > 0) {
    parts.push_back(absl::StrCat("a window of ", r.vague_days(), " days ending then"));
  }
  const std::string unit = extract::GranularityName(r.unit());
  if (r.offset() != 0 && !unit.empty()) {
    const int n = std::abs(r.offset());
    parts.push_back(
        absl::StrCat(Plural(n, unit, unit + "s"), r.offset() < 0 ? " before" : " after"));
  } else if (!unit.empty() && r.month() == 0 && r.day() == 0 && r.weekday() == 0 && r.year() == 0 &&
             r.vague_days() == 0) {
    parts.push_back(absl::StrCat("the same ", unit));
  }
  if (r.year() != 0) parts.push_back(absl::StrCat("the year ", r.year()));
  if (r.month() >= 1 && r.month() <= 12) parts.push_back(kMonthNames[r.month() - 1]);
  if (r.day() != 0) parts.push_back(absl::StrCat("day ", r.day()));
  if (r.weekday() >= 1 && r.weekday() <= 7) parts.push_back(kWeekdays[r.weekday() - 1]);
  if (r.nearest_year()) parts.push_back("in the year nearest the publication");
  return absl::StrJoin(parts, ", ");
}

// LinkLine: ExplainLink, plus what the projection's rules did to the entity.
std::string LinkLine(const extract::Gazetteer* gazetteer, const projections::CompiledRules& rules,
                     const v1::EntityRef& ref) {
  std::string line = ExplainLink(gazetteer, ref);
  const std::string canonical = rules.CanonicalEntity(ref);
  if (ref.entity().empty()) {
    absl::StrAppend(&line, "; an entity of its own: \"", canonical, "\"");
  } else if (canonical != ref.entity()) {
    absl::StrAppend(&line, "; the projection's rules (alias or merge) make it \"", canonical, "\"");
  }
  return line;
}

std::string SourcesOf(const v1::FigureStat& f, const std::vector<v1::Attestation>& atts) {
  std::vector<std::string> tags;
  for (const v1::Attestation& a : atts) {
    if (!projections::FigureMatches(f, a)) continue;
    const std::string article = absl::StrCat("#", a.article_sequence());
    const std::string tag = a.source().empty() || a.source() == article
                                ? SourceTag(article, a.language())
                                : absl::StrCat(SourceTag(a.source(), a.language()), " ", article);
    if (std::find(tags.begin(), tags.end(), tag) == tags.end()) tags.push_back(tag);
  }
  return absl::StrJoin(tags, ", ");
}

std::string FigureWithSources(const v1::FigureStat& f, const std::vector<v1::Attestation>& atts) {
  return absl::StrCat(RenderFigureStat(f), " (", SourcesOf(f, atts), ")");
}

std::vector<std::string> Verdict(const ClusterDetail& d, const projections::CompiledRules& rules) {
  const v1::ClusterSummary& s = d.summary;
  const double t = rules.tolerance();
  const double ta = rules.approx_tolerance();
  std::vector<std::string> lines;
  std::set<std::string> units;
  for (const v1::FigureStat& f : s.figures()) units.insert(f.unit());
  const std::string rules_line = absl::StrFormat(
      "figures are compared as intervals widened by the projection's rules: "
      "numeric_tolerance %g, approx_tolerance %g (projections/figures.h)",
      t, ta);
  if (s.figures_size() == 0) {
    lines.push_back(
        "no attestation gives a figure: a direction alone is never compared, so nothing "
        "can disagree");
  } else if (s.conflict()) {
    lines.push_back(absl::StrCat("in conflict: ", Plural(s.sides_size(), "side", "sides"),
                                 " of figures that cannot all be true together, from ",
                                 Plural(s.figured_articles(), "article", "articles"),
                                 " giving figures"));
    for (int i = 0; i < s.sides_size(); ++i) {
      std::vector<std::string> figures;
      for (uint32_t f : s.sides(i).figures()) {
        if (static_cast<int>(f) < s.figures_size()) {
          figures.push_back(FigureWithSources(s.figures(static_cast<int>(f)), d.attestations));
        }
      }
      lines.push_back(absl::StrCat("side ", i + 1, ": ", absl::StrJoin(figures, "; ")));
    }
    for (int i = 1; i < s.sides_size(); ++i) {
      std::string why;
      for (uint32_t a : s.sides(0).figures()) {
        for (uint32_t b : s.sides(i).figures()) {
          if (!why.empty()) break;
          why = WhyDisagree(s.figures(static_cast<int>(a)), s.figures(static_cast<int>(b)), t, ta);
        }
      }
      if (why.empty()) why = "their figures were split by weight (see projections/figures.h)";
      lines.push_back(absl::StrCat("side 1 against side ", i + 1, ": ", why));
    }
    lines.push_back(rules_line);
  } else if (s.figures_size() == 1) {
    lines.push_back(absl::StrCat("no conflict: one figure, ",
                                 FigureWithSources(s.figures(0), d.attestations),
                                 "; nothing to disagree with"));
  } else {
    std::vector<projections::WeightedFigure> weighted;
    for (const v1::FigureStat& f : s.figures()) {
      weighted.push_back({projections::FigureOf(f, t, ta), f.attestations()});
    }
    const std::vector<std::vector<size_t>> sides = projections::AgreeingSides(weighted);
    if (sides.size() <= 1) {
      lines.push_back("no conflict: the figures can all be true together");
      for (int i = 0; i < s.figures_size(); ++i) {
        for (int j = i + 1; j < s.figures_size(); ++j) {
          const std::string why = WhyAgree(s.figures(i), s.figures(j), t, ta);
          if (!why.empty()) lines.push_back(why);
        }
      }
    } else {
      std::string why;
      for (size_t a : sides[0]) {
        for (size_t b : sides[1]) {
          if (why.empty()) {
            why =
                WhyDisagree(s.figures(static_cast<int>(a)), s.figures(static_cast<int>(b)), t, ta);
          }
        }
      }
      lines.push_back(absl::StrCat(
          "no conflict: ", why.empty() ? "some figures disagree" : why,
          ", but a conflict needs figures from two articles or more and only ",
          Plural(s.figured_articles(), "article gives", "articles give"), " figures here"));
    }
    lines.push_back(rules_line);
  }
  int without_figure = 0;
  for (const v1::Attestation& a : d.attestations) {
    without_figure += projections::AttestationHasFigure(a) ? 0 : 1;
  }
  if (without_figure > 0 && s.figures_size() > 0) {
    lines.push_back(absl::StrCat(Plural(without_figure, "attestation gives", "attestations give"),
                                 " no figure: a direction alone is too weak to contradict, so ",
                                 without_figure == 1 ? "it is" : "they are", " not compared"));
  }
  if (units.size() > 1) {
    lines.push_back(absl::StrCat("figures in different units (", absl::StrJoin(units, ", "),
                                 ") are never compared with each other"));
  }
  int floating = 0;
  for (const v1::Attestation& a : d.attestations) floating += a.floating() ? 1 : 0;
  if (floating > 0 && !s.floating()) {
    lines.push_back(absl::StrCat(
        Plural(floating, "attestation has", "attestations have"),
        " no date as fine as the cluster's bucket: floating claims join the latest dated "
        "cluster of their (kind, subject, object) whose bucket meets their window "
        "(projections/FORMAT.md)"));
  }
  if (s.when_size() > 1) {
    std::vector<std::string> whens;
    for (const v1::WhenStat& w : s.when()) {
      whens.push_back(absl::StrCat(RenderWhen(w.from(), w.to(), w.granularity()), " (",
                                   extract::GranularityName(w.granularity()), ", ",
                                   w.attestations(), ")"));
    }
    lines.push_back(absl::StrCat("dates given: ", absl::StrJoin(whens, "; "),
                                 "; all fall in this cluster's time bucket"));
  }
  return lines;
}

void AppendJsonLines(std::string& out, const std::vector<std::string>& lines) {
  std::vector<std::string> quoted;
  for (const std::string& l : lines) quoted.push_back(extract::JsonString(l));
  absl::StrAppend(&out, "[", absl::StrJoin(quoted, ", "), "]");
}

}  // namespace

std::string WhyDisagree(const v1::FigureStat& a, const v1::FigureStat& b, double tolerance,
                        double approx_tolerance) {
  const projections::Figure fa = projections::FigureOf(a, tolerance, approx_tolerance);
  const projections::Figure fb = projections::FigureOf(b, tolerance, approx_tolerance);
  if (projections::Compatible(fa, fb)) return "";
  const std::string ta = RenderFigureStat(a);
  const std::string tb = RenderFigureStat(b);
  if (a.direction() != v1::DIRECTION_UNSPECIFIED && b.direction() != v1::DIRECTION_UNSPECIFIED &&
      a.direction() != b.direction()) {
    return absl::StrCat(ta, " and ", tb, " go in opposite directions");
  }
  const bool widened =
      Widened(a, tolerance, approx_tolerance) || Widened(b, tolerance, approx_tolerance);
  const std::string as_widened =
      widened
          ? absl::StrCat(" (widened by the tolerance: ", Interval(fa), " and ", Interval(fb), ")")
          : "";
  const bool pa = a.has_low() && a.has_high() && a.low() == a.high();
  const bool pb = b.has_low() && b.has_high() && b.low() == b.high();
  if (pa && pb) {
    return absl::StrCat(ta, " and ", tb, " are exact figures that differ",
                        widened ? absl::StrCat(" and do not meet", as_widened)
                                : "; with numeric_tolerance 0 exact figures agree only when equal");
  }
  if (pa != pb) {
    const std::string& point = pa ? ta : tb;
    const std::string& range = pa ? tb : ta;
    return absl::StrCat(point, " lies outside the range ", range, " ", Interval(pa ? fb : fa),
                        widened ? as_widened : "");
  }
  if (fa.high == fb.low || fb.high == fa.low) {
    return absl::StrCat("the ranges ", ta, " ", Interval(fa), " and ", tb, " ", Interval(fb),
                        " only touch: the words exclude the shared end");
  }
  return absl::StrCat("the ranges ", ta, " ", Interval(fa), " and ", tb, " ", Interval(fb),
                      " do not overlap");
}

std::string WhyAgree(const v1::FigureStat& a, const v1::FigureStat& b, double tolerance,
                     double approx_tolerance) {
  const std::string ta = RenderFigureStat(a);
  const std::string tb = RenderFigureStat(b);
  if (a.unit() != b.unit()) return "";  // said once for the cluster
  const projections::Figure fa = projections::FigureOf(a, tolerance, approx_tolerance);
  const projections::Figure fb = projections::FigureOf(b, tolerance, approx_tolerance);
  if (!projections::Compatible(fa, fb)) return "";
  const std::string direction = a.direction() != b.direction()
                                    ? "; a figure without a direction agrees with either direction"
                                    : "";
  const bool pa = fa.is_point();
  const bool pb = fb.is_point();
  if (pa && pb) return absl::StrCat(ta, " and ", tb, " are the same figure", direction);
  if (pa != pb) {
    return absl::StrCat(pa ? ta : tb, " lies within ", pa ? tb : ta, " ", Interval(pa ? fb : fa),
                        direction);
  }
  return absl::StrCat(ta, " ", Interval(fa), " and ", tb, " ", Interval(fb), " overlap", direction);
}

std::string DescribeDate(const v1::Attestation& a, int undated_window_days) {
  const v1::ValidTime& w = a.claim().when();
  if (w.from().empty()) {
    if (a.published().empty()) return "no date, and no publication date: undated";
    return absl::StrCat("no date of its own: taken to be in the ", undated_window_days,
                        " days up to the publication (", a.published(), ")");
  }
  std::string out = w.text().empty() ? "" : absl::StrCat("«", w.text(), "» → ");
  absl::StrAppend(&out, RenderWhen(w.from(), w.to(), w.granularity()), " (",
                  extract::GranularityName(w.granularity()), " ", w.from(),
                  w.to() != w.from() ? absl::StrCat("..", w.to()) : "", ")");
  switch (w.anchor()) {
    case v1::ANCHOR_ABSOLUTE:
      absl::StrAppend(&out, ", a full date in the text");
      break;
    case v1::ANCHOR_PUBLICATION: {
      absl::StrAppend(&out, ", relative to the publication date ",
                      a.published().empty() ? "(unknown)" : a.published());
      const std::string rel = w.has_relative() ? RelativeText(w.relative()) : "";
      if (!rel.empty()) absl::StrAppend(&out, ": ", rel);
      break;
    }
    case v1::ANCHOR_CONTEXT:
      absl::StrAppend(&out, ", inherited from a nearby sentence");
      break;
    default:
      break;
  }
  if (a.floating()) absl::StrAppend(&out, "; coarser than the bucket or vague: floating");
  return out;
}

ClusterExplanation ExplainCluster(const ClusterDetail& detail,
                                  const projections::CompiledRules& rules,
                                  const extract::Gazetteer* gazetteer,
                                  const std::vector<std::vector<std::string>>& triggers,
                                  const std::string& title) {
  const v1::ClusterSummary& s = detail.summary;
  ClusterExplanation e;
  e.cluster = s.id();
  e.title = title;
  e.conflict = s.conflict();
  for (size_t i = 0; i < detail.attestations.size(); ++i) {
    const v1::Attestation& a = detail.attestations[i];
    AttestationExplanation x;
    x.article = a.article_sequence();
    x.claim_index = a.claim_index();
    x.source = a.source();
    x.language = a.language();
    x.published = a.published();
    if (a.claim().has_quantity() && projections::HasFigure(a.claim().quantity())) {
      x.figure = RenderFigure(a.claim().direction(), a.claim().quantity());
    }
    x.side = projections::SideOf(s, a);
    if (i < triggers.size()) x.triggers = triggers[i];
    x.date = DescribeDate(a, rules.undated_window_days());
    x.subject_link = LinkLine(gazetteer, rules, a.claim().subject());
    if (a.claim().has_object() && !a.claim().object().text().empty()) {
      x.object_link = LinkLine(gazetteer, rules, a.claim().object());
    }
    e.attestations.push_back(std::move(x));
  }
  e.verdict = Verdict(detail, rules);
  return e;
}

std::string ExplanationText(const std::vector<ClusterExplanation>& clusters) {
  std::string out;
  for (const ClusterExplanation& c : clusters) {
    absl::StrAppend(&out, "Why: ", c.title, c.conflict ? "  (conflict)" : "", "\n");
    for (const AttestationExplanation& a : c.attestations) {
      const bool no_source = a.source.empty() || a.source == absl::StrCat("#", a.article);
      absl::StrAppend(&out, "  article #", a.article, " · ",
                      SourceTag(no_source ? "no source" : a.source, a.language), " · ",
                      a.published.empty() ? "undated" : absl::StrCat("published ", a.published),
                      " · claim ", a.claim_index, " · ", a.figure.empty() ? "no figure" : a.figure,
                      a.side >= 0 ? absl::StrCat(" · side ", a.side + 1) : "", "\n");
      for (const std::string& t : a.triggers) absl::StrAppend(&out, "      · ", t, "\n");
      absl::StrAppend(&out, "    date: ", a.date, "\n");
      absl::StrAppend(&out, "    subject: ", a.subject_link, "\n");
      if (!a.object_link.empty()) absl::StrAppend(&out, "    object: ", a.object_link, "\n");
    }
    absl::StrAppend(&out, "  verdict:\n");
    for (const std::string& v : c.verdict) absl::StrAppend(&out, "    ", v, "\n");
    out += "\n";
  }
  return out;
}

std::string ExplanationJson(const std::vector<ClusterExplanation>& clusters) {
  std::vector<std::string> items;
  for (const ClusterExplanation& c : clusters) {
    std::string o =
        absl::StrCat("{\"cluster\": ", extract::JsonString(c.cluster),
                     ", \"title\": ", extract::JsonString(c.title),
                     ", \"conflict\": ", c.conflict ? "true" : "false", ", \"verdict\": ");
    AppendJsonLines(o, c.verdict);
    std::vector<std::string> atts;
    for (const AttestationExplanation& a : c.attestations) {
      std::string j = absl::StrCat("{\"article\": ", a.article, ", \"claim\": ", a.claim_index,
                                   ", \"source\": ", extract::JsonString(a.source),
                                   ", \"language\": ", extract::JsonString(a.language),
                                   ", \"published\": ", extract::JsonString(a.published),
                                   ", \"figure\": ", extract::JsonString(a.figure),
                                   ", \"side\": ", a.side >= 0 ? absl::StrCat(a.side + 1) : "null",
                                   ", \"triggers\": ");
      AppendJsonLines(j, a.triggers);
      absl::StrAppend(&j, ", \"date\": ", extract::JsonString(a.date),
                      ", \"subject_link\": ", extract::JsonString(a.subject_link),
                      ", \"object_link\": ", extract::JsonString(a.object_link), "}");
      atts.push_back(std::move(j));
    }
    absl::StrAppend(&o, ", \"attestations\": [", absl::StrJoin(atts, ", "), "]}");
    items.push_back(std::move(o));
  }
  return absl::StrCat("[", absl::StrJoin(items, ",\n  "), "]");
}

ClaimsExplainer::ClaimsExplainer(std::unique_ptr<extract::Extractor> extractor)
    : extractor_(std::move(extractor)) {}

ClaimsExplainer::~ClaimsExplainer() = default;

absl::StatusOr<std::unique_ptr<ClaimsExplainer>> ClaimsExplainer::Create() {
  absl::StatusOr<std::unique_ptr<extract::Extractor>> extractor =
      extract::Extractor::Create(extract::ExtractorOptions());
  if (!extractor.ok()) return extractor.status();
  return std::unique_ptr<ClaimsExplainer>(new ClaimsExplainer(*std::move(extractor)));
}

std::vector<std::vector<std::string>> ClaimsExplainer::Triggers(const store::EventLog& log,
                                                                const ClusterDetail& detail) {
  std::vector<std::vector<std::string>> out;
  for (const v1::Attestation& a : detail.attestations) {
    auto it = claims_.find(a.article_sequence());
    if (it == claims_.end()) {
      absl::StatusOr<std::vector<v1::Claim>> claims;
      absl::StatusOr<std::string> text = log.GetText(a.article_sequence());
      absl::StatusOr<absl::CivilDay> published = ParseIsoDate(a.published());
      if (!text.ok()) {
        claims = text.status();
      } else if (!published.ok()) {
        claims = absl::FailedPreconditionError("the article has no publication date");
      } else {
        extract::ExtractRequest request;
        request.text = *text;
        request.language = a.language();
        request.published = *published;
        request.explain = true;
        claims = extractor_->Extract(request);
      }
      it = claims_.emplace(a.article_sequence(), std::move(claims)).first;
    }
    std::vector<std::string> lines;
    if (!it->second.ok()) {
      lines.push_back(
          absl::StrCat("(trigger words unavailable: ", it->second.status().message(), ")"));
      out.push_back(std::move(lines));
      continue;
    }
    const v1::Claim& want = a.claim();
    const v1::Claim* found = nullptr;
    for (const v1::Claim& c : *it->second) {
      if (c.kind() == want.kind() && c.evidence().begin() == want.evidence().begin() &&
          c.evidence().end() == want.evidence().end() &&
          c.quantity().text() == want.quantity().text()) {
        found = &c;
        break;
      }
    }
    if (found == nullptr) {
      lines.push_back(
          "(trigger words unavailable: the current extractor no longer finds this claim; "
          "`claimline reextract` brings the article up to date)");
    } else {
      lines.assign(found->explain().begin(), found->explain().end());
    }
    out.push_back(std::move(lines));
  }
  return out;
}

}  // namespace claimline::tools

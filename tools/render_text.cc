#include "tools/render_text.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "base/civil_date.h"
#include "projections/cluster_summary.h"
#include "tools/text_width.h"

namespace claimline::tools {
namespace {

constexpr size_t kMaxSourcesShown = 4;
constexpr size_t kEvidenceWidth = 100;

// Table: rows of cells printed with columns aligned by display width; the last column is
// not padded. `caps` bounds each column (0 = no bound).
class Table {
 public:
  explicit Table(std::vector<size_t> caps) : caps_(std::move(caps)) {}
  void Add(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
  // AddLine: a full-width line between rows (not aligned), e.g. a conflict's sides.
  void AddLine(std::string line) { rows_.push_back({"\x01" + std::move(line)}); }
  std::string Render(const std::string& indent = "") const {
    std::vector<size_t> width(caps_.size(), 0);
    for (const auto& row : rows_) {
      if (!row.empty() && !row[0].empty() && row[0][0] == '\x01') continue;
      for (size_t i = 0; i < row.size() && i < width.size(); ++i) {
        size_t w = DisplayWidth(row[i]);
        if (caps_[i] > 0) w = std::min(w, caps_[i]);
        width[i] = std::max(width[i], w);
      }
    }
    std::string out;
    for (const auto& row : rows_) {
      if (!row.empty() && !row[0].empty() && row[0][0] == '\x01') {
        absl::StrAppend(&out, indent, row[0].substr(1), "\n");
        continue;
      }
      std::string line = indent;
      for (size_t i = 0; i < row.size(); ++i) {
        const bool last = i + 1 == row.size();
        if (last) {
          line += caps_[i] > 0 ? FitWidth(row[i], caps_[i], false) : row[i];
        } else {
          line += FitWidth(row[i], width[i], true) + "  ";
        }
      }
      while (!line.empty() && line.back() == ' ') line.pop_back();
      absl::StrAppend(&out, line, "\n");
    }
    return out;
  }

 private:
  std::vector<size_t> caps_;
  std::vector<std::vector<std::string>> rows_;
};

std::string Plural(size_t n, const char* one, const char* many) {
  return absl::StrCat(n, " ", n == 1 ? one : many);
}

std::string DayOf(const std::string& iso) {
  return iso.empty() ? "(undated)" : RenderWhen(iso, iso, v1::GRANULARITY_DAY);
}

// Sources: "a [id], b [it], … +3 more", most attested first.
std::string Sources(const v1::ClusterSummary& s) {
  std::vector<const v1::SourceStat*> sources;
  for (const auto& x : s.sources()) sources.push_back(&x);
  std::stable_sort(sources.begin(), sources.end(), [](const auto* a, const auto* b) {
    return a->attestations() > b->attestations();
  });
  std::vector<std::string> tags;
  for (size_t i = 0; i < sources.size() && i < kMaxSourcesShown; ++i) {
    tags.push_back(SourceTag(sources[i]->source(), sources[i]->language()));
  }
  std::string out = absl::StrJoin(tags, ", ");
  if (sources.size() > kMaxSourcesShown) {
    absl::StrAppend(&out, " +", sources.size() - kMaxSourcesShown, " more");
  }
  return out;
}

// Figures: the distinct figures, most attested first: "↓ $600B · ↓ $100B–$1T".
std::string Figures(const v1::ClusterSummary& s, size_t max = 3) {
  std::vector<const v1::FigureStat*> figs;
  for (const auto& f : s.figures()) figs.push_back(&f);
  std::stable_sort(figs.begin(), figs.end(), [](const auto* a, const auto* b) {
    return a->attestations() > b->attestations();
  });
  std::vector<std::string> parts;
  for (size_t i = 0; i < figs.size() && i < max; ++i) parts.push_back(RenderFigureStat(*figs[i]));
  if (figs.size() > max) parts.push_back("…");
  return absl::StrJoin(parts, " · ");
}

std::string Header(const projections::ProjectionReader& reader, const std::string& entity,
                   const std::string& what, size_t n, const char* one, const char* many) {
  const std::string name = DisplayName(reader, entity);
  return absl::StrCat(name, name == entity ? "" : absl::StrCat(" (", entity, ")"), " — ", what,
                      " · ", Plural(n, one, many), " · projection ", reader.ns(), "\n\n");
}

std::string ClusterTitle(const projections::ProjectionReader& reader, const v1::ClusterSummary& s) {
  std::string title = absl::StrCat(RenderClusterWhen(s), " · ", RenderKind(s.kind()), " · ",
                                   DisplayName(reader, s.subject()));
  if (!s.object().empty()) absl::StrAppend(&title, " → ", DisplayName(reader, s.object()));
  absl::StrAppend(&title, " · ", Plural(s.articles(), "article", "articles"));
  if (s.conflict()) absl::StrAppend(&title, " · CONFLICT");
  return title;
}

std::string Quote(const std::string& text, size_t width) {
  std::string flat;
  for (absl::string_view line : absl::StrSplit(text, absl::ByAnyChar("\r\n"), absl::SkipEmpty())) {
    absl::StrAppend(&flat, flat.empty() ? "" : " ", line);
  }
  return "\"" + FitWidth(flat, width, false) + "\"";
}

void AttestationRows(const ClusterDetail& d, const std::vector<size_t>& order, bool mark_changes,
                     std::string& out) {
  Table table({5, 11, 32, 24, 28, 18, 8});
  std::vector<std::string> header = {"#", "PUBLISHED", "SOURCE", "FIGURE", "AS WRITTEN", "DATE"};
  if (d.summary.conflict()) header.push_back("SIDE");
  table.Add(header);
  std::string previous;
  bool first = true;
  for (size_t i : order) {
    const v1::Attestation& a = d.attestations[i];
    const v1::Claim& c = a.claim();
    std::string figure = RenderFigure(c.direction(), c.quantity());
    std::string marker = "";
    if (mark_changes && !first && figure != previous) marker = " ← changed";
    previous = figure;
    first = false;
    std::vector<std::string> row = {
        absl::StrCat(a.article_sequence()),
        DayOf(a.published()),
        SourceTag(a.source(), a.language()),
        figure + marker,
        c.quantity().text().empty() ? "" : "\"" + c.quantity().text() + "\"",
        c.when().from().empty()
            ? "-"
            : RenderWhen(c.when().from(), c.when().to(), c.when().granularity()),
    };
    if (d.summary.conflict()) {
      const int side = projections::SideOf(d.summary, a);
      row.push_back(side < 0 ? "" : absl::StrCat(side + 1));
    }
    table.Add(row);
    if (!d.evidence[i].empty()) table.AddLine("      " + Quote(d.evidence[i], kEvidenceWidth));
  }
  absl::StrAppend(&out, table.Render("  "));
}

}  // namespace

std::string EntryWhat(const projections::ProjectionReader& reader, const std::string& entity,
                      const v1::ClusterSummary& s) {
  std::string what = RenderKind(s.kind());
  if (s.subject() != entity) what = absl::StrCat(DisplayName(reader, s.subject()), " ", what);
  if (!s.object().empty() && s.object() != entity) {
    absl::StrAppend(&what, " → ", DisplayName(reader, s.object()));
  } else if (!s.object().empty()) {
    absl::StrAppend(&what, " (of ", DisplayName(reader, s.object()), ")");
  }
  if (s.expected() * 2 > s.attestations()) absl::StrAppend(&what, " (expected)");
  if (s.reported() * 2 > s.attestations()) absl::StrAppend(&what, " (reported)");
  if (s.negated() * 2 > s.attestations()) absl::StrAppend(&what, " (denied)");
  return what;
}

std::string SidesLine(const ClusterDetail& d) {
  const v1::ClusterSummary& s = d.summary;
  std::vector<std::set<std::string>> languages(s.sides_size());
  for (const v1::Attestation& a : d.attestations) {
    const int side = projections::SideOf(s, a);
    if (side >= 0) languages[side].insert(a.language().empty() ? "?" : a.language());
  }
  std::vector<std::string> sides;
  for (int i = 0; i < s.sides_size(); ++i) {
    std::vector<std::string> figs;
    for (uint32_t f : s.sides(i).figures()) figs.push_back(RenderFigureStat(s.figures(f)));
    sides.push_back(
        absl::StrCat(absl::StrJoin(figs, ", "), " [", absl::StrJoin(languages[i], ", "), "]"));
  }
  return absl::StrJoin(sides, "  ≠  ");
}

std::string TimelineText(const projections::ProjectionReader& reader, const std::string& entity,
                         const std::vector<v1::ClusterSummary>& entries,
                         const std::vector<ClusterDetail>& conflicts) {
  std::string out = Header(reader, entity, "timeline", entries.size(), "entry", "entries");
  Table table({14, 44, 34, 0});
  table.Add({"WHEN", "WHAT", "FIGURES", "SOURCES"});
  for (const v1::ClusterSummary& s : entries) {
    table.Add({RenderClusterWhen(s), EntryWhat(reader, entity, s), Figures(s),
               absl::StrCat(s.articles() > 1 ? absl::StrCat(s.articles(), " articles: ") : "",
                            Sources(s))});
    if (!s.conflict()) continue;
    for (const ClusterDetail& d : conflicts) {
      if (d.summary.id() == s.id()) table.AddLine("    CONFLICT  " + SidesLine(d));
    }
  }
  return out + table.Render();
}

std::string ClaimsText(const projections::ProjectionReader& reader, const std::string& entity,
                       const std::vector<ClusterDetail>& clusters) {
  std::string out = Header(reader, entity, "claims", clusters.size(), "cluster", "clusters");
  for (const ClusterDetail& d : clusters) {
    absl::StrAppend(&out, ClusterTitle(reader, d.summary), "\n");
    if (d.summary.conflict()) absl::StrAppend(&out, "  ", SidesLine(d), "\n");
    std::vector<size_t> order(d.attestations.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    AttestationRows(d, order, /*mark_changes=*/false, out);
    out += "\n";
  }
  return out;
}

std::string HistoryText(const projections::ProjectionReader& reader, const std::string& entity,
                        const std::vector<ClusterDetail>& clusters) {
  std::string out = Header(reader, entity, "history", clusters.size(), "cluster", "clusters");
  for (const ClusterDetail& d : clusters) {
    absl::StrAppend(&out, ClusterTitle(reader, d.summary), "\n");
    std::vector<size_t> order(d.attestations.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) {
      const v1::Attestation& a = d.attestations[x];
      const v1::Attestation& b = d.attestations[y];
      // Undated articles last.
      return std::make_tuple(a.published().empty(), a.published(), a.article_sequence()) <
             std::make_tuple(b.published().empty(), b.published(), b.article_sequence());
    });
    AttestationRows(d, order, /*mark_changes=*/true, out);
    out += "\n";
  }
  return out;
}

std::string ConflictsText(const projections::ProjectionReader& reader,
                          const std::vector<ClusterDetail>& conflicts) {
  std::string out = absl::StrCat(Plural(conflicts.size(), "conflict", "conflicts"),
                                 " · projection ", reader.ns(), "\n");
  for (const ClusterDetail& d : conflicts) {
    const v1::ClusterSummary& s = d.summary;
    absl::StrAppend(&out, "\n", ClusterTitle(reader, s), "\n  ", SidesLine(d), "\n");
    Table table({8, 24, 0});
    for (int i = 0; i < s.sides_size(); ++i) {
      bool first = true;
      for (uint32_t f : s.sides(i).figures()) {
        std::vector<std::string> sources;
        for (const v1::Attestation& a : d.attestations) {
          if (!projections::FigureMatches(s.figures(f), a)) continue;
          const std::string tag = SourceTag(a.source(), a.language());
          if (std::find(sources.begin(), sources.end(), tag) == sources.end()) {
            sources.push_back(tag);
          }
        }
        table.Add({first ? absl::StrCat("side ", i + 1) : "", RenderFigureStat(s.figures(f)),
                   absl::StrJoin(sources, ", ")});
        first = false;
      }
    }
    absl::StrAppend(&out, table.Render("  "));
  }
  return out;
}

std::string NamespacesText(const std::vector<projections::NamespaceStatus>& all) {
  Table table({1, 30, 9, 8, 8, 0});
  table.Add({"", "PROJECTION", "STATUS", "EVENTS", "CLAIMS", "RULES"});
  for (const projections::NamespaceStatus& s : all) {
    const v1::ProjectionRules& r = s.info.rules();
    std::vector<std::string> rules;
    if (r.numeric_tolerance() > 0)
      rules.push_back(absl::StrCat("tolerance ", r.numeric_tolerance()));
    if (r.approx_tolerance() > 0) rules.push_back(absl::StrCat("approx ", r.approx_tolerance()));
    for (const auto& l : r.exclude_languages()) rules.push_back("-lang " + l);
    for (const auto& l : r.include_languages()) rules.push_back("+lang " + l);
    for (const auto& x : r.exclude_sources()) rules.push_back("-source " + x);
    for (const auto& x : r.include_sources()) rules.push_back("+source " + x);
    for (const auto& x : r.exclude_hosts()) rules.push_back("-host " + x);
    for (const auto& x : r.include_hosts()) rules.push_back("+host " + x);
    if (r.alias_size() > 0) rules.push_back(Plural(r.alias_size(), "alias", "aliases"));
    if (r.merge_size() > 0) rules.push_back(Plural(r.merge_size(), "merge", "merges"));
    if (r.kind_mapping_size() > 0)
      rules.push_back(absl::StrCat(r.kind_mapping_size(), " kind maps"));
    if (r.time_bucket() != v1::ProjectionRules::TIME_BUCKET_UNSPECIFIED &&
        r.time_bucket() != v1::ProjectionRules::MONTH) {
      rules.push_back(
          absl::StrCat("bucket ", v1::ProjectionRules::TimeBucket_Name(r.time_bucket())));
    }
    if (r.min_attestations() > 1) rules.push_back(absl::StrCat("min ", r.min_attestations()));
    table.Add({s.active ? "*" : "", s.name,
               s.info.status() == v1::ProjectionInfo::COMPLETE ? "complete" : "building",
               absl::StrCat(s.checkpoint), absl::StrCat(s.info.attestations()),
               rules.empty() ? "(defaults)" : absl::StrJoin(rules, ", ")});
  }
  return table.Render();
}

std::string DiffText(const projections::ProjectionReader& a, const projections::ProjectionReader& b,
                     const projections::ProjectionDiff& diff) {
  using Kind = projections::ClusterChange::Kind;
  std::string out = absl::StrCat("--- ", a.ns(), "\n+++ ", b.ns(), "\n");
  if (diff.empty()) return out + "no differences in timeline entries or conflicts\n";
  auto title = [&](const projections::ClusterChange& c) {
    const v1::ClusterSummary& s = c.a.has_value() ? *c.a : *c.b;
    std::string t = absl::StrCat(RenderClusterWhen(s), " · ", RenderKind(s.kind()), " · ",
                                 DisplayName(a, s.subject()));
    if (!s.object().empty()) absl::StrAppend(&t, " → ", DisplayName(a, s.object()));
    return t;
  };
  absl::StrAppend(&out, "\ntimeline entries: ", diff.timeline.size(), "\n");
  for (const auto& c : diff.timeline) {
    const char* mark = c.kind == Kind::kOnlyInA ? "-" : c.kind == Kind::kOnlyInB ? "+" : "!";
    absl::StrAppend(&out, mark, " ", title(c), c.what.empty() ? "" : "  (" + c.what + ")", "\n");
  }
  absl::StrAppend(&out, "\nconflicts: ", diff.conflicts.size(), "\n");
  for (const auto& c : diff.conflicts) {
    const char* mark = c.kind == Kind::kOnlyInA ? "-" : c.kind == Kind::kOnlyInB ? "+" : "!";
    std::string detail;
    if (c.kind == Kind::kOnlyInA) {
      detail = absl::StrCat("conflict in ", a.ns(), " only");
    } else if (c.kind == Kind::kOnlyInB) {
      detail = absl::StrCat("conflict in ", b.ns(), " only");
    } else {
      detail = "sides differ";
    }
    absl::StrAppend(&out, mark, " ", title(c), "  (", detail, ")\n");
  }
  return out;
}

}  // namespace claimline::tools

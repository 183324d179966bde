#include "tools/render_json.h"

#include <algorithm>
#include <numeric>
#include <tuple>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "extract/claim_json.h"
#include "projections/cluster_summary.h"

namespace claimline::tools {
namespace {

using extract::JsonNumber;
using extract::JsonString;

// Object: fields in insertion order, values already JSON.
class Object {
 public:
  Object& Raw(absl::string_view key, std::string json) {
    fields_.emplace_back(std::string(key), std::move(json));
    return *this;
  }
  Object& Str(absl::string_view key, absl::string_view value) {
    return Raw(key, JsonString(value));
  }
  Object& StrOrNull(absl::string_view key, absl::string_view value) {
    return Raw(key, value.empty() ? "null" : JsonString(value));
  }
  Object& Num(absl::string_view key, double value) { return Raw(key, JsonNumber(value)); }
  Object& Bool(absl::string_view key, bool value) { return Raw(key, value ? "true" : "false"); }
  std::string Json() const {
    std::string out = "{";
    for (size_t i = 0; i < fields_.size(); ++i) {
      absl::StrAppend(&out, i ? ", " : "", JsonString(fields_[i].first), ": ", fields_[i].second);
    }
    return out + "}";
  }

 private:
  std::vector<std::pair<std::string, std::string>> fields_;
};

// List: one element per line when `lines`, for readable output of long lists.
std::string List(const std::vector<std::string>& items, bool lines) {
  if (items.empty()) return "[]";
  if (!lines) return "[" + absl::StrJoin(items, ", ") + "]";
  return "[\n  " + absl::StrJoin(items, ",\n  ") + "\n]";
}

std::string BucketName(v1::ProjectionRules::TimeBucket b) {
  if (b == v1::ProjectionRules::TIME_BUCKET_UNSPECIFIED) return "month";
  return absl::AsciiStrToLower(v1::ProjectionRules::TimeBucket_Name(b));
}

std::string FigureJson(const v1::FigureStat& f) {
  Object o;
  o.StrOrNull("direction", extract::DirectionName(f.direction()))
      .Str("unit", f.unit())
      .Raw("low", f.has_low() ? JsonNumber(f.low()) : "null")
      .Raw("high", f.has_high() ? JsonNumber(f.high()) : "null")
      .Bool("approx", f.approx())
      .Num("attestation_count", f.attestations())
      .Num("article_count", f.articles());
  return o.Json();
}

std::string AsOfJson(const projections::AsOf& as_of) {
  if (!as_of.active()) return "null";
  Object o;
  o.StrOrNull("published", as_of.published)
      .Raw("sequence", as_of.sequence ? JsonNumber(static_cast<double>(*as_of.sequence)) : "null");
  return o.Json();
}

Object Envelope(const projections::ProjectionReader& reader, const projections::AsOf& as_of) {
  Object o;
  o.Str("projection", reader.ns()).Raw("as_of", AsOfJson(as_of));
  return o;
}

}  // namespace

std::string EntryJson(const v1::ClusterSummary& s) {
  Object o;
  o.Str("cluster", s.id()).Str("kind", s.kind()).Str("subject", s.subject());
  o.StrOrNull("object", s.object());
  o.Raw("bucket",
        Object().Str("start", s.bucket_start()).Str("size", BucketName(s.bucket())).Json());
  o.Bool("floating", s.floating());
  if (const v1::WhenStat* w = projections::DisplayWhen(s); w != nullptr) {
    o.Raw("when", Object()
                      .Str("from", w->from())
                      .Str("to", w->to())
                      .Str("granularity", extract::GranularityName(w->granularity()))
                      .Json());
  } else {
    o.Raw("when", "null");
  }
  o.Num("attestation_count", s.attestations()).Num("article_count", s.articles());
  o.Raw("modality", Object()
                        .Num("asserted", s.asserted())
                        .Num("expected", s.expected())
                        .Num("reported", s.reported())
                        .Num("negated", s.negated())
                        .Json());
  std::vector<std::string> figures, sources;
  for (const auto& f : s.figures()) figures.push_back(FigureJson(f));
  for (const auto& x : s.sources()) {
    sources.push_back(Object()
                          .Str("source", x.source())
                          .Str("language", x.language())
                          .Num("attestation_count", x.attestations())
                          .Json());
  }
  o.Raw("figures", List(figures, false)).Raw("sources", List(sources, false));
  o.StrOrNull("first_published", s.first_published())
      .StrOrNull("last_published", s.last_published());
  o.Num("first_sequence", static_cast<double>(s.first_sequence()))
      .Num("last_sequence", static_cast<double>(s.last_sequence()));
  o.Bool("conflict", s.conflict());
  std::vector<std::string> sides;
  for (const auto& side : s.sides()) {
    std::vector<std::string> idx;
    for (uint32_t f : side.figures()) idx.push_back(absl::StrCat(f));
    sides.push_back(Object()
                        .Raw("figures", "[" + absl::StrJoin(idx, ", ") + "]")
                        .Num("attestation_count", side.attestations())
                        .Json());
  }
  o.Raw("sides", List(sides, false));
  return o.Json();
}

std::string AttestationJson(const v1::Attestation& a, int side, const std::string& evidence) {
  Object o;
  o.Num("article", static_cast<double>(a.article_sequence()))
      .Num("claim_index", a.claim_index())
      .Str("source", a.source())
      .Str("url", a.url())
      .Str("language", a.language())
      .StrOrNull("published", a.published())
      .Str("title", a.title())
      .Bool("floating", a.floating())
      .Raw("side", side < 0 ? "null" : absl::StrCat(side))
      .Raw("claim", extract::ClaimToJson(a.claim()))
      .StrOrNull("evidence_text", evidence);
  return o.Json();
}

std::string TimelineJson(const projections::ProjectionReader& reader, const std::string& entity,
                         const projections::AsOf& as_of,
                         const std::vector<v1::ClusterSummary>& entries) {
  std::vector<std::string> items;
  for (const auto& s : entries) items.push_back(EntryJson(s));
  Object o = Envelope(reader, as_of);
  o.Str("entity", entity).Raw("entries", List(items, true));
  return o.Json() + "\n";
}

std::string ClustersJson(const projections::ProjectionReader& reader, const std::string& entity,
                         const projections::AsOf& as_of, const std::vector<ClusterDetail>& clusters,
                         bool by_publication) {
  std::vector<std::string> items;
  for (const ClusterDetail& d : clusters) {
    std::vector<size_t> order(d.attestations.size());
    std::iota(order.begin(), order.end(), 0);
    if (by_publication) {
      std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) {
        const auto& a = d.attestations[x];
        const auto& b = d.attestations[y];
        return std::make_tuple(a.published().empty(), a.published(), a.article_sequence()) <
               std::make_tuple(b.published().empty(), b.published(), b.article_sequence());
      });
    }
    std::vector<std::string> atts;
    for (size_t i : order) {
      atts.push_back(AttestationJson(
          d.attestations[i], projections::SideOf(d.summary, d.attestations[i]), d.evidence[i]));
    }
    std::string entry = EntryJson(d.summary);
    entry.pop_back();  // reopen the object to add the attestations
    absl::StrAppend(&entry, ", \"attestations\": ", List(atts, false), "}");
    items.push_back(std::move(entry));
  }
  Object o = Envelope(reader, as_of);
  o.Str("entity", entity).Raw("clusters", List(items, true));
  return o.Json() + "\n";
}

std::string ConflictsJson(const projections::ProjectionReader& reader,
                          const projections::AsOf& as_of,
                          const std::vector<ClusterDetail>& conflicts) {
  std::vector<std::string> items;
  for (const ClusterDetail& d : conflicts) {
    const v1::ClusterSummary& s = d.summary;
    std::vector<std::string> sides;
    for (int i = 0; i < s.sides_size(); ++i) {
      std::vector<std::string> figures, atts;
      for (uint32_t f : s.sides(i).figures()) figures.push_back(FigureJson(s.figures(f)));
      for (size_t k = 0; k < d.attestations.size(); ++k) {
        if (projections::SideOf(s, d.attestations[k]) == i) {
          atts.push_back(AttestationJson(d.attestations[k], i, d.evidence[k]));
        }
      }
      sides.push_back(Object()
                          .Raw("figures", List(figures, false))
                          .Num("attestation_count", s.sides(i).attestations())
                          .Raw("attestations", List(atts, false))
                          .Json());
    }
    std::vector<std::string> neutral;
    for (size_t k = 0; k < d.attestations.size(); ++k) {
      if (projections::SideOf(s, d.attestations[k]) < 0) {
        neutral.push_back(AttestationJson(d.attestations[k], -1, d.evidence[k]));
      }
    }
    Object c;
    c.Raw("entry", EntryJson(s))
        .Raw("sides", List(sides, false))
        .Raw("neutral", List(neutral, false));
    items.push_back(c.Json());
  }
  Object o = Envelope(reader, as_of);
  o.Raw("conflicts", List(items, true));
  return o.Json() + "\n";
}

std::string NamespacesJson(const std::vector<projections::NamespaceStatus>& all) {
  std::vector<std::string> items;
  for (const auto& s : all) {
    const v1::ProjectionInfo& i = s.info;
    items.push_back(
        Object()
            .Str("name", s.name)
            .Str("rules_name", i.rules().name())
            .Str("rules_hash", i.rules_hash())
            .Str("status", i.status() == v1::ProjectionInfo::COMPLETE ? "complete" : "building")
            .Bool("active", s.active)
            .Num("checkpoint", static_cast<double>(s.checkpoint))
            .Num("events_applied", static_cast<double>(i.events_applied()))
            .Num("events_skipped", static_cast<double>(i.events_skipped()))
            .Num("articles", static_cast<double>(i.articles()))
            .Num("articles_excluded", static_cast<double>(i.articles_excluded()))
            .Num("articles_retracted", static_cast<double>(i.articles_retracted()))
            .Num("attestation_count", static_cast<double>(i.attestations()))
            .Json());
  }
  return Object().Raw("projections", List(items, true)).Json() + "\n";
}

std::string DiffJson(const projections::ProjectionReader& a, const projections::ProjectionReader& b,
                     const projections::ProjectionDiff& diff) {
  using Kind = projections::ClusterChange::Kind;
  auto change = [](const projections::ClusterChange& c) {
    return Object()
        .Str("change", c.kind == Kind::kOnlyInA   ? "only_in_a"
                       : c.kind == Kind::kOnlyInB ? "only_in_b"
                                                  : "changed")
        .Raw("a", c.a.has_value() ? EntryJson(*c.a) : "null")
        .Raw("b", c.b.has_value() ? EntryJson(*c.b) : "null")
        .StrOrNull("what", c.what)
        .Json();
  };
  std::vector<std::string> timeline, conflicts;
  for (const auto& c : diff.timeline) timeline.push_back(change(c));
  for (const auto& c : diff.conflicts) conflicts.push_back(change(c));
  return Object()
             .Str("a", a.ns())
             .Str("b", b.ns())
             .Raw("timeline", List(timeline, true))
             .Raw("conflicts", List(conflicts, true))
             .Json() +
         "\n";
}

}  // namespace claimline::tools

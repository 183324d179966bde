#include "projections/cluster_summary.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "projections/figures.h"
#include "projections/keys.h"
#include "projections/time_buckets.h"

namespace claimline::projections {
namespace {

bool StatMatches(const v1::FigureStat& f, const v1::Attestation& a) {
  const v1::Quantity& q = a.claim().quantity();
  return f.direction() == a.claim().direction() && f.unit() == q.unit() &&
         f.has_low() == q.has_low() && (!q.has_low() || f.low() == q.low()) &&
         f.has_high() == q.has_high() && (!q.has_high() || f.high() == q.high()) &&
         f.approx() == q.approx();
}

void CountModality(v1::Modality m, int delta, v1::ClusterSummary& s) {
  switch (m) {
    case v1::MODALITY_EXPECTED:
      s.set_expected(s.expected() + delta);
      break;
    case v1::MODALITY_REPORTED:
      s.set_reported(s.reported() + delta);
      break;
    case v1::MODALITY_NEGATED:
      s.set_negated(s.negated() + delta);
      break;
    default:
      s.set_asserted(s.asserted() + delta);
  }
}

bool HasWhen(const v1::Attestation& a) { return !a.claim().when().from().empty(); }

template <typename Repeated, typename Pred>
void EraseIf(Repeated& list, Pred pred) {
  int out = 0;
  for (int i = 0; i < list.size(); ++i) {
    if (pred(list.Get(i))) continue;
    if (out != i) list.SwapElements(out, i);
    ++out;
  }
  while (list.size() > out) list.RemoveLast();
}

}  // namespace

bool FigureMatches(const v1::FigureStat& f, const v1::Attestation& a) {
  return AttestationHasFigure(a) && StatMatches(f, a);
}

bool AttestationHasFigure(const v1::Attestation& a) {
  return a.claim().has_quantity() && HasFigure(a.claim().quantity());
}

bool SameFigure(const v1::Attestation& a, const v1::Attestation& b) {
  v1::FigureStat f;
  const v1::Quantity& q = a.claim().quantity();
  f.set_direction(a.claim().direction());
  f.set_unit(q.unit());
  if (q.has_low()) f.set_low(q.low());
  if (q.has_high()) f.set_high(q.high());
  f.set_approx(q.approx());
  return StatMatches(f, b);
}

ArticleContext ContextFor(const v1::Attestation& a, const std::vector<v1::Attestation>& others) {
  ArticleContext ctx;
  const bool figured = AttestationHasFigure(a);
  for (const v1::Attestation& o : others) {
    if (o.article_sequence() != a.article_sequence() || o.claim_index() == a.claim_index()) {
      continue;
    }
    ctx.first_in_cluster = false;
    if (AttestationHasFigure(o)) {
      ctx.first_figured = false;
      if (figured && SameFigure(a, o)) ctx.first_with_figure = false;
    }
  }
  return ctx;
}

namespace {

constexpr int kIndexFrom = 8;  // below this many sources a linear search is faster

uint64_t SourceKey(const std::string& source, const std::string& language) {
  return keys::StableHash(source) * 0x9e3779b97f4a7c15ull ^ keys::StableHash(language);
}

}  // namespace

int SourceIndex::Find(const v1::ClusterSummary& s, const std::string& source,
                      const std::string& language) {
  if (s.sources_size() < kIndexFrom) {
    for (int i = 0; i < s.sources_size(); ++i) {
      if (s.sources(i).source() == source && s.sources(i).language() == language) return i;
    }
    return -1;
  }
  if (!valid_) {
    index_.clear();
    for (int i = 0; i < s.sources_size(); ++i) {
      index_[SourceKey(s.sources(i).source(), s.sources(i).language())] = i;
    }
    valid_ = true;
  }
  auto it = index_.find(SourceKey(source, language));
  if (it == index_.end()) return -1;
  const v1::SourceStat& at = s.sources(it->second);
  if (at.source() == source && at.language() == language) return it->second;
  // A hash collision (never seen in practice): search.
  for (int i = 0; i < s.sources_size(); ++i) {
    if (s.sources(i).source() == source && s.sources(i).language() == language) return i;
  }
  return -1;
}

void SourceIndex::Added(const std::string& source, const std::string& language, int index) {
  if (valid_) index_[SourceKey(source, language)] = index;
}

void AddToSummary(const v1::Attestation& a, const ArticleContext& ctx, v1::ClusterSummary& s,
                  SourceIndex* index) {
  const bool first = s.attestations() == 0;
  if (first) {  // an emptied cluster keeps no bounds from before
    s.clear_first_published();
    s.clear_last_published();
  }
  s.set_attestations(s.attestations() + 1);
  if (ctx.first_in_cluster) s.set_articles(s.articles() + 1);
  CountModality(a.claim().modality(), 1, s);

  if (AttestationHasFigure(a)) {
    if (ctx.first_figured) s.set_figured_articles(s.figured_articles() + 1);
    v1::FigureStat* stat = nullptr;
    for (v1::FigureStat& f : *s.mutable_figures()) {
      if (StatMatches(f, a)) {
        stat = &f;
        break;
      }
    }
    if (stat == nullptr) {
      stat = s.add_figures();
      const v1::Quantity& q = a.claim().quantity();
      stat->set_direction(a.claim().direction());
      stat->set_unit(q.unit());
      if (q.has_low()) stat->set_low(q.low());
      if (q.has_high()) stat->set_high(q.high());
      stat->set_approx(q.approx());
    }
    stat->set_attestations(stat->attestations() + 1);
    if (ctx.first_with_figure) stat->set_articles(stat->articles() + 1);
  }

  SourceIndex local;
  SourceIndex& sources = index != nullptr ? *index : local;
  const int at = sources.Find(s, a.source(), a.language());
  v1::SourceStat* src = at >= 0 ? s.mutable_sources(at) : nullptr;
  if (src == nullptr) {
    src = s.add_sources();
    src->set_source(a.source());
    src->set_language(a.language());
    sources.Added(a.source(), a.language(), s.sources_size() - 1);
  }
  src->set_attestations(src->attestations() + 1);

  if (HasWhen(a)) {
    const v1::ValidTime& w = a.claim().when();
    v1::WhenStat* ws = nullptr;
    for (v1::WhenStat& x : *s.mutable_when()) {
      if (x.from() == w.from() && x.to() == w.to() && x.granularity() == w.granularity()) {
        ws = &x;
        break;
      }
    }
    if (ws == nullptr) {
      ws = s.add_when();
      ws->set_from(w.from());
      ws->set_to(w.to());
      ws->set_granularity(w.granularity());
    }
    ws->set_attestations(ws->attestations() + 1);
  }

  const uint64_t seq = a.article_sequence();
  if (first || seq < s.first_sequence()) s.set_first_sequence(seq);
  if (first || seq > s.last_sequence()) s.set_last_sequence(seq);
  if (!a.published().empty()) {
    if (s.first_published().empty() || a.published() < s.first_published()) {
      s.set_first_published(a.published());
    }
    if (a.published() > s.last_published()) s.set_last_published(a.published());
  }
}

bool RemoveFromSummary(const v1::Attestation& a, const ArticleContext& ctx, v1::ClusterSummary& s,
                       SourceIndex* index) {
  if (index != nullptr) index->Invalidate();
  s.set_attestations(s.attestations() - 1);
  if (ctx.first_in_cluster) s.set_articles(s.articles() - 1);
  CountModality(a.claim().modality(), -1, s);
  if (AttestationHasFigure(a)) {
    if (ctx.first_figured) s.set_figured_articles(s.figured_articles() - 1);
    for (v1::FigureStat& f : *s.mutable_figures()) {
      if (!StatMatches(f, a)) continue;
      f.set_attestations(f.attestations() - 1);
      if (ctx.first_with_figure) f.set_articles(f.articles() - 1);
      break;
    }
    EraseIf(*s.mutable_figures(), [](const v1::FigureStat& f) { return f.attestations() == 0; });
  }
  for (v1::SourceStat& x : *s.mutable_sources()) {
    if (x.source() == a.source() && x.language() == a.language()) {
      x.set_attestations(x.attestations() - 1);
      break;
    }
  }
  EraseIf(*s.mutable_sources(), [](const v1::SourceStat& x) { return x.attestations() == 0; });
  if (HasWhen(a)) {
    const v1::ValidTime& w = a.claim().when();
    for (v1::WhenStat& x : *s.mutable_when()) {
      if (x.from() == w.from() && x.to() == w.to() && x.granularity() == w.granularity()) {
        x.set_attestations(x.attestations() - 1);
        break;
      }
    }
    EraseIf(*s.mutable_when(), [](const v1::WhenStat& x) { return x.attestations() == 0; });
  }
  const bool bound =
      a.article_sequence() == s.first_sequence() || a.article_sequence() == s.last_sequence() ||
      (!a.published().empty() &&
       (a.published() == s.first_published() || a.published() == s.last_published()));
  return bound && s.attestations() > 0;
}

void SetBounds(const std::vector<v1::Attestation>& all, v1::ClusterSummary& s) {
  s.clear_first_sequence();
  s.clear_last_sequence();
  s.clear_first_published();
  s.clear_last_published();
  bool first = true;
  for (const v1::Attestation& a : all) {
    const uint64_t seq = a.article_sequence();
    if (first || seq < s.first_sequence()) s.set_first_sequence(seq);
    if (first || seq > s.last_sequence()) s.set_last_sequence(seq);
    first = false;
    if (!a.published().empty()) {
      if (s.first_published().empty() || a.published() < s.first_published()) {
        s.set_first_published(a.published());
      }
      if (a.published() > s.last_published()) s.set_last_published(a.published());
    }
  }
}

void FinalizeSummary(const CompiledRules& rules, v1::ClusterSummary& s) {
  auto figure_key = [](const v1::FigureStat& f) {
    return std::make_tuple(f.unit(), static_cast<int>(f.direction()), f.has_low(),
                           f.has_low() ? f.low() : 0.0, f.has_high(), f.has_high() ? f.high() : 0.0,
                           f.approx());
  };
  std::sort(s.mutable_figures()->begin(), s.mutable_figures()->end(),
            [&](const v1::FigureStat& a, const v1::FigureStat& b) {
              return figure_key(a) < figure_key(b);
            });
  std::sort(s.mutable_sources()->begin(), s.mutable_sources()->end(),
            [](const v1::SourceStat& a, const v1::SourceStat& b) {
              return std::tie(a.source(), a.language()) < std::tie(b.source(), b.language());
            });
  std::sort(s.mutable_when()->begin(), s.mutable_when()->end(),
            [](const v1::WhenStat& a, const v1::WhenStat& b) {
              return std::make_tuple(a.from(), a.to(), static_cast<int>(a.granularity())) <
                     std::make_tuple(b.from(), b.to(), static_cast<int>(b.granularity()));
            });
  s.set_source_count(static_cast<uint32_t>(s.sources_size()));
  s.clear_sides();
  s.set_conflict(false);
  std::vector<WeightedFigure> figures;
  figures.reserve(s.figures_size());
  for (const v1::FigureStat& f : s.figures()) {
    figures.push_back({FigureOf(f, rules.tolerance(), rules.approx_tolerance()), f.attestations()});
  }
  std::vector<std::vector<size_t>> sides = AgreeingSides(figures);
  if (sides.size() < 2 || s.figured_articles() < 2) return;
  s.set_conflict(true);
  for (const std::vector<size_t>& side : sides) {
    v1::ConflictSide* out = s.add_sides();
    for (size_t i : side) {
      out->add_figures(static_cast<uint32_t>(i));
      out->set_attestations(out->attestations() + s.figures(static_cast<int>(i)).attestations());
    }
  }
}

v1::ClusterSummary BuildSummary(const v1::ClusterSummary& header,
                                const std::vector<v1::Attestation>& attestations,
                                const CompiledRules& rules) {
  v1::ClusterSummary s;
  s.set_id(header.id());
  s.set_kind(header.kind());
  s.set_subject(header.subject());
  s.set_object(header.object());
  s.set_bucket_start(header.bucket_start());
  s.set_bucket(header.bucket());
  s.set_floating(header.floating());
  // Group by article so each attestation's context is known.
  std::map<uint64_t, std::vector<v1::Attestation>> seen;
  std::vector<const v1::Attestation*> order;
  for (const v1::Attestation& a : attestations) order.push_back(&a);
  std::sort(order.begin(), order.end(), [](const v1::Attestation* a, const v1::Attestation* b) {
    return std::make_pair(a->article_sequence(), a->claim_index()) <
           std::make_pair(b->article_sequence(), b->claim_index());
  });
  for (const v1::Attestation* a : order) {
    std::vector<v1::Attestation>& prior = seen[a->article_sequence()];
    AddToSummary(*a, ContextFor(*a, prior), s);
    prior.push_back(*a);
  }
  FinalizeSummary(rules, s);
  return s;
}

v1::ClusterSummary CompactCopy(const v1::ClusterSummary& s) {
  v1::ClusterSummary out = s;
  if (out.sources_size() <= kTopSources) return out;
  std::vector<int> order(out.sources_size());
  for (int i = 0; i < out.sources_size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](int x, int y) {
    return out.sources(x).attestations() > out.sources(y).attestations();
  });
  order.resize(kTopSources);
  std::sort(order.begin(), order.end());  // keep the canonical (name) order
  google::protobuf::RepeatedPtrField<v1::SourceStat> kept;
  for (int i : order) *kept.Add() = out.sources(i);
  out.mutable_sources()->Swap(&kept);
  return out;
}

int SideOf(const v1::ClusterSummary& s, const v1::Attestation& a) {
  if (!s.conflict() || !AttestationHasFigure(a)) return -1;
  for (int i = 0; i < s.sides_size(); ++i) {
    for (uint32_t f : s.sides(i).figures()) {
      if (f < static_cast<uint32_t>(s.figures_size()) && StatMatches(s.figures(f), a)) return i;
    }
  }
  return -1;
}

const v1::WhenStat* DisplayWhen(const v1::ClusterSummary& s) {
  const v1::WhenStat* best = nullptr;
  auto key = [](const v1::WhenStat& w) {
    const bool vague = GranularityRank(w.granularity()) == kVagueGranularityRank;
    // Larger is better: non-vague, more attestations, finer, earlier.
    return std::make_tuple(!vague, w.attestations(), -GranularityRank(w.granularity()));
  };
  for (const v1::WhenStat& w : s.when()) {
    if (best == nullptr || key(w) > key(*best) ||
        (key(w) == key(*best) && w.from() < best->from())) {
      best = &w;
    }
  }
  return best;
}

}  // namespace claimline::projections

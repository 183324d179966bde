#include "projections/diff.h"

#include <algorithm>
#include <map>
#include <tuple>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "base/status_macros.h"

namespace claimline::projections {
namespace {

std::string FigureKey(const v1::FigureStat& f) {
  return absl::StrCat(f.unit(), "|", f.direction(), "|", f.has_low() ? absl::StrCat(f.low()) : "-",
                      "|", f.has_high() ? absl::StrCat(f.high()) : "-", "|", f.approx());
}

// SideKeys: each side as the sorted figure keys it holds, sides sorted.
std::vector<std::vector<std::string>> SideKeys(const v1::ClusterSummary& s) {
  std::vector<std::vector<std::string>> out;
  for (const v1::ConflictSide& side : s.sides()) {
    std::vector<std::string> keys;
    for (uint32_t i : side.figures()) {
      if (i < static_cast<uint32_t>(s.figures_size())) keys.push_back(FigureKey(s.figures(i)));
    }
    std::sort(keys.begin(), keys.end());
    out.push_back(std::move(keys));
  }
  std::sort(out.begin(), out.end());
  return out;
}

// TimelineDifference: what differs between two visible entries ("" when nothing).
std::string TimelineDifference(const v1::ClusterSummary& a, const v1::ClusterSummary& b) {
  std::vector<std::string> what;
  if (a.attestations() != b.attestations()) {
    what.push_back(absl::StrCat("attestations ", a.attestations(), " → ", b.attestations()));
  }
  if (a.articles() != b.articles()) {
    what.push_back(absl::StrCat("articles ", a.articles(), " → ", b.articles()));
  }
  auto same_list = [](const auto& x, const auto& y) {
    if (x.size() != y.size()) return false;
    for (int i = 0; i < x.size(); ++i) {
      if (x.Get(i).SerializeAsString() != y.Get(i).SerializeAsString()) return false;
    }
    return true;
  };
  if (!same_list(a.figures(), b.figures())) what.push_back("figures");
  if (!same_list(a.sources(), b.sources())) what.push_back("sources");
  if (!same_list(a.when(), b.when())) what.push_back("dates");
  return absl::StrJoin(what, ", ");
}

bool TimeOrder(const ClusterChange& x, const ClusterChange& y) {
  const v1::ClusterSummary& a = x.a.has_value() ? *x.a : *x.b;
  const v1::ClusterSummary& b = y.a.has_value() ? *y.a : *y.b;
  return std::tie(a.bucket_start(), a.kind(), a.subject(), a.id()) <
         std::tie(b.bucket_start(), b.kind(), b.subject(), b.id());
}

}  // namespace

absl::StatusOr<ProjectionDiff> Diff(const ProjectionReader& a, const ProjectionReader& b) {
  ProjectionDiff diff;
  ASSIGN_OR_RETURN(std::vector<v1::ClusterSummary> in_a, a.AllClusters());
  ASSIGN_OR_RETURN(std::vector<v1::ClusterSummary> in_b, b.AllClusters());
  std::map<std::string, std::pair<const v1::ClusterSummary*, const v1::ClusterSummary*>> all;
  const uint32_t min_a = a.rules().min_attestations();
  const uint32_t min_b = b.rules().min_attestations();
  for (const v1::ClusterSummary& s : in_a) {
    if (s.articles() >= min_a) all[s.id()].first = &s;
  }
  for (const v1::ClusterSummary& s : in_b) {
    if (s.articles() >= min_b) all[s.id()].second = &s;
  }
  for (const auto& [id, pair] : all) {
    const auto [x, y] = pair;
    auto opt = [](const v1::ClusterSummary* p) {
      return p == nullptr ? std::nullopt : std::optional<v1::ClusterSummary>(*p);
    };
    if (x == nullptr || y == nullptr) {
      diff.timeline.push_back(
          {x ? ClusterChange::Kind::kOnlyInA : ClusterChange::Kind::kOnlyInB, opt(x), opt(y), ""});
    } else if (std::string what = TimelineDifference(*x, *y); !what.empty()) {
      diff.timeline.push_back({ClusterChange::Kind::kChanged, opt(x), opt(y), what});
    }
    const bool cx = x != nullptr && x->conflict();
    const bool cy = y != nullptr && y->conflict();
    if (cx != cy) {
      diff.conflicts.push_back(
          {cx ? ClusterChange::Kind::kOnlyInA : ClusterChange::Kind::kOnlyInB, opt(x), opt(y), ""});
    } else if (cx && SideKeys(*x) != SideKeys(*y)) {
      diff.conflicts.push_back({ClusterChange::Kind::kChanged, opt(x), opt(y), "sides"});
    }
  }
  std::sort(diff.timeline.begin(), diff.timeline.end(), TimeOrder);
  std::sort(diff.conflicts.begin(), diff.conflicts.end(), TimeOrder);
  return diff;
}

}  // namespace claimline::projections

// Comparing the figures that sources give for one event.
//
// A figure is a magnitude interval [low, high] with a unit and a direction (CLAIMS.md);
// an absent bound is unbounded. Before comparing, each figure is widened by the rules'
// relative tolerance: [low × (1 − t), high × (1 + t)], with t = numeric_tolerance, plus
// approx_tolerance for figures marked approximate (default 0: "nearly 20%" is already
// the interval [18, 20]).
//
// Two figures are compatible — both can be true — when:
//   - their directions do not disagree (up against down; an absent direction agrees
//     with both), and
//   - their units differ (incomparable, so no disagreement), or
//   - both are points (low == high) and equal, or
//   - one is a point lying in the other's closed interval ("600 billion" in "hundreds of
//     billions" = [1e11, 1e12]), or
//   - both are ranges whose overlap has positive length. Ranges that only touch do not
//     agree: "tens of billions" [1e10, 1e11] against "hundreds of billions" [1e11, 1e12],
//     or "more than 20%" [20, ∞) against "nearly 20%" [18, 20]: the words exclude the
//     shared end.
// For one unit this is an interval graph, so figures that are pairwise compatible are
// also jointly compatible (Helly), and a set "can all be true together" exactly when it
// is pairwise compatible.
//
// AgreeingSides partitions figures into sides that agree: repeatedly the heaviest set of
// remaining figures that can all be true together (by attestation count), until none is
// left. Deterministic: ties go to the earlier figure in input order.
#ifndef CLAIMLINE_PROJECTIONS_FIGURES_H_
#define CLAIMLINE_PROJECTIONS_FIGURES_H_

#include <cstdint>
#include <string>
#include <vector>

#include "claimline/v1/claim.pb.h"
#include "claimline/v1/projection.pb.h"

namespace claimline::projections {

struct Figure {
  v1::Direction direction = v1::DIRECTION_UNSPECIFIED;
  std::string unit;
  double low = 0;   // -infinity when unbounded
  double high = 0;  // +infinity when unbounded
  bool approx = false;

  bool is_point() const { return low == high; }
};

// HasFigure: the quantity gives at least one bound.
bool HasFigure(const v1::Quantity& q);

// FigureOf: the figure of a FigureStat, widened by the tolerances.
Figure FigureOf(const v1::FigureStat& stat, double tolerance, double approx_tolerance);

// Compatible: both can be true (see above). Figures must already be widened.
bool Compatible(const Figure& a, const Figure& b);

struct WeightedFigure {
  Figure figure;
  uint32_t weight = 1;
};

// AgreeingSides: the partition above, as lists of indexes into `figures`, heaviest side
// first. One side (or none, for no figures) means no disagreement.
std::vector<std::vector<size_t>> AgreeingSides(const std::vector<WeightedFigure>& figures);

}  // namespace claimline::projections

#endif  // CLAIMLINE_PROJECTIONS_FIGURES_H_

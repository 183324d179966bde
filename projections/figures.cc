#include "projections/figures.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace claimline::projections {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// Same: equal up to floating-point noise (figures come from parsed text: 16.9 vs 16.9).
bool Same(double a, double b) {
  if (a == b) return true;
  if (std::isinf(a) || std::isinf(b)) return false;
  return std::fabs(a - b) <= 1e-9 * std::max(std::fabs(a), std::fabs(b));
}

bool LessEq(double a, double b) { return a < b || Same(a, b); }
bool Less(double a, double b) { return a < b && !Same(a, b); }

bool PointIn(double v, const Figure& r) { return LessEq(r.low, v) && LessEq(v, r.high); }

bool DirectionsAgree(v1::Direction a, v1::Direction b) {
  return a == v1::DIRECTION_UNSPECIFIED || b == v1::DIRECTION_UNSPECIFIED || a == b;
}

struct Stab {
  uint64_t weight = 0;
  std::vector<size_t> members;
};

// BestStab: the heaviest set of figures (all of one unit) that share a point.
Stab BestStab(const std::vector<WeightedFigure>& figures, const std::vector<size_t>& ids) {
  Stab best;
  for (size_t c : ids) {
    const Figure& cand = figures[c].figure;
    Stab s;
    if (cand.is_point()) {
      const double v = cand.low;
      uint64_t wl = 0, wr = 0;
      std::vector<size_t> left, right;
      for (size_t i : ids) {
        const Figure& f = figures[i].figure;
        if (f.is_point()) {
          if (Same(f.low, v)) {
            s.weight += figures[i].weight;
            s.members.push_back(i);
          }
        } else if (Less(f.low, v) && Less(v, f.high)) {
          s.weight += figures[i].weight;
          s.members.push_back(i);
        } else if (Same(f.high, v)) {  // ends at v: agrees with v, not with ranges from v
          wl += figures[i].weight;
          left.push_back(i);
        } else if (Same(f.low, v)) {  // starts at v
          wr += figures[i].weight;
          right.push_back(i);
        }
      }
      const std::vector<size_t>& side = wl >= wr ? left : right;
      s.weight += std::max(wl, wr);
      s.members.insert(s.members.end(), side.begin(), side.end());
    } else {
      // Just right of the range's low end: every range covering that open stretch.
      const double x = cand.low;
      for (size_t i : ids) {
        const Figure& f = figures[i].figure;
        if (!f.is_point() && LessEq(f.low, x) && Less(x, f.high)) {
          s.weight += figures[i].weight;
          s.members.push_back(i);
        }
      }
    }
    if (s.weight > best.weight) best = std::move(s);
  }
  std::sort(best.members.begin(), best.members.end());
  return best;
}

}  // namespace

bool HasFigure(const v1::Quantity& q) { return q.has_low() || q.has_high(); }

Figure FigureOf(const v1::FigureStat& stat, double tolerance, double approx_tolerance) {
  Figure f;
  f.direction = stat.direction();
  f.unit = stat.unit();
  f.approx = stat.approx();
  f.low = stat.has_low() ? stat.low() : -kInf;
  f.high = stat.has_high() ? stat.high() : kInf;
  if (f.low > f.high) std::swap(f.low, f.high);
  const double t = tolerance + (stat.approx() ? approx_tolerance : 0);
  if (t > 0) {
    if (!std::isinf(f.low)) f.low = f.low >= 0 ? f.low * (1 - t) : f.low * (1 + t);
    if (!std::isinf(f.high)) f.high = f.high >= 0 ? f.high * (1 + t) : f.high * (1 - t);
  }
  return f;
}

bool Compatible(const Figure& a, const Figure& b) {
  if (!DirectionsAgree(a.direction, b.direction)) return false;
  if (a.unit != b.unit) return true;
  if (a.is_point() && b.is_point()) return Same(a.low, b.low);
  if (a.is_point()) return PointIn(a.low, b);
  if (b.is_point()) return PointIn(b.low, a);
  return Less(std::max(a.low, b.low), std::min(a.high, b.high));
}

std::vector<std::vector<size_t>> AgreeingSides(const std::vector<WeightedFigure>& figures) {
  std::vector<std::vector<size_t>> sides;
  std::vector<bool> taken(figures.size(), false);
  size_t left = figures.size();
  while (left > 0) {
    bool has_up = false, has_down = false;
    for (size_t i = 0; i < figures.size(); ++i) {
      if (taken[i]) continue;
      has_up |= figures[i].figure.direction == v1::DIRECTION_UP;
      has_down |= figures[i].figure.direction == v1::DIRECTION_DOWN;
    }
    std::vector<v1::Direction> choices;
    if (has_down) choices.push_back(v1::DIRECTION_DOWN);
    if (has_up) choices.push_back(v1::DIRECTION_UP);
    if (choices.empty()) choices.push_back(v1::DIRECTION_UNSPECIFIED);
    Stab best;
    for (v1::Direction d : choices) {
      // Units are independent: the best stab of each unit together.
      std::map<std::string, std::vector<size_t>> by_unit;
      for (size_t i = 0; i < figures.size(); ++i) {
        if (taken[i]) continue;
        const v1::Direction fd = figures[i].figure.direction;
        if (fd == d || fd == v1::DIRECTION_UNSPECIFIED)
          by_unit[figures[i].figure.unit].push_back(i);
      }
      Stab total;
      for (const auto& [unit, ids] : by_unit) {
        Stab s = BestStab(figures, ids);
        total.weight += s.weight;
        total.members.insert(total.members.end(), s.members.begin(), s.members.end());
      }
      if (total.weight > best.weight || best.members.empty()) best = std::move(total);
    }
    if (best.members.empty()) break;  // only zero-weight figures remain
    std::sort(best.members.begin(), best.members.end());
    for (size_t i : best.members) taken[i] = true;
    left -= best.members.size();
    sides.push_back(std::move(best.members));
  }
  // Zero-weight leftovers (none in practice) join no side.
  return sides;
}

}  // namespace claimline::projections

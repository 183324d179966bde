#include "projections/time_buckets.h"

#include <algorithm>
#include <cstdlib>

#include "base/civil_date.h"
#include "projections/keys.h"

namespace claimline::projections {
namespace {

// Rank of a bucket size, on the scale of GranularityRank.
int Rank(Bucket b) {
  switch (b) {
    case v1::ProjectionRules::DAY:
      return 1;
    case v1::ProjectionRules::WEEK:
      return 2;
    case v1::ProjectionRules::QUARTER:
      return 4;
    case v1::ProjectionRules::YEAR:
      return 5;
    default:
      return 3;
  }
}

std::optional<absl::CivilDay> Parse(absl::string_view iso) {
  if (iso.empty()) return std::nullopt;
  absl::StatusOr<absl::CivilDay> d = ParseIsoDate(iso);
  if (!d.ok()) return std::nullopt;
  return *d;
}

// Iso: "YYYY-MM-DD" (FormatIsoDate goes through StrFormat; this runs for every claim).
std::string Iso(absl::CivilDay d) {
  char buf[11];
  int64_t y = d.year();
  if (y < 0 || y > 9999) return FormatIsoDate(d);
  buf[0] = static_cast<char>('0' + y / 1000);
  buf[1] = static_cast<char>('0' + y / 100 % 10);
  buf[2] = static_cast<char>('0' + y / 10 % 10);
  buf[3] = static_cast<char>('0' + y % 10);
  buf[4] = '-';
  buf[5] = static_cast<char>('0' + d.month() / 10);
  buf[6] = static_cast<char>('0' + d.month() % 10);
  buf[7] = '-';
  buf[8] = static_cast<char>('0' + d.day() / 10);
  buf[9] = static_cast<char>('0' + d.day() % 10);
  return std::string(buf, 10);
}

absl::CivilDay MondayOf(absl::CivilDay d) {
  // absl::Weekday::monday is 0.
  return d - static_cast<int>(absl::GetWeekday(d));
}

// ClampDay: (year, month, day) with the day clamped into the month.
absl::CivilDay ClampDay(int64_t year, int month, int day) {
  return absl::CivilDay(year, month, std::min(day, DaysInMonth(year, month)));
}

absl::CivilDay AddMonths(absl::CivilDay d, int months) {
  absl::CivilMonth m = absl::CivilMonth(d) + months;
  return ClampDay(m.year(), m.month(), d.day());
}

std::pair<absl::CivilDay, absl::CivilDay> IntervalAt(absl::CivilDay d, v1::Granularity g) {
  switch (g) {
    case v1::GRANULARITY_WEEK:
      return {MondayOf(d), MondayOf(d) + 6};
    case v1::GRANULARITY_MONTH:
      return {absl::CivilDay(d.year(), d.month(), 1), LastDayOfMonth(d)};
    case v1::GRANULARITY_QUARTER: {
      const int first = (d.month() - 1) / 3 * 3 + 1;
      const absl::CivilDay start(d.year(), first, 1);
      return {start, LastDayOfMonth(absl::CivilDay(d.year(), first + 2, 1))};
    }
    case v1::GRANULARITY_YEAR:
      return {absl::CivilDay(d.year(), 1, 1), absl::CivilDay(d.year(), 12, 31)};
    default:
      return {d, d};
  }
}

}  // namespace

int GranularityRank(v1::Granularity g) {
  switch (g) {
    case v1::GRANULARITY_DAY:
      return 1;
    case v1::GRANULARITY_WEEK:
      return 2;
    case v1::GRANULARITY_MONTH:
      return 3;
    case v1::GRANULARITY_QUARTER:
      return 4;
    case v1::GRANULARITY_YEAR:
      return 5;
    default:
      return kVagueGranularityRank;
  }
}

absl::CivilDay BucketStart(absl::CivilDay day, Bucket bucket) {
  switch (bucket) {
    case v1::ProjectionRules::DAY:
      return day;
    case v1::ProjectionRules::WEEK:
      return MondayOf(day);
    case v1::ProjectionRules::QUARTER:
      return absl::CivilDay(day.year(), (day.month() - 1) / 3 * 3 + 1, 1);
    case v1::ProjectionRules::YEAR:
      return absl::CivilDay(day.year(), 1, 1);
    default:
      return absl::CivilDay(day.year(), day.month(), 1);
  }
}

absl::CivilDay BucketEnd(absl::CivilDay start, Bucket bucket) {
  switch (bucket) {
    case v1::ProjectionRules::DAY:
      return start;
    case v1::ProjectionRules::WEEK:
      return start + 6;
    case v1::ProjectionRules::QUARTER:
      return AddMonths(start, 3) - 1;
    case v1::ProjectionRules::YEAR:
      return absl::CivilDay(start.year(), 12, 31);
    default:
      return LastDayOfMonth(start);
  }
}

Placement Place(const v1::ValidTime& when, absl::string_view published,
                const CompiledRules& rules) {
  const Bucket bucket = rules.bucket();
  Placement p;
  std::optional<absl::CivilDay> from = Parse(when.from());
  std::optional<absl::CivilDay> to = Parse(when.to());
  if (from && (!to || *to < *from)) to = from;
  if (from && GranularityRank(when.granularity()) <= Rank(bucket)) {
    p.pinned = true;
    p.bucket = Iso(BucketStart(*from, bucket));
    return p;
  }
  std::optional<absl::CivilDay> pub = Parse(published);
  absl::CivilDay window_from, window_to;
  if (from) {
    window_from = *from;
    window_to = *to;
    // A coarse date ("Q4 2024") is at home where it starts; a vague window ("recently")
    // where it ends, which is near the publication that it is relative to.
    const bool coarse = GranularityRank(when.granularity()) != kVagueGranularityRank;
    p.home = Iso(BucketStart(coarse ? *from : *to, bucket));
  } else if (pub) {
    window_from = *pub - rules.undated_window_days();
    window_to = *pub;
    p.home = Iso(BucketStart(*pub, bucket));
  } else {
    p.home = std::string(keys::kUndatedBucket);
    return p;
  }
  if (window_to - window_from <= rules.max_window_days()) {
    p.window_from = Iso(window_from);
    p.window_to = Iso(window_to);
  }
  return p;
}

std::optional<std::pair<absl::CivilDay, absl::CivilDay>> ResolveRelative(
    const v1::RelativeTime& r, v1::Granularity granularity, absl::CivilDay anchor) {
  if (r.vague_days() > 0) return std::make_pair(anchor - r.vague_days(), anchor);
  absl::CivilDay d = anchor;
  if (r.year() != 0) {
    if (r.year() < 1 || r.year() > 9999) return std::nullopt;
    d = ClampDay(r.year(), d.month(), d.day());
  }
  switch (r.unit()) {
    case v1::GRANULARITY_DAY:
      d += r.offset();
      break;
    case v1::GRANULARITY_WEEK:
      d += 7 * r.offset();
      break;
    case v1::GRANULARITY_MONTH:
      d = AddMonths(d, r.offset());
      break;
    case v1::GRANULARITY_QUARTER:
      d = AddMonths(d, 3 * r.offset());
      break;
    case v1::GRANULARITY_YEAR:
      d = AddMonths(d, 12 * r.offset());
      break;
    default:
      if (r.offset() != 0) return std::nullopt;
  }
  if (r.month() != 0) {
    if (r.month() < 1 || r.month() > 12) return std::nullopt;
    const int day = r.day() != 0 ? r.day() : 1;
    if (!IsValidDate(d.year(), r.month(), std::min(day, 28))) return std::nullopt;
    d = ClampDay(d.year(), r.month(), day);
    if (r.nearest_year() && r.year() == 0) {
      // The year that puts the date nearest the anchor.
      absl::CivilDay best = d;
      for (int dy : {-1, 1}) {
        absl::CivilDay c = ClampDay(d.year() + dy, r.month(), day);
        if (std::abs(c - anchor) < std::abs(best - anchor)) best = c;
      }
      d = best;
    }
  }
  if (r.day() != 0) {
    if (!IsValidDate(d.year(), d.month(), r.day())) return std::nullopt;
    d = absl::CivilDay(d.year(), d.month(), r.day());
  }
  if (r.weekday() != 0) {
    if (r.weekday() < 1 || r.weekday() > 7) return std::nullopt;
    d = MondayOf(d) + (r.weekday() - 1);
  }
  return IntervalAt(d, granularity);
}

v1::ValidTime Reanchor(const v1::ValidTime& when, absl::string_view then, absl::string_view now) {
  if (!when.has_relative() || when.anchor() == v1::ANCHOR_ABSOLUTE || then == now) return when;
  std::optional<absl::CivilDay> then_day = Parse(then);
  std::optional<absl::CivilDay> now_day = Parse(now);
  if (!then_day || !now_day) return when;
  auto before = ResolveRelative(when.relative(), when.granularity(), *then_day);
  if (!before || FormatIsoDate(before->first) != when.from() ||
      FormatIsoDate(before->second) != when.to()) {
    return when;  // the relative form does not explain the dates: keep them
  }
  auto after = ResolveRelative(when.relative(), when.granularity(), *now_day);
  if (!after) return when;
  v1::ValidTime out = when;
  out.set_from(FormatIsoDate(after->first));
  out.set_to(FormatIsoDate(after->second));
  return out;
}

}  // namespace claimline::projections

// Time buckets and the placement of a claim in time.
//
// Claims are grouped by (kind, subject, object, time bucket). A claim whose valid time is
// at least as fine as the rules' bucket (a day or a month, with month buckets) is
// *pinned*: its bucket is the one containing `when.from`. Any other claim is *floating*:
// a vague time ("recently"), a coarser one ("in 2024", with month buckets) or none at
// all. A floating claim has a window of days it may be about — its own interval, or for
// an undated claim the `undated_window_days` before its article's publication — and a
// *home* bucket (the bucket of its window's end, or of its own start for a coarse
// date). FORMAT.md explains how floating claims join dated clusters.
#ifndef CLAIMLINE_PROJECTIONS_TIME_BUCKETS_H_
#define CLAIMLINE_PROJECTIONS_TIME_BUCKETS_H_

#include <optional>
#include <string>
#include <utility>

#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "claimline/v1/claim.pb.h"
#include "claimline/v1/rules.pb.h"
#include "projections/rules.h"

namespace claimline::projections {

using Bucket = v1::ProjectionRules::TimeBucket;

// GranularityRank: how fine a granularity is, finer smaller: day 1, week 2, month 3,
// quarter 4, year 5; vague and unspecified rank kVagueGranularityRank, after all of them.
inline constexpr int kVagueGranularityRank = 99;
int GranularityRank(v1::Granularity g);

// BucketStart: the first day of the bucket containing `day` (weeks start on Monday).
absl::CivilDay BucketStart(absl::CivilDay day, Bucket bucket);
// BucketEnd: the last day of the bucket that starts on `start`.
absl::CivilDay BucketEnd(absl::CivilDay start, Bucket bucket);

// Where a claim goes in time.
struct Placement {
  bool pinned = false;
  std::string bucket;  // pinned: the bucket start
  // Floating only: the window of days the claim may be about (both empty: none, or too
  // long to say), and its home bucket start.
  std::string window_from;
  std::string window_to;
  std::string home;
};

// Place: the placement of a claim with valid time `when` in an article published on
// `published` ("" when unknown) under `rules`.
Placement Place(const v1::ValidTime& when, absl::string_view published, const CompiledRules& rules);

// ResolveRelative: the interval [from, to] of a relative time phrase against `anchor`,
// at granularity `granularity` (see RelativeTime in claim.proto), or nullopt when the
// phrase cannot be resolved.
std::optional<std::pair<absl::CivilDay, absl::CivilDay>> ResolveRelative(
    const v1::RelativeTime& relative, v1::Granularity granularity, absl::CivilDay anchor);

// Reanchor: `when` re-resolved against a corrected publication date `now`, when it is
// relative and re-resolving against `then` (the date it was extracted with) reproduces
// it exactly; otherwise `when` unchanged.
v1::ValidTime Reanchor(const v1::ValidTime& when, absl::string_view then, absl::string_view now);

}  // namespace claimline::projections

#endif  // CLAIMLINE_PROJECTIONS_TIME_BUCKETS_H_

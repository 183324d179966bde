// Validated civil dates.
//
// absl::CivilDay silently normalizes out-of-range fields ("30 February" becomes 2 March),
// so every date that comes from text or from a user goes through these functions, which
// refuse what is not a real calendar day. Dates are ISO 8601 "YYYY-MM-DD" strings at the
// boundaries (protos, flags, JSON) and absl::CivilDay inside.
#ifndef CLAIMLINE_BASE_CIVIL_DATE_H_
#define CLAIMLINE_BASE_CIVIL_DATE_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"

namespace claimline {

// IsValidDate: true when year/month/day name a real day of the proleptic Gregorian
// calendar, with year in [1, 9999].
bool IsValidDate(int64_t year, int month, int day);

// DaysInMonth: 28..31. REQUIRES: 1 <= month <= 12.
int DaysInMonth(int64_t year, int month);

// MakeDate: the day, or InvalidArgument naming the bad field ("2025-02-30: February 2025
// has 28 days").
absl::StatusOr<absl::CivilDay> MakeDate(int64_t year, int month, int day);

// ParseIsoDate: parses exactly "YYYY-MM-DD"; anything else (other separators, missing
// zero padding, trailing text, an impossible day) is InvalidArgument.
absl::StatusOr<absl::CivilDay> ParseIsoDate(absl::string_view text);

// FormatIsoDate: "YYYY-MM-DD".
std::string FormatIsoDate(absl::CivilDay day);

// LastDayOfMonth: the last day of the month that `day` falls in.
absl::CivilDay LastDayOfMonth(absl::CivilDay day);

}  // namespace claimline

#endif  // CLAIMLINE_BASE_CIVIL_DATE_H_

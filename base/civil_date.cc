#include "base/civil_date.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_format.h"

namespace claimline {
namespace {

bool IsLeapYear(int64_t year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

const char* const kMonthNames[] = {"January", "February", "March",     "April",
                                   "May",     "June",     "July",      "August",
                                   "September", "October", "November", "December"};

}  // namespace

int DaysInMonth(int64_t year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && IsLeapYear(year)) return 29;
  return kDays[month - 1];
}

bool IsValidDate(int64_t year, int month, int day) {
  return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 &&
         day <= DaysInMonth(year, month);
}

absl::StatusOr<absl::CivilDay> MakeDate(int64_t year, int month, int day) {
  if (year < 1 || year > 9999) {
    return absl::InvalidArgumentError(absl::StrFormat("year %d is out of range 1..9999", year));
  }
  if (month < 1 || month > 12) {
    return absl::InvalidArgumentError(absl::StrFormat("month %d is out of range 1..12", month));
  }
  if (day < 1 || day > DaysInMonth(year, month)) {
    return absl::InvalidArgumentError(absl::StrFormat("%04d-%02d-%02d: %s %d has %d days", year,
                                                      month, day, kMonthNames[month - 1], year,
                                                      DaysInMonth(year, month)));
  }
  return absl::CivilDay(year, month, day);
}

absl::StatusOr<absl::CivilDay> ParseIsoDate(absl::string_view text) {
  auto bad = [&] {
    return absl::InvalidArgumentError(
        absl::StrFormat("\"%s\" is not a date in the form YYYY-MM-DD", text));
  };
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return bad();
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(text[i]))) return bad();
  }
  auto num = [&](size_t pos, size_t len) {
    int v = 0;
    for (size_t i = pos; i < pos + len; ++i) v = v * 10 + (text[i] - '0');
    return v;
  };
  return MakeDate(num(0, 4), num(5, 2), num(8, 2));
}

std::string FormatIsoDate(absl::CivilDay day) {
  return absl::StrFormat("%04d-%02d-%02d", day.year(), day.month(), day.day());
}

absl::CivilDay LastDayOfMonth(absl::CivilDay day) {
  return absl::CivilDay(absl::CivilMonth(day) + 1) - 1;
}

}  // namespace claimline

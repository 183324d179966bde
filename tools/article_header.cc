#include "tools/article_header.h"

#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "base/civil_date.h"

namespace claimline::tools {
namespace {

constexpr absl::string_view kTitle = "Title:";
constexpr absl::string_view kUrl = "URL Source:";
constexpr absl::string_view kPublished = "Published Time:";
constexpr absl::string_view kContent = "Markdown Content:";

}  // namespace

ArticleHeader ParseArticleHeader(absl::string_view text) {
  ArticleHeader header;
  size_t pos = 0;
  // A UTF-8 byte order mark does not hide the header.
  if (absl::StartsWith(text, "\xEF\xBB\xBF")) pos = 3;
  while (pos < text.size()) {
    size_t eol = text.find('\n', pos);
    size_t next = eol == absl::string_view::npos ? text.size() : eol + 1;
    absl::string_view line = absl::StripAsciiWhitespace(text.substr(pos, next - pos));
    if (line.empty()) {
      pos = next;
      continue;
    }
    if (absl::ConsumePrefix(&line, kTitle)) {
      header.title = std::string(absl::StripAsciiWhitespace(line));
    } else if (absl::ConsumePrefix(&line, kUrl)) {
      header.url = std::string(absl::StripAsciiWhitespace(line));
    } else if (absl::ConsumePrefix(&line, kPublished)) {
      header.published = std::string(absl::StripAsciiWhitespace(line));
    } else if (line == kContent) {
      if (header.present) pos = next;
      break;
    } else {
      break;
    }
    header.present = true;
    pos = next;
  }
  header.body_offset = header.present ? pos : 0;
  return header;
}

absl::StatusOr<std::string> HeaderDateToIso(absl::string_view value) {
  value = absl::StripAsciiWhitespace(value);
  auto bad = [&] {
    return absl::InvalidArgumentError(
        absl::StrCat("Published Time \"", value, "\" is not a date (expected 2025-02-21, ",
                     "2025-02-21T08:30:00Z or Fri, 21 Feb 2025 08:30:00 GMT)"));
  };
  if (value.size() >= 10 && value[4] == '-' && value[7] == '-' &&
      (value.size() == 10 || value[10] == 'T' || value[10] == ' ')) {
    absl::StatusOr<absl::CivilDay> day = ParseIsoDate(value.substr(0, 10));
    if (!day.ok()) return day.status();
    return FormatIsoDate(*day);
  }
  // RFC 2822: [Day,] DD Mon YYYY [time zone]
  absl::string_view rest = value;
  if (size_t comma = rest.find(','); comma != absl::string_view::npos) {
    rest = rest.substr(comma + 1);
  }
  std::vector<absl::string_view> parts =
      absl::StrSplit(absl::StripAsciiWhitespace(rest), ' ', absl::SkipEmpty());
  if (parts.size() < 3) return bad();
  static const char* const kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                        "jul", "aug", "sep", "oct", "nov", "dec"};
  int day = 0, year = 0, month = 0;
  if (!absl::SimpleAtoi(parts[0], &day) || !absl::SimpleAtoi(parts[2], &year)) return bad();
  std::string mon = absl::AsciiStrToLower(parts[1].substr(0, 3));
  for (int m = 0; m < 12; ++m) {
    if (mon == kMonths[m]) month = m + 1;
  }
  if (month == 0) return bad();
  absl::StatusOr<absl::CivilDay> civil = MakeDate(year, month, day);
  if (!civil.ok()) return civil.status();
  return FormatIsoDate(*civil);
}

std::string HostOfUrl(absl::string_view url) {
  size_t scheme = url.find("://");
  if (scheme == absl::string_view::npos) return "";
  absl::string_view rest = url.substr(scheme + 3);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  if (size_t at = rest.rfind('@'); at != absl::string_view::npos) rest = rest.substr(at + 1);
  if (size_t colon = rest.find(':'); colon != absl::string_view::npos) {
    rest = rest.substr(0, colon);
  }
  return absl::AsciiStrToLower(rest);
}

}  // namespace claimline::tools

// The metadata header some fetched articles start with (the form a reader service
// writes), e.g.
//
//   Title: 黄仁勋对DeepSeek的看法
//
//   URL Source: https://mp.weixin.qq.com/s/…
//
//   Published Time: 2025-02-21T08:30:00+08:00
//
//   Markdown Content:
//   …the article…
//
// Only lines at the very start count; blank lines between them are allowed, and the
// header ends at "Markdown Content:" or at the first other line. The stored text is always
// the whole file; the header only supplies metadata.
#ifndef CLAIMLINE_TOOLS_ARTICLE_HEADER_H_
#define CLAIMLINE_TOOLS_ARTICLE_HEADER_H_

#include <cstddef>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace claimline::tools {

struct ArticleHeader {
  bool present = false;    // at least one header line was found
  std::string title;       // "Title:"
  std::string url;         // "URL Source:"
  std::string published;   // "Published Time:" as written
  size_t body_offset = 0;  // byte offset where the article body starts
};

// ParseArticleHeader: the header of `text`, if it has one.
ArticleHeader ParseArticleHeader(absl::string_view text);

// HeaderDateToIso: the calendar date of a "Published Time:" value, "YYYY-MM-DD". Accepts
// ISO 8601 dates and date-times ("2025-02-21", "2025-02-21T08:30:00+08:00"; the date as
// written, without converting zones) and RFC 2822 dates ("Fri, 21 Feb 2025 08:30:00 GMT").
// InvalidArgument saying what is wrong otherwise (an impossible day included).
absl::StatusOr<std::string> HeaderDateToIso(absl::string_view value);

// HostOfUrl: "www.lemonde.fr" for "https://www.lemonde.fr/x"; empty when not a URL.
std::string HostOfUrl(absl::string_view url);

}  // namespace claimline::tools

#endif  // CLAIMLINE_TOOLS_ARTICLE_HEADER_H_

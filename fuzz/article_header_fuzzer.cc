// Fuzz target: the article header parser of `claimline append` (tools/article_header.h):
// ParseArticleHeader over the input, HeaderDateToIso over its Published Time and over the
// raw input, HostOfUrl over its URL Source and over the raw input.
//
// Invariants: the body offset lies inside the text, at 0 when there is no header; a date
// that converts is a valid "YYYY-MM-DD"; a host is a lower-cased piece of the URL.
#include <cstddef>
#include <cstdint>
#include <string>

#include "absl/strings/ascii.h"
#include "base/civil_date.h"
#include "fuzz/fuzz_util.h"
#include "tools/article_header.h"

namespace {

void CheckDate(absl::string_view value) {
  absl::StatusOr<std::string> iso = claimline::tools::HeaderDateToIso(value);
  if (!iso.ok()) {
    FUZZ_CHECK(absl::IsInvalidArgument(iso.status()));
    return;
  }
  FUZZ_CHECK(iso->size() == 10);
  FUZZ_CHECK(claimline::ParseIsoDate(*iso).ok());
}

void CheckHost(absl::string_view url) {
  const std::string host = claimline::tools::HostOfUrl(url);
  // The host is lower-cased, and holds none of the characters that end it.
  FUZZ_CHECK(host.empty() || absl::AsciiStrToLower(url).find(host) != std::string::npos);
  FUZZ_CHECK(host.find_first_of("/?#@:") == std::string::npos);
  FUZZ_CHECK(host == absl::AsciiStrToLower(host));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const absl::string_view text = claimline::fuzz::Bytes(data, size);
  const claimline::tools::ArticleHeader header = claimline::tools::ParseArticleHeader(text);
  FUZZ_CHECK(header.body_offset <= text.size());
  if (!header.present) {
    FUZZ_CHECK(header.body_offset == 0);
    FUZZ_CHECK(header.title.empty() && header.url.empty() && header.published.empty());
  }
  if (!header.published.empty()) CheckDate(header.published);
  if (!header.url.empty()) CheckHost(header.url);
  CheckDate(text);
  CheckHost(text);
  return 0;
}

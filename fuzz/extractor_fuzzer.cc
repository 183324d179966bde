// Fuzz target: the extractor on arbitrary bytes. An input starting with a line naming a
// supported language ("id\n…") is an article in that language; otherwise the first byte
// picks the language and the rest is the article. The first byte's top bit asks for
// --explain.
//
// Invariants: invalid UTF-8 is refused with InvalidArgument; valid UTF-8 in a supported
// language is extracted; every claim's evidence span lies inside the text, on character
// boundaries; a claim serializes.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "base/utf8.h"
#include "extract/extractor.h"
#include "fuzz/fuzz_util.h"

namespace {

using claimline::extract::Extractor;

const Extractor& TheExtractor() {
  static const Extractor* extractor = [] {
    absl::StatusOr<std::unique_ptr<Extractor>> e =
        Extractor::Create(claimline::extract::ExtractorOptions());
    FUZZ_CHECK(e.ok());
    return e->release();
  }();
  return *extractor;
}

bool CharBoundary(absl::string_view text, size_t offset) {
  return offset == text.size() || (static_cast<unsigned char>(text[offset]) & 0xC0) != 0x80;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const Extractor& extractor = TheExtractor();
  static const std::vector<std::string> languages = extractor.Languages();
  FUZZ_CHECK(!languages.empty());
  claimline::extract::ExtractRequest request;
  const absl::string_view input = claimline::fuzz::Bytes(data, size);
  const size_t eol = input.find('\n');
  if (eol != absl::string_view::npos && eol <= 8 &&
      std::find(languages.begin(), languages.end(), input.substr(0, eol)) != languages.end()) {
    request.language = std::string(input.substr(0, eol));
    request.text = input.substr(eol + 1);
  } else {
    request.language = languages[(data[0] & 0x7f) % languages.size()];
    request.text = input.substr(1);
  }
  request.explain = (data[0] & 0x80) != 0;
  request.published = absl::CivilDay(2025, 2, 21);
  absl::StatusOr<std::vector<claimline::v1::Claim>> claims = extractor.Extract(request);
  const bool valid = !claimline::FirstInvalidUtf8(request.text).has_value();
  if (!valid) {
    FUZZ_CHECK(absl::IsInvalidArgument(claims.status()));
    return 0;
  }
  FUZZ_CHECK(claims.ok());
  for (const claimline::v1::Claim& claim : *claims) {
    FUZZ_CHECK(!claim.kind().empty());
    FUZZ_CHECK(claim.evidence().begin() <= claim.evidence().end());
    FUZZ_CHECK(claim.evidence().end() <= request.text.size());
    FUZZ_CHECK(CharBoundary(request.text, claim.evidence().begin()));
    FUZZ_CHECK(CharBoundary(request.text, claim.evidence().end()));
    std::string bytes;
    FUZZ_CHECK(claim.SerializeToString(&bytes));
  }
  return 0;
}

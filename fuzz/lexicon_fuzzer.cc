// Fuzz target: the lexicon loader (extract/lexicon_loader.h) and everything the extractor
// builds from language data (gazetteer, value recognizers, claim assembler, phrase
// matcher), through Extractor::Create over a folder written from the input.
//
// Input: sections, each starting with a line "@@ PATH", its content up to the next such
// line. PATH is one of kinds.textproto, entities.textproto, TAG/lexicon.textproto,
// TAG/values.textproto (TAG: 1 to 12 of [A-Za-z-]); other sections are ignored.
//
// Invariants: bad data is refused with a status whose message names the file (the folder
// is in it); data that loads extracts from a sample text in every language it serves,
// with evidence spans inside the text.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "absl/time/civil_time.h"
#include "extract/extractor.h"
#include "fuzz/fuzz_util.h"

namespace {

bool AllowedTag(absl::string_view tag) {
  if (tag.empty() || tag.size() > 12) return false;
  for (char c : tag) {
    if (!absl::ascii_isalpha(static_cast<unsigned char>(c)) && c != '-') return false;
  }
  return true;
}

bool AllowedPath(absl::string_view path) {
  if (path == "kinds.textproto" || path == "entities.textproto") return true;
  const std::vector<absl::string_view> parts = absl::StrSplit(path, '/');
  return parts.size() == 2 && AllowedTag(parts[0]) &&
         (parts[1] == "lexicon.textproto" || parts[1] == "values.textproto");
}

constexpr absl::string_view kSample =
    "Quill & Mesa said on 3 March 2025 that its shares fell 16.9% to $12.50, a loss of "
    "about 600 billion dollars. 上个月 股价下跌了 16.9%。 Il 26 febbraio è attesa la "
    "trimestrale; harganya anjlok 16,9% bulan lalu. पिछले महीने 20% गिरावट आई।";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string dir = claimline::fuzz::ScratchDir() + "/lang";
  claimline::fuzz::ClearDir(claimline::fuzz::ScratchDir());
  const absl::string_view input = claimline::fuzz::Bytes(data, size);
  size_t files = 0;
  for (absl::string_view section : absl::StrSplit(input, "@@ ")) {
    const size_t eol = section.find('\n');
    if (eol == absl::string_view::npos) continue;
    const absl::string_view path = section.substr(0, eol);
    if (!AllowedPath(path)) continue;
    claimline::fuzz::WriteFile(dir + "/" + std::string(path), section.substr(eol + 1));
    ++files;
  }
  if (files == 0) return 0;

  claimline::extract::ExtractorOptions options;
  options.lexicon_dir = dir;
  absl::StatusOr<std::unique_ptr<claimline::extract::Extractor>> extractor =
      claimline::extract::Extractor::Create(options);
  if (!extractor.ok()) {
    FUZZ_CHECK(!extractor.status().message().empty());
    FUZZ_CHECK(absl::StrContains(extractor.status().message(), dir));
    return 0;
  }
  for (const std::string& language : (*extractor)->Languages()) {
    claimline::extract::ExtractRequest request;
    request.text = kSample;
    request.language = language;
    request.published = absl::CivilDay(2025, 2, 21);
    request.explain = true;
    absl::StatusOr<std::vector<claimline::v1::Claim>> claims = (*extractor)->Extract(request);
    FUZZ_CHECK(claims.ok());
    for (const claimline::v1::Claim& claim : *claims) {
      FUZZ_CHECK(claim.evidence().begin() <= claim.evidence().end());
      FUZZ_CHECK(claim.evidence().end() <= kSample.size());
    }
  }
  return 0;
}

// Fuzz target: the JSON Lines manifest of `claimline append --manifest` (CollectArticles in
// tools/article_input.h), through a manifest file holding the input.
//
// Invariants: every problem names the manifest (a line's problems "MANIFEST:LINE: …");
// an article is collected only when nothing is wrong with it: it has a text within the
// size limit that passes CheckText, and a publication date.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "absl/strings/match.h"
#include "fuzz/fuzz_util.h"
#include "tools/article_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using claimline::tools::CollectOptions;
  const std::string manifest = claimline::fuzz::ScratchDir() + "/feed.jsonl";
  claimline::fuzz::WriteFile(manifest, claimline::fuzz::Bytes(data, size));
  CollectOptions options;
  options.manifests = {manifest};
  options.max_bytes = 1 << 16;  // small: entries may name files anywhere ("path")
  options.keep_text_bytes = 1 << 20;
  std::istringstream no_stdin;
  options.stdin_stream = &no_stdin;
  const claimline::tools::Collected collected = claimline::tools::CollectArticles(options);
  for (const std::string& problem : collected.problems) {
    FUZZ_CHECK(absl::StartsWith(problem, manifest + ":"));
  }
  for (const claimline::tools::ArticleInput& a : collected.articles) {
    FUZZ_CHECK(!a.article.published().empty());
    FUZZ_CHECK(a.text_bytes <= options.max_bytes);
    if (a.text.has_value()) {
      FUZZ_CHECK(claimline::tools::CheckText(*a.text).ok());
      FUZZ_CHECK(a.text->size() == a.text_bytes);
    }
  }
  FUZZ_CHECK(!collected.problems.empty() || !collected.articles.empty());
  return 0;
}

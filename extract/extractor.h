// Extractor: turns one article into the structured claims of ../shared/CLAIMS.md.
//
// Pipeline (DESIGN.md, Extraction): validate UTF-8 → normalize (normalized_text.h) →
// segment sentences (ICU) → one pass of the phrase matcher over every lexicon phrase →
// recognizers (dates, quantities, entities) → claim assembly per sentence → dates resolved
// against the publication date. Knowledge is data: extract/lang/<tag>/*.textproto plus
// CLDR through ICU; the data is compiled into the binary, and ExtractorOptions.lexicon_dir
// overrides it.
//
// Thread-safe: one Extractor may serve many threads. Libraries never read the clock: the
// publication date is the reference for every relative date.
#ifndef CLAIMLINE_EXTRACT_EXTRACTOR_H_
#define CLAIMLINE_EXTRACT_EXTRACTOR_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "claimline/v1/claim.pb.h"
#include "claimline/v1/event.pb.h"

namespace claimline::extract {

struct ExtractorOptions {
  // lexicon_dir: read extract/lang data from this folder instead of the compiled-in copy.
  // Default: empty (compiled-in data).
  std::string lexicon_dir;
};

struct ExtractRequest {
  absl::string_view text;  // the article, UTF-8
  std::string language;    // BCP-47 tag: "id", "it", "hi", "zh", "zh-Hant", "fr", "en", …
  absl::CivilDay published;
  bool explain = false;  // fill Claim.explain
};

class Extractor {
 public:
  virtual ~Extractor() = default;

  // Create: loads and checks every language's data. InvalidArgument naming the file and
  // line of a malformed lexicon.
  static absl::StatusOr<std::unique_ptr<Extractor>> Create(const ExtractorOptions& options);

  // Extract: the claims of one article, in text order. InvalidArgument for invalid UTF-8
  // (with the byte offset) or an unsupported language (with the supported list). A
  // language with value data but no claim lexicon yet (extract/lang/<tag>/values.textproto
  // only) is accepted: it gets the shared kinds and no triggers, so claims are rare.
  virtual absl::StatusOr<std::vector<v1::Claim>> Extract(const ExtractRequest& request) const = 0;

  // Languages: the tags with full claim extraction.
  virtual std::vector<std::string> Languages() const = 0;

  // Identity: this extractor's name and version, stored in every ArticleRecorded event.
  // The version is "<code version>.<code digest>.<data digest>": it changes whenever the
  // extractor's code (extract/*.h, *.cc) or the data it runs on changes, so data from
  // --lexicon-dir gives its own version.
  virtual v1::Extractor Identity() const = 0;

  // Info: the Identity of an extractor over the compiled-in data, without building one.
  static v1::Extractor Info();
};

}  // namespace claimline::extract

#endif  // CLAIMLINE_EXTRACT_EXTRACTOR_H_

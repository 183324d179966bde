// Language detection with CLD2 (Debian's libcld2), for articles appended without --lang.
#ifndef CLAIMLINE_EXTRACT_LANGUAGE_DETECT_H_
#define CLAIMLINE_EXTRACT_LANGUAGE_DETECT_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace claimline::extract {

struct DetectedLanguage {
  std::string tag;   // BCP-47: "id", "it", "hi", "zh", "zh-Hant", "fr", "en", …
  int percent = 0;   // share of the text in that language
  bool reliable = false;
};

// DetectLanguage: the main language of a UTF-8 text. NotFound when CLD2 cannot tell
// (too little text, or only digits and symbols). REQUIRES: valid UTF-8.
absl::StatusOr<DetectedLanguage> DetectLanguage(absl::string_view text);

}  // namespace claimline::extract

#endif  // CLAIMLINE_EXTRACT_LANGUAGE_DETECT_H_

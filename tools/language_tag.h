// Checking and normalizing the BCP-47 language tags given with --lang or in a manifest.
#ifndef CLAIMLINE_TOOLS_LANGUAGE_TAG_H_
#define CLAIMLINE_TOOLS_LANGUAGE_TAG_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace claimline::tools {

// NormalizeLanguageTag: a tag of the form language[-Script][-REGION] with a known ISO 639
// language (ICU's list), in canonical case: "FR" → "fr", "zh-hant" → "zh-Hant",
// "pt-br" → "pt-BR". InvalidArgument `unknown language tag "xx"` otherwise.
absl::StatusOr<std::string> NormalizeLanguageTag(absl::string_view tag);

}  // namespace claimline::tools

#endif  // CLAIMLINE_TOOLS_LANGUAGE_TAG_H_

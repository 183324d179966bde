// Display width of UTF-8 text in a terminal, for aligned columns: East Asian wide and
// full-width characters take two columns; combining marks (Devanagari vowel signs …) and
// format characters take none; everything else takes one. From ICU's character properties.
#ifndef CLAIMLINE_TOOLS_TEXT_WIDTH_H_
#define CLAIMLINE_TOOLS_TEXT_WIDTH_H_

#include <cstddef>
#include <string>

#include "absl/strings/string_view.h"

namespace claimline::tools {

// DisplayWidth: the columns `text` takes. REQUIRES: valid UTF-8 (invalid bytes count 1).
size_t DisplayWidth(absl::string_view text);

// FitWidth: `text` cut to at most `width` columns (ending in "…" when cut), then padded
// with spaces to exactly `width` columns when `pad` is true.
std::string FitWidth(absl::string_view text, size_t width, bool pad);

}  // namespace claimline::tools

#endif  // CLAIMLINE_TOOLS_TEXT_WIDTH_H_

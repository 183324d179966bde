#include "tools/text_width.h"

#include <unicode/uchar.h>

#include "base/utf8.h"

namespace claimline::tools {
namespace {

size_t CharWidth(char32_t cp) {
  const UChar32 c = static_cast<UChar32>(cp);
  const int8_t category = u_charType(c);
  if (category == U_NON_SPACING_MARK || category == U_ENCLOSING_MARK || category == U_FORMAT_CHAR ||
      category == U_CONTROL_CHAR) {
    return 0;
  }
  const int ea = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
  return (ea == U_EA_WIDE || ea == U_EA_FULLWIDTH) ? 2 : 1;
}

}  // namespace

size_t DisplayWidth(absl::string_view text) {
  size_t width = 0;
  for (size_t i = 0; i < text.size();) {
    char32_t cp;
    i += DecodeUtf8(text, i, &cp);
    width += CharWidth(cp);
  }
  return width;
}

std::string FitWidth(absl::string_view text, size_t width, bool pad) {
  std::string out;
  size_t used = 0;
  if (DisplayWidth(text) <= width) {
    out = std::string(text);
    used = DisplayWidth(text);
  } else if (width > 0) {
    // Leave one column for the ellipsis.
    for (size_t i = 0; i < text.size();) {
      char32_t cp;
      const int n = DecodeUtf8(text, i, &cp);
      const size_t w = CharWidth(cp);
      if (used + w > width - 1) break;
      out.append(text.data() + i, static_cast<size_t>(n));
      used += w;
      i += static_cast<size_t>(n);
    }
    // Combining marks that belong to the last kept character stay with it.
    out += "…";
    ++used;
  }
  if (pad && used < width) out.append(width - used, ' ');
  return out;
}

}  // namespace claimline::tools

#include "tools/language_tag.h"

#include <unicode/locid.h>

#include <cstring>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"

namespace claimline::tools {
namespace {

bool AllAlpha(absl::string_view s) {
  for (char c : s) {
    if (!absl::ascii_isalpha(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

bool AllDigit(absl::string_view s) {
  for (char c : s) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

// IsKnownLanguage: `code` (lower case, 2 or 3 letters) is in ICU's ISO 639 list.
bool IsKnownLanguage(const std::string& code) {
  for (const char* const* p = icu::Locale::getISOLanguages(); *p != nullptr; ++p) {
    if (code == *p) return true;
  }
  // ICU's list holds the 2-letter codes and the 3-letter codes without a 2-letter one;
  // a few tags CLD2 returns are not in it.
  static const char* const kExtra[] = {"fil", "haw", "ceb", "hmn", "zh", nullptr};
  for (const char* const* p = kExtra; *p != nullptr; ++p) {
    if (code == *p) return true;
  }
  return false;
}

}  // namespace

absl::StatusOr<std::string> NormalizeLanguageTag(absl::string_view tag) {
  auto unknown = [&] {
    return absl::InvalidArgumentError(absl::StrCat("unknown language tag \"", tag, "\""));
  };
  std::vector<std::string> parts = absl::StrSplit(tag, absl::ByAnyChar("-_"));
  if (parts.empty() || parts.size() > 3) return unknown();
  std::string lang = absl::AsciiStrToLower(parts[0]);
  if (lang.size() < 2 || lang.size() > 3 || !AllAlpha(lang) || !IsKnownLanguage(lang)) {
    return unknown();
  }
  std::vector<std::string> out = {lang};
  bool seen_script = false, seen_region = false;
  for (size_t i = 1; i < parts.size(); ++i) {
    std::string p = parts[i];
    if (p.size() == 4 && AllAlpha(p) && !seen_script && !seen_region) {
      p = absl::AsciiStrToLower(p);
      p[0] = absl::ascii_toupper(static_cast<unsigned char>(p[0]));
      seen_script = true;
    } else if (((p.size() == 2 && AllAlpha(p)) || (p.size() == 3 && AllDigit(p))) && !seen_region) {
      p = absl::AsciiStrToUpper(p);
      seen_region = true;
    } else {
      return unknown();
    }
    out.push_back(p);
  }
  return absl::StrJoin(out, "-");
}

}  // namespace claimline::tools

#include "extract/language_detect.h"

#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>

#include "absl/status/status.h"

namespace claimline::extract {
namespace {

// CLD2 reads at most this much; the first 64 KiB decide the language of an article.
constexpr size_t kMaxDetectBytes = 64 << 10;

// Cuts `text` to at most `max` bytes without splitting a UTF-8 sequence.
absl::string_view Prefix(absl::string_view text, size_t max) {
  if (text.size() <= max) return text;
  size_t n = max;
  while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;
  return text.substr(0, n);
}

}  // namespace

absl::StatusOr<DetectedLanguage> DetectLanguage(absl::string_view text) {
  absl::string_view sample = Prefix(text, kMaxDetectBytes);
  CLD2::Language language3[3];
  int percent3[3];
  int text_bytes = 0;
  bool reliable = false;
  CLD2::Language lang = CLD2::DetectLanguageSummary(
      sample.data(), static_cast<int>(sample.size()), /*is_plain_text=*/true, language3,
      percent3, &text_bytes, &reliable);
  if (lang == CLD2::UNKNOWN_LANGUAGE || lang == CLD2::TG_UNKNOWN_LANGUAGE) {
    return absl::NotFoundError("the language could not be detected; pass --lang");
  }
  DetectedLanguage out;
  out.tag = CLD2::LanguageCode(lang);
  // CLD2 calls Indonesian "id" and traditional Chinese "zh-Hant" already; Malay text in
  // our domain is almost always Indonesian news, but we keep CLD2's answer as it is.
  out.percent = percent3[0];
  out.reliable = reliable;
  return out;
}

}  // namespace claimline::extract

#include "projections/names.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "base/utf8.h"

namespace claimline::projections {
namespace {

// LowerCodePoint: the lower-case form for the scripts FoldName covers.
char32_t LowerCodePoint(char32_t c) {
  if (c >= 'A' && c <= 'Z') return c + 32;
  if (c >= 0xFF21 && c <= 0xFF3A) return c - 0xFF21 + 'a';  // full-width A-Z
  if (c >= 0xFF41 && c <= 0xFF5A) return c - 0xFF41 + 'a';  // full-width a-z
  if (c >= 0xFF10 && c <= 0xFF19) return c - 0xFF10 + '0';  // full-width digits
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;   // Latin-1
  if ((c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177)) return (c % 2 == 0) ? c + 1 : c;
  if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) return (c % 2 == 1) ? c + 1 : c;
  if (c == 0x178) return 0xFF;
  if (c >= 0x391 && c <= 0x3A9 && c != 0x3A2) return c + 32;  // Greek
  if (c >= 0x410 && c <= 0x42F) return c + 32;                // Cyrillic
  if (c >= 0x400 && c <= 0x40F) return c + 80;
  return c;
}

// IsSeparator: spaces, ASCII punctuation, and the Unicode spaces, dashes and dots that
// sit between the parts of a name.
bool IsSeparator(char32_t c) {
  if (c < 0x80) return !absl::ascii_isalnum(static_cast<unsigned char>(c));
  if (c == 0x30FB || c == 0xFEFF) return true;  // katakana middle dot, BOM
  if (c >= 0x80 && c <= 0xBF) return c != 0xAA && c != 0xB5 && c != 0xBA;  // Latin-1 marks
  if (c >= 0x3000 && c <= 0x303F) return true;  // CJK punctuation: 、。「」
  if (c >= 0xFF01 && c <= 0xFF0F) return true;  // full-width punctuation
  return c >= 0x2000 && c <= 0x206F;            // general punctuation: spaces, dashes, quotes
}

void AppendUtf8(char32_t c, std::string& out) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (c >> 18)));
    out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

}  // namespace

std::string FoldName(absl::string_view name) {
  std::string out;
  out.reserve(name.size());
  bool pending_space = false;
  size_t pos = 0;
  while (pos < name.size()) {
    char32_t c;
    pos += DecodeUtf8(name, pos, &c);
    if (IsSeparator(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    AppendUtf8(LowerCodePoint(c), out);
  }
  return out;
}

std::string SanitizeId(absl::string_view id) {
  std::string out(absl::StripAsciiWhitespace(id));
  for (char& c : out) {
    if (c == '/' || c == ' ' || static_cast<unsigned char>(c) < 0x20) c = '_';
  }
  return out;
}

std::string HostOf(absl::string_view url) {
  absl::string_view rest = url;
  if (size_t scheme = rest.find("://"); scheme != absl::string_view::npos) {
    rest.remove_prefix(scheme + 3);
  }
  rest = rest.substr(0, rest.find_first_of("/?#"));
  if (size_t at = rest.rfind('@'); at != absl::string_view::npos) rest.remove_prefix(at + 1);
  rest = rest.substr(0, rest.find(':'));
  std::string host = absl::AsciiStrToLower(rest);
  if (absl::StartsWith(host, "www.")) host.erase(0, 4);
  return host;
}

bool HostMatches(absl::string_view host, absl::string_view pattern) {
  std::string h = absl::AsciiStrToLower(host);
  std::string p = absl::AsciiStrToLower(pattern);
  if (absl::StartsWith(p, "www.")) p.erase(0, 4);
  if (p.empty()) return false;
  return h == p || absl::EndsWith(h, "." + p);
}

bool LanguageMatches(absl::string_view tag, absl::string_view pattern) {
  if (pattern.empty()) return false;
  if (absl::EqualsIgnoreCase(tag, pattern)) return true;
  absl::string_view primary = tag.substr(0, tag.find_first_of("-_"));
  return absl::EqualsIgnoreCase(primary, pattern);
}

}  // namespace claimline::projections

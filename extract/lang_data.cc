#include "extract/lang_data.h"

#include <algorithm>
#include <string>

#include "absl/strings/str_format.h"

namespace claimline::extract {

absl::Span<const EmbeddedFile> EmbeddedLangFiles() {
  static const std::vector<EmbeddedFile>* files = [] {
    auto* table = new std::vector<EmbeddedFile>(internal::EmbeddedTable());
    table->erase(std::remove_if(table->begin(), table->end(),
                                [](const EmbeddedFile& f) { return f.path.empty(); }),
                 table->end());
    std::sort(table->begin(), table->end(),
              [](const EmbeddedFile& a, const EmbeddedFile& b) { return a.path < b.path; });
    return table;
  }();
  return *files;
}

std::optional<absl::string_view> EmbeddedLangFile(absl::string_view path) {
  absl::Span<const EmbeddedFile> files = EmbeddedLangFiles();
  auto it = std::lower_bound(files.begin(), files.end(), path,
                             [](const EmbeddedFile& f, absl::string_view p) { return f.path < p; });
  if (it == files.end() || it->path != path) return std::nullopt;
  return it->data;
}

std::string DataDigest(absl::Span<const EmbeddedFile> files) {
  uint64_t h = 0xcbf29ce484222325ULL;
  auto mix = [&h](absl::string_view s) {
    for (unsigned char c : s) {
      h ^= c;
      h *= 0x100000001b3ULL;
    }
    h ^= 0xff;  // separator: ("ab","c") and ("a","bc") differ
    h *= 0x100000001b3ULL;
  };
  for (const EmbeddedFile& f : files) {
    mix(f.path);
    mix(f.data);
  }
  return absl::StrFormat("%016x", h);
}

}  // namespace claimline::extract

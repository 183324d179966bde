// The language data compiled into the binary: every file under extract/lang/, as bytes.
//
// The build (extract/CMakeLists.txt, extract/embed_lang_data.cmake) turns each file into a
// byte array of a generated .cc and rebuilds it whenever a file under extract/lang/ changes
// or is added. `claimline extract --lexicon-dir DIR` reads the same layout from disk
// instead (lexicon_loader.h).
#ifndef CLAIMLINE_EXTRACT_LANG_DATA_H_
#define CLAIMLINE_EXTRACT_LANG_DATA_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/types/span.h"

namespace claimline::extract {

struct EmbeddedFile {
  absl::string_view path;  // relative to extract/lang/, '/'-separated: "fr/lexicon.textproto"
  absl::string_view data;
};

// EmbeddedLangFiles: every embedded file, sorted by path.
absl::Span<const EmbeddedFile> EmbeddedLangFiles();

// EmbeddedLangFile: the bytes of one file, or nullopt.
std::optional<absl::string_view> EmbeddedLangFile(absl::string_view path);

// DataDigest: a 64-bit FNV-1a digest over paths and bytes of a set of files, as 16 hex
// digits. The extractor's version includes the digest of the data it runs on.
std::string DataDigest(absl::Span<const EmbeddedFile> files);

// ExtractCodeDigest: a digest of the extractor's sources (extract/*.h, extract/*.cc),
// computed at build time (extract/code_digest.cmake).
absl::string_view ExtractCodeDigest();

namespace internal {
// EmbeddedTable: defined in the generated file.
std::vector<EmbeddedFile> EmbeddedTable();
}  // namespace internal

}  // namespace claimline::extract

#endif  // CLAIMLINE_EXTRACT_LANG_DATA_H_

// The inputs of `claimline append`: files, folders, stdin and JSON Lines manifests, turned
// into checked articles with complete metadata BEFORE anything is written.
//
// CollectArticles reads every input once and reports every problem it finds (one line
// each, "WHERE: what is wrong"): a path that does not exist, a file that cannot be read,
// a binary file (a NUL byte), invalid UTF-8 (with the byte offset), an empty or
// whitespace-only file, a file over the size limit, a malformed manifest line
// (FILE:LINE: what), an invalid date, an unknown language tag, a language that cannot be
// detected, a missing publication date. `append` writes nothing when there is any problem.
//
// Metadata precedence, per article: the manifest entry's field, else the command-line
// flag, else the file's own header (article_header.h), else: language detected with CLD2
// (language_detected = true); source = the URL's host; title = the first line of the
// text. A publication date is required.
//
// Texts are kept in memory while their total stays under `keep_text_bytes`; past that an
// article keeps only where it came from and LoadText reads it again (and checks it is
// unchanged) when it is appended, so a million-article import streams in bounded memory.
#ifndef CLAIMLINE_TOOLS_ARTICLE_INPUT_H_
#define CLAIMLINE_TOOLS_ARTICLE_INPUT_H_

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "claimline/v1/event.pb.h"

namespace claimline::tools {

inline constexpr size_t kDefaultMaxArticleBytes = 16 << 20;  // 16 MiB

// Metadata given on the command line; it applies to every article unless a manifest entry
// says otherwise. Each field is empty when not given.
struct AppendFlags {
  std::string lang;       // normalized BCP-47 tag
  std::string published;  // YYYY-MM-DD, already validated
  std::string source;
  std::string url;
  std::string title;
};

struct CollectOptions {
  std::vector<std::string> paths;  // files, folders, "-" for stdin
  std::vector<std::string> manifests;
  AppendFlags flags;
  size_t max_bytes = kDefaultMaxArticleBytes;  // Default: 16 MiB per article
  size_t keep_text_bytes = 64 << 20;           // Default: 64 MiB of texts kept in memory
  std::istream* stdin_stream = nullptr;        // REQUIRES: set when paths holds "-"
};

// One checked article, ready to append.
struct ArticleInput {
  std::string label;    // for messages and output: the path, "-" or "feed.jsonl:3"
  v1::Article article;  // complete metadata; article.text is not set
  // Where the text comes from when `text` is not kept: a file, or (manifest_line >= 0)
  // the inline "text" of that line of the manifest `file`, at byte `manifest_offset`.
  std::string file;
  int64_t manifest_line = -1;
  uint64_t manifest_offset = 0;
  std::optional<std::string> text;
  uint64_t fingerprint = 0;  // of the text, to see that a re-read file is unchanged
  size_t text_bytes = 0;
};

struct Collected {
  std::vector<ArticleInput> articles;  // in input order
  std::vector<std::string> problems;   // "WHERE: what is wrong", in input order
  std::vector<std::string> warnings;   // e.g. a language detected with low confidence
  uint64_t total_bytes = 0;
};

// CollectArticles: expands and checks every input (see the file comment). Folders are
// walked recursively in byte order of their paths; hidden files and folders (a name
// starting with '.') are skipped.
Collected CollectArticles(const CollectOptions& options);

// LoadText: the text of `input` — the kept copy (moved out), or read again from its file
// or manifest line. FailedPrecondition when the file changed since it was checked.
absl::StatusOr<std::string> LoadText(ArticleInput& input, size_t max_bytes);

// CheckText: the content checks every article passes, in this order: no NUL byte
// ("binary file: NUL byte at offset N"), valid UTF-8 ("invalid UTF-8 at byte N"), not
// empty ("empty file"), not whitespace only ("only whitespace").
absl::Status CheckText(absl::string_view text);

// ReadFileLimited: the whole file, or: NotFound "no such file or directory",
// PermissionDenied "cannot read: …", InvalidArgument "not a regular file", or
// InvalidArgument "N bytes (X MiB), over the limit of M bytes (Y MiB); see --max-bytes".
absl::StatusOr<std::string> ReadFileLimited(const std::string& path, size_t max_bytes);

}  // namespace claimline::tools

#endif  // CLAIMLINE_TOOLS_ARTICLE_INPUT_H_

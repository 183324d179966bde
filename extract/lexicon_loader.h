// Loading the extract/lang data: from the copy compiled into the binary (lang_data.h) or
// from a folder with the same layout (`--lexicon-dir DIR`), parsed against the schemas in
// proto/claimline/v1/ with errors that name the file, line and column:
//
//   extract/lang/fr/lexicon.textproto:12:3: Expected "}", found "trigger".
//
// Layout (extract/lang/README.md):
//   entities.textproto          the gazetteer (v1::Gazetteer), shared by every language
//   kinds.textproto             the claim kinds (v1::ClaimLexicon), shared
//   <tag>/values.textproto      dates and quantities (v1::ValueLexicon), over CLDR
//   <tag>/lexicon.textproto     claim triggers and cues (v1::ClaimLexicon)
//   <tag>/corpus.textproto, <tag>/negative.textproto   examples, read by tests only
// A language inherits another's files with `inherits: "zh"` in its values or lexicon file
// (zh-Hant over zh); a folder named "<language>-<Script>" without `inherits` inherits
// "<language>" when that folder exists.
#ifndef CLAIMLINE_EXTRACT_LEXICON_LOADER_H_
#define CLAIMLINE_EXTRACT_LEXICON_LOADER_H_

#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "claimline/v1/entities.pb.h"
#include "claimline/v1/lexicon.pb.h"
#include "claimline/v1/values.pb.h"
#include "extract/lang_data.h"
#include "google/protobuf/message.h"

namespace claimline::extract {

// LangSource: a read-only extract/lang tree held in memory.
class LangSource {
 public:
  // Embedded: the compiled-in copy.
  static LangSource Embedded();
  // Directory: every file under `dir`, read now. NotFound when `dir` is not a directory;
  // an I/O error names the file.
  static absl::StatusOr<LangSource> Directory(const std::string& dir);

  LangSource(LangSource&&) = default;
  LangSource& operator=(LangSource&&) = default;

  // Read: the bytes of `path` (relative, '/'-separated), or nullopt.
  std::optional<absl::string_view> Read(absl::string_view path) const;
  // Files: every file, sorted by path.
  absl::Span<const EmbeddedFile> Files() const { return files_; }
  // DisplayPath: how messages name a file: "extract/lang/fr/lexicon.textproto", or
  // "DIR/fr/lexicon.textproto" for a directory.
  std::string DisplayPath(absl::string_view path) const;
  // Digest: DataDigest of every file (lang_data.h).
  const std::string& Digest() const { return digest_; }
  bool embedded() const { return embedded_; }

 private:
  LangSource() = default;
  std::string prefix_;               // "extract/lang/" or "DIR/"
  std::deque<std::string> storage_;  // file bytes of a directory source
  std::deque<std::string> paths_;    // relative paths of a directory source
  std::vector<EmbeddedFile> files_;  // views, sorted by path
  std::string digest_;
  bool embedded_ = false;
};

// ParseTextProtoInto: parses protobuf text format into `message` (cleared first).
// InvalidArgument "<source>:<line>:<column>: <message>" (1-based) on the first error.
absl::Status ParseTextProtoInto(absl::string_view text, absl::string_view source,
                                google::protobuf::Message* message);

template <typename T>
absl::StatusOr<T> ParseTextProto(absl::string_view text, absl::string_view source) {
  T message;
  absl::Status status = ParseTextProtoInto(text, source, &message);
  if (!status.ok()) return status;
  return message;
}

// The data of one language, parents merged.
struct LanguageData {
  std::string tag;                 // the folder: "zh-Hant"
  v1::ValueLexicon values;         // MergeValueLexicons over the parents'
  v1::ClaimLexicon claims;         // kinds.textproto, then parents, then the language
  std::string claims_source;       // display path of the language's lexicon.textproto
  std::vector<std::string> files;  // display paths of every file read
  // full: the language has a claim lexicon (own or inherited). Without one, `claims` holds
  // only the shared kinds: dates and quantities are found, claims hardly ever.
  bool full = false;
};

// LanguageTags: the folders that give full claim extraction: those with a lexicon.textproto
// of their own or through `inherits`. Sorted.
std::vector<std::string> LanguageTags(const LangSource& source);

// DataTags: every folder with a values or lexicon file (a superset of LanguageTags). Sorted.
std::vector<std::string> DataTags(const LangSource& source);

// LoadLanguage: the merged data of `tag` (a folder name). NotFound when there is no such
// folder; InvalidArgument naming the file and line of a malformed file, or an `inherits`
// cycle.
absl::StatusOr<LanguageData> LoadLanguage(const LangSource& source, absl::string_view tag);

// LoadGazetteer: entities.textproto (an empty gazetteer when the file does not exist).
absl::StatusOr<v1::Gazetteer> LoadGazetteer(const LangSource& source);

// MatchLanguageTag: the folder among `available` that serves a requested BCP-47 tag, or
// nullopt. Case-insensitive; "_" = "-"; legacy codes ("in" → id, "iw" → he, "ji" → yi,
// "jw" → jv, "tl" → fil when only fil exists); Chinese by script: zh-TW, zh-HK, zh-MO and
// zh-Hant-* → zh-Hant, other zh-* → zh; otherwise the longest available prefix
// ("pt-BR" → "pt-BR" or "pt", "en-GB" → "en").
std::optional<std::string> MatchLanguageTag(absl::string_view requested,
                                            const std::vector<std::string>& available);

}  // namespace claimline::extract

#endif  // CLAIMLINE_EXTRACT_LEXICON_LOADER_H_

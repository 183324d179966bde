#include "extract/lexicon_loader.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/strip.h"
#include "base/status_macros.h"
#include "extract/claim_assembler.h"
#include "extract/value_recognizer.h"
#include "google/protobuf/io/tokenizer.h"
#include "google/protobuf/text_format.h"

namespace claimline::extract {
namespace {

constexpr char kEntitiesFile[] = "entities.textproto";
constexpr char kKindsFile[] = "kinds.textproto";
constexpr char kValuesFile[] = "values.textproto";
constexpr char kLexiconFile[] = "lexicon.textproto";
constexpr int kMaxInheritance = 8;

// FirstError: keeps the first parser error with its 1-based position.
class FirstError : public google::protobuf::io::ErrorCollector {
 public:
  void AddError(int line, google::protobuf::io::ColumnNumber column,
                const std::string& message) override {
    if (!message_.empty()) return;
    line_ = line + 1;
    column_ = column + 1;
    message_ = message;
  }
  void AddWarning(int, google::protobuf::io::ColumnNumber, const std::string&) override {}

  std::string Describe(absl::string_view source) const {
    if (message_.empty()) return absl::StrCat(source, ": not a valid text proto");
    return absl::StrCat(source, ":", line_, ":", column_, ": ", message_);
  }

 private:
  int line_ = 0;
  int column_ = 0;
  std::string message_;
};

std::string Join(absl::string_view folder, absl::string_view file) {
  return absl::StrCat(folder, "/", file);
}

// ParentOf: the folder a language inherits from: its files' `inherits`, else the language
// subtag of a "<language>-<Script>" folder when that folder has data.
absl::StatusOr<std::string> ParentOf(const LangSource& source, absl::string_view tag,
                                     const v1::ValueLexicon* values,
                                     const v1::ClaimLexicon* claims) {
  if (claims != nullptr && !claims->inherits().empty()) return claims->inherits();
  if (values != nullptr && !values->inherits().empty()) return values->inherits();
  size_t dash = tag.find('-');
  if (dash == absl::string_view::npos) return std::string();
  std::string base(tag.substr(0, dash));
  if (source.Read(Join(base, kLexiconFile)) || source.Read(Join(base, kValuesFile))) return base;
  return std::string();
}

bool HasFolder(const LangSource& source, absl::string_view tag) {
  return source.Read(Join(tag, kLexiconFile)).has_value() ||
         source.Read(Join(tag, kValuesFile)).has_value();
}

}  // namespace

LangSource LangSource::Embedded() {
  LangSource s;
  s.prefix_ = "extract/lang/";
  absl::Span<const EmbeddedFile> files = EmbeddedLangFiles();
  s.files_.assign(files.begin(), files.end());
  s.digest_ = DataDigest(s.files_);
  s.embedded_ = true;
  return s;
}

absl::StatusOr<LangSource> LangSource::Directory(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    return absl::NotFoundError(absl::StrCat("lexicon directory ", dir, " does not exist"));
  }
  LangSource s;
  s.prefix_ = absl::StrCat(absl::StripSuffix(dir, "/"), "/");
  std::vector<std::pair<std::string, std::string>> files;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::end(it);
       it.increment(ec)) {
    if (!it->is_regular_file(ec)) continue;
    std::string rel = fs::relative(it->path(), dir, ec).generic_string();
    std::string name = it->path().filename().string();
    if (name.empty() || name[0] == '.' || absl::EndsWith(name, "~")) continue;
    std::ifstream in(it->path(), std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    if (!in.good() && !in.eof()) {
      return absl::UnavailableError(absl::StrCat("cannot read ", it->path().string()));
    }
    files.push_back({rel, bytes.str()});
  }
  if (ec) return absl::UnavailableError(absl::StrCat("cannot list ", dir, ": ", ec.message()));
  std::sort(files.begin(), files.end());
  for (auto& [rel, bytes] : files) {
    s.paths_.push_back(std::move(rel));
    s.storage_.push_back(std::move(bytes));
    s.files_.push_back({s.paths_.back(), s.storage_.back()});
  }
  s.digest_ = DataDigest(s.files_);
  return s;
}

std::optional<absl::string_view> LangSource::Read(absl::string_view path) const {
  auto it = std::lower_bound(files_.begin(), files_.end(), path,
                             [](const EmbeddedFile& f, absl::string_view p) { return f.path < p; });
  if (it == files_.end() || it->path != path) return std::nullopt;
  return it->data;
}

std::string LangSource::DisplayPath(absl::string_view path) const {
  return absl::StrCat(prefix_, path);
}

absl::Status ParseTextProtoInto(absl::string_view text, absl::string_view source,
                                google::protobuf::Message* message) {
  message->Clear();
  FirstError errors;
  google::protobuf::TextFormat::Parser parser;
  parser.RecordErrorsTo(&errors);
  google::protobuf::io::ArrayInputStream input(text.data(), static_cast<int>(text.size()));
  if (!parser.Parse(&input, message)) {
    return absl::InvalidArgumentError(errors.Describe(source));
  }
  return absl::OkStatus();
}

std::vector<std::string> DataTags(const LangSource& source) {
  std::set<std::string> folders;
  for (const EmbeddedFile& f : source.Files()) {
    size_t slash = f.path.find('/');
    if (slash == absl::string_view::npos) continue;
    absl::string_view file = f.path.substr(slash + 1);
    if (file == kLexiconFile || file == kValuesFile) {
      folders.insert(std::string(f.path.substr(0, slash)));
    }
  }
  return std::vector<std::string>(folders.begin(), folders.end());
}

std::vector<std::string> LanguageTags(const LangSource& source) {
  std::vector<std::string> folders = DataTags(source);
  std::vector<std::string> tags;
  for (const std::string& tag : folders) {
    // Full extraction needs a claim lexicon, the folder's own or an ancestor's.
    std::string t = tag;
    for (int depth = 0; depth < kMaxInheritance && !t.empty(); ++depth) {
      if (source.Read(Join(t, kLexiconFile))) {
        tags.push_back(tag);
        break;
      }
      v1::ValueLexicon values;
      if (auto bytes = source.Read(Join(t, kValuesFile))) {
        if (!ParseTextProtoInto(*bytes, "", &values).ok()) break;
      }
      auto parent = ParentOf(source, t, &values, nullptr);
      if (!parent.ok() || *parent == t) break;
      t = *parent;
    }
  }
  return tags;
}

absl::StatusOr<LanguageData> LoadLanguage(const LangSource& source, absl::string_view tag) {
  // The chain: tag, its parent, the parent's parent … (most specific first).
  struct Level {
    std::string tag;
    std::optional<v1::ValueLexicon> values;
    std::optional<v1::ClaimLexicon> claims;
    std::string claims_source;
  };
  std::vector<Level> chain;
  std::vector<std::string> files;
  std::string current(tag);
  while (!current.empty()) {
    for (const Level& l : chain) {
      if (l.tag == current) {
        return absl::InvalidArgumentError(absl::StrCat(
            source.DisplayPath(Join(tag, "")), ": inherits in a cycle through \"", current, "\""));
      }
    }
    if (chain.size() >= kMaxInheritance) {
      return absl::InvalidArgumentError(absl::StrCat(
          source.DisplayPath(Join(tag, "")), ": inheritance deeper than ", kMaxInheritance));
    }
    if (!HasFolder(source, current)) {
      if (chain.empty()) {
        return absl::NotFoundError(absl::StrCat("no language data for \"", tag, "\""));
      }
      return absl::InvalidArgumentError(absl::StrCat(
          chain.back().claims_source.empty() ? source.DisplayPath(Join(chain.back().tag, ""))
                                             : chain.back().claims_source,
          ": inherits \"", current, "\", which has no data"));
    }
    Level level;
    level.tag = current;
    if (auto bytes = source.Read(Join(current, kValuesFile))) {
      std::string display = source.DisplayPath(Join(current, kValuesFile));
      ASSIGN_OR_RETURN(level.values, ParseTextProto<v1::ValueLexicon>(*bytes, display));
      files.push_back(display);
    }
    if (auto bytes = source.Read(Join(current, kLexiconFile))) {
      level.claims_source = source.DisplayPath(Join(current, kLexiconFile));
      ASSIGN_OR_RETURN(level.claims, ParseTextProto<v1::ClaimLexicon>(*bytes, level.claims_source));
      files.push_back(level.claims_source);
    }
    ASSIGN_OR_RETURN(std::string parent,
                     ParentOf(source, current, level.values ? &*level.values : nullptr,
                              level.claims ? &*level.claims : nullptr));
    chain.push_back(std::move(level));
    current = parent;
  }

  LanguageData data;
  data.tag = std::string(tag);
  // Shared kinds first, then the chain from the most general to the most specific.
  if (auto bytes = source.Read(kKindsFile)) {
    std::string display = source.DisplayPath(kKindsFile);
    ASSIGN_OR_RETURN(data.claims, ParseTextProto<v1::ClaimLexicon>(*bytes, display));
    // A language without a lexicon of its own: what is wrong can only come from here.
    data.claims_source = display;
    files.push_back(display);
  }
  bool has_claims = false;
  bool has_values = false;
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    if (it->claims) {
      data.claims = MergeClaimLexicons(data.claims, *it->claims);
      data.claims_source = it->claims_source;
      has_claims = true;
    }
    if (it->values) {
      data.values = has_values ? MergeValueLexicons(data.values, *it->values) : *it->values;
      has_values = true;
    }
  }
  data.full = has_claims;
  data.claims.set_lang(std::string(tag));
  if (data.values.language().empty()) data.values.set_language(std::string(tag));
  data.files = std::move(files);
  return data;
}

absl::StatusOr<v1::Gazetteer> LoadGazetteer(const LangSource& source) {
  auto bytes = source.Read(kEntitiesFile);
  if (!bytes) return v1::Gazetteer();
  return ParseTextProto<v1::Gazetteer>(*bytes, source.DisplayPath(kEntitiesFile));
}

std::optional<std::string> MatchLanguageTag(absl::string_view requested,
                                            const std::vector<std::string>& available) {
  std::string tag = absl::AsciiStrToLower(absl::StrReplaceAll(requested, {{"_", "-"}}));
  auto find = [&](absl::string_view want) -> std::optional<std::string> {
    for (const std::string& a : available) {
      if (absl::EqualsIgnoreCase(a, want)) return a;
    }
    return std::nullopt;
  };
  if (tag.empty()) return std::nullopt;
  if (auto exact = find(tag)) return exact;
  std::string primary = tag.substr(0, tag.find('-'));
  std::string rest = tag.size() > primary.size() ? tag.substr(primary.size() + 1) : "";
  static const std::pair<const char*, const char*> kLegacy[] = {
      {"in", "id"}, {"iw", "he"}, {"ji", "yi"}, {"jw", "jv"}, {"tl", "fil"}};
  for (const auto& [old_code, code] : kLegacy) {
    if (primary == old_code && !find(primary)) {
      std::string renamed = rest.empty() ? code : absl::StrCat(code, "-", rest);
      return MatchLanguageTag(renamed, available);
    }
  }
  if (primary == "zh" && !rest.empty()) {
    // Chinese by script: explicit script first, then the regions that write Traditional.
    bool hant = absl::StartsWith(rest, "hant") || rest == "tw" || rest == "hk" || rest == "mo" ||
                absl::EndsWith(rest, "-tw") || absl::EndsWith(rest, "-hk") ||
                absl::EndsWith(rest, "-mo");
    if (absl::StartsWith(rest, "hans")) hant = false;
    if (hant) {
      if (auto t = find("zh-Hant")) return t;
    }
    return find("zh");
  }
  // Longest available prefix.
  std::string prefix = tag;
  while (true) {
    if (auto t = find(prefix)) return t;
    size_t dash = prefix.rfind('-');
    if (dash == std::string::npos) break;
    prefix.resize(dash);
  }
  return std::nullopt;
}

}  // namespace claimline::extract

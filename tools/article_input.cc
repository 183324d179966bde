#include "tools/article_input.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <istream>
#include <iterator>
#include <string_view>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/strip.h"
#include "base/civil_date.h"
#include "base/utf8.h"
#include "claimline/v1/manifest.pb.h"
#include "extract/language_detect.h"
#include "google/protobuf/util/json_util.h"
#include "tools/article_header.h"
#include "tools/language_tag.h"

namespace claimline::tools {
namespace {

namespace fs = std::filesystem;

// Titles derived from the first line are cut to this many bytes (on a character edge).
constexpr size_t kMaxDerivedTitleBytes = 160;

std::string MiB(uint64_t bytes) {
  return absl::StrFormat("%.1f MiB", static_cast<double>(bytes) / (1 << 20));
}

uint64_t Fingerprint(absl::string_view text) {
  return static_cast<uint64_t>(
             std::hash<std::string_view>()(std::string_view(text.data(), text.size()))) ^
         text.size();
}

bool IsUnicodeSpace(char32_t c) {
  return c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200B) || c == 0x2028 ||
         c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

bool OnlyWhitespace(absl::string_view text) {
  for (size_t i = 0; i < text.size();) {
    char32_t cp;
    int n = DecodeUtf8(text, i, &cp);
    if (!(cp < 0x80 ? absl::ascii_isspace(static_cast<unsigned char>(cp)) : IsUnicodeSpace(cp))) {
      return false;
    }
    i += n;
  }
  return true;
}

// Cuts `s` to at most `max` bytes without splitting a UTF-8 sequence.
std::string CutUtf8(absl::string_view s, size_t max) {
  if (s.size() <= max) return std::string(s);
  size_t n = max;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return std::string(s.substr(0, n));
}

// FirstLineTitle: the first non-blank line of the body, without Markdown heading marks.
std::string FirstLineTitle(absl::string_view body) {
  while (!body.empty()) {
    size_t eol = body.find('\n');
    absl::string_view line = absl::StripAsciiWhitespace(body.substr(0, eol));
    if (!line.empty()) {
      while (absl::ConsumePrefix(&line, "#")) {
      }
      return CutUtf8(absl::StripAsciiWhitespace(line), kMaxDerivedTitleBytes);
    }
    if (eol == absl::string_view::npos) break;
    body.remove_prefix(eol + 1);
  }
  return "";
}

std::string SourceFromUrl(absl::string_view url) {
  std::string host = HostOfUrl(url);
  absl::string_view h = host;
  absl::ConsumePrefix(&h, "www.");
  return std::string(h);
}

// Fields of one article's metadata as given by a manifest entry (or empty).
struct EntryFields {
  std::string lang, published, source, url, title;
};

class Collector {
 public:
  explicit Collector(const CollectOptions& options) : options_(options) {}

  Collected Run() {
    bool stdin_used = false;
    for (const std::string& path : options_.paths) {
      if (path == "-") {
        if (stdin_used) {
          Problem("-", "stdin can be read only once");
          continue;
        }
        stdin_used = true;
        AddStdin();
      } else {
        AddPath(path);
      }
    }
    for (const std::string& manifest : options_.manifests) AddManifest(manifest);
    if (out_.problems.empty() && out_.articles.empty()) {
      out_.problems.push_back("nothing to append: give files, folders, - (stdin) or --manifest");
    }
    return std::move(out_);
  }

 private:
  void Problem(const std::string& where, absl::string_view what) {
    out_.problems.push_back(absl::StrCat(where, ": ", what));
  }

  void AddStdin() {
    std::string text;
    std::istream& in = *options_.stdin_stream;
    char buf[1 << 16];
    while (in.read(buf, sizeof buf) || in.gcount() > 0) {
      text.append(buf, static_cast<size_t>(in.gcount()));
      if (text.size() > options_.max_bytes) {
        Problem("-", absl::StrFormat("more than %d bytes (%s) on stdin, over the limit; see "
                                     "--max-bytes",
                                     options_.max_bytes, MiB(options_.max_bytes)));
        return;
      }
    }
    AddText("-", "", -1, 0, std::move(text), EntryFields{}, /*always_keep=*/true);
  }

  void AddPath(const std::string& path) {
    std::error_code ec;
    fs::file_status st = fs::status(path, ec);
    if (ec || !fs::exists(st)) {
      fs::file_status lst = fs::symlink_status(path, ec);
      Problem(path, fs::is_symlink(lst) ? "broken symbolic link" : "no such file or directory");
      return;
    }
    if (fs::is_directory(st)) {
      AddDirectory(path);
      return;
    }
    AddFile(path, path, EntryFields{});
  }

  void AddDirectory(const std::string& dir) {
    std::vector<std::string> files;
    std::error_code ec;
    fs::recursive_directory_iterator it(dir, fs::directory_options::none, ec);
    if (ec) {
      Problem(dir, absl::StrCat("cannot read the folder: ", ec.message()));
      return;
    }
    for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (ec) break;
      const fs::path& p = it->path();
      if (absl::StartsWith(p.filename().string(), ".")) {
        if (it->is_directory(ec)) it.disable_recursion_pending();
        continue;
      }
      std::error_code sec;
      if (it->is_directory(sec)) continue;
      files.push_back(p.string());
    }
    if (ec) {
      Problem(dir, absl::StrCat("cannot read the folder: ", ec.message()));
      return;
    }
    std::sort(files.begin(), files.end());
    if (files.empty()) {
      Problem(dir, "no files in this folder (hidden files are skipped)");
      return;
    }
    for (const std::string& f : files) AddPath(f);
  }

  // AddFile: reads and checks a file; `label` names it in messages.
  void AddFile(const std::string& label, const std::string& path, const EntryFields& entry) {
    absl::StatusOr<std::string> text = ReadFileLimited(path, options_.max_bytes);
    if (!text.ok()) {
      Problem(label, text.status().message());
      return;
    }
    AddText(label, path, -1, 0, *std::move(text), entry, /*always_keep=*/false);
  }

  void AddManifest(const std::string& manifest) {
    std::error_code ec;
    if (!fs::exists(manifest, ec)) {
      Problem(manifest, "no such file or directory");
      return;
    }
    if (!fs::is_regular_file(manifest, ec)) {
      Problem(manifest, "not a regular file");
      return;
    }
    std::ifstream in(manifest, std::ios::binary);
    if (!in) {
      Problem(manifest, absl::StrCat("cannot read: ", std::strerror(errno)));
      return;
    }
    const fs::path base = fs::path(manifest).parent_path();
    std::string line;
    int64_t number = 0;
    uint64_t offset = 0;
    size_t entries = 0;
    while (std::getline(in, line)) {
      ++number;
      const uint64_t line_offset = offset;
      offset += line.size() + 1;
      const std::string where = absl::StrCat(manifest, ":", number);
      absl::string_view stripped = absl::StripAsciiWhitespace(line);
      if (stripped.empty()) continue;
      ++entries;
      if (absl::Status s = ValidateUtf8(stripped); !s.ok()) {
        Problem(where, s.message());
        continue;
      }
      v1::ManifestEntry entry;
      google::protobuf::util::JsonParseOptions parse_options;
      parse_options.ignore_unknown_fields = false;
      auto parsed =
          google::protobuf::util::JsonStringToMessage(std::string(stripped), &entry, parse_options);
      if (!parsed.ok()) {
        Problem(where, absl::StrCat("not a manifest entry: ", parsed.message().as_string()));
        continue;
      }
      EntryFields fields{entry.lang(), entry.published(), entry.source(), entry.url(),
                         entry.title()};
      if (entry.path().empty() == entry.text().empty()) {
        Problem(where, "give exactly one of \"path\" and \"text\"");
        continue;
      }
      if (!entry.path().empty()) {
        fs::path p = entry.path();
        std::string resolved = p.is_absolute() ? p.string() : (base / p).string();
        const size_t before = out_.articles.size();
        AddFile(absl::StrCat(where, ": ", resolved), resolved, fields);
        // Messages name the manifest line; the output line names the file itself.
        if (out_.articles.size() > before) out_.articles.back().label = resolved;
      } else {
        if (entry.text().size() > options_.max_bytes) {
          Problem(where, absl::StrFormat("inline text of %d bytes (%s), over the limit of %d "
                                         "bytes (%s); see --max-bytes",
                                         entry.text().size(), MiB(entry.text().size()),
                                         options_.max_bytes, MiB(options_.max_bytes)));
          continue;
        }
        AddText(where, manifest, number, line_offset, entry.text(), fields, false);
      }
    }
    if (in.bad()) {
      Problem(manifest, absl::StrCat("read error: ", std::strerror(errno)));
    } else if (entries == 0) {
      Problem(manifest, "the manifest has no entries");
    }
  }

  // AddText: checks one article's text, resolves its metadata and records it.
  void AddText(const std::string& label, const std::string& file, int64_t manifest_line,
               uint64_t manifest_offset, std::string text, const EntryFields& entry,
               bool always_keep) {
    if (absl::Status s = CheckText(text); !s.ok()) {
      Problem(label, s.message());
      return;
    }
    const ArticleHeader header = ParseArticleHeader(text);
    const absl::string_view body = absl::string_view(text).substr(header.body_offset);
    if (header.present && OnlyWhitespace(body)) {
      Problem(label, "the article has a header but no text after it");
      return;
    }
    const AppendFlags& flags = options_.flags;
    v1::Article article;

    // Language: entry, flag, detection.
    if (!entry.lang.empty()) {
      absl::StatusOr<std::string> tag = NormalizeLanguageTag(entry.lang);
      if (!tag.ok()) {
        Problem(label, absl::StrCat("lang: ", tag.status().message()));
        return;
      }
      article.set_language(*tag);
    } else if (!flags.lang.empty()) {
      article.set_language(flags.lang);
    } else {
      absl::StatusOr<extract::DetectedLanguage> detected = extract::DetectLanguage(body);
      if (!detected.ok()) {
        Problem(label, "the language could not be detected; pass --lang");
        return;
      }
      article.set_language(detected->tag);
      article.set_language_detected(true);
      if (detected->percent < 50) {
        out_.warnings.push_back(absl::StrFormat(
            "%s: language detected as %s with low confidence (%d%% of the text); pass --lang "
            "to be sure",
            label, detected->tag, detected->percent));
      }
    }

    // Publication date: entry, flag, header.
    if (!entry.published.empty()) {
      absl::StatusOr<absl::CivilDay> day = ParseIsoDate(entry.published);
      if (!day.ok()) {
        Problem(label, absl::StrCat("published: ", day.status().message()));
        return;
      }
      article.set_published(FormatIsoDate(*day));
    } else if (!flags.published.empty()) {
      article.set_published(flags.published);
    } else if (!header.published.empty()) {
      absl::StatusOr<std::string> day = HeaderDateToIso(header.published);
      if (!day.ok()) {
        Problem(label, day.status().message());
        return;
      }
      article.set_published(*day);
    } else {
      Problem(label,
              "no publication date: pass --published YYYY-MM-DD (or give a \"published\" "
              "field in the manifest, or a 'Published Time:' header)");
      return;
    }

    article.set_url(!entry.url.empty() ? entry.url : !flags.url.empty() ? flags.url : header.url);
    article.set_source(!entry.source.empty()   ? entry.source
                       : !flags.source.empty() ? flags.source
                                               : SourceFromUrl(article.url()));
    article.set_title(!entry.title.empty()    ? entry.title
                      : !flags.title.empty()  ? flags.title
                      : !header.title.empty() ? header.title
                                              : FirstLineTitle(body));

    ArticleInput input;
    input.label = label;
    input.article = std::move(article);
    input.file = file;
    input.manifest_line = manifest_line;
    input.manifest_offset = manifest_offset;
    input.fingerprint = Fingerprint(text);
    input.text_bytes = text.size();
    out_.total_bytes += text.size();
    if (always_keep || kept_bytes_ + text.size() <= options_.keep_text_bytes) {
      kept_bytes_ += text.size();
      input.text = std::move(text);
    }
    out_.articles.push_back(std::move(input));
  }

  const CollectOptions& options_;
  Collected out_;
  uint64_t kept_bytes_ = 0;
};

}  // namespace

absl::Status CheckText(absl::string_view text) {
  if (const void* nul = std::memchr(text.data(), '\0', text.size()); nul != nullptr) {
    return absl::InvalidArgumentError(absl::StrCat("binary file: NUL byte at offset ",
                                                   static_cast<const char*>(nul) - text.data()));
  }
  if (std::optional<size_t> bad = FirstInvalidUtf8(text); bad.has_value()) {
    return absl::InvalidArgumentError(absl::StrCat("invalid UTF-8 at byte ", *bad));
  }
  if (text.empty()) return absl::InvalidArgumentError("empty file");
  if (OnlyWhitespace(text)) return absl::InvalidArgumentError("only whitespace");
  return absl::OkStatus();
}

absl::StatusOr<std::string> ReadFileLimited(const std::string& path, size_t max_bytes) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    const int e = errno;
    if (e == ENOENT) {
      std::error_code ec;
      if (fs::is_symlink(fs::symlink_status(path, ec))) {
        return absl::NotFoundError("broken symbolic link");
      }
      return absl::NotFoundError("no such file or directory");
    }
    return absl::PermissionDeniedError(absl::StrCat("cannot read: ", std::strerror(e)));
  }
  struct stat st;
  if (::fstat(fd, &st) != 0) {
    const int e = errno;
    ::close(fd);
    return absl::PermissionDeniedError(absl::StrCat("cannot read: ", std::strerror(e)));
  }
  if (!S_ISREG(st.st_mode)) {
    ::close(fd);
    return absl::InvalidArgumentError("not a regular file");
  }
  const uint64_t size = static_cast<uint64_t>(st.st_size);
  if (size > max_bytes) {
    ::close(fd);
    return absl::InvalidArgumentError(
        absl::StrFormat("%d bytes (%s), over the limit of %d bytes (%s); raise it with --max-bytes",
                        size, MiB(size), max_bytes, MiB(max_bytes)));
  }
  std::string text;
  text.resize(size);
  size_t got = 0;
  while (got < size) {
    ssize_t n = ::read(fd, &text[got], size - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const int e = errno;
      ::close(fd);
      return absl::PermissionDeniedError(absl::StrCat("cannot read: ", std::strerror(e)));
    }
    if (n == 0) break;
    got += static_cast<size_t>(n);
  }
  ::close(fd);
  text.resize(got);
  return text;
}

Collected CollectArticles(const CollectOptions& options) { return Collector(options).Run(); }

absl::StatusOr<std::string> LoadText(ArticleInput& input, size_t max_bytes) {
  if (input.text.has_value()) {
    std::string text = std::move(*input.text);
    input.text.reset();
    return text;
  }
  std::string text;
  if (input.manifest_line < 0) {
    absl::StatusOr<std::string> read = ReadFileLimited(input.file, max_bytes);
    if (!read.ok()) {
      return absl::Status(read.status().code(),
                          absl::StrCat(input.label, ": ", read.status().message()));
    }
    text = *std::move(read);
  } else {
    std::ifstream in(input.file, std::ios::binary);
    in.seekg(static_cast<std::streamoff>(input.manifest_offset));
    std::string line;
    v1::ManifestEntry entry;
    if (!in || !std::getline(in, line) ||
        !google::protobuf::util::JsonStringToMessage(std::string(absl::StripAsciiWhitespace(line)),
                                                     &entry)
             .ok()) {
      return absl::FailedPreconditionError(
          absl::StrCat(input.label, ": the manifest changed while appending"));
    }
    text = entry.text();
  }
  if (text.size() != input.text_bytes || Fingerprint(text) != input.fingerprint) {
    return absl::FailedPreconditionError(
        absl::StrCat(input.label, ": the file changed while appending"));
  }
  return text;
}

}  // namespace claimline::tools

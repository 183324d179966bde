// claimline extract: the claims of one article, without a database.
#include <iostream>
#include <iterator>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "base/civil_date.h"
#include "base/status_macros.h"
#include "base/utf8.h"
#include "extract/claim_json.h"
#include "extract/extractor.h"
#include "extract/gazetteer.h"
#include "extract/language_detect.h"
#include "extract/lexicon_loader.h"
#include "tools/article_header.h"
#include "tools/article_input.h"
#include "tools/commands.h"
#include "tools/entity_link.h"
#include "tools/language_tag.h"

namespace claimline::tools {
namespace {

// ReadInput: the article at `path` ("-": stdin), checked as `append` checks it (size,
// NUL bytes, UTF-8, empty), errors prefixed with the path.
absl::StatusOr<std::string> ReadInput(const std::string& path) {
  absl::StatusOr<std::string> text;
  if (path != "-") {
    text = ReadFileLimited(path, kDefaultMaxArticleBytes);
  } else {
    std::string read((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
    if (std::cin.bad()) return absl::UnavailableError("-: cannot read stdin");
    if (read.size() > kDefaultMaxArticleBytes) {
      text = absl::InvalidArgumentError(absl::StrCat(read.size(), " bytes, over the limit of ",
                                                     kDefaultMaxArticleBytes, " bytes"));
    } else {
      text = std::move(read);
    }
  }
  if (text.ok()) {
    if (absl::Status checked = CheckText(*text); !checked.ok()) text = checked;
  }
  if (!text.ok()) {
    return absl::Status(text.status().code(), absl::StrCat(path, ": ", text.status().message()));
  }
  return text;
}

// ExplainGazetteer: the gazetteer the extractor linked entities with: the compiled-in one,
// or the one of --lexicon-dir (kept for the rest of the process).
absl::StatusOr<const extract::Gazetteer*> ExplainGazetteer(const std::string& lexicon_dir) {
  if (lexicon_dir.empty()) return CompiledGazetteer();
  ASSIGN_OR_RETURN(extract::LangSource source, extract::LangSource::Directory(lexicon_dir));
  ASSIGN_OR_RETURN(v1::Gazetteer data, extract::LoadGazetteer(source));
  ASSIGN_OR_RETURN(
      std::unique_ptr<extract::Gazetteer> gazetteer,
      extract::Gazetteer::Create(std::move(data), source.DisplayPath("entities.textproto")));
  return gazetteer.release();
}

// AddLinkExplanations: one explain line per linked mention of each claim: which
// gazetteer name (or none) linked its subject and object (tools/entity_link.h).
void AddLinkExplanations(const extract::Gazetteer* gazetteer, std::vector<v1::Claim>& claims) {
  for (v1::Claim& c : claims) {
    if (!c.subject().text().empty()) {
      c.add_explain(absl::StrCat("subject link: ", ExplainLink(gazetteer, c.subject())));
    }
    if (c.has_object() && !c.object().text().empty()) {
      c.add_explain(absl::StrCat("object link: ", ExplainLink(gazetteer, c.object())));
    }
  }
}

absl::StatusOr<int> RunExtract(Invocation& inv) {
  const std::string path = inv.args[0];
  const std::string format = inv.Get("format", "text");
  if (format != "text" && format != "json") {
    return absl::InvalidArgumentError(
        absl::StrCat("--format: \"", format, "\" is not one of: text, json"));
  }
  ASSIGN_OR_RETURN(const std::string text, ReadInput(path));

  // The publication date: the flag, else the article's header.
  absl::CivilDay published;
  if (inv.Has("published")) {
    absl::StatusOr<absl::CivilDay> day = ParseIsoDate(inv.Get("published"));
    if (!day.ok()) {
      return absl::InvalidArgumentError(absl::StrCat("--published: ", day.status().message()));
    }
    published = *day;
  } else {
    ArticleHeader header = ParseArticleHeader(text);
    if (header.published.empty()) {
      return absl::InvalidArgumentError(absl::StrCat(
          path,
          ": no publication date: pass --published YYYY-MM-DD (relative dates such as "
          "'last month' are resolved against it); the article has no 'Published Time:' "
          "header"));
    }
    absl::StatusOr<std::string> iso = HeaderDateToIso(header.published);
    if (!iso.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat(path, ": 'Published Time:' header: ", iso.status().message()));
    }
    ASSIGN_OR_RETURN(published, ParseIsoDate(*iso));
  }

  extract::ExtractorOptions options;
  options.lexicon_dir = inv.Get("lexicon-dir");
  ASSIGN_OR_RETURN(std::unique_ptr<extract::Extractor> extractor,
                   extract::Extractor::Create(options));

  // The language: the flag, else detected.
  std::string lang;
  if (inv.Has("lang")) {
    absl::StatusOr<std::string> tag = NormalizeLanguageTag(inv.Get("lang"));
    if (!tag.ok()) {
      return absl::InvalidArgumentError(absl::StrCat("--lang: ", tag.status().message()));
    }
    lang = *tag;
  } else {
    RETURN_IF_ERROR(ValidateUtf8(text));
    absl::StatusOr<extract::DetectedLanguage> detected = extract::DetectLanguage(text);
    if (!detected.ok()) {
      return absl::InvalidArgumentError(absl::StrCat(
          path, ": cannot detect the language (", detected.status().message(),
          "); pass --lang (supported: ", absl::StrJoin(extractor->Languages(), ", "), ")"));
    }
    lang = detected->tag;
    *inv.err << absl::StrFormat("claimline extract: language detected: %s (%d%%%s)\n", lang,
                                detected->percent, detected->reliable ? "" : ", unreliable");
  }

  if (!extract::MatchLanguageTag(lang, extractor->Languages()).has_value()) {
    // Extract accepts a language with value data only, or refuses it with the list.
    *inv.err << absl::StrFormat(
        "claimline extract: note: no claim lexicon for %s yet (full extraction: %s)\n", lang,
        absl::StrJoin(extractor->Languages(), ", "));
  }
  extract::ExtractRequest request;
  request.text = text;
  request.language = lang;
  request.published = published;
  request.explain = inv.Has("explain");
  absl::StatusOr<std::vector<v1::Claim>> claims = extractor->Extract(request);
  if (!claims.ok()) {
    return absl::Status(claims.status().code(),
                        absl::StrCat(path, ": ", claims.status().message()));
  }
  if (request.explain) {
    ASSIGN_OR_RETURN(const extract::Gazetteer* gazetteer, ExplainGazetteer(options.lexicon_dir));
    AddLinkExplanations(gazetteer, *claims);
  }
  if (format == "json") {
    *inv.out << extract::ClaimsToJson(*claims);
  } else {
    *inv.out << extract::ClaimsToText(*claims, text);
  }
  return kExitOk;
}

}  // namespace

const CommandSpec kExtractCommand = {
    "extract",
    "FILE|-",
    "Print the claims of one article (no database)",
    "Runs the extractor on one article and prints its dated claims: kind, subject, object,\n"
    "direction, quantity (an interval with a unit), valid time, modality and the byte\n"
    "offsets of the evidence. Relative dates ('last month', 'il 26 febbraio') are resolved\n"
    "against the publication date: --published, else the article's 'Published Time:'\n"
    "header; without either the command fails. Without --lang the language is detected.\n"
    "\n"
    "--format json prints the JSON of CLAIMS.md ({\"claims\": [...]}); --explain adds the\n"
    "lexicon entries and rules behind each claim, and which gazetteer name linked its\n"
    "subject and object (exact, case-folded, short name, transliteration key, or unknown).\n"
    "--lexicon-dir runs on the data of a folder laid out like extract/lang/ instead of the\n"
    "compiled-in copy (see extract/lang/README.md). Exit code 0 even when no claim is found.\n",
    {
        {"lang", "TAG", "language (BCP-47: en, fr, zh-Hant); default: detect"},
        {"published", "YYYY-MM-DD", "publication date; default: the article's header"},
        {"format", "text|json", "output format; default: text"},
        {"explain", "", "show the lexicon entries, rules and entity links behind each claim"},
        {"lexicon-dir", "DIR", "read language data from DIR instead of the compiled-in copy"},
    },
    1,
    1,
    false,
    &RunExtract,
};

}  // namespace claimline::tools

// Helpers for the value recognizer tests: load a language's values.textproto (with its
// `inherits` parent) from the source tree and run the recognizer over one text.
#ifndef CLAIMLINE_TESTS_EXTRACT_VALUES_TEST_UTIL_H_
#define CLAIMLINE_TESTS_EXTRACT_VALUES_TEST_UTIL_H_

#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "extract/normalized_text.h"
#include "extract/phrase_matcher.h"
#include "extract/value_recognizer.h"

namespace claimline::extract::testing {

inline std::string LangDir() { return CLAIMLINE_LANG_DIR; }

inline absl::StatusOr<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat("cannot read ", path));
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// LoadValues: <lang>/values.textproto merged over its parents'; empty when absent.
inline absl::StatusOr<v1::ValueLexicon> LoadValues(const std::string& lang, int depth = 0) {
  std::string path = absl::StrCat(LangDir(), "/", lang, "/values.textproto");
  absl::StatusOr<std::string> text = ReadFile(path);
  if (!text.ok()) return v1::ValueLexicon();
  absl::StatusOr<v1::ValueLexicon> lex = ParseValueLexicon(*text, path);
  if (!lex.ok() || lex->inherits().empty() || depth > 3) return lex;
  absl::StatusOr<v1::ValueLexicon> parent = LoadValues(lex->inherits(), depth + 1);
  if (!parent.ok()) return parent.status();
  return MergeValueLexicons(*parent, *lex);
}

// Harness: one language's recognizer with its own matcher.
class Harness {
 public:
  static absl::StatusOr<std::unique_ptr<Harness>> For(const std::string& lang) {
    absl::StatusOr<v1::ValueLexicon> lex = LoadValues(lang);
    if (!lex.ok()) return lex.status();
    return ForLexicon(lang, *lex);
  }
  static absl::StatusOr<std::unique_ptr<Harness>> ForLexicon(const std::string& lang,
                                                             const v1::ValueLexicon& lex) {
    auto h = std::make_unique<Harness>();
    absl::StatusOr<std::unique_ptr<ValueRecognizer>> r = ValueRecognizer::Create(lang, lex);
    if (!r.ok()) return r.status();
    h->recognizer = std::move(*r);
    PhraseMatcherBuilder builder;
    h->recognizer->RegisterPhrases(&builder);
    h->matcher = builder.Build();
    return h;
  }

  ValueMentions Run(const std::string& text, absl::CivilDay reference) const {
    absl::StatusOr<NormalizedText> norm = Normalize(text);
    if (!norm.ok()) return {};
    std::vector<PhraseHit> hits = matcher->FindAll(norm->text);
    return recognizer->Find(*norm, 0, norm->text.size(), hits, reference);
  }

  std::unique_ptr<ValueRecognizer> recognizer;
  std::unique_ptr<PhraseMatcher> matcher;
};

}  // namespace claimline::extract::testing

#endif  // CLAIMLINE_TESTS_EXTRACT_VALUES_TEST_UTIL_H_

#include "extract/extractor.h"

#include <algorithm>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "base/status_macros.h"
#include "extract/claim_assembler.h"
#include "extract/entities.h"
#include "extract/gazetteer.h"
#include "extract/lang_data.h"
#include "extract/lexicon_loader.h"
#include "extract/normalized_text.h"
#include "extract/phrase_matcher.h"
#include "extract/sentences.h"
#include "extract/value_recognizer.h"

namespace claimline::extract {
namespace {

constexpr char kExtractorName[] = "claimline-extract";
// kCodeVersion: bumped by hand for a change of output conventions; the code and data
// digests change by themselves.
constexpr char kCodeVersion[] = "1";

std::string Version(absl::string_view data_digest) {
  return absl::StrCat(kCodeVersion, ".", ExtractCodeDigest().substr(0, 8), ".",
                      data_digest.substr(0, 8));
}

// Everything one language needs, built once.
struct LanguagePipeline {
  std::string tag;
  bool full = false;  // has a claim lexicon
  std::unique_ptr<ValueRecognizer> values;
  std::unique_ptr<ClaimAssembler> assembler;
  std::unique_ptr<EntityRecognizer> entities;
  std::unique_ptr<SentenceSplitter> splitter;
  std::unique_ptr<PhraseMatcher> matcher;  // every phrase of the language, one pass
};

// ToNormalized: the normalized offset where original offset `o` starts (the first
// normalized byte produced at or after it).
uint32_t ToNormalized(const NormalizedText& n, uint32_t o) {
  auto last = n.to_original.end() - 1;  // the sentinel is original.size()
  return static_cast<uint32_t>(std::lower_bound(n.to_original.begin(), last, o) -
                               n.to_original.begin());
}

class ExtractorImpl final : public Extractor {
 public:
  ExtractorImpl(std::unique_ptr<Gazetteer> gazetteer,
                std::map<std::string, std::unique_ptr<LanguagePipeline>> languages,
                std::string data_digest)
      : gazetteer_(std::move(gazetteer)),
        languages_(std::move(languages)),
        data_digest_(std::move(data_digest)) {
    for (const auto& [tag, pipeline] : languages_) {
      (pipeline->full ? tags_ : partial_tags_).push_back(tag);
    }
  }

  std::vector<std::string> Languages() const override { return tags_; }

  v1::Extractor Identity() const override {
    v1::Extractor e;
    e.set_name(kExtractorName);
    e.set_version(Version(data_digest_));
    return e;
  }

  absl::StatusOr<std::vector<v1::Claim>> Extract(const ExtractRequest& request) const override {
    // Full languages first ("zh-TW" → zh-Hant), then those with value data only.
    std::optional<std::string> tag = MatchLanguageTag(request.language, tags_);
    if (!tag) tag = MatchLanguageTag(request.language, partial_tags_);
    if (!tag) {
      return absl::InvalidArgumentError(
          absl::StrCat("unsupported language \"", request.language,
                       "\"; supported: ", absl::StrJoin(tags_, ", ")));
    }
    const LanguagePipeline& lang = *languages_.at(*tag);
    ASSIGN_OR_RETURN(NormalizedText text, Normalize(request.text));

    // One pass of the matcher over the whole article.
    const std::vector<PhraseHit> hits = lang.matcher->FindAll(text.text);

    // Sentences, in both offset spaces.
    std::vector<SentenceSpan> spans = lang.splitter->Split(request.text);
    std::vector<NormalizedRange> ranges;
    ranges.reserve(spans.size());
    for (const SentenceSpan& s : spans) {
      ranges.push_back({ToNormalized(text, s.begin), ToNormalized(text, s.end)});
    }

    std::vector<std::vector<EntityMention>> entities =
        lang.entities->Find(text, ranges, hits, request.explain);

    std::vector<SentenceMentions> sentences(spans.size());
    size_t h = 0;
    for (size_t i = 0; i < spans.size(); ++i) {
      SentenceMentions& m = sentences[i];
      m.begin = spans[i].begin;
      m.end = spans[i].end;
      m.norm_begin = ranges[i].begin;
      m.norm_end = ranges[i].end;
      // The hits that start in this sentence: a sub-span, so each sentence costs only its
      // own hits (linear in the article overall).
      while (h < hits.size() && hits[h].begin < m.norm_begin) ++h;
      size_t h_end = h;
      while (h_end < hits.size() && hits[h_end].begin < m.norm_end) ++h_end;
      absl::Span<const PhraseHit> own(hits.data() + h, h_end - h);
      ValueMentions values =
          lang.values->Find(text, m.norm_begin, m.norm_end, own, request.published);
      m.dates = std::move(values.dates);
      m.quantities = std::move(values.quantities);
      m.entities = std::move(entities[i]);
      h = h_end;
    }
    return lang.assembler->Assemble(text, sentences, hits, request.published, request.explain);
  }

 private:
  std::unique_ptr<Gazetteer> gazetteer_;  // the entity recognizers point into it
  std::map<std::string, std::unique_ptr<LanguagePipeline>> languages_;
  std::vector<std::string> tags_;          // full claim extraction
  std::vector<std::string> partial_tags_;  // dates and quantities only (no claim lexicon)
  std::string data_digest_;
};

absl::StatusOr<std::unique_ptr<LanguagePipeline>> BuildLanguage(const LangSource& source,
                                                                const std::string& tag,
                                                                const Gazetteer* gazetteer) {
  ASSIGN_OR_RETURN(LanguageData data, LoadLanguage(source, tag));
  auto lang = std::make_unique<LanguagePipeline>();
  lang->tag = tag;
  lang->full = data.full;
  absl::StatusOr<std::unique_ptr<ValueRecognizer>> values =
      ValueRecognizer::Create(tag, data.values);
  if (!values.ok()) {
    // Name the file(s) the bad entry came from (a language may inherit another's values).
    std::vector<std::string> files;
    for (const std::string& file : data.files) {
      if (absl::EndsWith(file, "/values.textproto")) files.push_back(file);
    }
    return absl::Status(values.status().code(),
                        absl::StrCat(files.empty() ? tag : absl::StrJoin(files, " + "), ": ",
                                     values.status().message()));
  }
  lang->values = *std::move(values);
  ASSIGN_OR_RETURN(lang->assembler, ClaimAssembler::Create(tag, data.claims, data.claims_source));
  lang->entities = std::make_unique<EntityRecognizer>(gazetteer, tag);
  ASSIGN_OR_RETURN(lang->splitter, SentenceSplitter::Create(tag));
  PhraseMatcherBuilder builder;
  lang->values->RegisterPhrases(&builder);
  lang->assembler->RegisterPhrases(&builder);
  lang->entities->RegisterPhrases(&builder);
  lang->matcher = builder.Build();
  return lang;
}

}  // namespace

absl::StatusOr<std::unique_ptr<Extractor>> Extractor::Create(const ExtractorOptions& options) {
  std::optional<LangSource> source;
  if (options.lexicon_dir.empty()) {
    source.emplace(LangSource::Embedded());
  } else {
    ASSIGN_OR_RETURN(LangSource dir, LangSource::Directory(options.lexicon_dir));
    source.emplace(std::move(dir));
  }
  ASSIGN_OR_RETURN(v1::Gazetteer gazetteer_data, LoadGazetteer(*source));
  ASSIGN_OR_RETURN(
      std::unique_ptr<Gazetteer> gazetteer,
      Gazetteer::Create(std::move(gazetteer_data), source->DisplayPath("entities.textproto")));
  std::map<std::string, std::unique_ptr<LanguagePipeline>> languages;
  for (const std::string& tag : DataTags(*source)) {
    ASSIGN_OR_RETURN(languages[tag], BuildLanguage(*source, tag, gazetteer.get()));
  }
  if (std::none_of(languages.begin(), languages.end(),
                   [](const auto& l) { return l.second->full; })) {
    return absl::FailedPreconditionError(absl::StrCat(
        "no language data in ", source->DisplayPath(""), " (each language needs <tag>/",
        "lexicon.textproto; see extract/lang/README.md)"));
  }
  return std::unique_ptr<Extractor>(
      new ExtractorImpl(std::move(gazetteer), std::move(languages), source->Digest()));
}

v1::Extractor Extractor::Info() {
  v1::Extractor e;
  e.set_name(kExtractorName);
  e.set_version(Version(DataDigest(EmbeddedLangFiles())));
  return e;
}

}  // namespace claimline::extract

// EntityRecognizer: the entity mentions of an article, linked to the gazetteer where it can.
//
// Per article, in text order:
//   1. gazetteer names found by the shared phrase matcher (class kEntity); a case-sensitive
//      name ("Apple") must match the original capitalization;
//   2. capitalized runs of Latin-script words (in Latin-script languages) and runs of
//      Latin-script words (in zh, ja, hi … text) whose script-neutral key equals a full
//      name's key link to that entity ("Huang Renxun" meets 黄仁勋);
//   3. overlaps are resolved leftmost-longest, gazetteer names first;
//   4. a short name ("Huang", "黄", "हुआंग") links only after one of its entity's full names
//      appeared earlier in the article; the latest such entity wins an ambiguous short name;
//   5. what is left of those runs (1–4 words, split around linked mentions, without words
//      that are lexicon phrases, without a sentence-initial word that the article also writes
//      in lower case, not a lone sentence-initial word the article never capitalizes
//      elsewhere, not a lone acronym of ≤ 3 letters, not in title-case headlines, not URL
//      fragments) becomes an unknown name: empty `entity`,
//      `key` = Gazetteer::Key of the surface form, type unspecified.
// Pronouns, possessives and anaphors are claim assembly's business (claim_assembler.h).
//
// Thread-safe after Create.
#ifndef CLAIMLINE_EXTRACT_ENTITIES_H_
#define CLAIMLINE_EXTRACT_ENTITIES_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/types/span.h"
#include "extract/gazetteer.h"
#include "extract/mentions.h"
#include "extract/normalized_text.h"
#include "extract/phrase_matcher.h"
#include "unicode/uscript.h"

namespace claimline::extract {

// A sentence in NORMALIZED byte offsets, [begin, end).
struct NormalizedRange {
  uint32_t begin = 0;
  uint32_t end = 0;
};

class EntityRecognizer {
 public:
  // Create: for one language (BCP-47 tag). `gazetteer` must outlive the recognizer.
  EntityRecognizer(const Gazetteer* gazetteer, const std::string& lang);

  // RegisterPhrases: every gazetteer name under kEntity, payload = index into
  // gazetteer->names(). Left out: short names tagged with another language, and names in
  // a script other than Latin that the language is not written in.
  void RegisterPhrases(PhraseMatcherBuilder* builder) const;

  // Find: the mentions of each sentence (result[i] belongs to sentences[i]), each in text
  // order, offsets in ORIGINAL bytes. `hits`: every hit of the matcher over text.text,
  // ordered by (begin, end). `explain` fills EntityMention.explain.
  // REQUIRES: sentences ordered and non-overlapping, within text.text.
  std::vector<std::vector<EntityMention>> Find(const NormalizedText& text,
                                               absl::Span<const NormalizedRange> sentences,
                                               absl::Span<const PhraseHit> hits,
                                               bool explain) const;

 private:
  const Gazetteer* gazetteer_;
  std::string lang_;
  std::string primary_;               // the primary language subtag: "zh" for "zh-Hant"
  bool latin_script_;                 // the language is written in Latin script
  std::vector<UScriptCode> scripts_;  // the scripts it is written in

  // WrittenHere: a name that can appear in this language's text (Latin, or its scripts).
  bool WrittenHere(absl::string_view name) const;
};

}  // namespace claimline::extract

#endif  // CLAIMLINE_EXTRACT_ENTITIES_H_

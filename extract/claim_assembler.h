// ClaimAssembler: turns the mentions of an article's sentences into claims (CLAIMS.md),
// driven by one language's ClaimLexicon (proto/claimline/v1/lexicon.proto).
//
// Per sentence: every trigger (claim kind) is an anchor; clause breaks between anchors
// split the sentence into one clause per anchor. In its clause an anchor takes
//   - a direction: implied by the trigger, or the nearest change word;
//   - a quantity: the nearest one whose unit the kind accepts;
//   - a subject: by type (kind.subject_type) and position (nearest, agent markers,
//     before the trigger first in verb-final languages), else through an anaphor or a
//     possessive ("该公司", "l'azienda", "its", "-nya", "इसका") that resolves to the most
//     recent entity of the right type in this or the preceding sentences;
//   - an object: by type, after an object marker ("with X", "接受 X 采访"), else nearest;
//   - a date: the nearest one in the sentence; a sentence without one inherits the date of
//     a preceding sentence of the same paragraph (anchor `context`);
//   - a modality: markers in scope (negated > expected > reported), and `expected` for a
//     date after the publication date.
// A change word with no frame in its clause makes a "bare change" whose kind comes from
// the quantity's unit and the subject's type (kind.bare). Claims without a subject, or
// missing what their kind requires, are dropped. The same claim told twice in an article
// (a repeated headline, a recap) is kept once: the most informative telling.
//
// Thread-safe after Create: Assemble is const and keeps no state between calls.
#ifndef CLAIMLINE_EXTRACT_CLAIM_ASSEMBLER_H_
#define CLAIMLINE_EXTRACT_CLAIM_ASSEMBLER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "absl/types/span.h"
#include "claimline/v1/claim.pb.h"
#include "claimline/v1/lexicon.pb.h"
#include "extract/mentions.h"
#include "extract/normalized_text.h"
#include "extract/phrase_matcher.h"

namespace claimline::extract {

// The mentions of one sentence. Mention offsets are ORIGINAL byte offsets (mentions.h).
struct SentenceMentions {
  uint32_t norm_begin = 0;  // the sentence in normalized offsets, [norm_begin, norm_end)
  uint32_t norm_end = 0;
  uint32_t begin = 0;  // the sentence in original offsets (the evidence span)
  uint32_t end = 0;
  std::vector<DateMention> dates;  // each in text order
  std::vector<QuantityMention> quantities;
  std::vector<EntityMention> entities;
};

class ClaimAssembler {
 public:
  // Create: checks the lexicon (every trigger names a declared kind, phrases non-empty,
  // kinds unique). `lexicon` is the language's lexicon.textproto merged into the shared
  // extract/lang/kinds.textproto. `source` names the language file in explain lines.
  // InvalidArgument "<source>: <what>" on a bad lexicon.
  static absl::StatusOr<std::unique_ptr<ClaimAssembler>> Create(const std::string& lang,
                                                                const v1::ClaimLexicon& lexicon,
                                                                const std::string& source = "");

  ~ClaimAssembler();

  // RegisterPhrases: adds every trigger, change word, modality marker and cue under the
  // classes kTrigger, kDirection, kModality and kCue. Payloads carry a tag unique to this
  // object, so assemblers of several languages may share one matcher: Assemble reads only
  // its own hits.
  void RegisterPhrases(PhraseMatcherBuilder* builder) const;

  // Assemble: the claims of the whole article, in text order. `sentences` in text order;
  // `hits` = every hit of the matcher over text.text, ordered by (begin, end) (hits of
  // other classes are ignored). `published` is the reference date.
  std::vector<v1::Claim> Assemble(const NormalizedText& text,
                                  absl::Span<const SentenceMentions> sentences,
                                  absl::Span<const PhraseHit> hits, absl::CivilDay published,
                                  bool explain) const;

  const std::string& lang() const;
  const v1::ClaimLexicon& lexicon() const;

  struct Tables;  // compiled lexicon (claim_assembler.cc)

 private:
  explicit ClaimAssembler(std::unique_ptr<Tables> tables);
  std::unique_ptr<Tables> tables_;
};

// ParseClaimLexicon: parses a lexicon in protobuf text format. InvalidArgument
// "<source>:<line>:<column>: <parser message>" when it does not match the schema.
absl::StatusOr<v1::ClaimLexicon> ParseClaimLexicon(absl::string_view textproto,
                                                   absl::string_view source);

// MergeClaimLexicons: `child` over `parent` (a language file over the shared kinds file,
// zh-Hant over zh): repeated fields concatenated, parent first; scalar fields of the child
// win when set; `lang` and `inherits` are the child's.
v1::ClaimLexicon MergeClaimLexicons(const v1::ClaimLexicon& parent, const v1::ClaimLexicon& child);

}  // namespace claimline::extract

#endif  // CLAIMLINE_EXTRACT_CLAIM_ASSEMBLER_H_

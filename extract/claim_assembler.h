// ClaimAssembler: turns the mentions of an article's sentences into claims (CLAIMS.md),
// driven by one language's ClaimLexicon (proto/claimline/v1/lexicon.proto).
//
// Per sentence: every trigger (claim kind) is an anchor; triggers of one kind with no clause
// break between them are one anchor. Change words join the frame of their clause (the one
// in the frame's own sub-clause, else the nearest); a change word left over that has a
// percent or money figure in its sub-clause is a "bare change", whose kind comes from the
// figure's unit and the subject's type (kind.bare). Clause breaks between anchors (the last
// one between them, else the midpoint) give each anchor its clause. In its clause an anchor
// takes
//   - a direction: implied by the trigger, or its change word;
//   - a quantity: the nearest unused one whose unit the kind accepts;
//   - a subject, by type (kind.subject_type; names the gazetteer does not know when
//     kind.untyped_subject, after known ones) and position: a possessive before the frame or
//     glued to it ("its", "sa", "其", "इसका", "-nya") names the first entity of its
//     sub-clause or of the nearest earlier one, else an earlier sentence's; otherwise the
//     nearest entity of the anchor's sub-clause (agent-marked first; for kinds with an object,
//     before the trigger first), then the first of the clause, then the first earlier in the
//     sentence. A change must find its subject in its sub-clause, or continue the subject of
//     the change in the clause before it ("…fell 17%, and market value dropped $600B").
//     Anaphors ("该公司", "l'azienda", "the company", "she") resolve to the most recent entity
//     of their type within 4 sentences (known entities first unless an unknown name of the
//     window is told more often; unknown names by mentions, then first told; person-shaped
//     ones for persons, none already read as another type), else the article's most
//     frequent one; an organization anaphor is no subject of a kind of persons. A cost or
//     spending figure in a sentence that names nothing reads its subject as such an
//     anaphor. Names right after a locative ("on the Nasdaq") are never subjects;
//   - an object: between an OBJECT_OPEN cue and the trigger ("接受 X 采访"), next to an
//     object marker ("with X", "X के साथ"), next to the trigger when the kind needs a
//     marker ("podcast X"), else (unless it needs one) the nearest of its type;
//   - a date: in its sub-clause, else before it in the sentence, else after it; never a
//     period the kind reads as a topic (quarters for earnings) or a baseline ("since March
//     2020"); a sentence without one inherits the last date of one of the 2 preceding
//     sentences of the same paragraph (anchor `context`);
//   - a modality: markers in scope (negated > expected > reported), `expected` for a date
//     after the publication date; a suppressing marker in scope ("if", "could") drops it.
// Claims without a subject, or missing what their kind requires (object, quantity,
// direction), are dropped. The same claim told twice in an article (a repeated headline, a
// recap; unknown names meet by key prefix) is kept once: the most informative telling,
// completed with what the other adds. Claims come out in text order.
//
// Before all this, names the gazetteer does not know in scripts without capitals (Han,
// Katakana, Hangul) are added to the mentions: a run of such letters at a clause start or
// right before a trigger, change word, date, figure or agent marker gives its prefix or
// suffix the article repeats most (3-8 letters, also in the title, no part of a lexicon
// phrase), or the whole run when an agent marker follows ("ラピダスは"). With
// settings.ignore_unknown_names (German) an unknown name still counts when told twice,
// once in the title.
//
// Thread-safe after Create: Assemble is const and keeps no state between calls. Linear in
// the text: per-sentence work is capped (hits, anchors) and distances are counted once.
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

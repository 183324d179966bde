// ClaimAssembler: see claim_assembler.h for the rules. All positions inside Assemble are
// ORIGINAL byte offsets (hits are mapped once through NormalizedText), and distances are
// counted in characters so that windows mean the same in Latin, Devanagari and Han text.
#include "extract/claim_assembler.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <deque>
#include <limits>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "base/civil_date.h"
#include "extract/gazetteer.h"
#include "google/protobuf/io/tokenizer.h"
#include "google/protobuf/text_format.h"
#include "unicode/uchar.h"
#include "unicode/uscript.h"
#include "unicode/utf8.h"

namespace claimline::extract {
namespace {

// Payloads: the object's tag in the high bits, an index into Tables::phrases below.
constexpr uint32_t kIndexBits = 20;
constexpr uint32_t kIndexMask = (1u << kIndexBits) - 1;
std::atomic<uint32_t> next_tag{1};

constexpr uint32_t kDefaultWindow = 24;
constexpr uint32_t kDefaultContextSentences = 2;
constexpr uint32_t kPossessiveWindow = 14;  // characters between a possessive and its frame
constexpr uint32_t kMarkerWindow = 40;      // characters between a trigger and "with X"
constexpr uint32_t kMarkerGap = 16;         // characters between "with" and X
constexpr uint32_t kAgentGap = 3;           // characters between X and "ने" / "by" and X
constexpr uint32_t kAnaphorSentences = 4;   // how far back "the company" looks
constexpr uint32_t kMaxHitBytes = 256;
constexpr uint32_t kCoordinationGap = 24;
constexpr size_t kMinKeyPrefix = 4;
constexpr uint32_t kAdjacentGap = 2;
constexpr uint32_t kRangeGap = 3;
constexpr uint32_t kSinceGap = 5;
constexpr uint32_t kOpeningGap =
    4;  // characters of "The ", "O ", "Il " before a name          // "since its December peak",
        // "dal marzo"        // characters of "-", " to ", "至" between range ends
constexpr uint32_t kCoordinatedGap = 5;  // characters of "and", "e", "和" between two names
constexpr uint32_t kNearObjectGap = 16;  // characters between a release and its unknown object
constexpr uint32_t kAppositionGap = 24;
constexpr uint32_t kAgentPhraseGap = 24;  // "by the Chinese start-up X"
constexpr uint32_t kNearSubjectGap =
    12;  // "X released", "X 本月初发布"    // characters between "the chipmaker" and its name //
         // characters: a name "next to" a trigger        // unknown names meet by key prefix this
         // long  // characters between coordinated names
constexpr size_t kMaxAnchors = 32;         // per sentence; more is not prose
constexpr size_t kMaxSentenceHits = 1024;  // per sentence, of this assembler's classes      //
                                           // longer phrases are not compared for overlaps

bool IsUnitClass(const v1::Quantity& q, v1::UnitClass c) {
  const std::string& u = q.unit();
  switch (c) {
    case v1::UNIT_CLASS_PERCENT:
      return u == "percent";
    case v1::UNIT_CLASS_COUNT:
      return u == "count";
    case v1::UNIT_CLASS_MONEY:
      return u.size() == 3 && absl::ascii_isupper(u[0]) && absl::ascii_isupper(u[1]) &&
             absl::ascii_isupper(u[2]);
    default:
      return false;
  }
}

const char* DirectionName(v1::Direction d) {
  return d == v1::DIRECTION_UP ? "up" : d == v1::DIRECTION_DOWN ? "down" : "none";
}

const char* ModalityName(v1::Modality m) {
  switch (m) {
    case v1::MODALITY_EXPECTED:
      return "expected";
    case v1::MODALITY_REPORTED:
      return "reported";
    case v1::MODALITY_NEGATED:
      return "negated";
    default:
      return "asserted";
  }
}

// Collects the first parse error with its position.
class FirstErrorCollector : public google::protobuf::io::ErrorCollector {
 public:
  void AddError(int line, int column, const std::string& message) override {
    if (error_.empty()) error_ = absl::StrCat(line + 1, ":", column + 1, ": ", message);
  }
  const std::string& error() const { return error_; }

 private:
  std::string error_;
};

}  // namespace

struct ClaimAssembler::Tables {
  struct Kind {
    std::string name;
    bool silent = false;
    std::vector<v1::EntityType> subject_types;
    bool untyped_subject = false;
    std::vector<v1::EntityType> object_types;
    bool object_required = false;
    bool untyped_object = false;
    bool object_needs_marker = false;
    std::vector<v1::UnitClass> units;
    bool quantity_required = false;
    bool directional = false;
    std::vector<v1::Granularity> topic_granularity;
    bool distributive = false;
    double min_money = 0;
    bool no_context_date = false;
  };
  struct Bare {
    int kind;
    v1::UnitClass unit;
    std::vector<v1::EntityType> subject_types;
  };
  struct Trigger {
    int kind;
    v1::Direction direction;
    v1::Modality modality;
  };
  struct DirectionWord {
    v1::Direction direction;
    bool weak;
  };
  struct Marker {
    v1::Modality modality;
    v1::ModalityScope scope;
    uint32_t window;
    bool suppress;
  };
  struct Cue {
    v1::CueType type;
    std::vector<v1::EntityType> refers_to;
    bool object_before;
    bool subject_before;
    std::vector<int> kinds;  // empty: every kind
  };
  struct Phrase {
    PhraseClass cls;
    uint32_t item;  // index into triggers / directions / markers / cues
    std::string text;
    bool allow_suffix;
    bool glued = false;  // a glued cue: found after entity mentions, not by the matcher
  };

  std::string lang;
  std::string source;
  v1::ClaimLexicon lexicon;
  uint32_t tag = 0;
  std::vector<Kind> kinds;
  absl::flat_hash_map<std::string, int> kind_index;
  std::vector<Bare> bare;
  std::vector<Trigger> triggers;
  std::vector<DirectionWord> directions;
  std::vector<Marker> markers;
  std::vector<Cue> cues;
  std::vector<Phrase> phrases;
  std::vector<std::string> possessive_suffixes;  // normalized
  std::vector<uint32_t> glued;                   // indexes into `phrases` of glued cues
  // Every part of a phrase of kMinUncasedLetters..kMaxUncasedLetters characters: an
  // uncased run inside a lexicon phrase is no name ("公司" of "该公司").
  absl::flat_hash_set<std::string> phrase_infixes;
  uint32_t default_window = kDefaultWindow;
  uint32_t context_sentences = kDefaultContextSentences;
  bool verb_final = false;
  bool ignore_unknown_names = false;
};

namespace {

using Tables = ClaimAssembler::Tables;

bool Contains(const std::vector<v1::EntityType>& types, v1::EntityType t) {
  return std::find(types.begin(), types.end(), t) != types.end();
}

// A hit of this assembler, in original offsets.
struct Hit {
  uint32_t b;
  uint32_t e;
  PhraseClass cls;
  uint32_t item;
  uint32_t phrase;
};

// An entity in the current sentence: a mention, or an anaphor resolved to an earlier one.
struct EntityAt {
  const v1::EntityRef* ref;
  uint32_t b;
  uint32_t e;
  std::string via;       // for a resolved anaphor: how (filled only when explaining)
  bool pronoun = false;  // an anaphor of persons only ("she", "他"): a subject wherever it is
  bool pseudo = false;   // a resolved anaphor or possessive owner, not a mention
  // An anaphor of organizations only ("the company", "a empresa"): no subject of a kind of
  // persons, whatever unknown name it named.
  bool organization_anaphor = false;
};

struct Anchor {
  uint32_t b, e;                    // trigger or bare change word
  uint32_t join_b = 0, join_e = 0;  // a later trigger of the same kind joined to this one
  int trigger = -1;                 // index into the sentence's trigger hits; -1 for a bare change
  int kind = -1;                    // -1 for a bare change until its quantity and subject decide
  int dir_hit = -1;                 // index into the sentence's direction hits
  uint32_t cb = 0, ce = 0;          // the clause
};

// A claim on its way out, with what merging needs.
struct Pending {
  v1::Claim claim;
  int kind;
  uint32_t order;  // anchor position: the output order
  std::string subject_key;
  std::string object_key;
  int date_rank;  // 0 none, 1 context/vague, 2 stated
};

std::string KeyOf(const v1::EntityRef& r) {
  if (!r.entity().empty()) return r.entity();
  if (!r.key().empty()) return absl::StrCat("~", r.key());
  return absl::StrCat("~", absl::AsciiStrToLower(r.text()));
}

class SentenceAssembler;

// The article-wide state: entities seen so far (for anaphora), dates per sentence (for
// inheritance), the claims found.
struct ArticleState {
  struct Known {
    const v1::EntityRef* ref;
    uint32_t sentence;
    bool product;  // looks like a product name ("Lumen-3")
  };
  std::vector<Known> history;
  absl::flat_hash_map<std::string, std::pair<int, const v1::EntityRef*>> frequency;
  // unknown_frequency: mentions so far of each name the gazetteer does not know, by key.
  // (mentions, first sentence): ties go to the name told first (in the title).
  absl::flat_hash_map<std::string, std::pair<int, uint32_t>> unknown_frequency;
  std::deque<v1::EntityRef> owned;  // stable storage for refs that are not mentions
  std::vector<Pending> claims;
  // short_names: short forms of known entities mentioned so far (ShortKey → the mention).
  absl::flat_hash_map<std::string, const v1::EntityRef*> short_names;
  // hints: the type an unknown name was read as (by "the company", "she", or as the
  // subject of a kind), by key; anaphors of another type pass it by.
  absl::flat_hash_map<std::string, v1::EntityType> hints;
  // by_subject: "kind|subject key" → indexes into `claims`, the candidates for merging.
  absl::flat_hash_map<std::string, std::vector<size_t>> by_subject;
};

class Assembly {
 public:
  Assembly(const Tables& t, const NormalizedText& text,
           absl::Span<const SentenceMentions> sentences, absl::Span<const PhraseHit> hits,
           absl::CivilDay published, bool explain)
      : t_(t),
        text_(text),
        sentences_(sentences),
        hits_(hits),
        published_(published),
        explain_(explain) {
    if (t_.ignore_unknown_names) FindSalientNames();
  }

  std::vector<v1::Claim> Run();

 private:
  // Per-sentence scratch.
  void CollectHits(const SentenceMentions& s);
  bool InsideValue(const SentenceMentions& s, const Hit& h) const;
  // MarkBaselines: which dates of the sentence follow "since"/"after" (baseline_).
  void MarkBaselines(uint32_t si, const SentenceMentions& s);
  bool Baseline(const DateMention& d) const;
  // Located: the name stands right after a LOCATIVE cue ("on the Nasdaq").
  bool Located(const EntityAt& e, int kind) const;
  bool ProductLike(const v1::EntityRef& r, uint32_t end) const;
  void ResolveAnaphors(uint32_t si, const SentenceMentions& s);
  void BuildAnchors(const SentenceMentions& s);
  void ComputeClauses(std::vector<Anchor>& anchors) const;
  void AssembleAnchor(uint32_t si, const SentenceMentions& s, Anchor& a);
  void Remember(uint32_t si, const SentenceMentions& s);
  // Ignored: an unknown name a language that capitalizes every noun does not trust
  // (settings.ignore_unknown_names), unless it is salient: told at least twice, once in
  // the article's title (first line) — "Lufthansa-Aktie springt…", then "plant Lufthansa".
  bool Ignored(const v1::EntityRef& r) const {
    return t_.ignore_unknown_names && r.entity().empty() &&
           r.type() == v1::ENTITY_TYPE_UNSPECIFIED && !salient_.contains(r.key());
  }
  void FindSalientNames();

  uint32_t Chars(uint32_t a, uint32_t b) const;
  void CountChars(const SentenceMentions& s);
  uint32_t Gap(uint32_t b1, uint32_t e1, uint32_t b2, uint32_t e2) const;
  bool BreakBetween(uint32_t a, uint32_t b) const;
  bool SameParagraph(uint32_t prev, uint32_t cur) const;
  // ResolveBack: the antecedent of an anaphor or possessive at `before`; `untyped`: a name
  // the gazetteer does not know may be it.
  const v1::EntityRef* ResolveBack(const std::vector<v1::EntityType>& types, uint32_t si,
                                   uint32_t before, bool untyped, std::string* how) const;
  const DateMention* InheritDate(uint32_t si, const Tables::Kind& kind, uint32_t* from) const;
  std::string Surface(uint32_t b, uint32_t e) const {
    return std::string(text_.original.substr(b, e - b));
  }
  std::string PhraseOf(const Hit& h) const { return t_.phrases[h.phrase].text; }
  bool TypeOk(const v1::EntityRef& r, const std::vector<v1::EntityType>& types, bool untyped) const;
  void AddPending(Pending p);

  absl::flat_hash_set<std::string> salient_;  // keys of trusted unknown names (Ignored)
  const Tables& t_;
  const NormalizedText& text_;
  absl::Span<const SentenceMentions> sentences_;
  absl::Span<const PhraseHit> hits_;
  absl::CivilDay published_;
  bool explain_;
  ArticleState state_;

  // Current sentence.
  std::vector<Hit> triggers_, directions_, markers_, cues_;
  std::vector<uint32_t> breaks_;  // clause-break positions (cue begin), sorted
  std::vector<EntityAt> ents_;
  std::deque<EntityAt> extras_;              // owners of possessives: stable while ents_ is read
  std::vector<std::vector<bool>> baseline_;  // per sentence, per date: a baseline date
  const EntityAt* last_change_subject_ = nullptr;  // this sentence's last change claim
  // The last change claim's subject of the previous sentence (cross-sentence ellipsis).
  const v1::EntityRef* prev_change_ref_ = nullptr;
  const std::vector<v1::EntityType>* prev_change_types_ = nullptr;
  uint32_t prev_change_sentence_ = 0;
  const std::vector<v1::EntityType>* last_change_types_ = nullptr;
  std::vector<Anchor> anchors_;
  std::vector<bool> quantity_used_;
  uint32_t prefix_base_ = 0;
  std::vector<uint32_t> prefix_;  // code points before each byte of the sentence
};

// Chars: code points in [a, b). Inside the current sentence through its prefix counts
// (constant time); elsewhere by counting.
uint32_t Assembly::Chars(uint32_t a, uint32_t b) const {
  if (b <= a) return 0;
  if (a >= prefix_base_ && b - prefix_base_ < prefix_.size()) {
    return prefix_[b - prefix_base_] - prefix_[a - prefix_base_];
  }
  uint32_t n = 0;
  for (uint32_t i = a; i < b && i < text_.original.size(); ++i) {
    if ((static_cast<unsigned char>(text_.original[i]) & 0xC0) != 0x80) ++n;
  }
  return n;
}

void Assembly::CountChars(const SentenceMentions& s) {
  prefix_base_ = s.begin;
  prefix_.assign(1, 0);
  prefix_.reserve(s.end - s.begin + 1);
  for (uint32_t i = s.begin; i < s.end && i < text_.original.size(); ++i) {
    bool lead = (static_cast<unsigned char>(text_.original[i]) & 0xC0) != 0x80;
    prefix_.push_back(prefix_.back() + (lead ? 1 : 0));
  }
}

// Gap: characters between two spans; 0 when they touch or overlap.
uint32_t Assembly::Gap(uint32_t b1, uint32_t e1, uint32_t b2, uint32_t e2) const {
  if (e1 <= b2) return Chars(e1, b2);
  if (e2 <= b1) return Chars(e2, b1);
  return 0;
}

bool Assembly::BreakBetween(uint32_t a, uint32_t b) const {
  if (a > b) std::swap(a, b);
  auto it = std::lower_bound(breaks_.begin(), breaks_.end(), a);
  return it != breaks_.end() && *it < b;
}

// SameParagraph: no line break between the end of sentence `prev` and sentence `cur`
// (sentences never span a line break; see sentences.h).
bool Assembly::SameParagraph(uint32_t prev, uint32_t cur) const {
  for (uint32_t s = prev + 1; s <= cur; ++s) {
    uint32_t from = sentences_[s - 1].end, to = sentences_[s].begin;
    for (uint32_t i = from; i < to && i < text_.original.size(); ++i) {
      if (text_.original[i] == '\n') return false;
    }
  }
  return true;
}

bool Assembly::TypeOk(const v1::EntityRef& r, const std::vector<v1::EntityType>& types,
                      bool untyped) const {
  if (r.type() == v1::ENTITY_TYPE_UNSPECIFIED) return untyped;
  return types.empty() || Contains(types, r.type());
}

// InsideValue: the hit lies inside a figure or a date ("16,9%", "1,234", "27/1"), or is a
// separator between two digits; such a comma is no clause break.
bool Assembly::InsideValue(const SentenceMentions& s, const Hit& h) const {
  for (const QuantityMention& q : s.quantities) {
    if (q.begin <= h.b && h.e <= q.end) return true;
  }
  for (const DateMention& d : s.dates) {
    if (d.begin <= h.b && h.e <= d.end) return true;
  }
  const absl::string_view o = text_.original;
  return h.b > 0 && h.e < o.size() && absl::ascii_isdigit(o[h.b - 1]) &&
         absl::ascii_isdigit(o[h.e]);
}

// ProductLike: a product by type, or a name the gazetteer does not know that carries a
// digit or is followed by one ("GPT-4.5"; "Lumen-3" recognized as "Lumen").
bool Assembly::ProductLike(const v1::EntityRef& r, uint32_t end) const {
  if (r.type() != v1::ENTITY_TYPE_UNSPECIFIED) return r.type() == v1::ENTITY_TYPE_PRODUCT;
  if (std::any_of(r.text().begin(), r.text().end(),
                  [](char c) { return absl::ascii_isdigit(c); })) {
    return true;
  }
  const absl::string_view o = text_.original;
  return end + 1 < o.size() && (o[end] == '-' || o[end] == ' ') && absl::ascii_isdigit(o[end + 1]);
}

// ShortKey: a name as a short form is looked up: lower case, without a possessive "'s".
std::string ShortKey(absl::string_view text) {
  std::string key = absl::AsciiStrToLower(text);
  for (absl::string_view suffix : {"'s", "\u2019s"}) {
    if (absl::EndsWith(key, suffix)) key.resize(key.size() - suffix.size());
  }
  return key;
}

// PersonLike: a name the gazetteer does not know that reads like a person's: its last two
// words capitalized, not all capitals, no digits ("Maren Holt", not "Aurelis", "Qiantang
// AI", "Lumen-3"). Only Latin-script names are found unknown, so case is available.
bool PersonLike(const v1::EntityRef& r) {
  if (r.type() != v1::ENTITY_TYPE_UNSPECIFIED) return r.type() == v1::ENTITY_TYPE_PERSON;
  std::vector<absl::string_view> words = absl::StrSplit(r.text(), ' ', absl::SkipEmpty());
  if (words.size() < 2) return false;
  for (size_t i = words.size() - 2; i < words.size(); ++i) {
    absl::string_view w = words[i];
    if (w.size() < 2 || !absl::ascii_isupper(w[0]) || absl::ascii_isupper(w[1])) return false;
    for (char c : w) {
      if (absl::ascii_isdigit(c)) return false;
    }
  }
  return true;
}

bool Assembly::Baseline(const DateMention& d) const {
  for (const Hit& c : cues_) {
    const Tables::Cue& cue = t_.cues[c.item];
    if (cue.type != v1::CUE_TYPE_SINCE) continue;
    // "since March 2020", "since its December peak", "2020年3月以来".
    if (cue.object_before
            ? (d.end <= c.b && Chars(d.end, c.b) <= kAgentGap && !BreakBetween(d.end, c.b))
            : (d.begin >= c.e && Chars(c.e, d.begin) <= kSinceGap && !BreakBetween(c.e, d.begin))) {
      return true;
    }
    if (d.begin <= c.b && c.e <= d.end) return true;  // the cue inside the date phrase
  }
  return false;
}

void Assembly::MarkBaselines(uint32_t si, const SentenceMentions& s) {
  if (baseline_.size() <= si) baseline_.resize(si + 1);
  baseline_[si].assign(s.dates.size(), false);
  for (size_t i = 0; i < s.dates.size(); ++i) baseline_[si][i] = Baseline(s.dates[i]);
  // A range's first end goes with its second ("जनवरी-मार्च तिमाही", "January-March quarter").
  for (size_t i = s.dates.size(); i-- > 1;) {
    if (!baseline_[si][i] || baseline_[si][i - 1]) continue;
    const uint32_t b = s.dates[i - 1].end, e = s.dates[i].begin;
    if (b > e || Chars(b, e) > kRangeGap) continue;
    // Only a dash between them: "11月12日に7～9月期" is a day, then a quarter.
    const absl::string_view between = absl::StripAsciiWhitespace(text_.original.substr(b, e - b));
    for (absl::string_view dash :
         {"-", "\u2013", "\u2014", "~", "\u301c", "\uff5e", "\u81f3", "\u5230"}) {
      if (between == dash) baseline_[si][i - 1] = true;
    }
  }
}

bool Assembly::Located(const EntityAt& e, int kind) const {
  auto directly = [&](const EntityAt& x) {
    for (const Hit& c : cues_) {
      const Tables::Cue& cue = t_.cues[c.item];
      if (cue.type != v1::CUE_TYPE_LOCATIVE) continue;
      // Right before the name, or the name's own first word ("A Piazza Affari" read as one
      // capitalized run).
      const bool before = c.e <= x.b && Chars(c.e, x.b) <= kAgentGap;
      const bool leading = c.b == x.b && c.e < x.e;
      if (!before && !leading) continue;
      if (cue.kinds.empty() ||
          std::find(cue.kinds.begin(), cue.kinds.end(), kind) != cue.kinds.end()) {
        return true;
      }
    }
    return false;
  };
  // "in Italia e Spagna": a name coordinated right after a located one is located too
  // (a few links back at most).
  const EntityAt* cur = &e;
  for (int step = 0; step < 8; ++step) {
    if (directly(*cur)) return true;
    const EntityAt* prev = nullptr;
    for (const EntityAt& o : ents_) {
      if (o.e <= cur->b && (prev == nullptr || o.e > prev->e)) prev = &o;
    }
    if (prev == nullptr || Chars(prev->e, cur->b) > kCoordinatedGap) return false;
    bool joined = false;
    for (const Hit& c : cues_) {
      if (t_.cues[c.item].type == v1::CUE_TYPE_COORDINATION && c.b >= prev->e && c.e <= cur->b) {
        joined = true;
      }
    }
    if (!joined) return false;
    cur = prev;
  }
  return false;
}

void Assembly::CollectHits(const SentenceMentions& s) {
  triggers_.clear();
  directions_.clear();
  markers_.clear();
  cues_.clear();
  breaks_.clear();
  auto it = std::lower_bound(hits_.begin(), hits_.end(), s.norm_begin,
                             [](const PhraseHit& h, uint32_t b) { return h.begin < b; });
  std::vector<Hit> all;
  for (; it != hits_.end() && it->begin < s.norm_end; ++it) {
    if (it->end > s.norm_end) continue;
    if (it->cls != PhraseClass::kTrigger && it->cls != PhraseClass::kDirection &&
        it->cls != PhraseClass::kModality && it->cls != PhraseClass::kCue) {
      continue;
    }
    if ((it->payload >> kIndexBits) != t_.tag) continue;
    uint32_t index = it->payload & kIndexMask;
    if (index >= t_.phrases.size()) continue;
    const Tables::Phrase& p = t_.phrases[index];
    if (it->end - it->begin > kMaxHitBytes) continue;
    if (all.size() >= kMaxSentenceHits) break;
    all.push_back(
        Hit{text_.OriginalBegin(it->begin), text_.OriginalEnd(it->end), it->cls, p.item, index});
  }
  // Glued cues: right after an entity mention ("CNBC와의").
  for (const EntityMention& m : s.entities) {
    absl::string_view rest = text_.original.substr(std::min<size_t>(m.end, text_.original.size()));
    for (uint32_t index : t_.glued) {
      const Tables::Phrase& p = t_.phrases[index];
      if (absl::StartsWith(rest, p.text)) {
        all.push_back(Hit{m.end, static_cast<uint32_t>(m.end + p.text.size()), PhraseClass::kCue,
                          p.item, index});
      }
    }
  }
  if (!t_.glued.empty()) {
    std::sort(all.begin(), all.end(),
              [](const Hit& a, const Hit& b) { return a.b != b.b ? a.b < b.b : a.e < b.e; });
  }
  // Within a class, matches are read leftmost-longest: a hit overlapping a longer hit of the
  // same class (or one as long that starts earlier) is dropped ("capitalisation" inside
  // "capitalisation boursière", "其" inside "其他", "个人资产" against "资产净值"). Hits on
  // the same span all stay (a phrase listed under two kinds or cue types). `all` is ordered
  // by begin and hits are short, so only neighbours are compared: linear time.
  auto inside_longer = [&](size_t i) {
    const Hit& h = all[i];
    auto beats = [&](const Hit& o) {
      if (o.cls != h.cls || (o.b == h.b && o.e == h.e)) return false;
      if (!(o.b < h.e && h.b < o.e)) return false;
      uint32_t lo = o.e - o.b, lh = h.e - h.b;
      return lo > lh || (lo == lh && o.b < h.b);
    };
    for (size_t j = i; j-- > 0;) {
      if (all[j].b + kMaxHitBytes < h.b) break;
      if (beats(all[j])) return true;
    }
    for (size_t j = i + 1; j < all.size() && all[j].b < h.e; ++j) {
      if (beats(all[j])) return true;
    }
    return false;
  };
  for (size_t i = 0; i < all.size(); ++i) {
    if (inside_longer(i)) continue;
    const Hit& h = all[i];
    switch (h.cls) {
      case PhraseClass::kTrigger:
        triggers_.push_back(h);
        break;
      case PhraseClass::kDirection:
        directions_.push_back(h);
        break;
      case PhraseClass::kModality:
        markers_.push_back(h);
        break;
      default:
        if (t_.cues[h.item].type == v1::CUE_TYPE_BLOCK) break;
        cues_.push_back(h);
        if (t_.cues[h.item].type == v1::CUE_TYPE_CLAUSE_BREAK && !InsideValue(s, h)) {
          breaks_.push_back(h.b);
        }
        break;
    }
  }
  // Two triggers on the same span (a phrase listed under two kinds): keep both; the
  // same phrase twice under one kind would double the claim, so drop exact repeats.
  auto same = [](const Hit& a, const Hit& b) {
    return a.b == b.b && a.e == b.e && a.item == b.item;
  };
  triggers_.erase(std::unique(triggers_.begin(), triggers_.end(), same), triggers_.end());
  std::sort(breaks_.begin(), breaks_.end());
  breaks_.erase(std::unique(breaks_.begin(), breaks_.end()), breaks_.end());
}

const v1::EntityRef* Assembly::ResolveBack(const std::vector<v1::EntityType>& types, uint32_t si,
                                           uint32_t before, bool untyped, std::string* how) const {
  auto typed_ok = [&](const v1::EntityRef& r) {
    return r.type() != v1::ENTITY_TYPE_UNSPECIFIED && (types.empty() || Contains(types, r.type()));
  };
  // A pronoun or "the executive" names an unknown name only if it reads like a person's.
  const bool persons_only =
      !types.empty() && std::all_of(types.begin(), types.end(),
                                    [](v1::EntityType t) { return t == v1::ENTITY_TYPE_PERSON; });
  auto untyped_ok = [&](const v1::EntityRef& r, bool product) {
    if (!untyped || r.type() != v1::ENTITY_TYPE_UNSPECIFIED) return false;
    // An unknown name already read as another type ("the company" named it) is not it.
    auto hint = state_.hints.find(KeyOf(r));
    if (hint != state_.hints.end() && !types.empty() && !Contains(types, hint->second)) {
      return false;
    }
    if (persons_only && !PersonLike(r)) return false;
    return !product || types.empty() || Contains(types, v1::ENTITY_TYPE_PRODUCT);
  };
  // Known entities first, then (when allowed) names the gazetteer does not know: an
  // article about an unknown company calls it "the company" too. Each time this sentence
  // (nearest earlier) before the preceding ones (most recent).
  // This sentence first (nearest earlier), then each preceding sentence (most recent
  // first); within a sentence known entities before unknown names.
  for (int pass = 0; pass < 2; ++pass) {
    if (pass == 1 && !untyped) break;
    const EntityAt* best = nullptr;
    for (const EntityAt& e : ents_) {
      if (e.e > before) continue;
      if (!(pass == 0 ? typed_ok(*e.ref) : untyped_ok(*e.ref, ProductLike(*e.ref, e.e)))) continue;
      if (Located(e, /*kind=*/-1)) continue;  // a place ("a Piazza Affari") is no antecedent
      if (best == nullptr || e.b > best->b) best = &e;
    }
    if (best != nullptr && pass == 1) {
      // An unknown name of this sentence told once ("…told the Financial Review that the
      // group…") yields to one the preceding sentences tell more often.
      auto count_of = [&](const v1::EntityRef& r) {
        auto f = state_.unknown_frequency.find(KeyOf(r));
        return f == state_.unknown_frequency.end() ? 0 : f->second.first;
      };
      const int here = count_of(*best->ref) + 1;
      for (size_t i = state_.history.size(); i-- > 0;) {
        const ArticleState::Known& k = state_.history[i];
        if (k.sentence + kAnaphorSentences < si) break;
        if (untyped_ok(*k.ref, k.product) && count_of(*k.ref) > here) {
          best = nullptr;
          break;
        }
      }
    }
    if (best != nullptr) {
      *how = pass == 0 ? "nearest earlier in the sentence"
                       : "nearest earlier unknown name in the sentence";
      return best->ref;
    }
  }
  // The preceding sentences: for persons sentence by sentence (a person-shaped unknown name
  // one sentence back beats a known person three back); otherwise every known entity of
  // the window before any unknown name (a capitalized "Borsa" is no company).
  auto scan = [&](bool typed, bool one_sentence_at_a_time) -> const v1::EntityRef* {
    size_t end = state_.history.size();
    while (end > 0) {
      const uint32_t sentence = state_.history[end - 1].sentence;
      if (sentence + kAnaphorSentences < si) break;
      size_t begin = end;
      while (begin > 0 && state_.history[begin - 1].sentence == sentence) --begin;
      for (int pass = 0; pass < 2; ++pass) {
        const bool want_typed = one_sentence_at_a_time ? pass == 0 : typed;
        if (pass == 1 && (!one_sentence_at_a_time || !untyped)) break;
        if (!want_typed && !one_sentence_at_a_time) break;  // below: the whole window at once
        for (size_t i = end; i-- > begin;) {
          const ArticleState::Known& k = state_.history[i];
          if (!(want_typed ? typed_ok(*k.ref) : untyped_ok(*k.ref, k.product))) continue;
          if (explain_) {
            *how = absl::StrCat(want_typed ? "most recent" : "most recent unknown name", ", ",
                                si - sentence, " sentence(s) back");
          }
          return k.ref;
        }
      }
      end = begin;
    }
    return nullptr;
  };
  if (persons_only) {
    if (const v1::EntityRef* r = scan(true, true)) return r;
  } else {
    const v1::EntityRef* known = scan(true, false);
    std::string known_how = *how;
    if (!untyped && known != nullptr) return known;
    if (untyped) {
      // Unknown names of the window: the one the article names most ("Grifols" five times
      // before "España" once), the most recent of those. A known entity of the window wins
      // unless the unknown name is told more often: an article about an unknown company
      // names known ones in passing ("…15 Boeing 787s…", then "der Konzern").
      const ArticleState::Known* best = nullptr;
      std::pair<int, int64_t> best_rank;  // (mentions, -first sentence)
      for (size_t i = state_.history.size(); i-- > 0;) {
        const ArticleState::Known& k = state_.history[i];
        if (k.sentence + kAnaphorSentences < si) break;
        if (!untyped_ok(*k.ref, k.product)) continue;
        auto f = state_.unknown_frequency.find(KeyOf(*k.ref));
        std::pair<int, int64_t> rank = {0, -static_cast<int64_t>(k.sentence)};
        if (f != state_.unknown_frequency.end()) {
          rank = {f->second.first, -static_cast<int64_t>(f->second.second)};
        }
        if (best == nullptr || rank > best_rank) {
          best = &k;
          best_rank = rank;
        }
      }
      const int best_count = best_rank.first;
      if (known != nullptr) {
        auto f = state_.frequency.find(KeyOf(*known));
        const int known_count = f == state_.frequency.end() ? 0 : f->second.first;
        if (best == nullptr || best_count <= known_count) {
          *how = known_how;
          return known;
        }
      }
      if (best != nullptr) {
        if (explain_) {
          *how = absl::StrCat("unknown name named most (", best_count, " times), ",
                              si - best->sentence, " sentence(s) back");
        }
        return best->ref;
      }
    }
  }
  // Else the article's most frequent entity of the type so far.
  const v1::EntityRef* main = nullptr;
  int count = 0;
  for (const auto& [key, value] : state_.frequency) {
    if (!typed_ok(*value.second)) continue;
    if (value.first > count || (value.first == count && main != nullptr && key < KeyOf(*main))) {
      main = value.second;
      count = value.first;
    }
  }
  if (main != nullptr && explain_)
    *how = absl::StrCat("the article's main entity (", count, " mentions)");
  return main;
}

void Assembly::ResolveAnaphors(uint32_t si, const SentenceMentions& s) {
  ents_.clear();
  for (const EntityMention& m : s.entities) {
    const v1::EntityRef* ref = &m.ref;
    if (m.ref.entity().empty() && m.ref.type() == v1::ENTITY_TYPE_UNSPECIFIED) {
      // An unknown name that is a known entity told short earlier in the article: a
      // person's last name ("Källenius" after "Ola Källenius"), an organization's first
      // word ("Mercedes" after "Mercedes-Benz" is the gazetteer's; this is for the rest).
      auto known = state_.short_names.find(ShortKey(m.ref.text()));
      if (known != state_.short_names.end()) {
        ref = known->second;
      } else if (Ignored(m.ref)) {
        continue;
      }
    }
    ents_.push_back(EntityAt{ref, m.begin, m.end, ""});
  }
  // Anaphors in text order, each seeing the ones before it.
  for (const Hit& c : cues_) {
    const Tables::Cue& cue = t_.cues[c.item];
    if (cue.type != v1::CUE_TYPE_ANAPHOR) continue;
    bool overlaps = false;
    for (const EntityMention& m : s.entities) {
      if (m.begin < c.e && c.b < m.end) overlaps = true;
    }
    if (overlaps) continue;
    // "the US chipmaker Aurelis Semiconductor": a name right after the noun phrase is its
    // apposition, not something to resolve.
    bool apposition = false;
    for (const EntityAt& m : ents_) {
      if (m.pseudo || m.b < c.e || Chars(c.e, m.b) > kAppositionGap || BreakBetween(c.e, m.b)) {
        continue;
      }
      // A verb in between ("le groupe a gagné 2 % en Bourse") makes it no apposition.
      bool word_between = false;
      for (const auto* list : {&triggers_, &directions_, &markers_}) {
        for (const Hit& h : *list) {
          if (h.b >= c.e && h.e <= m.b) word_between = true;
        }
      }
      if (!word_between) apposition = true;
    }
    if (apposition) continue;
    std::string how;
    const v1::EntityRef* ref = ResolveBack(cue.refers_to, si, c.b, /*untyped=*/true, &how);
    if (ref == nullptr) continue;
    const bool pronoun = cue.refers_to.size() == 1 && cue.refers_to[0] == v1::ENTITY_TYPE_PERSON;
    // "she" tells an unknown name is a person; "the company" is too loose a reading
    // ("…Maren Holt, who owns 2.5% of the company") to tell anything.
    if (ref->type() == v1::ENTITY_TYPE_UNSPECIFIED && pronoun) {
      state_.hints.emplace(KeyOf(*ref), v1::ENTITY_TYPE_PERSON);
    }
    const bool organization =
        !cue.refers_to.empty() &&
        std::all_of(cue.refers_to.begin(), cue.refers_to.end(),
                    [](v1::EntityType t) { return t == v1::ENTITY_TYPE_ORGANIZATION; });
    ents_.push_back(EntityAt{ref, c.b, c.e,
                             explain_ ? absl::StrCat("«", PhraseOf(c), "» → ", how) : "", pronoun,
                             /*pseudo=*/true, organization});
  }
  std::sort(ents_.begin(), ents_.end(),
            [](const EntityAt& a, const EntityAt& b) { return a.b < b.b; });
}

void Assembly::ComputeClauses(std::vector<Anchor>& anchors) const {
  std::sort(anchors.begin(), anchors.end(),
            [](const Anchor& a, const Anchor& b) { return a.b < b.b; });
  for (size_t i = 0; i < anchors.size(); ++i) {
    anchors[i].cb = 0;
    anchors[i].ce = std::numeric_limits<uint32_t>::max();
  }
  for (size_t i = 0; i + 1 < anchors.size(); ++i) {
    Anchor& a = anchors[i];
    Anchor& b = anchors[i + 1];
    // The left anchor reaches to its joined trigger and its change word; the right one
    // starts at its change word when that comes first ("…fortune, which shrank by $4.1
    // billion on the day of the sell-off").
    uint32_t lo = std::max(a.e, a.join_e);
    if (a.dir_hit >= 0 && directions_[a.dir_hit].e > lo && directions_[a.dir_hit].e <= b.b) {
      lo = directions_[a.dir_hit].e;
    }
    uint32_t hi = b.b;
    if (b.dir_hit >= 0 && directions_[b.dir_hit].b < hi && directions_[b.dir_hit].b >= lo) {
      hi = directions_[b.dir_hit].b;
    }
    uint32_t boundary;
    if (hi <= lo) {
      boundary = hi;
    } else {
      boundary = lo + (hi - lo) / 2;
      for (uint32_t p : breaks_) {
        if (p >= lo && p < hi) boundary = p;  // the last break between them
      }
      // Keep UTF-8 boundaries: move to a lead byte.
      while (boundary < hi &&
             (static_cast<unsigned char>(text_.original[boundary]) & 0xC0) == 0x80) {
        ++boundary;
      }
    }
    a.ce = boundary;
    b.cb = boundary;
  }
}

void Assembly::BuildAnchors(const SentenceMentions& s) {
  anchors_.clear();
  for (size_t i = 0; i < triggers_.size() && anchors_.size() < kMaxAnchors; ++i) {
    const int kind = t_.triggers[triggers_[i].item].kind;
    // A kind that needs a figure, in a sentence without one, is no frame: it would only cut
    // the clause of another ("发布了新一代训练芯片…": "训练", training, is a cost frame).
    if (t_.kinds[kind].quantity_required && s.quantities.empty()) continue;
    // An event word ("发布会", "유가증권시장") only keeps the shorter trigger inside it from
    // matching; it frames nothing and cuts no clause.
    const Tables::Kind& k = t_.kinds[kind];
    if (k.silent && !k.directional && k.units.empty()) continue;
    // Two triggers of one kind with no clause break between them name one claim ("spend
    // $65 billion on capital expenditures"): the first stays the anchor and spans both.
    if (!anchors_.empty() && anchors_.back().kind == kind &&
        !BreakBetween(anchors_.back().e, triggers_[i].b)) {
      anchors_.back().join_b = triggers_[i].b;
      anchors_.back().join_e = triggers_[i].e;
      continue;
    }
    Anchor a;
    a.b = triggers_[i].b;
    a.e = triggers_[i].e;
    a.trigger = static_cast<int>(i);
    a.kind = kind;
    anchors_.push_back(a);
  }
  ComputeClauses(anchors_);
  // Change words join the frame of their clause: the nearest one, and any other in the
  // frame's own sub-clause. The rest, unless weak, are bare changes ("la entidad ganó un 2%,
  // y la compañía sumó 1.500 millones de valor de mercado").
  std::vector<bool> absorbed(directions_.size(), false);
  for (Anchor& a : anchors_) {
    const Tables::Kind& k = t_.kinds[a.kind];
    // Kinds that take a figure own the change words of their clause too ("raised capex
    // to $65B", "costs fell 20%"); release, interview and the like do not.
    if (!(k.directional || k.silent || !k.units.empty())) continue;
    for (size_t d = 0; d < directions_.size(); ++d) {
      const Hit& h = directions_[d];
      if (h.b < a.cb || h.b >= a.ce) continue;
      // The change word of the frame's own sub-clause first, then the nearest.
      auto rank = [&](const Hit& x) {
        return std::make_pair(BreakBetween(std::min(x.b, a.b), std::max(x.b, a.b)) ? 1 : 0,
                              Gap(x.b, x.e, a.b, a.e));
      };
      if (a.dir_hit < 0 || rank(h) < rank(directions_[a.dir_hit])) {
        a.dir_hit = static_cast<int>(d);
      }
      if (!BreakBetween(std::min(h.b, a.b), std::max(h.b, a.b))) absorbed[d] = true;
    }
    if (a.dir_hit >= 0) absorbed[a.dir_hit] = true;
  }
  bool added = false;
  for (size_t d = 0; d < directions_.size() && anchors_.size() < kMaxAnchors; ++d) {
    if (absorbed[d] || t_.directions[directions_[d].item].weak) continue;
    // A change word overlapping a trigger is part of it ("股价暴跌" is not two claims).
    bool overlaps = false;
    for (const Anchor& a : anchors_) {
      if (a.trigger >= 0 && directions_[d].b < a.e && a.b < directions_[d].e) overlaps = true;
    }
    if (overlaps) continue;
    // A bare change needs a figure in its own sub-clause; without one it would only cut
    // the sentence into clauses and take context from its neighbours.
    bool figure = false;
    for (const QuantityMention& q : s.quantities) {
      if (!IsUnitClass(q.quantity, v1::UNIT_CLASS_PERCENT) &&
          !IsUnitClass(q.quantity, v1::UNIT_CLASS_MONEY)) {
        continue;
      }
      if (!BreakBetween(std::min(q.begin, directions_[d].b), std::max(q.begin, directions_[d].b))) {
        figure = true;
      }
    }
    if (!figure) continue;
    Anchor a;
    a.b = directions_[d].b;
    a.e = directions_[d].e;
    a.dir_hit = static_cast<int>(d);
    anchors_.push_back(a);
    added = true;
  }
  ComputeClauses(anchors_);
}

const DateMention* Assembly::InheritDate(uint32_t si, const Tables::Kind& kind,
                                         uint32_t* from) const {
  if (kind.no_context_date) return nullptr;
  uint32_t limit = t_.context_sentences;
  for (uint32_t back = 1; back <= limit && back <= si; ++back) {
    uint32_t p = si - back;
    if (!SameParagraph(p, si)) return nullptr;
    const auto& dates = sentences_[p].dates;
    for (size_t i = dates.size(); i-- > 0;) {
      const DateMention& d = dates[i];
      if (std::find(kind.topic_granularity.begin(), kind.topic_granularity.end(),
                    d.when.granularity()) != kind.topic_granularity.end()) {
        continue;
      }
      // A year or a quarter is too coarse to lend ("this year, … that day it fell 3%"),
      // and a baseline ("since March 2020") is nobody's date.
      if (d.when.granularity() == v1::GRANULARITY_YEAR ||
          d.when.granularity() == v1::GRANULARITY_QUARTER) {
        continue;
      }
      if (p < baseline_.size() && i < baseline_[p].size() && baseline_[p][i]) continue;
      *from = p;
      return &d;
    }
  }
  return nullptr;
}

void Assembly::AssembleAnchor(uint32_t si, const SentenceMentions& s, Anchor& a) {
  std::vector<std::string> why;
  const uint32_t cb = std::max(a.cb, s.begin), ce = std::min(a.ce, s.end);
  // The anchor's core: the trigger with its change word.
  uint32_t core_b = a.b, core_e = a.e;
  v1::Direction direction = v1::DIRECTION_UNSPECIFIED;
  v1::Modality implied_modality = v1::MODALITY_UNSPECIFIED;
  if (a.trigger >= 0) {
    const Hit& th = triggers_[a.trigger];
    const Tables::Trigger& tr = t_.triggers[th.item];
    direction = tr.direction;
    implied_modality = tr.modality;
    if (explain_) {
      why.push_back(absl::StrCat("trigger «", PhraseOf(th), "» (", t_.source, ") → ",
                                 t_.kinds[a.kind].name,
                                 tr.direction != v1::DIRECTION_UNSPECIFIED
                                     ? absl::StrCat(", implies ", DirectionName(tr.direction))
                                     : ""));
    }
  }
  if (a.dir_hit >= 0) {
    const Hit& dh = directions_[a.dir_hit];
    core_b = std::min(core_b, dh.b);
    core_e = std::max(core_e, dh.e);
    if (direction == v1::DIRECTION_UNSPECIFIED) {
      direction = t_.directions[dh.item].direction;
      if (explain_) {
        why.push_back(
            absl::StrCat("change word «", PhraseOf(dh), "» → ", DirectionName(direction),
                         a.trigger < 0 ? " (no frame in its clause: a bare change)" : ""));
      }
    }
  }

  // The words the claim hangs on: the trigger and its change word (markers and subjects are
  // placed relative to these).
  std::vector<std::pair<uint32_t, uint32_t>> points = {{a.b, a.e}};
  if (a.dir_hit >= 0) points.push_back({directions_[a.dir_hit].b, directions_[a.dir_hit].e});
  if (a.join_e > 0) points.push_back({a.join_b, a.join_e});
  auto near = [&](uint32_t b, uint32_t e) {
    uint32_t best = std::numeric_limits<uint32_t>::max();
    for (const auto& [pb, pe] : points) best = std::min(best, Gap(b, e, pb, pe));
    return best;
  };

  // Quantity: the nearest unused one in the clause with a unit some candidate kind takes.
  std::vector<int> candidate_kinds;
  if (a.kind >= 0) {
    candidate_kinds.push_back(a.kind);
  } else {
    for (const Tables::Bare& b : t_.bare) {
      if (std::find(candidate_kinds.begin(), candidate_kinds.end(), b.kind) ==
          candidate_kinds.end()) {
        candidate_kinds.push_back(b.kind);
      }
    }
  }
  auto unit_ok = [&](const QuantityMention& q) {
    for (int k : candidate_kinds) {
      const Tables::Kind& kind = t_.kinds[k];
      for (v1::UnitClass u : kind.units) {
        if (!IsUnitClass(q.quantity, u)) continue;
        if (u == v1::UNIT_CLASS_MONEY && kind.min_money > 0) {
          double v = q.quantity.has_high() ? q.quantity.high()
                                           : (q.quantity.has_low() ? q.quantity.low() : 0);
          if (v < kind.min_money) continue;
        }
        if (a.kind < 0) {
          bool bare_ok = false;
          for (const Tables::Bare& b : t_.bare) {
            if (b.kind == k && IsUnitClass(q.quantity, b.unit)) bare_ok = true;
          }
          if (!bare_ok) continue;
        }
        return true;
      }
    }
    return false;
  };
  int quantity = -1;
  const Tables::Kind* kind = a.kind >= 0 ? &t_.kinds[a.kind] : nullptr;
  if (kind == nullptr || (!kind->units.empty() && !kind->silent)) {
    uint32_t best = std::numeric_limits<uint32_t>::max();
    for (size_t i = 0; i < s.quantities.size(); ++i) {
      const QuantityMention& q = s.quantities[i];
      if (quantity_used_[i] || q.begin < cb || q.begin >= ce) continue;
      if (!unit_ok(q)) continue;
      uint32_t g = near(q.begin, q.end);
      if (g < best) {
        best = g;
        quantity = static_cast<int>(i);
      }
    }
  }
  if (kind != nullptr && kind->silent) return;
  if (a.kind < 0 && quantity < 0) return;  // a bare change needs a figure

  // Subject candidates. A bare change tries its rules in order.
  struct Choice {
    const EntityAt* ent = nullptr;
    std::string how;
  };
  std::vector<std::pair<int, const std::vector<v1::EntityType>*>> subject_rules;  // kind, types
  if (a.kind >= 0) {
    subject_rules.push_back({a.kind, &t_.kinds[a.kind].subject_types});
  } else {
    for (const Tables::Bare& b : t_.bare) {
      if (IsUnitClass(s.quantities[quantity].quantity, b.unit)) {
        subject_rules.push_back({b.kind, &b.subject_types});
      }
    }
  }

  // Object first when a marker names it (strong evidence), so the subject can avoid it.
  auto pick_object = [&](const Tables::Kind& k, const EntityAt* avoid, std::string* how,
                         bool markers_only) -> const EntityAt* {
    if (k.object_types.empty()) return nullptr;
    auto rank = [&](const v1::EntityRef& r) -> int {
      if (r.type() == v1::ENTITY_TYPE_UNSPECIFIED) return k.untyped_object ? 100 : -1;
      for (size_t i = 0; i < k.object_types.size(); ++i) {
        if (k.object_types[i] == r.type()) return static_cast<int>(i);
      }
      return -1;
    };
    const EntityAt* best = nullptr;
    int best_rank = 0;
    uint32_t best_gap = 0;
    auto consider = [&](const EntityAt& e, uint32_t gap) {
      if (&e == avoid || e.pseudo) return;
      int r = rank(*e.ref);
      if (r < 0) return;
      // An unknown name is the object of a required-object kind (a release) only when it
      // looks like a product or stands by the trigger: "launched Le Chat", "GPT-4.5".
      if (k.object_required && e.ref->type() == v1::ENTITY_TYPE_UNSPECIFIED &&
          !ProductLike(*e.ref, e.e) && Gap(e.b, e.e, a.b, a.e) > kNearObjectGap) {
        return;
      }
      if (best == nullptr || r < best_rank || (r == best_rank && gap < best_gap)) {
        best = &e;
        best_rank = r;
        best_gap = gap;
      }
    };
    // Between an OBJECT_OPEN cue and the trigger.
    for (const Hit& c : cues_) {
      if (t_.cues[c.item].type != v1::CUE_TYPE_OBJECT_OPEN) continue;
      if (c.e > a.b || c.b < cb) continue;
      for (const EntityAt& e : ents_) {
        if (e.b >= c.e && e.e <= a.b) consider(e, Chars(e.e, a.b));
      }
      if (best != nullptr) {
        if (explain_) *how = absl::StrCat("between «", PhraseOf(c), "» and the trigger");
        return best;
      }
    }
    // Next to an object marker near the trigger.
    for (const Hit& c : cues_) {
      const Tables::Cue& cue = t_.cues[c.item];
      if (cue.type != v1::CUE_TYPE_OBJECT_MARKER) continue;
      if (c.b < cb || c.e > ce) continue;
      if (Gap(c.b, c.e, a.b, a.e) > kMarkerWindow) continue;
      for (const EntityAt& e : ents_) {
        if (cue.object_before) {
          if (e.e <= c.b && Chars(e.e, c.b) <= kAgentGap) consider(e, Chars(e.e, c.b));
        } else if (e.b >= c.e && Chars(c.e, e.b) <= kMarkerGap) {
          consider(e, Chars(c.e, e.b));
        }
      }
      if (best != nullptr) {
        if (explain_) *how = absl::StrCat("next to the object marker «", PhraseOf(c), "»");
        return best;
      }
    }
    // A name right next to the trigger of a kind whose object needs a marker is that
    // object: "podcast Crosscurrent", "播客节目Crosscurrent采访", "Crosscurrent पॉडकास्ट".
    if (k.object_needs_marker) {
      for (const EntityAt& e : ents_) {
        uint32_t gap = Gap(e.b, e.e, a.b, a.e);
        if (gap <= kAdjacentGap) consider(e, gap);
      }
      if (best != nullptr) {
        *how = "right next to the trigger";
        return best;
      }
    }
    if (markers_only || k.object_needs_marker) return nullptr;
    for (const EntityAt& e : ents_) {
      if (e.b >= cb && e.e <= ce) consider(e, near(e.b, e.e));
    }
    if (best != nullptr) *how = "nearest of its type in the clause";
    return best;
  };

  auto pick_subject = [&](int subject_kind, const std::vector<v1::EntityType>& types, bool untyped,
                          bool local_only, bool objectful, bool strict_untyped,
                          const EntityAt* avoid, std::string* how) -> const EntityAt* {
    // A possessive right before the frame, or glued to it, names an earlier owner.
    const Hit* possessive = nullptr;
    for (const Hit& c : cues_) {
      if (t_.cues[c.item].type != v1::CUE_TYPE_POSSESSIVE) continue;
      if (c.e > a.b || c.b < cb || Chars(c.e, a.b) > kPossessiveWindow) continue;
      bool entity_between = false;
      for (const EntityAt& e : ents_) {
        if (e.b >= c.e && e.e <= a.b) entity_between = true;
      }
      if (!entity_between) possessive = &c;
    }
    bool suffix = false;
    if (possessive == nullptr && a.trigger >= 0 && !t_.possessive_suffixes.empty()) {
      // A suffix glued to the frame ("pasarnya"): the trigger matched the word's start.
      absl::string_view rest = text_.original.substr(a.e);
      for (const std::string& sfx : t_.possessive_suffixes) {
        if (rest.size() < sfx.size()) continue;
        if (absl::AsciiStrToLower(std::string(rest.substr(0, sfx.size()))) != sfx) continue;
        if (sfx.size() < rest.size() && absl::ascii_isalnum(rest[sfx.size()])) continue;
        suffix = true;
        if (explain_) why.push_back(absl::StrCat("possessive suffix «-", sfx, "»"));
      }
    }
    if (possessive != nullptr || suffix) {
      uint32_t before = possessive != nullptr ? possessive->b : a.b;
      std::string label = possessive != nullptr ? absl::StrCat("«", PhraseOf(*possessive), "»")
                                                : std::string("the suffix");
      // A possessive of persons only ("his", "her") narrows the types, and a name the
      // gazetteer does not know may then be its owner when the kind takes such names.
      std::vector<v1::EntityType> owner_types = types;
      bool owner_untyped = false;
      if (possessive != nullptr) {
        const auto& refers = t_.cues[possessive->item].refers_to;
        if (!refers.empty()) {
          owner_types.clear();
          for (v1::EntityType x : refers) {
            if (types.empty() || Contains(types, x)) owner_types.push_back(x);
          }
          if (owner_types.empty()) return nullptr;
        }
      }
      owner_untyped = untyped;
      const bool persons_only_owner =
          !owner_types.empty() &&
          std::all_of(owner_types.begin(), owner_types.end(),
                      [](v1::EntityType t) { return t == v1::ENTITY_TYPE_PERSON; });
      // The owner is the first entity of the right type in the possessive's own sub-clause,
      // else in the nearest earlier sub-clause that has one: clause-initial is where the
      // subject stands ("X's shares fell 17%, and its value…", "X 的模型…，但其成本…").
      std::vector<uint32_t> starts = {s.begin};
      for (uint32_t p : breaks_) {
        if (p < before && p >= s.begin) starts.push_back(p);
      }
      uint32_t end = before;
      for (auto it = starts.rbegin(); it != starts.rend(); ++it) {
        const EntityAt* first = nullptr;
        for (const EntityAt& e : ents_) {
          if (e.b < *it || e.e > end || &e == avoid) continue;
          if (!TypeOk(*e.ref, owner_types, untyped)) continue;
          if (persons_only_owner && e.ref->type() == v1::ENTITY_TYPE_UNSPECIFIED &&
              !PersonLike(*e.ref)) {
            continue;
          }
          if (first == nullptr || e.b < first->b) first = &e;
        }
        if (first != nullptr) {
          if (explain_)
            *how = absl::StrCat("owner of the possessive ", label, ": first of its type in ",
                                end == before ? "its sub-clause" : "an earlier sub-clause",
                                first->via.empty() ? "" : absl::StrCat(" (", first->via, ")"));
          return first;
        }
        end = *it;
      }
      std::string back;
      const v1::EntityRef* ref = ResolveBack(owner_types, si, before, owner_untyped, &back);
      if (ref != nullptr) {
        uint32_t pb = possessive != nullptr ? possessive->b : a.e;
        uint32_t pe = possessive != nullptr ? possessive->e : a.e;
        extras_.push_back(EntityAt{ref, pb, pe,
                                   explain_ ? absl::StrCat("possessive ", label, " → ", back) : "",
                                   false, /*pseudo=*/true});
        *how = extras_.back().via;
        return &extras_.back();
      }
      return nullptr;
    }
    // By type and position: the entity's sub-clause (no clause break between it and the
    // trigger or its change word) first, then the rest of the clause, then the sentence,
    // earlier before later; agent-marked entities first, anaphors after the trigger last.
    // A change must find its subject locally ("…, and the shares fell" is no claim about
    // a company named two clauses before).
    const EntityAt* best = nullptr;
    std::tuple<int, int, uint32_t> best_score;
    for (const EntityAt& e : ents_) {
      if (&e == avoid) continue;
      if (!TypeOk(*e.ref, types, untyped)) continue;
      if (e.organization_anaphor && !types.empty() &&
          !Contains(types, v1::ENTITY_TYPE_ORGANIZATION)) {
        continue;
      }
      if (a.b <= e.b && e.e <= a.e && !(e.b == a.b && e.e == a.e)) continue;  // in the trigger
      if (Located(e, subject_kind)) continue;
      // A name with digits ("Lumen-3", "GPT-4.5") is a product: no subject of a kind
      // whose object is the product.
      if (e.ref->type() == v1::ENTITY_TYPE_UNSPECIFIED && ProductLike(*e.ref, e.e) &&
          !Contains(types, v1::ENTITY_TYPE_PRODUCT)) {
        continue;
      }
      bool in_clause = e.b >= cb && e.e <= ce;
      bool before = e.e <= a.b;
      bool local = false;
      for (const auto& [pb, pe] : points) {
        if (e.e <= pb ? !BreakBetween(e.e, pb) : (e.b >= pe ? !BreakBetween(pe, e.b) : true)) {
          local = true;
        }
      }
      int tier = in_clause ? (local ? 0 : 2) : (before ? 3 : 4);
      if (tier == 0 && t_.verb_final && !before) tier = 1;
      if (local_only && tier > 1) continue;
      bool agent = false;
      for (const Hit& c : cues_) {
        const Tables::Cue& cue = t_.cues[c.item];
        if (cue.type != v1::CUE_TYPE_AGENT_MARKER) continue;
        if (cue.subject_before) {
          if (c.b >= e.e && Chars(e.e, c.b) <= kAgentGap) agent = true;
        } else if (e.b >= c.e && Chars(c.e, e.b) <= kAgentPhraseGap && !BreakBetween(c.e, e.b)) {
          // "by the Chinese start-up Qiantang AI": the first name after the marker.
          bool first = true;
          for (const EntityAt& o : ents_) {
            if (o.b >= c.e && o.e <= e.b && &o != &e) first = false;
          }
          if (first) agent = true;
        }
      }
      // An unknown name is the subject of a kind with a required object (a release) only
      // when marked as the agent or right before the trigger: such sentences name many
      // things ("Aurelis sank after the launch of Lumen-3").
      if (strict_untyped && e.ref->type() == v1::ENTITY_TYPE_UNSPECIFIED && !agent &&
          !(before && Chars(e.e, a.b) <= kNearSubjectGap)) {
        continue;
      }
      // Within a tier: known entities before unknown names; agent-marked names first; for
      // kinds with an object, names before the trigger (the subject precedes the verb in
      // SVO and SOV alike, "X 发布的 Y"); names before anaphors ("the stock of X").
      // An unknown name after the verb of an SVO sentence is rather a place or a complement
      // ("…invertirá 400 millones en su planta de Barcelona").
      // An anaphor that names an unknown name ("the group", "la compañía") ranks before the
      // unknown names of the sentence: the article's discourse chose it.
      const bool unknown = e.ref->type() == v1::ENTITY_TYPE_UNSPECIFIED;
      const bool company_anaphor =
          e.pseudo && !e.pronoun && !Contains(types, v1::ENTITY_TYPE_PERSON);
      int sub = (unknown ? (company_anaphor ? 6 : 8) : 0) + (agent ? 0 : 4) +
                ((objectful || (unknown && !t_.verb_final)) && !before ? 2 : 0) +
                (e.pseudo && !e.pronoun ? 1 : 0);
      // Outside its sub-clause, the first name is the likelier subject (the nearest is
      // often an apposition or an object: "Northwind, Acme's largest customer, plans to
      // spend…"); within it, the nearest.
      auto score = std::make_tuple(tier, sub, tier == 2 || tier == 3 ? e.b : near(e.b, e.e));
      if (best == nullptr || score < best_score) {
        best = &e;
        best_score = score;
      }
    }
    if (best != nullptr) {
      static const char* const kTier[] = {"in its sub-clause", "in its sub-clause, after the verb",
                                          "in the clause", "earlier in the sentence",
                                          "later in the sentence"};
      if (explain_)
        *how = absl::StrCat(kTier[std::get<0>(best_score)],
                            std::get<1>(best_score) % 8 < 4 ? ", agent-marked" : "",
                            best->via.empty() ? "" : absl::StrCat(", via ", best->via));
      return best;
    }
    // "X, the Y of Z, fell 3%": the sentence's subject stands before an apposition. For the
    // sentence's first clause: a fitting name that opens the sentence, when exactly one
    // sub-clause (the apposition) lies between it and the change.
    if (local_only && a.cb <= s.begin) {
      std::vector<uint32_t> cuts;  // breaks before the anchor's points
      // The verb: the change word when there is one (the frame may sit in the apposition:
      // "O Ibovespa, principal índice da B3, recuou 0,4%").
      uint32_t first_point = a.dir_hit >= 0 ? directions_[a.dir_hit].b : a.b;
      for (uint32_t p : breaks_) {
        if (p >= s.begin && p < first_point) cuts.push_back(p);
      }
      if (cuts.size() == 2) {
        const EntityAt* first = nullptr;
        for (const EntityAt& e : ents_) {
          if (e.e > cuts.front() || &e == avoid || !TypeOk(*e.ref, types, untyped)) continue;
          // "X, …" or "The X, …": the name opens the sentence and ends its first sub-clause.
          if (Chars(s.begin, e.b) > kOpeningGap || Chars(e.e, cuts.front()) > kOpeningGap) continue;
          if (Located(e, subject_kind)) continue;
          if (first == nullptr || e.b < first->b) first = &e;
        }
        if (first != nullptr) {
          *how = "the sentence's subject before an apposition";
          return first;
        }
      }
    }
    // A change with no subject of its own continues the change of the clause before it
    // ("X's shares fell 17%, and market value dropped $600 billion"; "…急落し、時価総額は…").
    if (local_only && last_change_subject_ != nullptr && last_change_types_ != nullptr &&
        std::any_of(types.begin(), types.end(),
                    [&](v1::EntityType t) { return Contains(*last_change_types_, t); }) &&
        TypeOk(*last_change_subject_->ref, types, untyped) && last_change_subject_ != avoid) {
      *how = "the subject of the change in the clause before (ellipsis)";
      return last_change_subject_;
    }
    // …or the change of the sentence before, in the same paragraph, when this sentence names
    // nothing that could be its subject ("Tesla shares fell 5%. Market value dropped $40
    // billion."; "…急落した。時価総額は約1兆円減少した。").
    if (local_only && last_change_subject_ == nullptr && prev_change_ref_ != nullptr &&
        prev_change_sentence_ + 1 == si && SameParagraph(si - 1, si) &&
        std::any_of(types.begin(), types.end(),
                    [&](v1::EntityType t) { return Contains(*prev_change_types_, t); }) &&
        TypeOk(*prev_change_ref_, types, untyped)) {
      bool named = false;
      for (const EntityAt& e : ents_) {
        if (TypeOk(*e.ref, types, untyped)) named = true;
      }
      if (!named) {
        extras_.push_back(
            EntityAt{prev_change_ref_, a.b, a.b,
                     explain_ ? "the subject of the change in the sentence before" : "", false,
                     /*pseudo=*/true});
        *how = "the subject of the change in the sentence before (ellipsis)";
        return &extras_.back();
      }
    }
    // A figure with no name in its sentence at all ("The programme cost more than $1
    // billion", "दवा के विकास पर … खर्च आया"): the subject is left unsaid, as by "the company",
    // so it is read the way an anaphor is.
    if (!local_only && subject_kind >= 0 && t_.kinds[subject_kind].quantity_required &&
        ents_.empty() && extras_.empty()) {
      std::string back;
      const v1::EntityRef* ref = ResolveBack(types, si, a.b, untyped, &back);
      if (ref != nullptr) {
        extras_.push_back(EntityAt{ref, a.b, a.b,
                                   explain_ ? absl::StrCat("unsaid subject → ", back) : "", false,
                                   /*pseudo=*/true});
        *how = extras_.back().via;
        return &extras_.back();
      }
    }
    return nullptr;
  };

  int chosen_kind = -1;
  const EntityAt* subject = nullptr;
  const EntityAt* object = nullptr;
  std::string subject_how, object_how;
  for (const auto& [k, types] : subject_rules) {
    const Tables::Kind& kd = t_.kinds[k];
    std::string oh;
    const EntityAt* obj = pick_object(kd, nullptr, &oh, /*markers_only=*/true);
    std::string sh;
    const EntityAt* subj = pick_subject(k, *types, kd.untyped_subject, kd.directional || a.kind < 0,
                                        !kd.object_types.empty(), kd.object_required, obj, &sh);
    if (subj == nullptr) continue;
    if (obj == nullptr) obj = pick_object(kd, subj, &oh, false);
    if (obj != nullptr && KeyOf(*obj->ref) == KeyOf(*subj->ref)) obj = nullptr;
    if (kd.object_required && obj == nullptr) continue;
    chosen_kind = k;
    subject = subj;
    object = obj;
    subject_how = sh;
    object_how = oh;
    break;
  }
  if (chosen_kind < 0) return;
  const Tables::Kind& k = t_.kinds[chosen_kind];
  if (k.silent) return;
  if (k.directional && direction == v1::DIRECTION_UNSPECIFIED) return;
  if (quantity >= 0) {
    bool ok = false;
    for (v1::UnitClass u : k.units) ok = ok || IsUnitClass(s.quantities[quantity].quantity, u);
    if (!ok) quantity = -1;
  }
  if (k.quantity_required && quantity < 0) return;

  Pending p;
  p.kind = chosen_kind;
  p.order = a.b;
  v1::Claim& c = p.claim;
  c.set_kind(k.name);
  *c.mutable_subject() = *subject->ref;
  p.subject_key = KeyOf(*subject->ref);
  if (explain_) {
    why.push_back(absl::StrCat("subject «", subject->ref->text(), "» (",
                               v1::EntityType_Name(subject->ref->type()), "): ", subject_how));
  }
  if (object != nullptr) {
    *c.mutable_object() = *object->ref;
    p.object_key = KeyOf(*object->ref);
    if (explain_) {
      why.push_back(absl::StrCat("object «", object->ref->text(), "» (",
                                 v1::EntityType_Name(object->ref->type()), "): ", object_how));
    }
  }
  if (k.directional) c.set_direction(direction);
  if (quantity >= 0) {
    quantity_used_[quantity] = true;
    const QuantityMention& q = s.quantities[quantity];
    *c.mutable_quantity() = q.quantity;
    if (explain_) {
      why.push_back(absl::StrCat("quantity «", q.quantity.text(), "»: nearest ", q.quantity.unit(),
                                 " figure in the clause"));
      for (const std::string& line : q.explain) why.push_back(absl::StrCat("  ", line));
    }
  }

  // Date: one in the anchor's sub-clause, else one before the anchor (a fronted "In
  // January, …", "上个月，…"), else one after it in the clause, else elsewhere in the
  // sentence (the nearest in each tier); else inherited from a preceding sentence.
  auto topic = [&](const DateMention& d) {
    return std::find(k.topic_granularity.begin(), k.topic_granularity.end(),
                     d.when.granularity()) != k.topic_granularity.end();
  };
  auto local_to_points = [&](uint32_t b, uint32_t e) {
    for (const auto& [pb, pe] : points) {
      if (e <= pb ? !BreakBetween(e, pb) : (b >= pe ? !BreakBetween(pe, b) : true)) return true;
    }
    return false;
  };
  static const char* const kDateTier[] = {"in its sub-clause", "before it in the sentence",
                                          "after it in the clause", "later in the sentence"};
  const DateMention* date = nullptr;
  std::tuple<int, uint32_t> date_score;
  auto baseline = [&](const DateMention& d) {
    const size_t i = static_cast<size_t>(&d - s.dates.data());
    return si < baseline_.size() && i < baseline_[si].size() ? baseline_[si][i] : Baseline(d);
  };
  // A "since"/"after" that governs no date of its own leads to another event.
  auto since_between = [&](uint32_t from, uint32_t to) {
    for (const Hit& c : cues_) {
      const Tables::Cue& cue = t_.cues[c.item];
      if (cue.type != v1::CUE_TYPE_SINCE || c.b < from || c.e > to) continue;
      bool governs = false;
      for (const DateMention& o : s.dates) {
        if (cue.object_before ? (o.end <= c.b && Chars(o.end, c.b) <= kMarkerGap)
                              : (o.begin >= c.e && Chars(c.e, o.begin) <= kMarkerGap)) {
          governs = true;
        }
      }
      if (!governs) return true;
    }
    return false;
  };
  for (const DateMention& d : s.dates) {
    if (topic(d) || baseline(d)) continue;
    bool in_clause = d.begin >= cb && d.end <= ce;
    int tier = local_to_points(d.begin, d.end) ? 0 : (d.end <= a.b ? 1 : (in_clause ? 2 : 3));
    // "Shares rose on Wednesday, a day after the company reported results": a date before
    // an "after"/"since" that leads to the anchor belongs to something else.
    if (tier == 1 && since_between(d.end, a.b)) continue;
    auto score = std::make_tuple(tier, near(d.begin, d.end));
    if (date == nullptr || score < date_score) {
      date = &d;
      date_score = score;
    }
  }
  p.date_rank = 0;
  bool future = false;
  if (date != nullptr) {
    *c.mutable_when() = date->when;
    future = date->future;
    p.date_rank = date->when.granularity() == v1::GRANULARITY_VAGUE ? 1 : 2;
    if (explain_) {
      why.push_back(
          absl::StrCat("date «", date->when.text(), "»: ", kDateTier[std::get<0>(date_score)]));
    }
  } else {
    uint32_t from = 0;
    bool own_time = false;
    for (const Hit& h : cues_) {
      if (t_.cues[h.item].type == v1::CUE_TYPE_OWN_TIME) own_time = true;
    }
    const DateMention* inherited = own_time ? nullptr : InheritDate(si, k, &from);
    if (inherited != nullptr) {
      *c.mutable_when() = inherited->when;
      c.mutable_when()->set_anchor(v1::ANCHOR_CONTEXT);
      future = inherited->future;
      p.date_rank = 1;
      if (explain_) {
        why.push_back(absl::StrCat("date «", inherited->when.text(), "»: inherited from ",
                                   si - from, " sentence(s) before (anchor context)"));
      }
    }
  }

  // Modality: markers in scope; negation wins over expectation over hearsay.
  auto rank = [](v1::Modality m) {
    switch (m) {
      case v1::MODALITY_NEGATED:
        return 3;
      case v1::MODALITY_EXPECTED:
        return 2;
      case v1::MODALITY_REPORTED:
        return 1;
      default:
        return 0;
    }
  };
  v1::Modality modality = implied_modality;
  std::string modality_why;
  if (implied_modality != v1::MODALITY_UNSPECIFIED) modality_why = "implied by the trigger";
  for (const Hit& m : markers_) {
    const Tables::Marker& mk = t_.markers[m.item];
    uint32_t window = mk.window != 0 ? mk.window : t_.default_window;
    bool in = false;
    switch (mk.scope) {
      case v1::MODALITY_SCOPE_BEFORE:
        for (const auto& [pb, pe] : points) {
          // A marker on the trigger itself counts ("spenderà" is a trigger in the future).
          if (m.b < pe && pb < m.e) in = true;
          if (m.e <= pb && Chars(m.e, pb) <= window && !BreakBetween(m.e, pb)) in = true;
        }
        break;
      case v1::MODALITY_SCOPE_AFTER:
        for (const auto& [pb, pe] : points) {
          if (m.b < pe && pb < m.e) in = true;
          if (m.b >= pe && Chars(pe, m.b) <= window && !BreakBetween(pe, m.b)) in = true;
        }
        break;
      case v1::MODALITY_SCOPE_AROUND:
        in = Gap(m.b, m.e, core_b, core_e) <= window &&
             !BreakBetween(std::min(m.b, core_b), std::max(m.b, core_b));
        break;
      case v1::MODALITY_SCOPE_SENTENCE:
        in = true;
        break;
      default:  // CLAUSE
        in = m.b >= cb && m.e <= ce;
        break;
    }
    if (!in) continue;
    if (mk.suppress) {
      if (explain_) why.push_back(absl::StrCat("suppressed: «", PhraseOf(m), "» (a hypothetical)"));
      return;
    }
    if (rank(mk.modality) > rank(modality)) {
      modality = mk.modality;
      modality_why = absl::StrCat("marker «", PhraseOf(m), "»");
    }
  }
  if (future && rank(v1::MODALITY_EXPECTED) > rank(modality)) {
    modality = v1::MODALITY_EXPECTED;
    modality_why = "the date is after the publication date";
  }
  c.set_modality(modality == v1::MODALITY_UNSPECIFIED ? v1::MODALITY_ASSERTED : modality);
  // What happened happened by the publication: "this year" of a past change is the year so
  // far.
  if (c.has_when() && c.modality() != v1::MODALITY_EXPECTED && !c.when().to().empty()) {
    const std::string published = FormatIsoDate(published_);
    if (c.when().from() <= published && c.when().to() > published) {
      c.mutable_when()->set_to(published);
      if (explain_) why.push_back(absl::StrCat("date: ends at the publication date ", published));
    }
  }
  if (explain_ && !modality_why.empty()) {
    why.push_back(absl::StrCat("modality ", ModalityName(modality), ": ", modality_why));
  }
  c.mutable_evidence()->set_begin(s.begin);
  c.mutable_evidence()->set_end(s.end);
  float confidence = 0.5f;
  if (a.trigger >= 0) confidence += 0.2f;
  if (!subject->pseudo && subject->ref->type() != v1::ENTITY_TYPE_UNSPECIFIED) {
    confidence += 0.15f;
  }
  if (quantity >= 0 || k.units.empty()) confidence += 0.1f;
  c.set_confidence(std::min(confidence, 0.95f));
  if (explain_) {
    for (std::string& line : why) c.add_explain(std::move(line));
  }
  // Coordinated subjects ("Google, Apple and Microsoft held calls") each get the claim when
  // the kind is distributive: same-type names joined by coordination cues, other names
  // (their executives) allowed in between.
  std::vector<const EntityAt*> members;
  if (k.distributive && !subject->pseudo) {
    auto coordinated = [&](const EntityAt& x, const EntityAt& y) {
      if (Chars(x.e, y.b) > kCoordinationGap) return false;
      for (const Hit& c : cues_) {
        if (t_.cues[c.item].type == v1::CUE_TYPE_COORDINATION && c.b >= x.e && c.e <= y.b) {
          return true;
        }
      }
      return false;
    };
    size_t at = 0;
    while (at < ents_.size() && &ents_[at] != subject) ++at;
    const EntityAt* cur = subject;
    for (size_t j = at; j-- > 0 && at < ents_.size();) {
      const EntityAt& e = ents_[j];
      if (e.pseudo || e.ref->type() != subject->ref->type()) continue;
      if (!coordinated(e, *cur)) break;
      members.push_back(&e);
      cur = &e;
    }
    cur = subject;
    for (size_t j = at + 1; j < ents_.size(); ++j) {
      const EntityAt& e = ents_[j];
      if (e.pseudo || e.ref->type() != subject->ref->type()) continue;
      if (!coordinated(*cur, e)) break;
      members.push_back(&e);
      cur = &e;
    }
  }
  for (const EntityAt* m : members) {
    Pending q = p;
    *q.claim.mutable_subject() = *m->ref;
    q.subject_key = KeyOf(*m->ref);
    if (explain_) {
      q.claim.add_explain(absl::StrCat("subject «", m->ref->text(), "» coordinated with «",
                                       subject->ref->text(), "» (distributive kind)"));
    }
    AddPending(std::move(q));
  }
  if (subject->ref->type() == v1::ENTITY_TYPE_UNSPECIFIED && !k.subject_types.empty() &&
      k.subject_types[0] != v1::ENTITY_TYPE_PRODUCT) {
    state_.hints[KeyOf(*subject->ref)] = k.subject_types[0];
  }
  if (k.directional) {
    last_change_subject_ = subject;
    last_change_types_ = &k.subject_types;
  }
  AddPending(std::move(p));
}

// Rounded: one exact figure is the other cut to a whole number, as headlines tell it
// ("shares jump 9%" over "rose 9.2% on Thursday").
bool Rounded(const v1::Quantity& x, const v1::Quantity& y) {
  auto exact = [](const v1::Quantity& q) {
    return q.has_low() && q.has_high() && q.low() == q.high() && q.low() > 0;
  };
  if (!exact(x) || !exact(y) || x.low() == y.low()) return false;
  const double whole = std::min(x.low(), y.low()), precise = std::max(x.low(), y.low());
  return whole == std::floor(whole) && precise != std::floor(precise) && precise - whole < 1;
}

// QuantitiesCompatible: the same figure told twice (bounds equal within 2%, an open bound
// open in both), or one telling without a figure; with `rounding`, also a whole percentage
// and the precise one it cuts (Rounded). Overlap is not enough: "more than 6%" and "more
// than 11%" are two claims.
bool QuantitiesCompatible(const v1::Claim& a, const v1::Claim& b, bool rounding) {
  if (!a.has_quantity() || !b.has_quantity()) return true;
  const v1::Quantity& x = a.quantity();
  const v1::Quantity& y = b.quantity();
  if (x.unit() != y.unit()) return false;
  if (rounding && x.unit() == "percent" && Rounded(x, y)) return true;
  auto same = [](bool hx, double vx, bool hy, double vy) {
    if (hx != hy) return false;
    return !hx || std::fabs(vx - vy) <= 0.02 * std::max(std::fabs(vx), std::fabs(vy));
  };
  return same(x.has_low(), x.low(), y.has_low(), y.low()) &&
         same(x.has_high(), x.high(), y.has_high(), y.high());
}

bool DatesCompatible(const v1::Claim& a, const v1::Claim& b) {
  if (!a.has_when() || !b.has_when()) return true;
  if (a.when().granularity() == v1::GRANULARITY_VAGUE ||
      b.when().granularity() == v1::GRANULARITY_VAGUE) {
    return true;
  }
  // ISO dates compare as strings.
  return a.when().from() <= b.when().to() && b.when().from() <= a.when().to();
}

void Assembly::AddPending(Pending p) {
  // The same claim told again (a repeated headline, a recap): one claim, the most
  // informative telling, with what the other adds.
  // Names the gazetteer does not know meet by key prefix: "Aurelis" is "Aurelis
  // Semiconductor" told short. The claim files under the first telling's key.
  if (absl::StartsWith(p.subject_key, "~")) {
    const std::string prefix = absl::StrCat(p.kind, "|~");
    for (const auto& [key, indexes] : state_.by_subject) {
      if (!absl::StartsWith(key, prefix) || indexes.empty()) continue;
      absl::string_view other = absl::string_view(key).substr(prefix.size());
      absl::string_view mine = absl::string_view(p.subject_key).substr(1);
      if (std::min(other.size(), mine.size()) < kMinKeyPrefix) continue;
      if (absl::StartsWith(other, mine) || absl::StartsWith(mine, other)) {
        p.subject_key = absl::StrCat("~", other);
        break;
      }
    }
  }
  std::vector<size_t>& same_subject = state_.by_subject[absl::StrCat(p.kind, "|", p.subject_key)];
  for (size_t index : same_subject) {
    Pending& k = state_.claims[index];
    const v1::Claim& x = k.claim;
    const v1::Claim& y = p.claim;
    if (k.kind != p.kind || k.subject_key != p.subject_key) continue;
    if (!k.object_key.empty() && !p.object_key.empty() && k.object_key != p.object_key) continue;
    if (x.direction() != y.direction()) continue;
    if ((x.modality() == v1::MODALITY_NEGATED) != (y.modality() == v1::MODALITY_NEGATED)) continue;
    // An undated telling (a headline) may round the figure of the dated one.
    if (!QuantitiesCompatible(x, y, !x.has_when() || !y.has_when()) || !DatesCompatible(x, y)) {
      continue;
    }
    auto info = [](const Pending& q) {
      return (q.claim.has_quantity() ? 8 : 0) + q.date_rank * 2 + (q.object_key.empty() ? 0 : 1);
    };
    Pending* keep = &k;
    Pending other = p;
    if (info(p) > info(k)) {
      other = k;
      k = std::move(p);
    }
    v1::Claim& c = keep->claim;
    if (!c.has_object() && other.claim.has_object()) {
      *c.mutable_object() = other.claim.object();
      keep->object_key = other.object_key;
    }
    if (!c.has_quantity() && other.claim.has_quantity()) {
      *c.mutable_quantity() = other.claim.quantity();
    }
    if (keep->date_rank < other.date_rank) {
      *c.mutable_when() = other.claim.when();
      keep->date_rank = other.date_rank;
    }
    if (other.claim.modality() == v1::MODALITY_EXPECTED && c.modality() != v1::MODALITY_NEGATED) {
      c.set_modality(v1::MODALITY_EXPECTED);
    }
    if (explain_) {
      c.add_explain(absl::StrCat("merged with the same claim at bytes ",
                                 other.claim.evidence().begin(), "..",
                                 other.claim.evidence().end()));
    }
    return;
  }
  same_subject.push_back(state_.claims.size());
  state_.claims.push_back(std::move(p));
}

void Assembly::Remember(uint32_t si, const SentenceMentions& s) {
  // Mentions, resolved anaphors and possessive owners, in text order: later "the company"
  // finds the most recent of them.
  struct At {
    uint32_t pos;
    const v1::EntityRef* ref;
    bool product;
  };
  std::vector<At> seen;
  for (const EntityMention& m : s.entities) {
    if (Ignored(m.ref)) continue;
    seen.push_back({m.begin, &m.ref, ProductLike(m.ref, m.end)});
    if (m.ref.type() == v1::ENTITY_TYPE_UNSPECIFIED) {
      auto [slot, fresh] = state_.unknown_frequency.try_emplace(KeyOf(m.ref), 0, si);
      ++slot->second.first;
      continue;
    }
    // Short forms later mentions may use: a person's last word, an organization's first.
    std::vector<absl::string_view> words =
        absl::StrSplit(m.ref.text(), absl::ByAnyChar(" -"), absl::SkipEmpty());
    if (words.size() >= 2) {
      absl::string_view word = m.ref.type() == v1::ENTITY_TYPE_PERSON         ? words.back()
                               : m.ref.type() == v1::ENTITY_TYPE_ORGANIZATION ? words.front()
                                                                              : "";
      if (word.size() >= kMinKeyPrefix) state_.short_names.emplace(ShortKey(word), &m.ref);
    }
    auto& slot = state_.frequency[KeyOf(m.ref)];
    ++slot.first;
    if (slot.second == nullptr) slot.second = &m.ref;
  }
  for (const EntityAt& e : ents_) {
    if (e.pseudo) seen.push_back({e.b, e.ref, false});
  }
  for (const EntityAt& e : extras_) seen.push_back({e.b, e.ref, false});
  std::stable_sort(seen.begin(), seen.end(),
                   [](const At& a, const At& b) { return a.pos < b.pos; });
  for (const At& a : seen) state_.history.push_back({a.ref, si, a.product});
}

void Assembly::FindSalientNames() {
  const size_t title_end = text_.original.find('\n');
  absl::flat_hash_map<std::string, std::pair<int, bool>> seen;  // key → (mentions, in title)
  for (const SentenceMentions& s : sentences_) {
    for (const EntityMention& m : s.entities) {
      if (!m.ref.entity().empty() || m.ref.type() != v1::ENTITY_TYPE_UNSPECIFIED) continue;
      if (m.ref.key().size() < kMinKeyPrefix) continue;
      auto& slot = seen[m.ref.key()];
      ++slot.first;
      if (title_end == absl::string_view::npos || m.begin < title_end) slot.second = true;
    }
  }
  for (const auto& [key, value] : seen) {
    if (value.first >= 2 && value.second) salient_.insert(key);
  }
}

std::vector<v1::Claim> Assembly::Run() {
  for (uint32_t si = 0; si < sentences_.size(); ++si) {
    const SentenceMentions& s = sentences_[si];
    CollectHits(s);
    extras_.clear();
    CountChars(s);
    MarkBaselines(si, s);
    ResolveAnaphors(si, s);
    if (triggers_.empty() && directions_.empty()) {
      Remember(si, s);  // anaphors still name their antecedents for later sentences
      continue;
    }
    last_change_subject_ = nullptr;
    last_change_types_ = nullptr;
    BuildAnchors(s);
    quantity_used_.assign(s.quantities.size(), false);
    // In text order: clauses are disjoint, so each anchor sees only its own figures, and a
    // clause may continue the subject of the change before it.
    for (Anchor& a : anchors_) AssembleAnchor(si, s, a);
    if (last_change_subject_ != nullptr) {
      prev_change_ref_ = last_change_subject_->ref;
      prev_change_types_ = last_change_types_;
      prev_change_sentence_ = si;
    }
    Remember(si, s);
  }
  std::stable_sort(state_.claims.begin(), state_.claims.end(),
                   [](const Pending& a, const Pending& b) { return a.order < b.order; });
  std::vector<v1::Claim> out;
  out.reserve(state_.claims.size());
  for (Pending& p : state_.claims) out.push_back(std::move(p.claim));
  return out;
}

// Names in scripts without capitals (Han, Katakana, Hangul) that the gazetteer does not
// know: the entity recognizer finds unknown names by capitals, which these scripts lack,
// so they are read here from where a subject stands and from repetition. In a sentence,
// a run of such letters (between spaces, punctuation, digits, other scripts, and any
// mention or lexicon phrase) gives
//   - at the start of its clause: its longest prefix that the article repeats most often
//     ("대한항공은 …" → 대한항공, written five times);
//   - right before a trigger, a change word, an agent marker, a date or a figure: its
//     longest suffix the article repeats most often ("企业摩尔线程6月10日发布" → 摩尔线程);
//   - right before an agent marker ("ラピダスは"), the whole run even when told once.
// Names have 3 to 8 letters.
// A candidate must be repeated (twice in the article) and in its title (first line), and
// be no part of a lexicon phrase, except in the last case. Returns the sentences with the
// names added, or nothing when none was found. Linear in
// the article up to kMaxUncasedBytes, whose repetition counts are capped; longer articles
// get none.
constexpr size_t kMaxUncasedBytes = 64 * 1024;
constexpr size_t kMinUncasedLetters = 3;  // two are mostly common nouns ("항공", "公司")
constexpr size_t kMaxUncasedLetters = 8;
constexpr size_t kMaxUncasedCounts = 512;

bool UncasedLetter(UChar32 c) {
  if (c == 0x30FC) return true;  // the Katakana prolonged sound mark
  if (c < 0x1100 || !u_isalpha(c)) return false;
  UErrorCode status = U_ZERO_ERROR;
  const UScriptCode script = uscript_getScript(c, &status);
  return U_SUCCESS(status) &&
         (script == USCRIPT_HAN || script == USCRIPT_KATAKANA || script == USCRIPT_HANGUL);
}

size_t Chars(absl::string_view w) {
  size_t n = 0;
  for (char ch : w) n += (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
  return n;
}

bool UncasedPunctuation(UChar32 c) {
  return c == ',' || c == ';' || c == ':' || c == 0xFF0C || c == 0xFF1B || c == 0xFF1A ||
         c == 0x3001 || c == 0x3002 || c == '(' || c == 0xFF08 || c == 0x300C || c == 0x201C ||
         c == '"';
}

std::vector<SentenceMentions> WithUncasedNames(const Tables& t, const NormalizedText& text,
                                               absl::Span<const SentenceMentions> sentences,
                                               absl::Span<const PhraseHit> hits, bool explain) {
  std::vector<SentenceMentions> out;  // a copy of `sentences` once a name is found
  const absl::string_view o = text.original;
  if (o.size() > kMaxUncasedBytes) return out;
  // Quick exit: no letter of these scripts at all.
  bool any = false;
  for (size_t i = 0; i < o.size() && !any; ++i) {
    any = static_cast<unsigned char>(o[i]) >= 0xE1 && static_cast<unsigned char>(o[i]) <= 0xED;
  }
  if (!any) return out;
  // Lexicon phrases of this assembler: blocked; triggers, change words, agent markers: stops.
  std::vector<std::pair<uint32_t, uint32_t>> blocked;
  std::vector<uint32_t> stops, agents, breaks;
  for (const PhraseHit& h : hits) {
    if (h.cls == PhraseClass::kEntity) continue;
    const bool assembler = h.cls == PhraseClass::kTrigger || h.cls == PhraseClass::kDirection ||
                           h.cls == PhraseClass::kModality || h.cls == PhraseClass::kCue;
    if (assembler && (h.payload >> kIndexBits) != t.tag) continue;  // another language's
    const uint32_t b = text.OriginalBegin(h.begin), e = text.OriginalEnd(h.end);
    blocked.push_back({b, e});
    if (!assembler) continue;
    const uint32_t index = h.payload & kIndexMask;
    if (index >= t.phrases.size()) continue;
    const Tables::Phrase& p = t.phrases[index];
    if (h.cls == PhraseClass::kTrigger || h.cls == PhraseClass::kDirection) stops.push_back(b);
    if (h.cls == PhraseClass::kCue) {
      const Tables::Cue& cue = t.cues[p.item];
      if (cue.type == v1::CUE_TYPE_AGENT_MARKER && cue.subject_before) agents.push_back(b);
      if (cue.type == v1::CUE_TYPE_CLAUSE_BREAK) breaks.push_back(e);
    }
  }
  for (const SentenceMentions& s : sentences) {
    for (const EntityMention& m : s.entities) blocked.push_back({m.begin, m.end});
    for (const DateMention& d : s.dates) {
      blocked.push_back({d.begin, d.end});
      stops.push_back(d.begin);
    }
    for (const QuantityMention& q : s.quantities) {
      blocked.push_back({q.begin, q.end});
      stops.push_back(q.begin);
    }
  }
  std::sort(blocked.begin(), blocked.end());
  std::sort(stops.begin(), stops.end());
  std::sort(agents.begin(), agents.end());
  std::sort(breaks.begin(), breaks.end());
  auto contains = [](const std::vector<uint32_t>& v, uint32_t x) {
    return std::binary_search(v.begin(), v.end(), x);
  };
  std::vector<std::string> glued_agents;
  for (uint32_t index : t.glued) {
    const Tables::Phrase& p = t.phrases[index];
    const Tables::Cue& cue = t.cues[p.item];
    if (cue.type == v1::CUE_TYPE_AGENT_MARKER && cue.subject_before) glued_agents.push_back(p.text);
  }
  auto agent_at = [&](uint32_t pos) {
    if (contains(agents, pos)) return true;
    for (const std::string& g : glued_agents) {
      if (absl::StartsWith(o.substr(pos), g)) return true;
    }
    return false;
  };
  absl::flat_hash_map<std::string, int> counts;
  auto count = [&](absl::string_view w) -> int {
    auto it = counts.find(w);
    if (it != counts.end()) return it->second;
    if (counts.size() >= kMaxUncasedCounts) return 0;
    int n = 0;
    for (size_t at = o.find(w); at != absl::string_view::npos && n < 8;
         at = o.find(w, at + w.size())) {
      ++n;
    }
    counts.emplace(std::string(w), n);
    return n;
  };
  // A repeated name is one the article is about: its title (first line) names it too, and
  // it is no part of a lexicon phrase ("公司" of "该公司").
  const absl::string_view title =
      sentences.empty() ? absl::string_view() : o.substr(0, o.find('\n'));
  absl::flat_hash_map<std::string, bool> titled_cache;
  auto titled = [&](absl::string_view w) {
    auto it = titled_cache.find(w);
    if (it != titled_cache.end()) return it->second;
    const bool ok = absl::StrContains(title, w) && !t.phrase_infixes.contains(w);
    titled_cache.emplace(std::string(w), ok);
    return ok;
  };
  absl::flat_hash_map<std::string, std::string> keys;  // surface → Gazetteer::Key
  const auto* bytes = reinterpret_cast<const uint8_t*>(o.data());
  for (size_t si = 0; si < sentences.size(); ++si) {
    const SentenceMentions& s = sentences[si];
    std::vector<EntityMention> found;
    size_t bi =
        std::lower_bound(blocked.begin(), blocked.end(), std::make_pair(s.begin, uint32_t{0})) -
        blocked.begin();
    if (bi > 0) --bi;
    bool clause_start = true;
    int32_t i = static_cast<int32_t>(s.begin);
    const int32_t end = static_cast<int32_t>(std::min<size_t>(s.end, o.size()));
    while (i < end) {
      while (bi < blocked.size() && blocked[bi].second <= static_cast<uint32_t>(i)) ++bi;
      if (bi < blocked.size() && blocked[bi].first <= static_cast<uint32_t>(i)) {
        i = static_cast<int32_t>(blocked[bi].second);
        clause_start = contains(breaks, static_cast<uint32_t>(i));
        continue;
      }
      int32_t next = i;
      UChar32 c;
      U8_NEXT(bytes, next, end, c);
      if (!UncasedLetter(c)) {
        if (UncasedPunctuation(c)) {
          clause_start = true;
        } else if (c != ' ' && c != 0x3000 && c != 0x300C && c != 0x300D) {
          clause_start = false;
        }
        i = next;
        continue;
      }
      // A run of letters, up to a blocked span or another character.
      std::vector<uint32_t> starts;  // byte offset of each letter, then the run's end
      int32_t j = i;
      while (j < end) {
        if (bi < blocked.size() && blocked[bi].first <= static_cast<uint32_t>(j)) break;
        int32_t k = j;
        UChar32 d;
        U8_NEXT(bytes, k, end, d);
        if (!UncasedLetter(d)) break;
        starts.push_back(static_cast<uint32_t>(j));
        j = k;
      }
      const uint32_t run_end = static_cast<uint32_t>(j);
      starts.push_back(run_end);
      const size_t n = starts.size() - 1;
      uint32_t after = run_end;
      while (after < static_cast<uint32_t>(end) && o[after] == ' ') ++after;
      const bool initial = clause_start;
      const bool before_stop = contains(stops, after) || agent_at(run_end);
      clause_start = false;
      i = j;
      if (n < kMinUncasedLetters) continue;
      uint32_t best_b = 0, best_e = 0;
      int best_count = 0;
      size_t best_score = 0;
      std::string why;
      auto consider = [&](uint32_t b, uint32_t e, const char* how) {
        const absl::string_view w = o.substr(b, e - b);
        if (!titled(w)) return;  // first: the title is short, counting scans the article
        const int k = count(w);
        if (k < 2) return;
        // Repeated most and longest: occurrences times letters ("대한항공" told five times
        // beats "항공" told eight times, and "대한항공은" told twice).
        const size_t letters = Chars(w);
        if (k * letters > best_score || (k * letters == best_score && e - b > best_e - best_b)) {
          best_b = b;
          best_e = e;
          best_count = k;
          best_score = k * letters;
          why = how;
        }
      };
      const size_t longest = std::min(n, kMaxUncasedLetters);
      for (size_t len = kMinUncasedLetters; len <= longest; ++len) {
        if (initial) consider(starts[0], starts[len], "at a clause start, repeated");
        if (before_stop) consider(starts[n - len], run_end, "before the verb, repeated");
      }
      if (best_count == 0 && agent_at(run_end) && n >= 3 && n <= kMaxUncasedLetters) {
        best_b = starts[0];
        best_e = run_end;
        why = "marked as the agent";
      }
      if (best_e == 0) continue;
      EntityMention m;
      m.begin = best_b;
      m.end = best_e;
      const std::string surface(o.substr(best_b, best_e - best_b));
      m.ref.set_text(surface);
      // Keys are transliterated by ICU (slow); the same name recurs, so once per name.
      auto key = keys.find(surface);
      if (key == keys.end()) key = keys.emplace(surface, Gazetteer::Key(surface)).first;
      m.ref.set_key(key->second);
      if (explain) {
        m.explain.push_back(absl::StrCat("entity: unknown name \"", surface, "\" (", why, ")"));
      }
      found.push_back(std::move(m));
    }
    if (found.empty()) continue;
    if (out.empty()) out.assign(sentences.begin(), sentences.end());
    std::vector<EntityMention>& entities = out[si].entities;
    for (EntityMention& m : found) entities.push_back(std::move(m));
    std::stable_sort(
        entities.begin(), entities.end(),
        [](const EntityMention& a, const EntityMention& b) { return a.begin < b.begin; });
  }
  return out;
}

}  // namespace

ClaimAssembler::ClaimAssembler(std::unique_ptr<Tables> tables) : tables_(std::move(tables)) {}
ClaimAssembler::~ClaimAssembler() = default;

const std::string& ClaimAssembler::lang() const { return tables_->lang; }
const v1::ClaimLexicon& ClaimAssembler::lexicon() const { return tables_->lexicon; }

absl::StatusOr<std::unique_ptr<ClaimAssembler>> ClaimAssembler::Create(
    const std::string& lang, const v1::ClaimLexicon& lexicon, const std::string& source) {
  auto t = std::make_unique<Tables>();
  t->lang = lang;
  t->source = source.empty() ? absl::StrCat(lang, "/lexicon.textproto") : source;
  t->lexicon = lexicon;
  t->tag = next_tag.fetch_add(1) & ((1u << (32 - kIndexBits)) - 1);
  if (t->tag == 0) t->tag = next_tag.fetch_add(1) & ((1u << (32 - kIndexBits)) - 1);
  auto bad = [&](absl::string_view what) {
    return absl::InvalidArgumentError(absl::StrCat(t->source, ": ", what));
  };
  for (const v1::ClaimKind& k : lexicon.kind()) {
    if (k.name().empty()) return bad("a kind without a name");
    if (t->kind_index.contains(k.name()))
      return bad(absl::StrCat("kind ", k.name(), " declared twice"));
    t->kind_index[k.name()] = static_cast<int>(t->kinds.size());
    Tables::Kind kind;
    kind.name = k.name();
    kind.silent = k.silent();
    for (int x : k.subject_type()) kind.subject_types.push_back(static_cast<v1::EntityType>(x));
    kind.untyped_subject = k.untyped_subject();
    for (int x : k.object_type()) kind.object_types.push_back(static_cast<v1::EntityType>(x));
    kind.object_required = k.object_required();
    kind.untyped_object = k.untyped_object();
    kind.object_needs_marker = k.object_needs_marker();
    for (int x : k.unit()) kind.units.push_back(static_cast<v1::UnitClass>(x));
    kind.quantity_required = k.quantity_required();
    kind.directional = k.directional();
    for (int x : k.topic_granularity()) {
      kind.topic_granularity.push_back(static_cast<v1::Granularity>(x));
    }
    kind.distributive = k.distributive();
    kind.min_money = k.min_money();
    kind.no_context_date = k.no_context_date();
    if (kind.quantity_required && kind.units.empty()) {
      return bad(absl::StrCat("kind ", k.name(), " requires a quantity but accepts no unit"));
    }
    t->kinds.push_back(std::move(kind));
  }
  for (const v1::ClaimKind& k : lexicon.kind()) {
    for (const v1::BareChangeRule& r : k.bare()) {
      if (r.unit() == v1::UNIT_CLASS_UNSPECIFIED) {
        return bad(absl::StrCat("kind ", k.name(), ": a bare rule without a unit"));
      }
      Tables::Bare b;
      b.kind = t->kind_index[k.name()];
      b.unit = r.unit();
      for (int x : r.subject_type()) b.subject_types.push_back(static_cast<v1::EntityType>(x));
      t->bare.push_back(std::move(b));
    }
  }
  auto add_phrases = [&](const google::protobuf::RepeatedPtrField<std::string>& phrases,
                         PhraseClass cls, uint32_t item, bool allow_suffix,
                         absl::string_view what) -> absl::Status {
    if (phrases.empty()) return bad(absl::StrCat(what, " without a phrase"));
    for (const std::string& ph : phrases) {
      if (NormalizePhrase(ph).empty()) return bad(absl::StrCat(what, ": an empty phrase"));
      t->phrases.push_back(Tables::Phrase{cls, item, ph, allow_suffix});
    }
    return absl::OkStatus();
  };
  for (const v1::ClaimTrigger& tr : lexicon.trigger()) {
    auto it = t->kind_index.find(tr.kind());
    if (it == t->kind_index.end()) {
      return bad(absl::StrCat("trigger «", tr.phrase_size() > 0 ? tr.phrase(0) : "",
                              "» names the undeclared kind \"", tr.kind(), "\""));
    }
    uint32_t item = static_cast<uint32_t>(t->triggers.size());
    t->triggers.push_back(Tables::Trigger{it->second, tr.direction(), tr.modality()});
    absl::Status st = add_phrases(tr.phrase(), PhraseClass::kTrigger, item, tr.allow_suffix(),
                                  absl::StrCat("a trigger of ", tr.kind()));
    if (!st.ok()) return st;
  }
  for (const v1::DirectionWord& d : lexicon.direction()) {
    if (d.direction() == v1::DIRECTION_UNSPECIFIED) {
      return bad(absl::StrCat("change word «", d.phrase_size() > 0 ? d.phrase(0) : "",
                              "» without a direction"));
    }
    uint32_t item = static_cast<uint32_t>(t->directions.size());
    t->directions.push_back(Tables::DirectionWord{d.direction(), d.weak()});
    absl::Status st =
        add_phrases(d.phrase(), PhraseClass::kDirection, item, d.allow_suffix(), "a change word");
    if (!st.ok()) return st;
  }
  for (const v1::ModalityMarker& m : lexicon.modality()) {
    if (m.modality() == v1::MODALITY_UNSPECIFIED && !m.suppress()) {
      return bad(absl::StrCat("modality marker «", m.phrase_size() > 0 ? m.phrase(0) : "",
                              "» without a modality"));
    }
    uint32_t item = static_cast<uint32_t>(t->markers.size());
    t->markers.push_back(Tables::Marker{m.modality(), m.scope(), m.window(), m.suppress()});
    absl::Status st = add_phrases(m.phrase(), PhraseClass::kModality, item, m.allow_suffix(),
                                  "a modality marker");
    if (!st.ok()) return st;
  }
  for (const v1::ClaimCue& c : lexicon.cue()) {
    if (c.type() == v1::CUE_TYPE_UNSPECIFIED) {
      return bad(absl::StrCat("cue «", c.phrase_size() > 0 ? c.phrase(0) : "", "» without a type"));
    }
    uint32_t item = static_cast<uint32_t>(t->cues.size());
    Tables::Cue cue{c.type(), {}, c.object_before(), c.subject_before(), {}};
    for (int x : c.refers_to()) cue.refers_to.push_back(static_cast<v1::EntityType>(x));
    for (const std::string& k : c.kind()) {
      auto it = t->kind_index.find(k);
      if (it == t->kind_index.end()) {
        return bad(absl::StrCat("cue «", c.phrase_size() > 0 ? c.phrase(0) : "",
                                "» names the undeclared kind \"", k, "\""));
      }
      cue.kinds.push_back(it->second);
    }
    t->cues.push_back(std::move(cue));
    absl::Status st = add_phrases(c.phrase(), PhraseClass::kCue, item, c.allow_suffix(), "a cue");
    if (!st.ok()) return st;
  }
  for (const v1::ClaimCue& c : lexicon.settings().glued_cue()) {
    if (c.type() == v1::CUE_TYPE_UNSPECIFIED) return bad("a glued cue without a type");
    uint32_t item = static_cast<uint32_t>(t->cues.size());
    Tables::Cue cue{c.type(), {}, c.object_before(), c.subject_before(), {}};
    for (int x : c.refers_to()) cue.refers_to.push_back(static_cast<v1::EntityType>(x));
    t->cues.push_back(std::move(cue));
    for (const std::string& ph : c.phrase()) {
      if (ph.empty()) return bad("a glued cue: an empty phrase");
      t->glued.push_back(static_cast<uint32_t>(t->phrases.size()));
      t->phrases.push_back(Tables::Phrase{PhraseClass::kCue, item, ph, false, true});
    }
  }
  if (t->phrases.size() > kIndexMask) return bad("too many phrases");
  for (const Tables::Phrase& p : t->phrases) {
    std::vector<size_t> starts;  // byte offset of each character, then the end
    for (size_t i = 0; i < p.text.size(); ++i) {
      if ((static_cast<unsigned char>(p.text[i]) & 0xC0) != 0x80) starts.push_back(i);
    }
    starts.push_back(p.text.size());
    const size_t chars = starts.size() - 1;
    for (size_t b = 0; b < chars; ++b) {
      for (size_t len = kMinUncasedLetters; len <= kMaxUncasedLetters && b + len <= chars; ++len) {
        t->phrase_infixes.insert(p.text.substr(starts[b], starts[b + len] - starts[b]));
      }
    }
  }
  for (const std::string& s : lexicon.settings().possessive_suffix()) {
    std::string n = NormalizePhrase(s);
    if (!n.empty() && n[0] == '-') n.erase(0, 1);
    if (!n.empty()) t->possessive_suffixes.push_back(n);
  }
  if (lexicon.settings().default_window() != 0) {
    t->default_window = lexicon.settings().default_window();
  }
  if (lexicon.settings().context_sentences() != 0) {
    t->context_sentences = lexicon.settings().context_sentences();
  }
  t->verb_final = lexicon.settings().verb_final();
  t->ignore_unknown_names = lexicon.settings().ignore_unknown_names();
  return std::unique_ptr<ClaimAssembler>(new ClaimAssembler(std::move(t)));
}

void ClaimAssembler::RegisterPhrases(PhraseMatcherBuilder* builder) const {
  const Tables& t = *tables_;
  for (uint32_t i = 0; i < t.phrases.size(); ++i) {
    const Tables::Phrase& p = t.phrases[i];
    if (p.glued) continue;
    builder->Add(NormalizePhrase(p.text), p.cls, (t.tag << kIndexBits) | i, p.allow_suffix);
  }
}

std::vector<v1::Claim> ClaimAssembler::Assemble(const NormalizedText& text,
                                                absl::Span<const SentenceMentions> sentences,
                                                absl::Span<const PhraseHit> hits,
                                                absl::CivilDay published, bool explain) const {
  // Names of uncased scripts, in a copy of the mentions only when there are any.
  const std::vector<SentenceMentions> named =
      WithUncasedNames(*tables_, text, sentences, hits, explain);
  Assembly assembly(*tables_, text, named.empty() ? sentences : absl::MakeConstSpan(named), hits,
                    published, explain);
  return assembly.Run();
}

absl::StatusOr<v1::ClaimLexicon> ParseClaimLexicon(absl::string_view textproto,
                                                   absl::string_view source) {
  v1::ClaimLexicon lexicon;
  google::protobuf::TextFormat::Parser parser;
  FirstErrorCollector errors;
  parser.RecordErrorsTo(&errors);
  if (!parser.ParseFromString(std::string(textproto), &lexicon)) {
    return absl::InvalidArgumentError(absl::StrCat(source, ":", errors.error()));
  }
  return lexicon;
}

v1::ClaimLexicon MergeClaimLexicons(const v1::ClaimLexicon& parent, const v1::ClaimLexicon& child) {
  v1::ClaimLexicon out = parent;
  out.MergeFrom(child);
  out.set_lang(child.lang());
  out.set_inherits(child.inherits());
  return out;
}

}  // namespace claimline::extract

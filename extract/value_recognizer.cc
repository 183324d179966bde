#include "extract/value_recognizer.h"

#include <algorithm>
#include <atomic>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "base/status_macros.h"
#include "extract/cldr.h"
#include "extract/dates.h"
#include "extract/quantities.h"
#include "extract/value_tables.h"
#include "google/protobuf/io/tokenizer.h"
#include "google/protobuf/text_format.h"
#include "unicode/uchar.h"
#include "unicode/unistr.h"
#include "unicode/uscript.h"
#include "unicode/utf8.h"

namespace claimline::extract {

// ---------------------------------------------------------------------------------------
// Character helpers shared by the scanners.

bool IsLatinLetterByte(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

namespace {

bool IsSpacedScriptWordChar(UChar32 c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  if (!u_isalnum(c) && u_charType(c) != U_NON_SPACING_MARK &&
      u_charType(c) != U_COMBINING_SPACING_MARK) {
    return false;
  }
  UErrorCode status = U_ZERO_ERROR;
  UScriptCode s = uscript_getScript(c, &status);
  switch (s) {
    case USCRIPT_HAN:
    case USCRIPT_HIRAGANA:
    case USCRIPT_KATAKANA:
    case USCRIPT_HANGUL:
    case USCRIPT_THAI:
    case USCRIPT_LAO:
    case USCRIPT_KHMER:
    case USCRIPT_MYANMAR:
    case USCRIPT_COMMON:
    case USCRIPT_INHERITED:
      return false;
    default:
      return true;
  }
}

}  // namespace

bool SpacedWordCharBefore(absl::string_view text, size_t pos, size_t floor) {
  if (pos <= floor) return false;
  size_t start = pos - 1;
  while (start > floor && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80 &&
         pos - start < 4) {
    --start;
  }
  int32_t i = static_cast<int32_t>(start);
  UChar32 c;
  U8_NEXT(text.data(), i, static_cast<int32_t>(pos), c);
  return c >= 0 && IsSpacedScriptWordChar(c);
}

bool SpacedLetterAt(absl::string_view text, size_t pos) {
  if (pos >= text.size()) return false;
  int32_t i = static_cast<int32_t>(pos);
  UChar32 c;
  U8_NEXT(text.data(), i, static_cast<int32_t>(text.size()), c);
  return c >= 0 && !(c >= '0' && c <= '9') && IsSpacedScriptWordChar(c);
}

// ---------------------------------------------------------------------------------------
// SentenceView

namespace {

bool IsValueClass(PhraseClass c) {
  switch (c) {
    case PhraseClass::kMonth:
    case PhraseClass::kWeekday:
    case PhraseClass::kDatePhrase:
    case PhraseClass::kScale:
    case PhraseClass::kVagueMagnitude:
    case PhraseClass::kApproximator:
    case PhraseClass::kRangeWord:
    case PhraseClass::kCurrency:
    case PhraseClass::kUnitWord:
    case PhraseClass::kNumberWord:
      return true;
    default:
      return false;
  }
}

bool ByBegin(const PhraseHit& a, const PhraseHit& b) {
  return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
}
bool ByEnd(const PhraseHit& a, const PhraseHit& b) {
  return a.end != b.end ? a.end < b.end : a.begin < b.begin;
}

}  // namespace

SentenceView::SentenceView(const ValueTables& tables, const NormalizedText& text, size_t begin,
                           size_t end, absl::Span<const PhraseHit> all_hits)
    : tables_(tables), text_(text), begin_(begin), end_(std::min(end, text.text.size())) {
  auto it = std::lower_bound(all_hits.begin(), all_hits.end(), begin,
                             [](const PhraseHit& h, size_t b) { return h.begin < b; });
  for (; it != all_hits.end() && it->begin < end_; ++it) {
    if (it->end > end_ || !IsValueClass(it->cls)) continue;
    if ((it->payload >> kTagShift) != tables.tag) continue;
    hits_.push_back(*it);
  }
  if (!tables.glued.empty()) AddGluedHits();
  std::sort(hits_.begin(), hits_.end(), ByBegin);
  by_end_ = hits_;
  std::sort(by_end_.begin(), by_end_.end(), ByEnd);
}

void SentenceView::AddGluedHits() {
  absl::string_view t = text_.text;
  // Starts: right after a digit, or right after a vague or spelled-number word ("수천억").
  std::vector<size_t> starts;
  for (size_t p = begin_; p + 1 < end_; ++p) {
    if (IsAsciiDigit(t[p]) && static_cast<unsigned char>(t[p + 1]) >= 0x80) starts.push_back(p + 1);
  }
  for (const PhraseHit& h : hits_) {
    if ((h.cls == PhraseClass::kVagueMagnitude || h.cls == PhraseClass::kNumberWord) &&
        h.end < end_ && static_cast<unsigned char>(t[h.end]) >= 0x80) {
      starts.push_back(h.end);
    }
  }
  for (size_t start : starts) {
    size_t pos = start;
    for (int chain = 0; chain < 3 && pos < end_; ++chain) {
      int32_t i = static_cast<int32_t>(pos);
      UChar32 c;
      U8_NEXT(t.data(), i, static_cast<int32_t>(end_), c);
      if (c < 0) break;
      auto it = tables_.glued.find(t.substr(pos, i - pos));
      if (it == tables_.glued.end()) break;
      size_t longest = 0;
      for (const ValueTables::Glued& g : it->second) {
        if (pos + g.phrase.size() > end_ || t.compare(pos, g.phrase.size(), g.phrase) != 0) {
          continue;
        }
        hits_.push_back({static_cast<uint32_t>(pos), static_cast<uint32_t>(pos + g.phrase.size()),
                         g.cls, (tables_.tag << kTagShift) | g.index});
        longest = std::max(longest, g.phrase.size());
      }
      if (longest == 0) break;
      pos += longest;
    }
  }
}

absl::Span<const PhraseHit> SentenceView::HitsAt(size_t pos) const {
  auto lo = std::lower_bound(hits_.begin(), hits_.end(), pos,
                             [](const PhraseHit& h, size_t p) { return h.begin < p; });
  auto hi = lo;
  while (hi != hits_.end() && hi->begin == pos) ++hi;
  return absl::Span<const PhraseHit>(hits_.data() + (lo - hits_.begin()), hi - lo);
}

absl::Span<const PhraseHit> SentenceView::HitsEndingAt(size_t pos) const {
  auto lo = std::lower_bound(by_end_.begin(), by_end_.end(), pos,
                             [](const PhraseHit& h, size_t p) { return h.end < p; });
  auto hi = lo;
  while (hi != by_end_.end() && hi->end == pos) ++hi;
  return absl::Span<const PhraseHit>(by_end_.data() + (lo - by_end_.begin()), hi - lo);
}

const PhraseHit* SentenceView::LongestAt(size_t pos, PhraseClass cls) const {
  const PhraseHit* best = nullptr;
  for (const PhraseHit& h : HitsAt(pos)) {
    if (h.cls == cls && (best == nullptr || h.end > best->end)) best = &h;
  }
  return best;
}

const PhraseHit* SentenceView::LongestEndingAt(size_t pos, PhraseClass cls) const {
  const PhraseHit* best = nullptr;
  for (const PhraseHit& h : HitsEndingAt(pos)) {
    if (h.cls == cls && (best == nullptr || h.begin < best->begin)) best = &h;
  }
  return best;
}

size_t SentenceView::SkipSpaces(size_t pos) const {
  while (pos < end_ && (text_.text[pos] == ' ' || text_.text[pos] == '\t')) ++pos;
  return pos;
}

size_t SentenceView::SkipSpacesBack(size_t pos) const {
  while (pos > begin_ && (text_.text[pos - 1] == ' ' || text_.text[pos - 1] == '\t')) --pos;
  return pos;
}

size_t SentenceView::StartsWithAny(size_t pos, const std::vector<std::string>& words) const {
  size_t best = 0;
  absl::string_view t = text_.text;
  for (const std::string& w : words) {
    if (w.empty() || w.size() <= best || pos + w.size() > end_) continue;
    if (t.compare(pos, w.size(), w) != 0) continue;
    if (IsLatinLetterByte(w.back()) && SpacedLetterAt(t, pos + w.size())) continue;
    if (IsLatinLetterByte(w.front()) && SpacedWordCharBefore(t, pos, begin_)) continue;
    best = w.size();
  }
  return best;
}

size_t SentenceView::EndsWithAny(size_t pos, const std::vector<std::string>& words) const {
  size_t best = 0;
  absl::string_view t = text_.text;
  for (const std::string& w : words) {
    if (w.empty() || w.size() <= best || w.size() > pos - begin_) continue;
    size_t b = pos - w.size();
    if (t.compare(b, w.size(), w) != 0) continue;
    if (IsLatinLetterByte(w.front()) && SpacedWordCharBefore(t, b, begin_)) continue;
    if (IsLatinLetterByte(w.back()) && SpacedLetterAt(t, pos)) continue;
    best = w.size();
  }
  return best;
}

absl::string_view SentenceView::OriginalText(size_t b, size_t e) const {
  uint32_t ob = text_.OriginalBegin(b), oe = text_.OriginalEnd(e);
  if (oe < ob) oe = ob;
  return text_.original.substr(ob, oe - ob);
}

// ---------------------------------------------------------------------------------------
// Building the tables.

namespace {

std::atomic<uint32_t> next_tag{1};

std::string Norm(absl::string_view phrase) {
  std::string n = NormalizePhrase(phrase);
  absl::StripAsciiWhitespace(&n);
  return n;
}

bool HasAsciiDigit(absl::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return IsAsciiDigit(c); });
}

bool AllAsciiLetters(absl::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), IsLatinLetterByte);
}

// Dedupe: the first entry of a normalized phrase (per table) wins; suppressed phrases and
// empty ones are dropped.
class Seen {
 public:
  explicit Seen(const absl::flat_hash_set<std::string>& suppress) : suppress_(suppress) {}
  bool Take(const std::string& phrase, absl::string_view key_extra = "") {
    if (phrase.empty() || suppress_.contains(phrase)) return false;
    return seen_.insert(absl::StrCat(phrase, "\x1f", key_extra)).second;
  }

 private:
  const absl::flat_hash_set<std::string>& suppress_;
  absl::flat_hash_set<std::string> seen_;
};

std::vector<std::string> NormList(const google::protobuf::RepeatedPtrField<std::string>& in) {
  std::vector<std::string> out;
  for (const std::string& s : in) {
    std::string n = Norm(s);
    if (!n.empty()) out.push_back(n);
  }
  return out;
}

absl::Status Bad(const std::string& lang, absl::string_view what, absl::string_view phrase) {
  return absl::InvalidArgumentError(
      absl::StrCat("values lexicon ", lang, ": ", what, " in entry \"", phrase, "\""));
}

// Validate: the hand-written entries (CLDR's are well-formed by construction).
absl::Status Validate(const std::string& lang, const v1::ValueLexicon& lex) {
  for (const auto& e : lex.number_words()) {
    if (e.value() < 0) return Bad(lang, "negative number word", e.phrase());
  }
  for (const auto& e : lex.scales()) {
    if (!(e.value() > 1)) return Bad(lang, "scale value must be > 1", e.phrase());
  }
  for (const auto& e : lex.vague_magnitudes()) {
    if (!(e.low() >= 0) || e.high() < e.low()) {
      return Bad(lang, "vague magnitude needs 0 <= low <= high", e.phrase());
    }
  }
  for (const auto& e : lex.approximators()) {
    if (e.kind() == v1::BOUND_KIND_UNSPECIFIED) return Bad(lang, "approximator kind", e.phrase());
  }
  for (const auto& e : lex.range_words()) {
    if (e.role() == v1::RANGE_ROLE_UNSPECIFIED) return Bad(lang, "range role", e.phrase());
  }
  for (const auto& e : lex.currencies()) {
    if (e.code().size() != 3) return Bad(lang, "currency code must be ISO 4217", e.phrase());
  }
  for (const auto& e : lex.units()) {
    if (e.unit().empty()) return Bad(lang, "unit is empty", e.phrase());
  }
  for (const auto& e : lex.months()) {
    if (e.month() < 1 || e.month() > 12) return Bad(lang, "month must be 1..12", e.phrase());
  }
  for (const auto& e : lex.weekdays()) {
    if (e.weekday() < 1 || e.weekday() > 7) return Bad(lang, "weekday must be 1..7", e.phrase());
  }
  for (const auto& e : lex.quarters()) {
    if (e.quarter() < 1 || e.quarter() > 4) return Bad(lang, "quarter must be 1..4", e.phrase());
  }
  for (const auto& e : lex.date_phrases()) {
    if (e.kind() == v1::DATE_PHRASE_KIND_UNSPECIFIED) {
      return Bad(lang, "date phrase kind", e.phrase());
    }
    if (e.kind() == v1::DATE_PHRASE_KIND_FIXED && e.unit() == v1::GRANULARITY_UNSPECIFIED) {
      return Bad(lang, "fixed date phrase needs a unit", e.phrase());
    }
  }
  for (const auto& e : lex.relative_templates()) {
    if (e.suffix().empty() || (e.sign() != 1 && e.sign() != -1)) {
      return Bad(lang, "template needs a suffix and sign ±1", e.prefix());
    }
  }
  return absl::OkStatus();
}

// Fill: the tables from the hand lexicon (first) and the CLDR harvest (second).
void Fill(const v1::ValueLexicon& hand, const CldrHarvest* cldr, ValueTables* t) {
  absl::flat_hash_set<std::string> suppress;
  for (const std::string& s : hand.suppress()) suppress.insert(Norm(s));
  std::vector<const v1::ValueLexicon*> sources = {&hand};
  if (cldr != nullptr) sources.push_back(&cldr->lexicon);

  {
    Seen seen(suppress);
    for (const auto* src : sources) {
      for (const auto& e : src->number_words()) {
        std::string p = Norm(e.phrase());
        if (seen.Take(p)) t->number_words.push_back({p, e.value(), e.multiplier()});
      }
    }
  }
  {
    Seen seen(suppress);
    for (const auto* src : sources) {
      if (src != &hand && hand.skip_cldr_scales()) continue;
      for (const auto& e : src->scales()) {
        std::string p = Norm(e.phrase());
        if (!seen.Take(p)) continue;
        t->scales.push_back({p, e.value(), e.attached()});
        if (AllAsciiLetters(p)) t->attached_scales.emplace(p, e.value());
      }
    }
  }
  {
    Seen seen(suppress);
    for (const auto& e : hand.vague_magnitudes()) {
      std::string p = Norm(e.phrase());
      if (seen.Take(p)) t->vague.push_back({p, e.low(), e.high(), e.absolute()});
    }
  }
  {
    Seen seen(suppress);
    for (const auto& e : hand.approximators()) {
      std::string p = Norm(e.phrase());
      if (!seen.Take(p, absl::StrCat(e.position()))) continue;
      ApproxEntry a;
      a.phrase = p;
      a.kind = e.kind();
      a.position = e.position() == v1::VALUE_POSITION_AFTER ? v1::VALUE_POSITION_AFTER
                                                            : v1::VALUE_POSITION_BEFORE;
      t->approximators.push_back(a);
    }
  }
  {
    Seen seen(suppress);
    for (const auto& e : hand.range_words()) {
      std::string p = Norm(e.phrase());
      if (seen.Take(p, absl::StrCat(e.role()))) t->range_words.push_back({p, e.role()});
    }
  }
  {
    Seen seen(suppress);
    for (const auto* src : sources) {
      for (const auto& e : src->currencies()) {
        std::string p = Norm(e.phrase());
        if (!seen.Take(p)) continue;
        v1::ValuePosition pos = e.position();
        if (src == &hand && pos == v1::VALUE_POSITION_UNSPECIFIED) {
          // A name made of letters follows the figure ("dollari"); a symbol may go either
          // side ("$", "US$").
          bool letters_only = true;
          icu::UnicodeString u = icu::UnicodeString::fromUTF8(p);
          for (int32_t i = 0; i < u.length(); i = u.moveIndex32(i, 1)) {
            UChar32 c = u.char32At(i);
            if (!u_isalpha(c) && c != ' ' && c != '-' && c != '\'') letters_only = false;
          }
          pos = letters_only ? v1::VALUE_POSITION_AFTER : v1::VALUE_POSITION_UNSPECIFIED;
        }
        t->currencies.push_back({p, absl::AsciiStrToUpper(e.code()), pos});
      }
    }
  }
  {
    Seen seen(suppress);
    for (const auto* src : sources) {
      for (const auto& e : src->units()) {
        std::string p = Norm(e.phrase());
        if (!seen.Take(p)) continue;
        v1::ValuePosition pos = e.position() == v1::VALUE_POSITION_BEFORE
                                    ? v1::VALUE_POSITION_BEFORE
                                    : v1::VALUE_POSITION_AFTER;
        t->units.push_back({p, e.unit(), pos});
      }
    }
  }
  {
    Seen seen(suppress);
    for (const auto* src : sources) {
      for (const auto& e : src->months()) {
        std::string p = Norm(e.phrase());
        // Digit forms ("1月", "1월") are read by the date markers, not as names.
        if (HasAsciiDigit(p) || !seen.Take(p)) continue;
        t->months.push_back({p, e.month(), e.abbreviated(), e.ambiguous()});
      }
    }
  }
  {
    Seen seen(suppress);
    for (const auto* src : sources) {
      for (const auto& e : src->weekdays()) {
        std::string p = Norm(e.phrase());
        if (seen.Take(p)) t->weekdays.push_back({p, e.weekday(), e.ambiguous()});
      }
    }
    if (cldr != nullptr && hand.use_abbreviated_weekdays()) {
      for (const auto& e : cldr->extras.abbreviated_weekdays) {
        std::string p = Norm(e.phrase());
        if (seen.Take(p)) t->weekdays.push_back({p, e.weekday(), false});
      }
    }
  }
  {
    Seen seen(suppress);
    for (const auto* src : sources) {
      for (const auto& e : src->quarters()) {
        std::string p = Norm(e.phrase());
        if (!seen.Take(p, "q")) continue;
        DateEntry d;
        d.phrase = p;
        d.type = DateEntry::Type::kQuarter;
        d.quarter = e.quarter();
        t->date_phrases.push_back(d);
      }
      for (const auto& e : src->date_phrases()) {
        std::string p = Norm(e.phrase());
        if (p.empty() || suppress.contains(p)) continue;
        DateEntry d;
        d.phrase = p;
        d.unit = e.unit();
        d.offset = e.offset();
        d.vague_days = e.vague_days();
        d.position = e.position();
        d.ambiguous = e.ambiguous();
        switch (e.kind()) {
          case v1::DATE_PHRASE_KIND_MODIFIER:
            d.type = DateEntry::Type::kModifier;
            break;
          case v1::DATE_PHRASE_KIND_YEAR_CUE:
            d.type = DateEntry::Type::kYearCue;
            break;
          default:
            d.type = DateEntry::Type::kFixed;
            break;
        }
        // The same phrase twice with another meaning (Hindi "कल": yesterday and tomorrow):
        // the first (the past, as CLDR lists it first) stays, flagged ambiguous.
        bool dup = false;
        for (DateEntry& prev : t->date_phrases) {
          if (prev.phrase == p && prev.type == d.type &&
              (d.type != DateEntry::Type::kModifier || prev.position == d.position)) {
            // A later entry without a unit (CLDR's modifiers) does not contradict one with.
            if (prev.offset != d.offset ||
                (prev.unit != d.unit && d.unit != v1::GRANULARITY_UNSPECIFIED)) {
              prev.ambiguous = true;
            }
            dup = true;
            break;
          }
        }
        if (!dup) t->date_phrases.push_back(d);
      }
    }
  }
  {
    absl::flat_hash_set<std::string> seen;
    for (const auto* src : sources) {
      for (const auto& e : src->relative_templates()) {
        // CLDR's future templates ("dalam 1 hari", "दिन में") read durations as dates
        // ("in one day"): only the past ones are harvested; the lexicon may add others.
        if (src != &hand && e.sign() > 0) continue;
        TemplateEntry te{Norm(e.prefix()), Norm(e.suffix()), e.unit(), e.sign()};
        if (te.suffix.empty() || suppress.contains(te.suffix)) continue;
        if (!seen.insert(absl::StrCat(te.prefix, "|", te.suffix)).second) continue;
        t->templates.push_back(te);
      }
    }
    // The prefix and suffix pieces become date phrases that point back at the templates.
    for (size_t i = 0; i < t->templates.size(); ++i) {
      const TemplateEntry& te = t->templates[i];
      auto piece = [&](const std::string& p, DateEntry::Type type) {
        if (p.empty()) return;
        for (DateEntry& d : t->date_phrases) {
          if (d.phrase == p && d.type == type) {
            d.templates.push_back(static_cast<int>(i));
            return;
          }
        }
        DateEntry d;
        d.phrase = p;
        d.type = type;
        d.templates.push_back(static_cast<int>(i));
        t->date_phrases.push_back(d);
      };
      piece(te.prefix, DateEntry::Type::kTemplatePrefix);
      piece(te.suffix, DateEntry::Type::kTemplateSuffix);
    }
  }
  t->quantity_connectors = NormList(hand.quantity_connectors());
  t->quantity_fillers = NormList(hand.quantity_fillers());
  const v1::DateMarkers& dm = hand.date_markers();
  t->year_suffix = NormList(dm.year_suffix());
  t->month_suffix = NormList(dm.month_suffix());
  t->day_suffix = NormList(dm.day_suffix());
  t->date_connectors = NormList(dm.connector());
  t->ordinal_suffix = NormList(dm.ordinal_suffix());
  t->numeric_order = dm.numeric_order();
  if (t->numeric_order == v1::NUMERIC_DATE_ORDER_UNSPECIFIED && cldr != nullptr) {
    t->numeric_order = cldr->lexicon.date_markers().numeric_order();
  }
  if (t->numeric_order == v1::NUMERIC_DATE_ORDER_UNSPECIFIED) {
    t->numeric_order = v1::NUMERIC_DATE_ORDER_DMY;
  }
  std::string decimal = hand.decimal_separator();
  if (decimal.empty() && cldr != nullptr) decimal = cldr->lexicon.decimal_separator();
  t->number_style.decimal = decimal == "," ? ',' : '.';
  t->number_style.space_grouping =
      hand.space_grouping() || (cldr != nullptr && cldr->extras.space_grouping);
  if (hand.nearly_factor() > 0) t->nearly_factor = hand.nearly_factor();
  if (hand.default_vague_days() > 0) t->default_vague_days = hand.default_vague_days();
}

void AddGlued(ValueTables* t, const std::string& phrase, PhraseClass cls, size_t index) {
  if (phrase.empty() || static_cast<unsigned char>(phrase[0]) < 0x80) return;
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(phrase.data(), i, static_cast<int32_t>(phrase.size()), c);
  if (c < 0 || !u_isalpha(c)) return;
  UErrorCode status = U_ZERO_ERROR;
  UScriptCode script = uscript_getScript(c, &status);
  if (script == USCRIPT_HAN || script == USCRIPT_HIRAGANA || script == USCRIPT_KATAKANA) return;
  t->glued[phrase.substr(0, i)].push_back({phrase, cls, static_cast<uint32_t>(index)});
}

// BuildGlued: the glued lookup for the classes that follow a figure.
void BuildGlued(ValueTables* t) {
  for (size_t i = 0; i < t->scales.size(); ++i) {
    AddGlued(t, t->scales[i].phrase, PhraseClass::kScale, i);
  }
  for (size_t i = 0; i < t->currencies.size(); ++i) {
    AddGlued(t, t->currencies[i].phrase, PhraseClass::kCurrency, i);
  }
  for (size_t i = 0; i < t->units.size(); ++i) {
    AddGlued(t, t->units[i].phrase, PhraseClass::kUnitWord, i);
  }
  for (size_t i = 0; i < t->number_words.size(); ++i) {
    AddGlued(t, t->number_words[i].phrase, PhraseClass::kNumberWord, i);
  }
  for (size_t i = 0; i < t->approximators.size(); ++i) {
    AddGlued(t, t->approximators[i].phrase, PhraseClass::kApproximator, i);
  }
  for (size_t i = 0; i < t->date_phrases.size(); ++i) {
    AddGlued(t, t->date_phrases[i].phrase, PhraseClass::kDatePhrase, i);
  }
}

uint32_t Payload(const ValueTables& t, size_t index) {
  return (t.tag << kTagShift) | static_cast<uint32_t>(index);
}

}  // namespace

// ---------------------------------------------------------------------------------------
// ValueRecognizer

ValueRecognizer::ValueRecognizer(std::unique_ptr<ValueTables> tables)
    : tables_(std::move(tables)) {}
ValueRecognizer::~ValueRecognizer() = default;

const std::string& ValueRecognizer::language() const { return tables_->language; }

absl::StatusOr<std::unique_ptr<ValueRecognizer>> ValueRecognizer::Create(
    const std::string& lang, const v1::ValueLexicon& lexicon) {
  RETURN_IF_ERROR(Validate(lang, lexicon));
  std::string locale = lexicon.cldr_locale().empty() ? IcuLocaleFor(lang) : lexicon.cldr_locale();
  absl::StatusOr<CldrHarvest> cldr = HarvestCldr(locale);
  auto tables = std::make_unique<ValueTables>();
  tables->language = lang;
  tables->tag = (next_tag.fetch_add(1) % ((1u << (32 - kTagShift)) - 1)) + 1;
  Fill(lexicon, cldr.ok() ? &*cldr : nullptr, tables.get());
  BuildGlued(tables.get());
  size_t largest = std::max({tables->scales.size(), tables->date_phrases.size(),
                             tables->currencies.size(), tables->months.size()});
  if (largest > kIndexMask) {
    return absl::InvalidArgumentError(absl::StrCat("values lexicon ", lang, ": too many entries"));
  }
  return std::unique_ptr<ValueRecognizer>(new ValueRecognizer(std::move(tables)));
}

void ValueRecognizer::RegisterPhrases(PhraseMatcherBuilder* builder) const {
  const ValueTables& t = *tables_;
  for (size_t i = 0; i < t.months.size(); ++i) {
    builder->Add(t.months[i].phrase, PhraseClass::kMonth, Payload(t, i));
  }
  for (size_t i = 0; i < t.weekdays.size(); ++i) {
    builder->Add(t.weekdays[i].phrase, PhraseClass::kWeekday, Payload(t, i));
  }
  for (size_t i = 0; i < t.date_phrases.size(); ++i) {
    builder->Add(t.date_phrases[i].phrase, PhraseClass::kDatePhrase, Payload(t, i));
  }
  for (size_t i = 0; i < t.scales.size(); ++i) {
    // Attached-only scales ("B", "M") are read right after digits, never as words.
    if (t.scales[i].attached) continue;
    builder->Add(t.scales[i].phrase, PhraseClass::kScale, Payload(t, i));
  }
  for (size_t i = 0; i < t.vague.size(); ++i) {
    builder->Add(t.vague[i].phrase, PhraseClass::kVagueMagnitude, Payload(t, i));
  }
  for (size_t i = 0; i < t.approximators.size(); ++i) {
    builder->Add(t.approximators[i].phrase, PhraseClass::kApproximator, Payload(t, i));
  }
  for (size_t i = 0; i < t.range_words.size(); ++i) {
    builder->Add(t.range_words[i].phrase, PhraseClass::kRangeWord, Payload(t, i));
  }
  for (size_t i = 0; i < t.currencies.size(); ++i) {
    builder->Add(t.currencies[i].phrase, PhraseClass::kCurrency, Payload(t, i));
  }
  for (size_t i = 0; i < t.units.size(); ++i) {
    builder->Add(t.units[i].phrase, PhraseClass::kUnitWord, Payload(t, i));
  }
  for (size_t i = 0; i < t.number_words.size(); ++i) {
    builder->Add(t.number_words[i].phrase, PhraseClass::kNumberWord, Payload(t, i));
  }
}

size_t ValueRecognizer::phrase_count() const {
  const ValueTables& t = *tables_;
  size_t attached = 0;
  for (const ScaleEntry& s : t.scales) attached += s.attached ? 1 : 0;
  return t.months.size() + t.weekdays.size() + t.date_phrases.size() + t.scales.size() - attached +
         t.vague.size() + t.approximators.size() + t.range_words.size() + t.currencies.size() +
         t.units.size() + t.number_words.size();
}

ValueMentions ValueRecognizer::Find(const NormalizedText& text, size_t begin, size_t end,
                                    absl::Span<const PhraseHit> hits,
                                    absl::CivilDay reference) const {
  SentenceView view(*tables_, text, begin, end, hits);
  DateScan dates = ScanDates(view, reference);
  ValueMentions out;
  out.quantities = FindQuantityMentions(view, dates.spans);
  out.dates = std::move(dates.mentions);
  return out;
}

std::vector<QuantityMention> ValueRecognizer::FindQuantities(
    const NormalizedText& text, size_t begin, size_t end, absl::Span<const PhraseHit> hits) const {
  SentenceView view(*tables_, text, begin, end, hits);
  DateScan dates = ScanDates(view, absl::CivilDay(2000, 1, 1));
  return FindQuantityMentions(view, dates.spans);
}

std::vector<DateMention> ValueRecognizer::FindDates(const NormalizedText& text, size_t begin,
                                                    size_t end, absl::Span<const PhraseHit> hits,
                                                    absl::CivilDay reference) const {
  SentenceView view(*tables_, text, begin, end, hits);
  return ScanDates(view, reference).mentions;
}

// ---------------------------------------------------------------------------------------
// Lexicon files

namespace {

class Collector : public google::protobuf::io::ErrorCollector {
 public:
  void AddError(int line, google::protobuf::io::ColumnNumber column,
                const std::string& message) override {
    if (first_.empty()) first_ = absl::StrCat("line ", line + 1, ":", column + 1, ": ", message);
  }
  const std::string& first() const { return first_; }

 private:
  std::string first_;
};

// OverlayScalars: the singular fields the child sets win over what MergeFrom copied.
void OverlayScalars(const google::protobuf::Message& child, google::protobuf::Message* out) {
  const auto* desc = child.GetDescriptor();
  const auto* refl = child.GetReflection();
  const auto* out_refl = out->GetReflection();
  for (int i = 0; i < desc->field_count(); ++i) {
    const auto* f = desc->field(i);
    if (f->is_repeated()) continue;
    if (f->cpp_type() == google::protobuf::FieldDescriptor::CPPTYPE_MESSAGE) {
      if (refl->HasField(child, f)) {
        OverlayScalars(refl->GetMessage(child, f), out_refl->MutableMessage(out, f));
      }
      continue;
    }
    if (!refl->HasField(child, f)) continue;
    switch (f->cpp_type()) {
      case google::protobuf::FieldDescriptor::CPPTYPE_STRING:
        out_refl->SetString(out, f, refl->GetString(child, f));
        break;
      case google::protobuf::FieldDescriptor::CPPTYPE_BOOL:
        out_refl->SetBool(out, f, refl->GetBool(child, f));
        break;
      case google::protobuf::FieldDescriptor::CPPTYPE_INT32:
        out_refl->SetInt32(out, f, refl->GetInt32(child, f));
        break;
      case google::protobuf::FieldDescriptor::CPPTYPE_DOUBLE:
        out_refl->SetDouble(out, f, refl->GetDouble(child, f));
        break;
      case google::protobuf::FieldDescriptor::CPPTYPE_ENUM:
        out_refl->SetEnumValue(out, f, refl->GetEnumValue(child, f));
        break;
      default:
        break;
    }
  }
}

}  // namespace

absl::StatusOr<v1::ValueLexicon> ParseValueLexicon(absl::string_view textproto,
                                                   absl::string_view file_name) {
  v1::ValueLexicon lex;
  google::protobuf::TextFormat::Parser parser;
  Collector errors;
  parser.RecordErrorsTo(&errors);
  if (!parser.ParseFromString(std::string(textproto), &lex)) {
    return absl::InvalidArgumentError(absl::StrCat(file_name, ": ", errors.first()));
  }
  return lex;
}

v1::ValueLexicon MergeValueLexicons(const v1::ValueLexicon& parent, const v1::ValueLexicon& child) {
  v1::ValueLexicon out = child;
  out.MergeFrom(parent);
  OverlayScalars(child, &out);
  out.set_language(child.language());
  out.set_cldr_locale(child.cldr_locale());
  out.set_inherits(child.inherits());
  return out;
}

}  // namespace claimline::extract

// PhraseMatcher: one pass of a multi-pattern matcher (Aho–Corasick over bytes) that finds
// every lexicon phrase of every class in a normalized text at once.
//
// Phrases are added already normalized (NormalizePhrase). Word boundaries are decided by
// script, not per phrase: where a phrase starts (ends) with a letter or digit of a script
// written with spaces between words (Latin, Cyrillic, Greek, Devanagari, Hangul …), the
// character before (after) the match must not be a letter, digit or combining mark; a
// phrase edge in Han, Kana or Thai needs no boundary. `allow_suffix` lets a phrase match
// the start of a longer word (Indonesian "pasar" in "pasarnya", Italian "miliard" in
// "miliardi").
//
// Thread-safe after Build(). Matching is linear in text size plus the number of hits.
#ifndef CLAIMLINE_EXTRACT_PHRASE_MATCHER_H_
#define CLAIMLINE_EXTRACT_PHRASE_MATCHER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace claimline::extract {

// What a phrase is. Each recognizer reads the hits of its own classes; `payload` indexes
// that recognizer's own table. Persisted nowhere: values may be renumbered.
enum class PhraseClass : uint8_t {
  kMonth,           // payload: month 1..12
  kWeekday,         // payload: 1 = Monday .. 7 = Sunday
  kDatePhrase,      // relative/vague date phrase; payload: index into the date table
  kScale,           // number scale word; payload: index into the scale table
  kVagueMagnitude,  // "puluhan", "सैकड़ों", "tens of"; payload: index
  kApproximator,    // "oltre", "plus de", "近", "at least"; payload: index
  kRangeWord,       // "至", "between", "and", "to", "-"; payload: index
  kCurrency,        // currency name, symbol or code; payload: index into the currency table
  kUnitWord,        // "percent", "per cento", "प्रतिशत"; payload: index
  kNumberWord,      // spelled-out numbers: "un", "one", "dua"; payload: index
  kTrigger,         // claim-kind trigger; payload: index into the trigger table
  kDirection,       // up/down words; payload: index
  kModality,        // future/reported/negation markers; payload: index
  kEntity,          // gazetteer name; payload: index into the name table
  kCue,             // other claim-assembly cues (possessives, object markers); payload: index
};

struct PhraseHit {
  uint32_t begin;  // normalized byte offsets, [begin, end)
  uint32_t end;
  PhraseClass cls;
  uint32_t payload;
};

class PhraseMatcher {
 public:
  virtual ~PhraseMatcher() = default;
  // FindAll: every occurrence of every phrase that satisfies its boundaries, overlapping
  // ones included, ordered by (begin, end).
  virtual std::vector<PhraseHit> FindAll(absl::string_view normalized) const = 0;
  virtual size_t phrase_count() const = 0;
};

class PhraseMatcherBuilder {
 public:
  PhraseMatcherBuilder();
  ~PhraseMatcherBuilder();
  // Add: registers a normalized phrase. The same phrase may be added under several classes
  // or payloads; each yields its own hit. Empty phrases are ignored.
  void Add(absl::string_view normalized_phrase, PhraseClass cls, uint32_t payload,
           bool allow_suffix = false);
  std::unique_ptr<PhraseMatcher> Build();

 private:
  struct Entry {
    std::string phrase;
    PhraseClass cls;
    uint32_t payload;
    bool allow_suffix;
  };
  std::vector<Entry> entries_;
};

}  // namespace claimline::extract

#endif  // CLAIMLINE_EXTRACT_PHRASE_MATCHER_H_

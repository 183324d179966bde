#include "extract/entities.h"

#include <algorithm>
#include <array>
#include <bitset>
#include <string>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "unicode/locid.h"
#include "unicode/uchar.h"
#include "unicode/uscript.h"
#include "unicode/utf8.h"

namespace claimline::extract {
namespace {

constexpr size_t kMaxNameTokens = 4;
constexpr size_t kMaxKeyWindow = 4;  // tokens tried together when linking by key

// A Latin-script word of the normalized text.
struct Token {
  uint32_t begin = 0;  // normalized offsets
  uint32_t end = 0;
  uint32_t sentence = 0;
  bool capitalized = false;  // the original starts with an upper-case letter
  bool has_letter = false;
  bool all_caps_short = false;  // ≤ 3 letters, all upper case ("AI", "CEO")
  bool lexicon = false;         // inside a lexicon phrase (month, trigger, currency …)
  bool urlish = false;          // glued to URL punctuation
  bool sentence_initial = false;
  bool dateline = false;  // before a dateline's dash ("SÃO PAULO –")
};

// A candidate mention, normalized offsets.
struct Candidate {
  uint32_t begin = 0;
  uint32_t end = 0;
  int entity = -1;  // index into the gazetteer, -1 = unknown
  int name = -1;    // index into gazetteer names, -1 = linked by key or unknown
  enum Source { kName, kKey, kShort, kUnknown } source = kName;
};

UChar32 DecodeAt(absl::string_view s, size_t i, size_t* next) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t k = static_cast<int32_t>(i);
  UChar32 c;
  U8_NEXT(p, k, static_cast<int32_t>(s.size()), c);
  *next = static_cast<size_t>(k);
  return c;
}

bool IsUpperAt(absl::string_view original, size_t pos) {
  unsigned char b = static_cast<unsigned char>(original[pos]);
  if (b < 0x80) return b >= 'A' && b <= 'Z';
  size_t next;
  UChar32 c = DecodeAt(original, pos, &next);
  return c >= 0 && (u_isupper(c) || u_istitle(c));
}

bool IsUrlPunct(char c) {
  return c == '/' || c == '_' || c == '=' || c == '?' || c == '&' || c == '@' || c == '#' ||
         c == '\\' || c == '%' || c == '~' || c == '+';
}

// LatinClass: 0 not a Latin word character, 1 letter, 2 digit, 3 combining mark (continues
// a word). Cheap range checks on case-folded NFKC text: no ICU call per character.
inline int LatinClass(UChar32 c) {
  if (c < 0x80) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return 1;
    return (c >= '0' && c <= '9') ? 2 : 0;
  }
  if ((c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) || (c >= 0x1E00 && c <= 0x1EFF)) return 1;
  return (c >= 0x300 && c <= 0x36F) ? 3 : 0;
}

constexpr std::array<int8_t, 128> LatinAscii() {
  std::array<int8_t, 128> t{};
  for (int c = 'a'; c <= 'z'; ++c) t[c] = 1;
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = 1;
  for (int c = '0'; c <= '9'; ++c) t[c] = 2;
  return t;
}
constexpr std::array<int8_t, 128> kLatinAscii = LatinAscii();

// Words: the Latin-script words of an article, with what the recognizer needs of them.
struct Words {
  std::vector<Token> kept;  // capitalized words (or every Latin word when keep_all)
  std::vector<std::pair<uint32_t, uint32_t>> lower;         // spans of the other (lower-case) words
  std::vector<std::pair<uint32_t, uint32_t>> per_sentence;  // (letter words, capitalized)
};

// Tokenize: the Latin-script words of each sentence. Only capitalized words are kept whole
// (every Latin word with keep_all); of the others only the span.
Words Tokenize(const NormalizedText& text, absl::Span<const NormalizedRange> sentences,
               bool keep_all) {
  Words words;
  words.per_sentence.assign(sentences.size(), {0, 0});
  const std::string& t = text.text;
  const absl::string_view view(t);
  auto class_at = [&](size_t i, size_t* next) -> int {
    const unsigned char b = static_cast<unsigned char>(t[i]);
    if (b < 0x80) {
      *next = i + 1;
      return kLatinAscii[b];
    }
    // From U+0800 on, only U+1E00..U+1EFF (lead E1, then B8..BB) is Latin: skip the rest
    // of Han, Devanagari, punctuation … without decoding.
    if (b >= 0xE0 &&
        !(b == 0xE1 && i + 1 < t.size() && static_cast<unsigned char>(t[i + 1]) >= 0xB8 &&
          static_cast<unsigned char>(t[i + 1]) <= 0xBB)) {
      *next = std::min(t.size(), i + (b >= 0xF0 ? 4 : 3));
      return 0;
    }
    return LatinClass(DecodeAt(view, i, next));
  };
  for (size_t si = 0; si < sentences.size(); ++si) {
    size_t i = sentences[si].begin;
    const size_t end = std::min<size_t>(sentences[si].end, t.size());
    bool first = true;
    while (i < end) {
      size_t next;
      const int k = class_at(i, &next);
      // A dateline's dash ("SÃO PAULO – As ações…", "Sydney — The…"): the sentence starts
      // after it.
      // (Normalization may have made it a hyphen between spaces.)
      const bool dash = (next == i + 3 && static_cast<unsigned char>(t[i]) == 0xE2 &&
                         static_cast<unsigned char>(t[i + 1]) == 0x80 &&
                         (static_cast<unsigned char>(t[i + 2]) == 0x93 ||
                          static_cast<unsigned char>(t[i + 2]) == 0x94)) ||
                        (t[i] == '-' && i > 0 && t[i - 1] == ' ' && i + 1 < end && t[i + 1] == ' ');
      if (k == 0 && dash) {
        // The words before it (a place, at most a few words) are no names of the story.
        if (words.per_sentence[si].first <= kMaxNameTokens) {
          for (size_t q = words.kept.size(); q-- > 0 && words.kept[q].sentence == si;) {
            words.kept[q].dateline = true;
          }
        }
        first = true;
        i = next;
        continue;
      }
      if (k == 0 || k == 3) {
        // A sentence's first word is the first word, whatever punctuation precedes it;
        // other scripts' words count too.
        if (first && k == 0 && static_cast<unsigned char>(t[i]) >= 0x80) {
          size_t unused;
          UChar32 c = DecodeAt(view, i, &unused);
          if (c >= 0 && u_isalnum(c)) first = false;
        }
        i = next;
        continue;
      }
      Token tok;
      tok.begin = static_cast<uint32_t>(i);
      tok.sentence = static_cast<uint32_t>(si);
      tok.has_letter = k == 1;
      size_t j = next;
      while (j < end) {
        size_t n2;
        const int kk = class_at(j, &n2);
        if (kk != 0) {
          tok.has_letter |= kk == 1;
          j = n2;
          continue;
        }
        // Internal apostrophe or hyphen followed by a letter: "o'brien", "jen-hsun"; a
        // hyphen before the digits of a model name: "rx-2", "c-390".
        if ((t[j] == '\'' || t[j] == '-') && j + 1 < end) {
          size_t n3;
          const int k3 = class_at(j + 1, &n3);
          if (k3 == 1 || (k3 == 2 && t[j] == '-' && tok.has_letter)) {
            j = j + 1;
            continue;
          }
        }
        break;
      }
      tok.end = static_cast<uint32_t>(j);
      tok.sentence_initial = first;
      first = false;
      i = j;
      if (!tok.has_letter) continue;
      const size_t ob = text.OriginalBegin(tok.begin);
      tok.capitalized = IsUpperAt(text.original, ob);
      words.per_sentence[si].first++;
      if (tok.capitalized) words.per_sentence[si].second++;
      if (!tok.capitalized) {
        words.lower.push_back({tok.begin, tok.end});
        if (!keep_all) continue;
      }
      // URL fragments and identifiers are not names.
      char before = tok.begin > 0 ? t[tok.begin - 1] : ' ';
      char after = tok.end < t.size() ? t[tok.end] : ' ';
      char after2 = tok.end + 1 < t.size() ? t[tok.end + 1] : ' ';
      tok.urlish =
          IsUrlPunct(before) || IsUrlPunct(after) ||
          ((before == '.' || before == ':') && tok.begin >= 2 &&
           absl::ascii_isalnum(t[tok.begin - 2])) ||
          ((after == '.' || after == ':') && (absl::ascii_isalnum(after2) || after2 == '/'));
      if (tok.capitalized && tok.end - tok.begin <= 3) {
        const size_t oe = text.OriginalEnd(tok.end);
        bool all_upper = true;
        for (size_t q = ob; q < oe; ++q) {
          char ch = text.original[q];
          if (!(ch >= 'A' && ch <= 'Z')) all_upper = false;
        }
        tok.all_caps_short = all_upper;
      }
      words.kept.push_back(tok);
    }
  }
  return words;
}

// MarkLexicon: tokens covered by a hit of another recognizer's class.
void MarkLexicon(std::vector<Token>& tokens, absl::Span<const PhraseHit> hits) {
  size_t h = 0;
  uint32_t max_end = 0;
  for (Token& tok : tokens) {
    while (h < hits.size() && hits[h].begin <= tok.begin) {
      if (hits[h].cls != PhraseClass::kEntity) max_end = std::max(max_end, hits[h].end);
      ++h;
    }
    tok.lexicon = max_end >= tok.end;
  }
}

bool Overlaps(const Candidate& a, uint32_t b, uint32_t e) { return a.begin < e && b < a.end; }

// Letters: the letters of a string, capitals kept.
std::u32string Letters(absl::string_view s) {
  std::u32string out;
  for (size_t i = 0; i < s.size();) {
    size_t next;
    UChar32 c = DecodeAt(s, i, &next);
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0x80 && u_isalpha(c))) {
      out.push_back(static_cast<char32_t>(c));
    }
    i = next;
  }
  return out;
}

// SameSpelling: the original span spells `name` with the same letters and capitals
// (spaces, punctuation and their typographic variants may differ).
bool SameSpelling(absl::string_view original, absl::string_view name) {
  return Letters(original) == Letters(name);
}

}  // namespace

EntityRecognizer::EntityRecognizer(const Gazetteer* gazetteer, const std::string& lang)
    : gazetteer_(gazetteer), lang_(lang) {
  primary_ = lang.substr(0, lang.find_first_of("-_"));
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale locale = icu::Locale::forLanguageTag(lang, status);
  if (U_SUCCESS(status)) locale.addLikelySubtags(status);
  latin_script_ = U_FAILURE(status) || std::string(locale.getScript()) == "Latn" ||
                  std::string(locale.getScript()).empty();
  // The scripts the language is written in (ICU's locale data: "ja" → Kana, Hira, Hani).
  UScriptCode codes[8];
  UErrorCode code_status = U_ZERO_ERROR;
  int count = uscript_getCode(lang.c_str(), codes, 8, &code_status);
  if (U_SUCCESS(code_status)) scripts_.assign(codes, codes + count);
  if (U_SUCCESS(status) && locale.getScript()[0] != '\0') {
    UErrorCode s2 = U_ZERO_ERROR;
    count = uscript_getCode(locale.getScript(), codes, 8, &s2);
    if (U_SUCCESS(s2)) scripts_.insert(scripts_.end(), codes, codes + count);
  }
  for (UScriptCode c : std::vector<UScriptCode>(scripts_)) {
    // Japanese is written in Kana and Han, Korean in Hangul and Han.
    if (c == USCRIPT_JAPANESE) {
      scripts_.insert(scripts_.end(), {USCRIPT_HAN, USCRIPT_HIRAGANA, USCRIPT_KATAKANA});
    }
    if (c == USCRIPT_KOREAN) scripts_.insert(scripts_.end(), {USCRIPT_HANGUL, USCRIPT_HAN});
    if (c == USCRIPT_SIMPLIFIED_HAN || c == USCRIPT_TRADITIONAL_HAN)
      scripts_.push_back(USCRIPT_HAN);
  }
}

bool EntityRecognizer::WrittenHere(absl::string_view name) const {
  // A name in Latin letters or digits can appear in any text; one in another script only
  // in text of a language written in that script (a Hindi article does not spell 黄仁勋).
  for (size_t i = 0; i < name.size();) {
    size_t next;
    UChar32 c = DecodeAt(name, i, &next);
    i = next;
    if (c < 0x80 || !u_isalpha(c)) continue;
    UErrorCode status = U_ZERO_ERROR;
    UScriptCode script = uscript_getScript(c, &status);
    if (U_FAILURE(status) || script == USCRIPT_LATIN || script == USCRIPT_COMMON ||
        script == USCRIPT_INHERITED) {
      continue;
    }
    return scripts_.empty() ||
           std::find(scripts_.begin(), scripts_.end(), script) != scripts_.end();
  }
  return true;
}

void EntityRecognizer::RegisterPhrases(PhraseMatcherBuilder* builder) const {
  const auto& names = gazetteer_->names();
  for (size_t i = 0; i < names.size(); ++i) {
    const GazetteerName& n = names[i];
    if (n.is_short && !n.lang.empty() && n.lang.substr(0, n.lang.find_first_of("-_")) != primary_) {
      continue;
    }
    if (!WrittenHere(n.normalized)) continue;
    builder->Add(n.normalized, PhraseClass::kEntity, static_cast<uint32_t>(i));
  }
}

std::vector<std::vector<EntityMention>> EntityRecognizer::Find(
    const NormalizedText& text, absl::Span<const NormalizedRange> sentences,
    absl::Span<const PhraseHit> hits, bool explain) const {
  const auto& names = gazetteer_->names();
  const auto& entities = gazetteer_->entities();
  const std::string& t = text.text;

  // 1. Gazetteer names.
  std::vector<Candidate> full;
  std::vector<Candidate> shorts;
  // A lexicon phrase (not a name) spans exactly [b, e).
  auto lexicon_span = [&](uint32_t b, uint32_t e) {
    auto it = std::lower_bound(hits.begin(), hits.end(), b,
                               [](const PhraseHit& h, uint32_t x) { return h.begin < x; });
    for (; it != hits.end() && it->begin == b; ++it) {
      if (it->cls != PhraseClass::kEntity && it->end == e) return true;
    }
    return false;
  };
  // Inside an identifier or URL ("wechat_redirect", "/meta/"), or the head of a hyphenated
  // compound whose rest is a common word ("Meta-Analyse"; "Siemens-Aktie" stays: "Aktie"
  // is a lexicon word): no name.
  auto embedded = [&](uint32_t b, uint32_t e) {
    if ((b > 0 && IsUrlPunct(t[b - 1])) || (e < t.size() && IsUrlPunct(t[e]))) return true;
    if (e + 1 < t.size() && t[e] == '-') {
      size_t unused;
      if (LatinClass(DecodeAt(t, e + 1, &unused)) != 1) return false;
      uint32_t w = e + 1;
      while (w < t.size()) {
        size_t next;
        const UChar32 c = DecodeAt(t, w, &next);
        if (LatinClass(c) == 0) break;
        w = static_cast<uint32_t>(next);
      }
      return !lexicon_span(e + 1, w);
    }
    return false;
  };
  for (const PhraseHit& h : hits) {
    if (h.cls != PhraseClass::kEntity || h.payload >= names.size()) continue;
    const GazetteerName& n = names[h.payload];
    if (embedded(h.begin, h.end)) continue;
    if (n.case_sensitive) {
      const uint32_t ob = text.OriginalBegin(h.begin);
      const uint32_t oe = text.OriginalEnd(h.end);
      if (!SameSpelling(text.original.substr(ob, oe - ob), n.text)) continue;
    }
    Candidate c{h.begin, h.end, static_cast<int>(n.entity), static_cast<int>(h.payload),
                n.is_short ? Candidate::kShort : Candidate::kName};
    (n.is_short ? shorts : full).push_back(c);
  }

  // 2. Latin-script words, and runs of them linked by key.
  Words words = Tokenize(text, sentences, /*keep_all=*/!latin_script_);
  std::vector<Token>& tokens = words.kept;
  // A compound whose last part is a lexicon word names its head: "Lufthansa-Aktie".
  for (Token& tok : tokens) {
    for (uint32_t p = tok.begin + 1; p + 1 < tok.end; ++p) {
      if (t[p] == '-' && lexicon_span(p + 1, tok.end)) {
        tok.end = p;
        break;
      }
    }
  }
  MarkLexicon(tokens, hits);
  auto joined = [&](size_t a, size_t b) {  // tokens a and b (= a + 1) form one name
    return tokens[a].sentence == tokens[b].sentence && tokens[b].begin == tokens[a].end + 1 &&
           t[tokens[a].end] == ' ';
  };
  for (size_t a = 0; a < tokens.size();) {
    size_t b = a;  // run [a, b] of capitalized, joined tokens
    if (!tokens[a].capitalized || tokens[a].urlish) {
      ++a;
      continue;
    }
    while (b + 1 < tokens.size() && joined(b, b + 1) && tokens[b + 1].capitalized &&
           !tokens[b + 1].urlish) {
      ++b;
    }
    // The key of each token once (ASCII ones inline), then every window of them.
    std::vector<std::string> keys(b - a + 1);
    for (size_t j = a; j <= b; ++j) {
      absl::string_view w =
          absl::string_view(t).substr(tokens[j].begin, tokens[j].end - tokens[j].begin);
      std::string& k = keys[j - a];
      bool ascii = true;
      for (char c : w) {
        if (static_cast<unsigned char>(c) >= 0x80) {
          ascii = false;
          break;
        }
        if (absl::ascii_isalnum(c)) k.push_back(c);  // already lower case: normalized text
      }
      if (!ascii) k = Gazetteer::Key(w);
    }
    for (size_t i = a; i <= b; ++i) {
      std::string key;
      for (size_t j = i; j <= b && j < i + kMaxKeyWindow; ++j) {
        key += keys[j - a];
        const std::vector<uint32_t>* linked = gazetteer_->ResolveKey(key);
        if (linked == nullptr || linked->empty()) continue;
        full.push_back(Candidate{tokens[i].begin, tokens[j].end, static_cast<int>((*linked)[0]), -1,
                                 Candidate::kKey});
      }
    }
    a = b + 1;
  }

  // 3. Leftmost-longest among full names; a gazetteer name beats a key link on a tie, and
  // among names of the same span the data order wins.
  std::stable_sort(full.begin(), full.end(), [](const Candidate& x, const Candidate& y) {
    if (x.begin != y.begin) return x.begin < y.begin;
    if (x.end != y.end) return x.end > y.end;
    return x.source < y.source;
  });
  std::vector<Candidate> chosen;
  uint32_t covered_to = 0;
  for (const Candidate& c : full) {
    if (!chosen.empty() && c.begin < covered_to) continue;
    chosen.push_back(c);
    covered_to = c.end;
  }

  // 4. Short names, after a full name of their entity.
  if (!shorts.empty()) {
    absl::flat_hash_map<int, uint32_t> last_full;  // entity → begin of latest full mention
    size_t f = 0;
    std::vector<Candidate> picked;
    for (size_t s = 0; s < shorts.size();) {
      size_t s_end = s;  // all short hits of the same span
      while (s_end < shorts.size() && shorts[s_end].begin == shorts[s].begin &&
             shorts[s_end].end == shorts[s].end) {
        ++s_end;
      }
      while (f < chosen.size() && chosen[f].begin < shorts[s].begin) {
        last_full[chosen[f].entity] = chosen[f].begin;
        ++f;
      }
      const Candidate* best = nullptr;
      uint32_t best_at = 0;
      for (size_t k = s; k < s_end; ++k) {
        auto it = last_full.find(shorts[k].entity);
        if (it == last_full.end()) continue;
        if (best == nullptr || it->second > best_at) {
          best = &shorts[k];
          best_at = it->second;
        }
      }
      if (best != nullptr) {
        // `chosen` is sorted and non-overlapping, so its ends are sorted too: the first
        // full mention ending after this one's start is the only one that may overlap.
        // Short mentions come in order: only the last one picked may overlap.
        auto after =
            std::lower_bound(chosen.begin(), chosen.end(), best->begin,
                             [](const Candidate& c, uint32_t begin) { return c.end <= begin; });
        bool overlaps = after != chosen.end() && after->begin < best->end;
        if (!picked.empty() && Overlaps(picked.back(), best->begin, best->end)) overlaps = true;
        if (!overlaps) picked.push_back(*best);
      }
      s = s_end;
    }
    chosen.insert(chosen.end(), picked.begin(), picked.end());
    std::sort(chosen.begin(), chosen.end(),
              [](const Candidate& x, const Candidate& y) { return x.begin < y.begin; });
  }

  // 5. Unknown names from what is left.
  {
    std::vector<bool> taken(tokens.size(), false);
    size_t c = 0;
    for (size_t i = 0; i < tokens.size(); ++i) {
      while (c < chosen.size() && chosen[c].end <= tokens[i].begin) ++c;
      taken[i] = c < chosen.size() && Overlaps(chosen[c], tokens[i].begin, tokens[i].end);
    }
    // Title-case sentences (headlines) give no unknown names in Latin-script languages.
    std::vector<bool> title_case(sentences.size(), false);
    if (latin_script_) {
      const auto& counts = words.per_sentence;
      for (size_t s = 0; s < sentences.size(); ++s) {
        title_case[s] = counts[s].first >= 4 && counts[s].second * 10 >= counts[s].first * 6;
      }
    }
    auto eligible = [&](size_t i) {
      const Token& tok = tokens[i];
      if (taken[i] || tok.lexicon || tok.urlish || tok.dateline || !tok.has_letter) return false;
      if (title_case[tok.sentence]) return false;
      return latin_script_ ? tok.capitalized : true;
    };
    std::vector<std::pair<size_t, size_t>> pieces;  // token index ranges [a, b]
    for (size_t a = 0; a < tokens.size();) {
      if (!eligible(a)) {
        ++a;
        continue;
      }
      size_t b = a;
      while (b + 1 < tokens.size() && joined(b, b + 1) && eligible(b + 1)) ++b;
      pieces.push_back({a, b});
      a = b + 1;
    }
    // A capitalized sentence-initial word is an ordinary word when the article also writes
    // it in lower case ("Il", "Dia", "The"); alone, it is a name only when the article also
    // capitalizes it elsewhere ("Yesterday", "Nothing" are not).
    const absl::string_view view(t);
    auto word = [&](const Token& tok) { return view.substr(tok.begin, tok.end - tok.begin); };
    absl::flat_hash_set<absl::string_view> initial;
    for (const auto& [a, b] : pieces) {
      if (latin_script_ && tokens[a].sentence_initial) initial.insert(word(tokens[a]));
    }
    absl::flat_hash_set<absl::string_view> lower_seen;
    absl::flat_hash_set<absl::string_view> capital_seen;  // capitalized, not sentence-initial
    if (!initial.empty()) {
      for (const Token& tok : tokens) {
        if (!tok.has_letter || !tok.capitalized || tok.sentence_initial) continue;
        if (initial.contains(word(tok))) capital_seen.insert(word(tok));
      }
      // …or opens a longer name ("Qantas Airways" makes a lone "Qantas" one too; "The
      // Nasdaq" does not make "The" one: the article writes "the").
      for (const auto& [a, b] : pieces) {
        if (a < b && tokens[a].sentence_initial) capital_seen.insert(word(tokens[a]));
      }
      // Lower-case words: only those of a candidate's length and first byte are hashed.
      std::bitset<256> first_bytes;
      uint64_t lengths = 0;
      for (absl::string_view w : initial) {
        first_bytes.set(static_cast<unsigned char>(w[0]));
        lengths |= uint64_t{1} << std::min<size_t>(w.size(), 63);
      }
      for (const auto& [b, e] : words.lower) {
        if (!first_bytes.test(static_cast<unsigned char>(t[b]))) continue;
        if (!(lengths & (uint64_t{1} << std::min<uint32_t>(e - b, 63)))) continue;
        absl::string_view w = view.substr(b, e - b);
        if (initial.contains(w)) lower_seen.insert(w);
      }
    }
    std::vector<Candidate> unknown;
    for (auto [a, b] : pieces) {
      if (latin_script_ && tokens[a].sentence_initial) {
        absl::string_view w = word(tokens[a]);
        if (lower_seen.contains(w)) {
          ++a;
          if (a > b) continue;
        } else if (a == b && !capital_seen.contains(w)) {
          continue;
        }
      }
      if (b - a + 1 > kMaxNameTokens) continue;
      if (a == b && tokens[a].all_caps_short) continue;
      unknown.push_back(Candidate{tokens[a].begin, tokens[b].end, -1, -1, Candidate::kUnknown});
    }
    if (!unknown.empty()) {
      chosen.insert(chosen.end(), unknown.begin(), unknown.end());
      std::sort(chosen.begin(), chosen.end(),
                [](const Candidate& x, const Candidate& y) { return x.begin < y.begin; });
    }
  }

  // 6. Mentions, per sentence.
  std::vector<std::vector<EntityMention>> result(sentences.size());
  size_t si = 0;
  for (const Candidate& c : chosen) {
    while (si < sentences.size() && sentences[si].end <= c.begin) ++si;
    if (si == sentences.size()) break;
    if (c.begin < sentences[si].begin) continue;
    EntityMention m;
    m.begin = text.OriginalBegin(c.begin);
    m.end = text.OriginalEnd(c.end);
    const absl::string_view surface = text.original.substr(m.begin, m.end - m.begin);
    m.ref.set_text(std::string(surface));
    if (c.entity >= 0) {
      const v1::Entity& e = entities[static_cast<size_t>(c.entity)];
      m.ref.set_entity(e.id());
      m.ref.set_type(e.type());
      m.ref.set_key(c.name >= 0 ? names[static_cast<size_t>(c.name)].key : Gazetteer::Key(surface));
    } else {
      m.ref.set_key(Gazetteer::Key(surface));
    }
    if (explain) {
      switch (c.source) {
        case Candidate::kName:
          m.explain.push_back(absl::StrCat("entity ", m.ref.entity(), ": gazetteer name \"",
                                           names[static_cast<size_t>(c.name)].text, "\""));
          break;
        case Candidate::kShort:
          m.explain.push_back(absl::StrCat("entity ", m.ref.entity(), ": short name \"",
                                           names[static_cast<size_t>(c.name)].text,
                                           "\" after its full name"));
          break;
        case Candidate::kKey:
          m.explain.push_back(
              absl::StrCat("entity ", m.ref.entity(), ": cross-script key \"", m.ref.key(), "\""));
          break;
        case Candidate::kUnknown:
          m.explain.push_back(absl::StrCat("entity: unknown name \"", surface, "\" (",
                                           latin_script_ ? "capitalized words" : "Latin script",
                                           ")"));
          break;
      }
    }
    result[si].push_back(std::move(m));
  }
  return result;
}

}  // namespace claimline::extract

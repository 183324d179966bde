#include "extract/phrase_matcher.h"

#include <algorithm>
#include <array>
#include <tuple>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "unicode/uchar.h"
#include "unicode/uscript.h"
#include "unicode/utf8.h"

namespace claimline::extract {
namespace {

// Word boundaries. A phrase edge that is a letter or digit of a script written with spaces
// must not touch another letter, digit or mark of the same kind of script; scripts written
// without spaces (Han, Kana, Thai …) never need a boundary, and neither does a change of
// script ("用NVIDIA的", "NVIDIA는"). Hangul words take particles, so a Hangul phrase end
// needs no boundary either.
//
// Every code point gets a word class: kNotWord, kUnspaced (a letter of a script written
// without spaces), or kCommonWord + script for letters, digits and marks of other scripts
// (digits and combining marks count as Common). Classes of the BMP come from a table built
// once, so matching makes no ICU call per character.
using WordClass = uint8_t;
constexpr WordClass kNotWord = 0;
constexpr WordClass kUnspaced = 1;
constexpr WordClass kCommonWord = 2;  // script Common or Inherited: digits, marks
constexpr WordClass kNoCheck = 0;     // as an edge requirement: no boundary needed

bool IsUnspacedScript(UScriptCode s) {
  switch (s) {
    case USCRIPT_HAN:
    case USCRIPT_HIRAGANA:
    case USCRIPT_KATAKANA:
    case USCRIPT_KATAKANA_OR_HIRAGANA:
    case USCRIPT_BOPOMOFO:
    case USCRIPT_THAI:
    case USCRIPT_LAO:
    case USCRIPT_KHMER:
    case USCRIPT_MYANMAR:
    case USCRIPT_TIBETAN:
    case USCRIPT_YI:
      return true;
    default:
      return false;
  }
}

WordClass ComputeClass(UChar32 c) {
  if (c < 0) return kNotWord;
  if (!(u_isalnum(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0)) return kNotWord;
  UErrorCode status = U_ZERO_ERROR;
  UScriptCode s = uscript_getScript(c, &status);
  if (U_FAILURE(status)) return kCommonWord;
  if (IsUnspacedScript(s)) return kUnspaced;
  if (s == USCRIPT_COMMON || s == USCRIPT_INHERITED) return kCommonWord;
  int v = kCommonWord + static_cast<int>(s);
  return static_cast<WordClass>(v > 255 ? 255 : v);
}

const std::array<WordClass, 0x10000>& BmpClasses() {
  static const auto* table = [] {
    auto* t = new std::array<WordClass, 0x10000>;
    for (UChar32 c = 0; c < 0x10000; ++c) {
      (*t)[static_cast<size_t>(c)] = (c >= 0xD800 && c <= 0xDFFF) ? kNotWord : ComputeClass(c);
    }
    return t;
  }();
  return *table;
}

WordClass ClassOf(UChar32 c) {
  if (c < 0) return kNotWord;
  if (c < 0x10000) return BmpClasses()[static_cast<size_t>(c)];
  return ComputeClass(c);
}

const WordClass kHangulClass = static_cast<WordClass>(kCommonWord + USCRIPT_HANGUL);

// EdgeClass: what a phrase edge code point requires of its neighbour: kNoCheck, or its
// own word class.
WordClass EdgeClass(UChar32 c, bool at_end) {
  WordClass k = ClassOf(c);
  if (k == kNotWord || k == kUnspaced) return kNoCheck;
  if (at_end && k == kHangulClass) return kNoCheck;
  return k;
}

// Blocks: whether a neighbour of class `n` glues onto a phrase edge of class `edge`.
inline bool Blocks(WordClass edge, WordClass n) {
  if (edge == kNoCheck || n == kNotWord || n == kUnspaced) return false;
  if (edge == kCommonWord || n == kCommonWord) return true;  // digits glue to any word
  return n == edge;
}

// The ASCII classes, for the fast paths.
constexpr std::array<WordClass, 128> AsciiClasses() {
  std::array<WordClass, 128> t{};
  for (int c = 0; c < 128; ++c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      t[c] = static_cast<WordClass>(kCommonWord + 25);  // USCRIPT_LATIN == 25
    } else if (c >= '0' && c <= '9') {
      t[c] = kCommonWord;
    }
  }
  return t;
}
constexpr std::array<WordClass, 128> kAscii = AsciiClasses();
static_assert(USCRIPT_LATIN == 25, "kAscii assumes ICU's code for Latin");

// ClassAt: the class of the code point starting at byte `i`.
inline WordClass ClassAt(const uint8_t* s, size_t n, size_t i) {
  if (s[i] < 0x80) return kAscii[s[i]];
  int32_t k = static_cast<int32_t>(i);
  UChar32 c;
  U8_NEXT(s, k, static_cast<int32_t>(n), c);
  return ClassOf(c);
}

struct Pattern {
  uint32_t length;
  uint32_t payload;
  PhraseClass cls;
  WordClass start_edge;
  WordClass end_edge;
};

struct Node {
  uint32_t edge_begin = 0;
  uint32_t edge_count = 0;
  uint32_t fail = 0;
  uint32_t out_begin = 0;
  uint32_t out_count = 0;
  uint32_t dict = 0;  // nearest node on the fail chain with outputs; 0 = none
};

// An Aho–Corasick automaton flattened breadth first, with a dense root.
struct Trie {
  std::vector<Node> nodes;  // nodes[0] is the root
  std::vector<uint8_t> edge_bytes;
  std::vector<uint32_t> edge_targets;
  std::vector<uint32_t> outputs;  // pattern indices
  std::array<uint32_t, 256> root{};

  bool empty() const { return nodes.size() <= 1; }

  uint32_t Child(uint32_t v, uint8_t b) const {
    if (v == 0) return root[b];
    const Node& node = nodes[v];
    const uint8_t* first = edge_bytes.data() + node.edge_begin;
    const uint8_t* last = first + node.edge_count;
    const uint8_t* it = first;
    if (node.edge_count <= 8) {
      while (it != last && *it < b) ++it;
    } else {
      it = std::lower_bound(first, last, b);
    }
    return (it != last && *it == b) ? edge_targets[it - edge_bytes.data()] : 0;
  }
};

// BuildTrie: the Aho–Corasick automaton of `patterns` (indices into `phrases`),
// breadth-first numbered.
Trie BuildTrie(const std::vector<std::string>& phrases, const std::vector<uint32_t>& patterns) {
  // Build-time children: small unsorted vectors (most nodes have one), root dense.
  std::vector<std::vector<std::pair<uint8_t, uint32_t>>> children(1);
  std::vector<std::vector<uint32_t>> own(1);
  std::array<uint32_t, 256> root_children{};
  for (uint32_t p : patterns) {
    uint32_t node = 0;
    for (char ch : phrases[p]) {
      const uint8_t b = static_cast<uint8_t>(ch);
      uint32_t next = 0;
      if (node == 0) {
        next = root_children[b];
      } else {
        for (const auto& [cb, ct] : children[node]) {
          if (cb == b) {
            next = ct;
            break;
          }
        }
      }
      if (next == 0) {
        next = static_cast<uint32_t>(children.size());
        children.emplace_back();
        own.emplace_back();
        children[node].push_back({b, next});
        if (node == 0) root_children[b] = next;
      }
      node = next;
    }
    own[node].push_back(p);
  }

  // Breadth-first numbering: shallow states, which text visits most, share cache lines.
  const size_t count = children.size();
  std::vector<uint32_t> order;  // BFS position → build id
  order.reserve(count);
  std::vector<uint32_t> id(count, 0);
  order.push_back(0);
  for (size_t k = 0; k < order.size(); ++k) {
    auto& kids = children[order[k]];
    std::sort(kids.begin(), kids.end());
    for (const auto& [b, t] : kids) {
      id[t] = static_cast<uint32_t>(order.size());
      order.push_back(t);
    }
  }
  Trie trie;
  trie.nodes.resize(count);
  trie.edge_bytes.reserve(count);
  trie.edge_targets.reserve(count);
  for (size_t v = 0; v < count; ++v) {
    const uint32_t old = order[v];
    Node& node = trie.nodes[v];
    node.edge_begin = static_cast<uint32_t>(trie.edge_bytes.size());
    node.edge_count = static_cast<uint32_t>(children[old].size());
    for (const auto& [b, t] : children[old]) {
      trie.edge_bytes.push_back(b);
      trie.edge_targets.push_back(id[t]);
    }
    node.out_begin = static_cast<uint32_t>(trie.outputs.size());
    node.out_count = static_cast<uint32_t>(own[old].size());
    trie.outputs.insert(trie.outputs.end(), own[old].begin(), own[old].end());
  }
  for (const auto& [b, t] : children[0]) trie.root[b] = id[t];

  // Failure and dictionary links in BFS order (a node's fail target is shallower).
  for (uint32_t v = 1; v < count; ++v) {
    const Node node = trie.nodes[v];
    for (uint32_t k = 0; k < node.edge_count; ++k) {
      const uint8_t b = trie.edge_bytes[node.edge_begin + k];
      const uint32_t t = trie.edge_targets[node.edge_begin + k];
      uint32_t f = node.fail;
      uint32_t target = 0;
      while (true) {
        uint32_t c = trie.Child(f, b);
        if (c != 0) {
          target = c;
          break;
        }
        if (f == 0) break;
        f = trie.nodes[f].fail;
      }
      trie.nodes[t].fail = target;
      trie.nodes[t].dict = trie.nodes[target].out_count != 0 ? target : trie.nodes[target].dict;
    }
  }
  return trie;
}

// WordTrie: the word phrases as a plain trie in depth-first preorder, 8 bytes a node: a
// walk along one phrase reads consecutive memory, and a node with one child (most of them)
// finds it right after itself.
struct WordNode {
  uint32_t edges = 0;   // count >= 2: index of the first edge in edge_bytes/edge_targets
  uint16_t count = 0;   // children
  uint8_t single = 0;   // count == 1: the byte leading to the child, which is node + 1
  uint8_t has_out = 0;  // outputs in out_ranges[node]
};

struct WordTrie {
  std::vector<WordNode> nodes;  // nodes[0] is the root (its children are in `root`)
  std::vector<uint8_t> edge_bytes;
  std::vector<uint32_t> edge_targets;
  std::vector<std::pair<uint32_t, uint32_t>> out_ranges;  // per node: begin, count
  std::vector<uint32_t> outputs;
  std::array<uint32_t, 256> root{};

  bool empty() const { return nodes.size() <= 1; }

  uint32_t Child(uint32_t v, uint8_t b) const {
    const WordNode& node = nodes[v];
    if (node.count == 1) return node.single == b ? v + 1 : 0;
    if (node.count == 0) return 0;
    const uint8_t* first = edge_bytes.data() + node.edges;
    const uint8_t* last = first + node.count;
    const uint8_t* it = first;
    if (node.count <= 8) {
      while (it != last && *it < b) ++it;
    } else {
      it = std::lower_bound(first, last, b);
    }
    return (it != last && *it == b) ? edge_targets[it - edge_bytes.data()] : 0;
  }
};

WordTrie BuildWordTrie(const std::vector<std::string>& phrases,
                       const std::vector<uint32_t>& patterns) {
  // Sorting the phrases makes the insertion order a depth-first preorder: every node is
  // created right after its parent's previous subtree is complete.
  std::vector<uint32_t> sorted = patterns;
  std::stable_sort(sorted.begin(), sorted.end(),
                   [&](uint32_t a, uint32_t b) { return phrases[a] < phrases[b]; });
  WordTrie trie;
  trie.nodes.emplace_back();  // root
  std::vector<std::vector<std::pair<uint8_t, uint32_t>>> children(1);
  std::vector<std::vector<uint32_t>> own(1);
  for (uint32_t p : sorted) {
    uint32_t node = 0;
    for (char ch : phrases[p]) {
      const uint8_t b = static_cast<uint8_t>(ch);
      uint32_t next = 0;
      if (!children[node].empty() && children[node].back().first == b) {
        next = children[node].back().second;  // sorted input: only the last child can match
      }
      if (next == 0) {
        next = static_cast<uint32_t>(children.size());
        children.emplace_back();
        own.emplace_back();
        children[node].push_back({b, next});
      }
      node = next;
    }
    own[node].push_back(p);
  }
  const size_t count = children.size();
  trie.nodes.resize(count);
  trie.out_ranges.resize(count);
  for (size_t v = 0; v < count; ++v) {
    WordNode& node = trie.nodes[v];
    const auto& kids = children[v];
    node.count = static_cast<uint16_t>(kids.size());
    if (v == 0) {
      for (const auto& [b, t] : kids) trie.root[b] = t;
    } else if (kids.size() == 1) {
      node.single = kids[0].first;  // kids[0].second == v + 1 by construction
    } else if (kids.size() > 1) {
      node.edges = static_cast<uint32_t>(trie.edge_bytes.size());
      for (const auto& [b, t] : kids) {
        trie.edge_bytes.push_back(b);
        trie.edge_targets.push_back(t);
      }
    }
    if (!own[v].empty()) {
      node.has_out = 1;
      // Outputs in pattern order, so hits of one span come out in registration order.
      std::sort(own[v].begin(), own[v].end());
      trie.out_ranges[v] = {static_cast<uint32_t>(trie.outputs.size()),
                            static_cast<uint32_t>(own[v].size())};
      trie.outputs.insert(trie.outputs.end(), own[v].begin(), own[v].end());
    }
  }
  return trie;
}

// The matcher in two parts:
//   - word phrases (those that start with a letter or digit of a spaced script) can only
//     start where a word starts: a plain trie is walked from each such position, so the
//     inside of words ("e" inside "mercato") costs nothing;
//   - the other phrases (punctuation, symbols, Han, Kana …) may start anywhere: an
//     Aho–Corasick automaton runs over the whole text, but only when there are any.
class TwoPartMatcher final : public PhraseMatcher {
 public:
  TwoPartMatcher(std::vector<Pattern> patterns, WordTrie words, Trie anywhere)
      : patterns_(std::move(patterns)),
        words_(std::move(words)),
        anywhere_(std::move(anywhere)),
        bmp_(&BmpClasses()) {}

  size_t phrase_count() const override { return patterns_.size(); }

  std::vector<PhraseHit> FindAll(absl::string_view text) const override {
    const auto* s = reinterpret_cast<const uint8_t*>(text.data());
    const size_t n = text.size();
    // Word hits come out ordered by (begin, end, pattern); the others by end, so only they
    // are sorted before the two lists are merged.
    Found words;
    Found anywhere;
    if (!words_.empty()) FindWords(s, n, &words);
    if (!anywhere_.empty()) FindAnywhere(s, n, &anywhere);
    auto less = [](const std::pair<PhraseHit, uint32_t>& a,
                   const std::pair<PhraseHit, uint32_t>& b) {
      return std::tie(a.first.begin, a.first.end, a.second) <
             std::tie(b.first.begin, b.first.end, b.second);
    };
    std::sort(anywhere.begin(), anywhere.end(), less);
    std::vector<PhraseHit> hits;
    hits.reserve(words.size() + anywhere.size());
    size_t a = 0;
    size_t b = 0;
    while (a < words.size() || b < anywhere.size()) {
      if (b == anywhere.size() || (a < words.size() && !less(anywhere[b], words[a]))) {
        hits.push_back(words[a++].first);
      } else {
        hits.push_back(anywhere[b++].first);
      }
    }
    return hits;
  }

 private:
  using Found = std::vector<std::pair<PhraseHit, uint32_t>>;

  void Emit(const uint8_t* s, size_t n, const uint32_t* outputs, uint32_t count, size_t end,
            Found* found) const {
    for (uint32_t k = 0; k < count; ++k) {
      const uint32_t p = outputs[k];
      const Pattern& pat = patterns_[p];
      if (pat.end_edge != kNoCheck && end < n && Blocks(pat.end_edge, ClassAt(s, n, end))) {
        continue;
      }
      const size_t begin = end - pat.length;
      found->push_back({PhraseHit{static_cast<uint32_t>(begin), static_cast<uint32_t>(end), pat.cls,
                                  pat.payload},
                        p});
    }
  }

  // FindWords: walks the word trie from every position where a word phrase may start: a
  // word character of a spaced script that does not glue onto the one before it.
  void FindWords(const uint8_t* s, size_t n, Found* found) const {
    WordClass prev = kNotWord;
    size_t i = 0;
    while (i < n) {
      WordClass cur;
      size_t next;
      if (s[i] < 0x80) {
        cur = kAscii[s[i]];
        next = i + 1;
        // Inside an ASCII word: nothing can start here, nor anywhere up to its end.
        if (cur != kNotWord && prev != kNotWord && prev != kUnspaced &&
            (prev == cur || prev == kCommonWord || cur == kCommonWord)) {
          while (next < n && s[next] < 0x80 && kAscii[s[next]] != kNotWord) ++next;
          prev = kAscii[s[next - 1]];
          i = next;
          continue;
        }
      } else {
        int32_t k = static_cast<int32_t>(i);
        UChar32 c;
        U8_NEXT(s, k, static_cast<int32_t>(n), c);
        cur = (c >= 0 && c < 0x10000) ? (*bmp_)[static_cast<size_t>(c)] : ClassOf(c);
        next = static_cast<size_t>(k);
      }
      if (cur != kNotWord && cur != kUnspaced && !Blocks(cur, prev)) Walk(s, n, i, found);
      prev = cur;
      i = next;
    }
  }

  void Walk(const uint8_t* s, size_t n, size_t start, Found* found) const {
    uint32_t node = words_.root[s[start]];
    size_t j = start + 1;
    while (node != 0) {
      if (words_.nodes[node].has_out) {
        const auto& [first, count] = words_.out_ranges[node];
        Emit(s, n, words_.outputs.data() + first, count, j, found);
      }
      if (j == n) break;
      node = words_.Child(node, s[j]);
      ++j;
    }
  }

  // FindAnywhere: Aho–Corasick over the whole text for phrases that need no start boundary.
  void FindAnywhere(const uint8_t* s, size_t n, Found* found) const {
    uint32_t state = 0;
    for (size_t i = 0; i < n; ++i) {
      if (state == 0) {
        // At the root: skip the bytes no phrase starts with (all of them, in text
        // without punctuation phrases or Han).
        while (i < n && anywhere_.root[s[i]] == 0) ++i;
        if (i == n) break;
      }
      const uint8_t b = s[i];
      while (true) {
        uint32_t next = anywhere_.Child(state, b);
        if (next != 0 || state == 0) {
          state = next;
          break;
        }
        state = anywhere_.nodes[state].fail;
      }
      uint32_t out = anywhere_.nodes[state].out_count != 0 ? state : anywhere_.nodes[state].dict;
      while (out != 0) {
        const Node& node = anywhere_.nodes[out];
        Emit(s, n, anywhere_.outputs.data() + node.out_begin, node.out_count, i + 1, found);
        out = node.dict;
      }
    }
  }

  std::vector<Pattern> patterns_;
  WordTrie words_;
  Trie anywhere_;
  const std::array<WordClass, 0x10000>* bmp_;  // BmpClasses(), without the static guard
};

UChar32 FirstCodePoint(absl::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(p, i, static_cast<int32_t>(s.size()), c);
  return c;
}

UChar32 LastCodePoint(absl::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t i = static_cast<int32_t>(s.size());
  UChar32 c;
  U8_PREV(p, 0, i, c);
  return c;
}

}  // namespace

PhraseMatcherBuilder::PhraseMatcherBuilder() = default;
PhraseMatcherBuilder::~PhraseMatcherBuilder() = default;

void PhraseMatcherBuilder::Add(absl::string_view normalized_phrase, PhraseClass cls,
                               uint32_t payload, bool allow_suffix) {
  if (normalized_phrase.empty()) return;
  entries_.push_back(Entry{std::string(normalized_phrase), cls, payload, allow_suffix});
}

std::unique_ptr<PhraseMatcher> PhraseMatcherBuilder::Build() {
  // The same (phrase, class, payload) added twice yields one hit; allow_suffix wins.
  absl::flat_hash_map<std::tuple<std::string, uint8_t, uint32_t>, size_t> seen;
  std::vector<Entry> unique;
  unique.reserve(entries_.size());
  for (Entry& e : entries_) {
    auto key = std::make_tuple(e.phrase, static_cast<uint8_t>(e.cls), e.payload);
    auto [it, inserted] = seen.emplace(std::move(key), unique.size());
    if (inserted) {
      unique.push_back(std::move(e));
    } else {
      unique[it->second].allow_suffix |= e.allow_suffix;
    }
  }
  entries_.clear();

  std::vector<Pattern> patterns;
  std::vector<std::string> phrases;
  std::vector<uint32_t> word_patterns;
  std::vector<uint32_t> anywhere_patterns;
  patterns.reserve(unique.size());
  phrases.reserve(unique.size());
  for (Entry& e : unique) {
    Pattern pat;
    pat.length = static_cast<uint32_t>(e.phrase.size());
    pat.payload = e.payload;
    pat.cls = e.cls;
    pat.start_edge = EdgeClass(FirstCodePoint(e.phrase), false);
    pat.end_edge = e.allow_suffix ? kNoCheck : EdgeClass(LastCodePoint(e.phrase), true);
    const uint32_t index = static_cast<uint32_t>(patterns.size());
    (pat.start_edge != kNoCheck ? word_patterns : anywhere_patterns).push_back(index);
    patterns.push_back(pat);
    phrases.push_back(std::move(e.phrase));
  }
  WordTrie words = BuildWordTrie(phrases, word_patterns);
  Trie anywhere = BuildTrie(phrases, anywhere_patterns);
  return std::make_unique<TwoPartMatcher>(std::move(patterns), std::move(words),
                                          std::move(anywhere));
}

}  // namespace claimline::extract

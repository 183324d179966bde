#include "extract/phrase_matcher.h"

#include <algorithm>
#include <array>
#include <deque>
#include <map>
#include <tuple>
#include <utility>

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
constexpr int16_t kNoCheck = -1;

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

bool IsWordChar(UChar32 c) {
  if (c < 0x80) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }
  return u_isalnum(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0;
}

UScriptCode ScriptOf(UChar32 c) {
  if (c < 0x80) return (c >= '0' && c <= '9') ? USCRIPT_COMMON : USCRIPT_LATIN;
  UErrorCode status = U_ZERO_ERROR;
  UScriptCode s = uscript_getScript(c, &status);
  return U_SUCCESS(status) ? s : USCRIPT_UNKNOWN;
}

// EdgeScript: what a phrase edge code point requires of its neighbour: kNoCheck, or the
// script the neighbour must not share.
int16_t EdgeScript(UChar32 c, bool at_end) {
  if (!IsWordChar(c)) return kNoCheck;
  UScriptCode s = ScriptOf(c);
  if (IsUnspacedScript(s)) return kNoCheck;
  if (at_end && s == USCRIPT_HANGUL) return kNoCheck;
  if (s == USCRIPT_INHERITED) s = USCRIPT_COMMON;
  return static_cast<int16_t>(s);
}

// Blocks: whether neighbour `n` glues onto a phrase edge of script `edge`.
bool Blocks(int16_t edge, UChar32 n) {
  if (!IsWordChar(n)) return false;
  UScriptCode ns = ScriptOf(n);
  if (IsUnspacedScript(ns)) return false;
  if (edge == USCRIPT_COMMON) return true;  // a digit edge: any spaced word char glues
  if (ns == USCRIPT_COMMON || ns == USCRIPT_INHERITED) return true;
  return ns == static_cast<UScriptCode>(edge);
}

struct Pattern {
  uint32_t length;
  uint32_t payload;
  PhraseClass cls;
  int16_t start_edge;
  int16_t end_edge;
};

struct Node {
  uint32_t edge_begin = 0;
  uint32_t edge_count = 0;
  uint32_t fail = 0;
  uint32_t out_begin = 0;
  uint32_t out_count = 0;
  uint32_t dict = 0;  // nearest node on the fail chain with outputs; 0 = none
};

class AhoCorasick final : public PhraseMatcher {
 public:
  AhoCorasick(std::vector<Pattern> patterns, std::vector<Node> nodes,
              std::vector<uint8_t> edge_bytes, std::vector<uint32_t> edge_targets,
              std::vector<uint32_t> outputs, std::array<uint32_t, 256> root)
      : patterns_(std::move(patterns)),
        nodes_(std::move(nodes)),
        edge_bytes_(std::move(edge_bytes)),
        edge_targets_(std::move(edge_targets)),
        outputs_(std::move(outputs)),
        root_(root) {}

  size_t phrase_count() const override { return patterns_.size(); }

  std::vector<PhraseHit> FindAll(absl::string_view text) const override {
    std::vector<std::pair<PhraseHit, uint32_t>> found;  // hit, pattern index (tie order)
    const auto* s = reinterpret_cast<const uint8_t*>(text.data());
    const size_t n = text.size();
    uint32_t state = 0;
    for (size_t i = 0; i < n; ++i) {
      state = Next(state, s[i]);
      uint32_t out = nodes_[state].out_count != 0 ? state : nodes_[state].dict;
      while (out != 0) {
        const Node& node = nodes_[out];
        for (uint32_t k = 0; k < node.out_count; ++k) {
          uint32_t p = outputs_[node.out_begin + k];
          const Pattern& pat = patterns_[p];
          size_t end = i + 1;
          size_t begin = end - pat.length;
          if (!BoundaryOk(text, begin, end, pat)) continue;
          found.push_back({PhraseHit{static_cast<uint32_t>(begin), static_cast<uint32_t>(end),
                                     pat.cls, pat.payload},
                           p});
        }
        out = node.dict;
      }
    }
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
      return std::tie(a.first.begin, a.first.end, a.second) <
             std::tie(b.first.begin, b.first.end, b.second);
    });
    std::vector<PhraseHit> hits;
    hits.reserve(found.size());
    for (const auto& f : found) hits.push_back(f.first);
    return hits;
  }

 private:
  uint32_t Next(uint32_t state, uint8_t b) const {
    while (state != 0) {
      const Node& node = nodes_[state];
      const uint8_t* first = edge_bytes_.data() + node.edge_begin;
      const uint8_t* last = first + node.edge_count;
      const uint8_t* it;
      if (node.edge_count <= 8) {
        it = first;
        while (it != last && *it < b) ++it;
      } else {
        it = std::lower_bound(first, last, b);
      }
      if (it != last && *it == b) return edge_targets_[it - edge_bytes_.data()];
      state = node.fail;
    }
    return root_[b];
  }

  static bool BoundaryOk(absl::string_view text, size_t begin, size_t end, const Pattern& pat) {
    const auto* s = reinterpret_cast<const uint8_t*>(text.data());
    if (pat.start_edge != kNoCheck && begin > 0) {
      int32_t i = static_cast<int32_t>(begin);
      UChar32 c;
      U8_PREV(s, 0, i, c);
      if (Blocks(pat.start_edge, c)) return false;
    }
    if (pat.end_edge != kNoCheck && end < text.size()) {
      int32_t i = static_cast<int32_t>(end);
      UChar32 c;
      U8_NEXT(s, i, static_cast<int32_t>(text.size()), c);
      if (Blocks(pat.end_edge, c)) return false;
    }
    return true;
  }

  std::vector<Pattern> patterns_;
  std::vector<Node> nodes_;
  std::vector<uint8_t> edge_bytes_;
  std::vector<uint32_t> edge_targets_;
  std::vector<uint32_t> outputs_;
  std::array<uint32_t, 256> root_;
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
  std::map<std::tuple<std::string, uint8_t, uint32_t>, size_t> seen;
  std::vector<Entry> unique;
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
  patterns.reserve(unique.size());
  // Build-time trie: children in ordered maps, flattened below.
  std::vector<std::map<uint8_t, uint32_t>> children(1);
  std::vector<std::vector<uint32_t>> own(1);
  for (size_t p = 0; p < unique.size(); ++p) {
    const Entry& e = unique[p];
    Pattern pat;
    pat.length = static_cast<uint32_t>(e.phrase.size());
    pat.payload = e.payload;
    pat.cls = e.cls;
    pat.start_edge = EdgeScript(FirstCodePoint(e.phrase), false);
    pat.end_edge = e.allow_suffix ? kNoCheck : EdgeScript(LastCodePoint(e.phrase), true);
    patterns.push_back(pat);
    uint32_t node = 0;
    for (char ch : e.phrase) {
      uint8_t b = static_cast<uint8_t>(ch);
      auto it = children[node].find(b);
      if (it == children[node].end()) {
        uint32_t next = static_cast<uint32_t>(children.size());
        children[node].emplace(b, next);
        children.emplace_back();
        own.emplace_back();
        node = next;
      } else {
        node = it->second;
      }
    }
    own[node].push_back(static_cast<uint32_t>(p));
  }

  const size_t count = children.size();
  std::vector<Node> nodes(count);
  std::vector<uint8_t> edge_bytes;
  std::vector<uint32_t> edge_targets;
  std::vector<uint32_t> outputs;
  for (size_t v = 0; v < count; ++v) {
    nodes[v].edge_begin = static_cast<uint32_t>(edge_bytes.size());
    nodes[v].edge_count = static_cast<uint32_t>(children[v].size());
    for (const auto& [b, t] : children[v]) {
      edge_bytes.push_back(b);
      edge_targets.push_back(t);
    }
    nodes[v].out_begin = static_cast<uint32_t>(outputs.size());
    nodes[v].out_count = static_cast<uint32_t>(own[v].size());
    outputs.insert(outputs.end(), own[v].begin(), own[v].end());
  }
  std::array<uint32_t, 256> root;
  root.fill(0);
  for (const auto& [b, t] : children[0]) root[b] = t;

  // Failure and dictionary links, breadth first.
  std::deque<uint32_t> queue;
  for (const auto& [b, t] : children[0]) {
    nodes[t].fail = 0;
    nodes[t].dict = 0;
    queue.push_back(t);
  }
  while (!queue.empty()) {
    uint32_t v = queue.front();
    queue.pop_front();
    for (const auto& [b, t] : children[v]) {
      uint32_t f = nodes[v].fail;
      uint32_t target = 0;
      while (true) {
        auto it = children[f].find(b);
        if (it != children[f].end() && it->second != t) {
          target = it->second;
          break;
        }
        if (f == 0) break;
        f = nodes[f].fail;
      }
      nodes[t].fail = target;
      nodes[t].dict = nodes[target].out_count != 0 ? target : nodes[target].dict;
      queue.push_back(t);
    }
  }
  return std::make_unique<AhoCorasick>(std::move(patterns), std::move(nodes), std::move(edge_bytes),
                                       std::move(edge_targets), std::move(outputs), root);
}

}  // namespace claimline::extract

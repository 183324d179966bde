#include "extract/gazetteer.h"

#include <algorithm>
#include <mutex>
#include <optional>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "extract/normalized_text.h"
#include "unicode/normalizer2.h"
#include "unicode/translit.h"
#include "unicode/unistr.h"
#include "unicode/utf8.h"

namespace claimline::extract {
namespace {

bool IsAsciiAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

char AsciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string AsciiKey(absl::string_view s) {
  std::string key;
  key.reserve(s.size());
  for (char c : s) {
    if (IsAsciiAlnum(c)) key.push_back(AsciiLower(c));
  }
  return key;
}

// LatinKey: the key of a name written only in Latin letters, digits, marks and
// punctuation, without ICU's transliterator (which costs microseconds per call): NFD,
// marks dropped, the few letters NFD does not decompose spelled out. nullopt when the
// name has other scripts. Agrees with "Any-Latin; Latin-ASCII; Lower" on Latin names.
std::optional<std::string> LatinKey(absl::string_view name) {
  const auto* s = reinterpret_cast<const uint8_t*>(name.data());
  const int32_t n = static_cast<int32_t>(name.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) return std::nullopt;
    bool latin = c < 0x250 || (c >= 0x1E00 && c <= 0x1EFF) || (c >= 0x300 && c <= 0x36F) ||
                 (c >= 0x2000 && c <= 0x206F);
    if (!latin) return std::nullopt;
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status)) return std::nullopt;
  std::string decomposed;
  icu::StringByteSink<std::string> sink(&decomposed);
  nfd->normalizeUTF8(0, icu::StringPiece(name.data(), n), sink, nullptr, status);
  if (U_FAILURE(status)) return std::nullopt;
  const auto* d = reinterpret_cast<const uint8_t*>(decomposed.data());
  const int32_t dn = static_cast<int32_t>(decomposed.size());
  std::string out;
  std::string* key = &out;
  for (int32_t i = 0; i < dn;) {
    UChar32 c;
    U8_NEXT(d, i, dn, c);
    if (c < 0x80) {
      if (IsAsciiAlnum(static_cast<char>(c))) key->push_back(AsciiLower(static_cast<char>(c)));
      continue;
    }
    switch (c) {
      case 0xDF:
        *key += "ss";
        break;  // ß
      case 0xC6:
      case 0xE6:
        *key += "ae";
        break;  // Æ æ
      case 0x152:
      case 0x153:
        *key += "oe";
        break;  // Œ œ
      case 0xD8:
      case 0xF8:
        *key += "o";
        break;  // Ø ø
      case 0x141:
      case 0x142:
        *key += "l";
        break;  // Ł ł
      case 0x110:
      case 0x111:
      case 0xD0:
      case 0xF0:
        *key += "d";
        break;  // Đ đ Ð ð
      case 0xDE:
      case 0xFE:
        *key += "th";
        break;  // Þ þ
      case 0x131:
        *key += "i";
        break;  // ı
      default:
        break;  // marks and the rest: dropped
    }
  }
  return out;
}

// The transliterator is built once (it takes milliseconds) and shared under a mutex: keys
// of non-ASCII names are computed when the gazetteer loads and, rarely, for an unknown
// non-ASCII name in an article.
struct Transliteration {
  std::mutex mu;
  std::unique_ptr<icu::Transliterator> translit;
};

Transliteration& SharedTransliteration() {
  static Transliteration* t = [] {
    auto* result = new Transliteration;
    UErrorCode status = U_ZERO_ERROR;
    result->translit.reset(icu::Transliterator::createInstance("Any-Latin; Latin-ASCII; Lower",
                                                               UTRANS_FORWARD, status));
    if (U_FAILURE(status)) result->translit.reset();
    return result;
  }();
  return *t;
}

bool ValidId(absl::string_view id) {
  if (id.empty()) return false;
  for (char c : id) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

size_t EditDistance(absl::string_view a, absl::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

}  // namespace

std::string Gazetteer::Key(absl::string_view name) {
  bool ascii = std::all_of(name.begin(), name.end(),
                           [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (ascii) return AsciiKey(name);
  if (std::optional<std::string> latin = LatinKey(name)) return *std::move(latin);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
  Transliteration& t = SharedTransliteration();
  if (t.translit != nullptr) {
    std::lock_guard<std::mutex> lock(t.mu);
    t.translit->transliterate(u);
  }
  std::string latin;
  u.toUTF8String(latin);
  return AsciiKey(latin);
}

absl::StatusOr<std::unique_ptr<Gazetteer>> Gazetteer::Create(v1::Gazetteer data,
                                                             absl::string_view source) {
  std::unique_ptr<Gazetteer> g(new Gazetteer);
  auto error = [&](size_t i, const std::string& id, absl::string_view what) {
    return absl::InvalidArgumentError(
        absl::StrCat(source, ": entity ", i + 1, " \"", id, "\": ", what));
  };
  g->entities_.reserve(data.entity_size());
  for (int i = 0; i < data.entity_size(); ++i) {
    v1::Entity& e = *data.mutable_entity(i);
    if (!ValidId(e.id())) return error(i, e.id(), "id must be lower snake_case ASCII");
    if (!g->by_id_.emplace(e.id(), static_cast<uint32_t>(i)).second) {
      return error(i, e.id(), "id is repeated");
    }
    if (e.name_size() == 0) return error(i, e.id(), "has no name");
    g->entities_.push_back(std::move(e));
  }
  for (size_t i = 0; i < g->entities_.size(); ++i) {
    const v1::Entity& e = g->entities_[i];
    if (!e.affiliation().empty() && !g->by_id_.contains(e.affiliation())) {
      return error(i, e.id(), absl::StrCat("affiliation \"", e.affiliation(), "\" is unknown"));
    }
    const uint32_t index = static_cast<uint32_t>(i);
    std::string id_key = AsciiKey(e.id());
    std::vector<uint32_t>& id_entities = g->by_key_[id_key];
    if (std::find(id_entities.begin(), id_entities.end(), index) == id_entities.end()) {
      id_entities.push_back(index);
    }
    for (const v1::EntityName& n : e.name()) {
      GazetteerName name;
      name.entity = index;
      name.text = n.text();
      name.normalized = NormalizePhrase(n.text());
      if (name.normalized.empty()) return error(i, e.id(), "has an empty name");
      name.key = Key(n.text());
      name.lang = n.lang();
      name.is_short = n.short_();
      name.case_sensitive = n.case_sensitive();
      std::vector<uint32_t>& by_name = g->by_normalized_[name.normalized];
      if (std::find(by_name.begin(), by_name.end(), index) == by_name.end()) {
        by_name.push_back(index);
      }
      if (!name.is_short && !name.key.empty()) {
        std::vector<uint32_t>& by_key = g->by_key_[name.key];
        if (std::find(by_key.begin(), by_key.end(), index) == by_key.end()) {
          by_key.push_back(index);
        }
      }
      g->names_.push_back(std::move(name));
    }
  }
  return g;
}

const v1::Entity* Gazetteer::Find(absl::string_view id) const {
  int i = IndexOf(id);
  return i < 0 ? nullptr : &entities_[static_cast<size_t>(i)];
}

int Gazetteer::IndexOf(absl::string_view id) const {
  auto it = by_id_.find(id);
  return it == by_id_.end() ? -1 : static_cast<int>(it->second);
}

const std::vector<uint32_t>* Gazetteer::ResolveKey(absl::string_view key) const {
  if (key.empty()) return nullptr;
  auto it = by_key_.find(key);
  return it == by_key_.end() ? nullptr : &it->second;
}

std::vector<std::string> Gazetteer::Resolve(absl::string_view name) const {
  std::vector<std::string> ids;
  absl::flat_hash_set<uint32_t> seen;
  auto add = [&](uint32_t index) {
    if (seen.insert(index).second) ids.push_back(entities_[index].id());
  };
  if (auto it = by_id_.find(name); it != by_id_.end()) add(it->second);
  if (auto it = by_normalized_.find(NormalizePhrase(name)); it != by_normalized_.end()) {
    for (uint32_t index : it->second) add(index);
  }
  if (const auto* by_key = ResolveKey(Key(name))) {
    for (uint32_t index : *by_key) add(index);
  }
  return ids;
}

std::vector<std::string> Gazetteer::Suggest(absl::string_view name, size_t n) const {
  const std::string key = Key(name);
  if (key.empty() || n == 0) return {};
  std::vector<std::pair<size_t, uint32_t>> best;  // (distance, entity)
  absl::flat_hash_map<uint32_t, size_t> nearest;
  for (const auto& [k, indices] : by_key_) {
    size_t d = EditDistance(key, k);
    size_t limit = std::max<size_t>(2, std::max(key.size(), k.size()) / 3);
    if (d > limit) continue;
    for (uint32_t index : indices) {
      auto [it, inserted] = nearest.emplace(index, d);
      if (!inserted) it->second = std::min(it->second, d);
    }
  }
  for (const auto& [index, d] : nearest) best.push_back({d, index});
  std::sort(best.begin(), best.end(), [&](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first < b.first;
    return entities_[a.second].id() < entities_[b.second].id();
  });
  std::vector<std::string> ids;
  for (size_t i = 0; i < best.size() && ids.size() < n; ++i) {
    ids.push_back(entities_[best[i].second].id());
  }
  return ids;
}

}  // namespace claimline::extract

// Gazetteer: the canonical entities of extract/lang/entities.textproto (schema
// proto/claimline/v1/entities.proto) and lookups by name, shared by the extractor (entity
// linking) and by the query commands ("NVIDIA", "英伟达", "nvidia" reach the same id).
//
// Every name has two lookup forms:
//   - its normalized form (NormalizePhrase: NFKC, case folded) — what the phrase matcher
//     finds in articles;
//   - its script-neutral key (Key): transliterated to Latin (ICU "Any-Latin; Latin-ASCII;
//     Lower"), only letters and digits kept. "Huang Renxun", "HUANG REN-XUN" and 黄仁勋 (pinyin
//     huáng rén xūn) all have the key "huangrenxun".
//
// Thread-safe after Create: every method is const.
#ifndef CLAIMLINE_EXTRACT_GAZETTEER_H_
#define CLAIMLINE_EXTRACT_GAZETTEER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "claimline/v1/entities.pb.h"

namespace claimline::extract {

// One name of one entity, as the extractor registers it.
struct GazetteerName {
  uint32_t entity = 0;     // index into Gazetteer::entities()
  std::string text;        // as written in the data
  std::string normalized;  // NormalizePhrase(text)
  std::string key;         // Gazetteer::Key(text)
  std::string lang;        // BCP-47 tag or empty
  bool is_short = false;
  bool case_sensitive = false;
};

class Gazetteer {
 public:
  // Create: indexes `data`. InvalidArgument "<source>: entity "<id>": <problem>" when an id
  // is empty, not lower snake_case ASCII, or repeated; an entity has no names or an empty
  // name; an affiliation names an unknown id.
  static absl::StatusOr<std::unique_ptr<Gazetteer>> Create(v1::Gazetteer data,
                                                           absl::string_view source);

  // Key: the script-neutral key of a name (see above); empty for a name with no letters or
  // digits. Thread-safe.
  static std::string Key(absl::string_view name);

  const std::vector<v1::Entity>& entities() const { return entities_; }
  const std::vector<GazetteerName>& names() const { return names_; }

  // Find: the entity with this canonical id, or nullptr.
  const v1::Entity* Find(absl::string_view id) const;
  // IndexOf: the index of the entity with this id, or -1.
  int IndexOf(absl::string_view id) const;

  // Resolve: the canonical ids a user-typed name denotes: an id, any name in any script
  // (case-insensitive, normalized), or a name with the same key. Several when ambiguous;
  // empty when unknown. Order: exact id, then name matches, then key matches, each in data
  // order.
  std::vector<std::string> Resolve(absl::string_view name) const;

  // ResolveKey: entity indices whose full (non-short) names or id have this key.
  const std::vector<uint32_t>* ResolveKey(absl::string_view key) const;

  // Suggest: up to `n` ids whose keys are nearest to Key(name) by edit distance, nearest
  // first, for "did you mean" messages. Only reasonably close ones: distance at most
  // max(2, len/3) of the longer key.
  std::vector<std::string> Suggest(absl::string_view name, size_t n) const;

 private:
  Gazetteer() = default;

  std::vector<v1::Entity> entities_;
  std::vector<GazetteerName> names_;
  absl::flat_hash_map<std::string, uint32_t> by_id_;
  absl::flat_hash_map<std::string, std::vector<uint32_t>> by_normalized_;  // all names
  absl::flat_hash_map<std::string, std::vector<uint32_t>> by_key_;         // full names and ids
};

}  // namespace claimline::extract

#endif  // CLAIMLINE_EXTRACT_GAZETTEER_H_

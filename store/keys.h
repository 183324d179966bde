// The key layouts of the claimline RocksDB database, in one place (see store/FORMAT.md).
//
// events, texts:  8-byte big-endian sequence, so byte order is sequence order.
// dedupe:         the 32-byte content hash → 8-byte big-endian sequence.
// meta:           ASCII names (kMetaFormatVersion, …); numbers are 8-byte big-endian;
//                 named values set through StateStore::SetMeta live under "named/".
// projections:    ns 0x00 'c'          → checkpoint, 8-byte big-endian sequence
//                 ns 0x00 's' key      → state value
//                 A namespace is non-empty and holds no 0x00 byte, so all of one
//                 namespace's keys lie in [ns 0x00, ns 0x01).
#ifndef CLAIMLINE_STORE_KEYS_H_
#define CLAIMLINE_STORE_KEYS_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace claimline::store {

// The format this build writes and the only one it reads. History in FORMAT.md.
inline constexpr uint64_t kFormatVersion = 1;

// Column family names (never change: they are on disk).
inline constexpr char kEventsFamily[] = "events";
inline constexpr char kTextsFamily[] = "texts";
inline constexpr char kDedupeFamily[] = "dedupe";
inline constexpr char kMetaFamily[] = "meta";
inline constexpr char kProjectionsFamily[] = "projections";

// Meta keys (never change).
inline constexpr char kMetaFormatVersion[] = "format_version";
inline constexpr char kMetaNextSequence[] = "next_sequence";
inline constexpr char kMetaArticles[] = "articles";
inline constexpr char kMetaTextBytes[] = "text_bytes";
inline constexpr char kMetaNamedPrefix[] = "named/";

// EncodeBigEndian64 / DecodeBigEndian64: the 8-byte big-endian form of a number.
std::array<char, 8> EncodeBigEndian64(uint64_t value);
// REQUIRES: bytes.size() == 8.
uint64_t DecodeBigEndian64(absl::string_view bytes);
// ParseBigEndian64: nullopt unless `bytes` is exactly 8 bytes long.
std::optional<uint64_t> ParseBigEndian64(absl::string_view bytes);

// SequenceKey: the events/texts key of `sequence`.
inline std::array<char, 8> SequenceKey(uint64_t sequence) { return EncodeBigEndian64(sequence); }
inline absl::string_view KeyView(const std::array<char, 8>& key) {
  return absl::string_view(key.data(), key.size());
}

// ValidateNamespace: OK, or InvalidArgument when `ns` is empty or holds a 0x00 byte.
absl::Status ValidateNamespace(absl::string_view ns);

// Projection keys. REQUIRES: ValidateNamespace(ns).ok().
std::string CheckpointKey(absl::string_view ns);
std::string StateKey(absl::string_view ns, absl::string_view key);
// StateKeyPrefix: the prefix of every state key of `ns` (ns 0x00 's').
std::string StateKeyPrefix(absl::string_view ns);
// NamespaceBegin / NamespaceEnd: the key range [begin, end) holding all of `ns`.
std::string NamespaceBegin(absl::string_view ns);
std::string NamespaceEnd(absl::string_view ns);

// PrefixSuccessor: the smallest key greater than every key starting with `prefix`, or
// nullopt when there is none (the prefix is empty or all 0xff).
std::optional<std::string> PrefixSuccessor(absl::string_view prefix);

// NamedMetaKey: the meta key of a value set through StateStore::SetMeta.
std::string NamedMetaKey(absl::string_view name);

// HexKey: lower-case hex of a key, for problem reports.
std::string HexKey(absl::string_view key);

}  // namespace claimline::store

#endif  // CLAIMLINE_STORE_KEYS_H_

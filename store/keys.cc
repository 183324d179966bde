#include "store/keys.h"

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"

namespace claimline::store {
namespace {

constexpr char kCheckpointTag = 'c';
constexpr char kStateTag = 's';

}  // namespace

std::array<char, 8> EncodeBigEndian64(uint64_t value) {
  std::array<char, 8> out;
  for (int i = 0; i < 8; ++i) out[i] = static_cast<char>(value >> (56 - 8 * i));
  return out;
}

uint64_t DecodeBigEndian64(absl::string_view bytes) {
  uint64_t value = 0;
  for (int i = 0; i < 8; ++i) value = (value << 8) | static_cast<unsigned char>(bytes[i]);
  return value;
}

std::optional<uint64_t> ParseBigEndian64(absl::string_view bytes) {
  if (bytes.size() != 8) return std::nullopt;
  return DecodeBigEndian64(bytes);
}

absl::Status ValidateNamespace(absl::string_view ns) {
  if (ns.empty()) return absl::InvalidArgumentError("projection namespace is empty");
  if (ns.find('\0') != absl::string_view::npos) {
    return absl::InvalidArgumentError(
        absl::StrCat("projection namespace holds a NUL byte: ", absl::CEscape(ns)));
  }
  return absl::OkStatus();
}

std::string CheckpointKey(absl::string_view ns) {
  std::string key(ns);
  key.push_back('\0');
  key.push_back(kCheckpointTag);
  return key;
}

std::string StateKeyPrefix(absl::string_view ns) {
  std::string key(ns);
  key.push_back('\0');
  key.push_back(kStateTag);
  return key;
}

std::string StateKey(absl::string_view ns, absl::string_view key) {
  std::string out;
  out.reserve(ns.size() + 2 + key.size());
  out.append(ns.data(), ns.size());
  out.push_back('\0');
  out.push_back(kStateTag);
  out.append(key.data(), key.size());
  return out;
}

std::string NamespaceBegin(absl::string_view ns) {
  return absl::StrCat(ns, absl::string_view("\0", 1));
}

std::string NamespaceEnd(absl::string_view ns) {
  return absl::StrCat(ns, absl::string_view("\1", 1));
}

std::optional<std::string> PrefixSuccessor(absl::string_view prefix) {
  std::string out(prefix);
  while (!out.empty()) {
    unsigned char last = static_cast<unsigned char>(out.back());
    if (last != 0xff) {
      out.back() = static_cast<char>(last + 1);
      return out;
    }
    out.pop_back();
  }
  return std::nullopt;
}

std::string NamedMetaKey(absl::string_view name) { return absl::StrCat(kMetaNamedPrefix, name); }

std::string HexKey(absl::string_view key) { return absl::BytesToHexString(key); }

}  // namespace claimline::store

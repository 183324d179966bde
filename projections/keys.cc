#include "projections/keys.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace claimline::projections::keys {

uint64_t StableHash(absl::string_view data) {
  uint64_t h = 0xcbf29ce484222325ull;
  for (unsigned char c : data) {
    h ^= c;
    h *= 0x100000001b3ull;
  }
  // FNV-1a mixes the last bytes poorly; the murmur3 finalizer spreads them.
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ull;
  h ^= h >> 33;
  return h;
}

namespace {

// AppendHex: `digits` lower-case hex digits of v (StrFormat costs ten times more, and
// keys are built for every claim).
void AppendHex(uint64_t v, int digits, std::string& out) {
  static constexpr char kDigits[] = "0123456789abcdef";
  const size_t at = out.size();
  out.resize(at + digits);
  for (int i = digits - 1; i >= 0; --i) {
    out[at + i] = kDigits[v & 0xf];
    v >>= 4;
  }
}

}  // namespace

std::string Hex16(uint64_t v) {
  std::string out;
  AppendHex(v, 16, out);
  return out;
}

std::string Hex8(uint32_t v) {
  std::string out;
  AppendHex(v, 8, out);
  return out;
}

std::optional<uint64_t> ParseHex(absl::string_view hex) {
  if (hex.empty() || hex.size() > 16) return std::nullopt;
  uint64_t v = 0;
  for (char c : hex) {
    int d;
    if (c >= '0' && c <= '9') {
      d = c - '0';
    } else if (c >= 'a' && c <= 'f') {
      d = c - 'a' + 10;
    } else {
      return std::nullopt;
    }
    v = (v << 4) | static_cast<uint64_t>(d);
  }
  return v;
}

std::string GroupId(absl::string_view kind, absl::string_view subject, absl::string_view object) {
  // '\x1f' (unit separator) cannot occur in kinds or entity ids.
  return Hex16(StableHash(absl::StrCat(kind, "\x1f", subject, "\x1f", object)));
}

std::string ClusterId(absl::string_view group, bool floating, absl::string_view bucket_start) {
  return Hex16(StableHash(absl::StrCat(group,
                                       floating ? "\x1f"
                                                  "f\x1f"
                                                : "\x1f"
                                                  "p\x1f",
                                       bucket_start)));
}

std::string Summary(absl::string_view cluster) { return absl::StrCat("s/", cluster); }
std::string AttestationPrefix(absl::string_view cluster) {
  return absl::StrCat("c/", cluster, "/");
}
std::string AttestationArticlePrefix(absl::string_view cluster, uint64_t article) {
  return absl::StrCat("c/", cluster, "/", Hex16(article), "/");
}
std::string Attestation(absl::string_view cluster, uint64_t article, uint32_t claim) {
  std::string out;
  out.reserve(2 + cluster.size() + 1 + 16 + 1 + 8);
  out.append("c/");
  out.append(cluster.data(), cluster.size());
  out.push_back('/');
  AppendHex(article, 16, out);
  out.push_back('/');
  AppendHex(claim, 8, out);
  return out;
}
std::string TimelinePrefix(absl::string_view entity) { return absl::StrCat("t/", entity, "/"); }
std::string Timeline(absl::string_view entity, absl::string_view bucket_start,
                     absl::string_view cluster) {
  return absl::StrCat("t/", entity, "/", bucket_start, "/", cluster);
}
std::string ConflictPrefix(absl::string_view entity) { return absl::StrCat("x/", entity, "/"); }
std::string Conflict(absl::string_view entity, absl::string_view bucket_start,
                     absl::string_view cluster) {
  return absl::StrCat("x/", entity, "/", bucket_start, "/", cluster);
}
std::string Article(uint64_t sequence) { return absl::StrCat("e/", Hex16(sequence)); }
std::string Group(absl::string_view group) { return absl::StrCat("g/", group); }
std::string FloatingMonthPrefix(absl::string_view group, absl::string_view month) {
  return absl::StrCat("f/", group, "/", month, "/");
}
std::string Floating(absl::string_view group, absl::string_view window_to, uint64_t article,
                     uint32_t claim) {
  // window_to "YYYY-MM-DD" becomes "YYYY-MM/DD" so a month is one prefix.
  std::string month(window_to.substr(0, 7));
  absl::string_view day = window_to.size() >= 10 ? window_to.substr(8, 2) : "00";
  return absl::StrCat("f/", group, "/", month, "/", day, "/", Hex16(article), "/", Hex8(claim));
}
std::string AliasPrefix(absl::string_view alias) { return absl::StrCat("a/", alias, "/"); }
std::string Alias(absl::string_view alias, absl::string_view entity) {
  return absl::StrCat("a/", alias, "/", entity);
}
std::string Entity(absl::string_view entity) { return absl::StrCat("n/", entity); }

}  // namespace claimline::projections::keys

// SHA-256 (FIPS 180-4), small and dependency-free, for content hashes.
//
// Incremental: Update() any number of times, then Finish() once. One-shot: Sha256(data).
// On x86-64 CPUs with the SHA extensions the block function uses them (about 7x the
// portable speed); the choice is made once, at first use. Both paths are checked against
// the FIPS 180-2 test vectors in tests/store/sha256_test.cc.
//
//   Sha256Hasher h;
//   h.Update("ab");
//   h.Update("c");
//   std::string digest = h.Finish();  // 32 raw bytes
#ifndef CLAIMLINE_STORE_SHA256_H_
#define CLAIMLINE_STORE_SHA256_H_

#include <cstddef>
#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"

namespace claimline::store {

inline constexpr size_t kSha256Bytes = 32;

class Sha256Hasher {
 public:
  Sha256Hasher();

  // Update: appends `data` to the message. REQUIRES: Finish() not called yet.
  void Update(absl::string_view data);

  // Finish: the 32-byte digest of everything given to Update. REQUIRES: called once.
  std::string Finish();

 private:
  uint32_t state_[8];
  unsigned char buffer_[64];
  size_t buffered_ = 0;  // bytes in buffer_
  uint64_t length_ = 0;  // message length in bytes
};

// Sha256: the 32-byte digest of `data`.
std::string Sha256(absl::string_view data);

// Sha256Accelerated: true when this CPU's SHA extensions are in use.
bool Sha256Accelerated();

// SetSha256AccelerationForTesting: false forces the portable block function (for tests
// that compare both paths); true restores the automatic choice. Not thread-safe.
void SetSha256AccelerationForTesting(bool enabled);

}  // namespace claimline::store

#endif  // CLAIMLINE_STORE_SHA256_H_

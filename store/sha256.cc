#include "store/sha256.h"

#include <algorithm>
#include <cstring>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <cpuid.h>
#include <immintrin.h>
#define CLAIMLINE_SHA256_X86 1
#endif

namespace claimline::store {
namespace {

// kRoundConstants: the first 32 bits of the fractional parts of the cube roots of the
// first 64 primes (FIPS 180-4 §4.2.2).
alignas(16) constexpr uint32_t kRoundConstants[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

// kInitialState: the first 32 bits of the fractional parts of the square roots of the
// first 8 primes (FIPS 180-4 §5.3.3).
constexpr uint32_t kInitialState[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                       0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};

inline uint32_t RotateRight(uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }

inline uint32_t LoadBigEndian32(const unsigned char* p) {
  return (uint32_t{p[0]} << 24) | (uint32_t{p[1]} << 16) | (uint32_t{p[2]} << 8) | uint32_t{p[3]};
}

// CompressPortable: FIPS 180-4 §6.2.2 over `blocks` consecutive 64-byte blocks.
void CompressPortable(uint32_t* state, const unsigned char* data, size_t blocks) {
  for (; blocks > 0; --blocks, data += 64) {
    uint32_t w[64];
    for (int i = 0; i < 16; ++i) w[i] = LoadBigEndian32(data + 4 * i);
    for (int i = 16; i < 64; ++i) {
      const uint32_t s0 = RotateRight(w[i - 15], 7) ^ RotateRight(w[i - 15], 18) ^ (w[i - 15] >> 3);
      const uint32_t s1 = RotateRight(w[i - 2], 17) ^ RotateRight(w[i - 2], 19) ^ (w[i - 2] >> 10);
      w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    uint32_t a = state[0], b = state[1], c = state[2], d = state[3];
    uint32_t e = state[4], f = state[5], g = state[6], h = state[7];
    for (int i = 0; i < 64; ++i) {
      const uint32_t s1 = RotateRight(e, 6) ^ RotateRight(e, 11) ^ RotateRight(e, 25);
      const uint32_t choose = (e & f) ^ (~e & g);
      const uint32_t t1 = h + s1 + choose + kRoundConstants[i] + w[i];
      const uint32_t s0 = RotateRight(a, 2) ^ RotateRight(a, 13) ^ RotateRight(a, 22);
      const uint32_t majority = (a & b) ^ (a & c) ^ (b & c);
      const uint32_t t2 = s0 + majority;
      h = g;
      g = f;
      f = e;
      e = d + t1;
      d = c;
      c = b;
      b = a;
      a = t1 + t2;
    }
    state[0] += a;
    state[1] += b;
    state[2] += c;
    state[3] += d;
    state[4] += e;
    state[5] += f;
    state[6] += g;
    state[7] += h;
  }
}

#ifdef CLAIMLINE_SHA256_X86
// CompressShaNi: the same with the x86 SHA extensions. SHA256RNDS2 does two rounds on
// the state split as (A, B, E, F) and (C, D, G, H); SHA256MSG1/MSG2 extend the message
// schedule four words at a time:
//   W[t] = σ1(W[t-2]) + W[t-7] + σ0(W[t-15]) + W[t-16]
// MSG1(W[t-16..], W[t-12..]) gives W[t-16] + σ0(W[t-15]) for four t; adding W[t-7..]
// (an ALIGNR of the two previous groups) and MSG2 with the previous group adds σ1.
__attribute__((target("sha,sse4.1,ssse3"))) void CompressShaNi(uint32_t* state,
                                                               const unsigned char* data,
                                                               size_t blocks) {
  // Message words are big-endian: reverse the bytes of each 32-bit lane.
  const __m128i byte_swap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
  __m128i dcba = _mm_loadu_si128(reinterpret_cast<const __m128i*>(state));
  __m128i hgfe = _mm_loadu_si128(reinterpret_cast<const __m128i*>(state + 4));
  const __m128i cdab = _mm_shuffle_epi32(dcba, 0xB1);
  const __m128i efgh = _mm_shuffle_epi32(hgfe, 0x1B);
  __m128i abef = _mm_alignr_epi8(cdab, efgh, 8);
  __m128i cdgh = _mm_blend_epi16(efgh, cdab, 0xF0);

  for (; blocks > 0; --blocks, data += 64) {
    const __m128i abef_saved = abef;
    const __m128i cdgh_saved = cdgh;
    __m128i w[4];  // the last four groups of four schedule words
    for (int g = 0; g < 16; ++g) {
      __m128i group;
      if (g < 4) {
        group = _mm_shuffle_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(data + 16 * g)),
                                 byte_swap);
      } else {
        group = _mm_sha256msg1_epu32(w[g & 3], w[(g + 1) & 3]);  // groups g-4, g-3
        group = _mm_add_epi32(group, _mm_alignr_epi8(w[(g + 3) & 3], w[(g + 2) & 3], 4));
        group = _mm_sha256msg2_epu32(group, w[(g + 3) & 3]);  // group g-1
      }
      w[g & 3] = group;
      __m128i message = _mm_add_epi32(
          group, _mm_load_si128(reinterpret_cast<const __m128i*>(kRoundConstants + 4 * g)));
      cdgh = _mm_sha256rnds2_epu32(cdgh, abef, message);
      message = _mm_shuffle_epi32(message, 0x0E);
      abef = _mm_sha256rnds2_epu32(abef, cdgh, message);
    }
    abef = _mm_add_epi32(abef, abef_saved);
    cdgh = _mm_add_epi32(cdgh, cdgh_saved);
  }

  const __m128i feba = _mm_shuffle_epi32(abef, 0x1B);
  const __m128i dchg = _mm_shuffle_epi32(cdgh, 0xB1);
  dcba = _mm_blend_epi16(feba, dchg, 0xF0);
  hgfe = _mm_alignr_epi8(dchg, feba, 8);
  _mm_storeu_si128(reinterpret_cast<__m128i*>(state), dcba);
  _mm_storeu_si128(reinterpret_cast<__m128i*>(state + 4), hgfe);
}

bool CpuHasShaExtensions() {
  unsigned eax, ebx, ecx, edx;
  if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return false;
  const bool ssse3 = (ecx & (1u << 9)) != 0;
  const bool sse41 = (ecx & (1u << 19)) != 0;
  if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) return false;
  const bool sha = (ebx & (1u << 29)) != 0;
  return ssse3 && sse41 && sha;
}
#endif

using CompressFn = void (*)(uint32_t*, const unsigned char*, size_t);

CompressFn ChooseCompress() {
#ifdef CLAIMLINE_SHA256_X86
  if (CpuHasShaExtensions()) return CompressShaNi;
#endif
  return CompressPortable;
}

CompressFn& ActiveCompress() {
  static CompressFn compress = ChooseCompress();
  return compress;
}

}  // namespace

bool Sha256Accelerated() { return ActiveCompress() != CompressPortable; }

void SetSha256AccelerationForTesting(bool enabled) {
  ActiveCompress() = enabled ? ChooseCompress() : CompressPortable;
}

Sha256Hasher::Sha256Hasher() { std::memcpy(state_, kInitialState, sizeof(state_)); }

void Sha256Hasher::Update(absl::string_view data) {
  const CompressFn compress = ActiveCompress();
  const auto* p = reinterpret_cast<const unsigned char*>(data.data());
  size_t n = data.size();
  length_ += n;
  if (buffered_ > 0) {
    const size_t take = std::min(n, sizeof(buffer_) - buffered_);
    std::memcpy(buffer_ + buffered_, p, take);
    buffered_ += take;
    p += take;
    n -= take;
    if (buffered_ < sizeof(buffer_)) return;
    compress(state_, buffer_, 1);
    buffered_ = 0;
  }
  // Whole blocks straight from the input: no copy for the bulk of a long text.
  const size_t blocks = n / 64;
  if (blocks > 0) {
    compress(state_, p, blocks);
    p += 64 * blocks;
    n -= 64 * blocks;
  }
  if (n > 0) {
    std::memcpy(buffer_, p, n);
    buffered_ = n;
  }
}

std::string Sha256Hasher::Finish() {
  const CompressFn compress = ActiveCompress();
  // Padding (FIPS 180-4 §5.1.1): 0x80, zeros to 56 mod 64, then the bit length, big-endian.
  const uint64_t bit_length = length_ * 8;
  buffer_[buffered_++] = 0x80;
  if (buffered_ > 56) {
    std::memset(buffer_ + buffered_, 0, sizeof(buffer_) - buffered_);
    compress(state_, buffer_, 1);
    buffered_ = 0;
  }
  std::memset(buffer_ + buffered_, 0, 56 - buffered_);
  for (int i = 0; i < 8; ++i) {
    buffer_[56 + i] = static_cast<unsigned char>(bit_length >> (56 - 8 * i));
  }
  compress(state_, buffer_, 1);
  std::string digest(kSha256Bytes, '\0');
  for (int i = 0; i < 8; ++i) {
    digest[4 * i] = static_cast<char>(state_[i] >> 24);
    digest[4 * i + 1] = static_cast<char>(state_[i] >> 16);
    digest[4 * i + 2] = static_cast<char>(state_[i] >> 8);
    digest[4 * i + 3] = static_cast<char>(state_[i]);
  }
  return digest;
}

std::string Sha256(absl::string_view data) {
  Sha256Hasher hasher;
  hasher.Update(data);
  return hasher.Finish();
}

}  // namespace claimline::store

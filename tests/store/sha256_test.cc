#include "store/sha256.h"

#include <string>

#include "absl/strings/escaping.h"
#include "gtest/gtest.h"

namespace claimline::store {
namespace {

std::string Hex(const std::string& digest) { return absl::BytesToHexString(digest); }

// Every test runs twice: with the portable block function and with the automatic choice
// (the SHA extensions where the CPU has them).
class Sha256Test : public ::testing::TestWithParam<bool> {
 protected:
  void SetUp() override { SetSha256AccelerationForTesting(GetParam()); }
  void TearDown() override { SetSha256AccelerationForTesting(true); }
};

INSTANTIATE_TEST_SUITE_P(BlockFunctions, Sha256Test, ::testing::Values(false, true),
                         [](const ::testing::TestParamInfo<bool>& info) {
                           return info.param ? "Automatic" : "Portable";
                         });

// FIPS 180-2 Appendix B (SHA-256) examples, plus the empty message.
TEST_P(Sha256Test, OneBlockMessageAbc) {
  EXPECT_EQ(Hex(Sha256("abc")), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_P(Sha256Test, MultiBlockMessage) {
  EXPECT_EQ(Hex(Sha256("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST_P(Sha256Test, MillionTimesA) {
  EXPECT_EQ(Hex(Sha256(std::string(1000000, 'a'))),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_P(Sha256Test, EmptyMessage) {
  EXPECT_EQ(Hex(Sha256("")), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

// Messages of 55, 56 and 64 bytes put the padding on either side of a block boundary.
TEST_P(Sha256Test, PaddingBoundaries) {
  EXPECT_EQ(Hex(Sha256(std::string(55, 'a'))),
            "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
  EXPECT_EQ(Hex(Sha256(std::string(56, 'a'))),
            "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
  EXPECT_EQ(Hex(Sha256(std::string(64, 'a'))),
            "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
}

TEST_P(Sha256Test, IncrementalEqualsOneShotAtEverySplit) {
  const std::string message =
      "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
      "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
  const std::string expected = Sha256(message);
  for (size_t split = 0; split <= message.size(); ++split) {
    Sha256Hasher hasher;
    hasher.Update(absl::string_view(message).substr(0, split));
    hasher.Update(absl::string_view(message).substr(split));
    EXPECT_EQ(hasher.Finish(), expected) << "split at " << split;
  }
}

TEST(Sha256PathsTest, BothBlockFunctionsAgreeOnEveryLength) {
  std::string message;
  for (int i = 0; i < 300; ++i) message.push_back(static_cast<char>(i * 37 + 11));
  for (size_t length = 0; length <= message.size(); ++length) {
    const absl::string_view prefix = absl::string_view(message).substr(0, length);
    SetSha256AccelerationForTesting(false);
    const std::string portable = Sha256(prefix);
    SetSha256AccelerationForTesting(true);
    EXPECT_EQ(Sha256(prefix), portable) << "length " << length;
  }
}

}  // namespace
}  // namespace claimline::store

// The claim corpus walk: every language folder of extract/lang with a lexicon.textproto has
// a corpus.textproto (≥ 15 examples) and a negative.textproto (≥ 8 texts), and the full
// Extractor finds exactly what they say. One test per language, so a failure names it.
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "base/civil_date.h"
#include "claimline/v1/lexicon.pb.h"
#include "extract/extractor.h"
#include "google/protobuf/text_format.h"
#include "gtest/gtest.h"

namespace claimline::extract {
namespace {

namespace fs = std::filesystem;

constexpr int kMinExamples = 15;
constexpr int kMinNegatives = 8;

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

template <typename T>
T ParseOrDie(const fs::path& path) {
  T message;
  EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(ReadFile(path), &message))
      << path << " does not match its schema";
  return message;
}

// Languages: the folders with their own lexicon.textproto, sorted.
std::vector<std::string> Languages() {
  std::vector<std::string> tags;
  for (const auto& entry : fs::directory_iterator(CLAIMLINE_LANG_DIR)) {
    if (entry.is_directory() && fs::exists(entry.path() / "lexicon.textproto")) {
      tags.push_back(entry.path().filename().string());
    }
  }
  std::sort(tags.begin(), tags.end());
  return tags;
}

absl::flat_hash_set<std::string> AuxiliaryKinds() {
  auto kinds = ParseOrDie<v1::ClaimLexicon>(fs::path(CLAIMLINE_LANG_DIR) / "kinds.textproto");
  absl::flat_hash_set<std::string> out;
  for (const v1::ClaimKind& k : kinds.kind()) {
    if (k.auxiliary()) out.insert(k.name());
  }
  return out;
}

bool NameMatches(const v1::EntityRef& ref, const std::string& want) {
  return ref.entity() == want || absl::AsciiStrToLower(ref.text()) == absl::AsciiStrToLower(want);
}

bool Near(double got, double want) { return std::fabs(got - want) <= 0.02 * std::fabs(want); }

v1::Modality Effective(v1::Modality m) {
  return m == v1::MODALITY_UNSPECIFIED ? v1::MODALITY_ASSERTED : m;
}

bool Matches(const v1::ExpectedClaim& e, const v1::Claim& c) {
  if (c.kind() != e.kind() || !NameMatches(c.subject(), e.subject())) return false;
  if (!e.object().empty() && !NameMatches(c.object(), e.object())) return false;
  if (c.direction() != e.direction()) return false;
  if (e.unit().empty()) {
    if (c.has_quantity()) return false;
  } else {
    const v1::Quantity& q = c.quantity();
    if (!c.has_quantity() || q.unit() != e.unit()) return false;
    if (e.has_low() != q.has_low() || e.has_high() != q.has_high()) return false;
    if (e.has_low() && !Near(q.low(), e.low())) return false;
    if (e.has_high() && !Near(q.high(), e.high())) return false;
  }
  if (!e.from().empty() && c.when().from() != e.from()) return false;
  if (!e.to().empty() && c.when().to() != e.to()) return false;
  return Effective(c.modality()) == Effective(e.modality());
}

std::string Describe(const std::vector<v1::Claim>& claims) {
  std::string out;
  for (v1::Claim c : claims) {
    c.clear_explain();
    absl::StrAppend(&out, "\n    got: ", c.ShortDebugString());
  }
  return out.empty() ? "\n    got: nothing" : out;
}

class ClaimCorpusTest : public ::testing::TestWithParam<std::string> {
 protected:
  static void SetUpTestSuite() {
    ExtractorOptions options;
    options.lexicon_dir = CLAIMLINE_LANG_DIR;
    auto extractor = Extractor::Create(options);
    ASSERT_TRUE(extractor.ok()) << extractor.status();
    extractor_ = extractor->release();
  }
  static void TearDownTestSuite() {
    delete extractor_;
    extractor_ = nullptr;
  }

  std::vector<v1::Claim> Run(const std::string& text, const std::string& published) {
    auto day = ParseIsoDate(published);
    EXPECT_TRUE(day.ok()) << "bad published date \"" << published << "\"";
    ExtractRequest request;
    request.text = text;
    request.language = GetParam();
    request.published = day.ok() ? *day : absl::CivilDay(2025, 1, 1);
    auto claims = extractor_->Extract(request);
    EXPECT_TRUE(claims.ok()) << claims.status();
    return claims.ok() ? *claims : std::vector<v1::Claim>{};
  }

  static Extractor* extractor_;
};

Extractor* ClaimCorpusTest::extractor_ = nullptr;

TEST_P(ClaimCorpusTest, CorpusExamplesYieldTheirClaims) {
  const fs::path file = fs::path(CLAIMLINE_LANG_DIR) / GetParam() / "corpus.textproto";
  ASSERT_TRUE(fs::exists(file)) << GetParam() << " has a lexicon but no corpus.textproto";
  auto corpus = ParseOrDie<v1::ClaimCorpus>(file);
  EXPECT_GE(corpus.example_size(), kMinExamples) << file;
  const auto auxiliary = AuxiliaryKinds();
  for (const v1::ClaimExample& example : corpus.example()) {
    std::vector<v1::Claim> claims;
    for (v1::Claim& c : Run(example.text(), example.published())) {
      if (!auxiliary.contains(c.kind())) claims.push_back(std::move(c));
    }
    std::vector<bool> used(claims.size(), false);
    for (const v1::ExpectedClaim& want : example.claim()) {
      bool found = false;
      for (size_t i = 0; i < claims.size() && !found; ++i) {
        if (!used[i] && Matches(want, claims[i])) used[i] = found = true;
      }
      EXPECT_TRUE(found) << "text: " << example.text() << "\n  missing: " << want.ShortDebugString()
                         << Describe(claims);
    }
    if (!example.partial()) {
      EXPECT_EQ(std::count(used.begin(), used.end(), true), static_cast<long>(claims.size()))
          << "text: " << example.text()
          << "\n  unexpected claims (the example is exact):" << Describe(claims);
    }
  }
}

TEST_P(ClaimCorpusTest, NegativesYieldNoClaim) {
  const fs::path file = fs::path(CLAIMLINE_LANG_DIR) / GetParam() / "negative.textproto";
  ASSERT_TRUE(fs::exists(file)) << GetParam() << " has a lexicon but no negative.textproto";
  auto negatives = ParseOrDie<v1::ClaimNegatives>(file);
  EXPECT_GE(negatives.example_size(), kMinNegatives) << file;
  const auto auxiliary = AuxiliaryKinds();
  for (const v1::NegativeExample& example : negatives.example()) {
    std::vector<v1::Claim> claims;
    for (v1::Claim& c : Run(example.text(), example.published())) {
      if (!auxiliary.contains(c.kind())) claims.push_back(std::move(c));
    }
    EXPECT_TRUE(claims.empty()) << "text: " << example.text() << " (" << example.note() << ")"
                                << Describe(claims);
  }
}

INSTANTIATE_TEST_SUITE_P(Lang, ClaimCorpusTest, ::testing::ValuesIn(Languages()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string name = info.param;
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });

}  // namespace
}  // namespace claimline::extract

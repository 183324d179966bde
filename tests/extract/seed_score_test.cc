// The seed scoring test: ../shared/eval/score_claims.py over the five seed articles with
// the built `claimline extract` must find every core claim and reach F1 ≥ 0.90 (issue 3).
// Skipped when ../shared/seeds or python3 is not there.
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "gtest/gtest.h"
#include "re2/re2.h"

namespace claimline::extract {
namespace {

namespace fs = std::filesystem;

constexpr double kMinF1 = 0.90;

std::string RunCommand(const std::string& command, int* status) {
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) {
    *status = -1;
    return out;
  }
  char buffer[4096];
  size_t n;
  while ((n = fread(buffer, 1, sizeof(buffer), pipe)) > 0) out.append(buffer, n);
  *status = pclose(pipe);
  return out;
}

TEST(SeedScoreTest, AllCoreClaimsFoundAndF1AtLeast090) {
  const fs::path shared = CLAIMLINE_SHARED_DIR;
  const fs::path gold = shared / "seeds" / "gold.json";
  const fs::path scorer = shared / "eval" / "score_claims.py";
  if (!fs::exists(gold) || !fs::exists(scorer)) {
    GTEST_SKIP() << "no seed gold at " << gold << " (../shared/seeds is not checked out)";
  }
  int status = 0;
  RunCommand("python3 --version >/dev/null 2>&1", &status);
  if (status != 0) GTEST_SKIP() << "python3 is not installed";

  const std::string cmd = absl::StrCat(CLAIMLINE_BINARY,
                                       " extract --lang {lang} --published {published}"
                                       " --format json {file}");
  const std::string command = absl::StrCat("python3 '", scorer.string(), "' '", gold.string(),
                                           "' --verbose --cmd '", cmd, "' 2>&1");
  std::string out = RunCommand(command, &status);
  ASSERT_EQ(status, 0) << out;

  int found = 0, total = 0;
  ASSERT_TRUE(RE2::PartialMatch(out, R"(core claims found: (\d+)/(\d+))", &found, &total)) << out;
  EXPECT_GT(total, 0) << out;
  EXPECT_EQ(found, total) << out;
  double f1 = 0;
  std::string f1_text;
  ASSERT_TRUE(RE2::PartialMatch(out, R"(\nF1 ([0-9.]+) P )", &f1_text)) << out;
  ASSERT_TRUE(absl::SimpleAtod(f1_text, &f1)) << out;
  EXPECT_GE(f1, kMinF1) << out;
}

}  // namespace
}  // namespace claimline::extract

// `claimline bench` runs end to end and reports every measure (what CI checks; no timing
// assertions: benchmarks are not tests).
#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "bench/measures.h"
#include "gtest/gtest.h"
#include "tests/cli/cli_runner.h"

namespace claimline::testing {
namespace {

// FieldValue: the raw JSON text after `"key": ` in a one-line object, up to , or }.
std::string FieldValue(const std::string& line, const std::string& key) {
  const std::string marker = "\"" + key + "\": ";
  const size_t at = line.find(marker);
  if (at == std::string::npos) return "";
  const size_t begin = at + marker.size();
  const size_t end = line.find_first_of(",}", begin);
  return line.substr(begin, end - begin);
}

TEST(BenchCliTest, JsonHasEveryMeasure) {
  TempDir dir;
  const RunResult r =
      RunClaimline({"bench", "--articles", "500", "--format", "json", "--dir", dir / "work"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::set<std::string> seen;
  for (absl::string_view line : absl::StrSplit(r.out, '\n', absl::SkipEmpty())) {
    const std::string l(line);
    ASSERT_EQ(l.front(), '{') << l;
    ASSERT_EQ(l.back(), '}') << l;
    const std::string name = FieldValue(l, "measure");
    ASSERT_GE(name.size(), 2u) << l;
    EXPECT_TRUE(seen.insert(name.substr(1, name.size() - 2)).second) << "reported twice: " << l;
    const std::string value = FieldValue(l, "value");
    EXPECT_FALSE(value.empty()) << l;
    EXPECT_NE(value, "null") << l;
    EXPECT_FALSE(FieldValue(l, "unit").empty()) << l;
  }
  for (const std::string& name : bench::MeasureNames()) {
    EXPECT_EQ(seen.count(name), 1u) << "missing measure " << name << "\n" << r.out;
  }
  EXPECT_EQ(seen.size(), bench::MeasureNames().size());
}

TEST(BenchCliTest, BadFormatIsAUsageError) {
  const RunResult r = RunClaimline({"bench", "--format", "xml"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--format"), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty());
}

TEST(BenchCliTest, NonEmptyDirIsRefused) {
  TempDir dir;
  WriteFile(dir / "work/keep.txt", "mine");
  const RunResult r = RunClaimline({"bench", "--articles", "10", "--dir", dir / "work"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("not empty"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace claimline::testing

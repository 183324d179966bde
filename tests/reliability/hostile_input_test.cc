// Hostile input through the binary and the extractor: a 100 MB article, a line of ten
// million digits, deeply repeated patterns, a character of every Unicode script, NUL
// bytes, a manifest line of 50 MB. Each is either refused with a clear one-line message
// naming where (and the database is left as it was), or processed — in bounded memory
// (the peak resident size of the binary is checked) and with every claim inside the text.
// Time is not asserted: a pathological slowdown shows up as the test's own timeout.
#include <sys/resource.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "store/event_log.h"
#include "tests/cli/cli_runner.h"
#include "tests/reliability/child_process.h"
#include "unicode/uchar.h"
#include "unicode/uscript.h"
#include "unicode/utf8.h"

#ifdef CLAIMLINE_RELIABILITY_EXTRACT
#include "absl/time/civil_time.h"
#include "extract/extractor.h"
#endif

namespace claimline::reliability {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

constexpr size_t kMiB = size_t{1} << 20;

// kMemoryScale: the memory bounds below are for a plain build; AddressSanitizer's shadow
// memory and redzones take about three times as much.
#ifdef CLAIMLINE_SANITIZED
constexpr size_t kMemoryScale = 3;
#else
constexpr size_t kMemoryScale = 1;
#endif

// What one run of the binary did.
struct BinaryRun {
  int exit_code = -1;
  std::string output;  // stdout and stderr, interleaved
  size_t peak_mib = 0;
};

BinaryRun RunBinary(const std::vector<std::string>& args) {
  ChildProcess child(CLAIMLINE_BIN, args, /*merge_stderr=*/true);
  child.CloseStdin();
  BinaryRun run;
  run.output = child.ReadAll();
  struct rusage usage = {};
  const int status = child.Wait(&usage);
  run.exit_code = ExitedWith(status, 0)   ? 0
                  : ExitedWith(status, 1) ? 1
                  : ExitedWith(status, 2) ? 2
                                          : 128 + status;
  run.peak_mib = static_cast<size_t>(usage.ru_maxrss) / 1024;
  return run;
}

// WriteRepeated: `path` holding `unit` repeated until it is at least `bytes` long, then
// `tail`.
void WriteRepeated(const std::string& path, const std::string& head, const std::string& unit,
                   size_t bytes, const std::string& tail) {
  std::ofstream out(path, std::ios::binary);
  out << head;
  std::string block;
  while (block.size() < kMiB) block += unit;
  size_t written = head.size();
  while (written < bytes) {
    out << block;
    written += block.size();
  }
  out << tail;
  ASSERT_TRUE(out.good()) << path;
}

uint64_t EventCount(const std::string& dir) {
  if (!fs::exists(dir)) return 0;
  store::OpenOptions options;
  options.read_only = true;
  options.create_if_missing = false;
  absl::StatusOr<std::unique_ptr<store::Database>> db = store::Database::Open(dir, options);
  EXPECT_TRUE(db.ok()) << db.status();
  return db.ok() ? (*db)->log().LastSequence() : 0;
}

class HostileInputTest : public ::testing::Test {
 protected:
  std::vector<std::string> Append(const std::string& file) const {
    return {"append", "--db", db_, "--lang", "en", "--published", "2025-02-21", file};
  }
  claimline::testing::TempDir tmp_;
  const std::string db_ = tmp_ / "db";
};

TEST_F(HostileInputTest, HundredMegabyteArticleIsRefusedByTheSizeLimitWithoutReadingIt) {
  const std::string file = tmp_ / "huge.txt";
  WriteRepeated(file, "", "The harbor lanterns were counted again. ", 100 * kMiB, "\n");
  const BinaryRun run = RunBinary(Append(file));
  EXPECT_EQ(run.exit_code, 2) << run.output;
  EXPECT_THAT(run.output, HasSubstr(file + ": "));
  EXPECT_THAT(run.output, HasSubstr("over the limit of 16777216 bytes (16.0 MiB)"));
  EXPECT_LT(run.peak_mib, 200u * kMemoryScale) << "the refused article was read into memory";
  EXPECT_EQ(EventCount(db_), 0u);

  const BinaryRun extract =
      RunBinary({"extract", "--lang", "en", "--published", "2025-02-21", file});
  EXPECT_EQ(extract.exit_code, 2) << extract.output;
  EXPECT_THAT(extract.output, HasSubstr("over the limit"));
}

TEST_F(HostileInputTest, FifteenMegabyteArticleUnderTheLimitIsAppendedInBoundedMemory) {
  const std::string file = tmp_ / "large.txt";
  WriteRepeated(file, "", "Quill & Mesa shares fell 16.9% on 27 January 2025. ", 15 * kMiB, "\n");
  const BinaryRun run = RunBinary(Append(file));
  EXPECT_EQ(run.exit_code, 0) << run.output;
  EXPECT_EQ(EventCount(db_), 1u);
  // Measured: about 500 MiB (the extractor holds ~30 bytes per byte of text).
  EXPECT_LT(run.peak_mib, 1536u * kMemoryScale);
  std::cout << "a 15 MiB article: peak " << run.peak_mib << " MiB\n";
}

// A --max-bytes above the log's own limit is refused before any file is read (it used to
// let a 100 MB article through the extractor — 47 s and 3 GiB — before the store refused it).
TEST_F(HostileInputTest,
       HundredMegabyteArticleOverAMaxBytesAboveTheStoreLimitIsRefusedBeforeExtraction) {
  const std::string file = tmp_ / "huge.txt";
  WriteRepeated(file, "", "Quill & Mesa shares fell 16.9% on 27 January 2025. ", 100 * kMiB, "\n");
  std::vector<std::string> args = Append(file);
  args.insert(args.begin() + 1, {"--max-bytes", "200M"});
  const BinaryRun run = RunBinary(args);
  EXPECT_EQ(run.exit_code, 2) << run.output.substr(0, 2000);
  EXPECT_THAT(run.output, HasSubstr("67108864")) << run.output.substr(0, 2000);
  EXPECT_LT(run.peak_mib, 512u * kMemoryScale) << "the refused article went through the extractor";
  EXPECT_EQ(EventCount(db_), 0u);
}

TEST_F(HostileInputTest, NulBytesAreRefusedAsBinaryWithTheirOffset) {
  const std::string file = tmp_ / "binary.txt";
  claimline::testing::WriteFile(file, std::string("Quill & Mesa\0shares fell.\n", 26));
  const BinaryRun run = RunBinary(Append(file));
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_THAT(run.output, HasSubstr(file + ": binary file: NUL byte at offset 12"));
  EXPECT_EQ(EventCount(db_), 0u);
}

// `extract` checks its input as `append` does.
TEST_F(HostileInputTest, NulBytesAreRefusedByExtractToo) {
  const std::string file = tmp_ / "binary.txt";
  claimline::testing::WriteFile(file, std::string("Quill & Mesa\0shares fell.\n", 26));
  const BinaryRun extract =
      RunBinary({"extract", "--lang", "en", "--published", "2025-02-21", file});
  EXPECT_EQ(extract.exit_code, 2) << extract.output;
  EXPECT_THAT(extract.output, HasSubstr("NUL byte at offset 12"));
}

TEST_F(HostileInputTest, FiftyMegabyteManifestLineIsRefusedWithFileAndLine) {
  const std::string manifest = tmp_ / "feed.jsonl";
  {
    std::ofstream out(manifest, std::ios::binary);
    out << R"({"text": "A short first entry about lanterns.", "published": "2025-02-21"})"
        << "\n";
  }
  // Line 2: one inline text of 50 MB.
  std::string big = R"({"published": "2025-02-21", "lang": "en", "text": ")";
  {
    std::ofstream out(manifest, std::ios::binary | std::ios::app);
    out << big;
  }
  WriteRepeated(tmp_ / "tail", "", "lantern ", 50 * kMiB, "");
  {
    std::ifstream in(tmp_ / "tail", std::ios::binary);
    std::ofstream out(manifest, std::ios::binary | std::ios::app);
    out << in.rdbuf() << "\"}\n";
  }
  const BinaryRun run = RunBinary({"append", "--db", db_, "--lang", "en", "--manifest", manifest});
  EXPECT_EQ(run.exit_code, 2) << run.output.substr(0, 2000);
  EXPECT_THAT(run.output, HasSubstr(manifest + ":2: inline text of "));
  EXPECT_THAT(run.output, HasSubstr("over the limit"));
  EXPECT_LT(run.output.size(), 2000u) << "the message echoes the input";
  EXPECT_LT(run.peak_mib, 1024u * kMemoryScale);
  EXPECT_EQ(EventCount(db_), 0u) << "the good first entry was appended despite the bad one";

  // A 50 MB line that is not JSON at all.
  const std::string garbage = tmp_ / "garbage.jsonl";
  WriteRepeated(garbage, "{\"text\": ", "[[[[", 50 * kMiB, "\n");
  const BinaryRun bad = RunBinary({"append", "--db", db_, "--manifest", garbage});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_THAT(bad.output, HasSubstr(garbage + ":1: not a manifest entry"));
  EXPECT_LT(bad.output.size(), 2000u) << "the message echoes the input";
  EXPECT_LT(bad.peak_mib, 1024u * kMemoryScale);
}

// EveryScriptText: one short word in every Unicode script ICU knows (the first letters of
// each script block), with combining marks, bidi controls, emoji with joiners and
// noncharacters between them.
std::string EveryScriptText(int* scripts) {
  std::string text = "Every script: ";
  std::vector<UChar32> first(USCRIPT_CODE_LIMIT, -1);
  std::vector<int> count(USCRIPT_CODE_LIMIT, 0);
  std::string words[USCRIPT_CODE_LIMIT];
  for (UChar32 c = 0x21; c <= 0x10FFFF; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    UErrorCode error = U_ZERO_ERROR;
    const UScriptCode script = uscript_getScript(c, &error);
    if (U_FAILURE(error) || script <= USCRIPT_INHERITED || script >= USCRIPT_CODE_LIMIT) continue;
    if (!u_isalpha(c) || count[script] >= 4) continue;
    char buf[4];
    int32_t n = 0;
    U8_APPEND_UNSAFE(buf, n, c);
    words[script].append(buf, n);
    ++count[script];
  }
  *scripts = 0;
  for (int s = 0; s < USCRIPT_CODE_LIMIT; ++s) {
    if (words[s].empty()) continue;
    ++*scripts;
    absl::StrAppend(&text, words[s], (*scripts % 12 == 0) ? ".\n" : " ");
  }
  // Combining marks stacked on a letter, bidi controls, an emoji family, noncharacters.
  absl::StrAppend(&text, "\nZ\u0301\u0302\u0303\u0304\u0305\u0306 \u202Eabc\u202C \u2067x\u2069 ",
                  "\U0001F468\u200D\U0001F469\u200D\U0001F467 \uFDD0\uFFFE \U0010FFFF.\n");
  return text;
}

TEST_F(HostileInputTest, EveryUnicodeScriptIsStoredByteForByteAndExtracted) {
  int scripts = 0;
  const std::string text = EveryScriptText(&scripts);
  EXPECT_GT(scripts, 100);
  const std::string file = tmp_ / "scripts.txt";
  claimline::testing::WriteFile(file, text);
  const BinaryRun run = RunBinary(Append(file));
  ASSERT_EQ(run.exit_code, 0) << run.output;
  {
    store::OpenOptions options;
    options.read_only = true;
    absl::StatusOr<std::unique_ptr<store::Database>> db = store::Database::Open(db_, options);
    ASSERT_TRUE(db.ok()) << db.status();
    absl::StatusOr<std::string> stored = (*db)->log().GetText(1);
    ASSERT_TRUE(stored.ok()) << stored.status();
    EXPECT_EQ(*stored, text) << "the text did not come back byte for byte";
  }
  const BinaryRun verify = RunBinary({"verify", "--db", db_});
  EXPECT_EQ(verify.exit_code, 0) << verify.output;
  // Without --lang, detection either picks a language or says it cannot.
  const BinaryRun detect =
      RunBinary({"append", "--db", tmp_ / "db2", "--published", "2025-02-21", file});
  if (detect.exit_code != 0) {
    EXPECT_EQ(detect.exit_code, 2);
    EXPECT_THAT(detect.output, HasSubstr("language")) << detect.output;
  }
}

#ifdef CLAIMLINE_RELIABILITY_EXTRACT
class HostileExtractTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    absl::StatusOr<std::unique_ptr<extract::Extractor>> e =
        extract::Extractor::Create(extract::ExtractorOptions());
    ASSERT_TRUE(e.ok()) << e.status();
    extractor_ = e->release();
  }
  static void TearDownTestSuite() {
    delete extractor_;
    extractor_ = nullptr;
  }

  // ExtractAll: extracts `text` in `language`; expects success and every claim's evidence
  // inside the text. Returns the number of claims.
  static size_t ExtractAll(absl::string_view text, const std::string& language) {
    extract::ExtractRequest request;
    request.text = text;
    request.language = language;
    request.published = absl::CivilDay(2025, 2, 21);
    absl::StatusOr<std::vector<v1::Claim>> claims = extractor_->Extract(request);
    EXPECT_TRUE(claims.ok()) << language << ": " << claims.status();
    if (!claims.ok()) return 0;
    for (const v1::Claim& c : *claims) {
      EXPECT_LE(c.evidence().begin(), c.evidence().end());
      EXPECT_LE(c.evidence().end(), text.size());
    }
    return claims->size();
  }

  static extract::Extractor* extractor_;
};
extract::Extractor* HostileExtractTest::extractor_ = nullptr;

TEST_F(HostileExtractTest, OneLineOfTenMillionDigits) {
  const std::string digits(10'000'000, '7');
  for (const char* language : {"en", "id", "zh"}) {
    ExtractAll(digits, language);
    ExtractAll("Quill & Mesa shares fell " + digits + "% on 27 January.", language);
  }
}

TEST_F(HostileExtractTest, DeeplyRepeatedPatterns) {
  std::string percents, billions, dates;
  for (int i = 0; i < 100'000; ++i) {
    percents += "16,9% ";
    billions += "miliar ";
    dates += "27 Januari 2025 ";
  }
  for (const char* language : {"id", "en", "it", "hi", "zh"}) {
    ExtractAll(percents, language);
    ExtractAll(billions, language);
    ExtractAll(dates, language);
  }
  // The same, as one article with a subject and a trigger around it.
  ExtractAll("Saham Quill & Mesa anjlok " + percents + "bulan lalu.", "id");
  ExtractAll("Nilai pasar turun puluhan " + billions + "dolar.", "id");
}

TEST_F(HostileExtractTest, EveryUnicodeScriptInEveryLanguage) {
  int scripts = 0;
  const std::string text = EveryScriptText(&scripts);
  for (const std::string& language : extractor_->Languages()) ExtractAll(text, language);
}

TEST_F(HostileExtractTest, NulBytesInsideValidUtf8) {
  const std::string text("Quill & Mesa\0 shares fell 16.9%\0 on 27 January.", 48);
  for (const std::string& language : extractor_->Languages()) ExtractAll(text, language);
}
#else
TEST(HostileExtractTest, SkippedWithoutTheExtractor) {
  GTEST_SKIP() << "claimline_extract is not built: the extractor's hostile-input tests wait";
}
#endif

}  // namespace
}  // namespace claimline::reliability

// Damaged files: one byte flipped in a copy of a database — in a table file (SST), the
// write-ahead log, the MANIFEST, CURRENT. For every damage, either the damage is reported
// or the data read is exactly the undamaged copy's — never different data silently:
//   - `claimline verify` exits 1 with a "problem:" line naming the damaged file, or exits
//     2 because the database cannot be opened, with a message naming what is damaged and
//     saying what to do (restore from a backup);
//   - `claimline log` and `show`, and the library's Get / GetText / Scan, either fail
//     (exit 2, DataLoss) or return exactly what the undamaged copy returns.
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "store/event_log.h"
#include "tests/cli/cli_runner.h"
#include "tests/reliability/sample_articles.h"

namespace claimline::reliability {
namespace {

namespace fs = std::filesystem;
using claimline::testing::RunClaimline;
using claimline::testing::RunResult;
using ::testing::HasSubstr;

constexpr int kFlushedArticles = 30;  // in table files after the reopen
constexpr int kWalArticles = 20;      // only in the write-ahead log

// What a database holds, read through the library: event and text of every sequence.
struct Contents {
  absl::Status open;
  absl::Status scan;
  std::map<uint64_t, absl::StatusOr<std::string>> events;  // serialized
  std::map<uint64_t, absl::StatusOr<std::string>> texts;
  std::vector<std::string> scanned;  // serialized, in order
};

Contents ReadAll(const std::string& dir, uint64_t last) {
  Contents c;
  store::OpenOptions options;
  options.read_only = true;
  options.create_if_missing = false;
  absl::StatusOr<std::unique_ptr<store::Database>> db = store::Database::Open(dir, options);
  c.open = db.status();
  if (!db.ok()) return c;
  store::EventLog& log = (*db)->log();
  for (uint64_t s = 1; s <= last; ++s) {
    absl::StatusOr<v1::Event> e = log.Get(s);
    c.events.emplace(s, e.ok() ? absl::StatusOr<std::string>(e->SerializeAsString()) : e.status());
    c.texts.emplace(s, log.GetText(s));
  }
  c.scan = log.Scan(1, UINT64_MAX, [&](const v1::Event& e) {
    c.scanned.push_back(e.SerializeAsString());
    return true;
  });
  return c;
}

// FlipByte: xors one byte of `path` at `offset`.
void FlipByte(const std::string& path, uint64_t offset) {
  std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
  ASSERT_TRUE(f) << path;
  f.seekg(static_cast<std::streamoff>(offset));
  char c = 0;
  f.get(c);
  f.seekp(static_cast<std::streamoff>(offset));
  f.put(static_cast<char>(c ^ 0x5a));
  ASSERT_TRUE(f) << path << " at " << offset;
}

class DamageTest : public ::testing::Test {
 protected:
  void SetUp() override {
    original_ = tmp_ / "original";
    Append(1, kFlushedArticles);
    // Reopening replays the WAL into table files; these then stay in the new WAL only.
    Append(kFlushedArticles + 1, kWalArticles);
    last_ = kFlushedArticles + kWalArticles;
    golden_ = ReadAll(original_, last_);
    ASSERT_TRUE(golden_.open.ok()) << golden_.open;
    golden_log_ = RunClaimline({"log", "--db", original_});
    ASSERT_EQ(golden_log_.exit_code, 0) << golden_log_.err;
    golden_show_ = RunClaimline({"show", "--db", original_, "7"});
    ASSERT_EQ(golden_show_.exit_code, 0) << golden_show_.err;
    const RunResult verify = RunClaimline({"verify", "--db", original_});
    ASSERT_EQ(verify.exit_code, 0) << verify.out << verify.err;
  }

  void Append(int from, int count) {
    absl::StatusOr<std::unique_ptr<store::Database>> db =
        store::Database::Open(original_, store::OpenOptions());
    ASSERT_TRUE(db.ok()) << db.status();
    for (int i = from; i < from + count; ++i) {
      SampleArticle a = MakeArticle(1, static_cast<uint64_t>(i), BatchPlace());
      ASSERT_TRUE((*db)->log().Append(std::move(a.event), a.text).ok());
    }
  }

  // Files: the names in the original directory that satisfy `pred`, sorted.
  template <typename Pred>
  std::vector<std::string> Files(Pred pred) const {
    std::vector<std::string> names;
    for (const fs::directory_entry& e : fs::directory_iterator(original_)) {
      const std::string name = e.path().filename().string();
      if (pred(name) && e.file_size() > 0) names.push_back(name);
    }
    std::sort(names.begin(), names.end());
    return names;
  }

  // DamagedCopy: a copy of the original with one byte of `file` flipped at `fraction` of
  // its size; returns the copy's path.
  std::string DamagedCopy(const std::string& file, double fraction) {
    const std::string copy = tmp_ / absl::StrCat("copy", ++copies_);
    fs::copy(original_, copy, fs::copy_options::recursive);
    const uint64_t size = fs::file_size(copy + "/" + file);
    const uint64_t offset = std::min<uint64_t>(size - 1, static_cast<uint64_t>(size * fraction));
    FlipByte(copy + "/" + file, offset);
    return copy;
  }

  // How one damaged copy was seen.
  enum class Outcome { kReported, kRefused, kHarmless };

  // Judge: runs verify, log, show and the library reads over `copy`, damaged in `file`;
  // fails the test if any of them returns different data without an error.
  Outcome Judge(const std::string& copy, const std::string& file, const std::string& what) {
    SCOPED_TRACE(what);
    const RunResult verify = RunClaimline({"verify", "--db", copy});
    Outcome outcome = Outcome::kHarmless;
    if (verify.exit_code == 1) {
      outcome = Outcome::kReported;
      EXPECT_THAT(verify.out, HasSubstr("problem: "));
      EXPECT_THAT(verify.out, HasSubstr(file)) << "verify does not name the damaged file";
      EXPECT_THAT(verify.err, HasSubstr("problem"));
      // One damaged byte is a few problem lines, not one false "missing" line per event.
      size_t lines = 0;
      for (size_t at = verify.out.find("problem: "); at != std::string::npos;
           at = verify.out.find("problem: ", at + 1)) {
        ++lines;
      }
      EXPECT_LE(lines, 6u) << verify.out.substr(0, 3000);
    } else if (verify.exit_code == 2) {
      outcome = Outcome::kRefused;
      EXPECT_THAT(verify.err, HasSubstr("damaged and cannot be opened: restore it from a backup"))
          << "the message does not say what to do";
      if (!absl::EndsWith(file, ".log")) {  // RocksDB does not name a damaged WAL
        EXPECT_THAT(verify.err, HasSubstr(file)) << "the message does not name the file";
      }
    } else {
      EXPECT_EQ(verify.exit_code, 0) << verify.out << verify.err;
    }

    // No read returns different data silently.
    const Contents c = ReadAll(copy, last_);
    if (outcome == Outcome::kRefused) {
      EXPECT_TRUE(absl::IsDataLoss(c.open)) << c.open;
    }
    if (c.open.ok()) {
      for (uint64_t s = 1; s <= last_; ++s) {
        const absl::StatusOr<std::string>& e = c.events.at(s);
        if (e.ok()) {
          EXPECT_EQ(*e, *golden_.events.at(s)) << "event #" << s << " read back different";
        } else {
          EXPECT_NE(outcome, Outcome::kHarmless) << "#" << s << ": " << e.status();
        }
        const absl::StatusOr<std::string>& t = c.texts.at(s);
        if (t.ok()) {
          EXPECT_EQ(*t, *golden_.texts.at(s)) << "text #" << s << " read back different";
        } else {
          EXPECT_NE(outcome, Outcome::kHarmless) << "text #" << s << ": " << t.status();
        }
      }
      if (c.scan.ok()) {
        EXPECT_EQ(c.scanned, golden_.scanned) << "a scan without error returned other events";
      } else {
        EXPECT_NE(outcome, Outcome::kHarmless) << c.scan;
      }
    }
    const RunResult log = RunClaimline({"log", "--db", copy});
    if (log.exit_code == 0) {
      EXPECT_EQ(log.out, golden_log_.out) << "log printed other events without an error";
    } else {
      EXPECT_EQ(log.exit_code, 2) << log.err;
      EXPECT_NE(outcome, Outcome::kHarmless) << log.err;
      EXPECT_THAT(log.err, HasSubstr("claimline log: "));
    }
    const RunResult show = RunClaimline({"show", "--db", copy, "7"});
    if (show.exit_code == 0) {
      EXPECT_EQ(show.out, golden_show_.out) << "show printed another event without an error";
    } else {
      EXPECT_EQ(show.exit_code, 2) << show.err;
      EXPECT_NE(outcome, Outcome::kHarmless) << show.err;
    }
    return outcome;
  }

  claimline::testing::TempDir tmp_;
  std::string original_;
  uint64_t last_ = 0;
  int copies_ = 0;
  Contents golden_;
  RunResult golden_log_;
  RunResult golden_show_;
};

TEST_F(DamageTest, DamagedTableFileIsReportedWithItsNameAndNeverReadAsOtherData) {
  const std::vector<std::string> tables =
      Files([](const std::string& n) { return absl::EndsWith(n, ".sst"); });
  ASSERT_GE(tables.size(), 3u) << "the reopen did not write table files";
  int reported = 0;
  int refused = 0;
  for (const std::string& table : tables) {
    for (double fraction : {0.02, 0.25, 0.5, 0.75, 0.98}) {
      const std::string what = absl::StrCat(table, " flipped at ", fraction);
      const Outcome outcome = Judge(DamagedCopy(table, fraction), table, what);
      reported += outcome == Outcome::kReported;
      refused += outcome == Outcome::kRefused;
    }
  }
  // Data blocks start at offset 0: a flip there is always caught by the block checksum.
  EXPECT_GE(reported, static_cast<int>(tables.size()));
  std::cout << tables.size() * 5 << " flips in " << tables.size() << " table files: " << reported
            << " reported by verify, " << refused << " refused at open\n";
}

TEST_F(DamageTest, DamagedWalIsRefusedInsteadOfSilentlyDroppingAcknowledgedAppends) {
  const std::vector<std::string> wals =
      Files([](const std::string& n) { return absl::EndsWith(n, ".log"); });
  ASSERT_EQ(wals.size(), 1u);
  for (double fraction : {0.05, 0.5, 0.95}) {
    const std::string copy = DamagedCopy(wals[0], fraction);
    const std::string what = absl::StrCat(wals[0], " flipped at ", fraction);
    EXPECT_EQ(Judge(copy, wals[0], what), Outcome::kRefused) << what;
    // The writer refuses too: an append must not continue a log that lost its tail.
    const RunResult append =
        RunClaimline({"append", "--db", copy, "--lang", "en", "--published", "2025-02-01", "-"},
                     "A short note appended after the damage.\n");
    EXPECT_EQ(append.exit_code, 2) << what << ": " << append.out << append.err;
    EXPECT_THAT(append.err, HasSubstr("damaged and cannot be opened")) << what;
  }
}

TEST_F(DamageTest, DamagedManifestIsRefusedWithItsNameAndWhatToDo) {
  const std::vector<std::string> manifests =
      Files([](const std::string& n) { return absl::StartsWith(n, "MANIFEST-"); });
  ASSERT_EQ(manifests.size(), 1u);
  for (double fraction : {0.05, 0.5, 0.95}) {
    const std::string what = absl::StrCat(manifests[0], " flipped at ", fraction);
    EXPECT_EQ(Judge(DamagedCopy(manifests[0], fraction), manifests[0], what), Outcome::kRefused)
        << what;
  }
}

TEST_F(DamageTest, TornWalTailFromACrashIsNotDamage) {
  // A crash in the middle of a write leaves a partial last record: that write was never
  // acknowledged, and dropping it is recovery, not damage.
  const std::vector<std::string> wals =
      Files([](const std::string& n) { return absl::EndsWith(n, ".log"); });
  ASSERT_EQ(wals.size(), 1u);
  const std::string copy = tmp_ / "torn";
  fs::copy(original_, copy, fs::copy_options::recursive);
  const std::string wal = copy + "/" + wals[0];
  fs::resize_file(wal, fs::file_size(wal) - 7);
  const RunResult verify = RunClaimline({"verify", "--db", copy});
  EXPECT_EQ(verify.exit_code, 0) << verify.out << verify.err;
  const Contents c = ReadAll(copy, last_ - 1);
  ASSERT_TRUE(c.open.ok()) << c.open;
  ASSERT_TRUE(c.scan.ok()) << c.scan;
  ASSERT_EQ(c.scanned.size(), last_ - 1) << "more than the torn last append was dropped";
  EXPECT_TRUE(std::equal(c.scanned.begin(), c.scanned.end(), golden_.scanned.begin()));
}

TEST_F(DamageTest, DamagedCurrentFileIsRefused) {
  const std::string copy = DamagedCopy("CURRENT", 0.3);
  const RunResult verify = RunClaimline({"verify", "--db", copy});
  EXPECT_EQ(verify.exit_code, 2) << verify.out << verify.err;
  EXPECT_THAT(verify.err, HasSubstr(copy));
  const RunResult log = RunClaimline({"log", "--db", copy});
  EXPECT_EQ(log.exit_code, 2);
  EXPECT_EQ(log.out, "");
}

}  // namespace
}  // namespace claimline::reliability

// Crash safety: a child process (crash_child) appends — single durable appends, bulk
// batches, duplicates, corrections, projection catch-up and replays — and is killed with
// SIGKILL at random moments. After every kill the database is reopened and checked:
//   - every acknowledged append is there, with the same content hash, and its text;
//   - nothing partial or invented: the log is gap-free, every event parses, every article
//     is byte for byte one the child could have written, every batch is whole or absent;
//   - Database::Verify finds no problem;
//   - a half-built projection namespace is never served, catch-up finishes it, and every
//     namespace then equals a replay from zero into a fresh namespace.
//
// Random moments without sleeping: the parent waits for K acknowledgements (random K, 0
// included: a kill during open and recovery), then spins a random number of iterations,
// then kills. The seed is fixed, so a failure can be re-run; the checks do not depend on
// where the kill landed.
//
// The test suite runs a short version (kCrashKills kills). scripts/crash-soak runs
// thousands through the environment: CLAIMLINE_CRASH_KILLS=N, CLAIMLINE_CRASH_SEED=S.
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "gtest/gtest.h"
#include "store/content_hash.h"
#include "store/event_log.h"
#include "tests/cli/cli_runner.h"
#include "tests/reliability/child_process.h"
#include "tests/reliability/sample_articles.h"

#ifdef CLAIMLINE_RELIABILITY_PROJECTIONS
#include "projections/keys.h"
#include "projections/namespaces.h"
#include "projections/reader.h"
#include "projections/rules.h"
#include "projections/runner.h"
#endif

namespace claimline::reliability {
namespace {

constexpr int kCrashKills = 25;
constexpr uint64_t kCrashSeed = 20250128;
// kKillsPerDatabase: the soak starts a new database this often, so that each check stays
// proportional to a bounded log.
constexpr int kKillsPerDatabase = 60;

#ifdef CLAIMLINE_RELIABILITY_PROJECTIONS
constexpr bool kProjections = true;
#else
constexpr bool kProjections = false;
#endif

uint64_t EnvNumber(const char* name, uint64_t fallback) {
  const char* value = std::getenv(name);
  uint64_t n = 0;
  if (value == nullptr || !absl::SimpleAtoi(value, &n)) return fallback;
  return n;
}

// FailureCount: failures recorded so far in the running test.
int FailureCount() {
  const ::testing::TestResult* result =
      ::testing::UnitTest::GetInstance()->current_test_info()->result();
  int failures = 0;
  for (int i = 0; i < result->total_part_count(); ++i) {
    failures += result->GetTestPartResult(i).failed() ? 1 : 0;
  }
  return failures;
}

std::string Hex(absl::string_view text) { return store::HexHash(store::ContentHash(text)); }

struct Totals {
  uint64_t kills = 0;
  uint64_t kills_before_first_ack = 0;
  uint64_t acks = 0;          // acknowledgements received
  uint64_t acks_checked = 0;  // acknowledged appends verified after a kill (with repeats)
  uint64_t lost = 0;          // acknowledged appends missing or changed: must stay 0
  uint64_t unacked_tail = 0;  // events written but not acknowledged before the kill
  uint64_t batches_checked = 0;
  uint64_t building_after_kill = 0;  // half-built namespaces found (never served)
  uint64_t namespaces_compared = 0;
  uint64_t projection_mismatches = 0;  // namespaces unlike a replay from zero: must stay 0
  // Where kills landed: the last phase the child announced ("start": before it opened).
  std::map<std::string, uint64_t> kills_in_phase;
};

class CrashHarness {
 public:
  CrashHarness(std::string dir, uint64_t seed) : dir_(std::move(dir)), rng_(seed) {}

  // Round: one child run killed at a random moment, then every check.
  void Round() {
    ++run_;
    // The moment: after the K-th line of one kind (an acknowledgement, or the start of a
    // catch-up, a replay or a drop), plus a random spin. K = 0 kills during open.
    static constexpr const char* kTriggers[] = {"ack", "ack", "catch-up", "replay", "drop"};
    const std::string trigger = kProjections ? kTriggers[rng_() % 5] : "ack";
    const uint64_t wanted = rng_() % 10 == 0 ? 0 : 1 + rng_() % (trigger == "ack" ? 60 : 3);
    const uint64_t spins = rng_() % (uint64_t{1} << (8 + rng_() % 14));
    round_acks_.clear();
    phase_ = "start";
    {
      ChildProcess child(CLAIMLINE_CRASH_CHILD,
                         {"append", dir_, absl::StrCat("run=", run_), absl::StrCat("seed=", rng_()),
                          absl::StrCat("projections=", kProjections ? 1 : 0)});
      uint64_t seen = 0;
      while (seen < wanted) {
        std::optional<std::string> line = child.ReadLine();
        ASSERT_TRUE(line.has_value())
            << "the child ended before it was killed (run " << run_ << ")";
        const bool ack = Record(*line);
        if (trigger == "ack" ? ack : phase_ == trigger && line->rfind("phase ", 0) == 0) ++seen;
        if (::testing::Test::HasFatalFailure()) return;
      }
      volatile uint64_t sink = 0;
      for (uint64_t i = 0; i < spins; ++i) sink = sink + i;
      child.Kill();
      child.Wait();
      // Acknowledgements the child wrote before it died are acknowledged too.
      while (std::optional<std::string> line = child.ReadLine()) Record(*line);
      if (wanted == 0 && round_acks_.empty()) ++totals_.kills_before_first_ack;
      ++totals_.kills_in_phase[phase_];
    }
    ++totals_.kills;
    if (::testing::Test::HasFatalFailure()) return;
    Check();
  }

  // NewDatabase: forget everything and start over in an empty directory.
  void NewDatabase() {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
    acked_.clear();
  }

  const Totals& totals() const { return totals_; }
  // must_stop: a check failed (the run stops there and keeps the database), other than a
  // projection that differs from a replay, which is counted and the run goes on.
  bool must_stop() const { return FailureCount() > reported_mismatches_; }

 private:
  // Record: one line of the child. true for an acknowledgement.
  bool Record(const std::string& line) {
    const std::vector<std::string> words = absl::StrSplit(line, ' ');
    if (words[0] == "open") {
      phase_ = "open";
      return false;
    }
    if (words[0] == "phase") {
      phase_ = words.size() > 1 ? words[1] : "";
      return false;
    }
    if (words[0] == "error") {
      ADD_FAILURE() << "child (run " << run_ << "): " << line;
      return false;
    }
    uint64_t sequence = 0;
    if (words.size() != 3 || (words[0] != "ack" && words[0] != "dup") ||
        !absl::SimpleAtoi(words[1], &sequence) || sequence == 0) {
      ADD_FAILURE() << "unexpected line from the child: " << line;
      return false;
    }
    auto [it, inserted] = acked_.emplace(sequence, words[2]);
    if (!inserted && it->second != words[2]) {
      ADD_FAILURE() << "#" << sequence << " was acknowledged as " << it->second << " and now as "
                    << words[2] << " (a sequence was reused)";
    }
    if (words[0] == "ack" && !inserted && it->second == words[2]) {
      ADD_FAILURE() << "#" << sequence << " was acknowledged as new twice";
    }
    round_acks_.push_back(sequence);
    ++totals_.acks;
    return true;
  }

  void Check() {
    absl::StatusOr<std::unique_ptr<store::Database>> opened =
        store::Database::Open(dir_, store::OpenOptions());
    ASSERT_TRUE(opened.ok()) << "reopen after kill " << totals_.kills << ": " << opened.status();
    store::Database& db = **opened;
    store::EventLog& log = db.log();
    const uint64_t last = log.LastSequence();
    const uint64_t max_acked = acked_.empty() ? 0 : acked_.rbegin()->first;
    EXPECT_GE(last, max_acked) << "acknowledged events are missing from the end of the log";
    totals_.unacked_tail += last > max_acked ? last - max_acked : 0;

    // Every acknowledged append: present, same hash, with its text, found by its hash.
    for (const auto& [sequence, hash] : acked_) {
      ++totals_.acks_checked;
      if (!CheckAcked(log, sequence, hash)) ++totals_.lost;
    }

    // The whole log: gap-free, parsed, nothing invented, batches whole.
    std::map<std::pair<uint64_t, uint64_t>, std::vector<std::pair<uint32_t, uint64_t>>> batches;
    std::map<std::pair<uint64_t, uint64_t>, uint32_t> batch_sizes;
    uint64_t expected = 1;
    absl::Status scanned = log.Scan(1, UINT64_MAX, [&](const v1::Event& e) {
      EXPECT_EQ(e.sequence(), expected) << "gap in the log";
      expected = e.sequence() + 1;
      CheckEvent(log, e, batches, batch_sizes);
      return !::testing::Test::HasFatalFailure();
    });
    EXPECT_TRUE(scanned.ok()) << scanned;
    EXPECT_EQ(expected, last + 1) << "the scan ended before the last sequence";
    for (const auto& [id, members] : batches) {
      ++totals_.batches_checked;
      const uint32_t size = batch_sizes[id];
      ASSERT_EQ(members.size(), size) << "batch " << id.second << " of run " << id.first
                                      << " is partial: " << members.size() << " of " << size;
      for (size_t m = 0; m < members.size(); ++m) {
        EXPECT_EQ(members[m].first, m) << "batch member out of order";
        EXPECT_EQ(members[m].second, members[0].second + m) << "batch not contiguous";
      }
    }

    absl::StatusOr<store::VerifyReport> report = db.Verify();
    ASSERT_TRUE(report.ok()) << report.status();
    EXPECT_TRUE(report->ok()) << "verify after kill " << totals_.kills << ": "
                              << report->problems.front();
    EXPECT_EQ(report->events, last);
#ifdef CLAIMLINE_RELIABILITY_PROJECTIONS
    if (!must_stop()) CheckProjections(db);
#endif
  }

  bool CheckAcked(const store::EventLog& log, uint64_t sequence, const std::string& hash) {
    absl::StatusOr<v1::Event> e = log.Get(sequence);
    if (!e.ok()) {
      ADD_FAILURE() << "acknowledged #" << sequence << " is lost: " << e.status();
      return false;
    }
    if (hash == "-") {  // a correction
      if (e->has_article_recorded()) {
        ADD_FAILURE() << "acknowledged correction #" << sequence << " is now an article";
        return false;
      }
      return true;
    }
    if (!e->has_article_recorded() ||
        store::HexHash(e->article_recorded().article().content_hash()) != hash) {
      ADD_FAILURE() << "acknowledged #" << sequence << " changed: expected article " << hash;
      return false;
    }
    absl::StatusOr<std::string> text = log.GetText(sequence);
    if (!text.ok() || Hex(*text) != hash) {
      ADD_FAILURE() << "the text of acknowledged #" << sequence << " is lost or changed";
      return false;
    }
    absl::StatusOr<std::optional<uint64_t>> found =
        log.FindByContentHash(store::ContentHash(*text));
    if (!found.ok() || *found != sequence) {
      ADD_FAILURE() << "the dedupe index does not lead to acknowledged #" << sequence;
      return false;
    }
    return true;
  }

  void CheckEvent(
      const store::EventLog& log, const v1::Event& e,
      std::map<std::pair<uint64_t, uint64_t>, std::vector<std::pair<uint32_t, uint64_t>>>& batches,
      std::map<std::pair<uint64_t, uint64_t>, uint32_t>& batch_sizes) {
    const uint64_t seq = e.sequence();
    switch (e.payload_case()) {
      case v1::Event::kArticleRecorded: {
        const v1::Article& a = e.article_recorded().article();
        std::optional<SampleTitle> t = ParseSampleTitle(a.title());
        ASSERT_TRUE(t.has_value())
            << "#" << seq << " has a title the child never wrote: " << a.title();
        absl::StatusOr<std::string> text = log.GetText(seq);
        ASSERT_TRUE(text.ok()) << "#" << seq << ": " << text.status();
        ASSERT_EQ(*text, SampleText(t->run, t->index)) << "#" << seq << " text differs";
        EXPECT_EQ(store::HexHash(a.content_hash()), Hex(*text)) << "#" << seq;
        if (t->place.batch > 0) {
          const std::pair<uint64_t, uint64_t> id(t->run, t->place.batch);
          batches[id].emplace_back(t->place.member, seq);
          batch_sizes[id] = t->place.size;
        }
        break;
      }
      case v1::Event::kClaimsRevised:
        EXPECT_GE(e.claims_revised().article_sequence(), 1u);
        EXPECT_LT(e.claims_revised().article_sequence(), seq);
        EXPECT_GT(e.claims_revised().claims_size(), 0) << "#" << seq;
        break;
      case v1::Event::kArticleRetracted:
        EXPECT_GE(e.article_retracted().article_sequence(), 1u);
        EXPECT_LT(e.article_retracted().article_sequence(), seq);
        break;
      default:
        ADD_FAILURE() << "#" << seq << " is an event the child never writes";
    }
  }

#ifdef CLAIMLINE_RELIABILITY_PROJECTIONS
  // Rows: every row of `ns` but its ProjectionInfo.
  static std::map<std::string, std::string> Rows(store::Database& db, const std::string& ns) {
    std::map<std::string, std::string> rows;
    absl::Status s = db.state().ScanPrefix(ns, "", [&](absl::string_view k, absl::string_view v) {
      if (k != projections::keys::kInfo) rows.emplace(std::string(k), std::string(v));
      return true;
    });
    EXPECT_TRUE(s.ok()) << s;
    return rows;
  }

  // FirstDifference: the first row where `a` and `b` differ, for the failure message.
  static std::string FirstDifference(const std::map<std::string, std::string>& a,
                                     const std::map<std::string, std::string>& b) {
    auto ia = a.begin();
    auto ib = b.begin();
    while (ia != a.end() && ib != b.end() && *ia == *ib) {
      ++ia;
      ++ib;
    }
    if (ia == a.end() && ib == b.end()) return "none";
    if (ia == a.end()) return absl::StrCat("row ", absl::CEscape(ib->first), " only in the replay");
    if (ib == b.end())
      return absl::StrCat("row ", absl::CEscape(ia->first), " only after catch-up");
    if (ia->first != ib->first) {
      return absl::StrCat("rows ", absl::CEscape(ia->first), " (catch-up) and ",
                          absl::CEscape(ib->first), " (replay)");
    }
    return absl::StrCat("row ", absl::CEscape(ia->first), ": ", absl::CEscape(ia->second),
                        " (catch-up) against ", absl::CEscape(ib->second), " (replay)");
  }

  // Counters: the ProjectionInfo without what names the rules.
  static v1::ProjectionInfo Counters(v1::ProjectionInfo info) {
    info.clear_rules();
    info.clear_rules_hash();
    return info;
  }

  void CheckProjections(store::Database& db) {
    const uint64_t last = db.log().LastSequence();
    absl::StatusOr<std::vector<projections::NamespaceStatus>> before =
        projections::ListNamespaces(db);
    ASSERT_TRUE(before.ok()) << before.status();
    for (const projections::NamespaceStatus& ns : *before) {
      if (ns.info.status() == v1::ProjectionInfo::BUILDING) {
        ++totals_.building_after_kill;
        absl::StatusOr<projections::ProjectionReader> reader =
            projections::ProjectionReader::Open(db, ns.name);
        EXPECT_TRUE(absl::IsFailedPrecondition(reader.status()))
            << "a half-built namespace " << ns.name << " was served: " << reader.status();
      }
    }
    absl::Status caught_up = projections::CatchUp(db);
    ASSERT_TRUE(caught_up.ok()) << caught_up;

    v1::ProjectionRules rules = projections::DefaultRules();
    rules.set_name("fresh");
    absl::StatusOr<std::string> fresh = projections::CreateNamespace(db, rules);
    ASSERT_TRUE(fresh.ok()) << fresh.status();
    projections::CatchUpOptions big;
    big.chunk_events = 1 << 20;
    absl::Status replayed = projections::CatchUpNamespace(db, *fresh, big);
    ASSERT_TRUE(replayed.ok()) << replayed;
    const std::map<std::string, std::string> fresh_rows = Rows(db, *fresh);
    absl::StatusOr<std::optional<v1::ProjectionInfo>> fresh_info =
        projections::ReadInfo(db.state(), *fresh);
    ASSERT_TRUE(fresh_info.ok() && fresh_info->has_value());

    absl::StatusOr<std::vector<projections::NamespaceStatus>> after =
        projections::ListNamespaces(db);
    ASSERT_TRUE(after.ok()) << after.status();
    bool saw_default = false;
    for (const projections::NamespaceStatus& ns : *after) {
      if (ns.name == *fresh) continue;
      saw_default |= ns.name == projections::kDefaultNamespace;
      ++totals_.namespaces_compared;
      EXPECT_EQ(ns.info.status(), v1::ProjectionInfo::COMPLETE) << ns.name;
      EXPECT_EQ(ns.checkpoint, last) << ns.name;
      EXPECT_EQ(Counters(ns.info).DebugString(), Counters(**fresh_info).DebugString())
          << ns.name << " after catch-up differs from a replay from zero";
      const std::map<std::string, std::string> rows = Rows(db, ns.name);
      if (rows != fresh_rows && totals_.projection_mismatches++ < 3) {
        ++reported_mismatches_;
        // Keep the evidence: the database with both namespaces.
        const std::string kept = absl::StrCat(std::filesystem::path(dir_).parent_path().string(),
                                              "-mismatch-", totals_.kills);
        std::error_code ec;
        std::filesystem::copy(dir_, kept, std::filesystem::copy_options::recursive, ec);
        ADD_FAILURE() << ns.name << " after catch-up differs from a replay from zero ("
                      << rows.size() << " rows against " << fresh_rows.size()
                      << "): " << FirstDifference(rows, fresh_rows) << "; the database is kept in "
                      << kept << " (replay namespace " << *fresh << ")";
      }
    }
    EXPECT_TRUE(saw_default) << "catch-up did not build the default namespace";
    absl::Status dropped = projections::Drop(db, *fresh);
    ASSERT_TRUE(dropped.ok()) << dropped;
  }
#endif

  const std::string dir_;
  std::mt19937_64 rng_;
  uint64_t run_ = 0;
  std::map<uint64_t, std::string> acked_;  // sequence → content hash ("-": a correction)
  std::vector<uint64_t> round_acks_;
  std::string phase_;
  int reported_mismatches_ = 0;
  Totals totals_;
};

TEST(CrashTest, SigkillAtRandomMomentsLosesNoAcknowledgedAppend) {
  const uint64_t kills = EnvNumber("CLAIMLINE_CRASH_KILLS", kCrashKills);
  const uint64_t seed = EnvNumber("CLAIMLINE_CRASH_SEED", kCrashSeed);
  claimline::testing::TempDir tmp;
  CrashHarness harness(tmp / "db", seed);
  for (uint64_t k = 0; k < kills; ++k) {
    if (k > 0 && k % kKillsPerDatabase == 0) harness.NewDatabase();
    harness.Round();
    if ((k + 1) % 100 == 0) {  // progress of a long soak
      std::cerr << "crash harness: " << k + 1 << " of " << kills << " kills, "
                << harness.totals().acks_checked << " acknowledged appends checked, "
                << harness.totals().lost << " lost\n";
    }
    if (harness.must_stop()) {
      // Keep the evidence: the database as the failed check left it.
      const std::string kept = absl::StrCat(tmp.path(), "-failed");
      std::error_code ec;
      std::filesystem::copy(tmp / "db", kept, std::filesystem::copy_options::recursive, ec);
      ADD_FAILURE() << "stopped at kill " << k + 1 << " (seed " << seed
                    << "); the database is kept in " << kept;
      break;
    }
  }
  const Totals& t = harness.totals();
  std::cout << "crash harness: seed " << seed << ", " << t.kills << " kills ("
            << t.kills_before_first_ack << " before the first ack), " << t.acks
            << " acknowledgements, " << t.acks_checked << " acknowledged appends checked, "
            << t.lost << " lost, " << t.unacked_tail << " unacknowledged tail events kept, "
            << t.batches_checked << " batches checked whole, " << t.building_after_kill
            << " half-built namespaces found (not served), " << t.namespaces_compared
            << " namespaces compared with a replay from zero, " << t.projection_mismatches
            << " of them different" << (kProjections ? "" : " (projections library not built)")
            << "; kills by phase:";
  for (const auto& [phase, n] : t.kills_in_phase) std::cout << " " << phase << " " << n;
  std::cout << "\n";
  EXPECT_EQ(t.kills, kills);
  EXPECT_EQ(t.lost, 0u);
  EXPECT_EQ(t.projection_mismatches, 0u);
  EXPECT_GT(t.acks_checked, 0u);
}

}  // namespace
}  // namespace claimline::reliability

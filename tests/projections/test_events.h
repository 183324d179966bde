// Builders for hand-made events and a scratch database, shared by the projection tests.
#ifndef CLAIMLINE_TESTS_PROJECTIONS_TEST_EVENTS_H_
#define CLAIMLINE_TESTS_PROJECTIONS_TEST_EVENTS_H_

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "claimline/v1/claim.pb.h"
#include "claimline/v1/event.pb.h"
#include "gtest/gtest.h"
#include "store/event_log.h"

namespace claimline::projections::testing {

// A claim builder: Claim("market_value_change", "nvidia").Down().Usd(6e11).Month(2025, 1).
class ClaimBuilder {
 public:
  ClaimBuilder(absl::string_view kind, absl::string_view subject);
  ClaimBuilder& Object(absl::string_view entity);
  ClaimBuilder& SubjectText(absl::string_view text);  // surface form (default: the id)
  ClaimBuilder& Down();
  ClaimBuilder& Up();
  ClaimBuilder& Figure(absl::string_view unit, std::optional<double> low,
                       std::optional<double> high, bool approx = false);
  ClaimBuilder& Percent(double v) { return Figure("percent", v, v); }
  ClaimBuilder& Usd(double v) { return Figure("USD", v, v); }
  ClaimBuilder& Month(int year, int month);  // granularity month, anchor publication
  ClaimBuilder& Day(int year, int month, int day);
  ClaimBuilder& Quarter(int year, int q);
  ClaimBuilder& Vague(absl::string_view from, absl::string_view to);
  ClaimBuilder& Relative(const v1::RelativeTime& r);
  ClaimBuilder& Expected();
  v1::Claim Build() const { return claim_; }
  operator v1::Claim() const { return claim_; }

 private:
  v1::Claim claim_;
};

inline ClaimBuilder Claim(absl::string_view kind, absl::string_view subject) {
  return ClaimBuilder(kind, subject);
}

// ArticleEvent: an ArticleRecorded event.
v1::Event ArticleEvent(absl::string_view source, absl::string_view language,
                       absl::string_view published, const std::vector<v1::Claim>& claims);

// A scratch database in a fresh temp directory, removed at destruction.
class ScratchDb {
 public:
  ScratchDb();
  ~ScratchDb();
  store::Database& db() { return *db_; }
  const std::string& dir() const { return dir_; }
  // Reopen: closes and opens the database again (as after a restart).
  void Reopen();
  void Close() { db_.reset(); }
  // Append: appends the event with a text unique to it; returns its sequence.
  uint64_t Append(v1::Event event);

 private:
  std::string dir_;
  std::unique_ptr<store::Database> db_;
  int texts_ = 0;
};

// SeedEvents: events equivalent to the five seed articles' gold claims (seeds/gold.json),
// each published on 2025-02-21, in the order id, it, hi, zh, fr. `market_value_dated`
// dates the id and hi market-value claims January 2025 (as an extractor inheriting the
// month from context would); false leaves every market-value claim undated.
std::vector<v1::Event> SeedEvents(bool market_value_dated = true);

// AllRows: every row of namespace `ns` as key → value.
std::map<std::string, std::string> AllRows(store::Database& db, const std::string& ns);

}  // namespace claimline::projections::testing

#endif  // CLAIMLINE_TESTS_PROJECTIONS_TEST_EVENTS_H_

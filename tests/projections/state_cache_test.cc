#include "projections/state_cache.h"

#include <string>
#include <utility>
#include <vector>

#include "claimline/v1/projection.pb.h"
#include "gtest/gtest.h"
#include "tests/projections/test_events.h"

namespace claimline::projections {
namespace {

std::vector<std::pair<std::string, std::string>> Scan(const StateCache& cache,
                                                      const std::string& prefix,
                                                      bool overlay_only = false) {
  std::vector<std::pair<std::string, std::string>> out;
  EXPECT_TRUE(cache
                  .ScanPrefix(
                      prefix,
                      [&](absl::string_view k, absl::string_view v) {
                        out.emplace_back(std::string(k), std::string(v));
                        return true;
                      },
                      overlay_only)
                  .ok());
  return out;
}

TEST(StateCacheTest, OverlayWinsAndScansMerge) {
  testing::ScratchDb db;
  store::StateStore& state = db.db().state();
  {
    std::unique_ptr<store::StateBatch> batch = state.NewBatch();
    batch->Put("ns", "p/a", "1");
    batch->Put("ns", "p/c", "3");
    batch->Put("ns", "p/e", "5");
    batch->Put("ns", "q/a", "x");
    ASSERT_TRUE(state.Commit(std::move(batch), true).ok());
  }
  StateCache cache(state, "ns");
  cache.Put("p/b", "2");
  cache.Put("p/c", "three");
  cache.Delete("p/e");
  EXPECT_EQ(**cache.Get("p/c"), "three");
  EXPECT_FALSE(cache.Get("p/e")->has_value());
  EXPECT_EQ(**cache.Get("p/a"), "1");
  using KV = std::vector<std::pair<std::string, std::string>>;
  EXPECT_EQ(Scan(cache, "p/"), (KV{{"p/a", "1"}, {"p/b", "2"}, {"p/c", "three"}}));
  EXPECT_EQ(Scan(cache, "p/", /*overlay_only=*/true), (KV{{"p/b", "2"}, {"p/c", "three"}}));
  // Nothing is written until WriteTo and a commit.
  EXPECT_EQ(**state.Get("ns", "p/c"), "3");
  std::unique_ptr<store::StateBatch> batch = state.NewBatch();
  cache.WriteTo(*batch);
  ASSERT_TRUE(state.Commit(std::move(batch), true).ok());
  EXPECT_EQ(**state.Get("ns", "p/c"), "three");
  EXPECT_FALSE(state.Get("ns", "p/e")->has_value());
}

TEST(StateCacheTest, ScanStopsWhenAsked) {
  testing::ScratchDb db;
  StateCache cache(db.db().state(), "ns");
  cache.Put("k/1", "a");
  cache.Put("k/2", "b");
  int seen = 0;
  ASSERT_TRUE(cache
                  .ScanPrefix("k/",
                              [&](absl::string_view, absl::string_view) {
                                ++seen;
                                return false;
                              })
                  .ok());
  EXPECT_EQ(seen, 1);
}

TEST(StateCacheTest, UnparsableRowIsDataLoss) {
  testing::ScratchDb db;
  StateCache cache(db.db().state(), "ns");
  cache.Put("m/info", "\xff\xff\xff");
  v1::ProjectionInfo info;
  absl::StatusOr<bool> got = cache.GetMessage("m/info", info);
  EXPECT_EQ(got.status().code(), absl::StatusCode::kDataLoss);
}

}  // namespace
}  // namespace claimline::projections

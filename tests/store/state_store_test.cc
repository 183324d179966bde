#include <map>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "store/event_log.h"
#include "tests/store/store_test_util.h"

namespace claimline::store {
namespace {

using testing::TempDir;

class StateStoreTest : public ::testing::Test {
 protected:
  void SetUp() override { Reopen(); }
  void Reopen() {
    db_.reset();
    absl::StatusOr<std::unique_ptr<Database>> db = Database::Open(dir_.Sub("db"), OpenOptions());
    ASSERT_TRUE(db.ok()) << db.status();
    db_ = *std::move(db);
  }
  StateStore& state() { return db_->state(); }

  std::optional<std::string> MustGet(const std::string& ns, const std::string& key) {
    absl::StatusOr<std::optional<std::string>> v = state().Get(ns, key);
    EXPECT_TRUE(v.ok()) << v.status();
    return v.ok() ? *v : std::nullopt;
  }

  std::map<std::string, std::string> Scan(const std::string& ns, const std::string& prefix) {
    std::map<std::string, std::string> out;
    absl::Status s = state().ScanPrefix(ns, prefix, [&](absl::string_view k, absl::string_view v) {
      out.emplace(std::string(k), std::string(v));
      return true;
    });
    EXPECT_TRUE(s.ok()) << s;
    return out;
  }

  TempDir dir_;
  std::unique_ptr<Database> db_;
};

TEST_F(StateStoreTest, NewNamespaceHasCheckpointZero) {
  EXPECT_EQ(*state().Checkpoint("timeline"), 0u);
  EXPECT_FALSE(MustGet("timeline", "nvidia").has_value());
}

TEST_F(StateStoreTest, BatchAppliesStateAndCheckpointTogether) {
  std::unique_ptr<StateBatch> batch = state().NewBatch();
  batch->Put("timeline", "nvidia", "cluster-1");
  batch->Put("timeline", "tsmc", "cluster-2");
  batch->SetCheckpoint("timeline", 12);
  EXPECT_GT(batch->ApproximateBytes(), 0u);
  // Nothing is visible before Commit.
  EXPECT_FALSE(MustGet("timeline", "nvidia").has_value());
  EXPECT_EQ(*state().Checkpoint("timeline"), 0u);
  ASSERT_TRUE(state().Commit(std::move(batch), true).ok());
  EXPECT_EQ(MustGet("timeline", "nvidia"), "cluster-1");
  EXPECT_EQ(*state().Checkpoint("timeline"), 12u);

  batch = state().NewBatch();
  batch->Delete("timeline", "tsmc");
  batch->SetCheckpoint("timeline", 13);
  ASSERT_TRUE(state().Commit(std::move(batch), false).ok());
  Reopen();  // an unsynced commit survives a clean close
  EXPECT_FALSE(MustGet("timeline", "tsmc").has_value());
  EXPECT_EQ(*state().Checkpoint("timeline"), 13u);
}

TEST_F(StateStoreTest, ABatchWithABadNamespaceWritesNothing) {
  std::unique_ptr<StateBatch> batch = state().NewBatch();
  batch->Put("timeline", "nvidia", "x");
  batch->Put(std::string("bad\0ns", 6), "k", "v");
  batch->SetCheckpoint("timeline", 5);
  absl::Status s = state().Commit(std::move(batch), true);
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_FALSE(MustGet("timeline", "nvidia").has_value());
  EXPECT_EQ(*state().Checkpoint("timeline"), 0u);
  EXPECT_EQ(state().Get("", "k").status().code(), absl::StatusCode::kInvalidArgument);
}

TEST_F(StateStoreTest, NamespacesAreIsolated) {
  std::unique_ptr<StateBatch> batch = state().NewBatch();
  batch->Put("a", "key", "in a");
  batch->Put("ab", "key", "in ab");
  batch->Put("a\x01", "key", "in a-1");
  batch->SetCheckpoint("a", 1);
  batch->SetCheckpoint("ab", 2);
  ASSERT_TRUE(state().Commit(std::move(batch), true).ok());
  EXPECT_EQ(MustGet("a", "key"), "in a");
  EXPECT_EQ(MustGet("ab", "key"), "in ab");
  EXPECT_EQ(Scan("a", ""), (std::map<std::string, std::string>{{"key", "in a"}}));
  EXPECT_EQ(*state().Namespaces(), (std::vector<std::string>{"a", "a\x01", "ab"}));
}

TEST_F(StateStoreTest, ScanPrefixReturnsMatchingKeysInByteOrder) {
  std::unique_ptr<StateBatch> batch = state().NewBatch();
  for (const char* key : {"entity/nvidia", "entity/tsmc", "entity/", "entitx", "cluster/1"}) {
    batch->Put("tl", key, std::string("v:") + key);
  }
  batch->Put("tl", "\xff\xff", "high");
  batch->Put("tl", "\xff\xff\x01", "higher");
  batch->SetCheckpoint("tl", 3);
  ASSERT_TRUE(state().Commit(std::move(batch), true).ok());

  std::vector<std::string> keys;
  ASSERT_TRUE(state()
                  .ScanPrefix("tl", "entity/",
                              [&](absl::string_view k, absl::string_view v) {
                                keys.emplace_back(k);
                                return true;
                              })
                  .ok());
  EXPECT_EQ(keys, (std::vector<std::string>{"entity/", "entity/nvidia", "entity/tsmc"}));
  EXPECT_EQ(Scan("tl", "\xff\xff").size(), 2u);
  EXPECT_EQ(Scan("tl", "").size(), 7u);  // every state key, never the checkpoint
  EXPECT_TRUE(Scan("tl", "zzz").empty());

  keys.clear();
  ASSERT_TRUE(state()
                  .ScanPrefix("tl", "",
                              [&](absl::string_view k, absl::string_view) {
                                keys.emplace_back(k);
                                return keys.size() < 2;
                              })
                  .ok());
  EXPECT_EQ(keys, (std::vector<std::string>{"cluster/1", "entitx"}));
}

TEST_F(StateStoreTest, DropNamespaceRemovesStateAndCheckpointOnly) {
  std::unique_ptr<StateBatch> batch = state().NewBatch();
  for (int i = 0; i < 100; ++i) batch->Put("old", "k" + std::to_string(i), "v");
  batch->SetCheckpoint("old", 100);
  batch->Put("new", "k1", "kept");
  batch->SetCheckpoint("new", 50);
  ASSERT_TRUE(state().Commit(std::move(batch), true).ok());

  ASSERT_TRUE(state().DropNamespace("old").ok());
  EXPECT_EQ(*state().Checkpoint("old"), 0u);
  EXPECT_TRUE(Scan("old", "").empty());
  EXPECT_EQ(MustGet("new", "k1"), "kept");
  EXPECT_EQ(*state().Checkpoint("new"), 50u);
  EXPECT_EQ(*state().Namespaces(), std::vector<std::string>{"new"});
  Reopen();
  EXPECT_EQ(*state().Namespaces(), std::vector<std::string>{"new"});
}

TEST_F(StateStoreTest, MetaValuesAreDurableAndApartFromTheLogMeta) {
  EXPECT_FALSE(state().GetMeta("active_projection")->has_value());
  ASSERT_TRUE(state().SetMeta("active_projection", "timeline-3f2a").ok());
  // A user value named like a system key does not disturb the log.
  ASSERT_TRUE(state().SetMeta("next_sequence", "not a number").ok());
  Reopen();
  EXPECT_EQ(**state().GetMeta("active_projection"), "timeline-3f2a");
  EXPECT_EQ(db_->log().LastSequence(), 0u);
  EXPECT_EQ(state().SetMeta("", "x").code(), absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace claimline::store

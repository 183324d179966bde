// Projections built in chunks of any size are the same rows: the crash harness compares
// a namespace caught up across kills (small chunks) with a replay from zero (one chunk),
// so every difference it found is pinned here as a small, named case.
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "projections/keys.h"
#include "projections/rules.h"
#include "projections/runner.h"
#include "store/event_log.h"
#include "tests/cli/cli_runner.h"

namespace claimline::reliability {
namespace {

v1::Event Release(const std::string& published, const std::string& url, int claims = 1) {
  v1::Event e;
  v1::Article* a = e.mutable_article_recorded()->mutable_article();
  a->set_source("wire.example");
  a->set_url(url);
  a->set_title(url);
  a->set_language("en");
  a->set_published(published);
  for (int i = 0; i < claims; ++i) {
    v1::Claim* c = e.mutable_article_recorded()->add_claims();
    c->set_kind("release");
    c->mutable_subject()->set_entity("quill-mesa");
    c->mutable_subject()->set_text("Quill & Mesa");
    c->mutable_subject()->set_type(v1::ENTITY_TYPE_ORGANIZATION);
    c->mutable_object()->set_entity("tidewire");
    c->mutable_object()->set_text("Tidewire 3");
    c->mutable_object()->set_type(v1::ENTITY_TYPE_PRODUCT);
    c->mutable_when()->set_from(i == 0 ? "2025-03-13" : "2025-03-01");
    c->mutable_when()->set_to(i == 0 ? "2025-03-13" : "2025-03-31");
    c->mutable_when()->set_granularity(i == 0 ? v1::GRANULARITY_DAY : v1::GRANULARITY_MONTH);
    c->mutable_when()->set_anchor(v1::ANCHOR_ABSOLUTE);
    c->mutable_evidence()->set_end(20);
  }
  return e;
}

v1::Event Retraction(uint64_t article) {
  v1::Event e;
  e.mutable_article_retracted()->set_article_sequence(article);
  e.mutable_article_retracted()->set_reason("withdrawn by the outlet");
  return e;
}

// Replay: the rows of a new namespace built over the whole log in chunks of `chunk`.
std::map<std::string, std::string> Replay(store::Database& db, uint64_t chunk) {
  v1::ProjectionRules rules = projections::DefaultRules();
  rules.set_name(absl::StrCat("chunk-", chunk));
  absl::StatusOr<std::string> ns = projections::CreateNamespace(db, rules);
  EXPECT_TRUE(ns.ok()) << ns.status();
  projections::CatchUpOptions options;
  options.chunk_events = chunk;
  absl::Status s = projections::CatchUpNamespace(db, *ns, options);
  EXPECT_TRUE(s.ok()) << s;
  std::map<std::string, std::string> rows;
  s = db.state().ScanPrefix(*ns, "", [&](absl::string_view k, absl::string_view v) {
    if (k != projections::keys::kInfo) rows.emplace(std::string(k), std::string(v));
    return true;
  });
  EXPECT_TRUE(s.ok()) << s;
  return rows;
}

// Summaries: every cluster summary row (s/…) of `rows`.
std::vector<v1::ClusterSummary> Summaries(const std::map<std::string, std::string>& rows) {
  std::vector<v1::ClusterSummary> summaries;
  for (const auto& [key, value] : rows) {
    if (key.rfind("s/", 0) != 0) continue;
    summaries.emplace_back();
    EXPECT_TRUE(summaries.back().ParseFromString(value)) << key;
  }
  return summaries;
}

// Found by the crash harness (seed 20250128, first kill): a cluster whose only article is
// retracted, then joined by a later article — here with `claims` claims in the cluster.
// The cluster then holds the later article only, so its publication bounds are that
// article's date, whatever the chunks the log was folded in. Built in one chunk, the
// summary kept the retracted article's later date as last_published.
class EmptiedClusterTest : public ::testing::TestWithParam<int> {};

TEST_P(EmptiedClusterTest, RejoinedClusterHasOnlyTheLiveArticlesDatesInAnyChunking) {
  claimline::testing::TempDir tmp;
  absl::StatusOr<std::unique_ptr<store::Database>> db =
      store::Database::Open(tmp / "db", store::OpenOptions());
  ASSERT_TRUE(db.ok()) << db.status();
  ASSERT_TRUE((*db)
                  ->log()
                  .Append(Release("2025-03-27", "https://wire.example/a"),
                          "Quill & Mesa released Tidewire 3 on 13 March.")
                  .ok());
  ASSERT_TRUE((*db)->log().Append(Retraction(1), "").ok());
  ASSERT_TRUE((*db)
                  ->log()
                  .Append(Release("2025-03-22", "https://wire.example/b", GetParam()),
                          "Tidewire 3 came out on 13 March, Quill & Mesa said.")
                  .ok());

  const std::map<std::string, std::string> one_by_one = Replay(**db, 1);
  for (uint64_t chunk : {uint64_t{1}, uint64_t{2}, uint64_t{1000}}) {
    SCOPED_TRACE(absl::StrCat("chunks of ", chunk));
    const std::map<std::string, std::string> rows = chunk == 1 ? one_by_one : Replay(**db, chunk);
    const std::vector<v1::ClusterSummary> summaries = Summaries(rows);
    ASSERT_FALSE(summaries.empty());
    for (const v1::ClusterSummary& s : summaries) {
      EXPECT_EQ(s.first_sequence(), 3u) << s.id();
      EXPECT_EQ(s.last_sequence(), 3u) << s.id();
      EXPECT_EQ(s.first_published(), "2025-03-22") << s.id();
      EXPECT_EQ(s.last_published(), "2025-03-22") << s.id() << ": the retracted article's date";
    }
    EXPECT_TRUE(rows == one_by_one) << "the rows depend on the chunks";
  }
}

INSTANTIATE_TEST_SUITE_P(ClaimsOfTheLaterArticle, EmptiedClusterTest, ::testing::Values(1, 2));

}  // namespace
}  // namespace claimline::reliability

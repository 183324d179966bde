// The claims fold end to end: events appended to a real database, folded by the runner,
// read back through ProjectionReader. The seed acceptance case uses hand-built events
// equivalent to the gold claims (tests/projections/test_events.cc), so it does not
// depend on the extractor.
#include "projections/claims_projection.h"

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_join.h"
#include "gtest/gtest.h"
#include "projections/cluster_summary.h"
#include "projections/diff.h"
#include "projections/keys.h"
#include "projections/namespaces.h"
#include "projections/reader.h"
#include "projections/rules.h"
#include "projections/runner.h"
#include "tests/projections/test_events.h"

namespace claimline::projections {
namespace {

using testing::AllRows;
using testing::ArticleEvent;
using testing::Claim;
using testing::ScratchDb;
using testing::SeedEvents;

ProjectionReader Reader(store::Database& db, const std::string& ns = "default") {
  absl::StatusOr<ProjectionReader> r = ProjectionReader::Open(db, ns);
  EXPECT_TRUE(r.ok()) << r.status();
  return *std::move(r);
}

std::vector<v1::ClusterSummary> Conflicts(const ProjectionReader& r, ConflictQuery q = {}) {
  absl::StatusOr<std::vector<v1::ClusterSummary>> c = r.Conflicts(q);
  EXPECT_TRUE(c.ok()) << c.status();
  return c.ok() ? *c : std::vector<v1::ClusterSummary>{};
}

// Describe: "kind subject" of each cluster, sorted.
std::vector<std::string> Describe(const std::vector<v1::ClusterSummary>& clusters) {
  std::vector<std::string> out;
  for (const auto& c : clusters) out.push_back(c.kind() + " " + c.subject());
  std::sort(out.begin(), out.end());
  return out;
}

// SideLanguages: per side, the sorted languages of its attestations ("fr,hi,it").
std::vector<std::string> SideLanguages(const ProjectionReader& r, const v1::ClusterSummary& c) {
  absl::StatusOr<std::vector<v1::Attestation>> atts = r.Attestations(c.id(), {});
  EXPECT_TRUE(atts.ok());
  std::vector<std::set<std::string>> sides(c.sides_size());
  for (const v1::Attestation& a : *atts) {
    const int side = SideOf(c, a);
    if (side >= 0) sides[side].insert(a.language());
  }
  std::vector<std::string> out;
  for (const auto& s : sides) out.push_back(absl::StrJoin(s, ","));
  return out;
}

v1::ProjectionRules Rules(const std::string& text) {
  absl::StatusOr<v1::ProjectionRules> r = ParseRules(text, "test");
  EXPECT_TRUE(r.ok()) << r.status();
  return *r;
}

std::string Replay(store::Database& db, const v1::ProjectionRules& rules) {
  absl::StatusOr<std::string> ns = CreateNamespace(db, rules);
  EXPECT_TRUE(ns.ok()) << ns.status();
  EXPECT_TRUE(CatchUpNamespace(db, *ns).ok());
  return *ns;
}

class SeedTest : public ::testing::TestWithParam<bool> {
 protected:
  void SetUp() override {
    for (v1::Event e : SeedEvents(GetParam())) db_.Append(std::move(e));
    ASSERT_TRUE(CatchUp(db_.db()).ok());
  }
  ScratchDb db_;
};

TEST_P(SeedTest, DefaultRulesReportExactlyTheTwoSeedConflicts) {
  ProjectionReader r = Reader(db_.db());
  std::vector<v1::ClusterSummary> conflicts = Conflicts(r);
  ASSERT_EQ(Describe(conflicts), (std::vector<std::string>{"market_value_change nvidia",
                                                           "net_worth_change jensen_huang"}));
  for (const v1::ClusterSummary& c : conflicts) {
    if (c.kind() == "market_value_change") {
      EXPECT_EQ(SideLanguages(r, c), (std::vector<std::string>{"fr,hi,it", "id"}));
      EXPECT_EQ(c.articles(), 4u);
    } else {
      EXPECT_EQ(SideLanguages(r, c), (std::vector<std::string>{"fr,it", "zh"}));
    }
  }
}

TEST_P(SeedTest, TolerantRulesDropTheWealthConflictOnly) {
  const std::string ns = Replay(db_.db(), Rules("name: \"tolerant\"\nnumeric_tolerance: 0.05\n"));
  EXPECT_EQ(Describe(Conflicts(Reader(db_.db(), ns))),
            (std::vector<std::string>{"market_value_change nvidia"}));
  // The default projection still answers as before.
  EXPECT_EQ(Conflicts(Reader(db_.db())).size(), 2u);
  absl::StatusOr<ProjectionDiff> diff = Diff(Reader(db_.db()), Reader(db_.db(), ns));
  ASSERT_TRUE(diff.ok()) << diff.status();
  EXPECT_TRUE(diff->timeline.empty());
  ASSERT_EQ(diff->conflicts.size(), 1u);
  EXPECT_EQ(diff->conflicts[0].kind, ClusterChange::Kind::kOnlyInA);
  EXPECT_EQ(diff->conflicts[0].a->kind(), "net_worth_change");
}

TEST_P(SeedTest, ExcludingIndonesianRemovesTheMarketValueConflict) {
  const std::string ns =
      Replay(db_.db(), Rules("name: \"without-id\"\nexclude_languages: \"id\"\n"));
  EXPECT_EQ(Describe(Conflicts(Reader(db_.db(), ns))),
            (std::vector<std::string>{"net_worth_change jensen_huang"}));
}

TEST_P(SeedTest, ConflictsFilterByEntityAndKind) {
  ProjectionReader r = Reader(db_.db());
  ConflictQuery q;
  q.entity = "jensen_huang";
  EXPECT_EQ(Describe(Conflicts(r, q)), (std::vector<std::string>{"net_worth_change jensen_huang"}));
  q.entity = "";
  q.kind = "market_value_change";
  EXPECT_EQ(Conflicts(r, q).size(), 1u);
  q.entity = "deepseek";
  EXPECT_TRUE(Conflicts(r, q).empty());
}

TEST_P(SeedTest, DeepseekTimelineHasTheJanuaryReleaseFromFiveSources) {
  ProjectionReader r = Reader(db_.db());
  absl::StatusOr<std::vector<v1::ClusterSummary>> t = r.Timeline("deepseek", {});
  ASSERT_TRUE(t.ok()) << t.status();
  auto release = std::find_if(t->begin(), t->end(),
                              [](const v1::ClusterSummary& c) { return c.kind() == "release"; });
  ASSERT_NE(release, t->end());
  EXPECT_EQ(release->object(), "r1");
  EXPECT_EQ(release->bucket_start(), "2025-01-01");
  EXPECT_FALSE(release->floating());
  EXPECT_EQ(release->articles(), 5u);  // id, hi, zh dated; it, fr undated join them
  EXPECT_FALSE(release->conflict());
  // The product's own timeline has the release too.
  absl::StatusOr<std::vector<v1::ClusterSummary>> r1 = r.Timeline("r1", {});
  ASSERT_TRUE(r1.ok());
  EXPECT_TRUE(std::any_of(r1->begin(), r1->end(),
                          [&](const v1::ClusterSummary& c) { return c.id() == release->id(); }));
}

TEST_P(SeedTest, NvidiaTimelineListsTheSelloffThenTheEarningsCall) {
  ProjectionReader r = Reader(db_.db());
  absl::StatusOr<std::vector<v1::ClusterSummary>> t = r.Timeline("nvidia", {});
  ASSERT_TRUE(t.ok()) << t.status();
  std::vector<std::string> entries;
  for (const auto& c : *t) entries.push_back(c.bucket_start() + " " + c.kind());
  if (GetParam()) {
    EXPECT_EQ(entries,
              (std::vector<std::string>{"2025-01-01 market_value_change", "2025-01-01 price_change",
                                        "2025-02-01 earnings_call"}));
  } else {
    // Nothing dates the market-value claims: they wait in February, the publication month.
    EXPECT_EQ(entries,
              (std::vector<std::string>{"2025-01-01 price_change", "2025-02-01 market_value_change",
                                        "2025-02-01 earnings_call"}));
  }
  const v1::ClusterSummary& call = t->back();
  const v1::WhenStat* when = DisplayWhen(call);
  ASSERT_NE(when, nullptr);
  EXPECT_EQ(when->from(), "2025-02-26");
  EXPECT_EQ(call.expected(), 2u);
  // The price change: id and hi give -16.9%, zh no figure, zh's later recovery no figure.
  auto price = std::find_if(t->begin(), t->end(),
                            [](const v1::ClusterSummary& c) { return c.kind() == "price_change"; });
  ASSERT_NE(price, t->end());
  EXPECT_FALSE(price->conflict());
  EXPECT_EQ(price->figures_size(), 1);
  EXPECT_EQ(price->figures(0).articles(), 2u);
}

TEST_P(SeedTest, NamesInAnyScriptReachTheirEntity) {
  ProjectionReader r = Reader(db_.db());
  for (const char* name : {"NVIDIA", "nvidia", "Nvidia", "英伟达"}) {
    absl::StatusOr<std::vector<NameHit>> hits = r.LookupName(name);
    ASSERT_TRUE(hits.ok());
    ASSERT_FALSE(hits->empty()) << name;
    EXPECT_EQ((*hits)[0].entity, "nvidia") << name;
  }
  for (const char* name : {"Huang Renxun", "黄仁勋", "Jensen Huang", "huang", "हुआंग"}) {
    absl::StatusOr<std::vector<NameHit>> hits = r.LookupName(name);
    ASSERT_TRUE(hits.ok());
    ASSERT_FALSE(hits->empty()) << name;
    EXPECT_EQ((*hits)[0].entity, "jensen_huang") << name;
  }
  absl::StatusOr<std::vector<NameHit>> none = r.LookupName("nobody at all");
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
}

INSTANTIATE_TEST_SUITE_P(MarketValueDated, SeedTest, ::testing::Bool(),
                         [](const ::testing::TestParamInfo<bool>& info) {
                           return info.param ? "Dated" : "Undated";
                         });

// Events that exercise every path: floating claims arriving before and after the dated
// claim they join, a revision, a retraction, metadata corrections.
std::vector<v1::Event> EventfulLog() {
  std::vector<v1::Event> events;
  events.push_back(ArticleEvent("a.example", "en", "2025-03-10",
                                {Claim("price_change", "acme").Down().Percent(5)}));  // undated
  events.push_back(ArticleEvent("b.example", "fr", "2025-03-12",
                                {Claim("price_change", "acme").Down().Percent(5).Month(2025, 3),
                                 Claim("release", "acme").Object("rocket").Day(2025, 3, 1)}));
  events.push_back(ArticleEvent("c.example", "de", "2025-03-20",
                                {Claim("price_change", "acme").Down().Percent(7)}));  // undated
  for (v1::Event e : SeedEvents(true)) events.push_back(std::move(e));
  v1::Event revised;
  revised.mutable_claims_revised()->set_article_sequence(3);
  *revised.mutable_claims_revised()->add_claims() =
      Claim("price_change", "acme").Down().Percent(5).Build();
  events.push_back(revised);
  v1::Event retracted;
  retracted.mutable_article_retracted()->set_article_sequence(2);
  retracted.mutable_article_retracted()->set_reason("wrong company");
  events.push_back(retracted);
  v1::Event corrected;
  corrected.mutable_article_metadata_corrected()->set_article_sequence(4);
  corrected.mutable_article_metadata_corrected()->mutable_article()->set_published("2025-03-01");
  corrected.mutable_article_metadata_corrected()->add_fields("published");
  events.push_back(corrected);
  v1::Event relang;
  relang.mutable_article_metadata_corrected()->set_article_sequence(5);
  relang.mutable_article_metadata_corrected()->mutable_article()->set_language("id");
  relang.mutable_article_metadata_corrected()->add_fields("language");
  events.push_back(relang);
  events.push_back(ArticleEvent("d.example", "en", "2025-03-25",
                                {Claim("price_change", "acme").Down().Percent(5).Month(2025, 3)}));
  return events;
}

TEST(DeterminismTest, ReplayFromZeroEqualsIncrementalCatchUp) {
  const std::vector<v1::Event> events = EventfulLog();
  const v1::ProjectionRules without_id = Rules("name: \"without-id\"\nexclude_languages: \"id\"\n");
  ScratchDb incremental;
  ASSERT_TRUE(CatchUp(incremental.db()).ok());
  const std::string ns = *CreateNamespace(incremental.db(), without_id);
  for (v1::Event e : events) {
    incremental.Append(std::move(e));
    CatchUpOptions one;
    one.chunk_events = 1;
    ASSERT_TRUE(CatchUp(incremental.db(), one).ok());
  }
  for (uint64_t chunk : {1000u, 3u}) {
    ScratchDb replayed;
    for (v1::Event e : events) replayed.Append(std::move(e));
    CatchUpOptions opts;
    opts.chunk_events = chunk;
    ASSERT_TRUE(CatchUp(replayed.db(), opts).ok());
    EXPECT_EQ(Replay(replayed.db(), without_id), ns);
    for (const std::string& name : {std::string("default"), ns}) {
      std::map<std::string, std::string> a = AllRows(incremental.db(), name);
      std::map<std::string, std::string> b = AllRows(replayed.db(), name);
      EXPECT_GT(a.size(), 50u);
      EXPECT_EQ(a.size(), b.size()) << name << " chunk " << chunk;
      for (const auto& [key, value] : a) {
        auto it = b.find(key);
        ASSERT_NE(it, b.end()) << name << ": " << key << " missing after replay";
        EXPECT_EQ(it->second, value) << name << ": " << key << " differs";
      }
    }
  }
}

TEST(CorrectionsTest, RevisionsRetractionsAndCorrectionsAreFoldedIn) {
  ScratchDb db;
  for (v1::Event e : EventfulLog()) db.Append(std::move(e));
  ASSERT_TRUE(CatchUp(db.db()).ok());
  ProjectionReader r = Reader(db.db());
  absl::StatusOr<std::vector<v1::ClusterSummary>> acme = r.Timeline("acme", {});
  ASSERT_TRUE(acme.ok());
  // Article 2 (the only one dating March and naming the rocket) is retracted, but article
  // 14 dates March again: the undated claims of 1 and 3 join it; 3 was revised to -5%.
  ASSERT_EQ(acme->size(), 1u);
  const v1::ClusterSummary& price = (*acme)[0];
  EXPECT_EQ(price.kind(), "price_change");
  EXPECT_EQ(price.bucket_start(), "2025-03-01");
  EXPECT_EQ(price.articles(), 3u);
  EXPECT_FALSE(price.conflict());
  absl::StatusOr<bool> rocket = r.HasEntity("rocket");
  ASSERT_TRUE(rocket.ok());
  EXPECT_FALSE(*rocket);
  // Article 5 (it) became Indonesian; article 4 (id) moved to March 1 publication.
  absl::StatusOr<std::vector<v1::ClusterSummary>> nvidia = r.Timeline("nvidia", {});
  ASSERT_TRUE(nvidia.ok());
  for (const auto& c : *nvidia) {
    absl::StatusOr<std::vector<v1::Attestation>> atts = r.Attestations(c.id(), {});
    ASSERT_TRUE(atts.ok());
    for (const auto& a : *atts) {
      if (a.article_sequence() == 4) {
        EXPECT_EQ(a.published(), "2025-03-01");
      }
      if (a.article_sequence() == 5) {
        EXPECT_EQ(a.language(), "id");
      }
    }
  }
  EXPECT_EQ(r.info().articles_retracted(), 1u);
  EXPECT_EQ(r.info().events_applied(), 13u);
}

TEST(CorrectionsTest, CorrectedPublicationDateReResolvesRelativeDates) {
  ScratchDb db;
  v1::RelativeTime last_month;
  last_month.set_unit(v1::GRANULARITY_MONTH);
  last_month.set_offset(-1);
  db.Append(ArticleEvent(
      "a.example", "en", "2025-02-21",
      {Claim("release", "acme").Object("rocket").Month(2025, 1).Relative(last_month)}));
  v1::Event corrected;
  corrected.mutable_article_metadata_corrected()->set_article_sequence(1);
  corrected.mutable_article_metadata_corrected()->mutable_article()->set_published("2025-04-02");
  corrected.mutable_article_metadata_corrected()->add_fields("published");
  db.Append(corrected);
  ASSERT_TRUE(CatchUp(db.db()).ok());
  absl::StatusOr<std::vector<v1::ClusterSummary>> t = Reader(db.db()).Timeline("acme", {});
  ASSERT_TRUE(t.ok());
  ASSERT_EQ(t->size(), 1u);
  EXPECT_EQ((*t)[0].bucket_start(), "2025-03-01");
}

TEST(CorrectionsTest, AnEmptiedClusterKeepsNothingOfItsPast) {
  for (uint64_t chunk : {1u, 1000u}) {
    ScratchDb db;
    db.Append(ArticleEvent("early.example", "en", "2025-01-02",
                           {Claim("price_change", "solo").Down().Percent(4).Month(2025, 1)}));
    v1::Event retract;
    retract.mutable_article_retracted()->set_article_sequence(1);
    db.Append(retract);
    db.Append(ArticleEvent("late.example", "en", "2025-03-05",
                           {Claim("price_change", "solo").Down().Percent(4).Month(2025, 1)}));
    CatchUpOptions opts;
    opts.chunk_events = chunk;
    ASSERT_TRUE(CatchUp(db.db(), opts).ok());
    absl::StatusOr<std::vector<v1::ClusterSummary>> t = Reader(db.db()).Timeline("solo", {});
    ASSERT_TRUE(t.ok());
    ASSERT_EQ(t->size(), 1u);
    EXPECT_EQ((*t)[0].first_published(), "2025-03-05") << "chunk " << chunk;
    EXPECT_EQ((*t)[0].first_sequence(), 3u);
    EXPECT_EQ((*t)[0].articles(), 1u);
  }
}

TEST(CrashTest, AppendWithoutCatchUpThenReopenGivesTheSameState) {
  const std::vector<v1::Event> events = SeedEvents(true);
  ScratchDb reference;
  for (v1::Event e : events) reference.Append(std::move(e));
  ASSERT_TRUE(CatchUp(reference.db()).ok());

  ScratchDb crashed;
  ASSERT_TRUE(CatchUp(crashed.db()).ok());
  crashed.Append(events[0]);
  ASSERT_TRUE(CatchUp(crashed.db()).ok());
  for (size_t i = 1; i < events.size(); ++i) crashed.Append(events[i]);  // then "crash"
  crashed.Reopen();
  absl::StatusOr<uint64_t> before = crashed.db().state().Checkpoint("default");
  ASSERT_TRUE(before.ok());
  EXPECT_EQ(*before, 1u);
  ASSERT_TRUE(CatchUp(crashed.db()).ok());
  EXPECT_EQ(AllRows(crashed.db(), "default"), AllRows(reference.db(), "default"));
}

TEST(CrashTest, AFailedChunkCommitsNothing) {
  ScratchDb db;
  ASSERT_TRUE(CatchUp(db.db()).ok());
  const std::map<std::string, std::string> empty = AllRows(db.db(), "default");
  db.Append(ArticleEvent("a.example", "en", "2025-03-10",
                         {Claim("price_change", "acme").Down().Percent(5).Month(2025, 3)}));
  db.Append(ArticleEvent("b.example", "en", "2025-03-11",
                         {Claim("price_change", "acme").Down().Percent(5).Month(2025, 3)}));
  db.Append(ArticleEvent("c.example", "en", "2025-03-12",
                         {Claim("price_change", "beta").Down().Percent(2).Month(2025, 3)}));
  // Damage a row the third event needs, as a torn disk might: the chunk of three events
  // fails at the third and none of the first two's rows may be visible.
  const std::string damaged = keys::Group(keys::GroupId("price_change", "beta", ""));
  {
    std::unique_ptr<store::StateBatch> batch = db.db().state().NewBatch();
    batch->Put("default", damaged, "\xff\xff not a proto");
    ASSERT_TRUE(db.db().state().Commit(std::move(batch), true).ok());
  }
  absl::Status s = CatchUp(db.db());
  EXPECT_EQ(s.code(), absl::StatusCode::kDataLoss) << s;
  absl::StatusOr<uint64_t> checkpoint = db.db().state().Checkpoint("default");
  ASSERT_TRUE(checkpoint.ok());
  EXPECT_EQ(*checkpoint, 0u);
  std::map<std::string, std::string> rows = AllRows(db.db(), "default");
  rows.erase(damaged);
  EXPECT_EQ(rows, empty);
}

TEST(AsOfTest, OnlyWhatHadBeenPublishedOrRecorded) {
  ScratchDb db;
  db.Append(ArticleEvent("early.example", "en", "2025-01-10",
                         {Claim("price_change", "acme").Down().Percent(5).Month(2025, 1)}));
  db.Append(ArticleEvent("late.example", "fr", "2025-02-05",
                         {Claim("price_change", "acme").Down().Percent(9).Month(2025, 1),
                          Claim("release", "acme").Object("rocket").Day(2025, 2, 3)}));
  ASSERT_TRUE(CatchUp(db.db()).ok());
  ProjectionReader r = Reader(db.db());

  absl::StatusOr<std::vector<v1::ClusterSummary>> now = r.Timeline("acme", {});
  ASSERT_TRUE(now.ok());
  ASSERT_EQ(now->size(), 2u);
  EXPECT_TRUE((*now)[0].conflict());
  EXPECT_EQ(Conflicts(r).size(), 1u);

  for (AsOf as_of : {AsOf{"2025-01-31", std::nullopt}, AsOf{"", 1}}) {
    TimelineQuery q;
    q.as_of = as_of;
    absl::StatusOr<std::vector<v1::ClusterSummary>> then = r.Timeline("acme", q);
    ASSERT_TRUE(then.ok());
    ASSERT_EQ(then->size(), 1u);
    EXPECT_EQ((*then)[0].articles(), 1u);
    EXPECT_FALSE((*then)[0].conflict());
    EXPECT_EQ((*then)[0].last_published(), "2025-01-10");
    ConflictQuery cq;
    cq.as_of = as_of;
    EXPECT_TRUE(Conflicts(r, cq).empty());
    absl::StatusOr<std::vector<v1::Attestation>> atts = r.Attestations((*now)[0].id(), as_of);
    ASSERT_TRUE(atts.ok());
    EXPECT_EQ(atts->size(), 1u);
  }
  TimelineQuery before_all;
  before_all.as_of.published = "2024-12-31";
  absl::StatusOr<std::vector<v1::ClusterSummary>> none = r.Timeline("acme", before_all);
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
}

TEST(TimelineTest, FromToKindAndMinAttestations) {
  ScratchDb db;
  db.Append(ArticleEvent("a.example", "en", "2025-03-10",
                         {Claim("price_change", "acme").Down().Percent(5).Month(2025, 1),
                          Claim("release", "acme").Object("rocket").Day(2025, 3, 3)}));
  db.Append(ArticleEvent("b.example", "en", "2025-03-11",
                         {Claim("price_change", "acme").Down().Percent(5).Month(2025, 1)}));
  ASSERT_TRUE(CatchUp(db.db()).ok());
  ProjectionReader r = Reader(db.db());
  TimelineQuery q;
  q.from = "2025-02-01";
  absl::StatusOr<std::vector<v1::ClusterSummary>> t = r.Timeline("acme", q);
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(Describe(*t), (std::vector<std::string>{"release acme"}));
  q = {};
  q.to = "2025-01-31";
  t = r.Timeline("acme", q);
  EXPECT_EQ(Describe(*t), (std::vector<std::string>{"price_change acme"}));
  q = {};
  q.kind = "release";
  t = r.Timeline("acme", q);
  EXPECT_EQ(Describe(*t), (std::vector<std::string>{"release acme"}));

  const std::string ns = Replay(db.db(), Rules("name: \"two\"\nmin_attestations: 2\n"));
  t = Reader(db.db(), ns).Timeline("acme", {});
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(Describe(*t), (std::vector<std::string>{"price_change acme"}));
}

TEST(FloatingTest, UndatedClaimsJoinTheLatestDatedClusterInTheirWindow) {
  ScratchDb db;
  // Undated first: it waits at home (March) until a dated cluster appears.
  db.Append(ArticleEvent("a.example", "en", "2025-03-10",
                         {Claim("price_change", "acme").Down().Percent(5)}));
  ASSERT_TRUE(CatchUp(db.db()).ok());
  absl::StatusOr<std::vector<v1::ClusterSummary>> t = Reader(db.db()).Timeline("acme", {});
  ASSERT_TRUE(t.ok());
  ASSERT_EQ(t->size(), 1u);
  EXPECT_TRUE((*t)[0].floating());
  EXPECT_EQ((*t)[0].bucket_start(), "2025-03-01");
  // January, then February: it joins January, then moves to the later February.
  db.Append(ArticleEvent("b.example", "en", "2025-03-11",
                         {Claim("price_change", "acme").Down().Percent(5).Month(2025, 1)}));
  ASSERT_TRUE(CatchUp(db.db()).ok());
  t = Reader(db.db()).Timeline("acme", {});
  ASSERT_EQ(t->size(), 1u);
  EXPECT_EQ((*t)[0].bucket_start(), "2025-01-01");
  EXPECT_EQ((*t)[0].articles(), 2u);
  db.Append(ArticleEvent("c.example", "en", "2025-03-12",
                         {Claim("price_change", "acme").Down().Percent(5).Month(2025, 2)}));
  ASSERT_TRUE(CatchUp(db.db()).ok());
  t = Reader(db.db()).Timeline("acme", {});
  ASSERT_EQ(t->size(), 2u);
  EXPECT_EQ((*t)[0].articles(), 1u);  // January: b
  EXPECT_EQ((*t)[1].articles(), 2u);  // February: c and the undated a
  // A dated claim outside the window (December) changes nothing for a.
  db.Append(ArticleEvent("d.example", "en", "2025-03-13",
                         {Claim("price_change", "acme").Down().Percent(5).Month(2024, 6)}));
  ASSERT_TRUE(CatchUp(db.db()).ok());
  t = Reader(db.db()).Timeline("acme", {});
  ASSERT_EQ(t->size(), 3u);
  EXPECT_EQ((*t)[2].articles(), 2u);
  // Retracting February's only dated claim sends a back to January.
  v1::Event retract;
  retract.mutable_article_retracted()->set_article_sequence(3);
  db.Append(retract);
  ASSERT_TRUE(CatchUp(db.db()).ok());
  t = Reader(db.db()).Timeline("acme", {});
  ASSERT_EQ(t->size(), 2u);
  EXPECT_EQ((*t)[1].bucket_start(), "2025-01-01");
  EXPECT_EQ((*t)[1].articles(), 2u);
}

TEST(ProjectionTest, UnknownEventTypesAreNotApplied) {
  ScratchDb db;
  ASSERT_TRUE(CatchUp(db.db()).ok());
  StateCache cache(db.db().state(), "default");
  v1::ProjectionInfo info;
  ApplyContext ctx{cache, db.db().log(), info};
  ClaimsProjection projection(DefaultRules());
  v1::Event future;  // a payload this build does not know parses as no payload
  future.set_sequence(1);
  absl::StatusOr<bool> known = projection.Apply(future, ctx);
  ASSERT_TRUE(known.ok());
  EXPECT_FALSE(*known);
  ASSERT_TRUE(projection.Flush(ctx).ok());
  EXPECT_EQ(cache.changes(), 0u);
}

TEST(NamespacesTest, ListActivateResolveAndDrop) {
  ScratchDb db;
  for (v1::Event e : SeedEvents(true)) db.Append(std::move(e));
  ASSERT_TRUE(CatchUp(db.db()).ok());
  const std::string tolerant =
      Replay(db.db(), Rules("name: \"tolerant\"\nnumeric_tolerance: 0.05\n"));
  absl::StatusOr<std::vector<NamespaceStatus>> list = ListNamespaces(db.db());
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0].name, "default");
  EXPECT_TRUE((*list)[0].active);
  EXPECT_EQ((*list)[1].name, tolerant);
  EXPECT_EQ((*list)[1].info.status(), v1::ProjectionInfo::COMPLETE);
  EXPECT_EQ((*list)[1].checkpoint, 5u);

  EXPECT_EQ(*ResolveNamespace(db.db(), "tolerant"), tolerant);
  EXPECT_EQ(*ResolveNamespace(db.db(), ""), "default");
  EXPECT_EQ(ResolveNamespace(db.db(), "nope").status().code(), absl::StatusCode::kNotFound);

  ASSERT_TRUE(Activate(db.db(), tolerant).ok());
  EXPECT_EQ(*ResolveNamespace(db.db(), ""), tolerant);
  EXPECT_EQ(Drop(db.db(), tolerant).code(), absl::StatusCode::kFailedPrecondition);
  ASSERT_TRUE(Activate(db.db(), "default").ok());
  ASSERT_TRUE(Drop(db.db(), tolerant).ok());
  list = ListNamespaces(db.db());
  ASSERT_TRUE(list.ok());
  EXPECT_EQ(list->size(), 1u);
}

TEST(NamespacesTest, AnInterruptedReplayIsNeverServedAndIsResumed) {
  ScratchDb db;
  for (v1::Event e : SeedEvents(true)) db.Append(std::move(e));
  ASSERT_TRUE(CatchUp(db.db()).ok());
  const v1::ProjectionRules rules = Rules("name: \"tolerant\"\nnumeric_tolerance: 0.05\n");
  absl::StatusOr<std::string> ns = CreateNamespace(db.db(), rules);
  ASSERT_TRUE(ns.ok());
  // The replay commits one chunk of two events, as the runner does, then "crashes".
  {
    StateCache cache(db.db().state(), *ns);
    absl::StatusOr<std::optional<v1::ProjectionInfo>> info = ReadInfo(db.db().state(), *ns);
    ASSERT_TRUE(info.ok() && info->has_value());
    v1::ProjectionInfo i = **info;
    ApplyContext ctx{cache, db.db().log(), i};
    ClaimsProjection projection(rules);
    for (uint64_t seq : {1u, 2u}) {
      absl::StatusOr<v1::Event> e = db.db().log().Get(seq);
      ASSERT_TRUE(e.ok());
      ASSERT_TRUE(projection.Apply(*e, ctx).ok());
    }
    ASSERT_TRUE(projection.Flush(ctx).ok());
    cache.PutMessage(keys::kInfo, i);
    std::unique_ptr<store::StateBatch> batch = db.db().state().NewBatch();
    cache.WriteTo(*batch);
    batch->SetCheckpoint(*ns, 2);
    ASSERT_TRUE(db.db().state().Commit(std::move(batch), true).ok());
  }
  db.Reopen();
  EXPECT_EQ(ProjectionReader::Open(db.db(), *ns).status().code(),
            absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(Activate(db.db(), *ns).code(), absl::StatusCode::kFailedPrecondition);
  ASSERT_TRUE(CatchUp(db.db()).ok());  // resumes the replay
  ProjectionReader r = Reader(db.db(), *ns);
  EXPECT_EQ(r.checkpoint(), 5u);
  EXPECT_EQ(Describe(Conflicts(r)), (std::vector<std::string>{"market_value_change nvidia"}));
}

}  // namespace
}  // namespace claimline::projections

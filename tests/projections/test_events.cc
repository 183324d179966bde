#include "tests/projections/test_events.h"

#include <unistd.h>

#include <atomic>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "base/civil_date.h"

namespace claimline::projections::testing {

ClaimBuilder::ClaimBuilder(absl::string_view kind, absl::string_view subject) {
  claim_.set_kind(std::string(kind));
  claim_.mutable_subject()->set_entity(std::string(subject));
  claim_.mutable_subject()->set_text(std::string(subject));
  claim_.mutable_subject()->set_key(std::string(subject));
  claim_.set_modality(v1::MODALITY_ASSERTED);
}

ClaimBuilder& ClaimBuilder::Object(absl::string_view entity) {
  claim_.mutable_object()->set_entity(std::string(entity));
  claim_.mutable_object()->set_text(std::string(entity));
  claim_.mutable_object()->set_key(std::string(entity));
  return *this;
}

ClaimBuilder& ClaimBuilder::SubjectText(absl::string_view text) {
  claim_.mutable_subject()->set_text(std::string(text));
  return *this;
}

ClaimBuilder& ClaimBuilder::Down() {
  claim_.set_direction(v1::DIRECTION_DOWN);
  return *this;
}

ClaimBuilder& ClaimBuilder::Up() {
  claim_.set_direction(v1::DIRECTION_UP);
  return *this;
}

ClaimBuilder& ClaimBuilder::Figure(absl::string_view unit, std::optional<double> low,
                                   std::optional<double> high, bool approx) {
  v1::Quantity* q = claim_.mutable_quantity();
  q->set_unit(std::string(unit));
  if (low) q->set_low(*low);
  if (high) q->set_high(*high);
  q->set_approx(approx);
  q->set_text(absl::StrCat(low ? absl::StrCat(*low) : "?", "..", high ? absl::StrCat(*high) : "?",
                           " ", unit));
  return *this;
}

ClaimBuilder& ClaimBuilder::Month(int year, int month) {
  v1::ValidTime* w = claim_.mutable_when();
  const absl::CivilDay first(year, month, 1);
  w->set_from(FormatIsoDate(first));
  w->set_to(FormatIsoDate(LastDayOfMonth(first)));
  w->set_granularity(v1::GRANULARITY_MONTH);
  w->set_anchor(v1::ANCHOR_PUBLICATION);
  return *this;
}

ClaimBuilder& ClaimBuilder::Day(int year, int month, int day) {
  v1::ValidTime* w = claim_.mutable_when();
  const absl::CivilDay d(year, month, day);
  w->set_from(FormatIsoDate(d));
  w->set_to(FormatIsoDate(d));
  w->set_granularity(v1::GRANULARITY_DAY);
  w->set_anchor(v1::ANCHOR_ABSOLUTE);
  return *this;
}

ClaimBuilder& ClaimBuilder::Quarter(int year, int q) {
  v1::ValidTime* w = claim_.mutable_when();
  const absl::CivilDay first(year, (q - 1) * 3 + 1, 1);
  w->set_from(FormatIsoDate(first));
  w->set_to(FormatIsoDate(LastDayOfMonth(absl::CivilDay(year, (q - 1) * 3 + 3, 1))));
  w->set_granularity(v1::GRANULARITY_QUARTER);
  w->set_anchor(v1::ANCHOR_ABSOLUTE);
  return *this;
}

ClaimBuilder& ClaimBuilder::Vague(absl::string_view from, absl::string_view to) {
  v1::ValidTime* w = claim_.mutable_when();
  w->set_from(std::string(from));
  w->set_to(std::string(to));
  w->set_granularity(v1::GRANULARITY_VAGUE);
  w->set_anchor(v1::ANCHOR_PUBLICATION);
  return *this;
}

ClaimBuilder& ClaimBuilder::Relative(const v1::RelativeTime& r) {
  *claim_.mutable_when()->mutable_relative() = r;
  return *this;
}

ClaimBuilder& ClaimBuilder::Expected() {
  claim_.set_modality(v1::MODALITY_EXPECTED);
  return *this;
}

v1::Event ArticleEvent(absl::string_view source, absl::string_view language,
                       absl::string_view published, const std::vector<v1::Claim>& claims) {
  v1::Event e;
  v1::ArticleRecorded* r = e.mutable_article_recorded();
  r->mutable_article()->set_source(std::string(source));
  r->mutable_article()->set_url(absl::StrCat("https://", source, "/story"));
  r->mutable_article()->set_language(std::string(language));
  r->mutable_article()->set_published(std::string(published));
  r->mutable_article()->set_title(absl::StrCat("A story from ", source));
  for (const v1::Claim& c : claims) *r->add_claims() = c;
  r->mutable_extractor()->set_name("hand");
  r->mutable_extractor()->set_version("1");
  return e;
}

ScratchDb::ScratchDb() {
  static std::atomic<int> counter{0};
  dir_ = absl::StrCat(::testing::TempDir(), "/claimline_proj_", getpid(), "_", counter++);
  std::filesystem::remove_all(dir_);
  Reopen();
}

ScratchDb::~ScratchDb() {
  db_.reset();
  std::filesystem::remove_all(dir_);
}

void ScratchDb::Reopen() {
  db_.reset();
  absl::StatusOr<std::unique_ptr<store::Database>> db = store::Database::Open(dir_, {});
  EXPECT_TRUE(db.ok()) << db.status();
  if (db.ok()) db_ = *std::move(db);
}

uint64_t ScratchDb::Append(v1::Event event) {
  std::string text = event.has_article_recorded()
                         ? absl::StrFormat("Article number %d of this test.", texts_++)
                         : "";
  absl::StatusOr<store::AppendResult> r = db_->log().Append(std::move(event), text);
  EXPECT_TRUE(r.ok()) << r.status();
  return r.ok() ? r->sequence : 0;
}

std::vector<v1::Event> SeedEvents(bool market_value_dated) {
  const std::string pub = "2025-02-21";
  const std::string recently = "2025-01-22";  // a vague "recently" window before publication
  auto mv = [&](ClaimBuilder c) {
    if (market_value_dated) c.Month(2025, 1);
    return c.Build();
  };
  std::vector<v1::Event> events;
  events.push_back(ArticleEvent(
      "kompas.example", "id", pub,
      {Claim("release", "deepseek").Object("r1").Month(2025, 1),
       Claim("price_change", "nvidia").SubjectText("Nvidia").Down().Percent(16.9).Month(2025, 1),
       mv(Claim("market_value_change", "nvidia").Down().Figure("USD", 1e10, 1e11)),
       Claim("interview", "jensen_huang").SubjectText("Huang Renxun").Vague(recently, pub)}));
  events.push_back(ArticleEvent(
      "corriere.example", "it", pub,
      {Claim("release", "deepseek").Object("r1"),
       Claim("market_value_change", "nvidia").SubjectText("NVIDIA").Down().Usd(6e11),
       Claim("net_worth_change", "jensen_huang")
           .SubjectText("Huang")
           .Down()
           .Figure("percent", 20, std::nullopt),
       Claim("interview", "jensen_huang").SubjectText("Huang").Object("ddn").Vague(recently, pub),
       Claim("cost", "r1").Figure("USD", 5e6, 5e6, /*approx=*/true),
       Claim("spending", "deepseek").Figure("USD", 1e9, std::nullopt),
       Claim("earnings_call", "nvidia").SubjectText("NVIDIA").Day(2025, 2, 26).Expected()}));
  events.push_back(ArticleEvent(
      "bhaskar.example", "hi", pub,
      {Claim("release", "deepseek").Object("r1").Month(2025, 1),
       Claim("price_change", "nvidia").SubjectText("NVIDIA").Down().Percent(16.9).Month(2025, 1),
       mv(Claim("market_value_change", "nvidia").Down().Figure("USD", 1e11, 1e12)),
       Claim("interview", "jensen_huang").SubjectText("हुआंग").Vague(recently, pub)}));
  events.push_back(ArticleEvent(
      "fortune.com", "zh", pub,
      {Claim("interview", "jensen_huang").SubjectText("黄仁勋").Object("ddn").Vague(recently, pub),
       Claim("release", "deepseek").Object("r1").Month(2025, 1),
       Claim("price_change", "nvidia").SubjectText("英伟达").Down().Month(2025, 1),
       Claim("net_worth_change", "jensen_huang")
           .SubjectText("黄")
           .Down()
           .Figure("percent", 18, 20, true),
       Claim("price_change", "nvidia").SubjectText("Nvidia").Up().Vague("2025-01-01", pub),
       Claim("market_value_change", "us_tech_stocks").Down().Usd(1e12),
       Claim("earnings_call", "google").Quarter(2024, 4),
       Claim("earnings_call", "apple").Quarter(2024, 4),
       Claim("earnings_call", "microsoft").Quarter(2024, 4),
       Claim("cost", "r1").Figure("percent", 3, 5), Claim("spending", "meta").Usd(6.5e10),
       Claim("spending", "stargate").Usd(5e11)}));
  events.push_back(
      ArticleEvent("lesechos.example", "fr", pub,
                   {Claim("release", "deepseek").Object("r1"),
                    Claim("market_value_change", "nvidia").Down().Usd(6e11),
                    Claim("net_worth_change", "jensen_huang")
                        .SubjectText("Huang")
                        .Down()
                        .Figure("percent", 20, std::nullopt),
                    Claim("interview", "jensen_huang").Object("ddn").Vague(recently, pub),
                    Claim("cost", "r1").Figure("USD", 5e6, 5e6, /*approx=*/true),
                    Claim("spending", "deepseek").Figure("USD", 1e9, std::nullopt),
                    Claim("earnings_call", "nvidia").Day(2025, 2, 26).Expected()}));
  return events;
}

std::map<std::string, std::string> AllRows(store::Database& db, const std::string& ns) {
  std::map<std::string, std::string> rows;
  absl::Status s = db.state().ScanPrefix(ns, "", [&](absl::string_view k, absl::string_view v) {
    rows.emplace(std::string(k), std::string(v));
    return true;
  });
  EXPECT_TRUE(s.ok()) << s;
  return rows;
}

}  // namespace claimline::projections::testing

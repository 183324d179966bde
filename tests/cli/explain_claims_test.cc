// Unit tests of tools/entity_link and tools/explain_claims: the alias that linked a
// mention (against the compiled-in gazetteer), dates, and why figures disagree or agree.
#include "tools/explain_claims.h"

#include <string>

#include "extract/gazetteer.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tools/entity_link.h"

namespace claimline::tools {
namespace {

using ::testing::HasSubstr;

v1::EntityRef Ref(const std::string& entity, const std::string& text, const std::string& key) {
  v1::EntityRef r;
  r.set_entity(entity);
  r.set_text(text);
  r.set_key(key);
  return r;
}

v1::FigureStat Point(double v, const std::string& unit) {
  v1::FigureStat f;
  f.set_direction(v1::DIRECTION_DOWN);
  f.set_unit(unit);
  f.set_low(v);
  f.set_high(v);
  return f;
}

v1::FigureStat Range(double lo, double hi, const std::string& unit) {
  v1::FigureStat f = Point(lo, unit);
  f.set_high(hi);
  return f;
}

TEST(ExplainLink, ExactCaseFoldedTransliteratedUnknown) {
  const extract::Gazetteer* g = CompiledGazetteer();
  ASSERT_NE(g, nullptr);
  EXPECT_EQ(ExplainLink(g, Ref("nvidia", "NVIDIA", "nvidia")),
            "«NVIDIA» → nvidia (NVIDIA): gazetteer name \"NVIDIA\", exact");
  EXPECT_EQ(ExplainLink(g, Ref("nvidia", "nvidia", "nvidia")),
            "«nvidia» → nvidia (NVIDIA): gazetteer name \"NVIDIA\", case-folded");
  EXPECT_EQ(ExplainLink(g, Ref("", "Corvina Motors", "corvinamotors")),
            "«Corvina Motors»: unknown name, not in the gazetteer (key \"corvinamotors\")");
  // Written in another script than any name of the entity: met by the key.
  EXPECT_THAT(ExplainLink(g, Ref("jensen_huang", "Huang Ren-Xun", "huangrenxun")),
              HasSubstr("«Huang Ren-Xun» → jensen_huang (Jensen Huang): transliteration key "
                        "\"huangrenxun\" of the name"));
  EXPECT_EQ(ExplainLink(g, Ref("no_such_entity", "Zzz", "zzz")),
            "«Zzz» → no_such_entity: an id the gazetteer does not have now");
  EXPECT_EQ(ExplainLink(nullptr, Ref("nvidia", "NVIDIA", "nvidia")),
            "«NVIDIA» → nvidia: an id the gazetteer does not have now");
}

TEST(WhyDisagree, ExactFiguresPointsRangesDirections) {
  EXPECT_EQ(WhyDisagree(Point(12, "percent"), Point(15, "percent"), 0, 0),
            "↓ 12% and ↓ 15% are exact figures that differ; with numeric_tolerance 0 exact "
            "figures agree only when equal");
  EXPECT_EQ(WhyDisagree(Point(12, "percent"), Point(15, "percent"), 0.1, 0),
            "↓ 12% and ↓ 15% are exact figures that differ and do not meet (widened by the "
            "tolerance: [10.8%, 13.2%] and [13.5%, 16.5%])");
  EXPECT_EQ(WhyDisagree(Range(1e10, 1e11, "USD"), Range(1e11, 1e12, "USD"), 0, 0),
            "the ranges ↓ $10B–$100B [$10B, $100B] and ↓ $100B–$1T [$100B, $1T] only touch: "
            "the words exclude the shared end");
  EXPECT_EQ(WhyDisagree(Point(5e9, "USD"), Range(1e11, 1e12, "USD"), 0, 0),
            "↓ $5B lies outside the range ↓ $100B–$1T [$100B, $1T]");
  v1::FigureStat up = Point(12, "percent");
  up.set_direction(v1::DIRECTION_UP);
  EXPECT_EQ(WhyDisagree(Point(12, "percent"), up, 0, 0),
            "↓ 12% and ↑ 12% go in opposite directions");
  EXPECT_EQ(WhyDisagree(Point(12, "percent"), Point(12, "percent"), 0, 0), "");
  EXPECT_EQ(WhyDisagree(Point(12, "percent"), Point(12, "USD"), 0, 0), "");
}

TEST(WhyAgree, SameFigurePointInRangeOverlap) {
  EXPECT_EQ(WhyAgree(Point(6e11, "USD"), Range(1e11, 1e12, "USD"), 0, 0),
            "↓ $600B lies within ↓ $100B–$1T [$100B, $1T]");
  EXPECT_EQ(WhyAgree(Point(12, "percent"), Point(12, "percent"), 0, 0),
            "↓ 12% and ↓ 12% are the same figure");
  EXPECT_EQ(WhyAgree(Point(12, "percent"), Point(15, "percent"), 0, 0), "");
}

TEST(DescribeDate, AbsoluteRelativeInheritedUndated) {
  v1::Attestation a;
  a.set_published("2025-02-21");
  v1::ValidTime* w = a.mutable_claim()->mutable_when();
  EXPECT_EQ(DescribeDate(a, 62),
            "no date of its own: taken to be in the 62 days up to the publication (2025-02-21)");
  w->set_from("2025-01-01");
  w->set_to("2025-01-31");
  w->set_granularity(v1::GRANULARITY_MONTH);
  w->set_anchor(v1::ANCHOR_PUBLICATION);
  w->set_text("last month");
  w->mutable_relative()->set_unit(v1::GRANULARITY_MONTH);
  w->mutable_relative()->set_offset(-1);
  EXPECT_EQ(DescribeDate(a, 62),
            "«last month» → Jan 2025 (month 2025-01-01..2025-01-31), relative to the "
            "publication date 2025-02-21: 1 month before");
  w->set_anchor(v1::ANCHOR_CONTEXT);
  EXPECT_EQ(DescribeDate(a, 62),
            "«last month» → Jan 2025 (month 2025-01-01..2025-01-31), inherited from a nearby "
            "sentence");
}

}  // namespace
}  // namespace claimline::tools

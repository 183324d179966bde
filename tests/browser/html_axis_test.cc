// The time axis of the timeline page (tools/html_axis.h): each entry drawn at its
// precision, expected and conflicting entries marked, labels escaped.
#include "tools/html_axis.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/browser/page_fixture.h"

namespace claimline::tools {
namespace {

using ::claimline::testing::BlockWhere;
using ::testing::HasSubstr;
using ::testing::Not;

AxisRow Row(const std::string& id, absl::CivilDay from, absl::CivilDay to) {
  AxisRow r;
  r.id = id;
  r.when = "when";
  r.what = "what";
  r.from = from;
  r.to = to;
  return r;
}

TEST(TimeAxis, DrawsADayAsADotAndAMonthAsASpan) {
  AxisRow month = Row("m", absl::CivilDay(2025, 1, 1), absl::CivilDay(2025, 1, 31));
  AxisRow day = Row("d", absl::CivilDay(2025, 2, 26), absl::CivilDay(2025, 2, 26));
  day.point = true;
  const std::string html = TimeAxisHtml({month, day}, std::nullopt);
  const std::string m = BlockWhere(html, "a", "data-row", "m");
  const std::string d = BlockWhere(html, "a", "data-row", "d");
  EXPECT_THAT(m, HasSubstr("<rect x="));
  EXPECT_THAT(m, Not(HasSubstr("<circle")));
  EXPECT_THAT(d, HasSubstr("<circle"));
  // Rows keep the order given, and link to their cards.
  EXPECT_LT(html.find("data-row=\"m\""), html.find("data-row=\"d\""));
  EXPECT_THAT(m, HasSubstr("href=\"#entry-m\""));
  // The axis starts on the first of the earliest month.
  EXPECT_THAT(html, HasSubstr("data-axis-from=\"2025-01-01\""));
}

TEST(TimeAxis, FadesAVagueSpanAndDashesAnExpectedOne) {
  AxisRow vague = Row("v", absl::CivilDay(2025, 1, 22), absl::CivilDay(2025, 2, 21));
  vague.vague = true;
  AxisRow expected = Row("e", absl::CivilDay(2025, 3, 1), absl::CivilDay(2025, 3, 31));
  expected.expected = true;
  AxisRow conflict = Row("c", absl::CivilDay(2025, 1, 1), absl::CivilDay(2025, 1, 31));
  conflict.conflict = true;
  conflict.note = "↓ $600B vs ↓ $10B–$100B";
  const std::string html = TimeAxisHtml({vague, conflict, expected}, std::nullopt);
  EXPECT_THAT(BlockWhere(html, "a", "data-row", "v"), HasSubstr("fill=\"url(#vague-n)\""));
  EXPECT_THAT(BlockWhere(html, "a", "data-row", "e"), HasSubstr("stroke-dasharray=\"6 4\""));
  const std::string c = BlockWhere(html, "a", "data-row", "c");
  EXPECT_THAT(c, HasSubstr("fill=\"#c42b1c\""));
  EXPECT_THAT(c, HasSubstr(">↓ $600B vs ↓ $10B–$100B</text>"));
}

TEST(TimeAxis, MarksTheLatestArticleAndHatchesWhatComesAfter) {
  AxisRow day = Row("d", absl::CivilDay(2025, 2, 26), absl::CivilDay(2025, 2, 26));
  day.point = true;
  const std::string html = TimeAxisHtml({day}, absl::CivilDay(2025, 2, 21));
  EXPECT_THAT(html, HasSubstr("data-latest=\"2025-02-21\">latest article · 21 Feb</text>"));
  EXPECT_THAT(html, HasSubstr("fill=\"url(#after)\""));
}

TEST(TimeAxis, EscapesItsLabels) {
  AxisRow row = Row("x\"y", absl::CivilDay(2025, 1, 1), absl::CivilDay(2025, 1, 31));
  row.what = "<b>bold</b> & co";
  row.note = "<script>";
  const std::string html = TimeAxisHtml({row}, std::nullopt);
  EXPECT_THAT(html, Not(HasSubstr("<b>")));
  EXPECT_THAT(html, Not(HasSubstr("<script")));
  EXPECT_THAT(html, HasSubstr("&lt;b&gt;bold&lt;/b&gt; &amp; co"));
  EXPECT_THAT(html, HasSubstr("data-row=\"x&quot;y\""));
}

}  // namespace
}  // namespace claimline::tools

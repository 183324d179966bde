// The HTML page of `claimline timeline ENTITY --format html` (tools/render_html.h), read
// as text: self-contained, escaped, in time order, with the seed story's conflict, expected
// event, history and scripts. The same checks on the DOM a browser builds are in
// browser_test.cc.
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/browser/page_fixture.h"

namespace claimline::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

// HasCodePointIn: `text` holds a UTF-8 character in [lo, hi].
bool HasCodePointIn(const std::string& text, char32_t lo, char32_t hi) {
  for (size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    char32_t cp = c;
    int len = 1;
    if (c >= 0xf0) {
      cp = c & 0x07, len = 4;
    } else if (c >= 0xe0) {
      cp = c & 0x0f, len = 3;
    } else if (c >= 0xc0) {
      cp = c & 0x1f, len = 2;
    }
    for (int k = 1; k < len && i + k < text.size(); ++k) cp = (cp << 6) | (text[i + k] & 0x3f);
    if (cp >= lo && cp <= hi) return true;
    i += len;
  }
  return false;
}

TEST(TimelinePage, IsOneSelfContainedDocument) {
  const std::string& html = Story().html;
  EXPECT_THAT(html, StartsWith("<!DOCTYPE html>\n<html lang=\"en\">"));
  EXPECT_THAT(html, HasSubstr("<meta charset=\"utf-8\">"));
  EXPECT_THAT(html, HasSubstr("<style>"));
  EXPECT_THAT(html, HasSubstr("<svg "));
  // Nothing is fetched: no scripts, style sheets, imports, fonts, images or frames.
  for (const char* bad : {"<script", "<link", "@import", "@font-face", "src=", "url(http", "url(//",
                          "<iframe", "<img", "<object", "<embed", "xlink:href"}) {
    EXPECT_THAT(html, Not(HasSubstr(bad))) << bad;
  }
  // The only links are in-page anchors and the articles' own addresses, on their sources.
  for (const std::string& tag : StartTags(html, "a")) {
    const std::string href = AttributeOf(tag, "href").value_or("");
    if (href.rfind("#", 0) == 0) continue;
    EXPECT_TRUE(href.rfind("https://", 0) == 0 || href.rfind("http://", 0) == 0) << tag;
    const size_t at = html.find(tag);
    EXPECT_THAT(html.substr(at > 200 ? at - 200 : 0, 200), HasSubstr("class=\"src\"")) << tag;
  }
}

TEST(TimelinePage, EntriesAreInTimeOrderWithTheirGranularity) {
  const std::vector<std::string> entries = StartTags(Story().html, "article");
  ASSERT_GE(entries.size(), 2u);
  std::string previous;
  std::vector<std::string> dated;
  for (const std::string& tag : entries) {
    ASSERT_TRUE(AttributeOf(tag, "data-entry").has_value()) << tag;
    ASSERT_TRUE(AttributeOf(tag, "data-kind").has_value()) << tag;
    const std::string start = AttributeOf(tag, "data-start").value_or("");
    const std::string granularity = AttributeOf(tag, "data-granularity").value_or("");
    EXPECT_THAT(granularity,
                ::testing::AnyOf("day", "week", "month", "quarter", "year", "vague", "undated"));
    if (start.empty()) continue;
    dated.push_back(AttributeOf(tag, "data-entry").value_or(""));
    EXPECT_LE(previous, start) << tag;
    previous = start;
  }
  // Every dated entry has its row on the axis, in the same order.
  std::vector<std::string> rows;
  for (const std::string& tag : StartTags(Story().html, "a")) {
    if (auto row = AttributeOf(tag, "data-row"); row.has_value()) rows.push_back(*row);
  }
  EXPECT_EQ(rows, dated);
}

TEST(TimelinePage, SeedSelloffShowsBothFiguresSideBySideWithTheirSources) {
  if (!Story().seeds) GTEST_SKIP() << "no seed articles in " << SeedsDir();
  const std::string entry = BlockWhere(Story().html, "article", "data-kind", "market_value_change");
  ASSERT_FALSE(entry.empty());
  const std::string tag = entry.substr(0, entry.find('>') + 1);
  EXPECT_EQ(AttributeOf(tag, "data-conflict"), "true");
  EXPECT_EQ(AttributeOf(tag, "data-start"), "2025-01-01");
  EXPECT_EQ(AttributeOf(tag, "data-granularity"), "month");
  EXPECT_THAT(entry, HasSubstr("<span class=\"badge conflict\">conflict</span>"));
  const std::string side1 = BlockWhere(entry, "section", "data-side", "1");
  const std::string side2 = BlockWhere(entry, "section", "data-side", "2");
  ASSERT_FALSE(side1.empty());
  ASSERT_FALSE(side2.empty());
  // Six hundred billion (it, fr) and "hundreds of billions" (hi) against "tens of billions"
  // (id), each with its sources' language tags.
  EXPECT_THAT(side1, HasSubstr("↓ $600B"));
  EXPECT_THAT(side1, HasSubstr("data-lang=\"it\""));
  EXPECT_THAT(side1, HasSubstr("data-lang=\"fr\""));
  EXPECT_THAT(side1, HasSubstr("data-lang=\"hi\""));
  EXPECT_THAT(side2, HasSubstr("↓ $10B–$100B"));
  EXPECT_THAT(side2, HasSubstr("data-lang=\"id\""));
  EXPECT_THAT(side2, Not(HasSubstr("data-lang=\"it\"")));
  // The history of the figure, in publication order, marks where it changed.
  const std::string history = BlockWhere(entry, "section", "class", "history");
  ASSERT_FALSE(history.empty());
  EXPECT_EQ(StartTags(history, "li").size(), 4u);
  EXPECT_THAT(history, HasSubstr("data-changed=\"true\""));
}

TEST(TimelinePage, SeedEarningsCallIsExpectedOnItsDay) {
  if (!Story().seeds) GTEST_SKIP() << "no seed articles in " << SeedsDir();
  const std::string entry = BlockWhere(Story().html, "article", "data-kind", "earnings_call");
  ASSERT_FALSE(entry.empty());
  const std::string tag = entry.substr(0, entry.find('>') + 1);
  EXPECT_EQ(AttributeOf(tag, "data-expected"), "true");
  EXPECT_EQ(AttributeOf(tag, "data-start"), "2025-02-26");
  EXPECT_EQ(AttributeOf(tag, "data-granularity"), "day");
  EXPECT_THAT(entry, HasSubstr("<time datetime=\"2025-02-26\">26 Feb 2025</time>"));
  EXPECT_THAT(entry, HasSubstr("<span class=\"badge expected\">expected</span>"));
  // On the axis: a dashed, hollow dot after the latest article's line.
  const std::string id = AttributeOf(tag, "data-entry").value_or("?");
  const std::string row = BlockWhere(Story().html, "a", "data-row", id);
  ASSERT_FALSE(row.empty());
  EXPECT_THAT(row, HasSubstr("<circle"));
  EXPECT_THAT(row, HasSubstr("stroke-dasharray"));
  EXPECT_THAT(Story().html, HasSubstr("data-latest=\"2025-02-21\""));
}

TEST(TimelinePage, EvidenceIsTaggedWithItsLanguageAndKeepsItsScript) {
  if (!Story().seeds) GTEST_SKIP() << "no seed articles in " << SeedsDir();
  const std::string hindi = BlockWhere(Story().html, "blockquote", "lang", "hi");
  const std::string chinese = BlockWhere(Story().html, "blockquote", "lang", "zh");
  ASSERT_FALSE(hindi.empty());
  ASSERT_FALSE(chinese.empty());
  EXPECT_TRUE(HasCodePointIn(hindi, 0x0900, 0x097f)) << hindi;      // Devanagari
  EXPECT_TRUE(HasCodePointIn(chinese, 0x4e00, 0x9fff)) << chinese;  // CJK ideographs
  EXPECT_THAT(hindi, HasSubstr("<mark>"));                          // the figure as written, marked
  EXPECT_THAT(Story().html, HasSubstr(":lang(hi)"));
  EXPECT_THAT(Story().html, HasSubstr("Noto Sans CJK SC"));
}

TEST(TimelinePage, EscapesEverythingThatCameFromAnArticle) {
  TempDir dir;
  const std::string article = dir / "hostile.txt";
  WriteFile(article,
            "NVIDIA shares fell 7% on 3 March 2025 <img src=x onerror=alert(1)> & \"more\".\n");
  RunResult r = RunClaimline({"--db", dir / "db", "append", article, "--lang", "en", "--published",
                              "2025-03-04", "--source", "<script>alert('s')</script>", "--url",
                              "javascript:alert(1)", "--title", "A \"quoted\" <b>title</b>"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = RunClaimline({"--db", dir / "db", "timeline", "NVIDIA", "--format", "html"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string& html = r.out;
  EXPECT_THAT(html, Not(HasSubstr("<script")));
  EXPECT_THAT(html, Not(HasSubstr("<img")));
  EXPECT_THAT(html, Not(HasSubstr("<b>")));
  EXPECT_THAT(html, Not(HasSubstr("javascript:")));  // not a link, and nowhere else
  EXPECT_THAT(html, HasSubstr("&lt;script&gt;alert(&#39;s&#39;)&lt;/script&gt;"));
  EXPECT_THAT(html, HasSubstr("A &quot;quoted&quot; &lt;b&gt;title&lt;/b&gt;"));
  EXPECT_THAT(html, HasSubstr("&lt;img src=x onerror=alert(1)&gt; &amp; &quot;more&quot;"));
}

TEST(TimelinePage, LinksTheSourceToItsArticle) {
  TempDir dir;
  const std::string article = dir / "linked.txt";
  WriteFile(article, "NVIDIA shares fell 7% on 3 March 2025.\n");
  RunResult r = RunClaimline({"--db", dir / "db", "append", article, "--lang", "en", "--published",
                              "2025-03-04", "--url", "https://news.example/a?x=1&y=2"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = RunClaimline({"--db", dir / "db", "timeline", "NVIDIA", "--format", "html"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("<a href=\"https://news.example/a?x=1&amp;y=2\" "
                               "rel=\"noopener noreferrer\">news.example</a>"));
}

TEST(TimelinePage, UnknownEntityPrintsNoPageAndExitsOne) {
  RunResult r = RunClaimline({"--db", Story().db, "timeline", "Zzyzx Qwerty", "--format", "html"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_THAT(r.err, HasSubstr("no entity \"Zzyzx Qwerty\""));
}

}  // namespace
}  // namespace claimline::testing

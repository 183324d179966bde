// Tests of tools/article_header.h and tools/language_tag.h.
#include "tools/article_header.h"

#include "gtest/gtest.h"
#include "tools/language_tag.h"

namespace claimline::tools {
namespace {

TEST(ArticleHeader, ReadsTitleUrlAndPublishedTime) {
  const std::string text =
      "Title: Port reopens\n\nURL Source: https://news.example/port\n\n"
      "Published Time: 2025-03-04T09:00:00+01:00\n\nMarkdown Content:\nThe port reopened.\n";
  ArticleHeader h = ParseArticleHeader(text);
  EXPECT_TRUE(h.present);
  EXPECT_EQ(h.title, "Port reopens");
  EXPECT_EQ(h.url, "https://news.example/port");
  EXPECT_EQ(h.published, "2025-03-04T09:00:00+01:00");
  EXPECT_EQ(text.substr(h.body_offset), "The port reopened.\n");
}

TEST(ArticleHeader, TextWithoutHeaderHasNone) {
  ArticleHeader h = ParseArticleHeader("The port reopened.\nTitle: not a header here\n");
  EXPECT_FALSE(h.present);
  EXPECT_EQ(h.body_offset, 0u);
}

TEST(ArticleHeader, CrLfLinesAndABomAreAccepted) {
  ArticleHeader h = ParseArticleHeader("\xEF\xBB\xBFTitle: T\r\n\r\nBody text.\r\n");
  EXPECT_TRUE(h.present);
  EXPECT_EQ(h.title, "T");
}

TEST(HeaderDateToIso, AcceptsIsoAndRfc2822) {
  EXPECT_EQ(*HeaderDateToIso("2025-02-21"), "2025-02-21");
  EXPECT_EQ(*HeaderDateToIso("2025-02-21T23:30:00-05:00"), "2025-02-21");
  EXPECT_EQ(*HeaderDateToIso("Fri, 21 Feb 2025 08:30:00 GMT"), "2025-02-21");
  EXPECT_EQ(*HeaderDateToIso("21 February 2025"), "2025-02-21");
}

TEST(HeaderDateToIso, RefusesImpossibleAndUnreadableDates) {
  EXPECT_EQ(HeaderDateToIso("2025-02-30").status().message(),
            "2025-02-30: February 2025 has 28 days");
  EXPECT_FALSE(HeaderDateToIso("yesterday").ok());
  EXPECT_FALSE(HeaderDateToIso("Fri, 31 Foo 2025").ok());
}

TEST(HostOfUrl, StripsSchemePortAndPath) {
  EXPECT_EQ(HostOfUrl("https://User@WWW.Example.org:8080/a?b#c"), "www.example.org");
  EXPECT_EQ(HostOfUrl("not a url"), "");
}

TEST(NormalizeLanguageTag, CanonicalCase) {
  EXPECT_EQ(*NormalizeLanguageTag("FR"), "fr");
  EXPECT_EQ(*NormalizeLanguageTag("zh-hant"), "zh-Hant");
  EXPECT_EQ(*NormalizeLanguageTag("pt_br"), "pt-BR");
  EXPECT_EQ(*NormalizeLanguageTag("es-419"), "es-419");
  EXPECT_EQ(*NormalizeLanguageTag("fil"), "fil");
}

TEST(NormalizeLanguageTag, RefusesUnknownTags) {
  EXPECT_EQ(NormalizeLanguageTag("xx").status().message(), "unknown language tag \"xx\"");
  EXPECT_FALSE(NormalizeLanguageTag("").ok());
  EXPECT_FALSE(NormalizeLanguageTag("english").ok());
  EXPECT_FALSE(NormalizeLanguageTag("fr-FR-FR").ok());
}

}  // namespace
}  // namespace claimline::tools

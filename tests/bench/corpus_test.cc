// The benchmark corpus is deterministic, streams article by article, and has the shape
// the measures rely on (sizes, languages, duplicates, the hot entity).
#include "bench/corpus.h"

#include <map>
#include <memory>
#include <set>
#include <string>

#include "gtest/gtest.h"

namespace claimline::bench {
namespace {

std::unique_ptr<Corpus> MakeCorpus(uint64_t seed) {
  CorpusOptions options;
  options.seed = seed;
  absl::StatusOr<std::unique_ptr<Corpus>> corpus = Corpus::Create(options);
  EXPECT_TRUE(corpus.ok()) << corpus.status();
  return corpus.ok() ? *std::move(corpus) : nullptr;
}

TEST(CorpusTest, SameSeedSameArticles) {
  std::unique_ptr<Corpus> a = MakeCorpus(42);
  std::unique_ptr<Corpus> b = MakeCorpus(42);
  ASSERT_NE(a, nullptr);
  ASSERT_NE(b, nullptr);
  // Out of order on purpose: an article depends on its index only.
  for (uint64_t i : {7u, 0u, 999u, 3u, 123456u}) {
    const CorpusArticle x = a->Article(i);
    const CorpusArticle y = b->Article(i);
    EXPECT_EQ(x.text, y.text) << i;
    EXPECT_EQ(x.title, y.title) << i;
    EXPECT_EQ(x.language, y.language) << i;
    EXPECT_EQ(x.published, y.published) << i;
    EXPECT_EQ(x.source, y.source) << i;
  }
}

TEST(CorpusTest, OtherSeedOtherArticles) {
  std::unique_ptr<Corpus> a = MakeCorpus(1);
  std::unique_ptr<Corpus> b = MakeCorpus(2);
  ASSERT_NE(a, nullptr);
  ASSERT_NE(b, nullptr);
  int differ = 0;
  for (uint64_t i = 0; i < 20; ++i) differ += a->Article(i).text != b->Article(i).text;
  EXPECT_GE(differ, 19);
}

TEST(CorpusTest, ArticlesAreTwoToSixKilobytesInEveryLanguage) {
  std::unique_ptr<Corpus> corpus = MakeCorpus(1);
  ASSERT_NE(corpus, nullptr);
  constexpr uint64_t kArticles = 1200;
  std::map<std::string, int> per_language;
  for (uint64_t i = 0; i < kArticles; ++i) {
    const CorpusArticle a = corpus->Article(i);
    EXPECT_GE(a.text.size(), 2048u) << i;
    EXPECT_LE(a.text.size(), 6145u) << i;  // 6 KB and the final newline
    EXPECT_EQ(a.text.find('{'), std::string::npos) << "unfilled slot in article " << i;
    ++per_language[a.language];
  }
  for (const std::string& lang : corpus->languages()) {
    // Languages are drawn uniformly: each gets at least half its even share.
    EXPECT_GE(per_language[lang], static_cast<int>(kArticles / corpus->languages().size() / 2))
        << lang;
  }
  EXPECT_EQ(per_language.size(), corpus->languages().size());
}

TEST(CorpusTest, DuplicatesRepeatAnEarlierTextExactly) {
  std::unique_ptr<Corpus> corpus = MakeCorpus(3);
  ASSERT_NE(corpus, nullptr);
  int duplicates = 0;
  for (uint64_t i = 0; i < 2000; ++i) {
    const CorpusArticle a = corpus->Article(i);
    if (!a.duplicate) continue;
    ++duplicates;
    ASSERT_LT(a.duplicate_of, i);
    const CorpusArticle original = corpus->Article(a.duplicate_of);
    EXPECT_FALSE(original.duplicate);
    EXPECT_EQ(a.text, original.text) << i;
  }
  // About 5%: 100 expected among 2000.
  EXPECT_GT(duplicates, 50);
  EXPECT_LT(duplicates, 160);
}

TEST(CorpusTest, PublicationDatesAdvanceWithTheIndex) {
  std::unique_ptr<Corpus> corpus = MakeCorpus(1);
  ASSERT_NE(corpus, nullptr);
  EXPECT_EQ(corpus->Article(0).published, "2020-01-01");
  EXPECT_EQ(corpus->Article(499).published, "2020-01-01");
  EXPECT_EQ(corpus->Article(500).published, "2020-01-02");
  EXPECT_EQ(corpus->Article(500 * 366).published, "2021-01-01");
}

TEST(CorpusTest, UnknownLanguageIsRefused) {
  CorpusOptions options;
  options.languages = {"tlh"};
  absl::StatusOr<std::unique_ptr<Corpus>> corpus = Corpus::Create(options);
  ASSERT_FALSE(corpus.ok());
  EXPECT_EQ(corpus.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(corpus.status().message().find("'tlh'"), std::string::npos);
}

}  // namespace
}  // namespace claimline::bench

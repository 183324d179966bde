// Corpus: the deterministic synthetic news corpus of `claimline bench`.
//
// Article i is a pure function of (options, i): the generator keeps no state between
// articles and never holds the corpus, so a caller streams any number of articles in
// constant memory, from any thread, and the same seed always gives the same bytes.
// Randomness is splitmix64 seeded from (seed, i); nothing reads the clock or
// std::random_device.
//
// Each article is 2–6 KB of text in one of the languages asked for, written from the
// sentence templates of templates.h with names from the gazetteer
// (extract/lang/entities.textproto) in the language's script: claim sentences (figures
// exact, approximate and vague; dates in every form the language writes, absolute and
// relative to the publication date) between sentences that claim nothing.
//
// Structure that the benchmark relies on:
//   - publication dates advance with the index (articles_per_day), so a larger corpus
//     covers a longer period, like a growing log;
//   - claims about the same (kind, subject, month) tell the same story and give the same
//     figure, except for a share (conflict_share) that gives a disagreeing one;
//   - a share of articles (duplicate_share) repeats an earlier article's text exactly;
//   - one entity (hot_entity) is the main subject of a share of articles (hot_share), so
//     that its timeline grows to ~100k claims at a million articles.
#ifndef CLAIMLINE_BENCH_CORPUS_H_
#define CLAIMLINE_BENCH_CORPUS_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "bench/templates.h"
#include "claimline/v1/entities.pb.h"

namespace claimline::bench {

struct CorpusOptions {
  // seed: the corpus is a function of the seed. Default: 1.
  uint64_t seed = 1;
  // languages: BCP-47 tags to write; each must have templates (templates.h). Default:
  // empty = every language with templates.
  std::vector<std::string> languages;
  // duplicate_share: articles that repeat an earlier one's text. Default: 0.05.
  double duplicate_share = 0.05;
  // conflict_share: story mentions that give a disagreeing figure. Default: 0.10.
  double conflict_share = 0.10;
  // hot_entity: the gazetteer id of the most written-about organization. Default: nvidia.
  std::string hot_entity = "nvidia";
  // hot_share: articles whose main subject is hot_entity. Default: 0.012 (about 100k
  // of its claims in a million articles).
  double hot_share = 0.012;
  // articles_per_day: publication dates advance one day per this many articles.
  // Default: 500.
  int articles_per_day = 500;
  // first_day: the publication date of article 0. Default: 2020-01-01.
  absl::CivilDay first_day = absl::CivilDay(2020, 1, 1);
};

struct CorpusArticle {
  uint64_t index = 0;
  std::string language;
  std::string source;
  std::string url;
  std::string title;
  std::string published;  // YYYY-MM-DD
  std::string text;
  bool duplicate = false;  // the text repeats article `duplicate_of`
  uint64_t duplicate_of = 0;
};

class Corpus {
 public:
  // Create: loads the gazetteer. InvalidArgument for a language without templates or a
  // hot_entity that is not an organization of the gazetteer.
  static absl::StatusOr<std::unique_ptr<Corpus>> Create(const CorpusOptions& options);

  // Article: article `index`. Thread-safe.
  CorpusArticle Article(uint64_t index) const;

  const std::vector<std::string>& languages() const { return languages_; }
  const CorpusOptions& options() const { return options_; }

 private:
  struct Named {
    std::string id;
    std::string name;
    int maker = -1;  // products: index of the maker in orgs; persons: their organization
  };
  // The entities of one language, each under the name that language writes.
  struct Pools {
    const LanguageTemplates* templates = nullptr;
    std::vector<Named> orgs;
    std::vector<Named> persons;
    std::vector<Named> products;
    std::vector<Named> outlets;
    std::vector<std::vector<int>> persons_of_org;   // org index → person indexes
    std::vector<std::vector<int>> products_of_org;  // org index → product indexes
    std::vector<int> makers;                        // orgs with products, but the hot one
    int hot = 0;                                    // index of hot_entity in orgs
  };
  class Writer;

  Corpus(CorpusOptions options, std::vector<std::string> languages, std::vector<Pools> pools)
      : options_(std::move(options)), languages_(std::move(languages)), pools_(std::move(pools)) {}

  CorpusArticle Fresh(uint64_t index) const;

  CorpusOptions options_;
  std::vector<std::string> languages_;
  std::vector<Pools> pools_;  // parallel to languages_
};

}  // namespace claimline::bench

#endif  // CLAIMLINE_BENCH_CORPUS_H_

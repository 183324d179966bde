// Made-up articles for the crash harness, generated deterministically from (run, index)
// so that the parent can regenerate, byte for byte, every article the child may have
// written — and so tell a stored article from an invented or damaged one.
//
// Each article carries a few hand-built claims over a small cast of entities, so that
// projections form clusters and conflicts; texts vary in size (a few hundred bytes to a
// few kilobytes) and are distinct for distinct (run, index).
#ifndef CLAIMLINE_TESTS_RELIABILITY_SAMPLE_ARTICLES_H_
#define CLAIMLINE_TESTS_RELIABILITY_SAMPLE_ARTICLES_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "claimline/v1/event.pb.h"

namespace claimline::reliability {

// Where an article sits in the child's writes: alone, or member `member` (from 0) of a
// batch of `size`, the batch numbered `batch` within its run.
struct BatchPlace {
  uint64_t batch = 0;
  uint32_t member = 0;
  uint32_t size = 1;  // 1: a single Append
};

struct SampleArticle {
  v1::Event event;  // ArticleRecorded, metadata and claims, no text
  std::string text;
};

// MakeArticle: article `index` of run `run`; its title records `place`.
SampleArticle MakeArticle(uint64_t run, uint64_t index, const BatchPlace& place);

// SampleText: the text MakeArticle gives (run, index), without building the event.
std::string SampleText(uint64_t run, uint64_t index);

// The identity a title of MakeArticle encodes: "r<run> a<index> b<batch> <member>/<size>".
struct SampleTitle {
  uint64_t run = 0;
  uint64_t index = 0;
  BatchPlace place;
};
std::optional<SampleTitle> ParseSampleTitle(const std::string& title);

// MakeClaims: the claims of revision `revision` of an article (for ClaimsRevised).
std::vector<v1::Claim> MakeClaims(uint64_t run, uint64_t revision);

}  // namespace claimline::reliability

#endif  // CLAIMLINE_TESTS_RELIABILITY_SAMPLE_ARTICLES_H_

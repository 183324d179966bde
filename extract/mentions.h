// Mentions: what the recognizers find in one sentence, before claims are assembled.
// Offsets are bytes of the ORIGINAL text, [begin, end). Each mention carries the explain
// lines (lexicon entry, rule) that `claimline extract --explain` prints.
#ifndef CLAIMLINE_EXTRACT_MENTIONS_H_
#define CLAIMLINE_EXTRACT_MENTIONS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "claimline/v1/claim.pb.h"

namespace claimline::extract {

struct QuantityMention {
  uint32_t begin = 0;
  uint32_t end = 0;
  v1::Quantity quantity;  // unit, low/high, approx, text (the original surface form)
  std::vector<std::string> explain;
};

struct DateMention {
  uint32_t begin = 0;
  uint32_t end = 0;
  v1::ValidTime when;  // resolved interval, granularity, anchor, text and relative form
  bool future = false;  // the interval starts after the reference (publication) date
  std::vector<std::string> explain;
};

struct EntityMention {
  uint32_t begin = 0;
  uint32_t end = 0;
  v1::EntityRef ref;  // entity (canonical id or empty), text, key, type
  std::vector<std::string> explain;
};

}  // namespace claimline::extract

#endif  // CLAIMLINE_EXTRACT_MENTIONS_H_

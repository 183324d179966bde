// VerifyRocks: the integrity check behind Database::Verify.
//
// Reads the whole database through one snapshot (the writer may keep appending) and
// reports every problem as one line naming the sequence or key involved:
//   - events: every key is an 8-byte sequence, keys run 1..N without a gap, every value
//     parses as claimline.v1.Event with that sequence, no article text inside an event;
//   - meta: next_sequence is N+1, the article and text-byte counters match the log;
//   - texts: every ArticleRecorded has one, its ContentHash and size match the event's,
//     and no text lacks its article;
//   - dedupe: maps exactly the articles' content hashes to their sequences;
//   - RocksDB's block checksums (DB::VerifyChecksum).
// Problems are capped at kMaxVerifyProblems lines plus one "… more" line.
#ifndef CLAIMLINE_STORE_ROCKS_VERIFY_H_
#define CLAIMLINE_STORE_ROCKS_VERIFY_H_

#include <cstddef>

#include "absl/status/statusor.h"
#include "store/event_log.h"
#include "store/rocks_handles.h"

namespace claimline::store {

inline constexpr size_t kMaxVerifyProblems = 1000;

// Errors: only when the database cannot be read at all; damage goes into the report.
absl::StatusOr<VerifyReport> VerifyRocks(RocksHandles& h);

}  // namespace claimline::store

#endif  // CLAIMLINE_STORE_ROCKS_VERIFY_H_

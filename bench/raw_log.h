// RawLog: the baseline of store_append_vs_raw_ratio — a plain RocksDB WriteBatch loop
// that writes what claimline's store writes for an article (the event under its
// big-endian sequence, the text under the same key, the content hash → sequence) into
// the same column families with the same options (store/rocks_options.h), synced once
// per batch like AppendBatch. No dedupe lookup, no validation, no metadata, no group
// commit: what RocksDB alone costs for the same bytes.
//
// The benchmark is the one place outside store/ that uses RocksDB, for this measure only.
#ifndef CLAIMLINE_BENCH_RAW_LOG_H_
#define CLAIMLINE_BENCH_RAW_LOG_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "claimline/v1/event.pb.h"

namespace claimline::bench {

// One article for the raw loop, everything computed beforehand except the serialization.
struct RawRecord {
  v1::Event event;   // sequence and recorded_at are set by the loop
  std::string text;  // the article text
  std::string hash;  // the 32-byte content hash (the dedupe key)
};

class RawLog {
 public:
  // Open: creates a database in `dir` (which must not exist) with claimline's options.
  static absl::StatusOr<std::unique_ptr<RawLog>> Open(const std::string& dir,
                                                      size_t block_cache_bytes);
  virtual ~RawLog() = default;

  // AppendBatch: one WriteBatch for all records, written with sync = true.
  virtual absl::Status AppendBatch(std::vector<RawRecord>& records, int64_t recorded_at) = 0;
};

}  // namespace claimline::bench

#endif  // CLAIMLINE_BENCH_RAW_LOG_H_

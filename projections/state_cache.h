// StateCache: one chunk's view of a projection namespace — the committed state under the
// changes the chunk has made so far.
//
// The runner applies a chunk of events through a StateCache, then writes every change
// together with the new checkpoint into one StateBatch. Reads see the chunk's own
// writes (the overlay) before the committed state, so applying events one chunk at a
// time or one at a time gives the same result. Not thread-safe.
#ifndef CLAIMLINE_PROJECTIONS_STATE_CACHE_H_
#define CLAIMLINE_PROJECTIONS_STATE_CACHE_H_

#include <functional>
#include <optional>
#include <string>

#include "absl/container/btree_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/message_lite.h"
#include "store/event_log.h"

namespace claimline::projections {

class StateCache {
 public:
  // StateCache: a view of namespace `ns` of `store`, which must outlive it.
  StateCache(const store::StateStore& store, std::string ns);

  const std::string& ns() const { return ns_; }

  // Get: the value under `key`, or nullopt.
  absl::StatusOr<std::optional<std::string>> Get(absl::string_view key) const;

  // GetMessage: parses the value under `key` into `msg`; false when absent; DataLoss
  // (naming namespace and key) when it does not parse.
  absl::StatusOr<bool> GetMessage(absl::string_view key, google::protobuf::MessageLite& msg) const;

  void Put(absl::string_view key, std::string value);
  void PutMessage(absl::string_view key, const google::protobuf::MessageLite& msg);
  void Delete(absl::string_view key);

  // ScanPrefix: every key starting with `prefix` in byte order, the overlay merged over
  // the committed state; stops when fn returns false. `overlay_only` skips the committed
  // state (for keys the caller knows were never committed).
  absl::Status ScanPrefix(
      absl::string_view prefix,
      const std::function<bool(absl::string_view key, absl::string_view value)>& fn,
      bool overlay_only = false) const;

  // WriteTo: puts every change into `batch` (in key order); the overlay stays.
  void WriteTo(store::StateBatch& batch) const;

  size_t changes() const { return overlay_.size(); }
  size_t ApproximateBytes() const { return bytes_; }

 private:
  const store::StateStore& store_;
  std::string ns_;
  // A B-tree: ordered (prefix scans) with far fewer allocations than std::map.
  absl::btree_map<std::string, std::optional<std::string>, std::less<>> overlay_;
  size_t bytes_ = 0;
};

}  // namespace claimline::projections

#endif  // CLAIMLINE_PROJECTIONS_STATE_CACHE_H_

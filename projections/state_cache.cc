#include "projections/state_cache.h"

#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"

namespace claimline::projections {

StateCache::StateCache(const store::StateStore& store, std::string ns)
    : store_(store), ns_(std::move(ns)) {}

absl::StatusOr<std::optional<std::string>> StateCache::Get(absl::string_view key) const {
  if (auto it = overlay_.find(key); it != overlay_.end()) return it->second;
  return store_.Get(ns_, key);
}

absl::StatusOr<bool> StateCache::GetMessage(absl::string_view key,
                                            google::protobuf::MessageLite& msg) const {
  absl::StatusOr<std::optional<std::string>> value = Get(key);
  if (!value.ok()) return value.status();
  if (!value->has_value()) return false;
  if (!msg.ParseFromString(**value)) {
    return absl::DataLossError(absl::StrCat("projection ", ns_, ": row \"", key,
                                            "\" does not parse; run `claimline "
                                            "projections drop ",
                                            ns_, "` and replay"));
  }
  return true;
}

void StateCache::Put(absl::string_view key, std::string value) {
  bytes_ += key.size() + value.size();
  // One descent of the tree: most keys are new to the chunk.
  auto it = overlay_.lower_bound(key);
  if (it != overlay_.end() && it->first == key) {
    it->second = std::move(value);
  } else {
    overlay_.emplace_hint(it, std::string(key), std::move(value));
  }
}

void StateCache::PutMessage(absl::string_view key, const google::protobuf::MessageLite& msg) {
  std::string value;
  msg.SerializeToString(&value);
  Put(key, std::move(value));
}

void StateCache::Delete(absl::string_view key) {
  bytes_ += key.size();
  auto it = overlay_.lower_bound(key);
  if (it != overlay_.end() && it->first == key) {
    it->second = std::nullopt;
  } else {
    overlay_.emplace_hint(it, std::string(key), std::nullopt);
  }
}

absl::Status StateCache::ScanPrefix(
    absl::string_view prefix,
    const std::function<bool(absl::string_view key, absl::string_view value)>& fn,
    bool overlay_only) const {
  auto lo = overlay_.lower_bound(prefix);
  auto in_prefix = [&](decltype(lo) it) {
    return it != overlay_.end() && absl::string_view(it->first).substr(0, prefix.size()) == prefix;
  };
  if (overlay_only) {
    for (auto it = lo; in_prefix(it); ++it) {
      if (it->second.has_value() && !fn(it->first, *it->second)) break;
    }
    return absl::OkStatus();
  }
  // Committed rows first into a list, then a merge: the overlay wins on equal keys.
  std::vector<std::pair<std::string, std::string>> committed;
  absl::Status s = store_.ScanPrefix(ns_, prefix, [&](absl::string_view k, absl::string_view v) {
    committed.emplace_back(std::string(k), std::string(v));
    return true;
  });
  if (!s.ok()) return s;
  auto it = lo;
  size_t i = 0;
  while (i < committed.size() || in_prefix(it)) {
    const bool take_overlay =
        in_prefix(it) && (i == committed.size() || it->first <= committed[i].first);
    if (take_overlay) {
      if (i < committed.size() && it->first == committed[i].first) ++i;
      if (it->second.has_value() && !fn(it->first, *it->second)) return absl::OkStatus();
      ++it;
    } else {
      if (!fn(committed[i].first, committed[i].second)) return absl::OkStatus();
      ++i;
    }
  }
  return absl::OkStatus();
}

void StateCache::WriteTo(store::StateBatch& batch) const {
  for (const auto& [key, value] : overlay_) {
    if (value.has_value()) {
      batch.Put(ns_, key, *value);
    } else {
      batch.Delete(ns_, key);
    }
  }
}

}  // namespace claimline::projections

// RocksDB options for a claimline database: one place where every tuning choice is made
// and explained (rocks_options.cc has a comment beside each option).
#ifndef CLAIMLINE_STORE_ROCKS_OPTIONS_H_
#define CLAIMLINE_STORE_ROCKS_OPTIONS_H_

#include <cstddef>
#include <memory>
#include <string>

#include "absl/strings/string_view.h"
#include "rocksdb/cache.h"
#include "rocksdb/options.h"

namespace claimline::store {

// MakeDbOptions: database-wide options, the same for the writer and for readers.
rocksdb::DBOptions MakeDbOptions();

// MakeFamilyOptions: options of the column family `name` (one of the kXxxFamily names in
// keys.h; anything else gets RocksDB's defaults). All families share `block_cache`.
rocksdb::ColumnFamilyOptions MakeFamilyOptions(absl::string_view name,
                                               const std::shared_ptr<rocksdb::Cache>& block_cache);

}  // namespace claimline::store

#endif  // CLAIMLINE_STORE_ROCKS_OPTIONS_H_

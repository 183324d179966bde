#include "store/rocks_options.h"

#include <algorithm>
#include <vector>

#include "rocksdb/convenience.h"
#include "rocksdb/filter_policy.h"
#include "rocksdb/table.h"
#include "store/keys.h"

namespace claimline::store {
namespace {

constexpr size_t kMiB = size_t{1} << 20;

bool Supported(rocksdb::CompressionType type) {
  static const std::vector<rocksdb::CompressionType> supported =
      rocksdb::GetSupportedCompressions();
  return std::find(supported.begin(), supported.end(), type) != supported.end();
}

// FastCompression: LZ4 where the library has it (Debian's does), else Snappy, else none.
rocksdb::CompressionType FastCompression() {
  if (Supported(rocksdb::kLZ4Compression)) return rocksdb::kLZ4Compression;
  if (Supported(rocksdb::kSnappyCompression)) return rocksdb::kSnappyCompression;
  return rocksdb::kNoCompression;
}

// DenseCompression: ZSTD where available, for data that is written once and read rarely.
rocksdb::CompressionType DenseCompression() {
  return Supported(rocksdb::kZSTD) ? rocksdb::kZSTD : FastCompression();
}

rocksdb::BlockBasedTableOptions TableOptions(const std::shared_ptr<rocksdb::Cache>& block_cache,
                                             size_t block_size, bool bloom) {
  rocksdb::BlockBasedTableOptions table;
  // One LRU cache for every family, sized by OpenOptions::block_cache_bytes: memory use is
  // bounded as a whole and the busiest family gets the most of it.
  table.block_cache = block_cache;
  table.block_size = block_size;
  // Index and filter blocks go through the cache too, so the cache bound covers them.
  table.cache_index_and_filter_blocks = true;
  // ... but the L0 ones stay pinned: they are hit on nearly every lookup.
  table.pin_l0_filter_and_index_blocks_in_cache = true;
  if (bloom) {
    // 10 bits per key ≈ 1% false positives: a miss costs no block read 99% of the time.
    table.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
  }
  return table;
}

}  // namespace

rocksdb::DBOptions MakeDbOptions() {
  rocksdb::DBOptions db;
  // Two cores are the target machine; flushes and compactions must not starve appends.
  db.max_background_jobs = 2;
  // The small families (meta, dedupe) are written by every append but flush rarely; a
  // capped WAL total forces them to flush instead of pinning old WAL files for ever.
  db.max_total_wal_size = 64 * kMiB;
  // Write SST data out in 1 MiB steps instead of one long fsync at the end of a flush.
  db.bytes_per_sync = kMiB;
  // Appends are durable because each WriteBatch is written with sync=true; the WAL is
  // written by RocksDB on each write (no manual flushing by us).
  db.manual_wal_flush = false;
  // After a crash, drop only a torn record at the very end of the WAL: every append is
  // synced, so that can only be a write nobody was told had succeeded. A damaged record
  // before the end is reported as corruption (open fails with DataLoss) instead:
  // kPointInTimeRecovery would silently stop there and drop every acknowledged append
  // after it, and the next append would reuse their sequence numbers
  // (tests/reliability/damage_test.cc, DamagedWal*).
  db.wal_recovery_mode = rocksdb::WALRecoveryMode::kTolerateCorruptedTailRecords;
  // RocksDB's own LOG files: keep a few, small. (Open replaces RocksDB's logger with
  // InfoLog, rocks_info_log.h, which keeps LOG and LOG.old of at most 4 MiB each.)
  db.keep_log_file_num = 4;
  db.max_log_file_size = 4 * kMiB;
  // Secondary instances require every table file to stay open (RocksDB's rule); the
  // writer does the same, which avoids table-cache churn on a log this size.
  db.max_open_files = -1;
  return db;
}

rocksdb::ColumnFamilyOptions MakeFamilyOptions(absl::string_view name,
                                               const std::shared_ptr<rocksdb::Cache>& block_cache) {
  rocksdb::ColumnFamilyOptions cf;
  // Size each level from the bottom up, so ~90% of the data sits in the last level and
  // space amplification stays near 1.1 whatever the database size.
  cf.level_compaction_dynamic_level_bytes = true;

  if (name == kEventsFamily) {
    // Events: metadata and claims, hundreds of bytes to a few KB each, keys in append
    // order (so compactions find no overlap and mostly move files without rewriting them).
    // Read by sequential scans, so no bloom filter: a scan never asks "is this key here?".
    cf.write_buffer_size = 32 * kMiB;
    cf.compression = FastCompression();  // LZ4: decoded on every replay, so cheap to decode
    cf.table_factory.reset(
        rocksdb::NewBlockBasedTableFactory(TableOptions(block_cache, 16 * 1024, false)));
  } else if (name == kTextsFamily) {
    // Texts: kilobytes each, written once, read one at a time (GetText) and never scanned
    // by replay. Large blocks and ZSTD at the bottom level, where nearly all of them end
    // up, trade a little CPU on rare reads for less disk: the five seed articles together
    // take 14.0 KB with ZSTD (level 3) against 18.3 KB with LZ4, from 30.0 KB.
    cf.write_buffer_size = 64 * kMiB;
    cf.compression = FastCompression();
    cf.bottommost_compression = DenseCompression();
    cf.table_factory.reset(
        rocksdb::NewBlockBasedTableFactory(TableOptions(block_cache, 64 * 1024, false)));
  } else if (name == kDedupeFamily) {
    // Dedupe: 32-byte SHA-256 keys, uniformly random. Every append looks one up and it is
    // usually absent (a new article), so a bloom filter saves the block read; we keep it
    // on the last level too (no optimize_filters_for_hits: lookups mostly miss). SHA-256
    // output does not compress, so no compression.
    cf.write_buffer_size = 8 * kMiB;
    cf.compression = rocksdb::kNoCompression;
    cf.bottommost_compression = rocksdb::kNoCompression;
    // A bloom filter in the memtable as well: a new hash skips the skiplist search.
    cf.memtable_prefix_bloom_size_ratio = 0.02;
    cf.memtable_whole_key_filtering = true;
    cf.table_factory.reset(
        rocksdb::NewBlockBasedTableFactory(TableOptions(block_cache, 4 * 1024, true)));
  } else if (name == kProjectionsFamily) {
    // Projection state: point lookups by key while folding, often for keys not there yet
    // (a new entity, a new cluster), so the filter stays on the last level too
    // (no optimize_filters_for_hits); prefix scans for queries.
    cf.write_buffer_size = 32 * kMiB;
    cf.compression = FastCompression();
    cf.table_factory.reset(
        rocksdb::NewBlockBasedTableFactory(TableOptions(block_cache, 8 * 1024, true)));
  } else if (name == kMetaFamily) {
    // Meta: a handful of keys rewritten by every append. A small memtable; lookups always
    // hit, so no filter at all.
    cf.write_buffer_size = 4 * kMiB;
    cf.compression = rocksdb::kNoCompression;
    cf.table_factory.reset(
        rocksdb::NewBlockBasedTableFactory(TableOptions(block_cache, 4 * 1024, false)));
  }
  return cf;
}

}  // namespace claimline::store

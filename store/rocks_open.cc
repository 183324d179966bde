#include "store/rocks_open.h"

#include <algorithm>
#include <filesystem>
#include <system_error>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "base/status_macros.h"
#include "store/keys.h"
#include "store/rocks_info_log.h"
#include "store/rocks_options.h"
#include "store/rocks_status.h"

namespace claimline::store {
namespace {

namespace fs = std::filesystem;

const std::vector<std::string>& ClaimlineFamilies() {
  static const auto* const families = new std::vector<std::string>{
      kEventsFamily, kTextsFamily, kDedupeFamily, kMetaFamily, kProjectionsFamily};
  return *families;
}

bool Contains(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

absl::Status NotClaimline(const std::string& dir, absl::string_view why) {
  return absl::FailedPreconditionError(
      absl::StrCat(dir, " is not a claimline database (", why, ")"));
}

// What the directory holds before RocksDB looks at it.
enum class DirState { kMissing, kEmpty, kRocksDb, kOther };

absl::StatusOr<DirState> InspectDir(const std::string& dir) {
  std::error_code ec;
  const fs::file_status status = fs::status(dir, ec);
  if (ec && ec != std::errc::no_such_file_or_directory) {
    return absl::FailedPreconditionError(absl::StrCat("cannot read ", dir, ": ", ec.message()));
  }
  if (!fs::exists(status)) return DirState::kMissing;
  if (!fs::is_directory(status)) return NotClaimline(dir, "it is a file, not a directory");
  if (fs::exists(fs::path(dir) / "CURRENT", ec)) return DirState::kRocksDb;
  fs::directory_iterator it(dir, ec);
  if (ec) {
    return absl::FailedPreconditionError(absl::StrCat("cannot list ", dir, ": ", ec.message()));
  }
  if (it == fs::directory_iterator()) return DirState::kEmpty;
  return DirState::kOther;
}

// NamesSample: up to three entry names of `dir`, for the "not a claimline database" message.
std::string NamesSample(const std::string& dir) {
  std::vector<std::string> names;
  std::error_code ec;
  size_t total = 0;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (total++ < 3) names.push_back(it->path().filename().string());
  }
  std::sort(names.begin(), names.end());
  std::string sample = absl::StrJoin(names, ", ");
  if (total > names.size()) absl::StrAppend(&sample, ", … (", total, " entries)");
  return sample;
}

std::vector<rocksdb::ColumnFamilyDescriptor> Descriptors(
    const std::vector<std::string>& names, const std::shared_ptr<rocksdb::Cache>& cache) {
  std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
  descriptors.reserve(names.size());
  for (const std::string& name : names) {
    descriptors.emplace_back(name, MakeFamilyOptions(name, cache));
  }
  return descriptors;
}

// IsEmptyFamily: true when the family holds no key at all.
absl::StatusOr<bool> IsEmptyFamily(RocksHandles& h, rocksdb::ColumnFamilyHandle* family) {
  std::unique_ptr<rocksdb::Iterator> it(h.db->NewIterator(rocksdb::ReadOptions(), family));
  it->SeekToFirst();
  if (!it->status().ok()) return h.FromRocks(it->status(), "read");
  return !it->Valid();
}

// ProbeInterruptedCreation: for a RocksDB database that lacks some of claimline's
// families, OK when it holds no data at all (claimline's creation stopped half-way),
// else "not a claimline database". Looks through a read-only instance: nothing changes.
absl::Status ProbeInterruptedCreation(const std::string& dir,
                                      const std::vector<std::string>& names) {
  for (const std::string& name : names) {
    if (name != rocksdb::kDefaultColumnFamilyName && !Contains(ClaimlineFamilies(), name)) {
      return NotClaimline(dir, absl::StrCat("a RocksDB database with column families ",
                                            absl::StrJoin(names, ", ")));
    }
  }
  RocksHandles probe;
  probe.dir = dir;
  probe.mode = OpenMode::kReadOnly;
  rocksdb::DB* raw = nullptr;
  rocksdb::DBOptions options = MakeDbOptions();
  options.info_log = InfoLog::Open(dir, /*owner=*/false);
  rocksdb::Status s = rocksdb::DB::OpenForReadOnly(
      options, dir, Descriptors(names, rocksdb::NewLRUCache(1 << 20)), &probe.all_families, &raw);
  probe.db.reset(raw);
  if (!s.ok()) return probe.FromRocks(s, "open");
  for (rocksdb::ColumnFamilyHandle* family : probe.all_families) {
    ASSIGN_OR_RETURN(bool empty, IsEmptyFamily(probe, family));
    if (!empty) {
      return NotClaimline(dir, absl::StrCat("a RocksDB database with column families ",
                                            absl::StrJoin(names, ", ")));
    }
  }
  return absl::OkStatus();
}

// Initialize: writes what a new database starts with, in one synced batch.
absl::Status Initialize(RocksHandles& h) {
  rocksdb::WriteBatch batch;
  const auto put = [&](const char* key, uint64_t value) {
    const std::array<char, 8> bytes = EncodeBigEndian64(value);
    return batch.Put(h.meta, key, rocksdb::Slice(bytes.data(), bytes.size()));
  };
  rocksdb::Status s = put(kMetaFormatVersion, kFormatVersion);
  if (s.ok()) s = put(kMetaNextSequence, 1);
  if (s.ok()) s = put(kMetaArticles, 0);
  if (s.ok()) s = put(kMetaTextBytes, 0);
  rocksdb::WriteOptions options;
  options.sync = true;
  if (s.ok()) s = h.db->Write(options, &batch);
  return h.FromRocks(s, "initialize");
}

// CheckFormat: the format version check made on every open; initializes a database that
// is new or whose creation was interrupted.
absl::Status CheckFormat(RocksHandles& h) {
  rocksdb::PinnableSlice value;
  rocksdb::Status s = h.db->Get(rocksdb::ReadOptions(), h.meta, kMetaFormatVersion, &value);
  if (s.ok()) {
    std::optional<uint64_t> version =
        ParseBigEndian64(absl::string_view(value.data(), value.size()));
    if (!version) {
      return NotClaimline(h.dir, absl::StrCat("its format_version meta value is ", value.size(),
                                              " bytes, not an 8-byte number"));
    }
    if (*version != kFormatVersion) {
      return absl::FailedPreconditionError(absl::StrCat(
          h.dir, " has claimline format version ", *version,
          "; this build of claimline reads only format version ", kFormatVersion,
          *version > kFormatVersion
              ? ": open it with the newer claimline that wrote it"
              : ": open it with the older claimline that wrote it and export its articles"));
    }
    return absl::OkStatus();
  }
  if (!s.IsNotFound()) return h.FromRocks(s, "open");
  ASSIGN_OR_RETURN(bool events_empty, IsEmptyFamily(h, h.events));
  ASSIGN_OR_RETURN(bool meta_empty, IsEmptyFamily(h, h.meta));
  if (!events_empty || !meta_empty) return NotClaimline(h.dir, "no format version in its meta");
  if (!h.writable()) return NotClaimline(h.dir, "its creation never finished");
  return Initialize(h);
}

}  // namespace

absl::StatusOr<std::unique_ptr<RocksHandles>> OpenRocks(const std::string& dir, OpenMode mode,
                                                        const std::string& secondary_dir,
                                                        const OpenOptions& options) {
  ASSIGN_OR_RETURN(DirState state, InspectDir(dir));
  const bool may_create = mode == OpenMode::kWriter && options.create_if_missing;
  if (state == DirState::kOther) {
    return NotClaimline(dir, absl::StrCat("no RocksDB CURRENT file; it holds ", NamesSample(dir)));
  }
  if (state == DirState::kMissing || state == DirState::kEmpty) {
    if (!may_create) {
      return absl::NotFoundError(absl::StrCat("no claimline database at ", dir, " (",
                                              state == DirState::kMissing
                                                  ? "the directory does not exist)"
                                                  : "the directory is empty)"));
    }
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) {
      return absl::FailedPreconditionError(absl::StrCat("cannot create ", dir, ": ", ec.message()));
    }
  }

  rocksdb::DBOptions db_options = MakeDbOptions();
  std::vector<std::string> names;
  if (state == DirState::kRocksDb) {
    rocksdb::Status s = rocksdb::DB::ListColumnFamilies(db_options, dir, &names);
    if (!s.ok()) return FromRocksStatus(s, dir, "open");
    bool complete = true;
    for (const std::string& family : ClaimlineFamilies()) complete &= Contains(names, family);
    if (!complete) {
      if (!may_create) {
        return NotClaimline(dir, absl::StrCat("a RocksDB database with column families ",
                                              absl::StrJoin(names, ", ")));
      }
      RETURN_IF_ERROR(ProbeInterruptedCreation(dir, names));
    }
  } else {
    names.push_back(rocksdb::kDefaultColumnFamilyName);
  }
  // A writer opens claimline's families, creating the missing ones; every instance must
  // open all existing families (RocksDB's rule), even ones this build does not know.
  if (mode == OpenMode::kWriter) {
    for (const std::string& family : ClaimlineFamilies()) {
      if (!Contains(names, family)) names.push_back(family);
    }
  }

  auto h = std::make_unique<RocksHandles>();
  h->dir = dir;
  h->mode = mode;
  h->block_cache = rocksdb::NewLRUCache(options.block_cache_bytes);
  const std::vector<rocksdb::ColumnFamilyDescriptor> descriptors =
      Descriptors(names, h->block_cache);
  rocksdb::DB* raw = nullptr;
  rocksdb::Status s;
  // RocksDB's own LOG writer aborts on a full disk (rocks_info_log.h): ours drops lines.
  // A secondary logs into its own directory (below, once it exists).
  if (mode != OpenMode::kSecondary) {
    db_options.info_log = InfoLog::Open(dir, /*owner=*/mode == OpenMode::kWriter);
  }
  switch (mode) {
    case OpenMode::kWriter:
      db_options.create_if_missing = may_create;
      db_options.create_missing_column_families = may_create;
      s = rocksdb::DB::Open(db_options, dir, descriptors, &h->all_families, &raw);
      break;
    case OpenMode::kReadOnly:
      s = rocksdb::DB::OpenForReadOnly(db_options, dir, descriptors, &h->all_families, &raw);
      break;
    case OpenMode::kSecondary: {
      std::error_code ec;
      fs::create_directories(secondary_dir, ec);
      if (ec) {
        return absl::FailedPreconditionError(
            absl::StrCat("cannot create ", secondary_dir, ": ", ec.message()));
      }
      db_options.info_log = InfoLog::Open(secondary_dir, /*owner=*/true);
      s = rocksdb::DB::OpenAsSecondary(db_options, dir, secondary_dir, descriptors,
                                       &h->all_families, &raw);
      break;
    }
  }
  h->db.reset(raw);
  if (!s.ok()) return h->FromRocks(s, "open");
  for (rocksdb::ColumnFamilyHandle* family : h->all_families) {
    const std::string& name = family->GetName();
    if (name == kEventsFamily) h->events = family;
    if (name == kTextsFamily) h->texts = family;
    if (name == kDedupeFamily) h->dedupe = family;
    if (name == kMetaFamily) h->meta = family;
    if (name == kProjectionsFamily) h->projections = family;
  }
  RETURN_IF_ERROR(CheckFormat(*h));
  return h;
}

}  // namespace claimline::store

// Database::Open and friends: creation, identity and format checks, the writer lock,
// read-only and secondary readers, stats.
#include <sys/wait.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "store/event_log.h"
#include "store/keys.h"
#include "tests/store/store_test_util.h"

namespace claimline::store {
namespace {

using testing::ArticleEvent;
using testing::ArticleText;
using testing::Child;
using testing::RawDb;
using testing::TempDir;

std::unique_ptr<Database> MustOpen(const std::string& dir, OpenOptions options = {}) {
  absl::StatusOr<std::unique_ptr<Database>> db = Database::Open(dir, options);
  EXPECT_TRUE(db.ok()) << db.status();
  return db.ok() ? *std::move(db) : nullptr;
}

void AppendArticles(Database& db, int first, int last) {
  for (int i = first; i <= last; ++i) {
    absl::StatusOr<AppendResult> r = db.log().Append(ArticleEvent("s", "t"), ArticleText(i));
    ASSERT_TRUE(r.ok()) << r.status();
  }
}

TEST(DatabaseTest, CreatesAMissingDirectoryWithItsParents) {
  TempDir tmp;
  const std::string dir = tmp.Sub("a/b/claimline.db");
  std::unique_ptr<Database> db = MustOpen(dir);
  ASSERT_NE(db, nullptr);
  EXPECT_EQ(db->path(), dir);
  EXPECT_TRUE(std::filesystem::exists(dir + "/CURRENT"));
  EXPECT_EQ(db->log().LastSequence(), 0u);
}

TEST(DatabaseTest, CreatesInAnEmptyExistingDirectory) {
  TempDir tmp;
  std::filesystem::create_directory(tmp.Sub("empty"));
  EXPECT_NE(MustOpen(tmp.Sub("empty")), nullptr);
}

TEST(DatabaseTest, MissingDirectoryWithoutCreateIsNotFound) {
  TempDir tmp;
  OpenOptions options;
  options.create_if_missing = false;
  absl::StatusOr<std::unique_ptr<Database>> db = Database::Open(tmp.Sub("none"), options);
  EXPECT_EQ(db.status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(db.status().message(), absl::StrCat("no claimline database at ", tmp.Sub("none"),
                                                " (the directory does not exist)"));
  EXPECT_FALSE(std::filesystem::exists(tmp.Sub("none")));
}

TEST(DatabaseTest, RecordsFormatVersionOne) {
  TempDir tmp;
  MustOpen(tmp.Sub("db")).reset();
  RawDb raw(tmp.Sub("db"));
  std::string value;
  ASSERT_TRUE(
      raw.db()->Get(rocksdb::ReadOptions(), raw.family("meta"), "format_version", &value).ok());
  EXPECT_EQ(value, std::string("\0\0\0\0\0\0\0\1", 8));
}

TEST(DatabaseTest, UnknownFormatVersionIsRefused) {
  TempDir tmp;
  const std::string dir = tmp.Sub("db");
  MustOpen(dir).reset();
  {
    RawDb raw(dir);
    const std::array<char, 8> seven = EncodeBigEndian64(7);
    raw.Put("meta", "format_version", std::string(seven.data(), 8));
  }
  for (bool read_only : {false, true}) {
    OpenOptions options;
    options.read_only = read_only;
    absl::StatusOr<std::unique_ptr<Database>> db = Database::Open(dir, options);
    EXPECT_EQ(db.status().code(), absl::StatusCode::kFailedPrecondition);
    EXPECT_EQ(db.status().message(),
              absl::StrCat(dir,
                           " has claimline format version 7; this build of claimline reads only "
                           "format version 1: open it with the newer claimline that wrote it"));
  }
}

TEST(DatabaseTest, DirectoryOfOtherFilesIsRefused) {
  TempDir tmp;
  const std::string dir = tmp.Sub("photos");
  std::filesystem::create_directory(dir);
  std::ofstream(dir + "/beach.jpg") << "\xff\xd8\xff\xe0 not really a photo";
  std::ofstream(dir + "/notes.txt") << "remember the sunscreen\n";
  absl::StatusOr<std::unique_ptr<Database>> db = Database::Open(dir, OpenOptions());
  EXPECT_EQ(db.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(db.status().message(),
            absl::StrCat(dir,
                         " is not a claimline database (no RocksDB CURRENT file; it holds "
                         "beach.jpg, notes.txt)"));
  // Nothing was written into it.
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir),
                          std::filesystem::directory_iterator()),
            2);
}

TEST(DatabaseTest, AFileIsRefused) {
  TempDir tmp;
  std::ofstream(tmp.Sub("file")) << "x";
  absl::StatusOr<std::unique_ptr<Database>> db = Database::Open(tmp.Sub("file"), OpenOptions());
  EXPECT_EQ(db.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(db.status().message(),
            absl::StrCat(tmp.Sub("file"),
                         " is not a claimline database (it is a file, not a directory)"));
}

TEST(DatabaseTest, SomeOtherRocksDbIsRefusedAndLeftAlone) {
  TempDir tmp;
  const std::string dir = tmp.Sub("other");
  {
    rocksdb::Options options;
    options.create_if_missing = true;
    rocksdb::DB* raw = nullptr;
    ASSERT_TRUE(rocksdb::DB::Open(options, dir, &raw).ok());
    ASSERT_TRUE(raw->Put(rocksdb::WriteOptions(), "user:1", "someone else's data").ok());
    delete raw;
  }
  absl::StatusOr<std::unique_ptr<Database>> db = Database::Open(dir, OpenOptions());
  EXPECT_EQ(db.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(db.status().message(),
            absl::StrCat(dir,
                         " is not a claimline database (a RocksDB database with column "
                         "families default)"));
  std::vector<std::string> families;
  ASSERT_TRUE(rocksdb::DB::ListColumnFamilies(rocksdb::DBOptions(), dir, &families).ok());
  EXPECT_EQ(families, std::vector<std::string>{"default"});
}

TEST(DatabaseTest, InterruptedCreationIsCompleted) {
  TempDir tmp;
  const std::string dir = tmp.Sub("db");
  {
    // What a crash right after RocksDB created the families would leave: no meta at all.
    rocksdb::DBOptions options;
    options.create_if_missing = true;
    options.create_missing_column_families = true;
    std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
    for (const char* name : {"default", "events", "texts", "dedupe", "meta", "projections"}) {
      descriptors.emplace_back(name, rocksdb::ColumnFamilyOptions());
    }
    std::vector<rocksdb::ColumnFamilyHandle*> handles;
    rocksdb::DB* raw = nullptr;
    ASSERT_TRUE(rocksdb::DB::Open(options, dir, descriptors, &handles, &raw).ok());
    for (auto* handle : handles) raw->DestroyColumnFamilyHandle(handle).PermitUncheckedError();
    delete raw;
  }
  OpenOptions read_only;
  read_only.read_only = true;
  EXPECT_EQ(Database::Open(dir, read_only).status().code(), absl::StatusCode::kFailedPrecondition);
  std::unique_ptr<Database> db = MustOpen(dir);
  ASSERT_NE(db, nullptr);
  AppendArticles(*db, 1, 1);
  EXPECT_EQ(db->log().LastSequence(), 1u);
}

TEST(DatabaseTest, SecondWriterInThisProcessIsRefused) {
  TempDir tmp;
  const std::string dir = tmp.Sub("db");
  std::unique_ptr<Database> first = MustOpen(dir);
  absl::StatusOr<std::unique_ptr<Database>> second = Database::Open(dir, OpenOptions());
  EXPECT_EQ(second.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(second.status().message(),
            absl::StrCat("database is locked by another claimline process: ", dir));
}

TEST(DatabaseTest, SecondWriterInAnotherProcessIsRefused) {
  TempDir tmp;
  const std::string dir = tmp.Sub("db");
  MustOpen(dir).reset();
  Child holder({"hold", dir});
  ASSERT_EQ(holder.ReadLine(), "ready");
  absl::StatusOr<std::unique_ptr<Database>> second = Database::Open(dir, OpenOptions());
  EXPECT_EQ(second.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(second.status().message(),
            absl::StrCat("database is locked by another claimline process: ", dir));
  holder.CloseStdin();
  const int status = holder.Wait();
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << status;
  EXPECT_NE(MustOpen(dir), nullptr);  // the lock went with the process
}

TEST(DatabaseTest, ReadOnlyOpensWhileTheWriterHoldsTheLock) {
  TempDir tmp;
  const std::string dir = tmp.Sub("db");
  std::unique_ptr<Database> writer = MustOpen(dir);
  AppendArticles(*writer, 1, 3);
  OpenOptions options;
  options.read_only = true;
  std::unique_ptr<Database> reader = MustOpen(dir, options);
  ASSERT_NE(reader, nullptr);
  EXPECT_EQ(reader->log().LastSequence(), 3u);
  EXPECT_EQ(*reader->log().GetText(2), ArticleText(2));
  absl::StatusOr<AppendResult> refused =
      reader->log().Append(ArticleEvent("s", "t"), ArticleText(9));
  EXPECT_EQ(refused.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(refused.status().message(),
            absl::StrCat("append refused: database ", dir, " is open read-only"));
  EXPECT_EQ(reader->state().SetMeta("x", "y").code(), absl::StatusCode::kFailedPrecondition);
  // The writer is unaffected.
  AppendArticles(*writer, 4, 4);
  EXPECT_EQ(writer->log().LastSequence(), 4u);
}

TEST(DatabaseTest, ReadOnlyOpensWhileAnotherProcessWrites) {
  TempDir tmp;
  const std::string dir = tmp.Sub("db");
  {
    std::unique_ptr<Database> db = MustOpen(dir);
    AppendArticles(*db, 1, 2);
  }
  Child holder({"hold", dir});
  ASSERT_EQ(holder.ReadLine(), "ready");
  OpenOptions options;
  options.read_only = true;
  std::unique_ptr<Database> reader = MustOpen(dir, options);
  ASSERT_NE(reader, nullptr);
  EXPECT_EQ(reader->log().LastSequence(), 2u);
}

TEST(DatabaseTest, ReadOnlyDoesNotCreate) {
  TempDir tmp;
  OpenOptions options;
  options.read_only = true;
  EXPECT_EQ(Database::Open(tmp.Sub("none"), options).status().code(), absl::StatusCode::kNotFound);
  EXPECT_FALSE(std::filesystem::exists(tmp.Sub("none")));
}

TEST(DatabaseTest, SecondaryCatchesUpWithTheWriter) {
  TempDir tmp;
  const std::string dir = tmp.Sub("db");
  std::unique_ptr<Database> writer = MustOpen(dir);
  AppendArticles(*writer, 1, 2);
  absl::StatusOr<std::unique_ptr<Database>> secondary =
      Database::OpenReadOnlySecondary(dir, tmp.Sub("secondary"), OpenOptions());
  ASSERT_TRUE(secondary.ok()) << secondary.status();
  Database& reader = **secondary;
  EXPECT_EQ(reader.log().LastSequence(), 2u);

  AppendArticles(*writer, 3, 5);
  ASSERT_TRUE(writer->state().SetMeta("active_projection", "timeline-v2").ok());
  EXPECT_EQ(reader.log().LastSequence(), 2u);  // until it catches up
  ASSERT_TRUE(reader.CatchUp().ok());
  EXPECT_EQ(reader.log().LastSequence(), 5u);
  EXPECT_EQ(*reader.log().GetText(5), ArticleText(5));
  EXPECT_EQ(reader.log().Get(4)->sequence(), 4u);
  EXPECT_EQ(**reader.state().GetMeta("active_projection"), "timeline-v2");
  EXPECT_EQ(reader.log().Append(ArticleEvent("s", "t"), ArticleText(9)).status().code(),
            absl::StatusCode::kFailedPrecondition);
  EXPECT_TRUE(reader.Verify()->ok());
}

TEST(DatabaseTest, StatsCountTheLog) {
  TempDir tmp;
  std::unique_ptr<Database> db = MustOpen(tmp.Sub("db"));
  AppendArticles(*db, 1, 3);
  v1::Event retracted;
  retracted.mutable_article_retracted()->set_article_sequence(2);
  ASSERT_TRUE(db->log().Append(retracted, "").ok());
  std::unique_ptr<StateBatch> batch = db->state().NewBatch();
  batch->SetCheckpoint("timeline", 4);
  ASSERT_TRUE(db->state().Commit(std::move(batch), true).ok());

  std::map<std::string, uint64_t> stats;
  for (const auto& [name, value] : db->Stats()) stats[name] = value;
  EXPECT_EQ(stats["events"], 4u);
  EXPECT_EQ(stats["articles"], 3u);
  EXPECT_EQ(stats["text_bytes"],
            ArticleText(1).size() + ArticleText(2).size() + ArticleText(3).size());
  EXPECT_EQ(stats["dedupe_entries"], 3u);
  EXPECT_EQ(stats["last_sequence"], 4u);
  EXPECT_EQ(stats["format_version"], 1u);
  EXPECT_EQ(stats["namespaces"], 1u);
  EXPECT_GT(stats["bytes_on_disk"], 0u);  // the WAL at least
  EXPECT_EQ(stats["bytes_on_disk"], stats["sst_bytes"] + stats["wal_bytes"]);
}

}  // namespace
}  // namespace claimline::store

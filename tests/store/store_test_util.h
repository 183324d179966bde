// Helpers for the store tests: temporary directories, sample events, a raw RocksDB
// handle to damage databases on purpose, and child processes (this same test binary
// re-executed in a child mode, see store_test_main.cc).
#ifndef CLAIMLINE_TESTS_STORE_STORE_TEST_UTIL_H_
#define CLAIMLINE_TESTS_STORE_STORE_TEST_UTIL_H_

#include <sys/types.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "claimline/v1/event.pb.h"
#include "rocksdb/db.h"

namespace claimline::store::testing {

// TempDir: a fresh directory under $TEST_TMPDIR or /tmp, removed with its contents.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::string& path() const { return path_; }
  // Sub: path/name (not created).
  std::string Sub(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

// ArticleEvent: an ArticleRecorded event with metadata only (the text goes separately).
v1::Event ArticleEvent(const std::string& source, const std::string& title);

// ArticleText: a distinct, made-up article text for index `i`.
std::string ArticleText(int i);

// RawDb: the database opened directly with RocksDB, every column family included.
// Only for tests that inspect or damage the on-disk layout. Fails the test on error.
class RawDb {
 public:
  explicit RawDb(const std::string& dir);
  ~RawDb();
  rocksdb::DB* db() { return db_; }
  rocksdb::ColumnFamilyHandle* family(const std::string& name);
  void Put(const std::string& family, const std::string& key, const std::string& value);
  void Delete(const std::string& family, const std::string& key);

 private:
  rocksdb::DB* db_ = nullptr;
  std::vector<rocksdb::ColumnFamilyHandle*> families_;
};

// Child: this test binary re-executed as `--store-child ARGS…` with a pipe on its stdin
// and stdout. Killed with SIGKILL if still running when destroyed.
class Child {
 public:
  explicit Child(const std::vector<std::string>& args);
  ~Child();
  // ReadLine: the next line the child wrote (without '\n'); "" at end of output.
  std::string ReadLine();
  // CloseStdin: the child sees end of input.
  void CloseStdin();
  void Kill();
  // Wait: the exit status as waitpid reports it.
  int Wait();

 private:
  pid_t pid_ = -1;
  int in_fd_ = -1;   // the child's stdin (we write)
  int out_fd_ = -1;  // the child's stdout (we read)
  std::string buffer_;
};

// RunChild: the child modes, called from main() for `--store-child`. Returns the exit code.
//   append DIR            appends events for ever, printing "acked SEQ" after each
//   hold DIR              opens DIR as the writer, prints "ready", waits for end of stdin
int RunChild(int argc, char** argv);

}  // namespace claimline::store::testing

#endif  // CLAIMLINE_TESTS_STORE_STORE_TEST_UTIL_H_

// InfoLog: RocksDB's diagnostic log (DIR/LOG), written by claimline instead of by
// RocksDB's own file logger.
//
// Why: RocksDB's logger writes through a WritableFileWriter that, after one failed write
// (a full disk), treats the next write as a broken invariant: Debian's librocksdb keeps
// its asserts, so the process aborts ("Assertion `sync_without_flush_called_' failed")
// instead of returning the no-space error (tests/reliability/disk_full_test.cc). This
// logger drops what it cannot write and goes on; messages resume when space returns.
//
// The writer owns DIR/LOG: on open the previous LOG becomes LOG.old, and a LOG over
// kMaxInfoLogBytes is rotated the same way. Readers (read-only, secondary) append to the
// LOG of their directory and never rotate it, so a reader never moves the writer's log.
// A LOG that cannot be opened (read-only media) leaves a logger that writes nothing.
#ifndef CLAIMLINE_STORE_ROCKS_INFO_LOG_H_
#define CLAIMLINE_STORE_ROCKS_INFO_LOG_H_

#include <cstdarg>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>

#include "rocksdb/env.h"

namespace claimline::store {

inline constexpr size_t kMaxInfoLogBytes = size_t{4} << 20;

class InfoLog final : public rocksdb::Logger {
 public:
  // Open: the log of the database (or secondary) directory `dir`, which must exist.
  // `owner`: the writer, which rotates LOG to LOG.old; readers only append.
  static std::shared_ptr<rocksdb::Logger> Open(const std::string& dir, bool owner);

  ~InfoLog() override;

  using rocksdb::Logger::Logv;
  void Logv(const char* format, va_list ap) override;
  size_t GetLogFileSize() const override;

 private:
  InfoLog(std::string path, bool owner);
  void OpenFile(bool rotate);  // REQUIRES: mu_ held, or the constructor

  const std::string path_;
  const bool owner_;
  mutable std::mutex mu_;
  int fd_ = -1;
  size_t size_ = 0;
};

}  // namespace claimline::store

#endif  // CLAIMLINE_STORE_ROCKS_INFO_LOG_H_

#include "store/rocks_info_log.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <ctime>
#include <utility>

namespace claimline::store {

std::shared_ptr<rocksdb::Logger> InfoLog::Open(const std::string& dir, bool owner) {
  return std::shared_ptr<rocksdb::Logger>(new InfoLog(dir + "/LOG", owner));
}

InfoLog::InfoLog(std::string path, bool owner) : path_(std::move(path)), owner_(owner) {
  OpenFile(/*rotate=*/owner_);
}

InfoLog::~InfoLog() {
  if (fd_ >= 0) close(fd_);
}

void InfoLog::OpenFile(bool rotate) {
  if (fd_ >= 0) close(fd_);
  fd_ = -1;
  size_ = 0;
  if (rotate) rename(path_.c_str(), (path_ + ".old").c_str());  // ENOENT: a new database
  fd_ = open(path_.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  struct stat st;
  if (fd_ >= 0 && fstat(fd_, &st) == 0) size_ = static_cast<size_t>(st.st_size);
}

void InfoLog::Logv(const char* format, va_list ap) {
  // The line is formatted whole, then written with one write(2): lines from the writer
  // and from readers appending to the same file do not interleave.
  char stamp[64];
  struct timeval now;
  gettimeofday(&now, nullptr);
  struct tm t;
  localtime_r(&now.tv_sec, &t);
  const int stamp_size = std::snprintf(stamp, sizeof(stamp), "%04d/%02d/%02d-%02d:%02d:%02d.%06ld ",
                                       t.tm_year + 1900, t.tm_mon + 1, t.tm_mday, t.tm_hour,
                                       t.tm_min, t.tm_sec, static_cast<long>(now.tv_usec));
  std::string line(stamp, stamp_size > 0 ? static_cast<size_t>(stamp_size) : 0);
  va_list copy;
  va_copy(copy, ap);
  const int size = std::vsnprintf(nullptr, 0, format, copy);
  va_end(copy);
  if (size > 0) {
    const size_t start = line.size();
    line.resize(start + static_cast<size_t>(size) + 1);
    std::vsnprintf(&line[start], static_cast<size_t>(size) + 1, format, ap);
    line.resize(start + static_cast<size_t>(size));
  }
  if (line.empty() || line.back() != '\n') line.push_back('\n');

  std::lock_guard<std::mutex> lock(mu_);
  if (size_ + line.size() > kMaxInfoLogBytes) {
    if (!owner_) return;  // a reader never rotates the writer's log
    OpenFile(/*rotate=*/true);
  }
  if (fd_ < 0) return;
  // A failed or short write (a full disk) loses this line only.
  const ssize_t written = write(fd_, line.data(), line.size());
  if (written > 0) size_ += static_cast<size_t>(written);
}

size_t InfoLog::GetLogFileSize() const {
  std::lock_guard<std::mutex> lock(mu_);
  return size_;
}

}  // namespace claimline::store

#include "tests/reliability/child_process.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "gtest/gtest.h"

namespace claimline::reliability {

ChildProcess::ChildProcess(const std::string& program, const std::vector<std::string>& args,
                           bool merge_stderr) {
  int to_child[2];
  int from_child[2];
  if (pipe2(to_child, O_CLOEXEC) != 0) {
    ADD_FAILURE() << "pipe: " << std::strerror(errno);
    return;
  }
  if (pipe2(from_child, O_CLOEXEC) != 0) {
    ADD_FAILURE() << "pipe: " << std::strerror(errno);
    close(to_child[0]);
    close(to_child[1]);
    return;
  }
  // Everything the child needs is built before fork: after it, only async-signal-safe
  // calls (the test process has RocksDB threads).
  std::vector<std::string> strings = {program};
  strings.insert(strings.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& s : strings) argv.push_back(s.data());
  argv.push_back(nullptr);
  pid_ = fork();
  if (pid_ == 0) {
    // dup2 clears close-on-exec on the new descriptors.
    dup2(to_child[0], STDIN_FILENO);
    dup2(from_child[1], STDOUT_FILENO);
    if (merge_stderr) dup2(from_child[1], STDERR_FILENO);
    execv(argv[0], argv.data());
    _exit(127);
  }
  close(to_child[0]);
  close(from_child[1]);
  if (pid_ < 0) {
    ADD_FAILURE() << "fork: " << std::strerror(errno);
    close(to_child[1]);
    close(from_child[0]);
    return;
  }
  in_fd_ = to_child[1];
  out_fd_ = from_child[0];
  // A child that died must not kill the parent when it writes to its stdin.
  signal(SIGPIPE, SIG_IGN);
}

ChildProcess::~ChildProcess() {
  CloseStdin();
  if (pid_ > 0) {
    Kill();
    Wait();
  }
  if (out_fd_ >= 0) close(out_fd_);
}

std::optional<std::string> ChildProcess::ReadLine() {
  while (true) {
    const size_t eol = buffer_.find('\n');
    if (eol != std::string::npos) {
      std::string line = buffer_.substr(0, eol);
      buffer_.erase(0, eol + 1);
      return line;
    }
    if (eof_ || out_fd_ < 0) {
      // A last line without '\n' (the child died mid-write) is not a whole line.
      return std::nullopt;
    }
    char chunk[4096];
    const ssize_t n = read(out_fd_, chunk, sizeof(chunk));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      eof_ = true;
      continue;
    }
    buffer_.append(chunk, static_cast<size_t>(n));
  }
}

bool ChildProcess::WriteLine(const std::string& line) {
  if (in_fd_ < 0) return false;
  const std::string data = line + "\n";
  size_t done = 0;
  while (done < data.size()) {
    const ssize_t n = write(in_fd_, data.data() + done, data.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<size_t>(n);
  }
  return true;
}

void ChildProcess::CloseStdin() {
  if (in_fd_ >= 0) close(in_fd_);
  in_fd_ = -1;
}

void ChildProcess::Kill() {
  if (pid_ > 0) kill(pid_, SIGKILL);
}

std::string ChildProcess::ReadAll() {
  std::string all;
  while (std::optional<std::string> line = ReadLine()) all += *line + "\n";
  all += buffer_;  // a last line without '\n'
  buffer_.clear();
  return all;
}

int ChildProcess::Wait(struct rusage* usage) {
  if (pid_ <= 0) return -1;
  int status = 0;
  struct rusage ignored;
  while (wait4(pid_, &status, 0, usage != nullptr ? usage : &ignored) < 0 && errno == EINTR) {
  }
  pid_ = -1;
  return status;
}

bool ExitedWith(int status, int code) { return WIFEXITED(status) && WEXITSTATUS(status) == code; }

}  // namespace claimline::reliability

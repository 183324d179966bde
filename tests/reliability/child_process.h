// ChildProcess: another executable run as a child with pipes on its stdin and stdout, for
// the reliability tests that kill, race or lock against a second process.
//
// The parent's pipe ends are close-on-exec, so a second child never inherits the first
// one's pipes (end of output is seen as soon as the child that writes it dies).
#ifndef CLAIMLINE_TESTS_RELIABILITY_CHILD_PROCESS_H_
#define CLAIMLINE_TESTS_RELIABILITY_CHILD_PROCESS_H_

#include <sys/resource.h>
#include <sys/types.h>

#include <optional>
#include <string>
#include <vector>

namespace claimline::reliability {

class ChildProcess {
 public:
  // Starts `program` with `args` (argv[1..]); stderr is inherited, or goes to the same
  // pipe as stdout when `merge_stderr`. Fails the test when it cannot fork.
  ChildProcess(const std::string& program, const std::vector<std::string>& args,
               bool merge_stderr = false);
  ~ChildProcess();  // kills (SIGKILL) and reaps a child still running
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  pid_t pid() const { return pid_; }
  // ReadLine: the next line the child wrote (without '\n'); nullopt at end of output.
  std::optional<std::string> ReadLine();
  // WriteLine: sends `line` and '\n' to the child's stdin. false when the pipe is closed.
  bool WriteLine(const std::string& line);
  // CloseStdin: the child sees end of input.
  void CloseStdin();
  // Kill: SIGKILL; no destructor, no flush, no close runs in the child.
  void Kill();
  // ReadAll: everything the child writes from now to the end of its output.
  std::string ReadAll();
  // Wait: reaps the child; the status as waitpid reports it. `usage`, when given, receives
  // the child's resource usage (ru_maxrss: its peak resident memory in KiB).
  int Wait(struct rusage* usage = nullptr);

 private:
  pid_t pid_ = -1;
  int in_fd_ = -1;   // the child's stdin (we write)
  int out_fd_ = -1;  // the child's stdout (we read)
  std::string buffer_;
  bool eof_ = false;
};

// ExitedWith: the waitpid status says the process exited normally with `code`.
bool ExitedWith(int status, int code);

}  // namespace claimline::reliability

#endif  // CLAIMLINE_TESTS_RELIABILITY_CHILD_PROCESS_H_

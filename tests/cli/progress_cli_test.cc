// Black-box tests of the progress bar of `claimline append`: with stderr on a
// pseudo-terminal the bar (with its time left) is drawn there and ends with a newline;
// with stderr on a pipe nothing but the usual summary line is written.
#include <fcntl.h>
#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/cli/cli_runner.h"

namespace claimline::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

struct TerminalRun {
  int exit_code = -1;
  std::string out;       // stdout, a pipe
  std::string terminal;  // what the program wrote to stderr, the terminal
};

std::string ReadAll(int fd) {
  std::string data;
  char buf[4096];
  for (;;) {
    const ssize_t n = read(fd, buf, sizeof buf);
    if (n > 0) {
      data.append(buf, static_cast<size_t>(n));
    } else if (n < 0 && errno == EINTR) {
      continue;
    } else {
      break;  // 0 = end of a pipe; EIO = every slave side of a terminal closed
    }
  }
  return data;
}

// RunWithTerminalStderr: the binary with stderr (only) on a new pseudo-terminal.
TerminalRun RunWithTerminalStderr(const std::vector<std::string>& args) {
  TerminalRun run;
  int master = -1, slave = -1;
  if (openpty(&master, &slave, nullptr, nullptr, nullptr) != 0) {
    ADD_FAILURE() << "openpty failed";
    return run;
  }
  int out_pipe[2];
  if (pipe(out_pipe) != 0) {
    ADD_FAILURE() << "pipe failed";
    return run;
  }
  const std::string bin = ClaimlineBinary();
  std::vector<std::string> words = {bin};
  words.insert(words.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& w : words) argv.push_back(w.data());
  argv.push_back(nullptr);
  const pid_t pid = fork();
  if (pid == 0) {
    const int null_in = open("/dev/null", O_RDONLY);
    dup2(null_in, STDIN_FILENO);
    dup2(out_pipe[1], STDOUT_FILENO);
    dup2(slave, STDERR_FILENO);
    close(master);
    close(slave);
    close(out_pipe[0]);
    close(out_pipe[1]);
    unsetenv("CLAIMLINE_DB");
    execv(bin.c_str(), argv.data());
    _exit(127);
  }
  close(slave);
  close(out_pipe[1]);
  // The output is small: the pipe holds stdout while the terminal is drained.
  run.terminal = ReadAll(master);
  run.out = ReadAll(out_pipe[0]);
  close(master);
  close(out_pipe[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return run;
}

// A folder of three short articles of our own.
void WriteFolder(const TempDir& dir) {
  WriteFile(dir / "in/a.txt", "Corvina Motors said its sales rose 8% in March 2025.\n");
  WriteFile(dir / "in/b.txt", "Shares of Corvina Motors fell 3% on 4 April 2025.\n");
  WriteFile(dir / "in/c.txt", "Corvina Motors opened a plant in Porto in February 2025.\n");
}

TEST(ProgressBar, DrawnOnATerminalWithTimeLeft) {
  TempDir dir;
  WriteFolder(dir);
  TerminalRun run = RunWithTerminalStderr(
      {"--db", dir / "db", "append", dir / "in", "--lang", "en", "--published", "2025-04-10"});
  ASSERT_EQ(run.exit_code, 0) << run.terminal;
  EXPECT_THAT(run.terminal, HasSubstr("\rappending [########################]  3/3  100%"));
  EXPECT_THAT(run.terminal, HasSubstr(" articles/s  0s left"));
  EXPECT_THAT(run.terminal, HasSubstr("claimline append: 3 appended"));
  EXPECT_THAT(run.out, HasSubstr("a.txt"));
  EXPECT_THAT(run.out, Not(HasSubstr("appending")));  // the bar never goes to stdout
}

TEST(ProgressBar, NothingExtraOnAPipe) {
  TempDir dir;
  WriteFolder(dir);
  RunResult run = RunClaimline(
      {"--db", dir / "db", "append", dir / "in", "--lang", "en", "--published", "2025-04-10"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(run.err, Not(HasSubstr("appending")));
  EXPECT_THAT(run.err, Not(HasSubstr("\r")));
  EXPECT_THAT(run.err, Not(HasSubstr("\x1b")));
  // Only the summary line.
  EXPECT_EQ(run.err.find('\n'), run.err.size() - 1) << run.err;
  EXPECT_THAT(run.err, HasSubstr("claimline append: 3 appended"));
}

}  // namespace
}  // namespace claimline::testing

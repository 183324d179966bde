// CliRunner: runs the built `claimline` binary as a child process (fork/exec) and captures
// its stdout, stderr and exit code, for black-box tests of the command line. Also small
// file helpers for the tests' temp dirs.
#ifndef CLAIMLINE_TESTS_CLI_CLI_RUNNER_H_
#define CLAIMLINE_TESTS_CLI_CLI_RUNNER_H_

#include <map>
#include <string>
#include <vector>

namespace claimline::testing {

struct RunResult {
  int exit_code = -1;  // the exit status, or 128 + signal when killed by a signal
  std::string out;
  std::string err;
};

// ClaimlineBinary: the path of the binary under test (compile definition CLAIMLINE_BIN).
std::string ClaimlineBinary();

// RunClaimline: runs the binary with `args` (argv[1..]), feeding `stdin_text` to its
// standard input (closed after it), with `env` added to the environment (an empty value
// unsets the variable). CLAIMLINE_DB is always unset unless `env` sets it.
RunResult RunClaimline(const std::vector<std::string>& args, const std::string& stdin_text = "",
                       const std::map<std::string, std::string>& env = {});

// TempDir: a fresh directory, removed with everything in it when the object dies.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  std::string operator/(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

// WriteFile: writes `bytes` to `path` (creating parent folders). Aborts the test on error.
void WriteFile(const std::string& path, const std::string& bytes);

// DirectoryDigest: every file under `dir` (relative path, size and content), as one
// string; equal digests mean a byte-identical tree. "<missing>" when `dir` does not exist.
std::string DirectoryDigest(const std::string& dir);

// SeedsDir / ExamplesDir: ../shared/seeds beside the repository, and the repo's examples/.
std::string SeedsDir();
std::string ExamplesDir();

}  // namespace claimline::testing

#endif  // CLAIMLINE_TESTS_CLI_CLI_RUNNER_H_

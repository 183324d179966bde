// What the tests of the HTML page and of `claimline serve` share: one database built once
// per test program from the seed articles (or, without them, from examples/), the page of
// its main entity, child processes with a deadline (Chromium, the server), and finding
// Chromium.
#ifndef CLAIMLINE_TESTS_BROWSER_PAGE_FIXTURE_H_
#define CLAIMLINE_TESTS_BROWSER_PAGE_FIXTURE_H_

#include <sys/types.h>

#include <optional>
#include <string>
#include <vector>

#include "tests/cli/cli_runner.h"

namespace claimline::testing {

// The story the database holds.
struct PageStory {
  std::string db;         // the database directory
  bool seeds = false;     // built from ../shared/seeds (else from examples/)
  std::string entity;     // the entity whose page the tests look at: "NVIDIA" or "Aurelis"
  std::string html;       // `timeline ENTITY --format html`
  std::string html_path;  // the same page written to a file
};

// Story: built on first use (seeds appended with --published 2025-02-21, else the
// examples' manifest), shared by every test of the program. Fails the test on error.
const PageStory& Story();

// ScratchDir: a directory for one program's files (removed at exit).
const std::string& ScratchDir();

struct ProgramResult {
  int exit_code = -1;  // 128 + signal when killed
  bool timed_out = false;
  std::string out;
  std::string err;
};

// RunProgram: runs `program` with `args` (argv[1..]), stdin from /dev/null, and returns
// what it printed; killed (SIGKILL) after `timeout_seconds`.
ProgramResult RunProgram(const std::string& program, const std::vector<std::string>& args,
                         int timeout_seconds);

// FindChromium: the path of Debian's `chromium` (or chromium-browser / google-chrome) on
// PATH, or "" when none is installed.
std::string FindChromium();

// ChromiumArgs: the flags every test run uses: headless, no sandbox, no GPU, no network
// of its own, a fresh profile in `profile_dir`.
std::vector<std::string> ChromiumArgs(const std::string& profile_dir);

// --- Reading the page (the renderer's output or the DOM Chromium serializes) ---

// StartTags: every start tag `<NAME …>` in `html`, in order.
std::vector<std::string> StartTags(const std::string& html, const std::string& name);
// AttributeOf: the value of attribute `name` in the start tag `tag` ("" for a bare
// attribute), or nullopt when it has none. Values are returned as written (escaped).
std::optional<std::string> AttributeOf(const std::string& tag, const std::string& name);
// Blocks: every element `<NAME …>…</NAME>` in order (the element may not nest in itself).
std::vector<std::string> Blocks(const std::string& html, const std::string& name);
// BlockWhere: the first block NAME whose start tag has attribute `attr` = `value`, or "".
std::string BlockWhere(const std::string& html, const std::string& name, const std::string& attr,
                       const std::string& value);

// ServeProcess: `claimline --db DB serve --port 0 …` in the background. The constructor
// waits (bounded) for the line announcing the address; port() is 0 when it never came.
// The destructor stops a server still running (SIGKILL).
class ServeProcess {
 public:
  ServeProcess(const std::string& db, const std::vector<std::string>& extra_args = {});
  ~ServeProcess();
  ServeProcess(const ServeProcess&) = delete;
  ServeProcess& operator=(const ServeProcess&) = delete;

  int port() const { return port_; }
  const std::string& banner() const { return banner_; }
  // Stop: sends `signal`, reads stderr to its end (bounded) and reaps the process.
  // Returns the exit code (128 + signal when killed by one) and what it wrote on stderr.
  std::pair<int, std::string> Stop(int signal);

 private:
  // ReadStderr: appends what arrives on stderr until `until` is in it, EOF, or the
  // deadline; true when `until` was seen.
  bool ReadStderr(const std::string& until, int timeout_ms);

  pid_t pid_ = -1;
  int err_fd_ = -1;
  int port_ = 0;
  std::string banner_;
  std::string err_;
};

}  // namespace claimline::testing

#endif  // CLAIMLINE_TESTS_BROWSER_PAGE_FIXTURE_H_

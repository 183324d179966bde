#include "tests/browser/page_fixture.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <memory>
#include <stdexcept>

#include "gtest/gtest.h"

namespace claimline::testing {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

int MillisLeft(Clock::time_point deadline) {
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
  return static_cast<int>(std::max<int64_t>(0, left.count()));
}

std::vector<char*> Argv(std::vector<std::string>& words) {
  std::vector<char*> argv;
  for (std::string& w : words) argv.push_back(w.data());
  argv.push_back(nullptr);
  return argv;
}

int ExitCode(int status) {
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

PageStory BuildStory() {
  PageStory story;
  story.db = ScratchDir() + "/story.db";
  std::vector<std::string> seeds;
  std::error_code ec;
  if (fs::is_directory(SeedsDir(), ec)) {
    for (const auto& e : fs::directory_iterator(SeedsDir(), ec)) {
      if (e.path().extension() == ".txt") seeds.push_back(e.path().string());
    }
  }
  std::sort(seeds.begin(), seeds.end());
  RunResult r;
  if (!seeds.empty()) {
    story.seeds = true;
    story.entity = "NVIDIA";
    std::vector<std::string> args = {"--db", story.db, "append", "--published", "2025-02-21"};
    args.insert(args.end(), seeds.begin(), seeds.end());
    r = RunClaimline(args);
  } else {
    story.entity = "Aurelis";
    r = RunClaimline({"--db", story.db, "append", "--manifest", ExamplesDir() + "/feed.jsonl"});
  }
  if (r.exit_code != 0) throw std::runtime_error("append failed: " + r.err);
  r = RunClaimline({"--db", story.db, "timeline", story.entity, "--format", "html"});
  if (r.exit_code != 0) throw std::runtime_error("timeline --format html failed: " + r.err);
  story.html = r.out;
  story.html_path = ScratchDir() + "/page.html";
  WriteFile(story.html_path, story.html);
  return story;
}

}  // namespace

const std::string& ScratchDir() {
  static const TempDir dir;  // removed with everything in it at exit
  return dir.path();
}

const PageStory& Story() {
  static const PageStory* story = new PageStory(BuildStory());
  return *story;
}

ProgramResult RunProgram(const std::string& program, const std::vector<std::string>& args,
                         int timeout_seconds) {
  int out_pipe[2], err_pipe[2];
  if (pipe2(out_pipe, O_CLOEXEC) != 0 || pipe2(err_pipe, O_CLOEXEC) != 0) {
    throw std::runtime_error(std::string("pipe: ") + std::strerror(errno));
  }
  std::vector<std::string> words = {program};
  words.insert(words.end(), args.begin(), args.end());
  std::vector<char*> argv = Argv(words);
  const pid_t pid = fork();
  if (pid < 0) throw std::runtime_error(std::string("fork: ") + std::strerror(errno));
  if (pid == 0) {
    const int null_fd = open("/dev/null", O_RDONLY);
    dup2(null_fd, STDIN_FILENO);
    dup2(out_pipe[1], STDOUT_FILENO);
    dup2(err_pipe[1], STDERR_FILENO);
    setpgid(0, 0);  // its own group, so a timeout kills its helpers too
    execv(program.c_str(), argv.data());
    _exit(127);
  }
  close(out_pipe[1]);
  close(err_pipe[1]);
  ProgramResult result;
  const Clock::time_point deadline = Clock::now() + std::chrono::seconds(timeout_seconds);
  int out_fd = out_pipe[0], err_fd = err_pipe[0];
  while (out_fd >= 0 || err_fd >= 0) {
    std::vector<pollfd> fds;
    if (out_fd >= 0) fds.push_back({out_fd, POLLIN, 0});
    if (err_fd >= 0) fds.push_back({err_fd, POLLIN, 0});
    const int n = poll(fds.data(), fds.size(), MillisLeft(deadline));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      result.timed_out = true;
      kill(-pid, SIGKILL);
      kill(pid, SIGKILL);
      break;
    }
    for (const pollfd& p : fds) {
      if (p.revents == 0) continue;
      char buf[65536];
      const ssize_t got = read(p.fd, buf, sizeof buf);
      if (got > 0) {
        (p.fd == out_fd ? result.out : result.err).append(buf, static_cast<size_t>(got));
      } else if (got == 0 || errno != EINTR) {
        close(p.fd);
        (p.fd == out_fd ? out_fd : err_fd) = -1;
      }
    }
  }
  if (out_fd >= 0) close(out_fd);
  if (err_fd >= 0) close(err_fd);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  // Chromium's helper processes share the group; none may outlive the test.
  kill(-pid, SIGKILL);
  result.exit_code = ExitCode(status);
  return result;
}

std::string FindChromium() {
  const char* path = getenv("PATH");
  const std::string dirs = path != nullptr ? path : "/usr/bin:/bin";
  for (const char* name : {"chromium", "chromium-browser", "google-chrome"}) {
    size_t start = 0;
    while (start <= dirs.size()) {
      const size_t end = std::min(dirs.find(':', start), dirs.size());
      const std::string candidate = dirs.substr(start, end - start) + "/" + name;
      if (end > start && access(candidate.c_str(), X_OK) == 0) return candidate;
      start = end + 1;
    }
  }
  return "";
}

std::vector<std::string> ChromiumArgs(const std::string& profile_dir) {
  return {"--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--disable-extensions",
          "--disable-dev-shm-usage",
          "--hide-scrollbars",
          "--user-data-dir=" + profile_dir};
}

std::vector<std::string> StartTags(const std::string& html, const std::string& name) {
  std::vector<std::string> tags;
  const std::string open = "<" + name;
  for (size_t at = html.find(open); at != std::string::npos; at = html.find(open, at + 1)) {
    const char next = at + open.size() < html.size() ? html[at + open.size()] : '\0';
    if (next != ' ' && next != '>' && next != '\n') continue;  // <articles>, <a-b>
    const size_t end = html.find('>', at);
    if (end == std::string::npos) break;
    tags.push_back(html.substr(at, end - at + 1));
  }
  return tags;
}

std::optional<std::string> AttributeOf(const std::string& tag, const std::string& name) {
  for (size_t at = tag.find(name); at != std::string::npos; at = tag.find(name, at + 1)) {
    if (at == 0 || (tag[at - 1] != ' ' && tag[at - 1] != '\n')) continue;
    const size_t after = at + name.size();
    if (after >= tag.size()) break;
    if (tag[after] == ' ' || tag[after] == '>' || tag[after] == '/') return std::string();
    if (tag[after] != '=') continue;
    if (after + 1 < tag.size() && tag[after + 1] == '"') {
      const size_t close = tag.find('"', after + 2);
      if (close == std::string::npos) return std::nullopt;
      return tag.substr(after + 2, close - after - 2);
    }
    const size_t end = tag.find_first_of(" >", after + 1);
    return tag.substr(after + 1, end - after - 1);
  }
  return std::nullopt;
}

std::vector<std::string> Blocks(const std::string& html, const std::string& name) {
  std::vector<std::string> blocks;
  const std::string open = "<" + name, close = "</" + name + ">";
  size_t at = 0;
  while ((at = html.find(open, at)) != std::string::npos) {
    const char next = at + open.size() < html.size() ? html[at + open.size()] : '\0';
    if (next != ' ' && next != '>' && next != '\n') {
      ++at;
      continue;
    }
    const size_t end = html.find(close, at);
    if (end == std::string::npos) break;
    blocks.push_back(html.substr(at, end + close.size() - at));
    at = end + close.size();
  }
  return blocks;
}

std::string BlockWhere(const std::string& html, const std::string& name, const std::string& attr,
                       const std::string& value) {
  for (const std::string& block : Blocks(html, name)) {
    if (AttributeOf(block.substr(0, block.find('>') + 1), attr) == value) return block;
  }
  return "";
}

ServeProcess::ServeProcess(const std::string& db, const std::vector<std::string>& extra_args) {
  int err_pipe[2];
  if (pipe2(err_pipe, O_CLOEXEC) != 0) {
    throw std::runtime_error(std::string("pipe: ") + std::strerror(errno));
  }
  std::vector<std::string> words = {ClaimlineBinary(), "--db", db, "serve", "--port", "0"};
  words.insert(words.end(), extra_args.begin(), extra_args.end());
  std::vector<char*> argv = Argv(words);
  pid_ = fork();
  if (pid_ < 0) throw std::runtime_error(std::string("fork: ") + std::strerror(errno));
  if (pid_ == 0) {
    const int null_fd = open("/dev/null", O_RDWR);
    dup2(null_fd, STDIN_FILENO);
    dup2(null_fd, STDOUT_FILENO);
    dup2(err_pipe[1], STDERR_FILENO);
    unsetenv("CLAIMLINE_DB");
    execv(words[0].c_str(), argv.data());
    _exit(127);
  }
  close(err_pipe[1]);
  err_fd_ = err_pipe[0];
  if (!ReadStderr("/ (database", 20000)) return;
  // "claimline serve: http://127.0.0.1:PORT/ (database …"
  const size_t at = err_.find("127.0.0.1:");
  const size_t slash = at == std::string::npos ? at : err_.find('/', at);
  if (at == std::string::npos || slash == std::string::npos) return;
  port_ = std::atoi(err_.substr(at + 10, slash - at - 10).c_str());
  banner_ = err_.substr(0, err_.find('\n'));
}

ServeProcess::~ServeProcess() {
  if (pid_ > 0) {
    kill(pid_, SIGKILL);
    int status = 0;
    while (waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
    }
  }
  if (err_fd_ >= 0) close(err_fd_);
}

bool ServeProcess::ReadStderr(const std::string& until, int timeout_ms) {
  const Clock::time_point deadline = Clock::now() + std::chrono::milliseconds(timeout_ms);
  while (err_fd_ >= 0) {
    if (!until.empty() && err_.find(until) != std::string::npos) return true;
    pollfd p = {err_fd_, POLLIN, 0};
    const int n = poll(&p, 1, MillisLeft(deadline));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    char buf[4096];
    const ssize_t got = read(err_fd_, buf, sizeof buf);
    if (got > 0) {
      err_.append(buf, static_cast<size_t>(got));
    } else if (got == 0 || errno != EINTR) {
      close(err_fd_);
      err_fd_ = -1;
    }
  }
  return until.empty() || err_.find(until) != std::string::npos;
}

std::pair<int, std::string> ServeProcess::Stop(int signal) {
  if (pid_ <= 0) return {-1, err_};
  kill(pid_, signal);
  ReadStderr("", 20000);                  // to EOF: the process closed stderr by exiting
  if (err_fd_ >= 0) kill(pid_, SIGKILL);  // it did not stop in time
  int status = 0;
  while (waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
  }
  pid_ = -1;
  return {ExitCode(status), err_};
}

}  // namespace claimline::testing

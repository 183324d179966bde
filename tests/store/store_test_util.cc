#include "tests/store/store_test_util.h"

#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "store/event_log.h"

namespace claimline::store::testing {

TempDir::TempDir() {
  const char* base = std::getenv("TEST_TMPDIR");
  std::string pattern = absl::StrCat(base != nullptr ? base : "/tmp", "/claimline-store-XXXXXX");
  char* made = mkdtemp(pattern.data());
  EXPECT_NE(made, nullptr) << "mkdtemp " << pattern << ": " << std::strerror(errno);
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

v1::Event ArticleEvent(const std::string& source, const std::string& title) {
  v1::Event event;
  v1::Article* article = event.mutable_article_recorded()->mutable_article();
  article->set_source(source);
  article->set_title(title);
  article->set_language("en");
  article->set_published("2025-01-28");
  event.mutable_article_recorded()->mutable_extractor()->set_name("test");
  return event;
}

std::string ArticleText(int i) {
  return absl::StrCat("Harbor Lantern Works reported quarterly output of ", i,
                      " thousand lanterns.\nThe board met on a rainy Tuesday to review item ", i,
                      ".\n");
}

RawDb::RawDb(const std::string& dir) {
  std::vector<std::string> names;
  rocksdb::Status s = rocksdb::DB::ListColumnFamilies(rocksdb::DBOptions(), dir, &names);
  EXPECT_TRUE(s.ok()) << s.ToString();
  std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
  for (const std::string& name : names)
    descriptors.emplace_back(name, rocksdb::ColumnFamilyOptions());
  s = rocksdb::DB::Open(rocksdb::DBOptions(), dir, descriptors, &families_, &db_);
  EXPECT_TRUE(s.ok()) << s.ToString();
}

RawDb::~RawDb() {
  if (db_ == nullptr) return;
  for (auto* family : families_) db_->DestroyColumnFamilyHandle(family).PermitUncheckedError();
  delete db_;
}

rocksdb::ColumnFamilyHandle* RawDb::family(const std::string& name) {
  for (auto* family : families_) {
    if (family->GetName() == name) return family;
  }
  ADD_FAILURE() << "no column family " << name;
  return nullptr;
}

void RawDb::Put(const std::string& family_name, const std::string& key, const std::string& value) {
  rocksdb::Status s = db_->Put(rocksdb::WriteOptions(), family(family_name), key, value);
  EXPECT_TRUE(s.ok()) << s.ToString();
}

void RawDb::Delete(const std::string& family_name, const std::string& key) {
  rocksdb::Status s = db_->Delete(rocksdb::WriteOptions(), family(family_name), key);
  EXPECT_TRUE(s.ok()) << s.ToString();
}

Child::Child(const std::vector<std::string>& args) {
  int to_child[2];
  int from_child[2];
  if (pipe(to_child) != 0 || pipe(from_child) != 0) {
    ADD_FAILURE() << "pipe: " << std::strerror(errno);
    return;
  }
  std::vector<std::string> argv_strings = {"/proc/self/exe", "--store-child"};
  argv_strings.insert(argv_strings.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& a : argv_strings) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_ = fork();
  if (pid_ == 0) {
    dup2(to_child[0], STDIN_FILENO);
    dup2(from_child[1], STDOUT_FILENO);
    close(to_child[0]);
    close(to_child[1]);
    close(from_child[0]);
    close(from_child[1]);
    execv(argv[0], argv.data());
    _exit(127);
  }
  close(to_child[0]);
  close(from_child[1]);
  in_fd_ = to_child[1];
  out_fd_ = from_child[0];
}

Child::~Child() {
  CloseStdin();
  if (pid_ > 0) {
    Kill();
    Wait();
  }
  if (out_fd_ >= 0) close(out_fd_);
}

std::string Child::ReadLine() {
  while (true) {
    const size_t eol = buffer_.find('\n');
    if (eol != std::string::npos) {
      std::string line = buffer_.substr(0, eol);
      buffer_.erase(0, eol + 1);
      return line;
    }
    char chunk[256];
    const ssize_t n = read(out_fd_, chunk, sizeof(chunk));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      std::string rest;
      rest.swap(buffer_);
      return rest;
    }
    buffer_.append(chunk, static_cast<size_t>(n));
  }
}

void Child::CloseStdin() {
  if (in_fd_ >= 0) close(in_fd_);
  in_fd_ = -1;
}

void Child::Kill() {
  if (pid_ > 0) kill(pid_, SIGKILL);
}

int Child::Wait() {
  if (pid_ <= 0) return -1;
  int status = 0;
  while (waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
  }
  pid_ = -1;
  return status;
}

namespace {

int ChildAppend(const std::string& dir) {
  absl::StatusOr<std::unique_ptr<Database>> db = Database::Open(dir, OpenOptions());
  if (!db.ok()) {
    std::cout << "error " << db.status() << std::endl;
    return 2;
  }
  const uint64_t start = (*db)->log().LastSequence();
  for (int i = 1; i <= 100000; ++i) {
    absl::StatusOr<AppendResult> r =
        (*db)->log().Append(ArticleEvent("child.example", absl::StrCat("child ", i)),
                            absl::StrCat("child run from #", start, ": ", ArticleText(i)));
    if (!r.ok()) {
      std::cout << "error " << r.status() << std::endl;
      return 2;
    }
    std::cout << "acked " << r->sequence << std::endl;
  }
  return 0;
}

int ChildHold(const std::string& dir) {
  absl::StatusOr<std::unique_ptr<Database>> db = Database::Open(dir, OpenOptions());
  if (!db.ok()) {
    std::cout << "error " << db.status() << std::endl;
    return 2;
  }
  std::cout << "ready" << std::endl;
  char c;
  while (read(STDIN_FILENO, &c, 1) > 0) {
  }
  return 0;
}

}  // namespace

int RunChild(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: --store-child MODE DIR\n";
    return 2;
  }
  const std::string mode = argv[2];
  const std::string dir = argv[3];
  if (mode == "append") return ChildAppend(dir);
  if (mode == "hold") return ChildHold(dir);
  std::cerr << "unknown child mode " << mode << "\n";
  return 2;
}

}  // namespace claimline::store::testing

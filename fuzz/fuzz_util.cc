#include "fuzz/fuzz_util.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <system_error>

namespace claimline::fuzz {
namespace {

namespace fs = std::filesystem;

std::string* scratch = nullptr;

void RemoveScratch() {
  std::error_code ec;
  if (scratch != nullptr) fs::remove_all(*scratch, ec);
}

}  // namespace

void CheckFailed(const char* condition, const char* file, int line) {
  std::fprintf(stderr, "FUZZ_CHECK failed: %s at %s:%d\n", condition, file, line);
  std::abort();
}

const std::string& ScratchDir() {
  if (scratch == nullptr) {
    const char* base = std::getenv("TMPDIR");
    std::string pattern = std::string(base != nullptr ? base : "/tmp") + "/claimline-fuzz-XXXXXX";
    if (mkdtemp(pattern.data()) == nullptr) CheckFailed("mkdtemp", __FILE__, __LINE__);
    scratch = new std::string(pattern);
    std::atexit(RemoveScratch);
  }
  return *scratch;
}

void WriteFile(const std::string& path, absl::string_view bytes) {
  std::error_code ec;
  fs::create_directories(fs::path(path).parent_path(), ec);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) CheckFailed("write a scratch file", __FILE__, __LINE__);
}

void ClearDir(const std::string& dir) {
  std::error_code ec;
  for (const fs::directory_entry& e : fs::directory_iterator(dir, ec)) fs::remove_all(e.path(), ec);
}

}  // namespace claimline::fuzz

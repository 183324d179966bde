// Helpers shared by the libFuzzer targets in fuzz/ (and their corpus replay under gcc).
//
// FUZZ_CHECK(cond) aborts with the condition when an invariant of the code under test
// does not hold: libFuzzer records the input as a crash. Targets check outcomes, never
// time: a slow input shows up as libFuzzer's own timeout.
#ifndef CLAIMLINE_FUZZ_FUZZ_UTIL_H_
#define CLAIMLINE_FUZZ_FUZZ_UTIL_H_

#include <cstddef>
#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"

#define FUZZ_CHECK(cond)                                                    \
  do {                                                                      \
    if (!(cond)) ::claimline::fuzz::CheckFailed(#cond, __FILE__, __LINE__); \
  } while (0)

namespace claimline::fuzz {

[[noreturn]] void CheckFailed(const char* condition, const char* file, int line);

// Bytes: the fuzzer's input as a string_view.
inline absl::string_view Bytes(const uint8_t* data, size_t size) {
  return absl::string_view(reinterpret_cast<const char*>(data), size);
}

// ScratchDir: a directory of this process's own (under $TMPDIR or /tmp), created on first
// use and removed at exit, for targets whose code under test reads files.
const std::string& ScratchDir();

// WriteFile: writes `bytes` to `path`, creating parent folders. Aborts on failure.
void WriteFile(const std::string& path, absl::string_view bytes);

// ClearDir: removes everything inside `dir`.
void ClearDir(const std::string& dir);

}  // namespace claimline::fuzz

#endif  // CLAIMLINE_FUZZ_FUZZ_UTIL_H_

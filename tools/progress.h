// Progress: a one-line progress report on stderr for long runs ("appending 1200/10000
// (12%), 850 articles/s"), redrawn at most a few times a second and erased at the end.
// Shown only when enabled — commands enable it when stderr is a terminal and stdout is
// not (so it never mixes with data lines on the same screen).
#ifndef CLAIMLINE_TOOLS_PROGRESS_H_
#define CLAIMLINE_TOOLS_PROGRESS_H_

#include <cstdint>
#include <iosfwd>
#include <string>

#include "absl/time/time.h"

namespace claimline::tools {

class Progress {
 public:
  // `what` names the work ("appending"); `total` is the number of items (0 = unknown).
  Progress(std::ostream& err, bool enabled, std::string what, uint64_t total);
  ~Progress();

  // Update: `done` items are finished; redraws when enough time has passed.
  void Update(uint64_t done);
  // Finish: erases the line. Called by the destructor too.
  void Finish();

 private:
  std::ostream& err_;
  bool enabled_;
  std::string what_;
  uint64_t total_;
  absl::Time start_;
  absl::Time last_draw_;
  bool drawn_ = false;
};

}  // namespace claimline::tools

#endif  // CLAIMLINE_TOOLS_PROGRESS_H_

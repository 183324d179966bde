// Progress: the one progress bar of the long commands (append, replay, reextract) on
// stderr, for people watching a terminal:
//
//   appending [##########..............]  42/100  42%  12.5 articles/s  5s left
//
// Shown only when enabled — commands enable it when stderr is a terminal (main.cc's
// Invocation::stderr_is_tty); when it is not, nothing at all is written. The line is
// redrawn in place with '\r' at most 10 times a second (the first update draws at once),
// and Finish draws the final state and ends the line with a newline. A command that
// prints data lines to the same terminal meanwhile calls Hide() before each line; the next
// Update draws the bar again below it.
//
// The time left is the remaining items at the average rate since the start; "--" until
// an item is done. The formatting is the pure function FormatProgress (no clock reads);
// the class reads the clock.
#ifndef CLAIMLINE_TOOLS_PROGRESS_H_
#define CLAIMLINE_TOOLS_PROGRESS_H_

#include <cstdint>
#include <iosfwd>
#include <string>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace claimline::tools {

// The width of the bar between the brackets, in characters.
inline constexpr int kProgressBarWidth = 24;

// FormatProgress: one progress line, without '\r' or newline. `what` names the work
// ("appending"), `unit` the items ("articles"). With `total` > 0:
//   "<what> [<bar>]  <done>/<total>  <pct>%  <rate> <unit>/s  <left> left"
// where the bar has round-down(done/total × width) '#' then '.', pct rounds down, rate is
// done/elapsed ("12.5" under 100, "250" from 100, "--" while elapsed is 0) and left is
// FormatTimeLeft((total − done) / rate) ("--" while done or elapsed is 0). `done` above
// `total` counts as `total`. With `total` 0 (unknown): "<what> <done> <unit>  <rate> <unit>/s".
std::string FormatProgress(absl::string_view what, absl::string_view unit, uint64_t done,
                           uint64_t total, absl::Duration elapsed);

// FormatTimeLeft: "0s", "42s", "3m05s", "2h07m" (seconds rounded up, so that a second
// still to go is never "0s").
std::string FormatTimeLeft(absl::Duration d);

class Progress {
 public:
  // `what` names the work ("appending"), `unit` the items ("articles"); `total` is the
  // number of items (0 = unknown). Nothing is drawn before the first Update.
  Progress(std::ostream& err, bool enabled, std::string what, std::string unit, uint64_t total);
  ~Progress();

  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  // SetTotal: the number of items, when it is known only after the work started.
  void SetTotal(uint64_t total) { total_ = total; }
  // Update: `done` items are finished; redraws when 100 ms have passed since the last
  // draw, or at once for the first draw and after Hide.
  void Update(uint64_t done);
  // Hide: erases the bar from the terminal (before a data line is printed there).
  void Hide();
  // Finish: draws the last state and ends the line, if anything was drawn; then the
  // reporter is disabled. Called by the destructor too.
  void Finish();

 private:
  void Draw(absl::Time now);

  std::ostream& err_;
  bool enabled_;
  std::string what_;
  std::string unit_;
  uint64_t total_;
  uint64_t done_ = 0;
  absl::Time start_;
  absl::Time last_draw_;
  bool drawn_ = false;    // something was drawn since the start (Finish ends the line)
  bool visible_ = false;  // the bar is on the terminal now
};

}  // namespace claimline::tools

#endif  // CLAIMLINE_TOOLS_PROGRESS_H_

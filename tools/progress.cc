#include "tools/progress.h"

#include <ostream>
#include <utility>

#include "absl/strings/str_format.h"
#include "absl/time/clock.h"

namespace claimline::tools {
namespace {

// Redraw at most this often: often enough to look alive, rarely enough to cost nothing.
constexpr absl::Duration kRedrawEvery = absl::Milliseconds(200);

}  // namespace

Progress::Progress(std::ostream& err, bool enabled, std::string what, uint64_t total)
    : err_(err),
      enabled_(enabled),
      what_(std::move(what)),
      total_(total),
      start_(absl::Now()),
      last_draw_(start_) {}

Progress::~Progress() { Finish(); }

void Progress::Update(uint64_t done) {
  if (!enabled_) return;
  const absl::Time now = absl::Now();
  if (now - last_draw_ < kRedrawEvery) return;
  last_draw_ = now;
  const double seconds = absl::ToDoubleSeconds(now - start_);
  const double rate = seconds > 0 ? static_cast<double>(done) / seconds : 0;
  std::string line;
  if (total_ > 0) {
    line =
        absl::StrFormat("%s %d/%d (%d%%), %.0f/s", what_, done, total_, done * 100 / total_, rate);
  } else {
    line = absl::StrFormat("%s %d, %.0f/s", what_, done, rate);
  }
  err_ << "\r" << line << "\x1b[K" << std::flush;
  drawn_ = true;
}

void Progress::Finish() {
  if (drawn_) err_ << "\r\x1b[K" << std::flush;
  drawn_ = false;
  enabled_ = false;
}

}  // namespace claimline::tools

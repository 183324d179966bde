#include "tools/progress.h"

#include <algorithm>
#include <cmath>
#include <ostream>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"

namespace claimline::tools {
namespace {

// Redraw at most this often: often enough to look alive, rarely enough to cost nothing.
constexpr absl::Duration kRedrawEvery = absl::Milliseconds(100);

std::string FormatRate(double rate) {
  if (rate < 100) return absl::StrFormat("%.1f", rate);
  return absl::StrFormat("%.0f", rate);
}

}  // namespace

std::string FormatTimeLeft(absl::Duration d) {
  const int64_t seconds =
      std::max<int64_t>(0, static_cast<int64_t>(std::ceil(absl::ToDoubleSeconds(d) - 1e-9)));
  if (seconds < 60) return absl::StrCat(seconds, "s");
  if (seconds < 3600) return absl::StrFormat("%dm%02ds", seconds / 60, seconds % 60);
  const int64_t minutes = (seconds + 59) / 60;
  return absl::StrFormat("%dh%02dm", minutes / 60, minutes % 60);
}

std::string FormatProgress(absl::string_view what, absl::string_view unit, uint64_t done,
                           uint64_t total, absl::Duration elapsed) {
  if (total > 0) done = std::min(done, total);
  const double seconds = absl::ToDoubleSeconds(elapsed);
  const bool timed = seconds > 0;
  const double rate = timed ? static_cast<double>(done) / seconds : 0;
  const std::string rate_text = timed ? FormatRate(rate) : "--";
  if (total == 0) {
    return absl::StrCat(what, " ", done, " ", unit, "  ", rate_text, " ", unit, "/s");
  }
  const int filled = static_cast<int>(done * kProgressBarWidth / total);
  const uint64_t percent = done * 100 / total;
  std::string left = "--";
  if (timed && done > 0) {
    left = FormatTimeLeft(absl::Seconds(static_cast<double>(total - done) / rate));
  }
  return absl::StrCat(what, " [", std::string(filled, '#'),
                      std::string(kProgressBarWidth - filled, '.'), "]  ", done, "/", total, "  ",
                      percent, "%  ", rate_text, " ", unit, "/s  ", left, " left");
}

Progress::Progress(std::ostream& err, bool enabled, std::string what, std::string unit,
                   uint64_t total)
    : err_(err),
      enabled_(enabled),
      what_(std::move(what)),
      unit_(std::move(unit)),
      total_(total),
      start_(absl::Now()),
      last_draw_(absl::InfinitePast()) {}

Progress::~Progress() { Finish(); }

void Progress::Draw(absl::Time now) {
  last_draw_ = now;
  err_ << "\r" << FormatProgress(what_, unit_, done_, total_, now - start_) << "\x1b[K"
       << std::flush;
  drawn_ = true;
  visible_ = true;
}

void Progress::Update(uint64_t done) {
  if (!enabled_) return;
  done_ = done;
  const absl::Time now = absl::Now();
  if (visible_ && now - last_draw_ < kRedrawEvery) return;
  Draw(now);
}

void Progress::Hide() {
  if (!enabled_ || !visible_) return;
  err_ << "\r\x1b[K" << std::flush;
  visible_ = false;
}

void Progress::Finish() {
  if (!enabled_) return;
  if (drawn_) {
    Draw(absl::Now());
    err_ << "\n" << std::flush;
  }
  enabled_ = false;
  visible_ = false;
}

}  // namespace claimline::tools

#include "base/clock.h"

#include "absl/time/clock.h"

namespace claimline {
namespace {

class WallClock : public Clock {
 public:
  int64_t NowMicros() const override { return absl::GetCurrentTimeNanos() / 1000; }
};

}  // namespace

const Clock* RealClock() {
  static const WallClock* const clock = new WallClock();
  return clock;
}

}  // namespace claimline

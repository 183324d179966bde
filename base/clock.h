// The injected clock. Libraries never read the wall clock themselves: the store takes a
// Clock for recorded-at stamps so tests can pin time, and tools/ passes the real one.
#ifndef CLAIMLINE_BASE_CLOCK_H_
#define CLAIMLINE_BASE_CLOCK_H_

#include <cstdint>

namespace claimline {

class Clock {
 public:
  virtual ~Clock() = default;
  // NowMicros: microseconds since the Unix epoch.
  virtual int64_t NowMicros() const = 0;
};

// RealClock: the system wall clock. Thread-safe; never destroyed.
const Clock* RealClock();

// FixedClock: always returns the time it was given (for tests).
class FixedClock : public Clock {
 public:
  explicit FixedClock(int64_t micros) : micros_(micros) {}
  int64_t NowMicros() const override { return micros_; }
  void Set(int64_t micros) { micros_ = micros; }

 private:
  int64_t micros_;
};

}  // namespace claimline

#endif  // CLAIMLINE_BASE_CLOCK_H_

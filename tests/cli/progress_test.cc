// Tests of tools/progress: the line FormatProgress draws, exactly, for given counts and
// elapsed times (the time is an argument: no clock, no sleeps), and what the reporter
// writes when enabled and when not.
#include "tools/progress.h"

#include <sstream>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace claimline::tools {
namespace {

using ::testing::EndsWith;
using ::testing::HasSubstr;
using ::testing::StartsWith;

TEST(FormatProgress, BarCountsPercentRateAndTimeLeft) {
  EXPECT_EQ(FormatProgress("appending", "articles", 42, 100, absl::Seconds(4)),
            "appending [##########..............]  42/100  42%  10.5 articles/s  6s left");
}

TEST(FormatProgress, NothingDoneYetHasNoTimeLeft) {
  EXPECT_EQ(FormatProgress("appending", "articles", 0, 100, absl::ZeroDuration()),
            "appending [........................]  0/100  0%  -- articles/s  -- left");
  EXPECT_EQ(FormatProgress("appending", "articles", 0, 100, absl::Seconds(2)),
            "appending [........................]  0/100  0%  0.0 articles/s  -- left");
}

TEST(FormatProgress, FinishedIsAFullBarWithNothingLeft) {
  EXPECT_EQ(FormatProgress("appending", "articles", 100, 100, absl::Seconds(2)),
            "appending [########################]  100/100  100%  50.0 articles/s  0s left");
  // More done than announced counts as the total.
  EXPECT_EQ(FormatProgress("appending", "articles", 130, 100, absl::Seconds(2)),
            "appending [########################]  100/100  100%  50.0 articles/s  0s left");
}

TEST(FormatProgress, FastRatesHaveNoDecimalsAndTimeLeftRoundsUp) {
  EXPECT_EQ(FormatProgress("replay default", "events", 3000, 10000, absl::Seconds(10)),
            "replay default [#######.................]  3000/10000  30%  300 events/s  24s left");
}

TEST(FormatProgress, LongWaitsInMinutes) {
  EXPECT_EQ(FormatProgress("reextract", "articles", 10, 1000, absl::Seconds(10)),
            "reextract [........................]  10/1000  1%  1.0 articles/s  16m30s left");
}

TEST(FormatProgress, UnknownTotalHasNoBar) {
  EXPECT_EQ(FormatProgress("appending", "articles", 7, 0, absl::Seconds(2)),
            "appending 7 articles  3.5 articles/s");
}

TEST(FormatTimeLeft, SecondsMinutesHours) {
  EXPECT_EQ(FormatTimeLeft(absl::ZeroDuration()), "0s");
  EXPECT_EQ(FormatTimeLeft(absl::Milliseconds(200)), "1s");
  EXPECT_EQ(FormatTimeLeft(absl::Seconds(42)), "42s");
  EXPECT_EQ(FormatTimeLeft(absl::Milliseconds(59500)), "1m00s");
  EXPECT_EQ(FormatTimeLeft(absl::Seconds(185)), "3m05s");
  EXPECT_EQ(FormatTimeLeft(absl::Seconds(7620)), "2h07m");
}

TEST(Progress, DisabledWritesNothing) {
  std::ostringstream err;
  {
    Progress progress(err, /*enabled=*/false, "appending", "articles", 3);
    progress.Update(0);
    progress.Update(3);
    progress.Finish();
  }
  EXPECT_EQ(err.str(), "");
}

TEST(Progress, EnabledDrawsAtOnceAndEndsWithTheLastStateAndANewline) {
  std::ostringstream err;
  Progress progress(err, /*enabled=*/true, "appending", "articles", 3);
  progress.Update(0);
  EXPECT_THAT(err.str(), StartsWith("\rappending [........................]  0/3  0%"));
  progress.Update(3);
  progress.Finish();
  const std::string drawn = err.str();
  EXPECT_THAT(drawn, HasSubstr("\rappending [########################]  3/3  100%"));
  EXPECT_THAT(drawn, EndsWith(" left\x1b[K\n"));
  progress.Finish();  // a second Finish (and the destructor) adds nothing
  EXPECT_EQ(err.str(), drawn);
}

TEST(Progress, HideErasesTheLineAndTheNextUpdateRedraws) {
  std::ostringstream err;
  Progress progress(err, /*enabled=*/true, "appending", "articles", 2);
  progress.Update(1);
  progress.Hide();
  EXPECT_THAT(err.str(), EndsWith("\r\x1b[K"));
  const size_t hidden_at = err.str().size();
  progress.Update(1);  // at once, however soon
  EXPECT_THAT(err.str().substr(hidden_at),
              StartsWith("\rappending [############............]  1/2  50%"));
  EXPECT_EQ(err.str().find('\n'), std::string::npos);
}

TEST(Progress, NothingDrawnMeansNothingFinished) {
  std::ostringstream err;
  { Progress progress(err, /*enabled=*/true, "appending", "articles", 2); }
  EXPECT_EQ(err.str(), "");
}

}  // namespace
}  // namespace claimline::tools

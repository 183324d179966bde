// The timeline page in a real browser: Debian's Chromium, headless, loads the file written
// by `claimline timeline ENTITY --format html`; the DOM it builds (--dump-dom) must hold the
// entries in order of time, the conflict with both figures and their sources, and the
// expected event; a screenshot (--screenshot) must come out. Skips where Chromium is not
// installed (`scripts/setup --browser` installs it).
//
// CLAIMLINE_PAGE_SCREENSHOT=FILE keeps a copy of the screenshot (docs/page.md: how
// docs/screenshot-nvidia.png is made).
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/browser/page_fixture.h"

namespace claimline::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr int kBrowserTimeoutSeconds = 120;

class Browser : public ::testing::Test {
 protected:
  void SetUp() override {
    chromium_ = FindChromium();
    if (chromium_.empty()) {
      GTEST_SKIP() << "Chromium is not installed (scripts/setup --browser installs it); "
                      "the browser test of the HTML page is skipped";
    }
  }

  // Run: Chromium with the common flags, `extra`, and the page's file URL.
  ProgramResult Run(const std::vector<std::string>& extra) {
    std::vector<std::string> args = ChromiumArgs(profile_.path());
    args.insert(args.end(), extra.begin(), extra.end());
    args.push_back("file://" + Story().html_path);
    return RunProgram(chromium_, args, kBrowserTimeoutSeconds);
  }

  std::string chromium_;
  TempDir profile_;  // a fresh profile for every test
};

TEST_F(Browser, DomHasTheEntriesInOrderTheConflictAndTheExpectedEvent) {
  const ProgramResult r = Run({"--dump-dom"});
  ASSERT_FALSE(r.timed_out) << r.err;
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string& dom = r.out;
  ASSERT_THAT(dom, HasSubstr("<body>"));
  // The browser parsed the same entries the renderer wrote, in the same order.
  std::vector<std::string> written, parsed;
  for (const std::string& tag : StartTags(Story().html, "article")) {
    written.push_back(AttributeOf(tag, "data-entry").value_or("?"));
  }
  std::string previous;
  for (const std::string& tag : StartTags(dom, "article")) {
    parsed.push_back(AttributeOf(tag, "data-entry").value_or("?"));
    const std::string start = AttributeOf(tag, "data-start").value_or("");
    if (start.empty()) continue;
    EXPECT_LE(previous, start) << tag;  // in order of time
    previous = start;
  }
  EXPECT_EQ(parsed, written);
  EXPECT_THAT(dom, HasSubstr("<svg"));
  EXPECT_THAT(dom, Not(HasSubstr("<script")));
  if (!Story().seeds) return;  // the seed story's own checks follow

  // The January selloff: both figures, side by side, each with its sources.
  const std::string selloff = BlockWhere(dom, "article", "data-kind", "market_value_change");
  ASSERT_FALSE(selloff.empty());
  EXPECT_EQ(AttributeOf(selloff.substr(0, selloff.find('>') + 1), "data-conflict"), "true");
  const std::string side1 = BlockWhere(selloff, "section", "data-side", "1");
  const std::string side2 = BlockWhere(selloff, "section", "data-side", "2");
  EXPECT_THAT(side1, HasSubstr("↓ $600B"));
  EXPECT_THAT(side1, HasSubstr("data-lang=\"it\""));
  EXPECT_THAT(side2, HasSubstr("↓ $10B–$100B"));
  EXPECT_THAT(side2, HasSubstr("data-lang=\"id\""));
  EXPECT_THAT(selloff, HasSubstr("class=\"badge conflict\""));
  // The earnings call of 26 February: expected.
  const std::string call = BlockWhere(dom, "article", "data-kind", "earnings_call");
  ASSERT_FALSE(call.empty());
  const std::string tag = call.substr(0, call.find('>') + 1);
  EXPECT_EQ(AttributeOf(tag, "data-expected"), "true");
  EXPECT_EQ(AttributeOf(tag, "data-start"), "2025-02-26");
  // The selloff comes before the call.
  EXPECT_LT(dom.find(selloff), dom.find(call));
}

TEST_F(Browser, TakesAScreenshot) {
  const std::string png = profile_ / "page.png";
  const ProgramResult r = Run({"--screenshot=" + png, "--window-size=1280,1600"});
  ASSERT_FALSE(r.timed_out) << r.err;
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::ifstream in(png, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), {});
  ASSERT_GE(bytes.size(), 8u) << "no screenshot at " << png << "\n" << r.err;
  EXPECT_EQ(bytes.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
  // A blank 1280x1600 page compresses to a few kilobytes; the timeline is far more.
  EXPECT_GT(bytes.size(), 40000u);
  if (const char* keep = getenv("CLAIMLINE_PAGE_SCREENSHOT"); keep != nullptr && *keep != '\0') {
    std::filesystem::copy_file(png, keep, std::filesystem::copy_options::overwrite_existing);
  }
}

}  // namespace
}  // namespace claimline::testing

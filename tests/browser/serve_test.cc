// `claimline serve` on loopback (tools/cmd_serve.cc, tools/serve_handlers.h): the JSON of
// every query is the commands' own, names in any script find the entity, pages follow an
// append made by another process while the server runs, and SIGTERM / SIGINT stop it.
#include <signal.h>

#include <memory>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "httplib.h"
#include "tests/browser/page_fixture.h"

namespace claimline::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

class Serve : public ::testing::Test {
 protected:
  void SetUp() override {
    // A copy of the shared story, so that appending here changes nobody else's database.
    RunResult r =
        RunClaimline({"--db", db(), "append", "--manifest", ExamplesDir() + "/feed.jsonl"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    r = RunClaimline({"--db", db(), "append", "--published", "2025-02-21", article()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    server_ = std::make_unique<ServeProcess>(db());
    ASSERT_GT(server_->port(), 0) << "the server did not announce its address";
    client_ = std::make_unique<httplib::Client>("127.0.0.1", server_->port());
    client_->set_connection_timeout(10);
    client_->set_read_timeout(30);
  }

  std::string db() const { return dir_ / "db"; }
  // article: one short English article of our own about NVIDIA.
  std::string article() {
    const std::string path = dir_ / "nvidia-own.txt";
    WriteFile(path, "NVIDIA shares fell 9.5% on 4 February 2025, the company said.\n");
    return path;
  }

  // Get: the body of GET `path`; fails the test unless the status is `status`.
  std::string Get(const std::string& path, int status = 200) {
    httplib::Result res = client_->Get(path.c_str());
    if (!res) {
      ADD_FAILURE() << "GET " << path << ": " << httplib::to_string(res.error());
      return "";
    }
    EXPECT_EQ(res->status, status) << path << "\n" << res->body;
    return res->body;
  }

  // Cli: stdout of `claimline --db DB ARGS…` (exit 0 or 1).
  std::string Cli(std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", db()});
    RunResult r = RunClaimline(args);
    EXPECT_LE(r.exit_code, 1) << r.err;
    return r.out;
  }

  TempDir dir_;
  std::unique_ptr<ServeProcess> server_;
  std::unique_ptr<httplib::Client> client_;
};

TEST_F(Serve, ListensOnLoopbackOnly) {
  EXPECT_THAT(server_->banner(), StartsWith("claimline serve: http://127.0.0.1:"));
}

TEST_F(Serve, ApiAnswersWithTheCommandsOwnJson) {
  EXPECT_EQ(Get("/api/timeline?entity=NVIDIA"), Cli({"timeline", "NVIDIA", "--format", "json"}));
  EXPECT_EQ(Get("/api/claims?entity=Aurelis"), Cli({"claims", "Aurelis", "--format", "json"}));
  EXPECT_EQ(Get("/api/claims?entity=NVIDIA&kind=price_change"),
            Cli({"claims", "NVIDIA", "--kind", "price_change", "--format", "json"}));
  EXPECT_EQ(Get("/api/history?entity=NVIDIA&kind=price_change"),
            Cli({"history", "NVIDIA", "--kind", "price_change", "--format", "json"}));
  EXPECT_EQ(Get("/api/conflicts"), Cli({"conflicts", "--format", "json"}));
  EXPECT_EQ(Get("/api/timeline?entity=NVIDIA&as_of=2025-01-01"),
            Cli({"timeline", "NVIDIA", "--as-of", "2025-01-01", "--format", "json"}));
}

TEST_F(Serve, FindsAnEntityByAnyOfItsNames) {
  // The Chinese name of NVIDIA, percent-encoded, as a browser sends it.
  const std::string by_chinese = Get("/api/search?q=%E8%8B%B1%E4%BC%9F%E8%BE%BE");
  EXPECT_THAT(by_chinese, HasSubstr("\"entity\": \"nvidia\""));
  EXPECT_THAT(Get("/api/search?q=nvid"), HasSubstr("\"entity\": \"nvidia\""));  // a part
  EXPECT_THAT(Get("/api/timeline?entity=%E8%8B%B1%E4%BC%9F%E8%BE%BE"),
              HasSubstr("\"entity\": \"nvidia\""));
  // The search box sends a name that reaches one entity straight to its page.
  httplib::Result res = client_->Get("/?q=nvidia");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 302);
  EXPECT_EQ(res->get_header_value("Location"), "/entity/nvidia");
  const std::string home = Get("/");
  EXPECT_THAT(home, HasSubstr("<form class=\"search\""));
  EXPECT_THAT(home, HasSubstr("href=\"/entity/nvidia\""));
}

TEST_F(Serve, ServesTheTimelinePageOfAnyEntity) {
  httplib::Result res = client_->Get("/entity/NVIDIA");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_THAT(res->get_header_value("Content-Security-Policy"), StartsWith("default-src 'none'"));
  EXPECT_THAT(res->body, HasSubstr("<h1 data-entity=\"nvidia\">"));
  EXPECT_THAT(res->body, HasSubstr("data-kind=\"price_change\""));
  EXPECT_THAT(res->body, HasSubstr("<form class=\"search\""));
  EXPECT_THAT(Get("/entity/Aurelis"), HasSubstr("<h1 data-entity=\"aurelis\">"));
}

TEST_F(Serve, ReportsBadRequestsWithAStatusAndAMessage) {
  EXPECT_THAT(Get("/api/timeline", 400),
              HasSubstr("\"error\": \"the entity parameter is required"));
  EXPECT_THAT(Get("/api/history?entity=NVIDIA", 400), HasSubstr("the kind parameter is required"));
  EXPECT_THAT(Get("/api/timeline?entity=NVIDIA&as_of=yesterday", 400), HasSubstr("--as-of"));
  EXPECT_THAT(Get("/api/timeline?entity=Zzyzx%20Qwerty", 404), HasSubstr("no entity"));
  EXPECT_THAT(Get("/api/nothing", 404), HasSubstr("\"error\""));
  EXPECT_THAT(Get("/entity/Zzyzx%20Qwerty", 404), HasSubstr("no entity"));
  EXPECT_THAT(Get("/no/such/page", 404), HasSubstr("Not found"));
}

TEST_F(Serve, FollowsAnAppendByAnotherProcessWithoutRestart) {
  EXPECT_THAT(Get("/api/timeline?entity=NVIDIA"), Not(HasSubstr("\"kind\": \"earnings_call\"")));
  // The writer is another process; the server holds no lock between requests.
  const std::string path = dir_ / "later.txt";
  WriteFile(path, "NVIDIA will report its quarterly results on 26 February 2025.\n");
  RunResult r = RunClaimline({"--db", db(), "append", "--published", "2025-02-22", path});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string after = Get("/api/timeline?entity=NVIDIA");
  EXPECT_THAT(after, HasSubstr("\"kind\": \"earnings_call\""));
  EXPECT_EQ(after, Cli({"timeline", "NVIDIA", "--format", "json"}));
  EXPECT_THAT(Get("/entity/NVIDIA"), HasSubstr("data-kind=\"earnings_call\""));
}

TEST_F(Serve, StopsOnSigterm) {
  auto [code, err] = server_->Stop(SIGTERM);
  EXPECT_EQ(code, 0) << err;
  EXPECT_THAT(err, HasSubstr("claimline serve: stopped (terminated)"));
}

TEST_F(Serve, StopsOnSigint) {
  Get("/api/conflicts");
  auto [code, err] = server_->Stop(SIGINT);
  EXPECT_EQ(code, 0) << err;
  EXPECT_THAT(err, HasSubstr("claimline serve: stopped (interrupt)"));
}

TEST(ServeFlags, RefusesABadPortAndAMissingDatabase) {
  TempDir dir;
  RunResult r = RunClaimline({"--db", dir / "db", "serve", "--port", "http"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("--port: \"http\" is not a port number"));
  r = RunClaimline({"--db", dir / "none", "serve", "--port", "0"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("no claimline database at"));
}

}  // namespace
}  // namespace claimline::testing

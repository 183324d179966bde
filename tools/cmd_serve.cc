// claimline serve: the timeline pages, a search box and the JSON of every query over HTTP
// (cpp-httplib), on 127.0.0.1 unless --host says otherwise. The routes and how the server
// follows appends are in serve_handlers.h.
#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <string>
#include <thread>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "base/status_macros.h"
#include "httplib.h"
#include "tools/commands.h"
#include "tools/open_database.h"
#include "tools/query_common.h"
#include "tools/serve_handlers.h"

namespace claimline::tools {
namespace {

constexpr int kDefaultPort = 8080;

QueryParams Params(const httplib::Request& req) {
  QueryParams out;
  for (const auto& [name, value] : req.params) out[name] = value;  // the last one wins
  return out;
}

void Reply(const HttpReply& reply, httplib::Response& res) {
  res.status = reply.status;
  if (!reply.location.empty()) res.set_header("Location", reply.location);
  // The pages load nothing from anywhere: say so to the browser, too.
  res.set_header("Content-Security-Policy",
                 "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
                 "form-action 'self'; base-uri 'none'; frame-ancestors 'none'");
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("Cache-Control", "no-store");  // every request reads the log afresh
  res.set_content(reply.body, reply.content_type.c_str());
}

// The write end of the pipe SIGINT/SIGTERM are reported through (-1 when not serving).
int g_signal_pipe = -1;

extern "C" void OnStopSignal(int sig) {
  const unsigned char byte = static_cast<unsigned char>(sig);
  if (g_signal_pipe >= 0) {
    const ssize_t ignored = write(g_signal_pipe, &byte, 1);  // async-signal-safe
    (void)ignored;
  }
}

// SignalWatcher: turns SIGINT and SIGTERM into a graceful stop of the server. The handler
// may run on any thread (RocksDB's and the server's included), so it only writes the
// signal's number to a pipe; a thread of our own reads it and calls Server::stop(), which
// ends listen_after_bind() once the requests in flight are answered.
class SignalWatcher {
 public:
  explicit SignalWatcher(httplib::Server& server) {
    if (pipe2(fds_, O_CLOEXEC) != 0) return;
    g_signal_pipe = fds_[1];
    struct sigaction action = {};
    action.sa_handler = &OnStopSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, &old_int_);
    sigaction(SIGTERM, &action, &old_term_);
    thread_ = std::thread([this, &server] {
      unsigned char byte = 0;
      while (true) {
        const ssize_t n = read(fds_[0], &byte, 1);
        if (n < 0 && errno == EINTR) continue;
        if (n != 1 || byte == 0) return;  // 0: the destructor ends the wait
        signal_ = byte;
        break;
      }
      // Server::stop() does nothing before listen_after_bind() is running (a signal may come
      // that early), and must be called once: wait for the server to run, then stop it.
      while (!listening_over_) {
        if (server.is_running()) {
          server.stop();
          return;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
      }
    });
  }
  // ListeningOver: listen_after_bind() has returned.
  void ListeningOver() { listening_over_ = true; }
  ~SignalWatcher() {
    if (!thread_.joinable()) return;
    if (signal_ == 0) {
      const unsigned char zero = 0;
      const ssize_t ignored = write(fds_[1], &zero, 1);
      (void)ignored;
    }
    thread_.join();
    sigaction(SIGINT, &old_int_, nullptr);
    sigaction(SIGTERM, &old_term_, nullptr);
    g_signal_pipe = -1;
    close(fds_[0]);
    close(fds_[1]);
  }
  int signal() const { return signal_; }

 private:
  int fds_[2] = {-1, -1};
  struct sigaction old_int_ = {}, old_term_ = {};
  std::atomic<int> signal_{0};
  std::atomic<bool> listening_over_{false};
  std::thread thread_;
};

absl::StatusOr<int> RunServe(Invocation& inv) {
  int port = kDefaultPort;
  if (inv.Has("port") && (!absl::SimpleAtoi(inv.Get("port"), &port) || port < 0 || port > 65535)) {
    return absl::InvalidArgumentError(
        absl::StrCat("--port: \"", inv.Get("port"), "\" is not a port number (0..65535)"));
  }
  const std::string host = inv.Get("host", "127.0.0.1");
  // Fail now, not at the first request, when there is no database.
  RETURN_IF_ERROR(OpenDatabase(inv, DbAccess::kRead).status());

  ServeHandlers handlers(inv.db_path, inv.Get("projection"));
  httplib::Server server;
  server.Get("/", [&](const httplib::Request& req, httplib::Response& res) {
    Reply(handlers.Home(Params(req)), res);
  });
  server.Get(R"(/entity/(.+))", [&](const httplib::Request& req, httplib::Response& res) {
    Reply(handlers.EntityPage(req.matches[1], Params(req)), res);
  });
  server.Get(R"(/api/([a-z]+))", [&](const httplib::Request& req, httplib::Response& res) {
    Reply(handlers.Api(req.matches[1], Params(req)), res);
  });
  server.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (res.status == 404 && res.body.empty()) Reply(ServeHandlers::NotFoundPage(req.path), res);
  });

  // A client that goes away mid-answer must not end the server.
  std::signal(SIGPIPE, SIG_IGN);
  const int bound = port == 0                         ? server.bind_to_any_port(host)
                    : server.bind_to_port(host, port) ? port
                                                      : -1;
  if (bound <= 0) {
    return absl::FailedPreconditionError(absl::StrCat(
        "cannot listen on ", host, ":", port, " (in use? try another --port, or --port 0)"));
  }
  int stopped_by = 0;
  {
    SignalWatcher watcher(server);  // before the banner: a signal may follow it at once
    const std::string shown_host = host.find(':') != std::string::npos ? "[" + host + "]" : host;
    *inv.err << "claimline serve: http://" << shown_host << ":" << bound << "/ (database "
             << inv.db_path << "; Ctrl-C stops)" << std::endl;
    server.listen_after_bind();
    watcher.ListeningOver();
    stopped_by = watcher.signal();
  }
  *inv.err << "claimline serve: stopped"
           << (stopped_by == SIGINT    ? " (interrupt)"
               : stopped_by == SIGTERM ? " (terminated)"
                                       : "")
           << std::endl;
  return kExitOk;
}

}  // namespace

const CommandSpec kServeCommand = {
    "serve",
    "",
    "Serve the timeline pages, a search box and the JSON of every query over HTTP",
    "Pages: / (search any name of an entity, in any script), /entity/NAME (the page of\n"
    "`timeline --format html`). JSON: /api/timeline?entity=NAME, /api/claims?entity=NAME,\n"
    "/api/history?entity=NAME&kind=K, /api/conflicts, /api/search?q=NAME — the same JSON\n"
    "as the commands' --format json; as_of, from, to, kind and projection parameters as\n"
    "their flags. Each request reads the database afresh, so pages follow `claimline\n"
    "append` run in another process without a restart. Listens on 127.0.0.1 unless --host\n"
    "is given; --port 0 picks a free port (printed on stderr). SIGINT or SIGTERM stops it.\n",
    {
        {"port", "PORT", "TCP port; default: 8080 (0: any free port)"},
        {"host", "ADDRESS", "address to listen on; default: 127.0.0.1 (this machine only)"},
        ProjectionFlag(),
    },
    0,
    0,
    true,
    &RunServe,
};

}  // namespace claimline::tools

// What `claimline serve` answers, as plain functions of a request's path and query so they
// can be tested without a socket (cmd_serve.cc wires them to cpp-httplib).
//
//   GET /                         search page: ?q=NAME finds entities by any alias
//   GET /entity/NAME              the timeline page (render_html.h) of the entity NAME reaches
//   GET /api/timeline?entity=…    the JSON of `claimline timeline --format json`
//   GET /api/claims?entity=…      … of `claims` (&kind=K)
//   GET /api/history?entity=…&kind=K   … of `history`
//   GET /api/conflicts            … of `conflicts` (&entity=…, &kind=K)
//   GET /api/search?q=…           the entities a name finds (format in docs/page.md)
//
// Every query also takes as_of (YYYY-MM-DD or #SEQ) and projection, and timeline and
// /entity take from, to and kind, with the meaning of the commands' flags.
//
// Following the log: each request opens the database read-only (no writer lock, so a
// `claimline append` in another process is never refused because of the server) and
// reads the projection as it is on disk. When the projection is behind the log (an
// append that did not catch the projections up), the request briefly opens the database
// as the writer to catch up first; when another process holds the writer lock it serves
// what is there, with a notice. Requests are serialized (one database open at a time).
#ifndef CLAIMLINE_TOOLS_SERVE_HANDLERS_H_
#define CLAIMLINE_TOOLS_SERVE_HANDLERS_H_

#include <map>
#include <mutex>
#include <string>

#include "absl/status/statusor.h"
#include "tools/query_common.h"

namespace claimline::tools {

struct HttpReply {
  int status = 200;
  std::string content_type;  // with charset
  std::string body;
  std::string location;  // set for a redirect (status 302)
};

// A request's query parameters (the last value of each).
using QueryParams = std::map<std::string, std::string>;

class ServeHandlers {
 public:
  // `db_path`: the database directory; `projection`: the namespace or rules name to read
  // ("" = the active one), unless a request names another.
  ServeHandlers(std::string db_path, std::string projection);

  // Home: GET /. With q: the entities it finds (a redirect to the entity's page when the
  // name reaches exactly one); without: the most mentioned entities and every conflict.
  HttpReply Home(const QueryParams& params);
  // EntityPage: GET /entity/NAME (NAME already URL-decoded).
  HttpReply EntityPage(const std::string& name, const QueryParams& params);
  // Api: GET /api/WHAT with WHAT one of timeline, claims, history, conflicts, search;
  // 404 for anything else. Errors are JSON too: {"error": "…"} with 400 (bad parameter),
  // 404 (unknown entity), 503 (projection being built) or 500.
  HttpReply Api(const std::string& what, const QueryParams& params);
  // NotFoundPage: the page for any other path.
  static HttpReply NotFoundPage(const std::string& path);

 private:
  struct Opened {
    QueryContext ctx;
    std::string notice;  // for the page: e.g. the projection is behind
  };
  // Open: the database read-only and the projection (params' `projection`, else the
  // server's), caught up with the log when possible. REQUIRES: mu_ held.
  absl::StatusOr<Opened> Open(const QueryParams& params);

  std::string db_path_;
  std::string projection_;
  std::mutex mu_;
};

}  // namespace claimline::tools

#endif  // CLAIMLINE_TOOLS_SERVE_HANDLERS_H_

#include "tools/serve_handlers.h"

#include <algorithm>
#include <set>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "base/status_macros.h"
#include "extract/claim_json.h"
#include "projections/names.h"
#include "projections/namespaces.h"
#include "projections/rules.h"
#include "projections/runner.h"
#include "tools/open_database.h"
#include "tools/render_html.h"
#include "tools/render_json.h"
#include "tools/serve_pages.h"

namespace claimline::tools {
namespace {

using extract::JsonString;

constexpr char kHtml[] = "text/html; charset=utf-8";
constexpr char kJson[] = "application/json; charset=utf-8";
constexpr size_t kMaxHits = 30;
constexpr size_t kMaxListed = 60;  // entities on the search page without a query

std::string Get(const QueryParams& params, const std::string& name) {
  auto it = params.find(name);
  return it == params.end() ? "" : it->second;
}

// AsFlags: the request's parameters as the flags of a query command, so the commands'
// own parsing (ParseAsOf, ParseDateBound) applies unchanged.
Invocation AsFlags(const QueryParams& params) {
  Invocation inv;
  for (const auto& [param, flag] :
       std::vector<std::pair<std::string, std::string>>{{"as_of", "as-of"},
                                                        {"as-of", "as-of"},
                                                        {"from", "from"},
                                                        {"to", "to"},
                                                        {"kind", "kind"}}) {
    auto it = params.find(param);
    if (it != params.end() && !it->second.empty()) inv.flags[flag] = {it->second};
  }
  return inv;
}

int HttpStatus(const absl::Status& status) {
  switch (status.code()) {
    case absl::StatusCode::kInvalidArgument:
      return 400;
    case absl::StatusCode::kNotFound:
      return 404;
    case absl::StatusCode::kFailedPrecondition:
    case absl::StatusCode::kUnavailable:
      return 503;
    default:
      return 500;
  }
}

HttpReply Json(std::string body, int status = 200) {
  return HttpReply{status, kJson, std::move(body), ""};
}

HttpReply JsonError(const absl::Status& status) {
  return Json(absl::StrCat("{\"error\": ", JsonString(status.message()), "}\n"),
              HttpStatus(status));
}

HttpReply HtmlError(const absl::Status& status) {
  const int code = HttpStatus(status);
  return HttpReply{code, kHtml,
                   ErrorHtml(code == 404   ? "Not found"
                             : code == 400 ? "Bad request"
                                           : "Unavailable",
                             status.message()),
                   ""};
}

absl::StatusOr<std::string> RequiredEntity(const QueryParams& params,
                                           const projections::ProjectionReader& reader,
                                           absl::string_view endpoint) {
  const std::string name = Get(params, "entity");
  if (name.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat("the entity parameter is required: /api/", endpoint, "?entity=NAME"));
  }
  return ResolveEntity(reader, name);
}

// Search: the entities `query` finds, best first: the names the projection's articles
// used for them, the gazetteer (ResolveEntity, as the commands resolve names), then any
// name that contains the query. Without a query, every entity, most mentioned first.
struct SearchResult {
  std::vector<EntityHit> hits;
  std::string message;
  size_t exact = 0;  // hits the name itself reached (first in `hits`); the rest contain it
};

absl::StatusOr<SearchResult> Search(const projections::ProjectionReader& reader,
                                    absl::string_view query) {
  SearchResult result;
  std::vector<std::string> ids;
  std::set<std::string> seen_ids;
  auto add = [&](const std::string& id) {
    if (seen_ids.insert(id).second) ids.push_back(id);
  };
  size_t exact_ids = 0;
  ASSIGN_OR_RETURN(auto aliases, reader.Aliases());
  const std::string folded = projections::FoldName(query);
  if (folded.empty()) {
    for (const auto& [alias, entity] : aliases) add(entity);
  } else {
    ASSIGN_OR_RETURN(std::vector<projections::NameHit> named, reader.LookupName(query));
    for (const projections::NameHit& h : named) add(h.entity);
    absl::StatusOr<std::string> resolved = ResolveEntity(reader, query);
    if (resolved.ok()) {
      add(*resolved);
    } else if (absl::IsNotFound(resolved.status())) {
      result.message = std::string(resolved.status().message());
    } else {
      return resolved.status();
    }
    exact_ids = ids.size();
    std::vector<std::string> partial;
    for (const auto& [alias, entity] : aliases) {
      if (absl::StrContains(alias, folded)) partial.push_back(entity);
    }
    for (const std::string& id : partial) add(id);
  }
  // The names first (point reads), then the timelines of the hits that are kept only, so a
  // short query over a large alias index stays cheap.
  size_t exact = 0;  // hits the name itself reached (they come first in `ids`)
  for (size_t i = 0; i < ids.size(); ++i) {
    const std::string& id = ids[i];
    EntityHit hit;
    hit.entity = id;
    ASSIGN_OR_RETURN(std::optional<v1::EntityInfo> info, reader.Entity(id));
    if (!info.has_value()) {
      ASSIGN_OR_RETURN(bool has, reader.HasEntity(id));
      if (!has) continue;  // a gazetteer entity these articles never mention
    } else {
      hit.mentions = info->mentions();
      hit.name = DisplayName(reader, id);
      std::set<std::string> seen = {projections::FoldName(hit.name)};
      for (const v1::NameCount& n : info->names()) {
        if (seen.insert(projections::FoldName(n.name())).second) hit.names.push_back(n.name());
        if (hit.names.size() == 6) break;
      }
    }
    if (hit.name.empty()) hit.name = DisplayName(reader, id);
    if (i < exact_ids) ++exact;
    result.hits.push_back(std::move(hit));
  }
  // What the name itself reached keeps its place at the top; the rest go by mentions.
  result.exact = exact;
  std::stable_sort(result.hits.begin() + exact, result.hits.end(),
                   [](const EntityHit& a, const EntityHit& b) { return a.mentions > b.mentions; });
  const size_t limit = folded.empty() ? kMaxListed : kMaxHits;
  if (result.hits.size() > limit) result.hits.resize(limit);
  for (EntityHit& hit : result.hits) {
    ASSIGN_OR_RETURN(std::vector<v1::ClusterSummary> entries,
                     reader.Timeline(hit.entity, projections::TimelineQuery()));
    hit.entries = entries.size();
    for (const auto& e : entries) hit.conflicts += e.conflict() ? 1 : 0;
  }
  if (!result.hits.empty()) result.message.clear();
  if (result.hits.empty() && result.message.empty() && !folded.empty()) {
    result.message = absl::StrCat("no entity \"", query, "\"");
  }
  return result;
}

std::string SearchJson(const projections::ProjectionReader& reader, absl::string_view query,
                       const SearchResult& result) {
  std::vector<std::string> items;
  for (const EntityHit& h : result.hits) {
    std::vector<std::string> names;
    for (const std::string& n : h.names) names.push_back(JsonString(n));
    items.push_back(
        absl::StrCat("{\"entity\": ", JsonString(h.entity), ", \"name\": ", JsonString(h.name),
                     ", \"names\": [", absl::StrJoin(names, ", "), "], \"mentions\": ", h.mentions,
                     ", \"entry_count\": ", h.entries, ", \"conflict_count\": ", h.conflicts, "}"));
  }
  return absl::StrCat(
      "{\"projection\": ", JsonString(reader.ns()), ", \"query\": ", JsonString(query),
      ", \"results\": [", items.empty() ? "" : "\n  ", absl::StrJoin(items, ",\n  "),
      items.empty() ? "" : "\n",
      "], \"message\": ", result.message.empty() ? "null" : JsonString(result.message), "}\n");
}

}  // namespace

ServeHandlers::ServeHandlers(std::string db_path, std::string projection)
    : db_path_(std::move(db_path)), projection_(std::move(projection)) {}

absl::StatusOr<ServeHandlers::Opened> ServeHandlers::Open(const QueryParams& params) {
  Invocation inv;
  inv.db_path = db_path_;
  std::string name = Get(params, "projection");
  if (name.empty()) name = projection_;
  Opened opened;
  for (int attempt = 0;; ++attempt) {
    ASSIGN_OR_RETURN(opened.ctx.db, OpenDatabase(inv, DbAccess::kRead));
    ASSIGN_OR_RETURN(std::string ns, projections::ResolveNamespace(*opened.ctx.db, name));
    absl::StatusOr<projections::ProjectionReader> reader =
        projections::ProjectionReader::Open(*opened.ctx.db, ns);
    const bool missing = absl::IsNotFound(reader.status()) && ns == projections::kDefaultNamespace;
    if (!missing && !reader.ok()) return reader.status();
    const bool behind = reader.ok() && reader->behind() > 0;
    if ((!missing && !behind) || attempt > 0) {
      if (missing) {
        return absl::FailedPreconditionError(
            "the projections have not been built yet and another claimline process is "
            "writing; reload when it is done");
      }
      if (behind) {
        opened.notice = absl::StrCat(reader->behind(),
                                     " newer event(s) are not in this projection yet: another "
                                     "claimline process is writing; reload in a moment");
      }
      opened.ctx.reader.emplace(*std::move(reader));
      return opened;
    }
    // Behind the log: catch up as the writer, unless someone else is writing right now.
    opened.ctx.db.reset();
    absl::StatusOr<std::unique_ptr<store::Database>> writer = OpenDatabase(inv, DbAccess::kWrite);
    if (writer.ok()) {
      RETURN_IF_ERROR(projections::CatchUp(**writer));
    } else if (!absl::IsFailedPrecondition(writer.status()) ||
               !absl::StrContains(writer.status().message(), "locked")) {
      return writer.status();
    }
  }
}

HttpReply ServeHandlers::Home(const QueryParams& params) {
  std::lock_guard<std::mutex> lock(mu_);
  absl::StatusOr<Opened> opened = Open(params);
  if (!opened.ok()) return HtmlError(opened.status());
  const projections::ProjectionReader& reader = *opened->ctx.reader;
  const std::string query = Get(params, "q");
  absl::StatusOr<SearchResult> result = Search(reader, query);
  if (!result.ok()) return HtmlError(result.status());
  if (!query.empty() && result->exact == 1) {
    return HttpReply{302, kHtml, "", "/entity/" + UrlPathSegment(result->hits.front().entity)};
  }
  std::vector<v1::ClusterSummary> conflicts;
  if (query.empty()) {
    absl::StatusOr<std::vector<v1::ClusterSummary>> found = reader.Conflicts({});
    if (!found.ok()) return HtmlError(found.status());
    conflicts = *std::move(found);
  }
  return HttpReply{
      200, kHtml,
      SearchHtml(query, result->hits, result->message, conflicts, reader, opened->notice), ""};
}

HttpReply ServeHandlers::EntityPage(const std::string& name, const QueryParams& params) {
  std::lock_guard<std::mutex> lock(mu_);
  absl::StatusOr<Opened> opened = Open(params);
  if (!opened.ok()) return HtmlError(opened.status());
  const QueryContext& ctx = opened->ctx;
  const projections::ProjectionReader& reader = *ctx.reader;
  absl::StatusOr<std::string> entity = ResolveEntity(reader, name);
  if (!entity.ok()) return HtmlError(entity.status());
  Invocation flags = AsFlags(params);
  projections::TimelineQuery q;
  absl::StatusOr<projections::AsOf> as_of = ParseAsOf(flags);
  if (!as_of.ok()) return HtmlError(as_of.status());
  q.as_of = *as_of;
  absl::StatusOr<std::string> from = ParseDateBound(flags, "from", /*end=*/false);
  absl::StatusOr<std::string> to = ParseDateBound(flags, "to", /*end=*/true);
  if (!from.ok()) return HtmlError(from.status());
  if (!to.ok()) return HtmlError(to.status());
  q.from = *from;
  q.to = *to;
  q.kind = Get(params, "kind");
  absl::StatusOr<std::vector<v1::ClusterSummary>> entries = reader.Timeline(*entity, q);
  if (!entries.ok()) return HtmlError(entries.status());
  HtmlOptions options;
  options.served = true;
  options.notice = opened->notice;
  absl::StatusOr<std::string> html = TimelineHtml(ctx, *entity, q.as_of, *entries, options);
  if (!html.ok()) return HtmlError(html.status());
  return HttpReply{200, kHtml, *std::move(html), ""};
}

HttpReply ServeHandlers::Api(const std::string& what, const QueryParams& params) {
  if (what != "timeline" && what != "claims" && what != "history" && what != "conflicts" &&
      what != "search") {
    return JsonError(absl::NotFoundError(absl::StrCat(
        "no API /api/", what, " (there are timeline, claims, history, conflicts, search)")));
  }
  std::lock_guard<std::mutex> lock(mu_);
  absl::StatusOr<Opened> opened = Open(params);
  if (!opened.ok()) return JsonError(opened.status());
  const QueryContext& ctx = opened->ctx;
  const projections::ProjectionReader& reader = *ctx.reader;
  Invocation flags = AsFlags(params);
  // The same steps as the commands of the same name (cmd_<what>.cc), with their renderers.
  auto run = [&]() -> absl::StatusOr<std::string> {
    ASSIGN_OR_RETURN(projections::AsOf as_of, ParseAsOf(flags));
    if (what == "search") {
      ASSIGN_OR_RETURN(SearchResult result, Search(reader, Get(params, "q")));
      return SearchJson(reader, Get(params, "q"), result);
    }
    if (what == "conflicts") {
      projections::ConflictQuery q;
      q.as_of = as_of;
      q.kind = Get(params, "kind");
      if (!Get(params, "entity").empty()) {
        ASSIGN_OR_RETURN(q.entity, ResolveEntity(reader, Get(params, "entity")));
      }
      ASSIGN_OR_RETURN(std::vector<v1::ClusterSummary> found, reader.Conflicts(q));
      ASSIGN_OR_RETURN(std::vector<ClusterDetail> details,
                       LoadDetails(ctx, std::move(found), as_of, /*evidence=*/true));
      return ConflictsJson(reader, as_of, details);
    }
    ASSIGN_OR_RETURN(std::string entity, RequiredEntity(params, reader, what));
    projections::TimelineQuery q;
    q.as_of = as_of;
    q.kind = Get(params, "kind");
    if (what == "timeline") {
      ASSIGN_OR_RETURN(q.from, ParseDateBound(flags, "from", /*end=*/false));
      ASSIGN_OR_RETURN(q.to, ParseDateBound(flags, "to", /*end=*/true));
      ASSIGN_OR_RETURN(std::vector<v1::ClusterSummary> entries, reader.Timeline(entity, q));
      return TimelineJson(reader, entity, as_of, entries);
    }
    if (what == "history" && q.kind.empty()) {
      return absl::InvalidArgumentError(
          "the kind parameter is required: /api/history?entity=NAME&kind=KIND");
    }
    q.all = true;  // as `claims` and `history`: also clusters below min_attestations
    ASSIGN_OR_RETURN(std::vector<v1::ClusterSummary> clusters, reader.Timeline(entity, q));
    const bool history = what == "history";
    ASSIGN_OR_RETURN(std::vector<ClusterDetail> details,
                     LoadDetails(ctx, std::move(clusters), as_of, /*evidence=*/!history));
    return ClustersJson(reader, entity, as_of, details, /*by_publication=*/history);
  };
  absl::StatusOr<std::string> body = run();
  if (!body.ok()) return JsonError(body.status());
  return Json(*std::move(body));
}

HttpReply ServeHandlers::NotFoundPage(const std::string& path) {
  return HttpReply{404, kHtml,
                   ErrorHtml("Not found", absl::StrCat("nothing at ", path,
                                                       ": try the search, /entity/NAME or /api/…")),
                   ""};
}

}  // namespace claimline::tools

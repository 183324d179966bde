#include "tools/serve_pages.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "tools/command.h"
#include "tools/query_common.h"
#include "tools/render_html.h"

namespace claimline::tools {
namespace {

std::string Attr(absl::string_view name, absl::string_view value) {
  return absl::StrCat(" ", name, "=\"", HtmlEscape(value), "\"");
}

std::string LangAttr(absl::string_view tag) { return tag.empty() ? "" : Attr("lang", tag); }

std::string Plural(size_t n, absl::string_view one, absl::string_view many) {
  return absl::StrCat(n, " ", n == 1 ? one : many);
}

}  // namespace

std::string SearchHtml(absl::string_view query, const std::vector<EntityHit>& hits,
                       absl::string_view message, const std::vector<v1::ClusterSummary>& conflicts,
                       const projections::ProjectionReader& reader, absl::string_view notice) {
  std::string body = "<header class=\"top\"><div class=\"wrap\">\n";
  absl::StrAppend(&body, "<p class=\"eyebrow\"><a href=\"/\">claimline</a> · search</p>\n");
  absl::StrAppend(&body, "<h1>Find an entity</h1>\n", SearchFormHtml(query));
  if (!notice.empty()) {
    absl::StrAppend(&body, "<p class=\"notice\" role=\"status\">", HtmlEscape(notice), "</p>\n");
  }
  absl::StrAppend(&body, "</div></header>\n<main class=\"wrap\">\n");
  absl::StrAppend(&body, "<h2 class=\"section\">",
                  query.empty() ? "Entities, most mentioned first"
                                : absl::StrCat("Entities named “", HtmlEscape(query), "”"),
                  "</h2>\n");
  if (!message.empty()) absl::StrAppend(&body, "<p class=\"none\">", HtmlEscape(message), "</p>\n");
  if (!hits.empty()) {
    absl::StrAppend(&body, "<ul class=\"hits\" data-hits",
                    Attr("data-count", absl::StrCat(hits.size())), ">\n");
    for (const EntityHit& h : hits) {
      std::vector<std::string> names;
      for (const std::string& n : h.names) {
        names.push_back(
            absl::StrCat("<span", LangAttr(ScriptLanguage(n)), ">", HtmlEscape(n), "</span>"));
      }
      absl::StrAppend(&body, "<li class=\"hit\"", Attr("data-entity", h.entity), "><a",
                      Attr("href", "/entity/" + UrlPathSegment(h.entity)), "><span",
                      LangAttr(ScriptLanguage(h.name)), ">", HtmlEscape(h.name),
                      "</span></a> <span class=\"pub\">", HtmlEscape(h.entity), "</span><p>",
                      Plural(h.entries, "entry", "entries"));
      if (h.conflicts > 0) {
        absl::StrAppend(&body, " · <span class=\"badge conflict\">",
                        Plural(h.conflicts, "conflict", "conflicts"), "</span>");
      }
      absl::StrAppend(&body, " · ", Plural(h.mentions, "mention", "mentions"));
      if (!names.empty()) absl::StrAppend(&body, " · also ", absl::StrJoin(names, ", "));
      absl::StrAppend(&body, "</p></li>\n");
    }
    absl::StrAppend(&body, "</ul>\n");
  }
  if (!conflicts.empty()) {
    absl::StrAppend(&body,
                    "<h2 class=\"section\">Where sources disagree</h2>\n<ul class=\"hits\">\n");
    for (const v1::ClusterSummary& s : conflicts) {
      absl::StrAppend(
          &body, "<li class=\"hit\" data-conflict=\"true\"><a",
          Attr("href", absl::StrCat("/entity/", UrlPathSegment(s.subject()), "#entry-", s.id())),
          ">", HtmlEscape(DisplayName(reader, s.subject())), " · ",
          HtmlEscape(RenderKind(s.kind())), "</a> <span class=\"pub\">",
          HtmlEscape(RenderClusterWhen(s)), "</span><p>", HtmlEscape(FiguresInBrief(s)),
          "</p></li>\n");
    }
    absl::StrAppend(&body, "</ul>\n");
  }
  absl::StrAppend(&body, "</main>\n<footer class=\"wrap\">", HtmlEscape(VersionString()),
                  " · projection ", HtmlEscape(reader.ns()),
                  " · JSON: <a href=\"/api/search?q=", UrlPathSegment(query),
                  "\">/api/search</a>, <a href=\"/api/conflicts\">/api/conflicts</a>"
                  "</footer>\n");
  return HtmlDocument(query.empty() ? "claimline" : absl::StrCat(query, " · claimline"), body);
}

std::string ErrorHtml(absl::string_view title, absl::string_view message) {
  std::string body = "<header class=\"top\"><div class=\"wrap\">\n";
  absl::StrAppend(&body, "<p class=\"eyebrow\"><a href=\"/\">claimline</a></p>\n",
                  SearchFormHtml(""), "<h1>", HtmlEscape(title), "</h1>\n",
                  "<p class=\"notice\" role=\"alert\">", HtmlEscape(message), "</p>\n",
                  "</div></header>\n");
  return HtmlDocument(absl::StrCat(title, " · claimline"), body);
}

}  // namespace claimline::tools

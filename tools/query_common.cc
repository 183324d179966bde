#include "tools/query_common.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <memory>
#include <system_error>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "base/civil_date.h"
#include "base/status_macros.h"
#include "projections/cluster_summary.h"
#include "projections/names.h"
#include "projections/namespaces.h"
#include "projections/runner.h"
#include "projections/time_buckets.h"
#include "tools/open_database.h"

#ifdef CLAIMLINE_HAVE_EXTRACTOR
#include "extract/gazetteer.h"
#include "extract/lexicon_loader.h"
#include "tools/entity_link.h"
#endif

namespace claimline::tools {
namespace {

constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

size_t EditDistance(absl::string_view a, absl::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

std::optional<absl::CivilDay> Day(absl::string_view iso) {
  absl::StatusOr<absl::CivilDay> d = ParseIsoDate(iso);
  if (!d.ok()) return std::nullopt;
  return *d;
}

std::string MonthYear(absl::CivilDay d) {
  return absl::StrCat(kMonths[d.month() - 1], " ", d.year());
}

// Compact: 3 significant digits, no exponent, no trailing zeros: 16.9, 600, 1.25.
std::string Compact(double v) {
  std::string s = absl::StrFormat("%.3g", v);
  if (absl::StrContains(s, "e")) s = absl::StrFormat("%.0f", v);
  return s;
}

}  // namespace

FlagSpec ProjectionFlag() {
  return {"projection", "NAME",
          "the projection to read (a namespace, or its rules name); default: the active one"};
}

FlagSpec AsOfFlag() {
  return {"as-of", "DATE|#SEQ",
          "only articles published by DATE (YYYY-MM-DD), or recorded up to event #SEQ"};
}

absl::StatusOr<QueryContext> OpenDatabaseForQuery(const Invocation& inv) {
  QueryContext ctx;
  std::error_code ec;
  if (!std::filesystem::exists(inv.db_path, ec)) {
    return OpenDatabase(inv, DbAccess::kRead).status();  // the usual "no database" message
  }
  absl::StatusOr<std::unique_ptr<store::Database>> db = OpenDatabase(inv, DbAccess::kWrite);
  if (db.ok()) {
    ctx.db = *std::move(db);
    ctx.writable = true;
    RETURN_IF_ERROR(projections::CatchUp(*ctx.db));
    return ctx;
  }
  if (!absl::IsFailedPrecondition(db.status()) ||
      !absl::StrContains(db.status().message(), "locked")) {
    return db.status();
  }
  // Another claimline process is appending: read what the projections hold now.
  ASSIGN_OR_RETURN(ctx.db, OpenDatabase(inv, DbAccess::kRead));
  return ctx;
}

absl::StatusOr<QueryContext> OpenProjection(const Invocation& inv) {
  ASSIGN_OR_RETURN(QueryContext ctx, OpenDatabaseForQuery(inv));
  ASSIGN_OR_RETURN(std::string ns, projections::ResolveNamespace(*ctx.db, inv.Get("projection")));
  absl::StatusOr<projections::ProjectionReader> reader =
      projections::ProjectionReader::Open(*ctx.db, ns);
  if (absl::IsNotFound(reader.status()) && ns == projections::kDefaultNamespace) {
    return absl::FailedPreconditionError(
        "the projections have not been built yet: run this command again when no other "
        "claimline process is writing to the database");
  }
  if (!reader.ok()) return reader.status();
  ctx.reader.emplace(*std::move(reader));
  if (ctx.reader->behind() > 0) {
    *inv.err << "note: projection " << ns << " is " << ctx.reader->behind()
             << " event(s) behind the log (another process is appending)\n";
  }
  return ctx;
}

absl::StatusOr<projections::AsOf> ParseAsOf(const Invocation& inv) {
  projections::AsOf as_of;
  if (!inv.Has("as-of")) return as_of;
  const std::string v = inv.Get("as-of");
  if (!v.empty() && v[0] == '#') {
    uint64_t seq = 0;
    if (!absl::SimpleAtoi(v.substr(1), &seq) || seq == 0) {
      return absl::InvalidArgumentError(
          absl::StrCat("--as-of: \"", v, "\" is not an event number (#1, #2, …)"));
    }
    as_of.sequence = seq;
    return as_of;
  }
  absl::StatusOr<absl::CivilDay> day = ParseIsoDate(v);
  if (!day.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat("--as-of: \"", v, "\" is neither a date (YYYY-MM-DD) nor #SEQ"));
  }
  as_of.published = FormatIsoDate(*day);
  return as_of;
}

absl::StatusOr<std::string> ParseFormat(const Invocation& inv,
                                        const std::vector<std::string>& allowed) {
  const std::string format = inv.Get("format", allowed.front());
  if (std::find(allowed.begin(), allowed.end(), format) == allowed.end()) {
    return absl::InvalidArgumentError(
        absl::StrCat("--format: \"", format, "\" is not one of ", absl::StrJoin(allowed, ", ")));
  }
  return format;
}

absl::StatusOr<std::string> ParseDateBound(const Invocation& inv, const std::string& flag,
                                           bool end) {
  if (!inv.Has(flag)) return std::string();
  const std::string v = inv.Get(flag);
  int year = 0, month = 0;
  if (v.size() == 4 && absl::SimpleAtoi(v, &year) && year >= 1) {
    return FormatIsoDate(end ? absl::CivilDay(year, 12, 31) : absl::CivilDay(year, 1, 1));
  }
  if (v.size() == 7 && v[4] == '-' && absl::SimpleAtoi(v.substr(0, 4), &year) &&
      absl::SimpleAtoi(v.substr(5), &month) && year >= 1 && month >= 1 && month <= 12) {
    const absl::CivilDay first(year, month, 1);
    return FormatIsoDate(end ? LastDayOfMonth(first) : first);
  }
  absl::StatusOr<absl::CivilDay> day = ParseIsoDate(v);
  if (!day.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat("--", flag, ": \"", v, "\" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"));
  }
  return FormatIsoDate(*day);
}

absl::StatusOr<std::string> ResolveEntity(const projections::ProjectionReader& reader,
                                          absl::string_view name) {
  ASSIGN_OR_RETURN(std::vector<projections::NameHit> hits, reader.LookupName(name));
  if (!hits.empty()) return hits.front().entity;
  std::vector<std::string> suggestions;
#ifdef CLAIMLINE_HAVE_EXTRACTOR
  if (const extract::Gazetteer* g = CompiledGazetteer(); g != nullptr) {
    std::vector<std::string> ids = g->Resolve(name);
    for (const std::string& id : ids) {
      const std::string merged = reader.rules().Merge(id);
      ASSIGN_OR_RETURN(bool has, reader.HasEntity(merged));
      if (has) return merged;
    }
    if (!ids.empty()) return reader.rules().Merge(ids.front());
    for (const std::string& id : g->Suggest(name, 5)) {
      suggestions.push_back(reader.rules().Merge(id));
    }
  }
#endif
  const std::string as_id = projections::SanitizeId(projections::FoldName(name));
  if (!as_id.empty()) {
    ASSIGN_OR_RETURN(bool has, reader.HasEntity(as_id));
    if (has) return as_id;
  }
  // Names the projection has seen that are close to the one typed.
  const std::string folded = projections::FoldName(name);
  ASSIGN_OR_RETURN(auto aliases, reader.Aliases());
  std::vector<std::pair<size_t, std::string>> near;
  const size_t limit = std::max<size_t>(2, folded.size() / 3);
  for (const auto& [alias, entity] : aliases) {
    const size_t d = EditDistance(folded, alias);
    if (d <= limit) near.emplace_back(d, entity);
  }
  std::sort(near.begin(), near.end());
  for (const auto& [d, entity] : near) suggestions.push_back(entity);
  std::vector<std::string> unique;
  for (const std::string& s : suggestions) {
    if (std::find(unique.begin(), unique.end(), s) == unique.end()) unique.push_back(s);
    if (unique.size() == 5) break;
  }
  std::string message = absl::StrCat("no entity \"", name, "\"");
  if (!unique.empty()) absl::StrAppend(&message, "; did you mean: ", absl::StrJoin(unique, ", "));
  return absl::NotFoundError(message);
}

absl::StatusOr<std::vector<ClusterDetail>> LoadDetails(const QueryContext& ctx,
                                                       std::vector<v1::ClusterSummary> clusters,
                                                       const projections::AsOf& as_of,
                                                       bool evidence) {
  std::vector<ClusterDetail> out;
  out.reserve(clusters.size());
  std::map<uint64_t, std::string> texts;  // an article is read once
  for (v1::ClusterSummary& s : clusters) {
    ClusterDetail d;
    ASSIGN_OR_RETURN(d.attestations, ctx.reader->Attestations(s.id(), as_of));
    d.summary = std::move(s);
    d.evidence.resize(d.attestations.size());
    if (evidence) {
      for (size_t i = 0; i < d.attestations.size(); ++i) {
        const v1::Attestation& a = d.attestations[i];
        const v1::Span& span = a.claim().evidence();
        if (span.end() <= span.begin()) continue;
        auto it = texts.find(a.article_sequence());
        if (it == texts.end()) {
          absl::StatusOr<std::string> text = ctx.db->log().GetText(a.article_sequence());
          it = texts.emplace(a.article_sequence(), text.ok() ? *std::move(text) : "").first;
        }
        if (span.end() > it->second.size()) continue;
        d.evidence[i] = it->second.substr(span.begin(), span.end() - span.begin());
      }
    }
    out.push_back(std::move(d));
  }
  return out;
}

int ReportNothing(const Invocation& inv, absl::string_view message) {
  *inv.err << "claimline " << inv.command->name << ": " << message << "\n";
  return kExitNothing;
}

std::string DisplayName(const projections::ProjectionReader& reader, absl::string_view entity) {
#ifdef CLAIMLINE_HAVE_EXTRACTOR
  if (const extract::Gazetteer* g = CompiledGazetteer(); g != nullptr) {
    if (const v1::Entity* e = g->Find(entity); e != nullptr && e->name_size() > 0) {
      return e->name(0).text();
    }
  }
#endif
  absl::StatusOr<std::optional<v1::EntityInfo>> info = reader.Entity(entity);
  if (info.ok() && info->has_value() && (*info)->names_size() > 0) {
    return (*info)->names(0).name();
  }
  return std::string(entity);
}

std::string RenderWhen(absl::string_view from, absl::string_view to, v1::Granularity g) {
  std::optional<absl::CivilDay> f = Day(from);
  if (!f) return "undated";
  std::optional<absl::CivilDay> t = Day(to);
  if (!t) t = f;
  switch (g) {
    case v1::GRANULARITY_DAY:
      return absl::StrCat(f->day(), " ", kMonths[f->month() - 1], " ", f->year());
    case v1::GRANULARITY_WEEK:
      return absl::StrCat("week of ", f->day(), " ", kMonths[f->month() - 1], " ", f->year());
    case v1::GRANULARITY_MONTH:
      return MonthYear(*f);
    case v1::GRANULARITY_QUARTER:
      return absl::StrCat("Q", (f->month() - 1) / 3 + 1, " ", f->year());
    case v1::GRANULARITY_YEAR:
      return absl::StrCat(f->year());
    default:
      if (f->year() == t->year() && f->month() == t->month()) return "~ " + MonthYear(*f);
      if (f->year() == t->year()) {
        return absl::StrCat("~ ", kMonths[f->month() - 1], "–", MonthYear(*t));
      }
      return absl::StrCat("~ ", MonthYear(*f), "–", MonthYear(*t));
  }
}

std::string RenderClusterWhen(const v1::ClusterSummary& s) {
  if (const v1::WhenStat* w = projections::DisplayWhen(s); w != nullptr) {
    return RenderWhen(w->from(), w->to(), w->granularity());
  }
  std::optional<absl::CivilDay> start = Day(s.bucket_start());
  if (!start) return "undated";
  const absl::CivilDay end = projections::BucketEnd(*start, s.bucket());
  v1::Granularity g = v1::GRANULARITY_MONTH;
  switch (s.bucket()) {
    case v1::ProjectionRules::DAY:
      g = v1::GRANULARITY_DAY;
      break;
    case v1::ProjectionRules::WEEK:
      g = v1::GRANULARITY_WEEK;
      break;
    case v1::ProjectionRules::QUARTER:
      g = v1::GRANULARITY_QUARTER;
      break;
    case v1::ProjectionRules::YEAR:
      g = v1::GRANULARITY_YEAR;
      break;
    default:
      break;
  }
  const std::string when = RenderWhen(FormatIsoDate(*start), FormatIsoDate(end), g);
  return s.floating() ? "~ " + when : when;
}

std::string RenderAmount(double v, absl::string_view unit) {
  if (unit == "percent") return Compact(v) + "%";
  static constexpr std::pair<double, const char*> kScales[] = {
      {1e12, "T"}, {1e9, "B"}, {1e6, "M"}, {1e3, "K"}};
  std::string number = Compact(v);
  for (const auto& [scale, suffix] : kScales) {
    if (std::fabs(v) >= scale) {
      number = Compact(v / scale) + suffix;
      break;
    }
  }
  if (unit == "USD") return "$" + number;
  if (unit == "EUR") return "€" + number;
  if (unit == "GBP") return "£" + number;
  if (unit.empty() || unit == "count") return number;
  return absl::StrCat(number, " ", unit);
}

std::string RenderFigure(v1::Direction direction, const v1::Quantity& q) {
  std::string arrow = direction == v1::DIRECTION_DOWN ? "↓ "
                      : direction == v1::DIRECTION_UP ? "↑ "
                                                      : "";
  if (!q.has_low() && !q.has_high()) return std::string(absl::StripTrailingAsciiWhitespace(arrow));
  std::string body;
  if (q.has_low() && q.has_high()) {
    body = q.low() == q.high() ? RenderAmount(q.low(), q.unit())
                               : absl::StrCat(RenderAmount(q.low(), q.unit()), "–",
                                              RenderAmount(q.high(), q.unit()));
  } else if (q.has_low()) {
    body = "> " + RenderAmount(q.low(), q.unit());
  } else {
    body = "< " + RenderAmount(q.high(), q.unit());
  }
  return arrow + (q.approx() ? "~" : "") + body;
}

std::string RenderFigureStat(const v1::FigureStat& f) {
  v1::Quantity q;
  q.set_unit(f.unit());
  if (f.has_low()) q.set_low(f.low());
  if (f.has_high()) q.set_high(f.high());
  q.set_approx(f.approx());
  return RenderFigure(f.direction(), q);
}

std::string RenderKind(absl::string_view kind) { return absl::StrReplaceAll(kind, {{"_", " "}}); }

std::string SourceTag(absl::string_view source, absl::string_view language) {
  const std::string s = source.empty() ? "(unknown source)" : std::string(source);
  return language.empty() ? s : absl::StrCat(s, " [", language, "]");
}

}  // namespace claimline::tools

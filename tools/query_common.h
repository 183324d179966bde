// What the query commands (timeline, claims, conflicts, history, projections) share:
// opening the database and the projection, the --projection / --as-of / --format /
// --from / --to flags, finding an entity by any of its names, and rendering dates,
// figures and sources for people.
#ifndef CLAIMLINE_TOOLS_QUERY_COMMON_H_
#define CLAIMLINE_TOOLS_QUERY_COMMON_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "claimline/v1/projection.pb.h"
#include "projections/reader.h"
#include "store/event_log.h"
#include "tools/command.h"

namespace claimline::tools {

// The flags every query command takes (to append to a CommandSpec's flag table).
FlagSpec ProjectionFlag();
FlagSpec AsOfFlag();

// An open database with the projection a query reads.
struct QueryContext {
  std::unique_ptr<store::Database> db;
  std::optional<projections::ProjectionReader> reader;
  bool writable = false;
};

// OpenDatabaseForQuery: opens the database as the writer and brings every projection up
// to date (projections::CatchUp); when another claimline process holds the writer lock,
// opens it read-only instead and reads the rows as they are. Never creates a database.
absl::StatusOr<QueryContext> OpenDatabaseForQuery(const Invocation& inv);

// OpenProjection: OpenDatabaseForQuery, then the projection --projection names (default:
// the active one). Writes "note: …" to inv.err when the projection is behind the log.
absl::StatusOr<QueryContext> OpenProjection(const Invocation& inv);

// ParseAsOf: --as-of DATE (YYYY-MM-DD) or --as-of #SEQ; none when absent.
absl::StatusOr<projections::AsOf> ParseAsOf(const Invocation& inv);

// ParseFormat: --format, one of `allowed` (the first is the default).
absl::StatusOr<std::string> ParseFormat(const Invocation& inv,
                                        const std::vector<std::string>& allowed);

// ParseDateBound: --from/--to: YYYY, YYYY-MM or YYYY-MM-DD; a partial date stands for its
// first day (`end` false) or its last day (`end` true). "" when the flag is absent.
absl::StatusOr<std::string> ParseDateBound(const Invocation& inv, const std::string& flag,
                                           bool end);

// ResolveEntity: the canonical entity a user-typed name denotes in the projection: any
// name the projection's articles used (alias index), then the gazetteer (any script,
// case-insensitive, transliteration keys), then the id itself. NotFound with the message
// `no entity "foo"; did you mean: nvidia, …` when nothing matches.
absl::StatusOr<std::string> ResolveEntity(const projections::ProjectionReader& reader,
                                          absl::string_view name);

// A cluster with its attestations (as of the query), for claims, conflicts, history.
struct ClusterDetail {
  v1::ClusterSummary summary;
  std::vector<v1::Attestation> attestations;  // (article, claim) order
  std::vector<std::string> evidence;          // per attestation: the evidence text, or ""
};

// LoadDetails: the attestations of each cluster (and, with `evidence`, the evidence
// span of each, read from the article texts — point reads, never a scan).
absl::StatusOr<std::vector<ClusterDetail>> LoadDetails(const QueryContext& ctx,
                                                       std::vector<v1::ClusterSummary> clusters,
                                                       const projections::AsOf& as_of,
                                                       bool evidence);

// ReportNothing: prints "claimline CMD: MESSAGE" to inv.err and returns kExitNothing.
int ReportNothing(const Invocation& inv, absl::string_view message);

// DisplayName: the entity's most used written name ("NVIDIA"), or its id.
std::string DisplayName(const projections::ProjectionReader& reader, absl::string_view entity);

// --- Rendering for people ---

// RenderWhen: a valid time at its granularity: "26 Feb 2025", "week of 17 Feb 2025",
// "Jan 2025", "Q4 2024", "2025", and for vague windows "~ Feb 2025" / "~ Jan–Feb 2025".
std::string RenderWhen(absl::string_view from, absl::string_view to, v1::Granularity g);
// RenderClusterWhen: the cluster's best date (DisplayWhen); a floating cluster without
// dates is "~ <bucket>" (reported then); "undated" when nothing dates it.
std::string RenderClusterWhen(const v1::ClusterSummary& s);
// RenderAmount: "16.9%", "$600B", "€5M", "1.2M", "650 CNY".
std::string RenderAmount(double v, absl::string_view unit);
// RenderFigure: direction arrow and interval: "↓ 16.9%", "↓ $10B–$100B", "> 20%",
// "~$5M" (approximate), "18–20%".
std::string RenderFigure(v1::Direction direction, const v1::Quantity& q);
std::string RenderFigureStat(const v1::FigureStat& f);
// RenderKind: "market_value_change" → "market value change".
std::string RenderKind(absl::string_view kind);
// SourceTag: "fortune.com [zh]".
std::string SourceTag(absl::string_view source, absl::string_view language);

}  // namespace claimline::tools

#endif  // CLAIMLINE_TOOLS_QUERY_COMMON_H_

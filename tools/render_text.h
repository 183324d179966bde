// Text output of the query commands, for people: aligned columns (by display width, so
// CJK names line up), dates at their granularity, sources with language tags, and
// conflicts with the differing figures side by side.
#ifndef CLAIMLINE_TOOLS_RENDER_TEXT_H_
#define CLAIMLINE_TOOLS_RENDER_TEXT_H_

#include <string>
#include <vector>

#include "claimline/v1/projection.pb.h"
#include "projections/diff.h"
#include "projections/namespaces.h"
#include "projections/reader.h"
#include "tools/query_common.h"

namespace claimline::tools {

// TimelineText: one row per entry; a conflict adds a row with its sides. `conflicts`
// holds the details of the entries in conflict (for their sides' sources).
std::string TimelineText(const projections::ProjectionReader& reader, const std::string& entity,
                         const std::vector<v1::ClusterSummary>& entries,
                         const std::vector<ClusterDetail>& conflicts);

// ClaimsText: each cluster with every attestation (and its evidence).
std::string ClaimsText(const projections::ProjectionReader& reader, const std::string& entity,
                       const std::vector<ClusterDetail>& clusters);

// HistoryText: each cluster's attestations in publication order, marking where the figure
// changed.
std::string HistoryText(const projections::ProjectionReader& reader, const std::string& entity,
                        const std::vector<ClusterDetail>& clusters);

// ConflictsText: each conflict with its sides and their sources.
std::string ConflictsText(const projections::ProjectionReader& reader,
                          const std::vector<ClusterDetail>& conflicts);

// SidesLine: "↓ $600B, ↓ $100B–$1T [fr, hi, it]  ≠  ↓ $10B–$100B [id]".
std::string SidesLine(const ClusterDetail& d);

// NamespacesText: the table of `projections list`.
std::string NamespacesText(const std::vector<projections::NamespaceStatus>& all);

// DiffText: `projections diff A B`.
std::string DiffText(const projections::ProjectionReader& a, const projections::ProjectionReader& b,
                     const projections::ProjectionDiff& diff);

// EntryWhat: what an entry says, seen from `entity`: "release → R1",
// "DeepSeek release → R1", with "(expected)" / "(reported)" when most attestations are.
std::string EntryWhat(const projections::ProjectionReader& reader, const std::string& entity,
                      const v1::ClusterSummary& s);

}  // namespace claimline::tools

#endif  // CLAIMLINE_TOOLS_RENDER_TEXT_H_

// JSON output of the query commands, for machines. The format is documented in
// projections/README.md ("JSON output"); field names are snake_case, dates ISO, figures
// as in CLAIMS.md (magnitudes with a direction; null bounds are unbounded).
#ifndef CLAIMLINE_TOOLS_RENDER_JSON_H_
#define CLAIMLINE_TOOLS_RENDER_JSON_H_

#include <string>
#include <vector>

#include "claimline/v1/projection.pb.h"
#include "projections/diff.h"
#include "projections/namespaces.h"
#include "projections/reader.h"
#include "tools/query_common.h"

namespace claimline::tools {

// EntryJson: one cluster summary as a JSON object (one line).
std::string EntryJson(const v1::ClusterSummary& s);
// AttestationJson: one attestation; `side` is its conflict side (0-based) or -1.
std::string AttestationJson(const v1::Attestation& a, int side, const std::string& evidence);

std::string TimelineJson(const projections::ProjectionReader& reader, const std::string& entity,
                         const projections::AsOf& as_of,
                         const std::vector<v1::ClusterSummary>& entries);
// ClustersJson: `claims` and `history` (with `by_publication`, attestations in
// publication order).
std::string ClustersJson(const projections::ProjectionReader& reader, const std::string& entity,
                         const projections::AsOf& as_of, const std::vector<ClusterDetail>& clusters,
                         bool by_publication);
std::string ConflictsJson(const projections::ProjectionReader& reader,
                          const projections::AsOf& as_of,
                          const std::vector<ClusterDetail>& conflicts);
std::string NamespacesJson(const std::vector<projections::NamespaceStatus>& all);
std::string DiffJson(const projections::ProjectionReader& a, const projections::ProjectionReader& b,
                     const projections::ProjectionDiff& diff);

}  // namespace claimline::tools

#endif  // CLAIMLINE_TOOLS_RENDER_JSON_H_

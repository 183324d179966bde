// Projection: a fold of the event log into materialized rows of one namespace.
//
// The runner (runner.h) feeds a projection the events after its checkpoint, a chunk at
// a time: Apply for each event, then Flush, then it commits every change of the chunk
// together with the new checkpoint in one StateBatch. A crash therefore loses or keeps
// a whole chunk and its checkpoint together: nothing is lost or applied twice.
//
// Contract for implementations:
//   - Apply must be a function of the committed state, the chunk's earlier changes
//     (read back through ctx.state) and the event — never of the chunk boundaries — so
//     that a replay from zero in big chunks and catch-up one event at a time build the
//     same rows byte for byte.
//   - Apply returns false for an event it does not know (a payload type newer than this
//     build); the runner counts it in ProjectionInfo.events_skipped and goes on.
//   - State may be buffered in memory during a chunk; Flush writes it into ctx.state.
#ifndef CLAIMLINE_PROJECTIONS_PROJECTION_H_
#define CLAIMLINE_PROJECTIONS_PROJECTION_H_

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "claimline/v1/event.pb.h"
#include "claimline/v1/projection.pb.h"
#include "projections/state_cache.h"
#include "store/event_log.h"

namespace claimline::projections {

// What a projection may use while applying a chunk.
struct ApplyContext {
  StateCache& state;           // the namespace, with the chunk's changes so far
  const store::EventLog& log;  // to re-read an earlier event (a correction's article)
  v1::ProjectionInfo& info;    // counters, written with the chunk
};

class Projection {
 public:
  virtual ~Projection() = default;

  // Apply: folds one event in. false: unknown event type, nothing changed.
  virtual absl::StatusOr<bool> Apply(const v1::Event& event, ApplyContext& ctx) = 0;

  // Flush: writes buffered state into ctx.state at the end of a chunk.
  virtual absl::Status Flush(ApplyContext& ctx) = 0;
};

}  // namespace claimline::projections

#endif  // CLAIMLINE_PROJECTIONS_PROJECTION_H_

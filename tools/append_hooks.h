// The hooks `claimline append` plugs into its pipeline (append_pipeline.h): how claims
// are extracted, which extractor is recorded, and what runs after appending (projection
// catch-up). One place to wire them, so `append`, `bench` and tests use the same ones.
#ifndef CLAIMLINE_TOOLS_APPEND_HOOKS_H_
#define CLAIMLINE_TOOLS_APPEND_HOOKS_H_

#include "absl/status/statusor.h"
#include "claimline/v1/event.pb.h"
#include "tools/append_pipeline.h"

namespace claimline::tools {

struct AppendHooks {
  ExtractFn extract;           // null: no claims
  v1::Extractor extractor;     // recorded in each ArticleRecorded
  AfterAppendFn after_append;  // null: nothing after appending
};

// MakeAppendHooks: the hooks of this build. Errors: the extractor's data does not load.
absl::StatusOr<AppendHooks> MakeAppendHooks();

}  // namespace claimline::tools

#endif  // CLAIMLINE_TOOLS_APPEND_HOOKS_H_

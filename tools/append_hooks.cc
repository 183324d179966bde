#include "tools/append_hooks.h"

namespace claimline::tools {

absl::StatusOr<AppendHooks> MakeAppendHooks() {
  AppendHooks hooks;
  // Until the extractor library is wired in, articles are stored with no claims.
  hooks.extractor.set_name("none");
  hooks.extractor.set_version("0");
  return hooks;
}

}  // namespace claimline::tools

#include "tools/append_hooks.h"

#include <memory>
#include <string>
#include <vector>

#include "base/civil_date.h"
#include "base/status_macros.h"

#include "projections/runner.h"

#ifdef CLAIMLINE_HAVE_EXTRACTOR
#include "extract/extractor.h"
#include "extract/lexicon_loader.h"
#endif

namespace claimline::tools {

absl::StatusOr<AppendHooks> MakeAppendHooks() {
  AppendHooks hooks;
#ifdef CLAIMLINE_HAVE_EXTRACTOR
  ASSIGN_OR_RETURN(std::unique_ptr<extract::Extractor> created, extract::Extractor::Create({}));
  std::shared_ptr<const extract::Extractor> extractor = std::move(created);
  const std::vector<std::string> languages = extractor->Languages();
  hooks.extractor = extractor->Identity();
  // Articles in a language the extractor has no claim lexicon for (after tag matching:
  // "zh-TW" → zh-Hant, "in" → id) are stored with no claims.
  hooks.extract = [extractor, languages](const v1::Article& article, absl::string_view text)
      -> absl::StatusOr<std::vector<v1::Claim>> {
    if (!extract::MatchLanguageTag(article.language(), languages).has_value()) {
      return std::vector<v1::Claim>();
    }
    ASSIGN_OR_RETURN(absl::CivilDay published, ParseIsoDate(article.published()));
    extract::ExtractRequest request;
    request.text = text;
    request.language = article.language();
    request.published = published;
    return extractor->Extract(request);
  };
#else
  // This build has no extractor: articles are stored with no claims.
  hooks.extractor.set_name("none");
  hooks.extractor.set_version("0");
#endif
  // Projections catch up after every append (bulk: after every batch), so queries and
  // `serve` only ever read, and never need the writer's lock.
  hooks.after_append = [](store::Database& db) { return projections::CatchUp(db); };
  return hooks;
}

}  // namespace claimline::tools

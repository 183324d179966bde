#include "tools/append_hooks.h"

#include <memory>
#include <string>
#include <vector>

#include "base/civil_date.h"
#include "base/status_macros.h"

#ifdef CLAIMLINE_HAVE_EXTRACTOR
#include "extract/extractor.h"
#endif

namespace claimline::tools {
namespace {

#ifdef CLAIMLINE_HAVE_EXTRACTOR
// Supported: the extractor has data for the tag itself or for its language subtag
// ("zh-Hant" → "zh"). Articles in other languages are stored with no claims.
bool Supported(const std::vector<std::string>& languages, const std::string& tag) {
  const std::string primary = tag.substr(0, tag.find('-'));
  for (const std::string& l : languages) {
    if (l == tag || l == primary) return true;
  }
  return false;
}
#endif

}  // namespace

absl::StatusOr<AppendHooks> MakeAppendHooks() {
  AppendHooks hooks;
#ifdef CLAIMLINE_HAVE_EXTRACTOR
  ASSIGN_OR_RETURN(std::unique_ptr<extract::Extractor> created, extract::Extractor::Create({}));
  std::shared_ptr<const extract::Extractor> extractor = std::move(created);
  const std::vector<std::string> languages = extractor->Languages();
  hooks.extractor = extract::Extractor::Info();
  hooks.extract = [extractor, languages](const v1::Article& article, absl::string_view text)
      -> absl::StatusOr<std::vector<v1::Claim>> {
    if (!Supported(languages, article.language())) return std::vector<v1::Claim>();
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
  return hooks;
}

}  // namespace claimline::tools

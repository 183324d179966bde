#include "tools/entity_link.h"

#include <memory>
#include <utility>

#include "absl/strings/str_cat.h"
#include "extract/gazetteer.h"
#include "extract/lexicon_loader.h"
#include "extract/normalized_text.h"

namespace claimline::tools {
namespace {

std::string NameLabel(const extract::GazetteerName& n) {
  return absl::StrCat("\"", n.text, "\"", n.lang.empty() ? "" : absl::StrCat(" [", n.lang, "]"));
}

}  // namespace

const extract::Gazetteer* CompiledGazetteer() {
  static const extract::Gazetteer* gazetteer = []() -> const extract::Gazetteer* {
    absl::StatusOr<v1::Gazetteer> data = extract::LoadGazetteer(extract::LangSource::Embedded());
    if (!data.ok()) return nullptr;
    absl::StatusOr<std::unique_ptr<extract::Gazetteer>> g =
        extract::Gazetteer::Create(*std::move(data), "entities.textproto");
    return g.ok() ? g->release() : nullptr;
  }();
  return gazetteer;
}

std::string ExplainLink(const extract::Gazetteer* gazetteer, const v1::EntityRef& ref) {
  const std::string surface = absl::StrCat("«", ref.text(), "»");
  if (ref.entity().empty()) {
    return absl::StrCat(surface, ": unknown name, not in the gazetteer (key \"", ref.key(), "\")");
  }
  const int index = gazetteer == nullptr ? -1 : gazetteer->IndexOf(ref.entity());
  if (index < 0) {
    return absl::StrCat(surface, " → ", ref.entity(), ": an id the gazetteer does not have now");
  }
  const v1::Entity& entity = gazetteer->entities()[static_cast<size_t>(index)];
  const std::string head =
      absl::StrCat(surface, " → ", entity.id(), " (",
                   entity.name_size() > 0 ? entity.name(0).text() : entity.id(), "): ");
  const std::string normalized = extract::NormalizePhrase(ref.text());
  const std::string key = extract::Gazetteer::Key(ref.text());
  const extract::GazetteerName* by_name = nullptr;
  const extract::GazetteerName* by_key = nullptr;
  const extract::GazetteerName* by_stored_key = nullptr;
  for (const extract::GazetteerName& n : gazetteer->names()) {
    if (n.entity != static_cast<uint32_t>(index)) continue;
    // A full name is preferred to a short one with the same form.
    if (n.normalized == normalized && (by_name == nullptr || by_name->is_short)) by_name = &n;
    if (!key.empty() && n.key == key && (by_key == nullptr || by_key->is_short)) by_key = &n;
    if (!ref.key().empty() && n.key == ref.key() && by_stored_key == nullptr) by_stored_key = &n;
  }
  if (by_name != nullptr) {
    if (by_name->is_short) {
      return absl::StrCat(head, "short name ", NameLabel(*by_name), " (after the full name)");
    }
    return absl::StrCat(head, "gazetteer name ", NameLabel(*by_name),
                        by_name->text == ref.text() ? ", exact" : ", case-folded");
  }
  if (by_key != nullptr) {
    return absl::StrCat(head, "transliteration key \"", key, "\" of the name ", NameLabel(*by_key));
  }
  if (by_stored_key != nullptr) {
    return absl::StrCat(head, "key \"", ref.key(), "\" of the name ", NameLabel(*by_stored_key));
  }
  if (entity.id() == normalized) return absl::StrCat(head, "the entity's id");
  return absl::StrCat(head, "linked by the extractor; no gazetteer name matches the text now");
}

}  // namespace claimline::tools

// Entity links explained: which gazetteer name linked a mention to its entity, computed
// from what a claim carries (the mention's surface text, key and entity id) plus a lookup
// in the gazetteer — the extractor itself is not asked. Used by `extract --explain` and
// `claims --explain`:
//
//   «英伟达» → nvidia (NVIDIA): gazetteer name "英伟达" [zh], exact
//   «nvidia» → nvidia (NVIDIA): gazetteer name "NVIDIA", case-folded
//   «Huang» → jensen_huang (Jensen Huang): short name "Huang" (after the full name)
//   «Huang Ren-xun» → jensen_huang (Jensen Huang): transliteration key "huangrenxun" of
//       the name "黄仁勋" [zh]
//   «Corvina Motors»: unknown name, not in the gazetteer (key "corvinamotors")
//
// How, in order: the normalized surface (NFKC, case folded) equals a name of the entity
// ("exact" when the bytes are the same, else "case-folded"; a short name says so); else
// the surface's script-neutral key (Gazetteer::Key) equals a name's key ("transliteration
// key"); else the mention's stored key equals a name's key; else "linked by the
// extractor" with no matching name (e.g. data changed since extraction).
#ifndef CLAIMLINE_TOOLS_ENTITY_LINK_H_
#define CLAIMLINE_TOOLS_ENTITY_LINK_H_

#include <string>

#include "claimline/v1/claim.pb.h"

namespace claimline::extract {
class Gazetteer;
}

namespace claimline::tools {

// ExplainLink: one line as above. `gazetteer` may be null (then only the id is named).
std::string ExplainLink(const extract::Gazetteer* gazetteer, const v1::EntityRef& ref);

// CompiledGazetteer: the compiled-in gazetteer, loaded on first use; null if it fails to
// load. Thread-safe.
const extract::Gazetteer* CompiledGazetteer();

}  // namespace claimline::tools

#endif  // CLAIMLINE_TOOLS_ENTITY_LINK_H_

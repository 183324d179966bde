#include "store/content_hash.h"

#include "absl/strings/escaping.h"
#include "store/sha256.h"

namespace claimline::store {
namespace {

// ForEachNormalizedPiece: calls emit(piece) with consecutive pieces of the normalized text,
// so that ContentHash can feed the hasher without building the normalized copy.
//
// Lines end at LF, CRLF or a lone CR. A line is blank when it holds only spaces and tabs.
// Blank lines before the first and after the last non-blank line are dropped; the lines
// between are joined with LF, so the result has no final line break.
template <typename Emit>
void ForEachNormalizedPiece(absl::string_view text, Emit emit) {
  const char* p = text.data();
  const char* const end = p + text.size();
  bool seen_content = false;
  size_t pending_breaks = 0;  // line breaks owed before the next non-blank line
  while (p <= end) {
    const char* eol = p;
    while (eol < end && *eol != '\n' && *eol != '\r') ++eol;
    const char* line_end = eol;
    while (line_end > p && (line_end[-1] == ' ' || line_end[-1] == '\t')) --line_end;
    if (line_end > p) {
      if (seen_content) {
        for (; pending_breaks > 0; --pending_breaks) emit(absl::string_view("\n", 1));
      }
      emit(absl::string_view(p, static_cast<size_t>(line_end - p)));
      seen_content = true;
      pending_breaks = 0;
    }
    if (eol == end) break;
    ++pending_breaks;
    p = eol + 1;
    if (*eol == '\r' && p < end && *p == '\n') ++p;  // CRLF is one break
  }
}

}  // namespace

std::string NormalizeForHash(absl::string_view text) {
  std::string out;
  out.reserve(text.size());
  ForEachNormalizedPiece(
      text, [&out](absl::string_view piece) { out.append(piece.data(), piece.size()); });
  return out;
}

std::string ContentHash(absl::string_view text) {
  Sha256Hasher hasher;
  ForEachNormalizedPiece(text, [&hasher](absl::string_view piece) { hasher.Update(piece); });
  return hasher.Finish();
}

std::string HexHash(absl::string_view hash) { return absl::BytesToHexString(hash); }

}  // namespace claimline::store

#include "store/content_hash.h"

#include <cstring>

#include "absl/strings/escaping.h"
#include "store/sha256.h"

namespace claimline::store {
namespace {

// ForEachNormalizedPiece: calls emit(piece) with consecutive pieces of the normalized text,
// so that ContentHash feeds the hasher without building a normalized copy.
//
// Lines end at LF, CRLF or a lone CR. A line is blank when it holds only spaces and tabs.
// Blank lines before the first and after the last non-blank line are dropped; the lines
// between are joined with LF, so the result has no final line break.
//
// Pieces that are adjacent in `text` are merged before they are emitted: a text that is
// already normalized (LF line ends, no trailing blanks) goes out as one piece.
template <typename Emit>
void ForEachNormalizedPiece(absl::string_view text, Emit emit) {
  const char* const end = text.data() + text.size();
  const bool has_cr = std::memchr(text.data(), '\r', text.size()) != nullptr;

  const char* run_begin = nullptr;  // pending output: source bytes [run_begin, run_end)
  const char* run_end = nullptr;
  const auto flush = [&] {
    if (run_begin != nullptr) emit(absl::string_view(run_begin, run_end - run_begin));
    run_begin = nullptr;
  };
  const auto output = [&](const char* from, const char* to) {
    if (run_begin != nullptr && from == run_end) {
      run_end = to;
      return;
    }
    flush();
    run_begin = from;
    run_end = to;
  };

  const char* p = text.data();
  const char* last_content_end = nullptr;  // end of the last non-blank line, trimmed
  size_t pending_breaks = 0;               // line breaks owed before the next non-blank line
  while (true) {
    const char* eol;
    if (has_cr) {
      eol = p;
      while (eol < end && *eol != '\n' && *eol != '\r') ++eol;
    } else {
      eol = static_cast<const char*>(std::memchr(p, '\n', end - p));
      if (eol == nullptr) eol = end;
    }
    const char* line_end = eol;
    while (line_end > p && (line_end[-1] == ' ' || line_end[-1] == '\t')) --line_end;
    if (line_end > p) {
      if (last_content_end != nullptr) {
        // The breaks can come straight from the source when it holds exactly that many
        // LFs there (no trailing blanks, no CR).
        const size_t gap = static_cast<size_t>(p - last_content_end);
        if (gap == pending_breaks &&
            (!has_cr || std::memchr(last_content_end, '\r', gap) == nullptr)) {
          output(last_content_end, p);
        } else {
          flush();
          for (size_t i = 0; i < pending_breaks; ++i) emit(absl::string_view("\n", 1));
        }
      }
      output(p, line_end);
      last_content_end = line_end;
      pending_breaks = 0;
    }
    if (eol == end) break;
    ++pending_breaks;
    p = eol + 1;
    if (*eol == '\r' && p < end && *p == '\n') ++p;  // CRLF is one break
  }
  flush();
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

#include "projections/rules.h"

#include <algorithm>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "google/protobuf/io/tokenizer.h"
#include "google/protobuf/text_format.h"
#include "projections/names.h"
#include "store/content_hash.h"

namespace claimline::projections {
namespace {

// FirstError: keeps the first error the text-format parser reports (0-based).
class FirstError : public google::protobuf::io::ErrorCollector {
 public:
  void AddError(int line, google::protobuf::io::ColumnNumber column,
                const std::string& message) override {
    if (!message_.empty()) return;
    line_ = line;
    column_ = column;
    message_ = message;
  }
  bool has_error() const { return !message_.empty(); }
  int line() const { return line_; }
  int column() const { return column_; }
  const std::string& message() const { return message_; }

 private:
  int line_ = 0;
  int column_ = 0;
  std::string message_;
};

// Locate: "FILE:LINE:COLUMN: message", 1-based. The parser reports where it stopped,
// which is after the offending token ("tolerence" is reported at the ':' after it); the
// position given is the start of the nearest quoted name of the message that occurs in
// the text at or before that point, so the column points at the word to fix.
std::string Locate(absl::string_view text, absl::string_view file, const FirstError& e) {
  size_t offset = 0;
  for (int line = 0; line < e.line() && offset < text.size(); ++line) {
    const size_t nl = text.find('\n', offset);
    offset = nl == absl::string_view::npos ? text.size() : nl + 1;
  }
  offset = std::min(text.size(), offset + static_cast<size_t>(std::max(0, e.column())));
  size_t best = absl::string_view::npos;
  absl::string_view msg = e.message();
  for (size_t open = msg.find('"'); open != absl::string_view::npos;) {
    const size_t close = msg.find('"', open + 1);
    if (close == absl::string_view::npos) break;
    absl::string_view name = msg.substr(open + 1, close - open - 1);
    if (!name.empty()) {
      const size_t at = text.rfind(name, offset);
      if (at != absl::string_view::npos && (best == absl::string_view::npos || at > best)) {
        best = at;
      }
    }
    open = msg.find('"', close + 1);
  }
  int line = e.line() + 1;
  int column = e.column() + 1;
  if (best != absl::string_view::npos) {
    const size_t nl = best == 0 ? absl::string_view::npos : text.rfind('\n', best - 1);
    const size_t line_start = nl == absl::string_view::npos ? 0 : nl + 1;
    line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + best, '\n'));
    column = static_cast<int>(best - line_start) + 1;
  }
  return absl::StrCat(file, ":", line, ":", column, ": ", e.message());
}

bool IsNameChar(char c) {
  return absl::ascii_islower(static_cast<unsigned char>(c)) ||
         absl::ascii_isdigit(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
}

}  // namespace

absl::StatusOr<v1::ProjectionRules> ParseRules(absl::string_view text, absl::string_view file) {
  v1::ProjectionRules rules;
  FirstError errors;
  google::protobuf::TextFormat::Parser parser;
  parser.RecordErrorsTo(&errors);
  const bool ok = parser.ParseFromString(std::string(text), &rules);
  if (!ok || errors.has_error()) {
    if (errors.has_error()) return absl::InvalidArgumentError(Locate(text, file, errors));
    return absl::InvalidArgumentError(absl::StrCat(file, ": not a ProjectionRules text proto"));
  }
  if (absl::Status s = ValidateRules(rules); !s.ok()) {
    return absl::InvalidArgumentError(absl::StrCat(file, ": ", s.message()));
  }
  return rules;
}

absl::Status ValidateRules(const v1::ProjectionRules& rules) {
  if (rules.name().empty()) {
    return absl::InvalidArgumentError("name: missing (e.g. name: \"tolerant\")");
  }
  if (rules.name().size() > 64 ||
      !std::all_of(rules.name().begin(), rules.name().end(), IsNameChar)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "name: \"", rules.name(), "\" must be 1..64 characters of a-z, 0-9, '-', '_', '.'"));
  }
  for (const auto& [field, value] :
       {std::pair<const char*, double>{"numeric_tolerance", rules.numeric_tolerance()},
        {"approx_tolerance", rules.approx_tolerance()}}) {
    if (!(value >= 0 && value < 1)) {
      return absl::InvalidArgumentError(
          absl::StrCat(field, ": ", value, " is not a relative tolerance in [0, 1)"));
    }
  }
  for (const v1::EntityAlias& a : rules.alias()) {
    if (FoldName(a.alias()).empty() || SanitizeId(a.entity()).empty()) {
      return absl::InvalidArgumentError(
          absl::StrCat("alias: needs both alias and entity (alias: \"", a.alias(), "\", entity: \"",
                       a.entity(), "\")"));
    }
  }
  for (const v1::EntityMerge& m : rules.merge()) {
    if (SanitizeId(m.from()).empty() || SanitizeId(m.into()).empty()) {
      return absl::InvalidArgumentError(absl::StrCat("merge: needs both from and into (from: \"",
                                                     m.from(), "\", into: \"", m.into(), "\")"));
    }
  }
  for (const v1::KindMapping& k : rules.kind_mapping()) {
    if (SanitizeId(k.from()).empty() || SanitizeId(k.to()).empty()) {
      return absl::InvalidArgumentError(absl::StrCat(
          "kind_mapping: needs both from and to (from: \"", k.from(), "\", to: \"", k.to(), "\")"));
    }
  }
  if (rules.undated_window_days() > 3660) {
    return absl::InvalidArgumentError(absl::StrCat(
        "undated_window_days: ", rules.undated_window_days(), " is more than ten years"));
  }
  return absl::OkStatus();
}

v1::ProjectionRules DefaultRules() {
  v1::ProjectionRules rules;
  rules.set_name(std::string(kDefaultNamespace));
  return rules;
}

std::string CanonicalRulesText(const v1::ProjectionRules& rules) {
  std::string text;
  google::protobuf::TextFormat::Printer printer;
  printer.PrintToString(rules, &text);
  return text;
}

std::string RulesHash(const v1::ProjectionRules& rules) {
  return store::HexHash(store::ContentHash(CanonicalRulesText(rules)));
}

std::string NamespaceFor(const v1::ProjectionRules& rules) {
  if (CanonicalRulesText(rules) == CanonicalRulesText(DefaultRules())) {
    return std::string(kDefaultNamespace);
  }
  return absl::StrCat(rules.name(), "@", RulesHash(rules).substr(0, 8));
}

absl::string_view RulesNameOf(absl::string_view ns) { return ns.substr(0, ns.find('@')); }

CompiledRules::CompiledRules(v1::ProjectionRules rules) : rules_(std::move(rules)) {
  bucket_ = rules_.time_bucket() == v1::ProjectionRules::TIME_BUCKET_UNSPECIFIED
                ? v1::ProjectionRules::MONTH
                : rules_.time_bucket();
  undated_window_days_ = rules_.undated_window_days() == 0
                             ? kDefaultUndatedWindowDays
                             : static_cast<int>(rules_.undated_window_days());
  for (const v1::EntityAlias& a : rules_.alias()) {
    aliases_[FoldName(a.alias())] = SanitizeId(a.entity());
  }
  for (const v1::EntityMerge& m : rules_.merge()) {
    merges_[SanitizeId(m.from())] = SanitizeId(m.into());
  }
  for (const v1::KindMapping& k : rules_.kind_mapping()) {
    kinds_[SanitizeId(k.from())] = SanitizeId(k.to());
  }
  for (const std::string& k : rules_.exclude_kinds()) excluded_kinds_.insert(SanitizeId(k));
}

bool CompiledRules::Includes(const v1::Article& article) const {
  const std::string host = article.url().empty() ? HostOf(article.source()) : HostOf(article.url());
  auto source_is = [&](const std::string& s) {
    return absl::EqualsIgnoreCase(article.source(), s);
  };
  auto host_is = [&](const std::string& h) { return HostMatches(host, h); };
  auto lang_is = [&](const std::string& l) { return LanguageMatches(article.language(), l); };
  auto any = [](const auto& list, const auto& pred) {
    return std::any_of(list.begin(), list.end(), pred);
  };
  if (!rules_.include_sources().empty() && !any(rules_.include_sources(), source_is)) return false;
  if (!rules_.include_hosts().empty() && !any(rules_.include_hosts(), host_is)) return false;
  if (!rules_.include_languages().empty() && !any(rules_.include_languages(), lang_is)) {
    return false;
  }
  return !any(rules_.exclude_sources(), source_is) && !any(rules_.exclude_hosts(), host_is) &&
         !any(rules_.exclude_languages(), lang_is);
}

std::string CompiledRules::MapKind(absl::string_view kind) const {
  std::string k = SanitizeId(kind);
  if (auto it = kinds_.find(k); it != kinds_.end()) k = it->second;
  if (excluded_kinds_.contains(k)) return "";
  return k;
}

std::string CompiledRules::Merge(absl::string_view id) const {
  std::string out(id);
  // Bounded, so a cycle in the rules (a → b → a) cannot loop.
  for (int i = 0; i < 16; ++i) {
    auto it = merges_.find(out);
    if (it == merges_.end() || it->second == out) break;
    out = it->second;
  }
  return out;
}

std::string CompiledRules::CanonicalEntity(const v1::EntityRef& ref) const {
  std::string id;
  if (!aliases_.empty()) {
    for (const std::string* name : {&ref.text(), &ref.key()}) {
      if (name->empty()) continue;
      if (auto it = aliases_.find(FoldName(*name)); it != aliases_.end()) {
        id = it->second;
        break;
      }
    }
  }
  if (id.empty()) id = SanitizeId(ref.entity());
  if (id.empty()) id = SanitizeId(FoldName(ref.key()));
  if (id.empty()) id = SanitizeId(FoldName(ref.text()));
  if (id.empty()) return id;
  return Merge(id);
}

}  // namespace claimline::projections

#include "extract/claim_json.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "unicode/uchar.h"
#include "unicode/utf8.h"

namespace claimline::extract {
namespace {

std::string RefJson(const v1::EntityRef& ref) {
  std::string out = "{\"entity\": ";
  out += ref.entity().empty() ? "null" : JsonString(ref.entity());
  absl::StrAppend(&out, ", \"text\": ", JsonString(ref.text()));
  if (!ref.key().empty()) absl::StrAppend(&out, ", \"key\": ", JsonString(ref.key()));
  std::string type = EntityTypeName(ref.type());
  if (!type.empty()) absl::StrAppend(&out, ", \"type\": ", JsonString(type));
  out += "}";
  return out;
}

bool HasRef(const v1::EntityRef& ref) { return !ref.entity().empty() || !ref.text().empty(); }

// Confidence is a float; print it rounded to 3 decimals so 0.8f reads "0.8".
std::string Confidence(float c) {
  return JsonNumber(std::round(static_cast<double>(c) * 1000) / 1000);
}

// DisplayWidth: terminal columns of a UTF-8 string (East Asian wide characters take two).
size_t DisplayWidth(absl::string_view s) {
  size_t width = 0;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(s.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) {
      ++width;
      continue;
    }
    if (c < 0x300) {
      ++width;
      continue;
    }
    if (u_getCombiningClass(c) != 0 || u_charType(c) == U_NON_SPACING_MARK ||
        u_charType(c) == U_ENCLOSING_MARK || u_charType(c) == U_FORMAT_CHAR) {
      continue;
    }
    int ea = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
    width += (ea == U_EA_WIDE || ea == U_EA_FULLWIDTH) ? 2 : 1;
  }
  return width;
}

std::string Pad(const std::string& s, size_t width) {
  size_t w = DisplayWidth(s);
  return w >= width ? s : s + std::string(width - w, ' ');
}

// Readable: a number for people, digits grouped in thousands: "600,000,000,000", "16.9".
std::string Readable(double v) {
  std::string n = JsonNumber(v);
  size_t dot = n.find('.');
  size_t int_end = dot == std::string::npos ? n.size() : dot;
  size_t start = (!n.empty() && n[0] == '-') ? 1 : 0;
  if (n.find('e') != std::string::npos) return n;
  std::string grouped;
  for (size_t i = start; i < int_end; ++i) {
    if (i > start && (int_end - i) % 3 == 0) grouped += ',';
    grouped += n[i];
  }
  return absl::StrCat(n.substr(0, start), grouped, n.substr(int_end));
}

std::string QuantityText(const v1::Quantity& q) {
  if (q.unit().empty()) return "-";
  std::string unit = q.unit() == "percent" ? "%" : absl::StrCat(" ", q.unit());
  if (q.unit() == "count") unit = "";
  std::string approx = q.approx() ? "~" : "";
  if (q.has_low() && q.has_high()) {
    if (q.low() == q.high()) return absl::StrCat(approx, Readable(q.low()), unit);
    return absl::StrCat(approx, Readable(q.low()), "–", Readable(q.high()), unit);
  }
  if (q.has_low()) return absl::StrCat("≥ ", approx, Readable(q.low()), unit);
  if (q.has_high()) return absl::StrCat("≤ ", approx, Readable(q.high()), unit);
  return absl::StrCat("? ", unit);
}

std::string WhenText(const v1::ValidTime& w) {
  if (w.from().empty() && w.to().empty()) return "-";
  std::string range =
      w.from() == w.to() || w.to().empty() ? w.from() : absl::StrCat(w.from(), "..", w.to());
  std::string detail = GranularityName(w.granularity());
  std::string anchor = AnchorName(w.anchor());
  if (!anchor.empty()) detail = detail.empty() ? anchor : absl::StrCat(detail, ", ", anchor);
  return detail.empty() ? range : absl::StrCat(range, " (", detail, ")");
}

std::string RefText(const v1::EntityRef& ref) {
  if (!HasRef(ref)) return "-";
  if (ref.entity().empty()) return absl::StrCat("\"", ref.text(), "\"");
  return ref.entity();
}

// Excerpt: the evidence, on one line, at most `max` code points.
std::string Excerpt(absl::string_view article, uint32_t begin, uint32_t end, size_t max) {
  if (begin >= end || end > article.size()) return "";
  absl::string_view s = article.substr(begin, end - begin);
  std::string out;
  size_t count = 0;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(s.size());
  bool space = false;
  while (i < n) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
      if (!space) out += ' ';
      space = true;
      continue;
    }
    space = false;
    if (++count > max) {
      out += "…";
      break;
    }
    out.append(s.data() + start, static_cast<size_t>(i - start));
  }
  return out;
}

}  // namespace

std::string JsonNumber(double v) {
  if (!std::isfinite(v)) return "null";
  if (v == 0) return "0";
  if (std::fabs(v) < 1e18 && v == std::trunc(v)) {
    return absl::StrCat(static_cast<int64_t>(v));
  }
  // Shortest %g form that reads back the same value.
  char buf[40];
  for (int precision = 1; precision <= 17; ++precision) {
    std::snprintf(buf, sizeof(buf), "%.*g", precision, v);
    if (std::strtod(buf, nullptr) == v) break;
  }
  return buf;
}

std::string JsonString(absl::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  out += '"';
  for (char ch : s) {
    unsigned char c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20 || c == 0x7F) {
          out += absl::StrFormat("\\u%04x", c);
        } else {
          out += ch;
        }
    }
  }
  out += '"';
  return out;
}

std::string DirectionName(v1::Direction d) {
  switch (d) {
    case v1::DIRECTION_UP:
      return "up";
    case v1::DIRECTION_DOWN:
      return "down";
    default:
      return "";
  }
}

std::string GranularityName(v1::Granularity g) {
  switch (g) {
    case v1::GRANULARITY_DAY:
      return "day";
    case v1::GRANULARITY_WEEK:
      return "week";
    case v1::GRANULARITY_MONTH:
      return "month";
    case v1::GRANULARITY_QUARTER:
      return "quarter";
    case v1::GRANULARITY_YEAR:
      return "year";
    case v1::GRANULARITY_VAGUE:
      return "vague";
    default:
      return "";
  }
}

std::string AnchorName(v1::Anchor a) {
  switch (a) {
    case v1::ANCHOR_ABSOLUTE:
      return "absolute";
    case v1::ANCHOR_PUBLICATION:
      return "publication";
    case v1::ANCHOR_CONTEXT:
      return "context";
    default:
      return "";
  }
}

std::string ModalityName(v1::Modality m) {
  switch (m) {
    case v1::MODALITY_EXPECTED:
      return "expected";
    case v1::MODALITY_REPORTED:
      return "reported";
    case v1::MODALITY_NEGATED:
      return "negated";
    default:
      return "asserted";
  }
}

std::string EntityTypeName(v1::EntityType t) {
  switch (t) {
    case v1::ENTITY_TYPE_PERSON:
      return "person";
    case v1::ENTITY_TYPE_ORGANIZATION:
      return "organization";
    case v1::ENTITY_TYPE_PRODUCT:
      return "product";
    case v1::ENTITY_TYPE_INDEX:
      return "index";
    case v1::ENTITY_TYPE_PLACE:
      return "place";
    case v1::ENTITY_TYPE_OUTLET:
      return "outlet";
    case v1::ENTITY_TYPE_OTHER:
      return "other";
    default:
      return "";
  }
}

std::string ClaimToJson(const v1::Claim& c) {
  std::string out = absl::StrCat("{\"kind\": ", JsonString(c.kind()));
  absl::StrAppend(&out, ", \"subject\": ", RefJson(c.subject()));
  if (HasRef(c.object())) absl::StrAppend(&out, ", \"object\": ", RefJson(c.object()));
  std::string direction = DirectionName(c.direction());
  if (!direction.empty()) absl::StrAppend(&out, ", \"direction\": ", JsonString(direction));
  if (c.has_quantity() && !c.quantity().unit().empty()) {
    const v1::Quantity& q = c.quantity();
    absl::StrAppend(&out, ", \"quantity\": {\"unit\": ", JsonString(q.unit()),
                    ", \"low\": ", q.has_low() ? JsonNumber(q.low()) : "null",
                    ", \"high\": ", q.has_high() ? JsonNumber(q.high()) : "null",
                    ", \"approx\": ", q.approx() ? "true" : "false",
                    ", \"text\": ", JsonString(q.text()), "}");
  }
  if (c.has_when() && (!c.when().from().empty() || !c.when().to().empty())) {
    const v1::ValidTime& w = c.when();
    absl::StrAppend(&out, ", \"when\": {\"from\": ", JsonString(w.from()),
                    ", \"to\": ", JsonString(w.to()),
                    ", \"granularity\": ", JsonString(GranularityName(w.granularity())),
                    ", \"anchor\": ", JsonString(AnchorName(w.anchor())),
                    ", \"text\": ", JsonString(w.text()), "}");
  }
  absl::StrAppend(&out, ", \"modality\": ", JsonString(ModalityName(c.modality())));
  absl::StrAppend(&out, ", \"evidence\": {\"begin\": ", c.evidence().begin(),
                  ", \"end\": ", c.evidence().end(), "}");
  absl::StrAppend(&out, ", \"confidence\": ", Confidence(c.confidence()));
  if (c.explain_size() > 0) {
    std::vector<std::string> lines;
    for (const std::string& e : c.explain()) lines.push_back(JsonString(e));
    absl::StrAppend(&out, ", \"explain\": [", absl::StrJoin(lines, ", "), "]");
  }
  out += "}";
  return out;
}

std::string ClaimsToJson(absl::Span<const v1::Claim> claims) {
  if (claims.empty()) return "{\"claims\": []}\n";
  std::string out = "{\"claims\": [\n";
  for (size_t i = 0; i < claims.size(); ++i) {
    out += "  ";
    out += ClaimToJson(claims[i]);
    if (i + 1 < claims.size()) out += ",";
    out += "\n";
  }
  out += "]}\n";
  return out;
}

std::string ClaimsToText(absl::Span<const v1::Claim> claims, absl::string_view article) {
  if (claims.empty()) return "no claims\n";
  const std::vector<std::string> header = {"KIND",     "SUBJECT", "OBJECT",   "DIR",
                                           "QUANTITY", "WHEN",    "MODALITY", "EVIDENCE"};
  std::vector<std::vector<std::string>> rows;
  for (const v1::Claim& c : claims) {
    std::string dir = DirectionName(c.direction());
    rows.push_back({c.kind(), RefText(c.subject()), RefText(c.object()), dir.empty() ? "-" : dir,
                    QuantityText(c.quantity()), WhenText(c.when()), ModalityName(c.modality()),
                    absl::StrCat(c.evidence().begin(), "-", c.evidence().end())});
  }
  std::vector<size_t> width(header.size());
  for (size_t k = 0; k < header.size(); ++k) width[k] = DisplayWidth(header[k]);
  for (const auto& row : rows) {
    for (size_t k = 0; k < row.size(); ++k) width[k] = std::max(width[k], DisplayWidth(row[k]));
  }
  auto line = [&](const std::vector<std::string>& cells) {
    std::string s;
    for (size_t k = 0; k < cells.size(); ++k) {
      s += k + 1 == cells.size() ? cells[k] : Pad(cells[k], width[k] + 2);
    }
    return s + "\n";
  };
  std::string out = line(header);
  for (size_t i = 0; i < rows.size(); ++i) {
    out += line(rows[i]);
    const v1::Claim& c = claims[i];
    std::string excerpt = Excerpt(article, c.evidence().begin(), c.evidence().end(), 120);
    if (!excerpt.empty()) absl::StrAppend(&out, "    \"", excerpt, "\"\n");
    for (const std::string& e : c.explain()) absl::StrAppend(&out, "    · ", e, "\n");
  }
  return out;
}

}  // namespace claimline::extract

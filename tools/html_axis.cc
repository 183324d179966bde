#include "tools/html_axis.h"

#include <algorithm>
#include <cstdint>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/string_view.h"
#include "base/civil_date.h"
#include "tools/render_html.h"

namespace claimline::tools {
namespace {

constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// Geometry, in the SVG's own units (it scales to the page's width).
constexpr double kWidth = 1060;       // the whole SVG
constexpr double kLabelW = 250;       // the column of labels on the left
constexpr double kRight = 24;         // margin after the plot
constexpr double kTop = 50;           // room for the month labels and the latest-article label
constexpr double kRowH = 46;          // one entry
constexpr size_t kMaxWhatBytes = 30;  // longer labels are cut (the card has the full one)

// Colors of the style sheet (tools/page/style.h).
constexpr char kBlue[] = "#1f5fd1";
constexpr char kRed[] = "#c42b1c";
constexpr char kViolet[] = "#6a3fc8";

// CharStart: the start of the UTF-8 character at or before `pos`.
size_t CharStart(absl::string_view s, size_t pos) {
  pos = std::min(pos, s.size());
  while (pos > 0 && pos < s.size() && (static_cast<unsigned char>(s[pos]) & 0xc0) == 0x80) --pos;
  return pos;
}

// Columns: the number of characters (the SVG cannot measure text; ~7 units each).
size_t Columns(absl::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xc0) != 0x80 ? 1 : 0;
  return n;
}

class Axis {
 public:
  Axis(absl::CivilDay start, absl::CivilDay end)  // end exclusive
      : start_(start), end_(end), days_(static_cast<double>(end - start)) {}

  double X(absl::CivilDay d) const {
    return kLabelW + (kWidth - kLabelW - kRight) * (d - start_) / days_;
  }

  std::string Row(const AxisRow& r, double y) const {
    const char* color = r.conflict ? kRed : r.expected ? kViolet : kBlue;
    std::string out =
        absl::StrCat("<a href=\"#entry-", HtmlEscape(r.id), "\" data-row=\"", HtmlEscape(r.id),
                     "\"><title>", HtmlEscape(r.when), " · ", HtmlEscape(r.what), "</title>");
    absl::StrAppendFormat(&out,
                          "<rect class=\"row-bg\" x=\"0\" y=\"%.0f\" width=\"%.0f\" "
                          "height=\"%.0f\" fill=\"transparent\"/>",
                          y, kLabelW - 8, kRowH);
    std::string what = r.what;
    if (what.size() > kMaxWhatBytes)
      what = what.substr(0, CharStart(what, kMaxWhatBytes - 2)) + "…";
    absl::StrAppendFormat(&out,
                          "<text x=\"12\" y=\"%.0f\" font-size=\"12\" fill=\"#5b6676\">%s</text>",
                          y + 18, HtmlEscape(r.when));
    absl::StrAppendFormat(&out,
                          "<text x=\"12\" y=\"%.0f\" font-size=\"15\" font-weight=\"600\" "
                          "fill=\"#16202e\">%s</text>",
                          y + 36, HtmlEscape(what));
    const double cy = y + kRowH / 2 + 2;
    double x0 = X(r.from), x1 = X(r.to + 1);
    if (r.point) {
      const double cx = (x0 + x1) / 2;
      x0 = cx - 7;
      x1 = cx + 7;
      absl::StrAppendFormat(&out,
                            "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"7\" fill=\"%s\" stroke=\"%s\" "
                            "stroke-width=\"2\"%s/>",
                            cx, cy, r.expected ? "#ffffff" : color, color,
                            r.expected ? " stroke-dasharray=\"3 2.5\"" : "");
    } else {
      if (x1 - x0 < 6) {  // a span too short to see
        const double c = (x0 + x1) / 2;
        x0 = c - 3;
        x1 = c + 3;
      }
      std::string fill = color;
      std::string stroke;
      if (r.vague) fill = r.conflict ? "url(#vague-c)" : "url(#vague-n)";
      if (r.expected) {
        if (!r.vague) fill = "#f1ecfc";
        stroke =
            absl::StrCat(" stroke=\"", color, "\" stroke-width=\"2\" stroke-dasharray=\"6 4\"");
      } else if (r.vague) {
        stroke =
            absl::StrCat(" stroke=\"", color, "\" stroke-opacity=\".5\" stroke-dasharray=\"2 3\"");
      }
      absl::StrAppendFormat(
          &out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"16\" rx=\"5\" fill=\"%s\"%s/>",
          x0, cy - 8, x1 - x0, fill, stroke);
    }
    if (!r.note.empty()) {
      const bool fits_right = x1 + 8 + 7.0 * Columns(r.note) < kWidth - kRight + 10;
      absl::StrAppendFormat(&out,
                            "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12.5\" font-weight=\"600\" "
                            "fill=\"%s\" text-anchor=\"%s\">%s</text>",
                            fits_right ? x1 + 8 : x0 - 8, cy + 4.5, color,
                            fits_right ? "start" : "end", HtmlEscape(r.note));
    }
    return out + "</a>\n";
  }

  // Ticks: months, labelled by month with the year at January and at the start; quarters or
  // years when the axis is long.
  std::string Ticks(double bottom) const {
    std::string out;
    const int months = static_cast<int>(absl::CivilMonth(end_) - absl::CivilMonth(start_));
    const int step = months <= 18 ? 1 : months <= 60 ? 3 : 12;
    for (absl::CivilMonth m(start_); m < absl::CivilMonth(end_); m += 1) {
      const bool shown =
          step == 1 || (step == 3 && (m.month() - 1) % 3 == 0) || (step == 12 && m.month() == 1);
      if (!shown) continue;
      const bool major = m.month() == 1 || m == absl::CivilMonth(start_);
      const double tx = X(absl::CivilDay(m));
      if (tx > kWidth - kRight - 28) continue;  // no room for its label
      absl::StrAppendFormat(
          &out, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.0f\" y2=\"%.0f\" stroke=\"%s\"/>\n", tx, tx,
          kTop - 10, bottom, major ? "#c5ccd6" : "#e3e7ee");
      std::string label = step == 12 ? absl::StrCat(m.year()) : kMonths[m.month() - 1];
      if (step != 12 && major) absl::StrAppend(&label, " ", m.year());
      absl::StrAppendFormat(
          &out, "<text x=\"%.1f\" y=\"%.0f\" font-size=\"12\" fill=\"#5b6676\"%s>%s</text>\n",
          tx + 4, kTop - 16, major ? " font-weight=\"600\"" : "", label);
    }
    absl::StrAppendFormat(
        &out, "<line x1=\"%.0f\" x2=\"%.0f\" y1=\"%.0f\" y2=\"%.0f\" stroke=\"#c5ccd6\"/>\n",
        kLabelW, kWidth - kRight, kTop - 10, kTop - 10);
    return out;
  }

  // Latest: the hatched time after the latest article (`under`) and its dashed line with
  // a label (drawn over the rows).
  std::string AfterLatest(absl::CivilDay latest, double bottom) const {
    const double lx = X(latest + 1);
    if (lx >= kWidth - kRight) return "";
    return absl::StrFormat(
        "<rect x=\"%.1f\" y=\"%.0f\" width=\"%.1f\" height=\"%.0f\" fill=\"url(#after)\"/>\n", lx,
        kTop - 6, kWidth - kRight - lx, bottom - kTop + 6);
  }
  std::string LatestLine(absl::CivilDay latest, double bottom) const {
    const double lx = (X(latest) + X(latest + 1)) / 2;
    const bool right_side = lx < kWidth - 190;
    return absl::StrFormat(
        "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.0f\" y2=\"%.0f\" stroke=\"%s\" "
        "stroke-width=\"1.5\" stroke-dasharray=\"4 3\"/>\n"
        "<text x=\"%.1f\" y=\"%.0f\" font-size=\"11\" fill=\"%s\" text-anchor=\"%s\" "
        "data-latest=\"%s\">latest article · %d %s</text>\n",
        lx, lx, kTop - 30, bottom, kViolet, right_side ? lx + 5 : lx - 5, kTop - 32, kViolet,
        right_side ? "start" : "end", FormatIsoDate(latest), latest.day(),
        kMonths[latest.month() - 1]);
  }

 private:
  absl::CivilDay start_, end_;
  double days_;
};

std::string Legend() {
  auto item = [](absl::string_view icon, absl::string_view label) {
    return absl::StrCat("<li><svg viewBox=\"0 0 30 14\" aria-hidden=\"true\">", icon, "</svg>",
                        label, "</li>");
  };
  return absl::StrCat(
      "<ul class=\"legend\">",
      item("<rect x=\"1\" y=\"3\" width=\"28\" height=\"8\" rx=\"3\" fill=\"#1f5fd1\"/>",
           "a month or week"),
      item("<circle cx=\"15\" cy=\"7\" r=\"5\" fill=\"#1f5fd1\"/>", "a day"),
      item("<rect x=\"1\" y=\"3\" width=\"28\" height=\"8\" rx=\"3\" fill=\"url(#vague-n)\" "
           "stroke=\"#1f5fd1\" stroke-opacity=\".5\" stroke-dasharray=\"2 3\"/>",
           "a vague date"),
      item("<rect x=\"2\" y=\"3\" width=\"26\" height=\"8\" rx=\"3\" fill=\"#f1ecfc\" "
           "stroke=\"#6a3fc8\" stroke-width=\"1.5\" stroke-dasharray=\"4 2\"/>",
           "expected"),
      item("<rect x=\"1\" y=\"3\" width=\"28\" height=\"8\" rx=\"3\" fill=\"#c42b1c\"/>",
           "sources disagree"),
      item("<line x1=\"15\" x2=\"15\" y1=\"0\" y2=\"14\" stroke=\"#6a3fc8\" "
           "stroke-width=\"1.5\" stroke-dasharray=\"3 2\"/>",
           "latest article"),
      "</ul>\n");
}

// The fills the rows refer to: vague spans fade at both ends; the time after the latest
// article is hatched.
constexpr char kDefs[] = R"svg(<defs>
<linearGradient id="vague-n" x1="0" x2="1"><stop offset="0" stop-color="#1f5fd1" stop-opacity="0"/><stop offset=".3" stop-color="#1f5fd1" stop-opacity=".55"/><stop offset=".7" stop-color="#1f5fd1" stop-opacity=".55"/><stop offset="1" stop-color="#1f5fd1" stop-opacity="0"/></linearGradient>
<linearGradient id="vague-c" x1="0" x2="1"><stop offset="0" stop-color="#c42b1c" stop-opacity="0"/><stop offset=".3" stop-color="#c42b1c" stop-opacity=".6"/><stop offset=".7" stop-color="#c42b1c" stop-opacity=".6"/><stop offset="1" stop-color="#c42b1c" stop-opacity="0"/></linearGradient>
<pattern id="after" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="8" height="8" fill="#faf8ff"/><line x1="0" y1="0" x2="0" y2="8" stroke="#ebe4fb" stroke-width="3"/></pattern>
</defs>
)svg";

}  // namespace

std::string TimeAxisHtml(const std::vector<AxisRow>& rows, std::optional<absl::CivilDay> latest) {
  absl::CivilDay lo = rows.front().from, hi = rows.front().to;
  for (const AxisRow& r : rows) {
    lo = std::min(lo, r.from);
    hi = std::max(hi, r.to);
  }
  if (latest) {
    lo = std::min(lo, *latest);
    hi = std::max(hi, *latest);
  }
  // From the first of the earliest month to a little after the last day shown (at least 60
  // days in all, so that a month is a visible span and a day a point).
  const absl::CivilDay start(lo.year(), lo.month(), 1);
  const int64_t span_days = std::max<int64_t>(60, hi + 1 - start);
  const absl::CivilDay end = start + span_days + std::max<int64_t>(5, span_days / 16);
  const Axis axis(start, end);
  const double bottom = kTop + kRowH * rows.size();

  std::string svg = absl::StrFormat(
      "<svg viewBox=\"0 0 %.0f %.0f\" role=\"group\" aria-labelledby=\"axis-title\" "
      "aria-describedby=\"axis-desc\" data-axis-from=\"%s\" data-axis-to=\"%s\">\n",
      kWidth, bottom + 10, FormatIsoDate(start), FormatIsoDate(end - 1));
  absl::StrAppend(&svg, "<desc id=\"axis-desc\">", rows.size(),
                  " entries placed at the precision their sources give: spans are months or "
                  "weeks, dots are days, faded spans are vague dates, dashed outlines are "
                  "expected events, red is a conflict between sources.</desc>\n",
                  kDefs);
  if (latest) absl::StrAppend(&svg, axis.AfterLatest(*latest, bottom));
  absl::StrAppend(&svg, axis.Ticks(bottom));
  for (size_t i = 0; i < rows.size(); ++i)
    absl::StrAppend(&svg, axis.Row(rows[i], kTop + kRowH * i));
  if (latest) absl::StrAppend(&svg, axis.LatestLine(*latest, bottom));
  absl::StrAppend(&svg, "</svg>\n");
  return absl::StrCat("<section class=\"axis\" aria-labelledby=\"axis-title\">\n", svg, Legend(),
                      "</section>\n");
}

}  // namespace claimline::tools

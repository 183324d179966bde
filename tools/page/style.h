// The style sheet of the HTML pages (render_html.h), compiled into the binary so that a
// page needs nothing from anywhere else. Kept apart from the renderer so it reads as CSS.
#ifndef CLAIMLINE_TOOLS_PAGE_STYLE_H_
#define CLAIMLINE_TOOLS_PAGE_STYLE_H_

namespace claimline::tools {

// The whole style sheet. System fonts only; `:lang()` rules put the CJK or Devanagari face
// first for text in those languages so Han characters get the right regional forms.
inline constexpr char kPageStyle[] = R"css(
:root {
  --sans: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial,
    "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei",
    "Noto Sans Devanagari", "Nirmala UI", "Mangal", sans-serif;
  --ink: #16202e; --muted: #5b6676; --faint: #8a94a3; --line: #e3e7ee; --bg: #f4f6f9;
  --card: #ffffff; --accent: #1f5fd1; --accent-soft: #e8effc; --conflict: #c42b1c;
  --conflict-soft: #fdeeec; --expected: #6a3fc8; --expected-soft: #f1ecfc;
}
* { box-sizing: border-box; }
html { background: var(--bg); }
body { margin: 0; font: 15px/1.5 var(--sans); color: var(--ink); }
:lang(zh), :lang(zh-Hans) { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC",
  "Microsoft YaHei", var(--sans); }
:lang(zh-Hant) { font-family: "Noto Sans CJK TC", "Source Han Sans TC", "PingFang TC",
  "Microsoft JhengHei", var(--sans); }
:lang(ja) { font-family: "Noto Sans CJK JP", "Hiragino Sans", "Yu Gothic", var(--sans); }
:lang(ko) { font-family: "Noto Sans CJK KR", "Apple SD Gothic Neo", "Malgun Gothic", var(--sans); }
:lang(hi), :lang(mr), :lang(ne) { font-family: "Noto Sans Devanagari", "Nirmala UI", "Mangal",
  "Kohinoor Devanagari", var(--sans); }
a { color: var(--accent); }
.wrap { max-width: 1120px; margin: 0 auto; padding: 0 24px; }
.top { background: var(--card); border-bottom: 1px solid var(--line); }
.top .wrap { padding-top: 22px; padding-bottom: 18px; }
.eyebrow { margin: 0; font-size: 12px; letter-spacing: .08em; text-transform: uppercase;
  color: var(--muted); }
.eyebrow a { color: inherit; text-decoration: none; }
h1 { margin: 2px 0 4px; font-size: 30px; line-height: 1.2; }
h1 .id { font-size: 14px; font-weight: 500; color: var(--faint); margin-left: 8px; }
.aliases { margin: 0 0 12px; color: var(--muted); }
.aliases span + span::before { content: " · "; color: var(--faint); }
.facts { display: flex; flex-wrap: wrap; gap: 8px 26px; margin: 0; }
.facts div { min-width: 70px; }
.facts dt { font-size: 12px; color: var(--muted); }
.facts dd { margin: 0; font-size: 18px; font-weight: 600; }
.facts dd.small { font-size: 14px; font-weight: 500; padding-top: 3px; }
.facts .bad { color: var(--conflict); }
.facts .exp { color: var(--expected); }
.notice { margin: 12px 0 0; padding: 8px 12px; background: #fff7e0; border: 1px solid #f0d68a;
  border-radius: 6px; font-size: 14px; }
.search { display: flex; gap: 8px; margin: 0 0 14px; }
.search input { flex: 1; max-width: 420px; font: inherit; padding: 7px 10px;
  border: 1px solid #c9d0da; border-radius: 6px; }
.search button { font: inherit; padding: 7px 14px; border: 0; border-radius: 6px;
  background: var(--accent); color: #fff; cursor: pointer; }
main.wrap { padding-top: 18px; padding-bottom: 40px; }
h2.section { font-size: 13px; text-transform: uppercase; letter-spacing: .08em;
  color: var(--muted); margin: 22px 0 8px; }
.axis { background: var(--card); border: 1px solid var(--line); border-radius: 10px;
  padding: 10px 12px 6px; }
.axis svg { display: block; width: 100%; height: auto; }
.axis text { font-family: var(--sans); }
.axis a:hover .row-bg { fill: #eef3fb; }
.legend { display: flex; flex-wrap: wrap; gap: 4px 18px; margin: 6px 4px 2px; font-size: 12px;
  color: var(--muted); list-style: none; padding: 0; }
.legend svg { display: inline-block; vertical-align: -3px; margin-right: 5px; width: 30px;
  height: 14px; }
ol.entries { list-style: none; margin: 0; padding: 0; }
ol.entries > li { margin: 0 0 14px; }
.entry { background: var(--card); border: 1px solid var(--line); border-left: 5px solid var(--accent);
  border-radius: 10px; padding: 14px 18px 12px; display: grid;
  grid-template-columns: 132px 1fr; column-gap: 18px; }
.entry[data-conflict="true"] { border-left-color: var(--conflict); }
.entry[data-expected="true"] { border: 2px dashed var(--expected); border-left-width: 5px;
  background: linear-gradient(0deg, #fff, #fcfaff); }
.entry[data-granularity="vague"], .entry[data-granularity="undated"] {
  border-left-style: dotted; }
.entry:target { box-shadow: 0 0 0 3px #bcd0f5; }
.when { grid-row: 1 / span 8; }
.when time, .when .undated { display: block; font-size: 19px; font-weight: 700; line-height: 1.2; }
.when .gran { display: block; font-size: 12px; color: var(--muted); margin-top: 3px; }
.entry-body { min-width: 0; }
.head { display: flex; flex-wrap: wrap; gap: 4px 8px; align-items: center; }
.count { color: var(--muted); font-size: 13px; }
.badge { font-size: 11px; font-weight: 700; text-transform: uppercase; letter-spacing: .06em;
  border-radius: 999px; padding: 1px 8px; }
.badge.conflict { background: var(--conflict); color: #fff; }
.badge.expected { background: var(--expected-soft); color: var(--expected);
  border: 1px dashed var(--expected); }
.badge.reported, .badge.denied, .badge.vague { background: #eef0f3; color: var(--muted); }
.what { font-size: 19px; margin: 0; line-height: 1.3; }
.what a { color: inherit; }
.figs { margin: 4px 0 6px; display: flex; flex-wrap: wrap; gap: 4px 16px; align-items: baseline; }
.fig { font-size: 22px; font-weight: 700; font-variant-numeric: tabular-nums; white-space: nowrap; }
.fig small { font-size: 12px; font-weight: 500; color: var(--muted); margin-left: 4px; }
.none { color: var(--faint); font-style: italic; }
.sides { display: grid; grid-template-columns: 1fr auto 1fr; gap: 0 12px; margin: 10px 0 6px; }
.side { background: var(--conflict-soft); border-radius: 8px; padding: 8px 12px; min-width: 0; }
.side h4 { margin: 0; font-size: 12px; font-weight: 600; color: var(--conflict);
  text-transform: uppercase; letter-spacing: .05em; }
.side .fig { color: #7d1a10; }
.ne { align-self: center; font-size: 13px; font-weight: 700; color: #fff; background: var(--conflict);
  border-radius: 999px; width: 34px; height: 34px; line-height: 34px; text-align: center; }
.sides.many { grid-template-columns: repeat(auto-fit, minmax(240px, 1fr)); gap: 10px; }
.sides.many .ne { display: none; }
ul.atts { list-style: none; margin: 6px 0 0; padding: 0; }
.att { padding: 6px 0; border-top: 1px solid var(--line); font-size: 14px; }
.side .att { border-top-color: #f3d2cd; }
.att-head { display: flex; flex-wrap: wrap; gap: 2px 10px; align-items: baseline; }
.src { font-weight: 600; }
.src a { color: var(--ink); text-decoration-color: #a9b4c4; }
.lang { font-size: 11px; font-weight: 700; color: var(--accent); background: var(--accent-soft);
  border-radius: 4px; padding: 0 5px; text-transform: lowercase; }
.pub, .att-when { color: var(--muted); font-size: 13px; }
.att-fig { font-weight: 600; font-variant-numeric: tabular-nums; }
blockquote { margin: 3px 0 0; padding: 1px 0 1px 10px; border-left: 3px solid var(--line);
  color: #334155; font-size: 13.5px; line-height: 1.45; }
mark { background: #fff0b3; color: inherit; padding: 0 1px; border-radius: 2px; }
mark.date { background: #e3ecfb; }
details.full { font-size: 13px; color: var(--muted); margin: 2px 0 0 13px; }
details.full summary { cursor: pointer; }
details.more > summary { cursor: pointer; color: var(--accent); font-size: 13px; padding: 4px 0; }
.history { margin: 10px 0 0; }
.history h4 { margin: 0 0 4px; font-size: 12px; font-weight: 600; text-transform: uppercase;
  letter-spacing: .05em; color: var(--muted); }
.history ol { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 6px; }
.history li { position: relative; background: #f1f4f8; border-radius: 6px; padding: 3px 9px;
  font-size: 13px; }
.history li + li::before { content: "→"; color: var(--faint); margin: 0 6px 0 -2px; }
.history li.changed { background: #fff4d6; }
.history .h-fig { font-weight: 700; }
.history .h-note { color: #9a6700; font-size: 11px; font-weight: 700; text-transform: uppercase;
  margin-left: 4px; }
.hits { list-style: none; padding: 0; margin: 0; display: grid; gap: 10px; }
.hit { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 10px 14px; }
.hit a { font-size: 18px; font-weight: 600; }
.hit p { margin: 2px 0 0; color: var(--muted); font-size: 14px; }
footer { color: var(--faint); font-size: 12px; padding: 0 0 30px; }
@media (max-width: 720px) {
  .entry { grid-template-columns: 1fr; }
  .when { grid-row: auto; margin-bottom: 4px; }
  .sides { grid-template-columns: 1fr; gap: 8px; }
  .ne { display: none; }
}
@media print { html { background: #fff; } .search { display: none; } }
)css";

}  // namespace claimline::tools

#endif  // CLAIMLINE_TOOLS_PAGE_STYLE_H_

import { FONT_STACK } from "../charts/index.js";

/**
 * The report's only style sheet, inlined: system fonts, nothing from the network. Screen shows one
 * sheet of paper; print fits A4 and Letter (182 × 250 mm of content) with the first page on its own.
 */
export const reportStyles = `
:root { --text: #1f2933; --muted: #5f6b76; --line: #d9dee3; --accent: #1b6ca8; --bad: #b23b2e; --soft: #f4f6f8; }
* { box-sizing: border-box; }
html { font-family: ${FONT_STACK}; color: var(--text); font-size: 15px; line-height: 1.45; background: #e9edf1; }
body { margin: 0; }
main.report { max-width: 780px; margin: 24px auto; background: #fff; padding: 36px 48px 48px; box-shadow: 0 1px 4px rgba(0,0,0,.12); }
h1 { font-size: 1.75rem; line-height: 1.2; margin: 2px 0 4px; }
h2 { font-size: 1.25rem; margin: 0 0 8px; }
h3 { font-size: 1rem; margin: 16px 0 6px; }
p { margin: 0 0 8px; }
.kicker { text-transform: uppercase; letter-spacing: .06em; font-size: .75rem; color: var(--muted); margin: 0; }
.meta { color: var(--muted); font-size: .85rem; margin: 0; }
.title .description { margin: 2px 0 4px; }
.muted { color: var(--muted); font-size: .85rem; }
.recommendation { border-left: 5px solid var(--accent); background: #eef5fb; padding: 10px 16px 4px; margin: 14px 0; }
.recommendation h2 { font-size: .8rem; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); margin: 0 0 2px; }
.verdict { font-size: 1.3rem; font-weight: 700; margin: 0 0 4px; }
.deadline { font-weight: 600; }
.cards-heading { font-size: .9rem; font-weight: 600; margin: 0 0 4px; }
.cards { display: grid; grid-template-columns: 1fr 1fr; gap: 10px; margin: 0 0 12px; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: 8px 14px 10px; }
.card h3 { font-size: .75rem; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); margin: 0; }
.card .big { font-size: 1.6rem; font-weight: 700; line-height: 1.2; margin: 2px 0 0; }
.card .unit { color: var(--muted); font-size: .8rem; margin: 0 0 6px; }
.card p[data-prose] { font-size: .87rem; margin: 0; }
/* A close call: the two options side by side, inside the recommendation. */
table.trade-off { font-size: .8rem; margin: 2px 0 6px; background: #fff; }
table.trade-off th, table.trade-off td { padding: 2px 6px; }
table.trade-off .muted { font-size: .75rem; }
/* An extraordinary result: a plain warning before "How sure are we?". */
.check { border-left: 5px solid var(--bad); background: #fdf3f1; padding: 6px 14px 2px; margin: 0 0 10px; }
.check h2 { font-size: .95rem; margin: 0 0 4px; }
.check p { font-size: .87rem; margin-bottom: 4px; }
.risk h2 { font-size: 1.05rem; margin: 4px 0 4px; }
.risk p { font-size: .9rem; margin-bottom: 4px; }
table { border-collapse: collapse; width: 100%; font-size: .85rem; margin: 4px 0 8px; }
th, td { padding: 3px 8px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
th { font-weight: 600; color: var(--muted); border-bottom: 1.5px solid #9aa5b1; }
th.group { text-align: center; color: var(--text); border-bottom: 1px solid var(--line); }
.nowrap { white-space: nowrap; }
.number { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
/* Where a payback month's 9-in-10 range sits under it in a table of figures, it may wrap: the table keeps to the page's width. */
[data-payback-range] { white-space: normal; }
/* A heading over figures may wrap ("DORA's return on investment"): the figures below it never do. */
th.number { white-space: normal; }
/* A table of seven columns (the options): smaller type and padding, and "US$3.75 million" free to
   break before "million", keep it within the page. */
table.wide { font-size: .8rem; }
table.wide th, table.wide td { padding: 3px 5px; }
table.wide td.number { white-space: normal; }
.negative { color: var(--bad); }
.tag { display: inline-block; font-size: .7rem; text-transform: uppercase; letter-spacing: .04em; background: var(--accent); color: #fff; border-radius: 3px; padding: 0 5px; margin-left: 4px; vertical-align: 1px; }
ul.options { padding-left: 18px; margin: 4px 0 10px; font-size: .9rem; }
section.block { margin-top: 28px; }
figure.chart { margin: 6px 0 0; }
figure.chart svg { display: block; max-width: 100%; height: auto; }
figcaption p { font-size: .9rem; margin: 6px 0 0; }
table.months { font-size: .78rem; }
table.months td, table.months th { padding: 2px 6px; }
td.stopped { background: #eceff2; color: var(--muted); }
td.overloaded { background: #fbe1dd; color: var(--bad); font-weight: 600; }
.key { font-size: .78rem; color: var(--muted); }
.swatch { display: inline-block; width: 12px; height: 10px; border: 1px solid var(--line); margin: 0 4px 0 10px; vertical-align: -1px; }
.swatch.stopped { background: #eceff2; }
.swatch.overloaded { background: #fbe1dd; }
.appendix { margin-top: 36px; border-top: 2px solid var(--line); padding-top: 16px; }
.appendix p, .appendix li { font-size: .87rem; }
ul.method { padding-left: 18px; }
table.assumptions { font-size: .78rem; }
table.assumptions td.note { color: var(--muted); }
/* Fixed columns: a long value or note wraps in its own column instead of squeezing "Used by". */
table.assumptions { table-layout: fixed; }
table.assumptions td.number { white-space: normal; }
table.assumptions thead th:nth-child(1) { width: 31%; }
table.assumptions thead th:nth-child(2) { width: 16%; }
table.assumptions thead th:nth-child(3) { width: 18%; }
table.catalogue thead th:nth-child(1) { width: 44%; }
table.catalogue thead th:nth-child(2) { width: 20%; }
table.assumptions .as-above { font-style: italic; }
.built-in { color: var(--accent); font-weight: 700; margin-left: 2px; }
table.catalogue tr.capability th { color: var(--text); font-weight: 700; padding-top: 10px; border-bottom: 1px solid var(--line); }
table.catalogue .used-in { font-weight: 400; color: var(--muted); }
.path { font-family: ui-monospace, "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: .72rem; color: var(--muted); overflow-wrap: anywhere; }
footer.colophon { margin-top: 24px; font-size: .75rem; color: var(--muted); }
/* A phone: the sheet takes the screen, the cards stack, and a wide table scrolls inside its own box
   instead of widening the page. */
@media screen and (max-width: 640px) {
  main.report { margin: 0; padding: 16px 14px 24px; box-shadow: none; }
  .cards { grid-template-columns: 1fr; }
  table { display: block; overflow-x: auto; max-width: 100%; }
  /* A table that scrolls shows a shadow on the side where more of it is: two white covers move with
     its content and hide each shadow at its own end (a table that fits shows none). The trade-off
     table's own white background would hide them. */
  table, table.trade-off {
    background:
      linear-gradient(to right, #fff 40%, rgba(255,255,255,0)) left center / 24px 100% no-repeat local,
      linear-gradient(to left, #fff 40%, rgba(255,255,255,0)) right center / 24px 100% no-repeat local,
      radial-gradient(farthest-side at 0 50%, rgba(31,41,51,.28), rgba(31,41,51,0)) left center / 12px 100% no-repeat scroll,
      radial-gradient(farthest-side at 100% 50%, rgba(31,41,51,.28), rgba(31,41,51,0)) right center / 12px 100% no-repeat scroll;
  }
  .path { overflow-wrap: anywhere; }
  /* A chart shrunk to a phone's width has text of 5–6 px: it keeps a readable size (at least 560 px
     wide, about 8-px text) and scrolls sideways inside its own box, like a wide table. */
  figure.chart { overflow-x: auto; }
  figure.chart svg { min-width: 560px; }
  /* The appendix's tables are too wide to scroll through: each input becomes a short block of its
     own, each cell named ("Value: 80 hours"). */
  table.assumptions, table.assumptions tbody, table.assumptions tr, table.assumptions td, table.assumptions th { display: block; overflow: visible; }
  table.assumptions thead { display: none; }
  table.assumptions tr { padding: 6px 0; border-bottom: 1px solid var(--line); }
  table.assumptions td, table.assumptions th { border: 0; padding: 1px 0; text-align: left; white-space: normal; width: auto; }
  table.assumptions td[data-label]:not(:first-child)::before { content: attr(data-label) ": "; color: var(--muted); }
  table.assumptions td.note:empty { display: none; }
  table.catalogue tr.capability { border-bottom: 1.5px solid #9aa5b1; padding-top: 14px; }
  /* The options' tables (a close call's on page 1, "The options") stack into one short block per
     option, each figure named ("Pays back: month 12"): scrolled sideways, a phone showed an option's
     name and net gain, and the columns page 1 asks the reader to choose on (how soon and how surely it
     pays back) were out of sight. */
  table.stacks, table.stacks tbody, table.stacks tr, table.stacks td { display: block; overflow: visible; background: none; }
  table.stacks thead { display: none; }
  table.stacks tr { padding: 6px 0; border-bottom: 1px solid var(--line); }
  table.stacks td { border: 0; padding: 1px 0; text-align: left; white-space: normal; width: auto; }
  table.stacks td:first-child { font-weight: 600; }
  table.stacks td:empty { display: none; }
  table.stacks td[data-label]::before { content: attr(data-label) ": "; color: var(--muted); font-weight: 400; }
}
/* Narrower than a chart (560 px and the sheet's padding): say that it scrolls, above it, where the
   eye starts; the words stay in view while it scrolls. */
@media screen and (max-width: 587px) {
  figure.chart::before { content: "Wider than the screen: scroll sideways for the whole chart →"; display: block; position: sticky; left: 0; font-size: .75rem; color: var(--muted); margin-bottom: 2px; }
}
@page { margin: 14mm 14mm 16mm; }
@media print {
  html { background: #fff; font-size: 10pt; }
  main.report { max-width: none; margin: 0; padding: 0; box-shadow: none; }
  .summary { break-after: page; }
  /* Page 1 holds the whole summary, "How sure are we?" and its table included, on A4 and Letter, even
     with a close call of three options whose labels run to 70 characters: smaller type and tighter
     spacing in print, and the option's name given the widest column of the close call's table so a
     long label takes two lines, not four. Nothing is left out. */
  .summary h1 { font-size: 1.5rem; }
  .summary .title .meta { margin: 0; }
  .summary .recommendation { padding: 8px 14px 2px; margin: 10px 0; }
  .summary .verdict { font-size: 1.05rem; line-height: 1.3; }
  .summary .recommendation p[data-prose] { font-size: .85rem; margin-bottom: 4px; }
  table.trade-off { font-size: .72rem; }
  table.trade-off th:first-child, table.trade-off td:first-child { width: 38%; }
  .summary .cards-heading { font-size: .85rem; margin: 0 0 3px; }
  .summary .cards { gap: 8px; margin-bottom: 8px; }
  .summary .card { padding: 6px 12px 8px; }
  .summary .card .big { font-size: 1.3rem; }
  .summary .card .unit { margin-bottom: 4px; }
  .summary .card p[data-prose] { font-size: .8rem; line-height: 1.4; }
  .summary .risk h2 { margin: 0 0 2px; }
  .summary .risk p { font-size: .85rem; }
  .summary .risk table { font-size: .78rem; }
  /* The appendix follows on the same page: a forced page break left most of a page blank. */
  .appendix { margin-top: 24px; }
  table.catalogue tbody, ul.group-notes li { break-inside: avoid; }
  tr.capability { break-after: avoid; }
  h2, h3 { break-after: avoid; }
  figure.chart, .card, .recommendation, tr, .risk table { break-inside: avoid; }
  thead { display: table-header-group; }
  section.block { margin-top: 20px; }
  footer.colophon { display: none; }
}
`;

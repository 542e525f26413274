import type { ReportContext } from "../context.js";
import { escapeHtml } from "../escape.js";
import { formatShare, plural } from "../../format/numbers.js";
import { allOptionsText, appendixTables, type AppendixRow, type CapabilityGroup, groupNoteLabel, usedByOf } from "./appendix-rows.js";
import { optionName, userText } from "./parts.js";
import type { ReportSection } from "./section.js";
import {
  builtInPricesWords,
  cashTimingWords,
  discountingWords,
  changeHoursPriceWords,
  inTodaysMoney,
  onlyBeforeChangeAside,
  paybackRuleWords,
  returnOnCostDivisorWords,
  usedByName,
} from "../../format/words.js";
import { cashMonthShort } from "../../format/asked-for.js";

function usedBy(context: ReportContext, names: readonly string[], onlyBeforeChange: readonly string[] = []): string {
  const used = usedByOf(context.result, names);
  if (used.kind === "none") return "no option";
  if (used.kind === "all") {
    const before = used.names.filter((name) => onlyBeforeChange.includes(name)).map((name) => userText(context.label(name)));
    return before.length === 0 ? userText(allOptionsText(context.result)) : `${userText(allOptionsText(context.result))} (${onlyBeforeChangeAside(before)})`;
  }
  return used.names.map((name) => usedByName(userText(context.label(name)), onlyBeforeChange.includes(name))).join(", ");
}

/** The mark after a value that is the built-in catalogue's starting assumption; its note is said once. */
const BUILT_IN_MARK = `<span class="built-in">*</span>`;
const BUILT_IN_EXPLAINED = `Values marked ${BUILT_IN_MARK} are starting assumptions of the built-in catalogue: confirm them for your team, or override them under <span class="path">catalogue</span> in the case file.`;

/**
 * The built-in values' note, with, when the case takes built-in prices in another currency than the
 * catalogue's (the engine's result says which), the sentence every view writes of them (300 a month
 * read "JP¥300 a month" with nothing to say it was not a yen price).
 */
function builtInExplained(context: ReportContext): string {
  const prices = builtInPricesWords(context.result.currency, context.result.unconvertedBuiltInPrices);
  return prices === undefined ? BUILT_IN_EXPLAINED : `${BUILT_IN_EXPLAINED} ${escapeHtml(prices)}`;
}

function valueCell(row: AppendixRow): string {
  const mark = row.builtIn ? BUILT_IN_MARK : "";
  const middle = row.middle ? `<div class="path">middle ${escapeHtml(row.middle)}</div>` : "";
  return `<td class="number" data-label="Value">${escapeHtml(row.value)}${mark}${middle}</td>`;
}

/** Notes as the author wrote them; the built-in note is said once, and a note repeated on the next row reads "as above". */
function noteCells(rows: readonly AppendixRow[]): string[] {
  let previous: string | undefined;
  return rows.map((row) => {
    const note = row.builtIn ? undefined : row.assumption.note;
    const text = note === undefined ? "" : note === previous ? `<span class="as-above">as above</span>` : userText(note);
    previous = note;
    return `<td class="note" data-label="Note">${text}</td>`;
  });
}

function inputTable(context: ReportContext, rows: readonly AppendixRow[]): string {
  const notes = noteCells(rows);
  const body = rows
    .map(
      (row, index) => `<tr data-input="${escapeHtml(row.assumption.input)}">
  <td data-label="Input">${escapeHtml(row.label)}<div class="path">${userText(row.assumption.input)}</div></td>
  ${valueCell(row)}
  <td data-label="Used by">${usedBy(context, row.assumption.usedBy, row.assumption.usedOnlyBeforeChangeBy)}</td>
  ${notes[index]}
</tr>`,
    )
    .join("");
  return `<table class="assumptions">
  <thead><tr><th>Input</th><th class="number">Value</th><th>Used by</th><th>Note</th></tr></thead>
  <tbody>${body}</tbody>
</table>`;
}

function capabilityTable(context: ReportContext, groups: readonly CapabilityGroup[]): string {
  const bodies = groups
    .map((group) => {
      const notes = noteCells(group.rows);
      const who =
        group.usedBy.kind === "all" ? userText(allOptionsText(context.result)) : group.usedBy.names.map((name) => optionName(context, name)).join(", ");
      const rows = group.rows
        .map(
          (row, index) => `<tr data-input="${escapeHtml(row.assumption.input)}">
  <td data-label="Costs or changes">${escapeHtml(row.label)}<div class="path">${userText(row.assumption.input)}</div></td>
  ${valueCell(row)}
  ${notes[index]}
</tr>`,
        )
        .join("");
      return `<tbody data-capability="${escapeHtml(group.name)}">
<tr class="capability"><th colspan="3">${userText(group.label)} <span class="used-in">in ${group.usedBy.kind === "none" ? "no option" : who}</span></th></tr>
${rows}
</tbody>`;
    })
    .join("");
  return `<table class="assumptions catalogue">
  <thead><tr><th>What it costs or changes</th><th class="number">Value</th><th>Note</th></tr></thead>
  ${bodies}
</table>`;
}

function capabilities(context: ReportContext, groups: readonly CapabilityGroup[], explain: boolean): string {
  if (groups.length === 0) return "";
  return `<h3>Improvements from the catalogue</h3>
<p>Each improvement costs team hours to set up and may have a fee. Its other numbers multiply an input of the options that include it: × 0.7 means 30% less of it, × 1 no change.${
    explain ? ` ${builtInExplained(context)}` : ""
  }</p>
${capabilityTable(context, groups)}`;
}

/** Why and how later money is discounted, as a sentence (at 0%: that it is not). */
function discountingSentence(result: ReportContext["result"]): string {
  const words = discountingWords(result);
  if (result.discountRate === 0) return `${words.charAt(0).toUpperCase()}${words.slice(1)}.`;
  return `Money that comes later is worth less than money now, so ${words}.`;
}

function capitalised(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

/** Whether some option pays its cash in a later month than the start (the table of the options shows it under "Up front"). */
function laterCash(result: ReportContext["result"]): boolean {
  return Object.values(result.comparisons).some((comparison) => cashMonthShort(comparison.investment) !== undefined);
}

function method(context: ReportContext): string {
  const { result } = context;
  const points = [
    // The same words as the table of the options' note (cashTimingWords): cash paid in a later month is discounted with it.
    `<strong>Net gain${inTodaysMoney(result.discountRate)}.</strong> ${escapeHtml(discountingSentence(result))} ${escapeHtml(capitalised(cashTimingWords(result.discountRate, laterCash(result))))}.`,
    // Page 1's "worth €…" prices the change's hours at what they displace, idle ones at the capture share: said so here, not "at the cost of an hour".
    `<strong>Team time on the change</strong> ${escapeHtml(changeHoursPriceWords(result.freedHoursCaptureShare))} Every hour is counted once.`,
    `<strong>Freed hours.</strong> Hours freed by the change are worth money when they build new projects. Where nothing uses them, they count at ${escapeHtml(formatShare(result.freedHoursCaptureShare))} of their cost.`,
    `<strong>Pays back</strong> is ${escapeHtml(paybackRuleWords())}.`,
    // What the JSON's `presentValueOfCosts` holds (docs/numbers.md, "ROI"): the running costs too, not only the change's.
    `<strong>Return on cost</strong> is the net gain divided by ${escapeHtml(returnOnCostDivisorWords(result.discountRate))}.`,
    `<strong>What could change the result.</strong> ${
      context.risks?.method === "range"
        ? "Each input is set to the low and the high end of its range, the others kept in the middle."
        : "Each input is moved 20% down and 20% up on its own. Whole months and counts of projects are left as they are."
    }`,
  ];
  if (context.ranges === "sampled" && context.uncertainty) {
    points.push(
      `<strong>Ranges.</strong> The plan was worked out ${escapeHtml(plural(context.uncertainty.samples, "time"))}, each time with every range drawn at random (seed ${escapeHtml(String(context.uncertainty.seed))}, so the same file gives the same report): ${escapeHtml(plural(context.uncertainty.samples, "outcome"))} of the ranges. The ranges and chances in the report come from these outcomes.`,
    );
  }
  return `<ul class="method">${points.map((point) => `<li>${point}</li>`).join("")}</ul>`;
}

function groupNotes(context: ReportContext): string {
  const notes = context.result.notes;
  if (notes.length === 0) return "";
  const items = notes
    .map((note) => `<li>${userText(groupNoteLabel(context.result, note.input))}: ${userText(note.note)}<div class="path">${userText(note.input)}</div></li>`)
    .join("");
  return `<h3>Notes on groups of inputs</h3><ul class="group-notes">${items}</ul>`;
}

/** Every input with its value, who uses it and the author's note; how the figures are worked out. */
export const assumptionsSection: ReportSection = {
  id: "assumptions",
  part: "appendix",
  render(context) {
    const tables = appendixTables(context.result);
    const builtInInInputs = tables.inputs.some((row) => row.builtIn);
    const builtInInCapabilities = !builtInInInputs && tables.capabilities.some((group) => group.rows.some((row) => row.builtIn));
    const inputsIntro = builtInInInputs ? `<p>${builtInExplained(context)}</p>` : "";
    const ranges =
      context.ranges === "none"
        ? " Each input is a single number; none is given as a range."
        : " Where an input is a range, the value shows where 9 in 10 of its values fall, and the middle used for the single figures.";
    return `<section id="assumptions" class="appendix">
<h2>Appendix: the assumptions</h2>
<p>Every figure in this report comes from the inputs below, as written in the case file (the grey line under each input names its place in the file). The notes are the author's own words.${ranges}</p>
<h3>How the figures are worked out</h3>
${method(context)}
<h3>Inputs</h3>
${inputsIntro}
${inputTable(context, tables.inputs)}
${capabilities(context, tables.capabilities, builtInInCapabilities)}
${groupNotes(context)}
</section>`;
  },
};

import type { ReportContext } from "../context.js";
import { escapeHtml } from "../escape.js";
import { formatNumber, formatPercent } from "../format.js";
import { describeInput, formatInputValue } from "../input-labels.js";
import { userText } from "./parts.js";
import type { ReportSection } from "./section.js";

function usedBy(context: ReportContext, names: readonly string[]): string {
  const all = Object.keys(context.result.scenarios);
  if (names.length === 0) return "none";
  if (all.length > 1 && all.every((name) => names.includes(name))) return "all options";
  return names.map((name) => userText(context.label(name))).join(", ");
}

function method(context: ReportContext): string {
  const { result } = context;
  const points = [
    `<strong>Net gain in today's money.</strong> Money that comes later is worth less than money now, so each month is discounted at ${escapeHtml(formatPercent(result.discountRate))} a year. Cash paid at the start counts in full.`,
    `<strong>Team time</strong> is valued at the cost of an hour of the team's time. Every hour is counted once.`,
    `<strong>Freed hours.</strong> Hours freed by the change are worth money when they build new projects. Where nothing uses them, they count at ${escapeHtml(formatPercent(result.freedHoursCaptureShare))} of their cost.`,
    `<strong>Pays back</strong> is the first month from which the gain so far stays at or above zero to the end of the plan.`,
    `<strong>Return on cost</strong> is the net gain divided by what the option costs in today's money: its extra cash and the team time it takes to make the change.`,
    `<strong>What could change the result.</strong> ${
      context.risks?.method === "range"
        ? "Each input is set to the low and the high end of its range, the others kept in the middle."
        : "Each input is moved 20% down and 20% up on its own. Whole months and counts of projects are left as they are."
    }`,
  ];
  if (context.ranges === "sampled" && context.uncertainty) {
    points.push(
      `<strong>Ranges.</strong> The plan was run ${escapeHtml(formatNumber(context.uncertainty.samples))} times, each time with every range drawn at random (seed ${escapeHtml(String(context.uncertainty.seed))}, so the same file gives the same report). The ranges and chances in the report come from these runs.`,
    );
  }
  return `<ul class="method">${points.map((point) => `<li>${point}</li>`).join("")}</ul>`;
}

function inputTable(context: ReportContext): string {
  const { result } = context;
  const rows = result.assumptions
    .map((assumption) => {
      const description = describeInput(assumption.input);
      const note = assumption.note ? userText(assumption.note) : "";
      const format = (value: number) => escapeHtml(formatInputValue(value, description.unit, result.currency));
      const value = assumption.range
        ? `${format(assumption.range.p5)} to ${format(assumption.range.p95)}<div class="path">middle ${format(assumption.value)}</div>`
        : format(assumption.value);
      return `<tr>
  <td>${escapeHtml(description.label)}<div class="path">${userText(assumption.input)}</div></td>
  <td class="number">${value}</td>
  <td>${usedBy(context, assumption.usedBy)}</td>
  <td class="note">${note}</td>
</tr>`;
    })
    .join("");
  return `<table class="assumptions">
  <thead><tr><th>Input</th><th class="number">Value</th><th>Used by</th><th>Note</th></tr></thead>
  <tbody>${rows}</tbody>
</table>`;
}

function groupNotes(context: ReportContext): string {
  const notes = context.result.notes;
  if (notes.length === 0) return "";
  const items = notes.map((note) => `<li><span class="path">${userText(note.input)}</span>: ${userText(note.note)}</li>`).join("");
  return `<h3>Notes on groups of inputs</h3><ul class="group-notes">${items}</ul>`;
}

/** Every input with its value, who uses it and the author's note; how the figures are worked out. */
export const assumptionsSection: ReportSection = {
  id: "assumptions",
  part: "appendix",
  render(context) {
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
${inputTable(context)}
${groupNotes(context)}
</section>`;
  },
};

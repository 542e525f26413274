import { scenarioOrder } from "../../charts/index.js";
import type { ReportContext } from "../context.js";
import { escapeHtml } from "../escape.js";
import { formatHoursTenth, formatMoneyExact, formatNumber } from "../../format/numbers.js";
import { figuresAtTheMiddle, hasRanges } from "../../format/words.js";
import { prose, userText } from "./parts.js";
import type { ReportSection } from "./section.js";

function moneyTable(context: ReportContext): string {
  const { result } = context;
  const comparisons = Object.values(result.comparisons);
  if (comparisons.length === 0) return "";
  // To the unit, not to three figures: a reader checks that each month added to the last "so far" gives the next.
  const money = (value: number) => `<td class="number${value < -0.5 ? " negative" : ""}">${escapeHtml(formatMoneyExact(value, result.currency))}</td>`;
  const groupHead = comparisons.map((comparison) => `<th colspan="2" class="group">${userText(context.label(comparison.alternative))}</th>`).join("");
  const subHead = comparisons.map(() => `<th class="number">This month</th><th class="number">So far</th>`).join("");
  const start = `<tr><td>Start</td>${comparisons.map((comparison) => `${money(comparison.timeZeroNet)}${money(comparison.timeZeroNet)}`).join("")}</tr>`;
  const rows = Array.from({ length: result.horizonMonths }, (_, at) => {
    const cells = comparisons.map((comparison) => `${money(comparison.monthlyNetBenefit[at] ?? 0)}${money(comparison.cumulativeNet[at] ?? 0)}`).join("");
    return `<tr><td>${at + 1}</td>${cells}</tr>`;
  }).join("");
  return `<h3>Gain against today</h3>
<table class="months">
  <thead><tr><th rowspan="2">Month</th>${groupHead}</tr><tr>${subHead}</tr></thead>
  <tbody>${start}${rows}</tbody>
</table>`;
}

function teamTable(context: ReportContext): string {
  const { result } = context;
  const order = scenarioOrder(result);
  const groupHead = order.map((name) => `<th colspan="2" class="group">${userText(context.label(name))}</th>`).join("");
  const subHead = order.map(() => `<th class="number">Live</th><th class="number">Free hours</th>`).join("");
  // The key names only the colours some month has.
  const shown = new Set<string>();
  const rows = Array.from({ length: result.horizonMonths }, (_, at) => {
    const cells = order
      .map((name) => {
        const month = result.scenarios[name]!.months[at]!;
        const state = month.overloaded ? "overloaded" : month.canStartNewWork ? "" : "stopped";
        if (state) shown.add(state);
        // Hours in tables are to a tenth (docs/numbers.md), as \`run\` writes them: 205.97 free hours were "206", 18.85 "19".
        return `<td class="number">${formatNumber(month.liveProjects)}</td><td class="number ${state}">${escapeHtml(formatHoursTenth(month.freeHours))}</td>`;
      })
      .join("");
    return `<tr><td>${at + 1}</td>${cells}</tr>`;
  }).join("");
  const entries = [
    shown.has("stopped") ? `<span class="swatch stopped"></span> too few free hours to start new work` : "",
    shown.has("overloaded") ? `<span class="swatch overloaded"></span> more work than hours: the hours missing are bought in` : "",
  ].filter(Boolean);
  const key = entries.length > 0 ? `\n<p class="key">${entries.join(" ")}</p>` : "";
  return `<h3>The team</h3>
<table class="months">
  <thead><tr><th rowspan="2">Month</th>${groupHead}</tr><tr>${subHead}</tr></thead>
  <tbody>${rows}</tbody>
</table>${key}`;
}

/** The month-by-month figures behind the charts. */
export const monthByMonthSection: ReportSection = {
  id: "month-by-month",
  part: "main",
  render(context) {
    return `<section id="month-by-month" class="block tables">
<h2>Month by month</h2>
${prose(`These are the figures behind the charts. Money is the gain against today, after all costs, before it is valued over time, to the unit: each month's gain so far is the month before's plus the month's own gain. Hours are the team's free hours in each month.${figuresAtTheMiddle(hasRanges(context.result))}`)}
${moneyTable(context)}
${teamTable(context)}
</section>`;
  },
};

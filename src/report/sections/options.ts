import type { ReportContext } from "../context.js";
import { escapeHtml } from "../escape.js";
import { formatHours, formatMonth, formatPercent, plural } from "../format.js";
import { optionName, prose, userText } from "./parts.js";
import type { ReportSection } from "./section.js";

function descriptions(context: ReportContext): string {
  const { result } = context;
  const items = [result.baseline, ...Object.keys(result.comparisons)].map((name) => {
    const scenario = result.scenarios[name]!;
    const description = scenario.description ? ` ${userText(scenario.description)}` : "";
    const today = name === result.baseline && !/\btoday\b/i.test(context.label(name)) ? " (what we do today)" : "";
    return `<li><strong>${userText(context.label(name))}</strong>${today}.${description}</li>`;
  });
  return `<ul class="options">${items.join("")}</ul>`;
}

/** The options side by side: what each asks for and returns. */
export const optionsSection: ReportSection = {
  id: "options",
  part: "main",
  render(context) {
    const { result } = context;
    const comparisons = Object.values(result.comparisons);
    if (comparisons.length === 0) return "";
    const months = plural(result.horizonMonths, "month");
    const best = context.recommendation?.best.alternative;
    const rows = comparisons
      .map((comparison) => {
        const mark = comparison.alternative === best && context.recommendation?.verdict === "go" ? ` <span class="tag">recommended</span>` : "";
        const payback = comparison.paybackMonth === null ? `not within ${months}` : formatMonth(comparison.paybackMonth);
        return `<tr data-option="${escapeHtml(comparison.alternative)}">
  <td>${userText(context.label(comparison.alternative))}${mark}</td>
  <td class="number">${escapeHtml(context.money(comparison.npv))}</td>
  <td class="nowrap">${escapeHtml(payback)}</td>
  <td class="number">${escapeHtml(context.money(Math.max(0, comparison.investment.cash)))}</td>
  <td class="number">${escapeHtml(formatHours(Math.max(0, comparison.investment.teamHours)))}</td>
  <td class="number">${comparison.roi === null ? "–" : escapeHtml(formatPercent(comparison.roi))}</td>
</tr>`;
      })
      .join("");
    return `<section id="options" class="block">
<h2>The options</h2>
${prose(`Each option is compared with today, ${optionName(context, result.baseline)}. The net gain counts every cost and every saving over the ${months}, in today's money.`)}
${descriptions(context)}
<table>
  <thead><tr><th>Option</th><th class="number">Net gain</th><th>Pays back</th><th class="number">Up front</th><th class="number">Team time</th><th class="number">Return on cost</th></tr></thead>
  <tbody>${rows}</tbody>
</table>
</section>`;
  },
};

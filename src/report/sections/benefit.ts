import { formatHours, formatShare, theMonths } from "../../format/numbers.js";
import { changeBarWords, figuresAtTheMiddle, hasRanges } from "../../format/words.js";
import type { ReportContext } from "../context.js";
import { escapeHtml } from "../escape.js";
import { chartFigure, optionName, prose } from "./parts.js";
import type { ReportSection } from "./section.js";

/**
 * The bar "Cost of making the change" counts the change's hours at the full cost of an hour, page 1 at
 * what they displace (an idle hour at the capture share): where the two differ, each such option's
 * figures, so the bar is not read as what the change costs (solo.yaml: −€14,200 on the bar, €12,400 on page 1).
 */
function changeNote(context: ReportContext): string {
  const { result } = context;
  const differing = Object.values(result.comparisons).filter(
    (comparison) => comparison.investment.total > 0 && context.money(-comparison.benefitByCategory.change) !== context.money(comparison.investment.total),
  );
  if (differing.length === 0) return "";
  const options = differing.map((comparison) => {
    const { investment } = comparison;
    const cash = investment.cash > 0 && context.money(investment.cash) !== context.money(0) ? context.money(investment.cash) : undefined;
    return {
      name: optionName(context, comparison.alternative),
      bar: escapeHtml(context.money(-comparison.benefitByCategory.change)),
      total: escapeHtml(context.money(investment.total)),
      ...(cash ? { cash: escapeHtml(cash) } : {}),
      hours: escapeHtml(formatHours(investment.teamHours)),
      hoursWorth: escapeHtml(context.money(investment.teamHoursCost)),
    };
  });
  return ` ${changeBarWords(result.freedHoursCaptureShare, options)}`;
}

/** Where each alternative's gain comes from, by category. */
export const benefitSection: ReportSection = {
  id: "benefit",
  part: "main",
  render(context) {
    const svg = context.charts.benefitByCategory;
    if (!svg) return "";
    const { result } = context;
    const unused = Object.values(result.comparisons).some((comparison) => Math.abs(comparison.benefitByCategory.unusedCapacity) >= 0.5);
    const capture = unused
      ? ` Freed hours that are not put to new work count at ${formatShare(result.freedHoursCaptureShare)} of their cost. That is why part of the saving is taken back.`
      : "";
    const change = changeNote(context);
    return `<section id="benefit" class="block">
<h2>Where the gain comes from</h2>
${chartFigure(
  svg,
  prose(
    `Bars to the right are gains against today, and bars to the left are costs. The amounts are totals over ${theMonths(result.horizonMonths)}, before money is valued over time.${figuresAtTheMiddle(hasRanges(result), "They")}${capture}${change}`,
  ),
)}
</section>`;
  },
};

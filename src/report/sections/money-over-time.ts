import { chartFigure, prose } from "./parts.js";
import type { ReportSection } from "./section.js";
import { gainChartMarks } from "../../format/words.js";

/** Cumulative net per alternative, with the payback month marked. */
export const moneyOverTimeSection: ReportSection = {
  id: "money-over-time",
  part: "main",
  render(context) {
    const svg = context.charts.cumulativeNet;
    if (!svg) return "";
    const paybacks = Object.values(context.result.comparisons).map((comparison) => comparison.paybackMonth);
    // With ranges, the lines and their payback months are those of every range at its middle: some
    // outcomes may pay back where the middle does not (the band shows them), so that is said.
    const marks = gainChartMarks(paybacks, context.result.horizonMonths, context.ranges);
    return `<section id="money-over-time" class="block">
<h2>When the money comes back</h2>
${chartFigure(
  svg,
  prose(
    `Each line is the gain against today so far, after all costs: ${
      context.result.discountRate === 0
        ? "at the case's rate of 0% nothing is discounted, so where a line ends is the net gain the summary gives"
        : "not discounted, so where a line ends is not the summary's net gain in today's money"
    }. Below zero, the option has cost more than it has brought back.${marks}`,
  ),
)}
</section>`;
  },
};

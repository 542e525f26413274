import { formatShare, theMonths } from "../../format/numbers.js";
import { chartFigure, prose } from "./parts.js";
import type { ReportSection } from "./section.js";

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
    return `<section id="benefit" class="block">
<h2>Where the gain comes from</h2>
${chartFigure(
  svg,
  prose(
    `Bars to the right are gains against today, and bars to the left are costs. The amounts are totals over ${theMonths(result.horizonMonths)}, before money is valued over time.${capture}`,
  ),
)}
</section>`;
  },
};

import { formatHours } from "../../format/numbers.js";
import { benefitChartCaption } from "../../format/words.js";
import { escapeHtml } from "../escape.js";
import { chartFigure, optionName, prose } from "./parts.js";
import type { ReportSection } from "./section.js";

/**
 * Where each alternative's gain comes from, by category, with the caption the web app gives the same
 * chart (`benefitChartCaption`): the bar "Cost of making the change" counts the change's hours at the full
 * cost of an hour, page 1 at what they displace, and where the two differ the caption gives each such
 * option's figures, so the bar is not read as what the change costs (solo.yaml: −€14,200 on the bar,
 * €12,400 on page 1).
 */
export const benefitSection: ReportSection = {
  id: "benefit",
  part: "main",
  render(context) {
    const svg = context.charts.benefitByCategory;
    if (!svg) return "";
    const caption = benefitChartCaption(context.result, {
      money: (value) => escapeHtml(context.money(value)),
      hours: (value) => escapeHtml(formatHours(value)),
      name: (alternative) => optionName(context, alternative),
    });
    return `<section id="benefit" class="block">
<h2>Where the gain comes from</h2>
${chartFigure(svg, prose(caption))}
</section>`;
  },
};

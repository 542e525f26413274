import { countWord, chartFigure, optionName, prose } from "./parts.js";
import type { ReportSection } from "./section.js";
import { TORNADO_BARS } from "../risks.js";

/** The tornado: which assumptions move the recommended option's result most. */
export const whatMovesSection: ReportSection = {
  id: "what-moves",
  part: "main",
  render(context) {
    const risks = context.risks;
    const svg = context.charts.tornado;
    if (!risks || !svg) return "";
    const shown = Math.min(TORNADO_BARS, risks.risks.length);
    const option = optionName(context, risks.alternative);
    const text =
      risks.method === "range"
        ? `Each bar shows the net gain of ${option} when one input moves from the low to the high end of its range, all else unchanged. The ${countWord(shown)} with the longest bars are shown. These are the assumptions to check first.`
        : `Each bar shows the net gain of ${option} if one input were ${Math.round(risks.change * 100)}% lower (light bars) or ${Math.round(risks.change * 100)}% higher (dark bars), all else unchanged. This is a simple test, not a range from the file. The ${countWord(shown)} with the longest bars are shown. These are the assumptions to check first.`;
    return `<section id="what-moves" class="block">
<h2>What could change the result</h2>
${chartFigure(svg, prose(text))}
</section>`;
  },
};

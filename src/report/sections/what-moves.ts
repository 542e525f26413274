import { countWord, chartFigure, optionName, prose } from "./parts.js";
import { escapeHtml } from "../escape.js";
import type { ReportSection } from "./section.js";
import { shownRisks, TORNADO_BARS } from "../risks.js";

/** "This is the assumption to check first." after one bar; "These are …" after several. */
function checkFirst(shown: number): string {
  return shown === 1 ? "This is the assumption to check first." : "These are the assumptions to check first.";
}

/**
 * Which bars are shown and what to do with them: "The three with the longest bars are shown. These are
 * the assumptions to check first."; when every range that moves it is shown, that it is all of them
 * ("These are the only two ranges that move it: the assumptions to check first.").
 */
function shownText(shown: number, moving: number, ranges: boolean): string {
  if (ranges && shown >= moving)
    return shown === 1
      ? "It is the only range that moves it: the assumption to check first."
      : `These are the only ${countWord(shown)} ranges that move it: the assumptions to check first.`;
  return `${shown === 1 ? "The one with the longest bar is shown." : `The ${countWord(shown)} with the longest bars are shown.`} ${checkFirst(shown)}`;
}

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
        ? `Each bar shows the net gain of ${option} when one input moves from the low to the high end of its range, all else unchanged. ${shownText(shown, risks.risks.length, true)}`
        : `Each bar shows the net gain of ${option} if one input were ${Math.round(risks.change * 100)}% lower (light bars) or ${Math.round(risks.change * 100)}% higher (dark bars), all else unchanged. This is a simple test, not a range from the file. ${shownText(shown, risks.risks.length, false)}`;
    // The bars move one input at a time: inputs the file links must be read together. Only links
    // between two inputs that both have a bar in this chart are named, by the bars' own labels: an
    // input with no bar (it does not move this option, or moves it less than those shown) is no bar to
    // read together with.
    const bars = new Map(shownRisks(risks).map((risk) => [risk.input, risk.label]));
    const pairs = (context.result.correlations ?? [])
      .filter(({ between: [a, b], rank }) => rank !== 0 && bars.has(a) && bars.has(b))
      .map(
        ({ between: [a, b], rank }) =>
          `“${escapeHtml(bars.get(a)!)}” and “${escapeHtml(bars.get(b)!)}” ${rank > 0 ? "tend to rise together" : "tend to move in opposite directions"}`,
      );
    const linkedText =
      pairs.length > 0
        ? ` The case links some of these assumptions: ${pairs.join("; ")}. Each bar moves one of them alone, so read linked bars together; the ranges on the first page move them together.`
        : "";
    return `<section id="what-moves" class="block">
<h2>What could change the result</h2>
${chartFigure(svg, prose(text + linkedText))}
</section>`;
  },
};

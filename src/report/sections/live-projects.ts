import { formatNumber, plural } from "../../format/numbers.js";
import { figuresAtTheMiddle, hasRanges } from "../../format/words.js";
import { chartFigure, optionName, prose } from "./parts.js";
import type { ReportSection } from "./section.js";
import type { ComparisonResult } from "../../engine/index.js";
import type { ReportContext } from "../context.js";

/** Live projects over time, per scenario. */
export const liveProjectsSection: ReportSection = {
  id: "live-projects",
  part: "main",
  render(context) {
    const scenarios = Object.values(context.result.scenarios);
    // A case without projects (the DORA papers' way) has nothing to draw here.
    if (scenarios.every((scenario) => scenario.months.every((month) => month.liveProjects === 0))) return "";
    const series = scenarios.map((scenario) => scenario.months.map((month) => month.liveProjects).join(","));
    const same = new Set(series).size === 1 && series.length > 1;
    // "The difference", not "the gain": the option may lose money.
    const note = same
      ? " Here every option has the same projects live in the same months, so the lines lie on top of each other: the difference comes from what the team does with its hours, not from more projects."
      : " A line that goes flat means no more projects go live: the team has run out of time, or of projects to build.";
    const best = context.recommendation?.best;
    return `<section id="live-projects" class="block">
<h2>Live projects over time</h2>
${chartFigure(
  context.charts.liveProjects,
  prose(
    `Each line counts the projects that are live and earning in each month.${note}${best ? ` ${delivered(context, best)}` : ""}${figuresAtTheMiddle(hasRanges(context.result), "The counts")}`,
  ),
)}
</section>`;
  },
};

/**
 * How many new projects today's team and the recommended option release over the plan, said so that
 * none, one and the same number read as such: "releases no new project", "it releases none", "the same number".
 */
function delivered(context: ReportContext, best: ComparisonResult): string {
  const { baseline: today, alternative: after } = best.capacity.projectsDelivered;
  const option = optionName(context, best.alternative);
  if (today === 0 && after === 0) return `Neither today's team nor ${option} releases a new project over the plan.`;
  const todaySaid = today === 0 ? "no new project" : plural(today, "new project");
  const afterSaid = after === today ? "the same number" : after === 0 ? "none" : formatNumber(after);
  return `Over the plan, today's team releases ${todaySaid}; with ${option}, it releases ${afterSaid}.`;
}

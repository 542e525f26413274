import { formatNumber, plural } from "../../format/numbers.js";
import { chartFigure, optionName, prose } from "./parts.js";
import type { ReportSection } from "./section.js";

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
    const note = same
      ? " Here every option has the same projects live in the same months, so the lines lie on top of each other: the gain comes from what the team does with its hours, not from more projects."
      : " A line that goes flat means no more projects go live: the team has run out of time, or of projects to build.";
    const best = context.recommendation?.best;
    const delivered = !best
      ? ""
      : best.capacity.projectsDelivered.baseline + best.capacity.projectsDelivered.alternative === 0
        ? ` Neither today's team nor ${optionName(context, best.alternative)} releases a new project over the plan.`
        : ` Over the plan, today's team releases ${plural(best.capacity.projectsDelivered.baseline, "new project")}; with ${optionName(context, best.alternative)}, it releases ${formatNumber(best.capacity.projectsDelivered.alternative)}.`;
    return `<section id="live-projects" class="block">
<h2>Live projects over time</h2>
${chartFigure(context.charts.liveProjects, prose(`Each line counts the projects that are live and earning in each month.${note}${delivered}`))}
</section>`;
  },
};

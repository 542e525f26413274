import { formatNumber, plural } from "../../format/numbers.js";
import { chartFigure, optionName, prose } from "./parts.js";
import type { ReportSection } from "./section.js";

/** Live projects over time, per scenario. */
export const liveProjectsSection: ReportSection = {
  id: "live-projects",
  part: "main",
  render(context) {
    const series = Object.values(context.result.scenarios).map((scenario) => scenario.months.map((month) => month.liveProjects).join(","));
    const same = new Set(series).size === 1 && series.length > 1;
    const note = same
      ? " Here every option releases the same projects in the same months, so the lines lie on top of each other. The gain comes from what each project costs to keep."
      : " A line that goes flat means no more projects go live: the team has run out of time, or of projects to build.";
    const best = context.recommendation?.best;
    const delivered = best
      ? ` Over the plan, today's team releases ${plural(best.capacity.projectsDelivered.baseline, "new project")}; with ${optionName(context, best.alternative)}, it releases ${formatNumber(best.capacity.projectsDelivered.alternative)}.`
      : "";
    return `<section id="live-projects" class="block">
<h2>Live projects over time</h2>
${chartFigure(context.charts.liveProjects, prose(`Each line counts the projects that are live and earning in each month.${note}${delivered}`))}
</section>`;
  },
};

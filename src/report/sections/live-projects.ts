import { chartFigure, prose } from "./parts.js";
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
      : " A line that flattens early means the team ran out of time to build more.";
    return `<section id="live-projects" class="block">
<h2>Live projects over time</h2>
${chartFigure(context.charts.liveProjects, prose(`Each line counts the projects that are live and earning in each month.${note}`))}
</section>`;
  },
};

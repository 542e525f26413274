import { chartFigure, prose } from "./parts.js";
import type { ReportSection } from "./section.js";

/** Where the team's hours go, month by month, per scenario. */
export const teamHoursSection: ReportSection = {
  id: "team-hours",
  part: "main",
  render(context) {
    const overloaded = Object.values(context.result.scenarios).some((scenario) => scenario.summary.overloadedMonths.length > 0);
    const overload = overloaded ? " Where bars rise above the line, the team has more work than hours: the hours missing are bought in." : "";
    // Red only when the chart has some (a case without projects has no upkeep), growing only when projects are released.
    const months = Object.values(context.result.scenarios).flatMap((scenario) => scenario.months);
    const released = months.some((month) => month.releases > 0);
    const red = months.some((month) => month.upkeepHours > 0)
      ? ` Red is the upkeep of projects already live${released ? ": it grows with every release" : ""}.`
      : "";
    return `<section id="team-hours" class="block">
<h2>Where the team's hours go</h2>
${chartFigure(
  context.charts.teamHours,
  prose(
    `Each bar is one month of the team's time.${red} Light green is the time left over, for new work when there is enough of it. The dashed line is the hours the team has.${overload}`,
  ),
)}
</section>`;
  },
};

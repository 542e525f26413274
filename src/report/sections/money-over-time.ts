import { theMonths } from "../../format/numbers.js";
import { chartFigure, prose } from "./parts.js";
import type { ReportSection } from "./section.js";
import { atTheMiddle } from "../../format/words.js";

/** Cumulative net per alternative, with the payback month marked. */
export const moneyOverTimeSection: ReportSection = {
  id: "money-over-time",
  part: "main",
  render(context) {
    const svg = context.charts.cumulativeNet;
    if (!svg) return "";
    const band =
      context.ranges === "sampled"
        ? " The shaded band around each line holds 9 in 10 of the likely outcomes."
        : context.ranges === "notSampled"
          ? " The lines use the middle of each range in the file."
          : " The lines are single estimates, with no range around them yet.";
    // The chart marks a payback month only where a line dips below zero and then stays above it.
    const paybacks = Object.values(context.result.comparisons).map((comparison) => comparison.paybackMonth);
    const within = `within ${theMonths(context.result.horizonMonths)}`;
    // With ranges, the lines and their payback months are those of every range at its middle: some
    // outcomes may pay back where the middle does not (the band shows them), so that is said.
    const ranged = context.ranges !== "none";
    const marked = paybacks.some((month) => month !== null && month > 0)
      ? ` The dashed line marks the month it pays back for good${
          paybacks.some((month) => month === null)
            ? `; an option without one does not pay back ${within}${ranged ? " with every range at its middle" : ""}`
            : ""
        }.`
      : paybacks.every((month) => month === null)
        ? ` ${atTheMiddle(`${paybacks.length === 1 ? "It does not pay back" : "None of the options pays back"} ${within}, so no month is marked.`, ranged)}`
        : "";
    return `<section id="money-over-time" class="block">
<h2>When the money comes back</h2>
${chartFigure(
  svg,
  prose(
    `Each line is the gain against today so far, after all costs, month by month as it comes: ${
      context.result.discountRate === 0
        ? "at the case's rate of 0% nothing is discounted, so where a line ends is the net gain that the summary and the options table give"
        : "not discounted, so where a line ends is not the net gain in today's money that the summary and the options table give"
    }. Below zero, the option has cost more than it has brought back.${marked}${band}`,
  ),
)}
</section>`;
  },
};

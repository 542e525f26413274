import type { TopLevelSpec } from "vega-lite";
import type { CaseResult } from "../engine/index.js";
import { colourScale, scenarioLabels, scenarioOrder } from "./scenario-colours.js";
import { chartConfig, PLOT_WIDTH } from "./theme.js";
import { monthTicks } from "./team-hours.js";

/**
 * Live projects over time, one line per scenario. Lines that coincide are drawn wide to narrow so
 * every one stays visible.
 * @example liveProjectsSpec(result) // a Vega-Lite spec
 */
export function liveProjectsSpec(result: CaseResult): TopLevelSpec {
  const labels = scenarioLabels(result);
  const order = scenarioOrder(result);
  const widths = lineWidths(order.map((name) => result.scenarios[name]!.months.map((month) => month.liveProjects).join(",")));
  const rows = order.flatMap((name, index) => {
    const scenario = result.scenarios[name]!;
    const option = labels.get(name) ?? name;
    return scenario.months.map((month) => ({ option, month: month.month, live: month.liveProjects, width: widths[index]! }));
  });
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    width: PLOT_WIDTH,
    height: 180,
    config: chartConfig(result.currency),
    data: { values: rows },
    // Centred steps: the count changes half-way between months, so month 4 reads as month 4's count.
    mark: { type: "line", interpolate: "step", strokeCap: "butt" },
    encoding: {
      x: {
        field: "month",
        type: "quantitative",
        title: "Month",
        scale: { domain: [1, Math.max(2, result.horizonMonths)], nice: false },
        axis: { values: monthTicks(result.horizonMonths), format: "d" },
      },
      // Room above the highest line: at a top of exactly its count, a flat line (solo.yaml's 2 live
      // projects in every month) sat on the plot's top edge and merged with it.
      y: {
        field: "live",
        type: "quantitative",
        title: "Live projects",
        scale: { domain: [0, liveProjectsTop(rows.map((row) => row.live))] },
        axis: { tickMinStep: 1, format: "d" },
      },
      color: {
        field: "option",
        type: "nominal",
        scale: colourScale(result, order),
        sort: order.map((name) => labels.get(name) ?? name),
        legend: { title: null, symbolType: "stroke", symbolStrokeWidth: 3 },
      },
      strokeWidth: { field: "width", type: "quantitative", scale: null, legend: null },
      detail: { field: "option" },
    },
  } as TopLevelSpec;
}

/**
 * The top of the live-projects axis: above the highest count by at least one project, or a tenth of it
 * when that is more, so that no line runs along the plot's top edge (the axis then rounds it up to a
 * tick).
 * @example liveProjectsTop([2, 2]) // 3 ; liveProjectsTop([30]) // 33 ; liveProjectsTop([]) // 1
 */
export function liveProjectsTop(counts: readonly number[]): number {
  const highest = Math.max(0, ...counts);
  return highest + Math.max(1, Math.ceil(highest / 10));
}

/**
 * Each line's width: 2.5 px for a line no other coincides with; lines that coincide are drawn wide
 * to narrow in their order, down to 2 px, at most 11 px, so each shows as a band around the next,
 * however many there are.
 * @example lineWidths(["a", "b", "b", "b"]) // [2.5, 8, 5, 2]
 */
export function lineWidths(series: readonly string[]): number[] {
  const counts = new Map<string, number>();
  for (const values of series) counts.set(values, (counts.get(values) ?? 0) + 1);
  const drawn = new Map<string, number>();
  return series.map((values) => {
    const count = counts.get(values)!;
    if (count === 1) return 2.5;
    const rank = drawn.get(values) ?? 0;
    drawn.set(values, rank + 1);
    const step = Math.min(3, 9 / (count - 1));
    return 2 + (count - 1 - rank) * step;
  });
}

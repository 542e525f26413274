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
  // Coinciding lines (the same releases in every scenario) are drawn wide to narrow so all show.
  const series = order.map((name) => result.scenarios[name]!.months.map((month) => month.liveProjects).join(","));
  const overlap = new Set(series).size < series.length;
  const rows = order.flatMap((name, index) => {
    const scenario = result.scenarios[name]!;
    const option = labels.get(name) ?? name;
    const width = overlap ? Math.max(2, 9 - index * 3.5) : 2.5;
    return scenario.months.map((month) => ({ option, month: month.month, live: month.liveProjects, width }));
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
      y: { field: "live", type: "quantitative", title: "Live projects", axis: { tickMinStep: 1, format: "d" } },
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

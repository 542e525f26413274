/**
 * Vega-Lite specs built from the engine's result: one chart spec, two renderers. The report renders
 * them to SVG in Node; the browser app renders the same specs live. Pure: no Node, no DOM.
 */
export { benefitByCategorySpec, TOTAL_LABEL } from "./benefit-by-category.js";
export { cumulativeNetSpec, type CumulativeNetOptions } from "./cumulative-net.js";
export { liveProjectsSpec } from "./live-projects.js";
export { colourScale, scenarioColour, scenarioLabels, scenarioOrder } from "./scenario-colours.js";
export { hourUses, monthTicks, teamHoursSpec } from "./team-hours.js";
export { currencySymbol } from "../format/numbers.js";
export { chartConfig, FONT_STACK, moneyLabelExpression, withoutLineSeparators } from "./theme.js";
export { HIGHER_COLOUR, LOWER_COLOUR, tornadoSpec, type TornadoBar, type TornadoChartInput } from "./tornado.js";

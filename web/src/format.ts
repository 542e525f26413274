/** The page writes numbers as the command line's tables do: money to the unit, hours to a tenth. */
export { formatHours, formatMoney, formatMonth, formatPercent } from "../../src/cli/format/numbers.js";

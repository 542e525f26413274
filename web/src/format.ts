/** The page writes numbers as the command line's tables do: money to the unit, hours to a tenth. */
export { formatHours, formatMoney, formatMonth, formatPercent } from "../../src/cli/format/numbers.js";
/** A chance as a whole percent, as the command line writes it: "<1%" and ">99%" where rounding would claim none or every outcome. */
export { formatChance } from "../../src/cli/format/run-report.js";

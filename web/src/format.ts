/**
 * The page writes numbers as the command line's tables do, with the one formatting module every
 * view shares: money to the unit, hours to a tenth, chances that never claim certainty.
 */
export {
  formatChance,
  formatGain,
  formatHoursTenth as formatHours,
  formatMoneyExact as formatMoney,
  formatMonth,
  formatNumberAsGiven,
  formatPaybackMonth,
  formatPercent,
  formatShare,
  lessThanOneUnit,
  plural,
} from "../../src/format/numbers.js";

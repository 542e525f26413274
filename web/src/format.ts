/**
 * The page writes numbers as the command line's tables do, with the one formatting module every
 * view shares: money to the unit, hours to a tenth, chances that never claim certainty.
 */
import { formatMoneyExact, lessThanOneUnit } from "../../src/format/numbers.js";

export {
  formatChance,
  formatHoursTenth as formatHours,
  formatMoneyExact as formatMoney,
  formatMonth,
  formatPercent,
  formatShare,
  lessThanOneUnit,
  plural,
} from "../../src/format/numbers.js";

/**
 * A net gain as the cards and the strip show it: "less than €1" for one above zero that rounds to no
 * whole unit (`lessThanOneUnit`, page 1's rule too), never "€0" for a gain; else to the unit.
 * @example formatGain(0.3, "EUR") // "less than €1" ; formatGain(7959.4, "EUR") // "€7,959"
 */
export function formatGain(value: number, currency: string): string {
  return lessThanOneUnit(value, currency) ?? formatMoneyExact(value, currency);
}

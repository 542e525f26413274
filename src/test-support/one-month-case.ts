// No node:* import (text-edits.ts, not scenario-text.ts): the web app's tests use these cases too.
import { withEdits } from "./text-edits.js";

/**
 * A plan of one month whose option gains more than half of today's payroll (the extraordinary check):
 * one person of 100 hours at 10 an hour, one live project whose upkeep falls from 90 to 10 hours, so
 * the option gains €850 over month 1 against a payroll of €1,000. `run` and page 1 both say it.
 */
export const ONE_MONTH_EXTRAORDINARY = `title: One month, extraordinary
currency: EUR
horizonMonths: 1
discountRate: 0
baseline: today
defaults:
  team: { people: 1, hoursPerMonth: 100, hourlyCost: 10 }
  projects: { alreadyLive: 1, upkeepHoursPerMonth: 90, valuePerMonth: 100, buildHours: 1000 }
  releases: { mode: capacity, newWorkThresholdHours: 80 }
scenarios:
  today: { label: Today }
  better:
    label: Better
    projects: { upkeepHoursPerMonth: 10 }
`;

/**
 * A plan of one month whose two options gain €9,995.20 and €9,994.90 (discount rate 0; the licences
 * of €7,004.80 and €7,005.10 are paid in the month): a gap of 30 cents, called the same by `sameGain`,
 * whose figures straddle a step of three significant figures (€10,000 and €9,990 rounded apart).
 * `run` and page 1 both say the two bring the same.
 */
export const ONE_MONTH_TIED = `title: Two options thirty cents apart
currency: EUR
horizonMonths: 1
discountRate: 0
baseline: today
defaults:
  team: { people: 1, hoursPerMonth: 100, hourlyCost: 200 }
  projects: { alreadyLive: 1, upkeepHoursPerMonth: 90, valuePerMonth: 100, buildHours: 1000 }
  releases: { mode: capacity, newWorkThresholdHours: 80 }
scenarios:
  today: { label: Today }
  first:
    label: First
    projects: { upkeepHoursPerMonth: 10 }
    tooling: { licences: { flatPerYear: 7004.8 } }
  second:
    label: Second
    projects: { upkeepHoursPerMonth: 10 }
    tooling: { licences: { flatPerYear: 7005.1 } }
`;

/**
 * `ONE_MONTH_TIED` with licences of €7,003.60 and €7,004.40: net gains of €9,996.40 and €9,995.60, 80
 * cents apart — not the same (`sameGain`), yet €9,996 each to the unit and €10,000 each on page 1.
 * `run` and page 1 say the first leads by less than €1, not by €1.
 */
export const ONE_MONTH_EIGHTY_CENTS = withEdits(
  ONE_MONTH_TIED,
  ["title: Two options thirty cents apart", "title: Two options eighty cents apart"],
  ["flatPerYear: 7004.8", "flatPerYear: 7003.6"],
  ["flatPerYear: 7005.1", "flatPerYear: 7004.4"],
);

/**
 * A plan of one month whose option only costs: €500 of other external spend, nothing back in the
 * month. DORA's value is €0, so its payback (investment ÷ value a year) has no answer: `run` says
 * "not defined: no value in the plan's one month", not "never".
 */
export const ONE_MONTH_NO_VALUE = withEdits(
  ONE_MONTH_EXTRAORDINARY,
  ["title: One month, extraordinary", "title: One month, nothing back"],
  ["projects: { upkeepHoursPerMonth: 10 }", "change: { external: { other: 500 } }"],
);

/** `ONE_MONTH_TIED` with a third option, "Third", and the three licences given: net gains of 17,000 less each. */
export function oneMonthThreeOptions(first: number, second: number, third: number): string {
  return withEdits(
    `${ONE_MONTH_TIED}  third:\n    label: Third\n    projects: { upkeepHoursPerMonth: 10 }\n    tooling: { licences: { flatPerYear: ${third} } }\n`,
    ["flatPerYear: 7004.8", `flatPerYear: ${first}`],
    ["flatPerYear: 7005.1", `flatPerYear: ${second}`],
  );
}

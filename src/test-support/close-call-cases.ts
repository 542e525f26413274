/**
 * Close-call cases shared by the command line's tests and the web app's (no node:* import: the web
 * app's tests are type-checked without Node's types).
 */

/**
 * A 24-month case, one person at 10 an hour with one live project needing 60 hours of upkeep a month
 * today, with the scenarios given (YAML lines, each indented by two spaces): the close-call tests'
 * common ground.
 */
export function closeCallCase(title: string, scenarios: string): string {
  return `title: ${title}
currency: EUR
horizonMonths: 24
discountRate: 0
freedHoursCaptureShare: 1
baseline: a
defaults: {team: {people: 1, hoursPerMonth: 100, hourlyCost: 10}, projects: {alreadyLive: 1, upkeepHoursPerMonth: 60}, releases: {mode: schedule, months: []}}
scenarios:
  a: {label: Today}
${scenarios}`;
}

/**
 * Three options where the third, 23% behind the best by its net gain, is close by chance alone: its
 * upkeep is a wide range, and the best comes out ahead of it in about 59% of the outcomes.
 */
export const THIRD_CLOSE_BY_CHANCE = closeCallCase(
  "Third close by chance only",
  `  b: {label: First, projects: {upkeepHoursPerMonth: 30}, tooling: {licences: {flatPerYear: 1000}}}
  c: {label: Second, projects: {upkeepHoursPerMonth: 31}, tooling: {licences: {flatPerYear: 1000}}}
  d: {label: Third, projects: {upkeepHoursPerMonth: {low: 12, high: 102}}, tooling: {licences: {flatPerYear: 1000}}}
`,
);

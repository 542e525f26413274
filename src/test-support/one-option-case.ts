/**
 * A scenario file of one person keeping two live models, today against one option ("Tools", key
 * `alt`): `option` is the option's own lines (indented by four spaces, ending in a newline), `extra`
 * top-level lines before `defaults`. For tests that hold a sentence to the figures of a small case.
 * @example oneOptionCase("    projects: { upkeepHoursPerMonth: 11 }\n")
 */
export function oneOptionCase(option: string, extra = ""): string {
  return `title: One option
currency: EUR
horizonMonths: 12
discountRate: 0.08
freedHoursCaptureShare: 0.5
baseline: current
${extra}defaults:
  team: { people: 1, hoursPerMonth: 120, hourlyCost: 60 }
  projects: { alreadyLive: 2, upkeepHoursPerMonth: 30, valuePerMonth: 2500 }
  releases: { mode: schedule, months: [4, 7, 10], newWorkThresholdHours: 80 }
scenarios:
  current: { label: Today }
  alt:
    label: Tools
${option}`;
}

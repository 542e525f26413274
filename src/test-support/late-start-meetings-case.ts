/**
 * A twelve-month case whose "Tooling" starts its change in month 4 and works today's way until then
 * (docs/numbers.md, "An alternative works today's way until its change is in place"): it reads today's
 * meetings before its change. With `now`, a third option "Now", in place from month 1, never does.
 */
export function lateStartMeetingsCase(now = false): string {
  return [
    "title: Late start",
    "currency: EUR",
    "horizonMonths: 12",
    "discountRate: 0",
    "baseline: today",
    "defaults:",
    "  team: { people: 1, hoursPerMonth: 160, hourlyCost: 50 }",
    "  projects: { upkeepHoursPerMonth: 0 }",
    "  releases: { mode: schedule }",
    "scenarios:",
    "  today: { label: Today, meetings: { hoursPerPersonPerMonth: 60 } }",
    "  tooling: { label: Tooling, change: { startMonth: 4 }, meetings: { hoursPerPersonPerMonth: 0 } }",
    ...(now ? ["  now: { label: Now, meetings: { hoursPerPersonPerMonth: 10 } }"] : []),
    "",
  ].join("\n");
}

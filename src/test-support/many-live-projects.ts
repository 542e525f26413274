/**
 * A case whose live projects are drawn between 0 and `most`: past 4,096 a month's live projects can
 * no longer be counted value by value, so the Monte Carlo's bands of them take another path.
 * `upkeep` is today's upkeep hours a month for each live project; the alternative halves it.
 */
export function manyLiveProjectsCase(most: number, upkeep: number): string {
  return `
title: many live projects
currency: EUR
horizonMonths: 24
discountRate: 0.05
baseline: today
defaults:
  team: { people: 2, hoursPerMonth: 160, hourlyCost: 50 }
  projects: { alreadyLive: { distribution: uniform, min: 0, max: ${most} }, upkeepHoursPerMonth: ${upkeep}, valuePerMonth: 10 }
  releases: { mode: schedule, months: [3, 3, 9] }
scenarios:
  today: {}
  better: { projects: { upkeepHoursPerMonth: ${upkeep / 2} }, change: { setupHours: 100 } }
`;
}

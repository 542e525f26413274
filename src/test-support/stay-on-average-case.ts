/**
 * A "stay" that gains on average: no option gains money with every range at its middle (page 1: "Do
 * not go ahead … would lose €738"), but the lopsided ranges make “What will be approved” gain on
 * average over the samples, and pay back in most of them though not at the middle of every range.
 */
export const STAY_ON_AVERAGE_CASE = `title: Stay verdict, but the option gains on average
currency: EUR
horizonMonths: 12
discountRate: 0.08
freedHoursCaptureShare: 0.5
baseline: current
defaults:
  team: { people: 1, hoursPerMonth: 120, hourlyCost: 60 }
  manualTasks:
    reports: { minutesPerWeek: { low: 10, high: 600 }, per: team }
  projects: { upkeepHoursPerMonth: { low: 12, high: 90 }, valuePerMonth: 2500 }
  releases: { mode: schedule, months: [4, 7, 10], newWorkThresholdHours: 80 }
scenarios:
  current: { label: Today }
  compromise:
    label: What will be approved
    manualTasks: { reports: { minutesPerWeek: 0 } }
    projects: { upkeepHoursPerMonth: 11 }
    tooling: { licences: { perUserPerMonth: 1200 } }
`;

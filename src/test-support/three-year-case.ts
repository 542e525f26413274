import { validateScenarioText, type CompiledCase } from "../engine/index.js";

/**
 * The Forrester-style three-year case whose figures src/engine/conventions.test.ts works out by hand:
 * 36 months at 10% a year, $50,000 up front, a $6,000 licence a year, 60 meeting hours a month saved
 * at $50 (NPV $24,606 and ROI 38% discounted at year end; risk-adjusted at −10%/+5%, $12,407 and 18%).
 * `extra` adds or replaces top-level fields (discounting, riskAdjustment, ...).
 * @example threeYearCase({ discounting: "yearEnd" })
 */
export function threeYearCase(extra: Record<string, unknown> = {}): CompiledCase {
  const { compiled, issues } = validateScenarioText(
    JSON.stringify({
      title: "Three years",
      currency: "USD",
      horizonMonths: 36,
      discountRate: 0.1,
      freedHoursCaptureShare: 1,
      baseline: "today",
      defaults: { team: { people: 1, hoursPerMonth: 160, hourlyCost: 50 }, projects: { upkeepHoursPerMonth: 0 }, releases: { mode: "schedule" } },
      scenarios: {
        today: { label: "Today", meetings: { hoursPerPersonPerMonth: 60 } },
        tooling: {
          label: "Tooling",
          meetings: { hoursPerPersonPerMonth: 0 },
          tooling: { licences: { flatPerYear: 6000 } },
          change: { external: { consultants: 50000 } },
        },
      },
      ...extra,
    }),
  );
  if (!compiled) throw new Error(JSON.stringify(issues));
  return compiled;
}

import { approvedDistribution, buildResult, moneyRulesOf, suggest, type CompiledCase } from "../engine/index.js";
import type { FrozenPlan } from "./plan.js";

export interface FreezeInput {
  compiled: CompiledCase;
  text: string;
  fileName: string;
  sha256: string;
  /** The approved alternative; may be left out when the case has exactly one. */
  scenario?: string | undefined;
  team: string;
  startMonth?: string | undefined;
  frozenAt: string;
  toolVersion: string;
}

/** Why no plan is frozen; `usage` when --scenario is missing or names no alternative (wrong usage, exit 2), not a problem of the file. */
export interface PlanRefusal {
  readonly message: string;
  readonly usage?: true;
}

/**
 * Chooses the approved alternative: the one named, or the only one. Never guesses between several:
 * which scenario was approved is the user's statement, not the tool's.
 * @example chooseScenario(compiled, undefined) // { scenario: "better" } when "better" is the only alternative
 */
export function chooseScenario(compiled: CompiledCase, wanted: string | undefined): { scenario: string } | PlanRefusal {
  const alternatives = compiled.scenarios.map((scenario) => scenario.name).filter((name) => name !== compiled.baseline);
  if (alternatives.length === 0) {
    return { message: `the case has only its baseline "${compiled.baseline}"; add the approved scenario as an alternative before freezing a plan` };
  }
  if (wanted === undefined) {
    if (alternatives.length === 1) return { scenario: alternatives[0]! };
    return {
      message: `the case has ${alternatives.length} alternatives; say which one was approved with --scenario NAME (allowed: ${alternatives.join(", ")})`,
      usage: true,
    };
  }
  if (wanted === compiled.baseline) {
    return { message: `--scenario ${wanted} is the baseline (today); the plan is the approved change, one of: ${alternatives.join(", ")}`, usage: true };
  }
  if (!alternatives.includes(wanted)) {
    const guess = suggest(wanted, alternatives);
    return { message: `--scenario ${wanted}: no such scenario${guess ? `; did you mean "${guess}"?` : "."} Allowed: ${alternatives.join(", ")}`, usage: true };
  }
  return { scenario: wanted };
}

/**
 * Runs the case and freezes the approved scenario as the plan: the file text, its SHA-256, the
 * date, and the engine's month-by-month result of that scenario and the baseline.
 * @example freezePlan({ compiled, text, fileName: "case.yaml", sha256, team: "default", frozenAt: new Date().toISOString(), toolVersion: "0.1.0" })
 */
export function freezePlan(input: FreezeInput): { plan: FrozenPlan } | PlanRefusal {
  const chosen = chooseScenario(input.compiled, input.scenario);
  if ("message" in chosen) return chosen;
  const scenario = chosen.scenario;
  const baseline = input.compiled.baseline;
  const full = buildResult(input.compiled);
  // A plan with ranges keeps its distribution as approved (the standard Monte Carlo, as its report gives it):
  // the forecast that learns gives it as "The plan, as approved" (docs/numbers.md, "A forecast that learns").
  const approved = approvedDistribution(input.compiled, scenario);
  const result = {
    ...full,
    scenarios: { [baseline]: full.scenarios[baseline]!, [scenario]: full.scenarios[scenario]! },
    comparisons: { [scenario]: { ...full.comparisons[scenario]!, ...(approved ? { distribution: approved.distribution } : {}) } },
    ...(approved ? { uncertainty: { samples: approved.samples, seed: approved.seed, sampling: approved.sampling, inputs: approved.inputs } } : {}),
    assumptions: full.assumptions.filter((assumption) => assumption.usedBy.includes(scenario) || assumption.usedBy.includes(baseline)),
  };
  // The engine's money rules of the approved scenario, kept with the plan (docs/numbers.md).
  const rules = moneyRulesOf(input.compiled, scenario, baseline);
  return {
    plan: {
      team: input.team,
      scenario,
      baseline,
      fileName: input.fileName,
      scenarioText: input.text,
      sha256: input.sha256,
      frozenAt: input.frozenAt,
      ...(input.startMonth ? { startMonth: input.startMonth } : {}),
      horizonMonths: input.compiled.horizonMonths,
      currency: input.compiled.currency,
      toolVersion: input.toolVersion,
      result,
      rules,
    },
  };
}

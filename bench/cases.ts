// Benchmark cases built from the bundled examples, so the figures describe realistic work.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse, stringify } from "yaml";
import { validateScenarioText, type CompiledCase } from "../src/engine/index.js";
import { projectRoot } from "./paths.js";

/** The uncertain case as scenario-file text, for benchmarks that run the command line. */
export function uncertainCaseText(count = 30): string {
  return stringify(uncertainData(count));
}

function compile(data: unknown): CompiledCase {
  const validation = validateScenarioText(stringify(data));
  if (!validation.compiled) throw new Error(validation.issues.map((issue) => issue.message).join("\n"));
  return validation.compiled;
}

function enterprise(): { scenarios: Record<string, Record<string, unknown>> } & Record<string, unknown> {
  return parse(readFileSync(join(projectRoot, "examples", "enterprise.yaml"), "utf8"));
}

/** The enterprise example (60 months, four scenarios) with one more alternative: five scenarios. */
export function fiveScenarioCase(): CompiledCase {
  const data = enterprise();
  const composable = data.scenarios.composable!;
  data.scenarios.composableLean = { ...composable, label: "Lean mix", tooling: { licences: { perUserPerMonth: 300 } } };
  const compiled = compile(data);
  if (compiled.scenarios.length !== 5) throw new Error(`expected 5 scenarios, found ${compiled.scenarios.length}`);
  return compiled;
}

/**
 * The enterprise example cut to 3 scenarios (today, the cloud provider's tools, the composable mix;
 * 60 months), with its ranges and more numbers turned into ranges (a 90% interval of ±25% around the
 * written value) until `count` inputs are uncertain.
 */
export function uncertainCase(count = 30): CompiledCase {
  const compiled = compile(uncertainData(count));
  if (compiled.uncertainLeaves.length !== count) throw new Error(`expected ${count} ranges, made ${compiled.uncertainLeaves.length}`);
  return compiled;
}

/**
 * The uncertain case with correlations: `pairs` pairs of its ranges, each pair linked at rank 0.6
 * (the first input of each pair with the one 15 places on), as a user links today's and tomorrow's
 * estimates of the same thing.
 */
export function correlatedCase(count = 30, pairs = 5): CompiledCase {
  const plain = uncertainCase(count);
  const names = plain.uncertainLeaves.map((leaf) => plain.leaves[leaf]!.name);
  const data = uncertainData(count) as Record<string, unknown>;
  data.correlations = Array.from({ length: pairs }, (_, index) => ({ between: [names[index]!, names[index + Math.floor(count / 2)]!], rank: 0.6 }));
  const compiled = compile(data);
  if (compiled.correlationGroups.length !== pairs) throw new Error(`expected ${pairs} correlated pairs, made ${compiled.correlationGroups.length}`);
  return compiled;
}

function uncertainData(count: number): unknown {
  const data = enterprise();
  delete data.scenarios.platformFirst;
  delete data.catalogue;
  const isRange = (value: unknown) => typeof value === "object" && value !== null && ("low" in value || "distribution" in value);
  let made = 0;
  const integers = new Set(["alreadyLive", "backlog", "setupMonths", "adoptionDipMonths", "minimum", "startMonth", "liveProjectsEach", "benefitsMultiplier"]);
  const shares = new Set([
    "familiarity",
    "focusLostShare",
    "changeFailureRate",
    "attritionPerYear",
    "adoptionDipShare",
    "contingencyShare",
    "rampUpOutputShare",
  ]);
  const visit = (node: Record<string, unknown>) => {
    for (const [key, value] of Object.entries(node)) {
      if (made >= count) return;
      if (isRange(value)) {
        made++;
        continue;
      }
      const written = value as { value?: unknown; note?: string } | number;
      const number =
        typeof written === "number" ? written : written && typeof written === "object" && typeof written.value === "number" ? written.value : undefined;
      if (number !== undefined) {
        if (number > 0 && !integers.has(key)) {
          const note = typeof written === "object" && written.note ? { note: written.note } : {};
          node[key] = { low: number * 0.75, high: shares.has(key) ? Math.min(1, number * 1.25) : number * 1.25, ...note };
          made++;
        }
      } else if (value && typeof value === "object" && !Array.isArray(value)) visit(value as Record<string, unknown>);
    }
  };
  visit(data.defaults as Record<string, unknown>);
  for (const scenario of Object.values(data.scenarios)) visit(scenario);
  return data;
}

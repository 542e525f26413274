// The optimiser's figure of the speed issue: `optimize --objective p50` (and probability) over 30
// candidate capabilities, 400 draws per set, goal ≤ 10 s; and the same search at smaller sizes.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { caseSchema, compileCase, optimize, type CompiledCase, type Objective, type OptimizeResult } from "../src/engine/index.js";
import { median, timed, type AnchorFigures } from "./anchor.js";
import { projectRoot } from "./paths.js";

const targets = [
  "manualTasks",
  "waiting.minutesPerRun",
  "meetings.hoursPerPersonPerMonth",
  "projects.upkeepHoursPerMonth",
  "projects.buildHours",
  "breakage.changeFailureRate",
  "breakage.hoursToRestore",
  "turnover.attritionPerYear",
];

/**
 * The team example (36 months, two inputs as ranges, the ten built-in capabilities) with `extra`
 * capabilities of one's own, their costs and one to three effects drawn from a fixed seed, so every
 * run of the benchmark searches the same catalogue.
 */
export function optimizerCase(extra = 20): { compiled: CompiledCase; names: string[] } {
  const data = parse(readFileSync(join(projectRoot, "examples", "team.yaml"), "utf8")) as { catalogue?: Record<string, unknown> };
  let state = 12345;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  for (let index = 0; index < extra; index++) {
    const effects: Record<string, number> = {};
    const count = 1 + Math.floor(random() * 3);
    while (Object.keys(effects).length < count) effects[targets[Math.floor(random() * targets.length)]!] = 0;
    for (const target of Object.keys(effects)) effects[target] = Number((0.6 + random() * 0.35).toFixed(2));
    data.catalogue = {
      ...data.catalogue,
      [`own${index}`]: {
        setupHours: Math.round(10 + random() * 100),
        monthlyCost: Math.round(random() * 400),
        upfrontCost: Math.round(random() * 3000),
        effects,
      },
    };
  }
  const { compiled, issues } = compileCase(caseSchema.parse(data), { allCapabilities: true });
  if (!compiled) throw new Error(issues.map((issue) => issue.message).join("\n"));
  return { compiled, names: compiled.capabilities.map((capability) => capability.name) };
}

function describe(result: OptimizeResult): string {
  return `${result.strategy}${result.proven ? ", proven" : ", not proven"}; ${result.evaluated.toLocaleString("en-US")} sets, ${(result.sampling?.setSamples ?? 0).toLocaleString("en-US")} set-draws`;
}

export function benchOptimize(anchor: AnchorFigures | undefined): void {
  const { compiled, names } = optimizerCase(20);
  const anchorMs = anchor?.steps.get("6");
  const ratio = (ours: number) => (anchorMs === undefined ? "" : `   anchor ${anchorMs.toFixed(0)} ms, ratio ${(ours / anchorMs).toFixed(2)}×`);
  console.log(
    `optimiser: ${names.length} candidate capabilities (the team example's ten and twenty of its own), no limits, 400 draws per set, the same for every set`,
  );
  let result: OptimizeResult | undefined;
  for (const objective of ["p50", "probability"] as const satisfies readonly Objective[]) {
    const run = () => {
      result = optimize(compiled, { objective, candidates: names, samples: 400, seed: 1 });
    };
    run();
    const times = timed(3, run);
    const ms = median(times);
    console.log(
      `  --objective ${objective}, ${names.length} candidates: median ${ms.toFixed(0)} ms of 3 (target ≤ 10,000 ms)${ratio(ms)}; ${describe(result!)}`,
    );
  }
  // At every size: the same search on the first N candidates, one run each (p50).
  const sizes: string[] = [];
  for (const size of [10, 12, 14, 16, 20]) {
    const ms = timed(1, () => {
      result = optimize(compiled, { objective: "p50", candidates: names.slice(0, size), samples: 400, seed: 1 });
    })[0]!;
    sizes.push(`${size}: ${ms.toFixed(0)} ms (${result!.strategy}${result!.proven ? ", proven" : ""})`);
  }
  console.log(`    --objective p50 by number of candidates, one run each: ${sizes.join("; ")}`);
}

// Whole commands as a user meets them: each figure is the CPU time (user + system, the process's
// own accounting, read as it exits) and the peak memory of one process of the built command line,
// its start-up included; medians of several runs. Where a goal is a ratio, the anchor's whole
// process (the bare-loop Monte Carlo, compiled to JavaScript, every step once) takes turns with
// ours run by run, and the ratio is taken pair by pair: this machine changes speed within seconds.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { wideLongCaseText } from "../src/test-support/wide-case.js";
import { anchorEndToEndModule, median } from "./anchor.js";
import { uncertainCaseText } from "./cases.js";
import { projectRoot } from "./paths.js";

interface Usage {
  /** Seconds of CPU, user + system. */
  cpu: number;
  /** Peak resident memory, MB. */
  peakMb: number;
  status: number | null;
  stderr: string;
}

const cli = join(projectRoot, "bin", "mlops-roi.js");

/**
 * A script loaded with `--require` that writes the process's own resource usage to a file as it
 * exits: CommonJS, so that it starts no ES module loader the command itself would not (the command
 * line starts without one). The peak memory is the process's own high-water mark (Linux's VmHWM):
 * the maxRSS of `resourceUsage()` also counts, on Linux, the memory of the benchmark process it was
 * forked from, which made a bare `node` look like 205 MB once the benchmark itself held that much.
 */
export function meterModule(folder: string): string {
  const file = join(folder, "meter.cjs");
  writeFileSync(
    file,
    `const { readFileSync, writeFileSync } = require("node:fs");
process.on("exit", () => {
  const usage = process.resourceUsage();
  let peakKb = usage.maxRSS;
  try {
    const hwm = /^VmHWM:\\s*(\\d+) kB/m.exec(readFileSync("/proc/self/status", "utf8"));
    if (hwm) peakKb = Number(hwm[1]);
  } catch {}
  writeFileSync(process.env.MLOPS_ROI_BENCH_METER, JSON.stringify({ cpu: (usage.userCPUTime + usage.systemCPUTime) / 1e6, peakMb: peakKb / 1024 }));
});
`,
  );
  return file;
}

function measure(folder: string, meter: string, args: readonly string[], env: Record<string, string> = {}): Usage {
  const out = join(folder, "usage.json");
  rmSync(out, { force: true });
  const child = spawnSync(process.execPath, ["--require", meter, ...args], {
    encoding: "utf8",
    env: { ...process.env, ...env, MLOPS_ROI_BENCH_METER: out, CI: "true" },
    maxBuffer: 1 << 28,
  });
  const usage = existsSync(out) ? (JSON.parse(readFileSync(out, "utf8")) as { cpu: number; peakMb: number }) : { cpu: Number.NaN, peakMb: Number.NaN };
  return { ...usage, status: child.status, stderr: child.stderr };
}

/** Runs a command `runs` times after one warm-up; fails loudly when it does not exit as expected. */
function repeated(folder: string, meter: string, args: readonly string[], runs: number, expectStatus = 0): Usage[] {
  const usages: Usage[] = [];
  for (let run = 0; run <= runs; run++) {
    const usage = measure(folder, meter, args);
    if (usage.status !== expectStatus) throw new Error(`${args.slice(1).join(" ")} exited ${usage.status}: ${usage.stderr.split("\n")[0]}`);
    if (run > 0) usages.push(usage);
  }
  return usages;
}

const seconds = (value: number) => `${value.toFixed(value < 1 ? 3 : 2)} s`;

/** A goal of CPU seconds and, for the large cases, of peak memory. */
interface Goal {
  cpu: number;
  peakMb?: number;
}

/** "≤ 0.15 s: met", "≤ 2 s, ≤ 300 MB: not met (CPU)" */
function verdict(goal: Goal, cpu: number, peak: number): string {
  const missed = [...(cpu > goal.cpu ? ["CPU"] : []), ...(goal.peakMb !== undefined && peak > goal.peakMb ? ["memory"] : [])];
  const stated = `≤ ${goal.cpu} s${goal.peakMb !== undefined ? `, ≤ ${goal.peakMb} MB` : ""}`;
  return missed.length === 0 ? `${stated}: met` : `${stated}: not met (${missed.join(", ")})`;
}

function line(label: string, usages: readonly Usage[], goal: Goal | undefined): void {
  const cpu = median(usages.map((usage) => usage.cpu));
  const peak = median(usages.map((usage) => usage.peakMb));
  console.log(`  ${label}: CPU median ${seconds(cpu)}, peak ${peak.toFixed(0)} MB over ${usages.length} runs (goal ${goal ? verdict(goal, cpu, peak) : "—"})`);
}

/**
 * The anchor's whole process doing what `run --samples 100000` does — draw, transform, the 60-month
 * model and three percentile sets, once — as JavaScript, start-up included.
 */
async function anchorProcess(folder: string): Promise<string | undefined> {
  const javascript = await anchorEndToEndModule(100_000, true);
  if (javascript === undefined) return undefined;
  const file = join(folder, "anchor-whole-process.mjs");
  writeFileSync(file, javascript);
  return file;
}

export { wideLongCaseText };

export async function benchCommands(runs = 5): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), "mlops-roi-bench-commands-"));
  try {
    if (!existsSync(join(projectRoot, "dist", "bundle", "main.cjs"))) {
      console.log("commands: the command line is not built (`npm run build`), so whole commands are not measured");
      return;
    }
    const meter = meterModule(folder);
    const example = (name: string) => join(projectRoot, "examples", name);
    console.log("commands: whole processes of the built command line, start-up included (CPU = user + system)");

    line("bare `node` (the floor every command pays)", repeated(folder, meter, ["-e", ""], runs), undefined);
    line("`--help`", repeated(folder, meter, [cli, "--help"], runs), { cpu: 0.15 });
    line("`validate examples/team.yaml`", repeated(folder, meter, [cli, "validate", example("team.yaml")], runs), { cpu: 0.15 });
    line("`run examples/team.yaml --samples 0` (deterministic)", repeated(folder, meter, [cli, "run", example("team.yaml"), "--samples", "0"], runs), {
      cpu: 0.15,
    });

    const wide = join(folder, "wide-long.yaml");
    writeFileSync(wide, wideLongCaseText());
    const bench = join(folder, "bench-case.yaml");
    writeFileSync(bench, uncertainCaseText(30));
    for (const [name, file] of [
      ["team.yaml", example("team.yaml")],
      ["10 options × 240 months", wide],
    ] as const) {
      line(
        `\`export\` of ${name}`,
        repeated(folder, meter, [cli, "export", file, "-o", join(folder, "out.xlsx"), "--force"], Math.min(runs, 3)),
        name === "team.yaml" ? { cpu: 1 } : { cpu: 2, peakMb: 300 },
      );
      line(
        `HTML \`report\` of ${name}`,
        repeated(folder, meter, [cli, "report", file, "-o", join(folder, "out.html"), "--force"], Math.min(runs, 3)),
        name === "team.yaml" ? { cpu: 1 } : { cpu: 2, peakMb: 300 },
      );
    }

    const anchor = await anchorProcess(folder);
    if (!anchor) console.log("  anchor: not found (it lives in the project's shared folder, not in a user's clone); ratios are not shown");
    const cases: [string, string][] = [
      ["seed-uncertain.yaml", example("seed-uncertain.yaml")],
      ["solo.yaml", example("solo.yaml")],
      ["team.yaml", example("team.yaml")],
      ["enterprise.yaml", example("enterprise.yaml")],
      ["the bench case (30 ranges)", bench],
    ];
    // The goal's command as a user types it (the tables, which show no month-by-month band), and
    // `--json` for scripts, which carries every band: each paired with the anchor, run by run.
    for (const [name, file] of cases) {
      for (const form of ["tables", "--json"] as const) {
        const args = [
          cli,
          "run",
          file,
          "--samples",
          "100000",
          "--seed",
          "1",
          ...(form === "--json" ? ["--json"] : []),
          "-o",
          join(folder, "run.out"),
          "--force",
        ];
        const ours: Usage[] = [];
        const ratios: number[] = [];
        const anchors: number[] = [];
        measure(folder, meter, args);
        for (let round = 0; round < runs; round++) {
          const mine = measure(folder, meter, args);
          if (mine.status !== 0) throw new Error(`run ${name} exited ${mine.status}: ${mine.stderr.split("\n")[0]}`);
          ours.push(mine);
          if (anchor) {
            const theirs = measure(folder, meter, [anchor]);
            anchors.push(theirs.cpu);
            ratios.push(mine.cpu / theirs.cpu);
          }
        }
        const ratio = anchor
          ? `; anchor's whole process ${seconds(median(anchors))}, ratio ${median(ratios).toFixed(2)}× (median of ${ratios.length} pairs)`
          : "";
        const met = anchor ? (median(ratios) <= 1.5 ? ": met" : ": not met") : "";
        console.log(
          `  \`run --samples 100000${form === "--json" ? " --json" : ""}\` of ${name}: CPU median ${seconds(median(ours.map((usage) => usage.cpu)))}, peak ${median(ours.map((usage) => usage.peakMb)).toFixed(0)} MB${ratio} (goal ≤ 1.5×${met})`,
        );
      }
    }

    // Memory against samples on the widest case: exact bands while their columns fit (docs/numbers.md,
    // "Monthly bands"), bucketed beyond; what one more sample costs there, and a million samples.
    const runWide = (samples: number) =>
      measure(folder, meter, [cli, "run", wide, "--samples", String(samples), "--json", "-o", join(folder, `w${samples}.json`), "--force"]);
    const small = runWide(10_000);
    const large = runWide(100_000);
    const million = runWide(1_000_000);
    const failed = [small, large, million].find((usage) => usage.status !== 0);
    if (failed) console.log(`  memory, 10 options × 240 months: a run failed (exit ${failed.status}: ${failed.stderr.trim().split("\n")[0]})`);
    else {
      const perSample = ((million.peakMb - large.peakMb) * 1024 * 1024) / 900_000;
      console.log(
        `  memory, 10 options × 240 months: peak ${small.peakMb.toFixed(0)} MB at 10,000 samples (exact bands), ${large.peakMb.toFixed(0)} MB at 100,000 and ${million.peakMb.toFixed(0)} MB at 1,000,000 (bucketed bands; ${seconds(million.cpu)} of CPU): about ${perSample.toFixed(0)} bytes a sample beyond 100,000 (goal: 1,000,000 in ≤ 1 GB: ${million.peakMb <= 1024 ? "met" : "not met"})`,
      );
    }
    const tooMany = runWide(20_000_000);
    console.log(
      tooMany.status === 2
        ? `  20,000,000 samples of it: refused up front (exit 2, ${seconds(tooMany.cpu)}): ${tooMany.stderr.trim().split("\n")[0]}`
        : `  20,000,000 samples of it: exit ${tooMany.status} (expected a refusal up front)`,
    );
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await benchCommands(Number(process.argv[2] ?? 5));

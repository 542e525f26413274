import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeTempFolder } from "../../test-support/fixtures.js";
import { runCliCaptured } from "../../test-support/run-cli.js";
import { MAX_CANDIDATES } from "../../engine/index.js";
import { templatePath } from "../../shared/package-files.js";
import { lineDiff } from "../../test-support/line-diff.js";

let temp: ReturnType<typeof makeTempFolder>;
beforeEach(() => {
  temp = makeTempFolder();
});
afterEach(() => temp.remove());

/** The team template with `extra` capabilities of one's own added to its catalogue (it has the ten built-in ones). */
function withOwnCapabilities(extra: number): { file: string; names: string[] } {
  const names = Array.from({ length: extra }, (_, index) => `own${index}`);
  const own = names.map((name, index) => `  ${name}:\n    monthlyCost: ${10 + index}\n    effects: { meetings.hoursPerPersonPerMonth: 0.9 }\n`).join("");
  const text = readFileSync(templatePath("team"), "utf8").replace(/^catalogue:\n/m, `catalogue:\n${own}`);
  const file = join(temp.path, "case.yaml");
  writeFileSync(file, text);
  return { file, names };
}

describe("optimize with more capabilities than one search takes", () => {
  it(`says so, with exit 1, when the catalogue holds more than ${MAX_CANDIDATES} (it was an internal error)`, async () => {
    const { file } = withOwnCapabilities(MAX_CANDIDATES - 10 + 1);
    const { exitCode, stdout, stderr } = await runCliCaptured(["optimize", file, "--budget", "30000"]);
    expect(stdout).toBe("");
    expect(stderr).toBe(
      `error: ${file}: the catalogue has ${MAX_CANDIDATES + 1} capabilities (10 built in, ${MAX_CANDIDATES - 9} of your own); optimize searches at most ${MAX_CANDIDATES} at a time: choose them with --from a,b,c\n`,
    );
    expect(exitCode).toBe(1);
  });

  it("searches the ones chosen with --from, and says --from may list at most that many", async () => {
    const { file, names } = withOwnCapabilities(MAX_CANDIDATES - 10 + 1);
    const chosen = await runCliCaptured(["optimize", file, "--budget", "30000", "--from", `scheduling,monitoring,${names.slice(0, 3).join(",")}`, "--json"]);
    expect(chosen.exitCode).toBe(0);
    expect(JSON.parse(chosen.stdout).candidates).toHaveLength(5);
    const builtIn = [
      "commands",
      "versioning",
      "scheduling",
      "automaticChecks",
      "experimentTracking",
      "onDemandCompute",
      "monitoring",
      "templates",
      "reuse",
      "governance",
    ];
    const tooMany = await runCliCaptured(["optimize", file, "--from", [...names, ...builtIn].join(",")]);
    expect(tooMany.stderr).toBe(`error: --from lists ${MAX_CANDIDATES + 1} capabilities; allowed: at most ${MAX_CANDIDATES}, the most one search takes\n`);
    expect(tooMany.exitCode).toBe(2);
  });
});

describe("optimize --write-scenario", () => {
  it("adds the scenario's lines and leaves every other line of the file byte for byte", async () => {
    const before = readFileSync(templatePath("enterprise"), "utf8");
    const file = join(temp.path, "case.yaml");
    writeFileSync(file, before);
    const run = await runCliCaptured(["optimize", file, "--budget", "200000", "--write-scenario", "ask"]);
    expect(run.exitCode).toBe(0);
    const after = readFileSync(file, "utf8");
    const diff = lineDiff(before, after);
    expect(diff.removed).toEqual([]);
    expect(diff.added[0]).toBe("  ask:");
    expect(diff.added[1]).toBe("    label: What we ask for");
    expect(diff.added[2]).toMatch(/^ {4}description: The best set of capabilities by .*, chosen by mlops-roi optimize\.$/);
    expect(diff.added[3]).toMatch(/^ {4}capabilities: \[[A-Za-z]+(, [A-Za-z]+)*\]$/);
    expect(diff.added).toHaveLength(4);
    expect(after.endsWith(`${diff.added.join("\n")}\n`)).toBe(true);
  });
});

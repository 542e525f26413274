import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fixturePath, makeTempFolder, readFixture } from "../../test-support/fixtures.js";
import { runCliCaptured, stackTraceLine } from "../../test-support/run-cli.js";
import { lineOf } from "../../test-support/scenario-text.js";
import { templatePath } from "../../shared/package-files.js";

let temp: ReturnType<typeof makeTempFolder>;
beforeEach(() => {
  temp = makeTempFolder();
});
afterEach(() => temp.remove());

/** Every `file:line:col: error:` line of stderr, as [line, column, message]. */
function reported(stderr: string, file: string): [number, number, string][] {
  const escaped = file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return [...stderr.matchAll(new RegExp(`^${escaped}:(\\d+):(\\d+): error: (.*)$`, "gm"))].map((match) => [Number(match[1]), Number(match[2]), match[3]!]);
}

describe("a scenario file that is not UTF-8", () => {
  it("is refused at the byte, by every command; measure --write and import leave it as it was (its letters were replaced for good)", async () => {
    const file = join(temp.path, "latin1.yaml");
    const original = Buffer.from(readFileSync(templatePath("seed"), "utf8").replace("label: Today", "label: Caf\u00e9"), "latin1");
    writeFileSync(file, original);
    const line = lineOf(original.toString("latin1"), "label: Caf");
    const validated = await runCliCaptured(["validate", file]);
    expect(validated.exitCode).toBe(1);
    expect(reported(validated.stderr, file)).toEqual([
      [line, 15, "byte 0xE9 is not valid UTF-8; the file was probably saved in a Windows or Latin-1 encoding: save it as UTF-8"],
    ]);
    const incidents = join(temp.path, "incidents.csv");
    writeFileSync(
      incidents,
      "type,start,end\ndeployment,2026-01-01T10:00:00Z,\nincident,2026-01-08T12:00:00Z,2026-01-08T14:00:00Z\ndeployment,2026-02-28T10:00:00Z,\n",
    );
    expect((await runCliCaptured(["measure", file, "--incidents", incidents, "--write"])).exitCode).toBe(1);
    const workbook = join(temp.path, "seed.xlsx");
    expect((await runCliCaptured(["export", templatePath("seed"), "-o", workbook])).exitCode).toBe(0);
    const imported = await runCliCaptured(["import", workbook, "-o", file, "--force"]);
    expect(imported.exitCode).toBe(1);
    expect(imported.stderr).toContain(`${file}:${line}:15: byte 0xE9 is not valid UTF-8`);
    expect(readFileSync(file)).toEqual(original);
  });
});

describe("validate", () => {
  it("says a valid file is valid, on stdout, with exit 0", async () => {
    const file = templatePath("seed");
    const { exitCode, stdout, stderr } = await runCliCaptured(["validate", file]);
    expect(exitCode).toBe(0);
    expect(stderr).toBe("");
    expect(stdout).toMatch(/: valid — 3 scenarios \(baseline "current" and 2 alternatives\)/);
  });

  it("reports every problem with file:line:col, the source line and a caret, and exits 1", async () => {
    const file = fixturePath("three-mistakes.yaml");
    const text = readFixture("three-mistakes.yaml");
    const { exitCode, stdout, stderr } = await runCliCaptured(["validate", file]);
    expect(exitCode).toBe(1);
    expect(stdout).toBe("");
    const lines = reported(stderr, file);
    expect(lines.map(([line]) => line)).toEqual([lineOf(text, "hourlyCsot"), lineOf(text, "-30"), lineOf(text, "1.5")]);
    expect(lines[0]![2]).toContain('did you mean "hourlyCost"?');
    expect(stderr).toContain(`\n ${lineOf(text, "-30")} |     upkeepHoursPerMonth: -30\n    |                          ^\n`);
    expect(stderr).toMatch(/three-mistakes\.yaml: 3 errors\n$/);
    expect(stderr).not.toMatch(stackTraceLine);
  });

  it.each([
    ["unclosed-bracket.yaml", "never closed"],
    ["top-level-list.yaml", "the file holds a list"],
    ["alias-bomb.yaml", "aliases"],
    ["only-comments.yaml", "only comments"],
    ["empty.yaml", "the file is empty"],
    ["wrong-type.json", 'defaults.team.hoursPerMonth is the text "thirty"'],
  ])("%s: a clear error with a line, exit 1, no stack trace", async (name, message) => {
    const file = fixturePath(name);
    const { exitCode, stdout, stderr } = await runCliCaptured(["validate", file]);
    expect(exitCode).toBe(1);
    expect(stdout).toBe("");
    const lines = reported(stderr, file);
    expect(lines).toHaveLength(1);
    expect(lines[0]![0]).toBeGreaterThanOrEqual(1);
    expect(lines[0]![2]).toContain(message);
    expect(stderr).not.toMatch(stackTraceLine);
  });

  it("refuses a 10 MB file without reading it into the parser", async () => {
    const file = join(temp.path, "huge.yaml");
    writeFileSync(file, `title: x\n# ${"x".repeat(10 * 1024 * 1024)}\n`);
    const { exitCode, stderr } = await runCliCaptured(["validate", file]);
    expect(exitCode).toBe(1);
    expect(reported(stderr, file)).toEqual([[1, 1, "the file is 10,485,772 bytes; allowed: a scenario file of at most 1,000,000 bytes (1 MB)"]]);
    expect(stderr).not.toMatch(/error: .*error:/);
  });

  it("stops reading a device or a pipe at the 1 MB limit (/dev/zero has no size to check first)", async () => {
    const { exitCode, stderr } = await runCliCaptured(["validate", "/dev/zero"]);
    expect(exitCode).toBe(1);
    expect(reported(stderr, "/dev/zero")).toEqual([
      [1, 1, "the file is more than 1,000,000 bytes; allowed: a scenario file of at most 1,000,000 bytes (1 MB)"],
    ]);
  });

  it('says by how much a file just over the limit exceeds it (1,000,009 bytes read "the file is 1.0 MB; … at most 1 MB")', async () => {
    const file = join(temp.path, "just-over.yaml");
    writeFileSync(file, `title: x\n#${"x".repeat(1_000_009 - 11)}\n`);
    const { exitCode, stderr } = await runCliCaptured(["validate", file]);
    expect(exitCode).toBe(1);
    expect(reported(stderr, file)).toEqual([[1, 1, "the file is 1,000,009 bytes; allowed: a scenario file of at most 1,000,000 bytes (1 MB)"]]);
  });

  it("names a missing file and a folder", async () => {
    const missing = await runCliCaptured(["validate", join(temp.path, "nope.yaml")]);
    expect(missing.exitCode).toBe(1);
    expect(missing.stderr).toContain("nope.yaml: no such file (run `mlops-roi init` to create one)");
    const folder = await runCliCaptured(["validate", temp.path]);
    expect(folder.exitCode).toBe(1);
    expect(folder.stderr).toContain("is a folder; expected a scenario file");
  });

  it("reads a case whatever its name ends in, as every command's help and the folder message say", async () => {
    const file = join(temp.path, "case.txt");
    writeFileSync(file, readFixture("valid-minimal.yaml"));
    const read = await runCliCaptured(["validate", file]);
    expect(read.exitCode).toBe(0);
    expect(read.stdout).toContain(`${file}: valid`);
    const saying = "scenario file, in YAML or JSON (read whatever its name ends in)";
    for (const command of [["validate"], ["run"], ["report"], ["export"], ["sensitivity"], ["voi"], ["optimize"], ["measure"], ["track", "plan"]]) {
      const help = await runCliCaptured([...command, "--help"]);
      expect(help.stdout.replace(/\s+/g, " "), command.join(" ")).toContain(saying);
      expect(help.stdout, command.join(" ")).not.toContain(".yaml, .yml or .json");
    }
    expect((await runCliCaptured(["validate", temp.path])).stderr).toContain(`is a folder; expected a ${saying}`);
  });

  it("prints warnings but still succeeds", async () => {
    const file = join(temp.path, "capacity.yaml");
    const text = readFixture("valid-minimal.yaml")
      .replace("mode: schedule", "mode: capacity\n    # build hours make capacity mode work\n")
      .replace("upkeepHoursPerMonth: 30", "upkeepHoursPerMonth: 30\n    buildHours: 200");
    writeFileSync(file, text);
    const { exitCode, stdout, stderr } = await runCliCaptured(["validate", file]);
    expect(exitCode).toBe(0);
    expect(stderr).toMatch(/capacity\.yaml:\d+:\d+: warning: defaults\.releases\.months is ignored in capacity mode/);
    // It said a bare "valid —" under the warning, as if there were none.
    expect(stdout).toMatch(/^.*capacity\.yaml: valid \(with 1 warning above\) — /);
  });

  it("says a file without warnings is valid, with nothing about warnings", async () => {
    const file = join(temp.path, "plain.yaml");
    writeFileSync(file, readFixture("valid-minimal.yaml"));
    const { exitCode, stdout, stderr } = await runCliCaptured(["validate", file]);
    expect(exitCode).toBe(0);
    expect(stderr).toBe("");
    expect(stdout).toMatch(/plain\.yaml: valid — /);
  });
});

describe("a manual task without its per or its minutes", () => {
  const caseWith = (tasks: string, scenarios: string) =>
    `title: t\ncurrency: EUR\nhorizonMonths: 12\ndiscountRate: 0\nbaseline: today\ndefaults:\n  team: { people: 2, hoursPerMonth: 120, hourlyCost: 60 }\n${tasks}scenarios:\n${scenarios}`;

  it("is said once, at the task where it is written, naming the field and what is allowed (it pointed at each scenario that inherits it, 'today: {}', naming no field)", async () => {
    const file = join(temp.path, "case.yaml");
    const text = caseWith(
      "  manualTasks:\n    chores: { minutesPerWeek: 300 }\n",
      "  today: {}\n  better:\n    manualTasks:\n      chores: { minutesPerWeek: 100 }\n",
    );
    writeFileSync(file, text);
    const { stderr, exitCode } = await runCliCaptured(["validate", file]);
    expect(exitCode).toBe(1);
    expect(reported(stderr, file)).toEqual([
      [
        lineOf(text, "chores: { minutesPerWeek: 300 }"),
        5,
        "defaults.manualTasks.chores.per is missing; allowed: person, project or team (whom its minutes a week are for)",
      ],
      [
        lineOf(text, "chores: { minutesPerWeek: 100 }"),
        7,
        "scenarios.better.manualTasks.chores.per is missing; allowed: person, project or team (whom its minutes a week are for)",
      ],
    ]);
  });

  it("names the missing minutes at the scenario that writes the task", async () => {
    const file = join(temp.path, "case.yaml");
    const text = caseWith("", "  today:\n    manualTasks:\n      chores: { per: team }\n  better: {}\n");
    writeFileSync(file, text);
    const { stderr } = await runCliCaptured(["validate", file]);
    expect(reported(stderr, file)).toEqual([
      [
        lineOf(text, "chores: { per: team }"),
        7,
        "scenarios.today.manualTasks.chores.minutesPerWeek is missing; allowed: minutes a week, a number ≥ 0 (or shareOfTime, a share of every person's hours)",
      ],
    ]);
  });
});

describe("a required number that may be a range, not written", () => {
  const seedWith = (from: string, to: string) => readFileSync(templatePath("seed"), "utf8").replace(from, to);

  it("is 'missing', not 'nothing'; misspelt, only the did-you-mean is said (it also said 'discountRate is nothing' at line 1)", async () => {
    const file = join(temp.path, "case.yaml");
    const misspelt = seedWith("discountRate:", "discountrate:");
    writeFileSync(file, misspelt);
    const typo = await runCliCaptured(["validate", file]);
    expect(reported(typo.stderr, file).map(([, , message]) => message)).toEqual([
      expect.stringMatching(/^unknown field "discountrate" at the top level; did you mean "discountRate"\? Allowed: /),
    ]);
    const text = seedWith("discountRate:", "# discountRate:");
    const without = text.replace(/^# discountRate:.*\n( {2}.*\n)*/m, "");
    writeFileSync(file, without);
    const left = await runCliCaptured(["validate", file]);
    expect(reported(left.stderr, file)).toEqual([
      [
        lineOf(without, "title:"),
        1,
        "discountRate is missing; expected a number (an annual rate between 0 and 1 (0.08 means 8%)), { value, note }, a range { low, high } or { distribution, ... }",
      ],
    ]);
  });
});

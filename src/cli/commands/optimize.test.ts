import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeTempFolder } from "../../test-support/fixtures.js";
import { runCliCaptured } from "../../test-support/run-cli.js";
import { MAX_CANDIDATES } from "../../engine/index.js";
import { packageRoot, templatePath } from "../../shared/package-files.js";
import { lineDiff } from "../../test-support/line-diff.js";
import { formatMoneyExact as formatMoney } from "../../format/numbers.js";
import { lossWarning } from "./optimize.js";

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

/** The team template in the temporary folder: ten built-in capabilities, two inputs as ranges. */
function teamFile(): { file: string; before: string } {
  const before = readFileSync(templatePath("team"), "utf8");
  const file = join(temp.path, "team.yaml");
  writeFileSync(file, before);
  return { file, before };
}

describe("optimize end to end", () => {
  it("lists the best sets, what to ask for first, and says the answer is proven best when every set was tried", async () => {
    const { file } = teamFile();
    const run = await runCliCaptured(["optimize", file, "--budget", "20,000", "--setup-hours", "400", "--top", "3"]);
    expect(run.stderr).toBe("");
    expect(run.exitCode).toBe(0);
    const lines = run.stdout.split("\n");
    expect(lines[0]).toBe("Best sets of capabilities by net present value (first-year cash at most €20,000, setup at most 400 hours)");
    expect(lines[1]).toBe("36 months · EUR · NPVs against today · discount rate 8% a year");
    expect(lines[2]).toMatch(
      /^Search: every one of the 1,024 sets of 10 capabilities was checked against the limits; [\d,]+ sets evaluated within the limits\.$/,
    );
    expect(lines[3]).toBe("Answer: proven best (exhaustive: every set within the limits).");
    const ranked = run.stdout.split("\n\n")[1]!;
    expect(ranked).toMatch(/^ {2}3\. /m);
    expect(ranked).not.toMatch(/^ {2}4\. /m);
    expect(run.stdout).toContain("What to ask for first");
    expect(run.stdout).toContain("Fair share of NPV");
  });

  it("heads each column with what the figure is, its unit and its convention, read as a finance reviewer reads them", async () => {
    // It headed "NPV", "Pays back", "First-year cash" and "Setup hours": against what, at which point of
    // the ranges, a month counted from when, discounted or not. team.yaml has ranges; seed.yaml has none.
    const ranged = await runCliCaptured(["optimize", teamFile().file, "--top", "2"]);
    expect(ranged.stdout).toMatch(
      /^ {2}Capabilities +NPV against today with every range at its middle +Pays back \(month of the plan, undiscounted\) +First-year cash \(undiscounted\) +Team setup hours$/m,
    );
    expect(ranged.stdout).toMatch(
      /^ {2}What to ask for first +Adds to NPV with every range at its middle +NPV so far with every range at its middle +Fair share of NPV with every range at its middle$/m,
    );
    expect(ranged.stdout).toContain("\n  The NPV, payback, first-year cash and setup hours: from the case run once with every range at its middle.\n");
    const single = await runCliCaptured(["optimize", join(packageRoot, "examples", "seed.yaml"), "--top", "2"]);
    expect(single.stdout).toMatch(
      /^ {2}Capabilities +NPV against today +Pays back \(month of the plan, undiscounted\) +First-year cash \(undiscounted\) +Team setup hours$/m,
    );
    expect(single.stdout).not.toContain("with every range at its middle");
    expect(single.stdout).not.toContain("from the case run once");
  });

  it("ranked by a figure over the draws, says the NPV column is the NPV with every range at its middle, in its header and a note under the table", async () => {
    const { file } = teamFile();
    // It headed "NPV" €248,944 beside "Median net present value over the ranges" €247,431 (team.yaml, --budget 30000).
    const p50 = await runCliCaptured(["optimize", file, "--budget", "30000", "--objective", "p50", "--top", "3", "--samples", "60"]);
    expect(p50.exitCode).toBe(0);
    expect(p50.stdout).toMatch(
      /^ {2}Capabilities +Median NPV against today over the ranges +NPV against today with every range at its middle +Pays back \(month of the plan, undiscounted\) +First-year cash \(undiscounted\) +Team setup hours$/m,
    );
    expect(p50.stdout).toContain(
      "\n  Median net present value over the ranges: from 60 draws of the inputs. The NPV, payback, first-year cash and setup hours: from the case run once with every range at its middle.\n",
    );
    const chance = await runCliCaptured(["optimize", file, "--budget", "30000", "--objective", "probability", "--top", "3", "--samples", "100"]);
    expect(chance.stdout).toContain(
      "\n  Chance of paying back within 36 months: from 100 draws of the inputs. The NPV, payback, first-year cash and setup hours:",
    );
    // Ranked by the NPV itself or by payback, the figures are still those with every range at its middle in a file with ranges: said so too.
    for (const objective of ["npv", "payback"]) {
      const { stdout } = await runCliCaptured(["optimize", file, "--budget", "30000", "--objective", objective, "--top", "3"]);
      expect(stdout).toContain("NPV against today with every range at its middle");
      expect(stdout).toContain("\n  The NPV, payback, first-year cash and setup hours: from the case run once with every range at its middle.\n");
    }
  });

  it("ranked by a figure over the draws, heads each column of what to ask for first with its convention: NPVs with every range at its middle, not that figure", async () => {
    const { file } = teamFile();
    const args = ["optimize", file, "--budget", "30000", "--top", "3", "--samples", "100"];
    const header =
      /^ {2}What to ask for first +Adds to NPV with every range at its middle +NPV so far with every range at its middle +Fair share of NPV with every range at its middle$/m;
    for (const objective of ["p50", "probability"]) {
      const text = await runCliCaptured([...args, "--objective", objective]);
      const json = JSON.parse((await runCliCaptured([...args, "--objective", objective, "--json"])).stdout);
      expect(text.exitCode).toBe(0);
      // It headed them "Adds to NPV", "NPV so far" and "Fair share of NPV" under a ranking by the median NPV
      // (€247,431) or the chance, whose steps added up to another figure (€248,944).
      expect(text.stdout).toMatch(header);
      const steps = json.adoptionOrder as { cumulativeNpv: number }[];
      const npv = formatMoney(steps[steps.length - 1]!.cumulativeNpv, "EUR");
      expect(npv).toBe(formatMoney(json.best.npv, "EUR"));
      const median = objective === "p50" ? `, not to its median net present value over the ranges (${formatMoney(json.best.objective, "EUR")})` : "";
      expect(text.stdout).toContain(`The steps and the fair shares each add up to the set's NPV with every range at its middle (${npv})${median}.\n`);
      // The ranked table's note names every figure at the medians, setup hours too (a catalogue's setup hours may be a range).
      expect(text.stdout).toContain("The NPV, payback, first-year cash and setup hours: from the case run once with every range at its middle.");
    }
    // Ranked by the NPV itself or by payback, the columns are the NPV there is: with every range at its middle, in a file with ranges.
    for (const objective of ["npv", "payback"]) {
      const { stdout } = await runCliCaptured(["optimize", file, "--budget", "30000", "--objective", objective, "--top", "3"]);
      expect(stdout).toMatch(header);
      expect(stdout).not.toContain("add up to the set's NPV");
    }
  });

  it("ranks by the median over the ranges on the same draws for every set, and says how it searched, in text and JSON", async () => {
    const { file } = teamFile();
    const json = await runCliCaptured(["optimize", file, "--budget", "15000", "--objective", "p50", "--samples", "60", "--seed", "4", "--json"]);
    expect(json.exitCode).toBe(0);
    const result = JSON.parse(json.stdout);
    expect(result).toMatchObject({
      objective: "p50",
      method: "exhaustive",
      proven: true,
      strategy: "exhaustive",
      howFound: "proven best on these draws (exhaustive: every set within the limits on all 60 draws)",
      sampling: { samples: 60, seed: 4, commonRandomNumbers: true },
    });
    expect(result.sampling.setSamples).toBe(result.evaluated * 60);
    expect(result.best.objective).toBe(result.best.npvP50);
    // Its table gives each set's chance to the percent, which 60 draws cannot tell (it said "60%" of 3 in 5 draws): refused, as run's tables are.
    const few = await runCliCaptured(["optimize", file, "--budget", "15000", "--objective", "probability", "--samples", "60", "--seed", "4"]);
    expect(few.exitCode).toBe(2);
    expect(few.stderr).toBe(
      "error: --samples is 60: the table gives each set's chance of paying back to the nearest 1%, which fewer than 100 samples cannot tell; allowed: 100 to 10,000 draws per set; with --json, for a program, 1 to 99 as well\n",
    );
    const text = await runCliCaptured(["optimize", file, "--budget", "15000", "--objective", "probability", "--samples", "100", "--seed", "4"]);
    expect(text.exitCode).toBe(0);
    expect(text.stdout.split("\n")[0]).toBe("Best sets of capabilities by chance of paying back within 36 months (first-year cash at most €15,000)");
    expect(text.stdout).toContain("\nAnswer: proven best on these draws (exhaustive: every set within the limits on all 100 draws).\n");
    expect(text.stdout).toContain("chance of paying back within 36 months");
    // The column is headed like the table's other columns.
    expect(text.stdout).toMatch(
      /^ {2}Capabilities +Chance of paying back within 36 months +NPV against today with every range at its middle +Pays back \(month of the plan, undiscounted\) +First-year cash \(undiscounted\) +Team setup hours$/m,
    );
    const payback = await runCliCaptured(["optimize", file, "--budget", "15000", "--objective", "payback", "--top", "2"]);
    expect(payback.exitCode).toBe(0);
    expect(payback.stdout.split("\n")[0]).toBe("Best sets of capabilities by earliest payback month (first-year cash at most €15,000)");
    // Staying as today changes nothing and has no payback: no answer to "what pays back soonest", so the changes that pay back come first.
    const table = payback.stdout.split("\n\n")[1]!;
    // The payback month is the objective's column: no second "Pays back" column repeats it.
    expect(table).toMatch(
      /^ {2}Capabilities +Earliest payback \(month of the plan, undiscounted\) +NPV against today with every range at its middle +First-year cash \(undiscounted\) +Team setup hours$/m,
    );
    expect(table).toMatch(/^ {2}1\. [a-zA-Z, ]+ +month \d+ +€[\d,]+ +€[\d,]+ +\d+$/m);
    expect(table).toMatch(/^ {2}2\. [a-zA-Z, ]+ +month \d+ +€[\d,]+ +€[\d,]+ +\d+$/m);
    expect(table).not.toMatch(/^ {2}1\. \(nothing: stay as today\)/m);
  });

  it(`searches ${MAX_CANDIDATES} candidates with a beam search and says the answer was found, not proven`, async () => {
    const { file } = withOwnCapabilities(MAX_CANDIDATES - 10);
    const run = await runCliCaptured(["optimize", file, "--objective", "p50", "--samples", "32", "--budget", "30000", "--json"]);
    expect(run.exitCode).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.candidates).toHaveLength(MAX_CANDIDATES);
    expect(result).toMatchObject({ method: "heuristic", proven: false, strategy: "beam-search" });
    expect(result.howFound).toBe("found by beam search and local search, not proven best (the best of 32 finalists run on all 32 draws)");
    expect(result.best.firstYearCash).toBeLessThanOrEqual(30000);
  });

  it("refuses more draws than a search takes, saying what to lower, and bad amounts and names as usage errors", async () => {
    const { file } = teamFile();
    const many = await runCliCaptured(["optimize", file, "--objective", "p50", "--samples", "20000"]);
    expect(many.stderr).toBe("error: --samples is 20,000; allowed: at most 10,000 draws per set (the search runs many sets on each): lower --samples\n");
    expect(many.exitCode).toBe(2);
    expect(many.stdout).toBe("");
    const none = await runCliCaptured(["optimize", file, "--samples", "0"]);
    expect(none.stderr).toBe('error: --samples is "0"; allowed: 1 to 10,000 draws per set\n');
    expect(none.exitCode).toBe(2);
    const budget = await runCliCaptured(["optimize", file, "--budget", "lots"]);
    expect(budget.stderr).toBe('error: --budget is "lots"; allowed: an amount ≥ 0, e.g. 20000\n');
    expect(budget.exitCode).toBe(2);
    const unknown = await runCliCaptured(["optimize", file, "--from", "scheduling,sheduling"]);
    expect(unknown.stderr).toMatch(/^error: --from: "sheduling" is not in the catalogue; allowed: commands, versioning, scheduling, /);
    expect(unknown.exitCode).toBe(2);
  });
});

describe("optimize --write-scenario, when it must not write", () => {
  it("refuses to replace a scenario of that name without --force, and leaves the file and its folder as they were", async () => {
    const { file, before } = teamFile();
    const run = await runCliCaptured(["optimize", file, "--budget", "30000", "--write-scenario", "managed"]);
    expect(run.stderr).toBe(`error: ${file} already has a scenario "managed"; use --force to replace it (the old file is kept as ${file}.bak)\n`);
    expect(run.exitCode).toBe(1);
    expect(readFileSync(file, "utf8")).toBe(before);
    expect(existsSync(`${file}.bak`)).toBe(false);
  });

  it("never writes the set over the baseline, even with --force: every option would then be compared with the set", async () => {
    const { file, before } = teamFile();
    const run = await runCliCaptured(["optimize", file, "--budget", "30000", "--write-scenario", "today", "--force"]);
    expect(run.stderr).toBe(
      `error: --write-scenario today: "today" is the baseline of ${file}, today's way of working that every set is added to and every option is compared with; give another name, e.g. --write-scenario bestSet (nothing was written)\n`,
    );
    expect(run.exitCode).toBe(2);
    expect(run.stdout).toBe("");
    expect(readFileSync(file, "utf8")).toBe(before);
    expect(existsSync(`${file}.bak`)).toBe(false);
  });

  it("suggests, when it refuses the baseline, the name --help's example writes, which the example's file has no scenario of: the example runs as shown", async () => {
    // The refusal said "e.g. --write-scenario ask" where --help showed "--write-scenario compromise", a scenario
    // examples/team.yaml already has, so the example as shown was refused ("use --force to replace it").
    const help = (await runCliCaptured(["optimize", "--help"])).stdout;
    const example = help.match(/\$ mlops-roi optimize examples\/team\.yaml --budget 30000 --write-scenario (\S+)\n/)![1]!;
    const { file, before } = teamFile();
    expect(before).not.toMatch(new RegExp(`^  ${example}:`, "m"));
    const refused = await runCliCaptured(["optimize", file, "--budget", "30000", "--write-scenario", "today"]);
    expect(refused.stderr).toContain(`give another name, e.g. --write-scenario ${example} (nothing was written)`);
    const written = await runCliCaptured(["optimize", file, "--budget", "30000", "--write-scenario", example]);
    expect(written.exitCode).toBe(0);
    expect(written.stderr).toMatch(new RegExp(`^wrote scenario "${example}" \\(`));
    // Now that the file has one, the refusal suggests a name it has not.
    const again = await runCliCaptured(["optimize", file, "--budget", "30000", "--write-scenario", "today"]);
    expect(again.stderr).toContain(`e.g. --write-scenario ${example}2 (nothing was written)`);
  });

  it("with --force replaces that scenario's lines only, keeps the old file as .bak, and the file still runs", async () => {
    const { file, before } = teamFile();
    const run = await runCliCaptured(["optimize", file, "--budget", "30000", "--write-scenario", "managed", "--force", "--json"]);
    expect(run.exitCode).toBe(0);
    const best = JSON.parse(run.stdout).best.capabilities as string[];
    expect(run.stderr).toBe(`wrote scenario "managed" (${best.join(", ")}) into ${file}; previous version kept as ${file}.bak\n`);
    expect(readFileSync(`${file}.bak`, "utf8")).toBe(before);
    const after = readFileSync(file, "utf8");
    const diff = lineDiff(before, after);
    // Only the old scenario's own lines go (everything under "  managed:" up to the next scenario), byte for byte the rest stays.
    const lines = before.split("\n");
    const start = lines.indexOf("  managed:");
    const end = lines.indexOf("  compromise:");
    expect(diff.removed).toEqual(lines.slice(start + 1, end));
    expect(diff.added).toEqual([
      "    label: What we ask for",
      "    description: The best set of capabilities by net present value within a first-year budget of €30,000, chosen by mlops-roi optimize.",
      `    capabilities: [${best.join(", ")}]`,
    ]);
    const check = await runCliCaptured(["validate", file]);
    expect(check.exitCode).toBe(0);
  });

  it("writes nothing when no set beats today within the limits", async () => {
    const { file, before } = teamFile();
    const run = await runCliCaptured(["optimize", file, "--budget", "0", "--setup-hours", "0", "--write-scenario", "ask"]);
    expect(run.stderr).toBe(`error: ${file}: no set of capabilities beats today within the limits; nothing was written\n`);
    expect(run.exitCode).toBe(1);
    expect(readFileSync(file, "utf8")).toBe(before);
  });

  it("writes nothing when the new scenario would make the file invalid, and shows why", async () => {
    const { file, before } = teamFile();
    const run = await runCliCaptured(["optimize", file, "--budget", "30000", "--write-scenario", "x".repeat(121)]);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toMatch(/error: .*: the new scenario would make the file invalid \(.*\); nothing was written\n$/);
    expect(readFileSync(file, "utf8")).toBe(before);
    expect(existsSync(`${file}.bak`)).toBe(false);
  });

  it("keeps every line of a file with Windows line endings and comments byte for byte, and adds its lines the same way", async () => {
    const before = readFileSync(templatePath("team"), "utf8").replace(/\n/g, "\r\n");
    const file = join(temp.path, "windows.yaml");
    writeFileSync(file, before);
    const run = await runCliCaptured(["optimize", file, "--budget", "30000", "--write-scenario", "ask"]);
    expect(run.exitCode).toBe(0);
    const after = readFileSync(file, "utf8");
    expect(after.startsWith(before)).toBe(true);
    const added = after.slice(before.length);
    expect(added).toMatch(/^ {2}ask:\r\n {4}label: What we ask for\r\n {4}description: .*\r\n {4}capabilities: \[[A-Za-z, ]+\]\r\n$/);
  });
});

describe("what optimize's text says beside its figures", () => {
  const example = (name: string) => new URL(`../../../examples/${name}`, import.meta.url).pathname;

  it("says how a set is priced, and what the user's own scenario with the same capabilities gains as run gives it", async () => {
    const file = example("team.yaml");
    const optimized = await runCliCaptured(["optimize", file, "--from", "scheduling,automaticChecks,monitoring,templates"]);
    const run = JSON.parse((await runCliCaptured(["run", file, "--json", "--samples", "0"])).stdout);
    const compromise = run.comparisons.compromise;
    const npv = `€${Math.round(compromise.npv).toLocaleString("en-US")}`;
    expect(optimized.stdout).toContain("Each set is priced as a scenario with only these capabilities (as --write-scenario writes it)");
    expect(optimized.stdout).toContain(
      `Set 1 has the capabilities of your scenario “Four capabilities first” (compromise), which with its own settings gains ${npv} and pays back month ${compromise.paybackMonth} (as run gives it).`,
    );
    // With no limits, nothing was "checked against the limits".
    expect(optimized.stdout).toContain("Search: every one of the 16 sets of 4 capabilities was evaluated (no limits given).\n");
  });

  it("ranks staying as today below every set with a chance of paying back, with no chance or payback of its own, and no certain 0% or 100%", async () => {
    const { stdout } = await runCliCaptured(["optimize", example("close-call.yaml"), "--objective", "probability"]);
    const rows = stdout.split("\n").filter((line) => /^\s+\d+\. /.test(line));
    const today = rows.findIndex((line) => line.includes("(nothing: stay as today)"));
    expect(today).toBeGreaterThan(0);
    expect(rows[today]).toMatch(/\(nothing: stay as today\)\s+–\s+€0\s+–\s/);
    // The sets above it paid back on some of the draws.
    for (const row of rows.slice(0, today)) expect(row).toMatch(/\s\d+%\s/);
    expect(stdout).not.toMatch(/\s(0|100)%\s/);
    // Within the horizon, not "never".
    expect(stdout).toContain("not within 12 months");
    expect(stdout).not.toMatch(/\snever\s/);
  });

  it("bears out team.yaml's comment: its four capabilities are among the sets of four that pay back soonest, not the four that gain the most", async () => {
    const file = example("team.yaml");
    const text = readFileSync(file, "utf8");
    // It said "the four capabilities that matter most", where optimize ranks another four first by NPV.
    expect(text).toContain("one of the sets of four that pay back soonest (month 5\n# each,");
    expect(text).toContain("not\n# the four that gain the most.");
    const ranked: { capabilities: string[]; npv: number; paybackMonth: number | null }[] = JSON.parse(
      (await runCliCaptured(["optimize", file, "--top", "1024", "--json"])).stdout,
    ).ranked;
    const fours = ranked.filter((set) => set.capabilities.length === 4);
    const template = ["automaticChecks", "monitoring", "scheduling", "templates"];
    const mine = fours.find((set) => [...set.capabilities].sort().join() === template.join())!;
    const soonest = Math.min(...fours.map((set) => set.paybackMonth ?? Number.POSITIVE_INFINITY));
    expect(soonest).toBe(5);
    expect(mine.paybackMonth).toBe(soonest);
    // By NPV another four come first.
    expect([...fours[0]!.capabilities].sort()).not.toEqual(template);
    expect(text).toContain(`capabilities: [${["scheduling", "automaticChecks", "monitoring", "templates"].join(", ")}]`);
  });

  it("states the discount rate the NPVs are at, as run's header does", async () => {
    const { stdout } = await runCliCaptured(["optimize", example("enterprise.yaml"), "--top", "1"]);
    const run = await runCliCaptured(["run", example("enterprise.yaml")]);
    expect(run.stdout.split("\n")[1]).toContain("· discount rate 8% a year");
    // It said only "NPV against today with every range at its middle", with no rate.
    expect(stdout.split("\n")[1]).toBe("36 months · USD · NPVs against today · discount rate 8% a year");
  });

  it("names every change: setting of your scenarios that the sets are priced without, organisation factor and familiarity too, and only those", async () => {
    const file = example("enterprise.yaml");
    const json = async (text: string) => {
      const temp = makeTempFolder();
      try {
        const path = join(temp.path, "case.yaml");
        writeFileSync(path, text);
        return JSON.parse((await runCliCaptured(["optimize", path, "--top", "1", "--json"])).stdout).best.npv as number;
      } finally {
        temp.remove();
      }
    };
    const text = readFileSync(file, "utf8");
    const base = await json(text);
    // A scenario's own organisation factor and familiarity move no set: left out, as the note says.
    expect(
      await json(
        text.replace("      organisationFactor: 1.3\n", "      organisationFactor: 3\n").replace("      familiarity: 0.2\n", "      familiarity: 0.9\n"),
      ),
    ).toBe(base);
    // The file's defaults do move the sets: they are in (the note says "and the file's defaults").
    expect(await json(text.replace("\nscenarios:\n", "\n  change:\n    organisationFactor: 3\n    learningWeeksPerPerson: 4\n\nscenarios:\n"))).toBeLessThan(
      base,
    );
    const { stdout } = await runCliCaptured(["optimize", file, "--top", "1"]);
    // It named only "when the change starts, setup months, learning, contingency".
    expect(stdout).toContain(
      "  Each set is priced as a scenario with only these capabilities (as --write-scenario writes it): today's inputs and the file's defaults, with none of your scenarios' own settings, neither their change: settings (when the change starts, setup hours, setup months, learning weeks, familiarity, organisation factor, contingency, adoption dip and its months, outside spending and people working alongside) nor their other inputs.\n",
    );
  });

  it("says a set that pays back in none of the draws 'none of the 400 draws', not 'under 1%' below staying as today", async () => {
    const file = example("close-call.yaml");
    const result = JSON.parse((await runCliCaptured(["optimize", file, "--objective", "probability", "--top", "4", "--json"])).stdout);
    const never = result.ranked.find((set: { capabilities: string[] }) => set.capabilities.join() === "experimentTracking");
    expect(never.objective).toBe(0);
    expect(result.sampling.samples).toBe(400);
    const { stdout } = await runCliCaptured(["optimize", file, "--objective", "probability", "--top", "4"]);
    const rows = stdout.split("\n").filter((line) => /^\s+\d+\. /.test(line));
    // It read "4. experimentTracking under 1%", below staying as today, which ranks below every set that pays back.
    expect(rows[3]).toMatch(/^ {2}4\. experimentTracking +none of the 400 draws +-€/);
    expect(rows[2]).toContain("(nothing: stay as today)");
    expect(stdout).not.toContain("under 1%");
  });

  it("warns that the set ranked first by its chance of paying back loses money, naming it and its NPV, in the text and on stderr with --json", async () => {
    const file = example("close-call.yaml");
    const json = await runCliCaptured(["optimize", file, "--objective", "probability", "--json"]);
    const result = JSON.parse(json.stdout);
    expect(result.best.capabilities).toEqual(["scheduling"]);
    expect(result.best.npv).toBeLessThan(0);
    expect(result.bestLosesMoney).toEqual({ capabilities: ["scheduling"], npv: result.best.npv, better: { capabilities: [], npv: 0 } });
    const npv = formatMoney(result.best.npv, "EUR");
    const warning = `scheduling ranks first by chance of paying back within 12 months (2%) but loses money: its NPV is ${npv} with every range at its middle. Staying as today costs nothing (NPV €0).`;
    expect(json.stderr).toContain(`warning: ${file}: ${warning}\n`);
    const { stdout } = await runCliCaptured(["optimize", file, "--objective", "probability"]);
    expect(stdout).toContain(`\n  Warning: ${warning}\n`);
    // Ranked by NPV the best never loses money: no warning.
    const byNpv = await runCliCaptured(["optimize", file, "--json"]);
    expect(JSON.parse(byNpv.stdout).bestLosesMoney).toBeUndefined();
    expect(byNpv.stderr).not.toContain("loses money");
  });

  it("says a best set's loss under one unit as below €0 by less than €1, not 'loses money: its NPV is €0' (EUR and JPY)", async () => {
    const json = await runCliCaptured(["optimize", example("close-call.yaml"), "--objective", "probability", "--json"]);
    const result = JSON.parse(json.stdout);
    const tiny = { ...result, bestLosesMoney: { ...result.bestLosesMoney, npv: -0.3 } };
    for (const [currency, one] of [
      ["EUR", "€1"],
      ["JPY", "JP¥1"],
    ]) {
      const warning = lossWarning(tiny, { currency: currency!, horizonMonths: 12 })!;
      expect(warning).toContain(`but loses money: its NPV is below ${formatMoney(0, currency!)} by less than ${one} with every range at its middle.`);
    }
  });

  it("refuses p50 and probability, exit 1, when no input the sets read is a range: every draw would be the same case", async () => {
    // No ranges at all: the median would be the NPV, the chance 0 or 1 ("under 1%" was printed for a certain 0).
    for (const [objective, instead] of [
      ["p50", "use --objective npv"],
      ["probability", "use --objective payback"],
    ]) {
      const { exitCode, stdout, stderr } = await runCliCaptured(["optimize", example("seed.yaml"), "--objective", objective!]);
      expect(exitCode, objective).toBe(1);
      expect(stdout, objective).toBe("");
      expect(stderr, objective).toContain(`${example("seed.yaml")}: no input that today's scenario or the capabilities read is given as a range`);
      expect(stderr, objective).toContain(instead);
      expect(stderr, objective).toContain("give an input as { low, high }");
    }
    // A range only in an alternative's own inputs: the sets ("today plus these capabilities") never read it.
    const file = join(temp.path, "alternative-range.yaml");
    const text = readFileSync(example("seed.yaml"), "utf8");
    writeFileSync(file, text.replace("      upkeepHoursPerMonth: 11\n", "      upkeepHoursPerMonth: { low: 8, high: 15 }\n"));
    expect(readFileSync(file, "utf8")).not.toBe(text);
    expect((await runCliCaptured(["optimize", file, "--objective", "p50"])).exitCode).toBe(1);
    // A range on the discount rate alone: the median NPV moves with it, but no payback month does.
    const rate = join(temp.path, "rate-range.yaml");
    const seedText = readFileSync(example("seed.yaml"), "utf8");
    writeFileSync(rate, seedText.replace("discountRate:\n  value: 0.08\n", "discountRate:\n  low: 0.04\n  high: 0.12\n"));
    expect(readFileSync(rate, "utf8")).not.toBe(seedText);
    expect((await runCliCaptured(["optimize", rate, "--objective", "p50", "--samples", "20", "--json"])).exitCode).toBe(0);
    const byChance = await runCliCaptured(["optimize", rate, "--objective", "probability"]);
    expect(byChance.exitCode).toBe(1);
    expect(byChance.stderr).toContain("(the discount rate's range aside, which moves no payback month: payback is worked out before discounting)");
    // The same objectives run when the sets read a range (today's upkeep here).
    expect((await runCliCaptured(["optimize", example("seed-uncertain.yaml"), "--objective", "p50", "--samples", "20", "--json"])).exitCode).toBe(0);
  });

  it("says one set in the singular", async () => {
    const { stdout } = await runCliCaptured(["optimize", example("team.yaml"), "--budget", "0", "--setup-hours", "0"]);
    expect(stdout).toContain("; 1 set evaluated within the limits.");
  });
});

describe("optimize's gains under one unit, its unproven answers and its refusals", () => {
  /** A case in CHF whose two capabilities of its own, free and alike, each save a few cents over the year. */
  function tinyCase(): string {
    const file = join(temp.path, "tiny.yaml");
    writeFileSync(
      file,
      [
        "title: Tiny",
        "currency: CHF",
        "horizonMonths: 12",
        "discountRate: 0.08",
        "baseline: current",
        "catalogue:",
        "  a: { label: Cap A, setupHours: 0, effects: { projects.upkeepHoursPerMonth: 0.9 } }",
        "  b: { label: Cap B, setupHours: 0, effects: { projects.upkeepHoursPerMonth: 0.9 } }",
        "defaults:",
        "  team: { people: 1, hoursPerMonth: 120, hourlyCost: 0.01 }",
        "  projects: { alreadyLive: 1, upkeepHoursPerMonth: 3, valuePerMonth: 1 }",
        "  releases: { mode: schedule, months: [] }",
        "scenarios:",
        "  current: { label: Today }",
        "  alt: { label: Alt, capabilities: [a] }",
        "",
      ].join("\n"),
    );
    return file;
  }

  it("writes a set's gain under one unit 'less than CHF 1', as page 1 does, not 'CHF 0' beside staying as today's CHF 0", async () => {
    const file = tinyCase();
    const json = JSON.parse((await runCliCaptured(["optimize", file, "--from", "a,b", "--json"])).stdout);
    // Every set gains a few cents: above zero, under one unit.
    for (const set of json.ranked.filter((entry: { capabilities: string[] }) => entry.capabilities.length > 0)) {
      expect(set.npv).toBeGreaterThan(0);
      expect(set.npv).toBeLessThan(0.5);
    }
    const run = await runCliCaptured(["optimize", file, "--from", "a,b"]);
    expect(run.exitCode).toBe(0);
    // "CHF 1" is written with a no-break space.
    const stdout = run.stdout.replaceAll("\u00a0", " ");
    expect(stdout).toMatch(/1\. a, b\s+less than CHF 1\s+from the start\s+CHF 0\s+0\n/);
    expect(stdout).toMatch(/\(nothing: stay as today\)\s+CHF 0\s+–/);
    expect(stdout).toContain("which with its own settings gains less than CHF 1 and pays back from the start (as run gives it).");
    expect(stdout).toMatch(/1\. Cap A \(a\)\s+less than CHF 1\s+less than CHF 1\s+less than CHF 1\n/);
    expect(stdout).not.toMatch(/Cap [AB] \(.\)\s+CHF 0/);
  });

  it("writes a scenario a heuristic search found as found, not as 'the best set', in the description the report shows", async () => {
    const { file } = withOwnCapabilities(7);
    const run = await runCliCaptured(["optimize", file, "--budget", "30000", "--write-scenario", "ask"]);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain("not proven best");
    expect(readFileSync(file, "utf8")).toContain(
      "    description: The best set of capabilities mlops-roi optimize found by net present value within a first-year budget of €30,000, not proven best (the search did not try every set).\n",
    );
  });

  it("names the file when no set beats today, and speaks of limits only when some were given", async () => {
    const file = join(temp.path, "never.yaml");
    writeFileSync(file, readFileSync(tinyCase(), "utf8").replace("hourlyCost: 0.01", "hourlyCost: 0.01 }\n  tooling: { licences: { flatPerMonth: 1000 }"));
    // Every capability here adds a little to a licence the sets cannot escape: make them all cost.
    writeFileSync(file, readFileSync(file, "utf8").replaceAll("setupHours: 0,", "setupHours: 0, monthlyCost: 5,"));
    const run = await runCliCaptured(["optimize", file, "--from", "a,b", "--write-scenario", "ask"]);
    expect(run.stderr).toBe(`error: ${file}: no set of capabilities beats today; nothing was written\n`);
    expect(run.exitCode).toBe(1);
  });
});

describe("optimize's prices from the built-in catalogue", () => {
  it("says they are starting assumptions, naming each as the case takes it: versioning €20 a person a month in the euro template", async () => {
    const { stdout, stderr, exitCode } = await runCliCaptured(["optimize", templatePath("team"), "--budget", "30000", "--top", "1"]);
    expect(exitCode).toBe(0);
    expect(stdout.replaceAll("\u00a0", " ")).toContain(
      "  The NPV and first-year cash use the built-in catalogue's prices, starting assumptions for a small team rather than quotes, taken as written in EUR: versioning €20 a person a month, experimentTracking €30 a person a month, reuse €25 a person a month, governance €250 a month. Confirm them, or give your own under catalogue: in the file.\n",
    );
    expect(stdout).not.toContain("Warning");
    expect(stderr).toBe("");
  });

  it("warns that the catalogue's prices are in EUR when the case is in yen, naming the fields that give one's own (it read 'taken as written in JPY', as if JP¥20 were a price)", async () => {
    const file = join(temp.path, "yen.yaml");
    writeFileSync(file, readFileSync(templatePath("team"), "utf8").replace("currency: EUR", "currency: JPY"));
    const { stdout, exitCode } = await runCliCaptured(["optimize", file, "--budget", "30000", "--top", "1"]);
    expect(exitCode).toBe(0);
    const text = stdout.replaceAll("\u00a0", " ");
    expect(text).toContain(
      "  Warning: The built-in catalogue's prices are stated in EUR, but this case is in JPY: they are taken as written, unconverted, as JPY (versioning 20 a person a month, experimentTracking 30 a person a month, reuse 25 a person a month, governance 250 a month); give your own prices in JPY under catalogue: in the file (catalogue.versioning.monthlyCostPerPerson, catalogue.experimentTracking.monthlyCostPerPerson, catalogue.reuse.monthlyCostPerPerson, catalogue.governance.monthlyCost). The NPV and first-year cash take them so, and they are starting assumptions for a small team rather than quotes.\n",
    );
    // The same figures as the euro case's, only in yen: the warning changes no number.
    const euro = JSON.parse((await runCliCaptured(["optimize", templatePath("team"), "--budget", "30000", "--top", "1", "--json"])).stdout);
    const yen = await runCliCaptured(["optimize", file, "--budget", "30000", "--top", "1", "--json"]);
    const yenJson = JSON.parse(yen.stdout);
    expect(yenJson.ranked).toEqual(euro.ranked);
    expect(yenJson.catalogueCurrency).toBe("EUR");
    expect(yenJson.builtInPrices).toEqual(euro.builtInPrices);
    expect(yenJson.builtInPrices[0]).toEqual({ capability: "versioning", cost: "monthlyCostPerPerson", value: 20 });
    expect(yen.stderr).toBe(
      `warning: ${file}: optimize's ranking takes built-in catalogue prices. The built-in catalogue's prices are stated in EUR, but this case is in JPY: they are taken as written, unconverted, as JPY (versioning 20 a person a month, experimentTracking 30 a person a month, reuse 25 a person a month, governance 250 a month); give your own prices in JPY under catalogue: in the file (catalogue.versioning.monthlyCostPerPerson, catalogue.experimentTracking.monthlyCostPerPerson, catalogue.reuse.monthlyCostPerPerson, catalogue.governance.monthlyCost).\n`,
    );
    // The one set listed leaves out onDemandCompute: its built-in price is in none of the figures shown, so it is not named.
    expect(text).not.toContain("onDemandCompute");
    // The team template prices scheduling, automatic checks and monitoring itself: those are not the catalogue's.
    expect(text).not.toMatch(/scheduling JP¥|monitoring JP¥|automaticChecks JP¥/);
    // A search whose candidates all have the file's own prices (or none) says nothing of the kind.
    const own = await runCliCaptured(["optimize", file, "--from", "scheduling,monitoring,commands,templates"]);
    expect(own.stdout).not.toContain("built-in catalogue's prices");
  });
});

describe("optimize --write-scenario with an empty name", () => {
  it("is wrong usage, refused before the search (exit 2), not after it at line 168 of a file never written", async () => {
    const file = join(temp.path, "team.yaml");
    const text = readFileSync(templatePath("team"), "utf8");
    writeFileSync(file, text);
    const { exitCode, stdout, stderr } = await runCliCaptured(["optimize", file, "--from", "scheduling", "--write-scenario", ""]);
    expect([exitCode, stdout, stderr]).toEqual([
      2,
      "",
      'error: --write-scenario is ""; allowed: a scenario name, not empty, e.g. --write-scenario bestSet (nothing was written)\n',
    ]);
    expect(readFileSync(file, "utf8")).toBe(text);
  });
});

describe("optimize --help", () => {
  it("says what each objective ranks by, payback the earliest month (it said 'what to maximise', of a payback month the search makes earliest)", async () => {
    const { stdout } = await runCliCaptured(["optimize", "--help"]);
    const text = stdout.replace(/\s+/g, " ");
    expect(text).not.toContain("maximise");
    expect(text).toContain("payback the earliest payback month");
  });
});

describe("optimize's options given empty or in the wrong unit", () => {
  it("refuses an empty --budget, --setup-hours or --from (they searched within €0, or 'every one of the 1 sets of 0 capabilities'), and asks hours for --setup-hours, not an amount", async () => {
    const team = templatePath("team");
    const budget = await runCliCaptured(["optimize", team, "--budget", ""]);
    expect([budget.exitCode, budget.stdout, budget.stderr]).toEqual([2, "", 'error: --budget is ""; allowed: an amount ≥ 0, e.g. 20000\n']);
    const hours = await runCliCaptured(["optimize", team, "--setup-hours", "-1"]);
    expect([hours.exitCode, hours.stderr]).toEqual([2, 'error: --setup-hours is "-1"; allowed: a number of hours ≥ 0, e.g. 300\n']);
    const from = await runCliCaptured(["optimize", team, "--from", " , "]);
    expect([from.exitCode, from.stdout, from.stderr]).toEqual([
      2,
      "",
      'error: --from is " , "; allowed: capabilities of the catalogue separated by commas, e.g. --from commands,versioning,scheduling\n',
    ]);
  });
});

describe("optimize's budget at the price of one capability", () => {
  it("writes a budget with cents as given: --budget 959.6 leaves out versioning's €960 a year and says 'at most €959.60', not 'at most €960'", async () => {
    const file = join(temp.path, "team.yaml");
    writeFileSync(file, readFileSync(templatePath("team"), "utf8"));
    const exact = JSON.parse((await runCliCaptured(["optimize", file, "--budget", "960", "--json"])).stdout);
    expect(exact.ranked[0].capabilities).toContain("versioning");
    expect(exact.ranked[0].firstYearCash).toBe(960);
    const under = await runCliCaptured(["optimize", file, "--budget", "959.6", "--top", "2"]);
    const text = under.stdout.replaceAll("\u00a0", " ");
    expect(text.split("\n")[0]).toBe("Best sets of capabilities by net present value (first-year cash at most €959.60)");
    expect(text).not.toContain("versioning");
    expect((await runCliCaptured(["optimize", file, "--budget", "960", "--top", "1"])).stdout.split("\n")[0]).toBe(
      "Best sets of capabilities by net present value (first-year cash at most €960)",
    );
    // A price with cents: 19.99 a person a month for 4 people is €959.52 a year, within €959.60, and reads so.
    const cents = join(temp.path, "cents.yaml");
    writeFileSync(cents, readFileSync(file, "utf8").replace(/^catalogue:\n/m, "catalogue:\n  versioning: { monthlyCostPerPerson: 19.99 }\n"));
    const within = (await runCliCaptured(["optimize", cents, "--budget", "959.6", "--top", "1"])).stdout.replaceAll("\u00a0", " ");
    expect(within).toMatch(/1\. commands, versioning, templates .* €959\.52 /);
    await runCliCaptured(["optimize", file, "--budget", "959.6", "--write-scenario", "ask"]);
    expect(readFileSync(file, "utf8")).toContain("a first-year budget of €959.60");
  });

  it("writes a budget with more decimals than the currency shows as given: 'at most €959.999' and 'at most JP¥959.6', not '€960.00' and 'JP¥960' above a ranking without the set of 960", async () => {
    const file = join(temp.path, "team.yaml");
    writeFileSync(file, readFileSync(templatePath("team"), "utf8"));
    const euro = await runCliCaptured(["optimize", file, "--budget", "959.999", "--top", "2"]);
    expect(euro.stdout.replaceAll("\u00a0", " ").split("\n")[0]).toBe("Best sets of capabilities by net present value (first-year cash at most €959.999)");
    expect(euro.stdout).not.toContain("versioning");
    const yen = join(temp.path, "team-yen.yaml");
    writeFileSync(yen, readFileSync(file, "utf8").replace(/^currency: EUR$/m, "currency: JPY"));
    const under = await runCliCaptured(["optimize", yen, "--budget", "959.6", "--top", "2"]);
    expect(under.stdout.replaceAll("\u00a0", " ").split("\n")[0]).toBe("Best sets of capabilities by net present value (first-year cash at most JP¥959.6)");
    expect(under.stdout).not.toContain("versioning");
    await runCliCaptured(["optimize", yen, "--budget", "959.6", "--write-scenario", "ask"]);
    expect(readFileSync(yen, "utf8")).toContain("a first-year budget of JP¥959.6");
  });
});

describe("optimize's first-year cash in the currency's minor unit", () => {
  it("writes yen to the yen under JP¥100 too ('JP¥56', not 'JP¥56.40'), and a three-decimal dinar to the fils", async () => {
    const yen = join(temp.path, "team-yen.yaml");
    const text = readFileSync(templatePath("team"), "utf8")
      .replace(/^currency: EUR$/m, "currency: JPY")
      .replace("monthlyCost: { value: 600,", "monthlyCost: { value: 4.2,")
      .replace("monthlyCost: { value: 300,", "monthlyCost: { value: 0.5,");
    writeFileSync(yen, text);
    const cash = (stdout: string, set: string) => new RegExp(`\\d\\. ${set} .* (\\S+) +\\d+\\n`).exec(stdout.replaceAll("\u00a0", " "))?.[1];
    const run = await runCliCaptured(["optimize", yen, "--from", "scheduling,automaticChecks,monitoring", "--top", "8"]);
    expect(run.exitCode).toBe(0);
    // They read "JP¥56.40" and "JP¥50.40" beside "JP¥6,056".
    expect([
      cash(run.stdout, "scheduling, automaticChecks"),
      cash(run.stdout, "scheduling"),
      cash(run.stdout, "scheduling, automaticChecks, monitoring"),
    ]).toEqual(["JP¥56", "JP¥50", "JP¥6,056"]);
    expect(run.stdout).not.toMatch(/JP¥[\d,]+\.\d/);
    // 4.2004 dinars a month: KWD 50.405 a year, which read "KWD 50.40".
    const kwd = join(temp.path, "team-kwd.yaml");
    writeFileSync(kwd, text.replace(/^currency: JPY$/m, "currency: KWD").replace("value: 4.2,", "value: 4.2004,"));
    const dinars = await runCliCaptured(["optimize", kwd, "--from", "scheduling,automaticChecks,monitoring", "--top", "8"]);
    expect(cash(dinars.stdout, "scheduling")).toBe("50.405");
    // A set's cash that to the yen would read above the budget it is within keeps its decimals, as the budget: not "JP¥57" under "at most JP¥56.55".
    const edge = join(temp.path, "team-yen-edge.yaml");
    writeFileSync(edge, text.replace("value: 4.2,", "value: 4.7125,"));
    const within = await runCliCaptured(["optimize", edge, "--from", "scheduling,automaticChecks,monitoring", "--budget", "56.55", "--top", "3"]);
    expect(within.stdout.split("\n")[0]).toBe("Best sets of capabilities by net present value (first-year cash at most JP¥56.55)");
    expect([cash(within.stdout, "scheduling"), cash(within.stdout, "automaticChecks")]).toEqual(["JP¥56.55", "JP¥6"]);
  });
});

describe("optimize's limits far below a unit", () => {
  it("writes --budget 1e-7 as '€0.0000001' and --setup-hours 0.0004 as '0.0004 hours', not '€0.00' and '0 hours', in the text and the scenario it writes", async () => {
    const file = join(temp.path, "tiny.yaml");
    writeFileSync(file, readFileSync(templatePath("team"), "utf8"));
    const run = await runCliCaptured(["optimize", file, "--budget", "1e-7", "--setup-hours", "0.0004", "--top", "1"]);
    expect(run.stdout.replaceAll("\u00a0", " ").split("\n")[0]).toBe(
      "Best sets of capabilities by net present value (first-year cash at most €0.0000001, setup at most 0.0004 hours)",
    );
    const hours = await runCliCaptured(["optimize", file, "--budget", "1e-7", "--setup-hours", "300.5", "--write-scenario", "ask"]);
    expect(hours.exitCode).toBe(0);
    expect(readFileSync(file, "utf8")).toContain("within a first-year budget of €0.0000001 and 300.5 setup hours, chosen by mlops-roi optimize.");
  });
});

describe("optimize's limits read as the bound used, in every currency", () => {
  it("writes --budget 1e-200 as a power of ten, not 'at most less than €0.01'; a yen budget of 0.4 as 'JP¥0.4', not 'JP¥0.40'; --setup-hours 1 as '1 hour', not '1 hours'", async () => {
    const file = join(temp.path, "limits.yaml");
    writeFileSync(file, readFileSync(templatePath("team"), "utf8"));
    const first = async (...args: string[]) => (await runCliCaptured(["optimize", ...args, "--top", "1"])).stdout.replaceAll("\u00a0", " ").split("\n")[0];
    expect(await first(file, "--budget", "1e-200", "--setup-hours", "1e-200")).toBe(
      "Best sets of capabilities by net present value (first-year cash at most €1 × 10⁻²⁰⁰, setup at most 1 × 10⁻²⁰⁰ hours)",
    );
    expect(await first(file, "--setup-hours", "1")).toBe("Best sets of capabilities by net present value (setup at most 1 hour)");
    const yen = join(temp.path, "limits-yen.yaml");
    writeFileSync(yen, readFileSync(file, "utf8").replace(/^currency: EUR$/m, "currency: JPY"));
    expect(await first(yen, "--budget", "0.4")).toBe("Best sets of capabilities by net present value (first-year cash at most JP¥0.4)");
  });
});

describe("optimize's setup hours of a set beside the limit", () => {
  it("writes a set of 300.5 hours (templates) as '300.5', not '301' under 'setup at most 300.5 hours', and 0.1 + 0.2 hours as 0.3, not '0' nor 0.30000000000000004", async () => {
    const file = join(temp.path, "hours.yaml");
    const own = "  templates:\n    setupHours: 300.5\n  commands:\n    setupHours: 0.1\n  versioning:\n    setupHours: 0.2\n";
    writeFileSync(file, readFileSync(templatePath("team"), "utf8").replace(/^catalogue:\n/m, `catalogue:\n${own}`));
    const table = (stdout: string) =>
      new Map(
        stdout
          .split("\n")
          .filter((line) => /^\s+\d+\. /.test(line))
          .map((line) => [
            line.replace(/^\s+\d+\. ([a-zA-Z]+(?:, [a-zA-Z]+)*|\(nothing: stay as today\)).*$/, "$1"),
            line
              .trim()
              .split(/\s{2,}/)
              .at(-1)!,
          ]),
      );
    const big = await runCliCaptured(["optimize", file, "--from", "templates", "--setup-hours", "300.5"]);
    expect(big.stdout.split("\n")[0]).toContain("setup at most 300.5 hours");
    expect(table(big.stdout).get("templates")).toBe("300.5");
    const small = await runCliCaptured(["optimize", file, "--from", "commands,versioning", "--setup-hours", "0.3"]);
    expect(table(small.stdout).get("commands, versioning")).toBe("0.3");
    expect(table(small.stdout).get("commands")).toBe("0.1");
    const json = JSON.parse((await runCliCaptured(["optimize", file, "--from", "commands,versioning", "--json"])).stdout);
    expect(json.ranked.find((set: { capabilities: string[] }) => set.capabilities.length === 2).setupHours).toBe(0.3);
  });
});

describe("optimize's budget in a plan shorter than a year", () => {
  it("counts the plan's own months of fees, says so, and heads the column with them: versioning's €20 a person a month is €480 over 6 months for 4 people, not €960", async () => {
    const file = join(temp.path, "six.yaml");
    writeFileSync(file, readFileSync(templatePath("team"), "utf8").replace(/^horizonMonths: .*$/m, "horizonMonths: 6"));
    const run = await runCliCaptured(["optimize", file, "--budget", "1000", "--top", "3"]);
    expect(run.exitCode).toBe(0);
    expect(run.stdout.split("\n")[0]).toBe("Best sets of capabilities by net present value (cash over the plan's 6 months at most €1,000)");
    expect(run.stdout).toMatch(
      /^ {2}Capabilities +NPV against today with every range at its middle +Pays back \(month of the plan, undiscounted\) +Cash, 6 months \(undiscounted\) +Team setup hours$/m,
    );
    expect(run.stdout).toMatch(/^ {2}1\. commands, versioning +€[\d,]+ +month \d+ +€480 +\d+$/m);
    expect(run.stdout).toContain("\n  The plan is 6 months long, so the cash (and the budget) counts the up-front spend plus 6 months of fees, not twelve.\n");
    const json = JSON.parse((await runCliCaptured(["optimize", file, "--budget", "1000", "--json"])).stdout);
    expect(json.cashMonths).toBe(6);
    // The scenario it writes says the same budget, not "a first-year budget".
    expect((await runCliCaptured(["optimize", file, "--budget", "1000", "--write-scenario", "ask"])).exitCode).toBe(0);
    expect(readFileSync(file, "utf8")).toContain("within a budget of €1,000 over the plan's 6 months, chosen by mlops-roi optimize.");
    // A plan of a year or more counts twelve months, as before, and says nothing of it.
    const year = await runCliCaptured(["optimize", teamFile().file, "--budget", "1000", "--top", "1"]);
    expect(year.stdout).toMatch(
      /^ {2}Capabilities +NPV against today with every range at its middle +Pays back \([^)]+\) +First-year cash \(undiscounted\) +Team setup hours$/m,
    );
    expect(year.stdout).not.toContain("The plan is");
  });
});

describe("optimize's budget when the fees start later than month 1 in a short plan", () => {
  it("counts the months of the plan in which the fees are paid and says which: versioning from month 4 of 6 is €240, not €480", async () => {
    const file = join(temp.path, "six-from-4.yaml");
    const six = readFileSync(templatePath("team"), "utf8").replace(/^horizonMonths: .*$/m, "horizonMonths: 6");
    writeFileSync(file, six.replace(/^defaults:\n/m, "defaults:\n  tooling:\n    licences:\n      fromMonth: 4\n"));
    const run = await runCliCaptured(["optimize", file, "--budget", "1000", "--top", "3", "--from", "versioning,commands"]);
    expect(run.exitCode).toBe(0);
    expect(run.stdout.split("\n")[0]).toBe("Best sets of capabilities by net present value (cash with 3 months of fees at most €1,000)");
    expect(run.stdout).toMatch(/^ {2}2\. versioning +€[\d,]+ +month \d+ +€240 +\d+$/m);
    expect(run.stdout).toContain(
      "\n  The fees are paid in months 4 to 6 of the plan (today's change start and licence months), so the cash (and the budget) counts the up-front spend plus 3 months of fees, not twelve.\n",
    );
    expect(run.stdout).not.toContain("The plan is 6 months long");
    expect(JSON.parse((await runCliCaptured(["optimize", file, "--budget", "1000", "--json"])).stdout).cashMonths).toBe(3);
    expect((await runCliCaptured(["optimize", file, "--budget", "1000", "--write-scenario", "ask"])).exitCode).toBe(0);
    expect(readFileSync(file, "utf8")).toContain("within a budget of €1,000 for the up-front spend and 3 months of fees, chosen by mlops-roi optimize.");
  });
});

describe("optimize's ranking of sets that tie on the objective", () => {
  it("says that sets paying back in the same month, or with the same chance, are ranked by NPV", async () => {
    const { file } = teamFile();
    const payback = await runCliCaptured(["optimize", file, "--budget", "30000", "--objective", "payback", "--top", "4", "--json"]);
    const months = JSON.parse(payback.stdout).ranked.map((set: { objective: number }) => set.objective);
    // Four sets that pay back in the same month, in an order the table does not explain by itself.
    expect(new Set(months).size).toBe(1);
    expect((await runCliCaptured(["optimize", file, "--budget", "30000", "--objective", "payback", "--top", "4"])).stdout).toContain(
      "\n  Sets that pay back in the same month are ranked by NPV.\n",
    );
    const chance = await runCliCaptured(["optimize", file, "--budget", "30000", "--objective", "probability", "--top", "3", "--samples", "100"]);
    expect(chance.stdout).toContain(
      "\n  Sets with the same chance are ranked by NPV; the chances are shown to the percent, so two that read alike may differ by a few draws.\n",
    );
    expect((await runCliCaptured(["optimize", file, "--budget", "30000", "--top", "2"])).stdout).not.toContain("are ranked by NPV");
    // With nothing within the limits but staying as today, there is no order to explain.
    const alone = await runCliCaptured(["optimize", file, "--budget", "0", "--setup-hours", "0", "--objective", "payback"]);
    expect(alone.stdout).toContain("1. (nothing: stay as today)");
    expect(alone.stdout).not.toContain("are ranked by NPV");
  });
});

describe("optimize's ranking of sets that do not pay back", () => {
  it("says they come after every set that pays back, ranked by NPV, with staying as today among them, or that none listed pays back", async () => {
    const file = join(temp.path, "six.yaml");
    writeFileSync(file, readFileSync(templatePath("team"), "utf8").replace(/^horizonMonths: .*$/m, "horizonMonths: 6"));
    const mixed = await runCliCaptured(["optimize", file, "--objective", "payback", "--from", "versioning,governance"]);
    expect(mixed.exitCode).toBe(0);
    // versioning pays back in month 4; today (€0), then versioning with governance and governance alone do not, by NPV.
    expect(mixed.stdout).toMatch(
      /1\. versioning +month 4 .*\n.*2\. \(nothing: stay as today\) .*\n.*3\. versioning, governance +not within 6 months .*\n.*4\. governance +not within 6 months /,
    );
    expect(mixed.stdout).toContain(
      "\n  Sets that pay back in the same month are ranked by NPV; sets that do not pay back within 6 months come after every set that does, ranked by NPV too, staying as today among them at its NPV of €0.\n",
    );
    const none = await runCliCaptured(["optimize", file, "--objective", "payback", "--from", "reuse,governance"]);
    expect(none.stdout).toContain("\n  No set listed pays back within 6 months: they are ranked by NPV, staying as today among them at its NPV of €0.\n");
    expect(none.stdout).not.toContain("Sets that pay back in the same month");
  });
});

describe("optimize on one draw", () => {
  it("says 'the one draw' and '1 draw', not 'all 1 draws' and '1 draws'", async () => {
    const { file } = teamFile();
    const { stdout, exitCode } = await runCliCaptured(["optimize", file, "--objective", "p50", "--samples", "1", "--top", "1"]);
    expect(exitCode).toBe(0);
    expect(stdout).toContain(
      "Search: every one of the 1,024 sets on the one draw; 1 draw of the inputs (seed 1), the same for every set; 1,024 sets evaluated.\n",
    );
    expect(stdout).toContain("Answer: proven best on this draw (exhaustive: every set on the one draw).\n");
    expect(stdout).not.toMatch(/\b1 draws\b/);
  });
});

describe("optimize on a case whose baseline lists capabilities", () => {
  it("refuses, exit 1, naming the field, its line and its value: staying as today was priced at -€4,588 without the baseline's own", async () => {
    const file = join(temp.path, "baseline-capabilities.yaml");
    const text = readFileSync(new URL("../../../examples/seed.yaml", import.meta.url), "utf8");
    writeFileSync(file, text.replace("  current:\n    label: Today\n", "  current:\n    label: Today\n    capabilities: [scheduling]\n"));
    expect(readFileSync(file, "utf8")).not.toBe(text);
    const { exitCode, stdout, stderr } = await runCliCaptured(["optimize", file, "--from", "scheduling,monitoring"]);
    expect(stdout).toBe("");
    const line = readFileSync(file, "utf8").split("\n").indexOf("    capabilities: [scheduling]") + 1;
    expect(stderr).toBe(
      `${file}:${line}:19: error: scenarios.current.capabilities is [scheduling]; allowed for optimize: a baseline without capabilities, since every set is priced as today's way of working plus its capabilities (today's own would be left out of every set, staying as today included). Give what they change as the baseline's own inputs, or run optimize on a copy whose baseline lists none\n` +
        ` ${line} |     capabilities: [scheduling]\n    |                   ^\nerror: ${file}: 1 error; nothing was run\n`,
    );
    expect(exitCode).toBe(1);
  });
});

describe("optimize --json", () => {
  it("says the currency of its amounts, as sensitivity --json and voi --json do", async () => {
    const file = join(temp.path, "yen.yaml");
    writeFileSync(file, readFileSync(templatePath("team"), "utf8").replace("currency: EUR", "currency: JPY"));
    const result = JSON.parse((await runCliCaptured(["optimize", file, "--from", "scheduling,monitoring", "--json"])).stdout);
    expect(result.currency).toBe("JPY");
    expect(Object.keys(result).slice(0, 3)).toEqual(["objective", "currency", "candidates"]);
  });
});

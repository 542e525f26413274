import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CHROMIUM_INSTALL_HINT } from "../../report/browser.js";
import { makeTempFolder } from "../../test-support/fixtures.js";
import { runCliCaptured, stackTraceLine } from "../../test-support/run-cli.js";

const seed = new URL("../../../examples/seed.yaml", import.meta.url).pathname;
const seedUncertain = new URL("../../../examples/seed-uncertain.yaml", import.meta.url).pathname;

describe("mlops-roi report", () => {
  let temp: ReturnType<typeof makeTempFolder>;
  beforeEach(() => {
    temp = makeTempFolder();
  });
  afterEach(() => {
    temp.remove();
    delete process.env.MLOPS_ROI_CHROMIUM;
  });

  it("refuses an output whose ending says another kind of file (HTML into r.pdf, a PDF into r.html, a report over a case), exit 2, writing nothing", async () => {
    const scenario = join(temp.path, "other.yaml");
    writeFileSync(scenario, "mine");
    for (const [argv, message] of [
      [
        ["-o", join(temp.path, "r.pdf")],
        `-o ${join(temp.path, "r.pdf")}: an HTML report's name must end in .html or .htm, e.g. -o ${join(temp.path, "r.html")} (a PDF is written with --pdf ${join(temp.path, "r.pdf")})`,
      ],
      [
        ["-o", join(temp.path, "x.html"), "--pdf", join(temp.path, "r.html")],
        `--pdf ${join(temp.path, "r.html")}: a PDF's name must end in .pdf, e.g. --pdf ${join(temp.path, "r.pdf")} (the HTML report is written with -o ${join(temp.path, "r.html")})`,
      ],
      [["-o", scenario, "--force"], `-o ${scenario}: an HTML report's name must end in .html or .htm, e.g. -o ${join(temp.path, "other.html")}`],
    ] as const) {
      const { exitCode, stderr } = await runCliCaptured(["report", seed, ...argv]);
      expect(stderr).toBe(`error: ${message}\n`);
      expect(exitCode).toBe(2);
    }
    expect(readFileSync(scenario, "utf8")).toBe("mine");
    expect(readdirSync(temp.path)).toEqual(["other.yaml"]);
    // An ending that fits, in any case: written.
    const htm = await runCliCaptured(["report", seed, "-o", join(temp.path, "r.HTM"), "--date", "2026-05-01"]);
    expect(htm.exitCode).toBe(0);
  });

  it("refuses a link where its default report.html goes, even with --force, and writes through one named with -o", async () => {
    const { symlinkSync } = await import("node:fs");
    const previous = process.cwd();
    process.chdir(temp.path);
    try {
      writeFileSync("v2.txt", "mine");
      symlinkSync("v2.txt", "report.html");
      const unnamed = await runCliCaptured(["report", seed, "--force", "--date", "2026-05-01"]);
      expect(unnamed.stderr).toBe(
        "error: report.html is a symbolic link (to v2.txt), and the default report.html is not written through a link no option named; nothing was written: give -o report.html to write through it, or remove the link\n",
      );
      expect(unnamed.exitCode).toBe(1);
      expect(readFileSync("v2.txt", "utf8")).toBe("mine");
      expect(readdirSync(".").sort()).toEqual(["report.html", "v2.txt"]);
      const named = await runCliCaptured(["report", seed, "-o", "report.html", "--force", "--date", "2026-05-01"]);
      expect(named.exitCode).toBe(0);
      expect(readFileSync("v2.txt", "utf8")).toMatch(/^<!doctype html>/);
    } finally {
      process.chdir(previous);
    }
  });

  it("pins the date with --date or SOURCE_DATE_EPOCH: the same file gives the same bytes, and --force then writes nothing and keeps no .bak", async () => {
    const target = join(temp.path, "case.html");
    expect((await runCliCaptured(["report", seed, "-o", target, "--date", "2026-05-01"])).exitCode).toBe(0);
    const first = readFileSync(target);
    expect(first.toString("utf8")).toContain("1 May 2026");
    const again = await runCliCaptured(["report", seed, "-o", target, "--date", "2026-05-01", "--force"]);
    expect(again.exitCode).toBe(0);
    expect(again.stderr).toContain(`${target} is unchanged (the same bytes): nothing written, no backup made`);
    expect(existsSync(`${target}.bak`)).toBe(false);
    expect(readFileSync(target)).toEqual(first);
    // SOURCE_DATE_EPOCH, as reproducible builds set it: 1 May 2026 at midnight UTC.
    process.env.SOURCE_DATE_EPOCH = "1777593600";
    try {
      const pinned = await runCliCaptured(["report", seed, "-o", "-"]);
      expect(pinned.stdout).toBe(first.toString("utf8"));
    } finally {
      delete process.env.SOURCE_DATE_EPOCH;
    }
    // A different date is a different file: written, the old one kept.
    const later = await runCliCaptured(["report", seed, "-o", target, "--date", "2026-05-02", "--force"]);
    expect(later.stderr).toContain(`(previous version kept as ${target}.bak)`);
    expect(readFileSync(`${target}.bak`)).toEqual(first);
  });

  it("refuses a --date that is not a date, naming what is allowed", async () => {
    const { exitCode, stderr } = await runCliCaptured(["report", seed, "-o", join(temp.path, "x.html"), "--date", "2026-02-30"]);
    expect(exitCode).toBe(2);
    // The form is right: it said "allowed: a date as YYYY-MM-DD" of it.
    expect(stderr).toBe('error: --date is "2026-02-30", but February 2026 has no day 30; allowed: a date that exists, as YYYY-MM-DD, e.g. 2026-05-01\n');
    expect(existsSync(join(temp.path, "x.html"))).toBe(false);
    const month = await runCliCaptured(["report", seed, "-o", join(temp.path, "x.html"), "--date", "2026-13-01"]);
    expect(month.stderr).toBe('error: --date is "2026-13-01", but there is no month 13; allowed: a date that exists, as YYYY-MM-DD, e.g. 2026-05-01\n');
    const form = await runCliCaptured(["report", seed, "-o", join(temp.path, "x.html"), "--date", "1 May 2026"]);
    expect(form.exitCode).toBe(2);
    expect(form.stderr).toBe('error: --date is "1 May 2026"; allowed: a date as YYYY-MM-DD, e.g. 2026-05-01\n');
  });

  it("writes one self-contained HTML file", async () => {
    const target = join(temp.path, "board", "case.html");
    const { exitCode, stderr } = await runCliCaptured(["report", seed, "-o", target]);
    expect(exitCode).toBe(0);
    expect(stderr).toContain(`wrote ${target}`);
    const html = readFileSync(target, "utf8");
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain("One data scientist, three releases a year");
    expect(html).toContain('data-figure="npv">€7,960<');
  });

  it("takes a folder for -o or --pdf as wrong usage (exit 2), with or without --force, and names the file to give", async () => {
    const folder = join(temp.path, "reports");
    mkdirSync(folder);
    for (const force of [[], ["--force"]]) {
      const html = await runCliCaptured(["report", seed, "-o", folder, ...force]);
      expect(html.exitCode).toBe(2);
      expect(html.stderr).toContain(`-o ${folder} is a folder; give the file to write, e.g. -o ${join(folder, "report.html")}`);
      const pdf = await runCliCaptured(["report", seed, "-o", join(temp.path, "r.html"), "--pdf", folder, ...force]);
      expect(pdf.exitCode).toBe(2);
      expect(pdf.stderr).toContain(`--pdf ${folder} is a folder; give the file to write, e.g. --pdf ${join(folder, "report.pdf")}`);
    }
    expect(readdirSync(folder)).toEqual([]);
    expect(existsSync(join(temp.path, "r.html"))).toBe(false);
  });

  it("refuses to overwrite without --force, and keeps the old file with it", async () => {
    const target = join(temp.path, "report.html");
    writeFileSync(target, "my own notes");
    const refused = await runCliCaptured(["report", seed, "-o", target]);
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toContain("already exists; use --force");
    expect(refused.stderr).not.toMatch(stackTraceLine);
    expect(readFileSync(target, "utf8")).toBe("my own notes");
    const forced = await runCliCaptured(["report", seed, "-o", target, "--force"]);
    expect(forced.exitCode).toBe(0);
    expect(readFileSync(`${target}.bak`, "utf8")).toBe("my own notes");
  });

  it("prints the HTML with -o -", async () => {
    const { exitCode, stdout } = await runCliCaptured(["report", seed, "-o", "-"]);
    expect(exitCode).toBe(0);
    expect(stdout).toMatch(/^<!doctype html>/);
  });

  it("says how to install Chromium when it is missing, and writes nothing", async () => {
    process.env.MLOPS_ROI_CHROMIUM = join(temp.path, "no-such-browser");
    const html = join(temp.path, "report.html");
    const pdf = join(temp.path, "report.pdf");
    const { exitCode, stderr } = await runCliCaptured(["report", seed, "-o", html, "--pdf", pdf]);
    expect(exitCode).toBe(1);
    expect(stderr).toBe(`error: ${CHROMIUM_INSTALL_HINT}\n`);
    expect(CHROMIUM_INSTALL_HINT).toBe("Chromium is needed to print the PDF: apt-get install -y chromium");
    expect(existsSync(html)).toBe(false);
    expect(existsSync(pdf)).toBe(false);
  });

  it("rejects a paper size it does not know and the same file twice, as wrong usage (exit 2)", async () => {
    const paper = await runCliCaptured(["report", seed, "-o", join(temp.path, "a.html"), "--pdf", join(temp.path, "a.pdf"), "--paper", "A3"]);
    expect(paper.exitCode).toBe(2);
    expect(paper.stderr).toContain("--paper A3: allowed: a4 or letter");
    const same = join(temp.path, "same");
    const twice = await runCliCaptured(["report", seed, "-o", same, "--pdf", same]);
    expect(twice.exitCode).toBe(2);
    expect(twice.stderr).toContain("both name");
    expect(existsSync(same)).toBe(false);
  });

  it("writes nothing for a file with mistakes", async () => {
    const broken = join(temp.path, "broken.yaml");
    writeFileSync(broken, readFileSync(seed, "utf8").replace("horizonMonths: 12", "horizonMonths: twelve"));
    const target = join(temp.path, "report.html");
    const { exitCode, stderr } = await runCliCaptured(["report", broken, "-o", target]);
    expect(exitCode).toBe(1);
    expect(stderr).toContain("horizonMonths");
    expect(existsSync(target)).toBe(false);
  });

  it("samples the ranges with the seed given, like run does", async () => {
    const [first, second, json] = await Promise.all([
      runCliCaptured(["report", seedUncertain, "-o", "-", "--samples", "500", "--seed", "3"]),
      runCliCaptured(["report", seedUncertain, "-o", "-", "--samples", "500", "--seed", "3"]),
      runCliCaptured(["run", seedUncertain, "--json", "--samples", "500", "--seed", "3"]),
    ]);
    expect(first.exitCode).toBe(0);
    const chance = first.stdout.match(/data-figure="payback-chance">([^<]+)</)?.[1];
    expect(chance).toBeDefined();
    const result = JSON.parse(json.stdout) as { comparisons: Record<string, { npv: number; distribution?: { probabilityPaysBack: number } }> };
    const best = Object.values(result.comparisons).sort((a, b) => b.npv - a.npv)[0]!;
    const share = best.distribution!.probabilityPaysBack;
    expect(chance).toBe(share > 0.99 ? "over 99%" : share < 0.01 ? "under 1%" : `${Math.round(share * 100)}%`);
    expect(first.stdout.replace(/chart\d+-/g, "")).toBe(second.stdout.replace(/chart\d+-/g, ""));
  });
  it("refuses fewer than 100 samples of a file with ranges, as the workbook does: page 1 said 'Over the 1 outcomes of the ranges … in over 99% of them'", async () => {
    for (const [command, output] of [
      ["report", "r.html"],
      ["export", "r.xlsx"],
    ] as const) {
      const target = join(temp.path, output);
      const refused = await runCliCaptured([command, seedUncertain, "-o", target, "--samples", "99"]);
      expect(refused.exitCode, command).toBe(2);
      expect(refused.stderr).toMatch(
        new RegExp(
          `--samples is 99: a ${command === "report" ? "report" : "workbook"} gives its chances to the nearest 1% and its ranges as 90% ones, which fewer than 100 samples cannot tell; allowed: 0 \\(single estimates, no chances\\) or 100 to [\\d,]+`,
        ),
      );
      expect(existsSync(target)).toBe(false);
      // 0 is the single estimates, 100 the fewest a document's chances need; so for run's tables; run --json takes any number.
      expect((await runCliCaptured([command, seedUncertain, "-o", target, "--samples", "100"])).exitCode, command).toBe(0);
    }
    expect((await runCliCaptured(["run", seedUncertain, "--samples", "1"])).exitCode).toBe(2);
    expect((await runCliCaptured(["run", seedUncertain, "--samples", "1", "--json"])).exitCode).toBe(0);
    // A file without ranges samples nothing: any --samples gives its single estimates, as before.
    expect((await runCliCaptured(["report", seed, "-o", join(temp.path, "s.html"), "--samples", "5"])).exitCode).toBe(0);
  });
});

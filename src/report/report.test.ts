import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildResult, MonteCarlo, validateScenarioText, withUncertainty, type CaseResult, type CompiledCase } from "../engine/index.js";
import { createReport } from "./create-report.js";
import { formatChance, formatMoney } from "../format/numbers.js";
import { findJargon } from "./jargon.js";
import { fleschReadingEase } from "./readability.js";
import { mainProse, mainText, mainTextWithoutUserWords, textOf } from "./report-text.js";

const examples = new URL("../../examples/", import.meta.url);
const exampleNames = readdirSync(examples).filter((name) => name.endsWith(".yaml"));

function compile(text: string): CompiledCase {
  const { compiled, issues } = validateScenarioText(text);
  if (!compiled) throw new Error(JSON.stringify(issues));
  return compiled;
}

/** The result `run --samples 2000 --seed 1` gives: with ranges, the Monte Carlo's figures attached. */
function resultOf(compiled: CompiledCase): CaseResult {
  const result = buildResult(compiled);
  if (compiled.uncertainLeaves.length === 0) return result;
  return withUncertainty(result, new MonteCarlo(compiled, { samples: 2_000, seed: 1 }).runAll().summarise());
}

function figure(html: string, name: string): string | undefined {
  const match = html.match(new RegExp(`<span data-figure="${name}">([^<]*)</span>`));
  return match ? textOf(match[1]!) : undefined;
}

describe.each(exampleNames)("the report of examples/%s", (name) => {
  const compiled = compile(readFileSync(new URL(name, examples), "utf8"));
  const result = resultOf(compiled);
  const reportPromise = createReport(compiled, { result, generatedOn: "1 June 2026" });

  it("keeps the main text free of technical words, the user's own included", async () => {
    const { html } = await reportPromise;
    expect(findJargon(mainText(html))).toEqual([]);
  });

  it("writes plain prose: Flesch reading ease of at least 50", async () => {
    const { html } = await reportPromise;
    const prose = mainProse(html);
    expect(prose.length).toBeGreaterThan(8);
    for (const paragraph of prose) expect(paragraph).toMatch(/[.:!?]$/);
    expect(fleschReadingEase(prose.join(" "))).toBeGreaterThanOrEqual(50);
  });

  it("puts the engine's figures on the first page, rounded the report's way", async () => {
    const { html, context } = await reportPromise;
    const best = context.recommendation!.best;
    expect(best.npv).toBe(Math.max(...Object.values(result.comparisons).map((comparison) => comparison.npv)));
    expect(figure(html, "npv")).toBe(formatMoney(result.comparisons[best.alternative]!.npv, result.currency));
    expect(figure(html, "investment")).toBe(formatMoney(Math.max(0, best.investment.cash), result.currency));
    const payback = best.paybackMonth;
    expect(figure(html, "payback")).toBe(
      payback === null ? `Not within ${result.horizonMonths} months` : payback === 0 ? "From the start" : `Month ${payback}`,
    );
    const distribution = result.comparisons[best.alternative]!.distribution;
    if (distribution) expect(figure(html, "payback-chance")).toBe(formatChance(distribution.probabilityPaysBack));
    else expect(figure(html, "payback-chance")).toBeUndefined();
  });

  it("is self-contained: no script, no link, no request of any kind", async () => {
    const { html } = await reportPromise;
    for (const pattern of [/<script/i, /<link/i, /<img/i, /<iframe/i, /@import/i, /url\(\s*['"]?(https?:)?\/\//i, /\s(src|href)=/i]) {
      expect(html).not.toMatch(pattern);
    }
    expect(html).toContain(`content="default-src 'none'`);
  });

  it("gives the same report for the same file and seed", async () => {
    const again = await createReport(compiled, { result: resultOf(compiled), generatedOn: "1 June 2026" });
    const { html } = await reportPromise;
    // Chart ids are numbered per process; everything else must match.
    const stable = (text: string) => text.replace(/chart\d+-/g, "chart-");
    expect(stable(again.html)).toBe(stable(html));
  });
});

describe("the report's own words", () => {
  it("stay plain even when the user's names are technical", async () => {
    const text = readFileSync(new URL("seed.yaml", examples), "utf8")
      .replace("label: Every tool we want", "label: Full MLOps platform on Kubernetes")
      .replace("title: One data scientist, three releases a year", "title: Our CI/CD pipeline case");
    const { html, context } = await createReport(compile(text));
    expect(findJargon(mainText(html))).toEqual(expect.arrayContaining(["MLOps", "Kubernetes", "CI/CD", "pipeline"]));
    const userStrings = [context.result.title, ...Object.values(context.result.scenarios).map((scenario) => scenario.label)];
    expect(findJargon(mainTextWithoutUserWords(html, userStrings))).toEqual([]);
  });

  it("say plainly that the figures are single estimates when there are no ranges", async () => {
    const { html } = await createReport(compile(readFileSync(new URL("seed.yaml", examples), "utf8")));
    expect(mainText(html)).toContain("These figures are single estimates.");
    expect(mainText(html)).toContain("20% down and up");
    expect(mainText(html)).not.toContain("chance of any gain");
  });
});

describe("escaping", () => {
  const hostile = "<script>alert(1)</script>";
  const text = readFileSync(new URL("seed.yaml", examples), "utf8")
    .replace("title: One data scientist, three releases a year", `title: "${hostile}"`)
    .replace("  optimal:\n    label: Every tool we want", `  "${hostile}":\n    label: "${hostile}"`)
    .replace("description: Everything by hand, as now.", `description: "<img src=x onerror=alert(2)> & \\"quotes\\""`)
    .replace("note: assumed; the company's usual annual rate for projects", `note: "</td><script>alert(3)</script>"`);

  it("shows every user string as text, in the page and in the charts", async () => {
    const compiled = compile(text);
    expect(compiled.scenarios.map((scenario) => scenario.name)).toContain(hostile);
    const { html } = await createReport(compiled);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("&lt;/td&gt;&lt;script&gt;alert(3)&lt;/script&gt;");
    // The option's name is drawn inside the SVG charts too: escaped there as well.
    const svgText = [...html.matchAll(/<svg[\s\S]*?<\/svg>/g)].map((match) => match[0]).join("");
    expect(svgText).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });
});

describe("a file without ranges, sampled all the same (report --samples)", () => {
  it("reads as the single estimate it is: no ranges, no chances of identical samples", async () => {
    const text = readFileSync(new URL("seed.yaml", examples), "utf8");
    const compiled = compile(text);
    expect(compiled.uncertainLeaves).toEqual([]);
    const sampled = withUncertainty(buildResult(compiled), new MonteCarlo(compiled, { samples: 200, seed: 1 }).runAll().summarise());
    const main = mainText((await createReport(compiled, { result: sampled })).html);
    // It said "Some inputs are ranges, not single numbers, but none of them moves the net gain … much" and gave a chance of paying back.
    expect(main).not.toContain("Some inputs are ranges");
    expect(main).not.toContain("The chance that it pays back");
    expect(main).toContain("These figures are single estimates. Each input in the file is one number, not a range.");
    expect(main).toBe(mainText((await createReport(compiled, { result: buildResult(compiled) })).html));
  });
});

describe("the charts' captions say what the charts show", () => {
  const sectionText = (html: string, id: string) => {
    const section = html.match(new RegExp(`<section id="${id}"[\\s\\S]*?</section>`))?.[0];
    return section === undefined ? undefined : textOf(section.replace(/<svg[\s\S]*?<\/svg>/g, ""));
  };
  const reportOf = async (path: string) => {
    const compiled = compile(readFileSync(new URL(path, examples), "utf8"));
    return { html: (await createReport(compiled, { result: resultOf(compiled) })).html, result: resultOf(compiled) };
  };

  it("a case without projects (the DORA 2020 peer) has no live-projects chart and no red in the team's hours", async () => {
    const { html } = await reportOf("peers/dora-2020-elite-large.yaml");
    expect(sectionText(html, "live-projects")).toBeUndefined();
    expect(sectionText(html, "team-hours")).not.toContain("Red is");
  });

  it("says no option releases a project when none does, instead of 'releases 0' (solo.yaml)", async () => {
    const { html, result } = await reportOf("solo.yaml");
    expect(Object.values(result.scenarios).every((scenario) => scenario.summary.projectsDelivered === 0)).toBe(true);
    const text = sectionText(html, "live-projects")!;
    expect(text).toMatch(/Neither today's team nor “[^”]+” releases a new project over the plan\./);
    expect(text).not.toContain("releases 0");
    expect(text).not.toContain("what each project costs to keep");
  });

  it("says the same number, none and no new project as such, not 'it releases 3' after 3 or 'releases 0'", async () => {
    const caseWith = (today: string, option: string) =>
      compile(`title: Releases
currency: EUR
horizonMonths: 24
discountRate: 0
baseline: today
defaults:
  team: { people: 1, hoursPerMonth: 120, hourlyCost: 60 }
  projects: { alreadyLive: 2, upkeepHoursPerMonth: ${today}, valuePerMonth: 2500, buildHours: 240 }
  releases: { mode: capacity, newWorkThresholdHours: 80 }
scenarios:
  today: { label: Today }
  option:
    label: Option
    projects: { upkeepHoursPerMonth: ${option} }
`);
    const captionOf = async (compiled: CompiledCase) => {
      const result = resultOf(compiled);
      // The option's name is its own span: "“ Option ”" once its markup is gone.
      const text = sectionText((await createReport(compiled, { result })).html, "live-projects")!.replace(/“ ([^”]*) ”/g, "“$1”");
      return { text, delivered: result.comparisons.option!.capacity.projectsDelivered };
    };
    // Today has 60 hours left, too few to start; the option 98: it releases 3.
    const more = await captionOf(caseWith("30", "11"));
    expect(more.delivered).toEqual({ baseline: 0, alternative: 3 });
    expect(more.text).toContain("Over the plan, today's team releases no new project; with “Option”, it releases 3.");
    // The option's upkeep rises: today releases 3, the option none (a loss, so page 1 says stay).
    const fewer = await captionOf(caseWith("11", "30"));
    expect(fewer.delivered).toEqual({ baseline: 3, alternative: 0 });
    expect(fewer.text).toContain("Over the plan, today's team releases 3 new projects; with “Option”, it releases none.");
    // The same upkeep, a little less: both release 3, and the lines lie on top of each other.
    const same = await captionOf(caseWith("11", "10"));
    expect(same.delivered).toEqual({ baseline: 3, alternative: 3 });
    expect(same.text).toContain("Over the plan, today's team releases 3 new projects; with “Option”, it releases the same number.");
    // An option identical to today: the lines lie on top of each other, and there is no gain to speak of.
    const identical = await captionOf(caseWith("11", "11"));
    expect(identical.text).toContain(
      "so the lines lie on top of each other: the difference comes from what the team does with its hours, not from more projects. Over the plan, today's team releases 3 new projects; with “Option”, it releases the same number.",
    );
    for (const { text } of [more, fewer, same]) expect(text).not.toContain("releases 0");
  });

  it("keeps the red upkeep in the caption where projects are released (team.yaml)", async () => {
    const { html } = await reportOf("team.yaml");
    expect(sectionText(html, "team-hours")).toContain("Red is the upkeep of projects already live: it grows with every release.");
  });
});

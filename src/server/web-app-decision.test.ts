import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatMoneyExact as formatMoney } from "../format/numbers.js";
import { judgementSentences } from "../format/judgement.js";
import { bestChances } from "../format/words.js";
import { packageRoot } from "../shared/package-files.js";
import { buildResult, MonteCarlo, STANDARD_SAMPLES, STANDARD_SEED, validateScenarioText, withUncertainty, type DecisionAnalysis } from "../engine/index.js";
import { chromiumAvailable, chromiumPath, launchChromium } from "../report/browser.js";
import { startServer, type RunningServer } from "./start-server.js";
import { openWatchedPage } from "../test-support/watched-page.js";

/**
 * The web app's decision panel in Debian's Chromium: beside the ranges it shows how often each
 * option comes out best and what is worth finding out first, the engine's own figures for the same
 * draws. Each case is a temporary copy of an example, served by its own server.
 */

// The callbacks given to page.evaluate run in the browser (see web-app.test.ts).
declare const document: any;
declare const window: any;
declare function requestAnimationFrame(callback: () => void): number;

const inCi = process.env.CI === "true";
const haveChromium = chromiumAvailable();
if (!haveChromium && !inCi) console.warn(`web app decision tests skipped: no Chromium at ${chromiumPath()} (apt-get install -y chromium)`);

const screenshots = join(packageRoot, "test-results");
/**
 * What the page's Monte Carlo runs once refined (web/src/engine/case-evaluator.ts): the standard
 * draws the report and the workbook use too, so the page and what it exports agree. The test also
 * reads them off the page.
 */
const LIVE_SAMPLES = STANDARD_SAMPLES;
const LIVE_SEED = STANDARD_SEED;
const SHOWN_INPUTS = 3;

let folder: string;
let closeCall: RunningServer;
let team: RunningServer;
/** examples/seed.yaml with a range on what a project is worth and a twin of "What will be approved": equal in every outcome. */
let twins: RunningServer;
let browser: Browser;
const consoleProblems: string[] = [];

/** The engine's decision analysis of a case, for the draws the page makes. */
function engineDecision(data: unknown): { decision: DecisionAnalysis; currency: string } {
  const { compiled } = validateScenarioText(JSON.stringify(data));
  if (!compiled) throw new Error("the case should be valid");
  const result = withUncertainty(buildResult(compiled), MonteCarlo.summaryOf(compiled, { samples: LIVE_SAMPLES, seed: LIVE_SEED }));
  if (!result.decision) throw new Error("the case should have a decision analysis");
  return { decision: result.decision, currency: result.currency };
}

function twinsText(): string {
  return `${readFileSync(join(packageRoot, "examples", "seed.yaml"), "utf8").replace("value: 2500", "low: 2000\n      high: 3000")}  twin:
    label: Its twin
    projects: { upkeepHoursPerMonth: 11 }
    tooling: { licences: { perUserPerMonth: 150 } }
`;
}

function exampleData(name: string): Record<string, any> {
  return parse(readFileSync(join(packageRoot, "examples", `${name}.yaml`), "utf8"));
}

function openPage(server: RunningServer, width: number): Promise<Page> {
  return openWatchedPage(browser, { url: server.url, problems: consoleProblems, width });
}

const panel = (page: Page) => page.locator("section.decision");

/** What the panel shows, read once it holds figures. */
async function shownDecision(page: Page) {
  await page.locator("section.decision[data-state=ready]").waitFor();
  return page.evaluate(() => {
    const section = document.querySelector("section.decision");
    return {
      samples: section.getAttribute("data-samples"),
      options: [...section.querySelectorAll(".decision-options li")].map((item: any) => ({
        scenario: item.getAttribute("data-option"),
        label: item.querySelector(".decision-option-label").textContent,
        share: item.querySelector("[data-figure=probability-best]").textContent,
      })),
      evpi: section.querySelector("[data-figure=evpi]")?.textContent ?? null,
      worth: [...section.querySelectorAll(".decision-worth li")].map((item: any) => ({
        inputs: item.getAttribute("data-inputs"),
        label: item.querySelector(".decision-input-name").textContent,
        note: item.querySelector(".decision-group-note")?.textContent ?? null,
        value: item.querySelector("[data-figure=information-value]").textContent,
      })),
      nothing: section.querySelector("[data-decision=nothing-worth-measuring]")?.textContent ?? null,
    };
  });
}

/** What the panel must show for the engine's analysis. */
function expectedPanel({ decision, currency }: { decision: DecisionAnalysis; currency: string }) {
  const worth = decision.evppi.filter((entry) => entry.aboveNoise).slice(0, SHOWN_INPUTS);
  return {
    samples: String(decision.samples),
    // The chances are of one whole, written together (largest remainder: docs/numbers.md).
    // Best in none or every one of the outcomes: the count ("none of the 10,000 outcomes").
    options: decision.options.map((option) => ({
      scenario: option.scenario,
      label: option.label,
      share: bestChances(decision.options, { samples: decision.samples, unit: "outcome" })[option.scenario],
    })),
    evpi: worth.length > 0 ? formatMoney(decision.evpi, currency) : null,
    worth: worth.map((entry) => ({ inputs: entry.inputs.join(","), value: formatMoney(entry.value, currency) })),
  };
}

/** Elements of the panel that reach past its right edge, or stick out of the page. */
function spilling(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const section = document.querySelector("section.decision");
    const edge = section.getBoundingClientRect().right;
    return ([...section.querySelectorAll("*")] as any[])
      .filter((element) => element.getBoundingClientRect().right > edge + 1 || element.scrollWidth > element.clientWidth + 1)
      .map((element) => String(element.outerHTML).slice(0, 100));
  });
}

describe.skipIf(!haveChromium && !inCi)("the web app's decision panel in Chromium", () => {
  beforeAll(async () => {
    if (!haveChromium) throw new Error(`Chromium is missing at ${chromiumPath()}: apt-get install -y chromium`);
    // The page is built once, when stale, by the tests' global setup (src/test-support/global-setup.ts).
    folder = mkdtempSync(join(tmpdir(), "mlops-roi-web-decision-"));
    mkdirSync(join(folder, "close-call"));
    mkdirSync(join(folder, "team"));
    copyFileSync(join(packageRoot, "examples", "close-call.yaml"), join(folder, "close-call", "close-call.yaml"));
    copyFileSync(join(packageRoot, "examples", "team.yaml"), join(folder, "team", "team.yaml"));
    mkdirSync(screenshots, { recursive: true });
    closeCall = await startServer({ casePath: join(folder, "close-call", "close-call.yaml"), port: 0, exporters: {} });
    team = await startServer({ casePath: join(folder, "team", "team.yaml"), port: 0, exporters: {} });
    mkdirSync(join(folder, "twins"));
    writeFileSync(join(folder, "twins", "twins.yaml"), twinsText());
    twins = await startServer({ casePath: join(folder, "twins", "twins.yaml"), port: 0, exporters: {} });
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await closeCall?.close();
    await team?.close();
    await twins?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it("shows, for a close call, the engine's chance each option is best and what finding out first is worth", async () => {
    const expected = expectedPanel(engineDecision(exampleData("close-call")));
    // The example is the near tie it says it is, with something worth measuring.
    const [, optimal, compromise] = engineDecision(exampleData("close-call")).decision.options;
    expect(optimal!.probabilityBest).toBeGreaterThan(0.4);
    expect(compromise!.probabilityBest).toBeGreaterThan(0.3);
    expect(expected.worth.length).toBeGreaterThan(0);

    const page = await openPage(closeCall, 1280);
    const shown = await shownDecision(page);
    await page.screenshot({ path: join(screenshots, "web-app-decision-top-1280.png") });
    // The page ran the draws this test ran: it says so in the ranges' note and on the panel.
    const note = await page.locator(".ranges-note").textContent();
    expect(note).toContain(`Ranges from ${LIVE_SAMPLES.toLocaleString("en-GB")} outcomes`);
    expect(note).toContain(`(seed ${LIVE_SEED})`);
    expect(await panel(page).locator(".section-note").textContent()).toContain(
      `${LIVE_SAMPLES.toLocaleString("en-GB")} outcomes as the ranges (seed ${LIVE_SEED})`,
    );

    expect({ samples: shown.samples, options: shown.options, evpi: shown.evpi, worth: shown.worth.map(({ inputs, value }) => ({ inputs, value })) }).toEqual(
      expected,
    );
    expect(shown.nothing).toBeNull();
    // The inputs in the editor's words, the option that uses each named; the correlated pair as one.
    expect(shown.worth[0]).toMatchObject({
      label: "Upkeep hours a month for each live project (“Every tool we want” and “What will be approved”)",
      note: "Finding out both at once: they move together",
    });
    expect(shown.worth[1]).toMatchObject({ label: "Upkeep hours a month for each live project (“What will be approved”)", note: null });

    await panel(page).evaluate((element) => element.scrollIntoView({ block: "start" }));
    expect(await spilling(page)).toEqual([]);
    await page.screenshot({ path: join(screenshots, "web-app-decision-1280.png") });

    // The close call in the words of run and the report, with the chance the draws give it.
    const { compiled } = validateScenarioText(JSON.stringify(exampleData("close-call")));
    const result = withUncertainty(buildResult(compiled!), MonteCarlo.summaryOf(compiled!, { samples: LIVE_SAMPLES, seed: LIVE_SEED }));
    const said = judgementSentences(result, { whereToLook: () => "under “What moves the result most”." });
    expect(said[0]).toMatch(/^Close call: “Every tool we want” leads “What will be approved” by €515 \(9% of its net gain, ahead in \d+% of the outcomes\)/);
    await expect.poll(() => page.locator(".judgement-note p").allTextContents()).toEqual(said);
    await page.close();
  });

  it("shows no stale figure while the ranges refresh after an edit, then the engine's figures for the edited case", async () => {
    const edited = exampleData("close-call");
    edited.scenarios.compromise.tooling.licences.perUserPerMonth.value = 400;
    const expected = expectedPanel(engineDecision(edited));
    const before = expectedPanel(engineDecision(exampleData("close-call")));
    expect(expected.options).not.toEqual(before.options);

    const page = await openPage(closeCall, 1280);
    await shownDecision(page);
    await page.getByRole("tab", { name: "What will be approved" }).click();
    const fee = page.getByLabel("Licence fee a month for each person", { exact: true });
    await fee.fill("400");
    // From the edit until the new draws are in, the panel says they are coming and shows no figure.
    const refining = await page.waitForFunction(() => {
      const section = document.querySelector("section.decision[data-state=refining]");
      return section ? { figures: section.querySelectorAll("[data-figure]").length, text: String(section.textContent) } : false;
    });
    expect(await refining.jsonValue()).toEqual({ figures: 0, text: expect.stringContaining("Working out") });
    const shown = await shownDecision(page);
    expect({ samples: shown.samples, options: shown.options, evpi: shown.evpi, worth: shown.worth.map(({ inputs, value }) => ({ inputs, value })) }).toEqual(
      expected,
    );
    await page.close();
  });

  it("keeps the page below the figures in place while the ranges of an edit are worked out again", async () => {
    const page = await openPage(closeCall, 1280);
    await shownDecision(page);
    await page.getByRole("tab", { name: "What will be approved" }).click();
    const fee = page.getByLabel("Licence fee a month for each person", { exact: true });
    // In every frame from the edit until the new analysis is in: where the charts' section starts,
    // how far below the cards it starts, and the cards' height.
    await page.evaluate(() => {
      // Measured from the top of the results' column, which scrolls on its own beside the inputs.
      const column = document.querySelector(".results-column");
      const top = (selector: string, edge: "top" | "bottom") =>
        Math.round(document.querySelector(selector).getBoundingClientRect()[edge] - column.getBoundingClientRect().top + column.scrollTop);
      const seen: { top: number; belowCards: number; cards: number; coming: number; state: string | null }[] = [];
      const frame = () => ({
        top: top("section.charts", "top"),
        belowCards: top("section.charts", "top") - top("section.headline", "bottom"),
        cards: Math.round(document.querySelector("section.headline").getBoundingClientRect().height),
        coming: document.querySelectorAll(".figure-range-coming").length,
        state: document.querySelector("section.decision")?.getAttribute("data-state") ?? null,
      });
      window.chartTops = { before: frame(), seen };
      const watch = () => {
        seen.push(frame());
        if (seen.length < 600) requestAnimationFrame(watch);
      };
      requestAnimationFrame(watch);
    });
    await fee.fill("400");
    await page.locator("section.decision[data-state=refining]").waitFor();
    await page.locator("section.decision[data-state=ready]").waitFor();
    type Frame = { top: number; belowCards: number; cards: number; coming: number; state: string | null };
    const { before, seen } = (await page.evaluate(() => window.chartTops)) as { before: Frame; seen: Frame[] };
    const whileRefining = seen.filter((frame) => frame.state === "refining");
    expect(whileRefining.length).toBeGreaterThan(0);
    // Until the new draws are in, nothing above the charts changed height: the cards keep theirs
    // while each says its range is being worked out...
    const whileComing = seen.filter((frame) => frame.coming > 0);
    expect(whileComing.length).toBeGreaterThan(0);
    expect([...new Set(whileComing.map((frame) => frame.top))]).toEqual([before.top]);
    // ...and the decision below them keeps its height until its own new figures are in. Once the new
    // ranges are in, a card says what they say, which may take a line more or less (a payback chance
    // said beside a chance of a gain that now reads differently).
    expect([...new Set(whileRefining.map((frame) => frame.belowCards))]).toEqual([before.belowCards]);
    // And before the first draws, each card said its range was being worked out, where the range goes.
    const cards = await page.locator("article.card").count();
    expect(seen.some((frame) => frame.coming === 2 * cards)).toBe(true);
    await page.close();
  });

  it("keeps each amount of the cards on one line, a minus sign with its amount, at 1280 and 390 px", async () => {
    for (const width of [1280, 390]) {
      const page = await openPage(closeCall, width);
      await shownDecision(page);
      const amounts = (await page.evaluate(() =>
        ([...document.querySelectorAll(".headline .amount, .live-strip .amount")] as any[]).map((element) => ({
          text: String(element.textContent),
          lines: element.getClientRects().length,
        })),
      )) as { text: string; lines: number }[];
      // The close call's ranges reach below zero: a negative amount is among them. (The strip at the
      // bottom of the screen shows only on a narrow one: elsewhere its amounts take no line.)
      expect(amounts.some((amount) => amount.text.startsWith("-") && amount.lines === 1)).toBe(true);
      expect(amounts.filter((amount) => amount.lines > 1)).toEqual([]);
      await page.close();
    }
  });

  it("says two options equal in every outcome are level at the top, not only 'best in 50%' each", async () => {
    const { decision } = engineDecision(parse(twinsText()));
    expect(decision.chanceBestLevel).toBe(1);
    const page = await openPage(twins, 1280);
    const shown = await shownDecision(page);
    // Today, best in none of the outcomes, by the count ("none of the 10,000 outcomes").
    const counted = { samples: decision.samples, unit: "outcome" };
    expect(shown.options.map((option) => option.share)).toEqual(decision.options.map((option) => bestChances(decision.options, counted)[option.scenario]));
    // Beside two bars of 50% it said nothing: a coin toss to a reader.
    expect(await panel(page).locator("[data-decision=level-at-the-top]").textContent()).toBe(
      "A tie for best is shared (half each for two options): “What will be approved” is level at the top with “Its twin” in every outcome.",
    );
    await page.close();
  });

  it("says nothing is worth measuring before deciding when one option wins in every outcome (team example), in the report's words", async () => {
    const engine = engineDecision(exampleData("team"));
    const expected = expectedPanel(engine);
    expect(engine.decision.evppi.some((entry) => entry.aboveNoise)).toBe(false);

    const page = await openPage(team, 1280);
    const shown = await shownDecision(page);
    expect({ samples: shown.samples, options: shown.options, evpi: shown.evpi, worth: shown.worth }).toEqual({ ...expected, worth: [] });
    expect(shown.nothing).toBe("Nothing is worth measuring before deciding: knowing every figure for sure would not change the choice.");
    await page.close();
  });

  it("fits a 390 px wide screen: nothing wider than the page or cut (screenshots in test-results/)", async () => {
    for (const [server, name] of [
      [closeCall, "close-call"],
      [team, "team"],
    ] as const) {
      const page = await openPage(server, 390);
      await shownDecision(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      expect(await spilling(page)).toEqual([]);
      await panel(page).evaluate((element) => element.scrollIntoView({ block: "start" }));
      await page.screenshot({ path: join(screenshots, `web-app-decision-${name}-390.png`) });
      await page.close();
    }
  });

  it("logged no error or warning in the browser console", () => {
    expect(consoleProblems).toEqual([]);
  });
});

import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lastYearWords } from "../format/last-year.js";
import { formatMoneyExact as formatMoney } from "../format/numbers.js";
import { packageRoot } from "../shared/package-files.js";
import { buildResult, validateScenarioText } from "../engine/index.js";
import { recordCanvasText } from "../test-support/canvas-text.js";
import { openWatchedPage } from "../test-support/watched-page.js";
import { startWebSession, testsInChromium, type WebSession } from "../test-support/web-session.js";

/**
 * The web app end to end, in Debian's Chromium: one browser for the whole file, the server in
 * this process on a free port, editing a temporary copy of the seed.
 */

// The callbacks given to page.evaluate run in the browser; these names only let TypeScript read them
// here without adding the DOM library to the whole (Node) project.
declare const document: any;
declare const window: {
  mlopsRoiTimings?: { updates: number[]; engine: number[] };
  innerHeight: number;
  innerWidth: number;
  devicePixelRatio: number;
  __chartText?: {
    canvas: unknown;
    /** A clearRect: the paint after it starts afresh. */
    clear?: boolean;
    text: string;
    font: string;
    align: string;
    x: number;
    y: number;
    a: number;
    b: number;
    e: number;
    f: number;
    width: number;
  }[];
};
declare function getComputedStyle(element: unknown): { outlineStyle: string; outlineWidth: string; fontSize: string; opacity: string };

const inChromium = testsInChromium("web app tests");

const seedPath = join(packageRoot, "examples", "seed.yaml");
const screenshots = join(packageRoot, "test-results");
const upkeepLabel = "Upkeep hours a month for each live project";

let session: WebSession;
const consoleProblems: string[] = [];

function openPage(url: string, width = 1280, initScript?: string): Promise<Page> {
  return openWatchedPage(session.browser, {
    url,
    allowed: session.server.url,
    problems: consoleProblems,
    width,
    ...(initScript !== undefined ? { initScript } : {}),
  });
}

/**
 * Installed before React: it plays the part of React's developer tools, whose hook React tells of
 * every commit, and notes which inputs of the editor were drawn again. A component drawn again gets
 * new hook objects (React copies them at each render), so an input whose first hook changed between
 * two commits was drawn again; one left alone keeps it.
 */
const watchDraws = `
  window.__drawnFields = new Set();
  const lastState = new WeakMap();
  const firstElement = (fiber) => {
    let node = fiber.child;
    while (node && node.tag !== 5) node = node.child;
    return node ? node.stateNode : undefined;
  };
  const visit = (fiber) => {
    for (let node = fiber; node; node = node.sibling) {
      // Function components, plain or memoised, with hooks of their own.
      if ((node.tag === 0 || node.tag === 15) && node.memoizedState) {
        const element = firstElement(node);
        if (element && element.classList && element.classList.contains("field")) {
          const before = lastState.get(element);
          if (before !== undefined && before !== node.memoizedState) {
            window.__drawnFields.add(element.querySelector("input, select, textarea")?.id ?? "?");
          }
          lastState.set(element, node.memoizedState);
        }
      }
      if (node.child) visit(node.child);
    }
  };
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    isDisabled: false,
    renderers: new Map(),
    inject: () => 1,
    checkDCE: () => {},
    onScheduleFiberRoot: () => {},
    onCommitFiberUnmount: () => {},
    onPostCommitFiberRoot: () => {},
    onCommitFiberRoot: (_id, root) => visit(root.current),
  };
`;

function freeHoursInMonth(page: Page, month: number) {
  return page.locator(`table.month-table tr[data-month="${month}"] td[data-column=free]`);
}

function npvOf(page: Page, label: string) {
  return page.locator("article.card", { has: page.getByRole("heading", { name: label, exact: true }) }).locator("[data-figure=npv]");
}

/** The seed with today's upkeep changed, run through the engine: what the page must show. */
function expectedNpv(alternative: string, todayUpkeep: number): string {
  const data = parse(readFileSync(seedPath, "utf8"));
  data.scenarios.current.projects = { upkeepHoursPerMonth: todayUpkeep };
  const { compiled } = validateScenarioText(JSON.stringify(data));
  if (!compiled) throw new Error("the changed seed should be valid");
  return formatMoney(buildResult(compiled).comparisons[alternative]!.npv, "EUR");
}

describe.skipIf(!inChromium)("the web app in Chromium", () => {
  beforeAll(async () => {
    session = await startWebSession("mlops-roi-web-", "seed.yaml", readFileSync(seedPath, "utf8"));
    mkdirSync(screenshots, { recursive: true });
  }, 120_000);

  afterAll(() => session?.close());

  it("shows month 10's free hours fall to 0 and the comparison change when today's upkeep goes from 30 to 40", async () => {
    const page = await openPage(session.server.url);
    await expect.poll(() => freeHoursInMonth(page, 10).textContent()).toBe("30");
    await expect.poll(() => npvOf(page, "Every tool we want").textContent()).toBe(expectedNpv("optimal", 30));

    await page.getByRole("tab", { name: "Today" }).click();
    const upkeep = page.getByLabel(upkeepLabel, { exact: true });
    await expect.poll(() => upkeep.getAttribute("placeholder")).toBe("30");
    // Measured once the page has settled (the gain chart drawn), one update per keystroke. Charts are
    // drawn as they come near the screen: the gain chart is brought into the results' column first.
    await page.locator("[data-chart=cumulative-net]").evaluate((element) => element.scrollIntoView({ block: "center" }));
    await page.locator("[data-chart=cumulative-net] svg").waitFor();
    await upkeep.click();
    await upkeep.pressSequentially("40", { delay: 150 });

    await expect.poll(() => freeHoursInMonth(page, 10).textContent()).toBe("0");
    await expect.poll(() => npvOf(page, "Every tool we want").textContent()).toBe(expectedNpv("optimal", 40));
    await expect.poll(() => npvOf(page, "What will be approved").textContent()).toBe(expectedNpv("compromise", 40));
    expect(expectedNpv("optimal", 40)).not.toBe(expectedNpv("optimal", 30));
    // The charts follow the edit too (they are drawn a moment after the figures): each payback rule
    // is labelled with the month its card shows.
    const paybackLabels = () => page.locator(".chart-frame svg text", { hasText: "Pays back: month" }).allTextContents();
    for (const label of ["Every tool we want", "What will be approved"]) {
      const payback = (await npvOf(page, label).locator("xpath=ancestor::article").locator("[data-figure=payback]").textContent())!.trim();
      await expect.poll(paybackLabels).toContain(`Pays back: ${payback}`);
    }
    await expect.poll(paybackLabels).not.toContain("Pays back: month 10");

    const timings = await page.evaluate(() => window.mlopsRoiTimings ?? { updates: [], engine: [] });
    const shown = (values: number[]) => values.map((ms) => `${ms.toFixed(1)} ms`).join(", ");
    console.info(`keystroke to updated figures: ${shown(timings.updates)} (engine: ${shown(timings.engine)})`);
    expect(timings.updates.length).toBeGreaterThan(0);
    await page.screenshot({ path: join(screenshots, "web-app-edit-1280.png") });
    await page.close();
  });

  it("draws a chart only near the screen, and marks a drawing of older figures until it is drawn again", async () => {
    const page = await openPage(session.server.url);
    const gain = page.locator("[data-chart=cumulative-net]");
    const paybackLabels = () => gain.locator("svg text", { hasText: "Pays back: month" }).allTextContents();
    await expect.poll(() => npvOf(page, "Every tool we want").textContent()).toBe(expectedNpv("optimal", 30));
    // Off screen at first: nothing drawn.
    expect(await page.locator("[data-chart=tornado] svg, [data-chart=tornado] canvas").count()).toBe(0);
    await gain.evaluate((element) => element.scrollIntoView({ block: "center" }));
    await gain.locator("svg").waitFor();
    const paybackBefore = await paybackLabels();
    expect(paybackBefore.length).toBeGreaterThan(0);

    // Edited while the chart is off screen: the old drawing stays, marked, and is drawn again when shown.
    await page.getByRole("tab", { name: "Today" }).click();
    await page.getByLabel(upkeepLabel, { exact: true }).click();
    await page.locator("#results").evaluate((element) => element.scrollTo(0, element.scrollHeight));
    const nearScreen = () => gain.evaluate((element) => element.getBoundingClientRect().bottom > -400 && element.getBoundingClientRect().top < 1300);
    expect(await nearScreen()).toBe(false);
    await page.keyboard.press("Control+A");
    await page.keyboard.type("40");
    await expect.poll(() => npvOf(page, "Every tool we want").textContent()).toBe(expectedNpv("optimal", 40));
    await expect.poll(() => gain.getAttribute("data-stale")).toBe("true");
    expect(await paybackLabels()).toEqual(paybackBefore);
    await gain.evaluate((element) => element.scrollIntoView({ block: "center" }));
    await expect.poll(() => gain.getAttribute("data-stale")).toBeNull();
    const payback = (await npvOf(page, "Every tool we want").locator("xpath=ancestor::article").locator("[data-figure=payback]").textContent())!.trim();
    await expect.poll(paybackLabels).toContain(`Pays back: ${payback}`);
    await page.close();
  });

  it("says what the last year's gain counts, in the command line's words: over a plan of a year, without the cash paid at the start", async () => {
    const page = await openPage(session.server.url);
    const result = buildResult(validateScenarioText(readFileSync(seedPath, "utf8")).compiled!);
    const words = lastYearWords(result);
    // The seed is a 12-month plan whose "Every tool we want" pays €2,000 at the start.
    expect(words).toEqual({
      heading: "Gain, last 12 months",
      counts: "months 1 to 12, not discounted, without the cash paid at the start",
      span: "the last 12 months",
    });
    for (const label of ["Every tool we want", "What will be approved"]) {
      const card = npvOf(page, label).locator("xpath=ancestor::article");
      const name = Object.values(result.comparisons).find((comparison) => comparison.label === label)!;
      await expect
        .poll(() => card.locator("[data-figure=last-twelve]").textContent())
        .toBe(`${formatMoney(name.benefitLastTwelveMonths, "EUR")}${words.counts}`);
      expect(await card.locator("dt", { hasText: words.heading }).count()).toBe(1);
    }
    await page.close();
  });

  it("saves through the server, and a reload shows the same file", async () => {
    const original = readFileSync(session.casePath, "utf8");
    const page = await openPage(session.server.url);
    await page.getByRole("tab", { name: "Today" }).click();
    await page.getByLabel(upkeepLabel, { exact: true }).fill("40");
    await expect.poll(() => freeHoursInMonth(page, 10).textContent()).toBe("0");
    const save = page.getByRole("button", { name: "Save to seed.yaml" });
    await save.click();
    await expect.poll(() => page.getByRole("status").first().textContent()).toContain("Saved seed.yaml");

    const saved = readFileSync(session.casePath, "utf8");
    expect(parse(saved).scenarios.current.projects).toEqual({ upkeepHoursPerMonth: 40 });
    expect(saved).toContain("# The seed's sheet: one data scientist");
    expect(readFileSync(`${session.casePath}.bak`, "utf8")).toBe(original);
    expect(await save.isDisabled()).toBe(true);

    await page.reload();
    await page.locator("[data-figure=npv]").first().waitFor();
    await page.getByRole("tab", { name: "Today" }).click();
    expect(await page.getByLabel(upkeepLabel, { exact: true }).inputValue()).toBe("40");
    await expect.poll(() => freeHoursInMonth(page, 10).textContent()).toBe("0");
    const served = (await (await fetch(`${session.server.url}api/case`)).json()) as { text: string };
    expect(served.text).toBe(saved);
    expect(readFileSync(session.casePath, "utf8")).toBe(saved);
    await page.close();
  });

  it("draws again only the input whose value changed at a keystroke, not every input of the tab", async () => {
    const page = await openPage(session.server.url, 1280, watchDraws);
    await page.getByRole("tab", { name: "Today" }).click();
    const upkeep = page.getByLabel(upkeepLabel, { exact: true });
    // The typed key replaces whatever an earlier test saved in the box.
    await upkeep.selectText();
    const fields = await page.locator(".tab-panel .field").count();
    const figure = () => npvOf(page, "Every tool we want").textContent();
    const before = await figure();
    await page.evaluate(() => (window as unknown as { __drawnFields: Set<string> }).__drawnFields.clear());
    await upkeep.press("5");
    await expect.poll(figure).toBe(expectedNpv("optimal", 5));
    expect(before).not.toBe(await figure());
    const drawn = await page.evaluate(() => [...(window as unknown as { __drawnFields: Set<string> }).__drawnFields]);
    // The watch sees the tab's inputs (a check that it works at all), and only the typed one was drawn again.
    expect(fields).toBeGreaterThan(10);
    expect(drawn).toEqual([await upkeep.getAttribute("id")]);
    await page.close();
  });

  it("adds, renames, duplicates, makes baseline and deletes a scenario, each from the case as it is at that moment", async () => {
    const page = await openPage(session.server.url);
    const tabs = () => page.getByRole("tab").allTextContents();
    const fileName = () => page.locator(".scenario-key code").textContent();
    await page.getByRole("button", { name: "+ Add scenario" }).click();
    await expect.poll(fileName).toBe("option");
    // A label typed in the new tab shows in its tab's title at once.
    await page.getByLabel("Label shown to readers", { exact: true }).fill("Pilot");
    await expect.poll(tabs).toContain("Pilot");

    await page.getByRole("button", { name: "Rename", exact: true }).click();
    const newName = page.getByLabel("New name in the file", { exact: true });
    await newName.fill("current");
    await expect.poll(() => page.locator(".rename-row .issue-error").textContent()).toMatch(/current/);
    await newName.fill("pilot");
    await page.locator(".rename-row").getByRole("button", { name: "Rename" }).click();
    await expect.poll(fileName).toBe("pilot");
    await expect.poll(() => page.getByLabel("Label shown to readers", { exact: true }).inputValue()).toBe("Pilot");

    await page.getByRole("button", { name: "Duplicate", exact: true }).click();
    await expect.poll(fileName).toBe("pilot-copy");
    await expect.poll(tabs).toContain("Pilot (copy)");
    await page.getByRole("button", { name: "Make baseline", exact: true }).click();
    await expect.poll(() => page.getByRole("tab", { name: /Pilot \(copy\)/ }).textContent()).toMatch(/baseline/);
    await page.getByRole("tab", { name: "Pilot", exact: true }).click();
    await expect.poll(fileName).toBe("pilot");
    await page.getByRole("button", { name: "Delete", exact: true }).click();
    await expect.poll(tabs).not.toContain("Pilot");
    expect(await tabs()).toContain("Pilot (copy) (baseline)");
    await page.close();
  });

  it("shows each option's risk-adjusted net gain, the engine's, once the case asks for a risk adjustment", async () => {
    const page = await openPage(session.server.url);
    const adjusted = page
      .locator("article.card", { has: page.getByRole("heading", { name: "Every tool we want", exact: true }) })
      .locator("[data-figure=npv-risk-adjusted]");
    expect(await adjusted.count()).toBe(0);
    await page.getByLabel("Share cut from every benefit for risk", { exact: true }).fill("0.1");
    await page.getByLabel("Share added to every cost for risk", { exact: true }).fill("0.025");
    const data = parse(readFileSync(session.casePath, "utf8"));
    data.riskAdjustment = { benefits: 0.1, costs: 0.025 };
    const { compiled } = validateScenarioText(JSON.stringify(data));
    if (!compiled) throw new Error("the case with a risk adjustment should be valid");
    const expected = buildResult(compiled).comparisons.optimal!.riskAdjusted!.npv;
    await expect.poll(() => adjusted.textContent()).toBe(`${formatMoney(expected, "EUR")}gains cut by 10%, costs raised by 2.5%`);
    await page.close();
  });

  it("shows an inline error for a negative value and does not save", async () => {
    const before = readFileSync(session.casePath, "utf8");
    const page = await openPage(session.server.url);
    await page.getByRole("tab", { name: "Today" }).click();
    const upkeep = page.getByLabel(upkeepLabel, { exact: true });
    await upkeep.fill("-5");
    await expect.poll(() => upkeep.getAttribute("aria-invalid")).toBe("true");
    const describedBy = (await upkeep.getAttribute("aria-describedby")) ?? "";
    const messages = await Promise.all(describedBy.split(" ").map((id) => page.locator(`[id="${id}"]`).textContent()));
    // Under the field, in its own words: its label, not its place in the file.
    const said = messages.join(" ");
    expect(said).toContain(`Error: ${upkeepLabel} is -5; allowed:`);
    expect(said).not.toContain("upkeepHoursPerMonth");
    // The list of problems above the inputs says it in the same words, after the tab it is on.
    await expect
      .poll(() => page.locator(".issue-summary li").allTextContents())
      .toEqual([expect.stringMatching(new RegExp(`^Today: ${upkeepLabel} is -5; allowed: `))]);
    await expect.poll(() => page.getByRole("button", { name: "Save to seed.yaml" }).isDisabled()).toBe(true);
    await page.keyboard.press("Control+s");
    await expect.poll(() => page.locator(".issue-summary").textContent()).toContain("1 problem to fix");
    expect(readFileSync(session.casePath, "utf8")).toBe(before);
    await upkeep.evaluate((element) => element.scrollIntoView({ block: "center" }));
    await page.screenshot({ path: join(screenshots, "web-app-error-1280.png") });
    await page.close();
  });

  it("names every problem in the list above the inputs as its field does, not by its place in the file", async () => {
    const page = await openPage(session.server.url);
    await page.getByRole("tab", { name: "Today" }).click();
    await page.getByLabel(upkeepLabel, { exact: true }).fill("-5");
    await page.getByRole("tab", { name: "Shared inputs" }).click();
    const people = page.getByLabel("People in the team", { exact: true });
    await people.fill("-2");
    await expect.poll(() => people.getAttribute("aria-invalid")).toBe("true");
    const underPeople = (await page.locator(`[id="${(await people.getAttribute("id"))!}-issues"]`).textContent())!.replace(/^Error: /, "");
    expect(underPeople).toMatch(/^People in the team is -2; allowed: /);
    await expect.poll(() => page.locator(".issue-summary h2").textContent()).toContain("2 problems to fix");
    const lines = await page.locator(".issue-summary li").allTextContents();
    expect(lines).toHaveLength(2);
    expect(lines).toContain(`Shared inputs: ${underPeople}`);
    const today = lines.find((line) => line.startsWith("Today: "));
    expect(today).toMatch(new RegExp(`^Today: ${upkeepLabel} is -5; allowed: `));
    // No place by its path: no dotted names, no keys of the file.
    for (const line of lines) expect(line).not.toMatch(/scenarios|defaults|upkeepHoursPerMonth|team\.people|\w\.\w/);
    // Each line still leads to its field, on its tab.
    await page.locator(".issue-summary li", { hasText: "Today: " }).getByRole("button").click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.labels?.[0]?.textContent)).toBe(upkeepLabel);
    await page.locator(".issue-summary").screenshot({ path: join(screenshots, "web-app-problems-1280.png") });
    await page.close();
  });

  it("restores the case from a share link, which never reaches the server", async () => {
    const page = await openPage(session.server.url);
    const title = page.getByLabel("Title of the case", { exact: true });
    await title.fill("A case sent by link");
    await page.getByRole("tab", { name: "Today" }).click();
    await page.getByLabel(upkeepLabel, { exact: true }).fill("45");
    await page.getByRole("button", { name: "Share link" }).click();
    const link = await page.getByLabel("Share link", { exact: true }).inputValue();
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#case=[A-Za-z0-9_-]+$/);
    await page.close();

    const shared = await openPage(link);
    await expect.poll(() => shared.getByRole("heading", { level: 1 }).textContent()).toBe("A case sent by link");
    await shared.getByRole("tab", { name: "Today" }).click();
    expect(await shared.getByLabel(upkeepLabel, { exact: true }).inputValue()).toBe("45");
    await expect.poll(() => freeHoursInMonth(shared, 10).textContent()).toBe("-15");
    expect(parse(readFileSync(session.casePath, "utf8")).title).toBe("One data scientist, three releases a year");
    await shared.close();
  });

  it("works with the keyboard alone: skip link, tab order, arrow keys in the tabs, labels and a visible focus", async () => {
    const page = await openPage(session.server.url);
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Skip to the results");
    // Tab through the toolbar to the tab list: the selected tab is the one stop there.
    let reachedTab = false;
    for (let step = 0; step < 15 && !reachedTab; step += 1) {
      await page.keyboard.press("Tab");
      reachedTab = await page.evaluate(() => document.activeElement?.getAttribute("role") === "tab");
    }
    expect(reachedTab).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("The case");
    const outline = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement!);
      return `${style.outlineStyle} ${style.outlineWidth}`;
    });
    expect(outline).toMatch(/^solid [1-9]/);
    await page.keyboard.press("ArrowRight");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Shared inputs");
    expect(await page.getByRole("tab", { name: "Shared inputs" }).getAttribute("aria-selected")).toBe("true");
    await page.keyboard.press("End");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("What will be approved");
    // Into the panel: the next Tab leaves the tab list for the panel's first control.
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.closest("[role=tabpanel]") !== null)).toBe(true);

    const unlabelled = await page.evaluate(() =>
      ([...document.querySelectorAll("input, select, textarea")] as any[])
        .filter((element) => element.getAttribute("aria-hidden") !== "true" && element.type !== "hidden")
        .filter((element) => element.labels?.length === 0 && !element.getAttribute("aria-label") && !element.getAttribute("aria-labelledby"))
        .map((element) => String(element.outerHTML).slice(0, 120)),
    );
    expect(unlabelled).toEqual([]);
    await page.close();
  });

  it("fits 1280 and 390 px wide screens, charts included (screenshots in test-results/)", async () => {
    for (const width of [1280, 390]) {
      const page = await openPage(session.server.url, width);
      // Each chart is drawn as it comes near the screen.
      await page.waitForFunction(() => document.querySelectorAll("[data-chart]").length >= 4);
      for (const chart of await page.locator("[data-chart]").all()) {
        await chart.evaluate((element) => element.scrollIntoView({ block: "center" }));
        await chart.locator("svg, canvas, .empty-note").first().waitFor();
      }
      await page.evaluate(() => document.scrollingElement.scrollTo(0, 0));
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      const tooWide = await page.evaluate(
        () =>
          ([...document.querySelectorAll(".chart-frame")] as any[]).filter((frame) => {
            const svg = frame.querySelector("svg");
            return svg !== null && svg.getBoundingClientRect().width > frame.getBoundingClientRect().width + 1;
          }).length,
      );
      expect(tooWide).toBe(0);
      await page.screenshot({ path: join(screenshots, `web-app-${width}.png`) });
      await page.locator("[data-chart=team-hours]").evaluate((element) => element.scrollIntoView({ block: "start" }));
      await page.screenshot({ path: join(screenshots, `web-app-charts-${width}.png`) });
      await page.locator("#capacity-heading").evaluate((element) => element.scrollIntoView({ block: "start" }));
      await page.screenshot({ path: join(screenshots, `web-app-capacity-${width}.png`) });
      await page.close();
    }
  });

  it("writes the hours chart's text at least 11 px on a 390 px screen, no label over another, drawn as SVG or on a canvas", async () => {
    const page = await openPage(session.server.url, 390, recordCanvasText);
    // The seed's chart is SVG; the enterprise template's, with more bars, is painted on a canvas.
    for (const template of ["seed", "enterprise"]) {
      // Every paint of the new chart is recorded, from before it is chosen: under load the chart was
      // painted before a reset made after the cards came, and no text was left to check.
      await page.evaluate(() => {
        window.__chartText = [];
      });
      await page.locator("#template").selectOption(template);
      await expect.poll(() => page.locator(".card").count()).toBe(template === "seed" ? 2 : 3);
      const chart = page.locator("[data-chart=team-hours]");
      await chart.evaluate((element) => element.scrollIntoView({ block: "start" }));
      await chart.locator(template === "seed" ? "svg" : "canvas").waitFor();
      await expect.poll(() => chart.getAttribute("data-stale")).toBeNull();
      await page.waitForTimeout(300);
      type Shown = { text: string; size: number; box: { left: number; right: number; top: number; bottom: number } };
      const shown = (): Promise<Shown[]> =>
        chart.evaluate((frame) => {
          const svg = frame.querySelector("svg");
          if (svg) {
            const scale = svg.getBoundingClientRect().width / Number(svg.getAttribute("width"));
            return (
              ([...svg.querySelectorAll("text")] as any[])
                // Vega hides a label that would run into another (opacity 0): only those shown count.
                .filter((text) => text.textContent.trim() !== "" && Number(getComputedStyle(text).opacity) > 0)
                .map((text) => {
                  const rect = text.getBoundingClientRect();
                  return {
                    text: text.textContent,
                    size: Number.parseFloat(getComputedStyle(text).fontSize) * scale,
                    box: { left: rect.left, right: rect.right, top: rect.top, bottom: rect.bottom },
                  };
                })
            );
          }
          // On a canvas: each text as it was painted (the font, the transform), in the page's pixels.
          const canvas = frame.querySelector("canvas");
          const scale = canvas.getBoundingClientRect().width / Number.parseFloat(canvas.style.width);
          const seen = new Set<string>();
          const painted = (window.__chartText ?? []).filter((item) => item.canvas === canvas);
          let last = 0;
          painted.forEach((item, index) => {
            if (item.clear) last = index + 1;
          });
          return painted
            .slice(last)
            .filter((item) => item.text.trim() !== "" && Math.abs(item.b) < 1e-9)
            .filter((item) => {
              const key = JSON.stringify([item.text, item.x, item.y, item.e, item.f]);
              return !seen.has(key) && seen.add(key) !== undefined;
            })
            .map((item) => {
              // The transform gives the canvas's own pixels; the page shows them at `toPage`.
              const toPage = scale / window.devicePixelRatio;
              const size = Number.parseFloat(/(\d+(?:\.\d+)?)px/.exec(item.font)![1]!) * item.a * toPage;
              const at = (item.a * item.x + item.e) * toPage;
              const width = item.width * item.a * toPage;
              const left = item.align === "center" ? at - width / 2 : item.align === "right" || item.align === "end" ? at - width : at;
              const baseline = (item.a * item.y + item.f) * toPage;
              return { text: item.text, size, box: { left, right: left + width, top: baseline - size * 0.8, bottom: baseline } };
            });
        });
      await expect.poll(async () => (await shown()).length, { message: template, timeout: 20_000 }).toBeGreaterThan(20);
      const texts = await shown();
      const small = texts.filter((text) => text.size < 11 - 0.01).map((text) => `${text.text} at ${text.size.toFixed(1)} px`);
      expect(small, `${template}: text under 11 px`).toEqual([]);
      const overlapping: string[] = [];
      for (const [index, one] of texts.entries())
        for (const other of texts.slice(index + 1))
          if (
            Math.min(one.box.right, other.box.right) - Math.max(one.box.left, other.box.left) > 0.5 &&
            Math.min(one.box.bottom, other.box.bottom) - Math.max(one.box.top, other.box.top) > 0.5
          )
            overlapping.push(`"${one.text}" and "${other.text}"`);
      expect(overlapping, `${template}: labels over each other`).toEqual([]);
      await chart.screenshot({ path: join(screenshots, `web-app-team-hours-${template}-390.png`) });
    }
    await page.close();
  });

  it("keeps the narrow screen's strip of figures within a third of the screen, and the page's last line above it", async () => {
    const page = await openPage(session.server.url, 390);
    // The enterprise template: three options with long labels, two lines each in the strip.
    await page.locator("#template").selectOption("enterprise");
    await expect.poll(() => page.locator(".live-strip-item").count()).toBe(3);
    await expect.poll(() => page.locator(".live-strip").textContent()).toContain("The cloud provider's tools");
    const strip = await page.locator(".live-strip").evaluate((element) => element.getBoundingClientRect().height / window.innerHeight);
    expect(strip).toBeLessThanOrEqual(1 / 3 + 0.01);
    // An option that does not pay back says so in the strip as in its card.
    await expect.poll(() => page.locator(".live-strip").textContent()).toContain("does not pay back within 36 months");
    // A field reached with Tab is scrolled into view above the strip, not left behind it.
    await page.getByLabel("Title of the case", { exact: true }).focus();
    for (let step = 0; step < 8; step++) {
      await page.keyboard.press("Tab");
      const { focusedBottom, stripTop, name } = await page.evaluate(() => ({
        focusedBottom: document.activeElement.getBoundingClientRect().bottom,
        stripTop: document.querySelector(".live-strip").getBoundingClientRect().top,
        name: document.activeElement.id || document.activeElement.textContent,
      }));
      expect(focusedBottom, `${name} is behind the strip`).toBeLessThanOrEqual(stripTop + 1);
    }
    // Scrolled to the end (charts drawn on the way change the page's height), the page's last part
    // is above the strip, not behind it.
    let height = -1;
    while (height !== (await page.evaluate(() => document.scrollingElement.scrollHeight))) {
      height = await page.evaluate(() => document.scrollingElement.scrollHeight);
      await page.evaluate(() => document.scrollingElement.scrollTo(0, document.scrollingElement.scrollHeight));
      await page.waitForTimeout(700);
    }
    const { lastBottom, stripTop } = await page.evaluate(() => {
      const parts = [...document.querySelectorAll(".results-column > *")];
      return {
        lastBottom: parts[parts.length - 1].getBoundingClientRect().bottom,
        stripTop: document.querySelector(".live-strip").getBoundingClientRect().top,
      };
    });
    expect(lastBottom).toBeLessThanOrEqual(stripTop);
    await page.screenshot({ path: join(screenshots, "web-app-strip-390.png") });
    await page.close();
  });

  it("fits the enterprise template's capacity tables, what to ask for first, the month table and its scenario choice at 1280 and 390 px", async () => {
    for (const width of [1280, 390]) {
      const page = await openPage(session.server.url, width);
      await page.locator("#template").selectOption("enterprise");
      await expect.poll(() => page.locator(".capacity-card").count()).toBe(4);
      await page.locator(".months").scrollIntoViewIfNeeded();
      await page.locator(".month-table").waitFor();
      await page.locator(".adoption-table").first().waitFor();
      const problems = await page.evaluate(() => {
        const found: string[] = [];
        // "What to ask for first": every column in view, without scrolling sideways.
        for (const scroller of document.querySelectorAll(".adoption-order .table-scroll"))
          if (scroller.scrollWidth > scroller.clientWidth + 1)
            found.push(`"What to ask for first" is ${scroller.scrollWidth - scroller.clientWidth} px wider than its box`);
        for (const card of document.querySelectorAll(".capacity-card")) {
          const table = card.querySelector("table").getBoundingClientRect();
          const box = card.getBoundingClientRect();
          if (table.right > box.right - 1) found.push(`a capacity table runs ${Math.round(table.right - box.right + 1)} px past its card`);
        }
        const scroller = document.querySelector(".months-scroll");
        if (window.innerWidth > 900 && scroller.scrollWidth > scroller.clientWidth)
          found.push(`the month table is ${scroller.scrollWidth - scroller.clientWidth} px wider than its box`);
        const choice = document.querySelector("#month-table-scenario").getBoundingClientRect();
        const column = document.querySelector(".results-column").getBoundingClientRect();
        if (choice.right > column.right) found.push(`the month table's scenario choice runs ${Math.round(choice.right - column.right)} px past the column`);
        return found;
      });
      expect(problems, `at ${width} px`).toEqual([]);
      await page.locator(".capacity").screenshot({ path: join(screenshots, `web-app-enterprise-capacity-${width}.png`) });
      await page.close();
    }
  });

  it("edits the pairs of inputs that move together: adds one between two ranged inputs, checks its rank, removes it", async () => {
    const page = await openPage(session.server.url);
    await page.locator("#template").selectOption("enterprise");
    await expect.poll(() => page.locator(".live-strip, .card").first().count()).toBe(1);
    await page.getByRole("tab", { name: "The case" }).click();
    await page.getByRole("button", { name: "Add a pair" }).click();
    const first = page.getByLabel("First input", { exact: true });
    const second = page.getByLabel("Second input", { exact: true });
    // The two inputs the enterprise template gives as ranges.
    const options = await first.locator("option").allTextContents();
    expect(options.length).toBeGreaterThanOrEqual(2);
    expect(await first.inputValue()).toBe(options[0]);
    expect(await second.inputValue()).toBe(options[1]);
    const rank = page.getByLabel("How closely they move together (rank correlation, from -1 to 1)", { exact: true });
    expect(await rank.inputValue()).toBe("0.5");
    // The engine takes the pair: no problem, figures not stale.
    await expect.poll(() => page.locator(".stale-note").count()).toBe(0);
    await rank.fill("2");
    await expect.poll(() => rank.getAttribute("aria-invalid")).toBe("true");
    await expect.poll(() => page.locator(".stale-note").count()).toBe(1);
    await rank.fill("0.7");
    await expect.poll(() => page.locator(".stale-note").count()).toBe(0);
    await page.locator(".pairs").screenshot({ path: join(screenshots, "web-app-pairs-1280.png") });
    await second.selectOption(options[0]!);
    // The same input twice is a problem the engine names at the pair.
    await expect.poll(() => page.locator(".pair .field-issues").count()).toBeGreaterThan(0);
    await page.getByRole("button", { name: "Remove pair 1" }).click();
    await expect.poll(() => page.locator(".pairs .empty-note").textContent()).toContain("No pair yet");
    await expect.poll(() => page.locator(".stale-note").count()).toBe(0);
    await page.close();
  });

  it("logged no error or warning in the browser console", () => {
    expect(consoleProblems).toEqual([]);
  });
});

import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildResult, validateScenarioText } from "../engine/index.js";
import { recommendationText } from "../report/page-one-words.js";
import { openWatchedPage } from "../test-support/watched-page.js";
import { startWebSession, testsInChromium, type WebSession } from "../test-support/web-session.js";

/**
 * The web app as a new user meets it, in Debian's Chromium: page 1's recommendation above the cards
 * and how the net gain is discounted under them, following edits; and the editor by keyboard alone
 * (Escape out of Rename, where the keyboard goes after Delete, each Range button named for its field).
 */

// Run in the browser (page.evaluate); this name only lets TypeScript read it here.
declare const document: any;

const inChromium = testsInChromium("web app recommendation and keyboard tests");

const team = readFileSync(new URL("../../examples/team.yaml", import.meta.url), "utf8");

/** Page 1's verdict of a case's text, as the engine's result gives it. */
function verdictOf(text: string): string {
  const { compiled, issues } = validateScenarioText(text);
  if (!compiled) throw new Error(JSON.stringify(issues));
  return recommendationText(buildResult(compiled), undefined, true)!.verdict;
}

let session: WebSession;
const consoleProblems: string[] = [];

const verdict = (page: Page) => page.locator("[data-recommendation=verdict]").textContent();
const note = (page: Page) => page.locator("[data-note=discounting]").textContent();
const focused = (page: Page) =>
  page.evaluate(() => ({
    role: document.activeElement?.getAttribute("role"),
    text: document.activeElement?.textContent,
    tag: document.activeElement?.tagName,
  }));

describe.skipIf(!inChromium)("the web app's recommendation, and its editor by keyboard", () => {
  beforeAll(async () => {
    session = await startWebSession("mlops-roi-web-recommendation-", "team.yaml", team);
  }, 120_000);

  afterAll(() => session?.close());

  it("says page 1's recommendation above the cards and how the net gain is discounted under them, at 1280 and 390 px, and follows an edit", async () => {
    for (const width of [1280, 390]) {
      const page = await openWatchedPage(session.browser, { url: session.server.url, problems: consoleProblems, width });
      // It showed three cards under "Against Today" and later "it is not the recommended “A managed platform”", naming none.
      await expect.poll(() => verdict(page)).toBe("Go ahead with “A managed platform”.");
      expect(verdictOf(team)).toBe("Go ahead with “A managed platform”.");
      expect(await page.locator("[data-recommendation=reason]").textContent()).toMatch(
        /^Of the three options, it brings the most: €[\d,]+ over 36 months in today's money/,
      );
      // Above the cards; the note under them.
      const order = await page.evaluate(() =>
        [...document.querySelectorAll("[data-recommendation=verdict], article.card, [data-note=discounting]")].map((element: any) =>
          element.tagName === "ARTICLE" ? "card" : (element.dataset.recommendation ?? element.dataset.note),
        ),
      );
      expect(order).toEqual(["verdict", "card", "card", "card", "discounting"]);
      await expect
        .poll(() => note(page))
        .toBe("Net gain: today's money; each month's money is discounted at 8% a year, and cash paid at the start counts in full.");
      for (const selector of ["[data-recommendation=verdict]", "[data-note=discounting]"])
        expect(await page.locator(selector).isVisible(), `${selector} at ${width} px`).toBe(true);
      await page.close();
    }
    const page = await openWatchedPage(session.browser, { url: session.server.url, problems: consoleProblems });
    await page.getByRole("tab", { name: "The case" }).click();
    await page.getByLabel("How months are discounted", { exact: true }).selectOption("yearEnd");
    await expect
      .poll(() => note(page))
      .toBe(
        "Net gain: today's money; each year's money is discounted at 8% a year as if it all came at the end of that year, and cash paid at the start counts in full.",
      );
    await page.getByLabel("Baseline: the scenario that describes today", { exact: true }).selectOption("managed");
    const edited = team.replace(/^baseline: today$/m, "baseline: managed");
    expect(verdictOf(edited)).not.toBe("Go ahead with “A managed platform”.");
    await expect.poll(() => verdict(page)).toBe(verdictOf(edited));
    await page.close();
  });

  it("closes Rename with Escape, and gives the keyboard back to its button", async () => {
    const page = await openWatchedPage(session.browser, { url: session.server.url, problems: consoleProblems });
    await page.getByRole("tab", { name: "A managed platform", exact: true }).click();
    await page.getByRole("button", { name: "Rename", exact: true }).click();
    const box = page.getByLabel("New name in the file", { exact: true });
    await expect.poll(() => box.evaluate((element) => element === (element as any).ownerDocument.activeElement)).toBe(true);
    await box.fill("half-typed");
    await page.keyboard.press("Escape");
    // The box stayed open.
    await expect.poll(() => page.locator(".rename-row").count()).toBe(0);
    expect(await focused(page)).toMatchObject({ tag: "BUTTON", text: "Rename" });
    expect(await page.getByRole("button", { name: "Rename", exact: true }).getAttribute("aria-expanded")).toBe("false");
    // Opened again, it starts from the scenario's name, not what was typed and cancelled.
    await page.keyboard.press("Enter");
    await expect.poll(() => box.inputValue()).toBe("managed");
    await page.close();
  });

  it("after Delete (Enter, confirmed), puts the keyboard on the next scenario's tab, not on the page's body", async () => {
    const page = await openWatchedPage(session.browser, { url: session.server.url, problems: consoleProblems });
    const tabs = () => page.getByRole("tab").allTextContents();
    expect((await tabs()).slice(3)).toEqual(["Today (baseline)", "Our own open-source stack", "A managed platform", "Four capabilities first"]);
    await page.getByRole("tab", { name: "Our own open-source stack", exact: true }).click();
    await page.getByRole("button", { name: "Delete", exact: true }).focus();
    await page.keyboard.press("Enter");
    await expect.poll(tabs).not.toContain("Our own open-source stack");
    // It fell to <body>.
    expect(await focused(page)).toMatchObject({ role: "tab", text: "A managed platform" });
    expect(await page.getByRole("tab", { name: "A managed platform", exact: true }).getAttribute("aria-selected")).toBe("true");
    // The last one's goes back to the one before it.
    await page.getByRole("tab", { name: "Four capabilities first", exact: true }).click();
    await page.getByRole("button", { name: "Delete", exact: true }).focus();
    await page.keyboard.press("Enter");
    await expect.poll(tabs).not.toContain("Four capabilities first");
    expect(await focused(page)).toMatchObject({ role: "tab", text: "A managed platform" });
    await page.close();
  });

  it("names each Range button for its field, and quotes a low above the high grouped by thousands", async () => {
    const page = await openWatchedPage(session.browser, { url: session.server.url, problems: consoleProblems });
    await page.getByRole("tab", { name: "Shared inputs", exact: true }).click();
    // Every one was named "Range" alone.
    expect(await page.getByRole("button", { name: "Range", exact: true }).count()).toBe(0);
    const range = page.getByRole("button", { name: "Range for People in the team", exact: true });
    expect(await range.getAttribute("aria-pressed")).toBe("false");
    const field = "What one live project earns or saves a month";
    const boxes = page.getByRole("group", { name: `${field}: range` });
    await boxes.getByLabel("low").fill("6000");
    await boxes.getByLabel("high").fill("5000");
    // It said "got low 6000, high 5000".
    await expect.poll(() => page.locator(".field", { has: boxes }).textContent()).toContain("got low 6,000, high 5,000");
    // The figures are now the last good case's: the recommendation is dimmed with the cards, as they are.
    const opacity = (selector: string) =>
      page.locator(selector).evaluate((element) => (element as any).ownerDocument.defaultView.getComputedStyle(element).opacity);
    await expect.poll(() => opacity("section.headline")).not.toBe("1");
    expect(await opacity("section.recommendation")).toBe(await opacity("section.headline"));
    await page.close();
  });

  it("logged no error or warning in the browser console", () => {
    expect(consoleProblems).toEqual([]);
  });
});

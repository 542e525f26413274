import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openWatchedPage } from "../test-support/watched-page.js";
import { startWebSession, testsInChromium, type WebSession } from "../test-support/web-session.js";

/**
 * The web app, in Debian's Chromium, on examples/team.yaml with an option added that changes nothing
 * (as "+ Add scenario" adds one): its card says it changes nothing against “Today”, not that it pays
 * back from the start; "What to ask for first" says whose order its table is and that it is not the
 * recommended option, as the report's section does; and the currency's problem reads as a sentence.
 */

const inChromium = testsInChromium("web app tests of an option that changes nothing");

const TEAM_WITH_NEW_OPTION = `${readFileSync(new URL("../../examples/team.yaml", import.meta.url), "utf8").trimEnd()}\n  option:\n    label: New option\n`;

let session: WebSession;
const consoleProblems: string[] = [];

describe.skipIf(!inChromium)("the web app on an option that changes nothing", () => {
  beforeAll(async () => {
    session = await startWebSession("mlops-roi-web-changes-nothing-", "team.yaml", TEAM_WITH_NEW_OPTION);
  }, 120_000);

  afterAll(() => session?.close());

  for (const width of [1280, 390]) {
    it(`says on the new option's card, at ${width} px, that it changes nothing: no payback from the start, no chance of one`, async () => {
      const page = await openWatchedPage(session.browser, { url: session.server.url, problems: consoleProblems, width });
      const card = page.locator("article.card", { has: page.locator("#card-option") });
      // It said "from the start With every range at its middle, it never costs more than it brings back. In 9 outcomes
      // out of 10, it never costs more than it brings back. The chance that it pays back within 36 months is over 99%."
      await expect
        .poll(() => card.locator("[data-figure=payback]").textContent(), { timeout: 60_000 })
        .toBe("nothing to pay back It changes nothing against “Today”: no cost and no gain, so there is nothing to pay back.");
      // Once the ranges are sampled too: no range of months, no chance of paying back.
      const other = page.locator("article.card", { has: page.locator("#card-managed") });
      await expect.poll(() => other.locator("[data-figure=payback-chance]").count(), { timeout: 60_000 }).toBe(1);
      expect(await card.locator("[data-figure=payback-range], [data-figure=payback-chance]").count()).toBe(0);
      expect(await card.textContent()).not.toMatch(/from the start|never costs more|pays back within/);
      if (width === 390) {
        const strip = page.locator(".live-strip-item", { hasText: "New option" });
        await expect.poll(() => strip.textContent()).toBe("New option net gain (NPV) €0 · nothing to pay back with every range at its middle");
      }
      await page.close();
    }, 120_000);
  }

  it("says whose order “What to ask for first” is, and that it is not the recommended option, as the report does", async () => {
    const page = await openWatchedPage(session.browser, { url: session.server.url, problems: consoleProblems, width: 1280 });
    const said = page.locator("[data-adoption-for=compromise]");
    await expect
      .poll(() => said.textContent(), { timeout: 60_000 })
      .toBe(
        "This order is for “Four capabilities first”, the best option built from improvements one can ask for one by one; it is not the recommended “A managed platform”.",
      );
    expect(await page.locator("[data-adoption-stay]").count()).toBe(0);
    await page.close();
  }, 120_000);

  it("says an unknown currency in a sentence, not with the box's hint in its middle", async () => {
    const page = await openWatchedPage(session.browser, {
      url: session.server.url,
      problems: consoleProblems,
      width: 1280,
      expected: (text) => /ISO 4217/.test(text),
    });
    const currency = page.getByLabel("Currency (three letters, e.g. EUR)", { exact: true });
    await currency.fill("ABC");
    const issues = page.locator(`[id="${(await currency.getAttribute("id"))!}-issues"]`);
    // It read "Currency (three letters, e.g. EUR) ABC is not an ISO 4217 code; …".
    await expect.poll(async () => (await issues.textContent())?.replace(/^(Error|Warning|Note): /, "")).toMatch(/^Currency ABC is not an ISO 4217 code; /);
    await page.close();
  }, 120_000);

  it("logged no error or warning in the browser console", () => {
    expect(consoleProblems).toEqual([]);
  });
});

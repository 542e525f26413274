import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildResult, validateScenarioText } from "../engine/index.js";
import { TINY_SEED_UNCERTAIN } from "../test-support/tiny-seed-uncertain.js";
import { openWatchedPage } from "../test-support/watched-page.js";
import { startWebSession, testsInChromium, type WebSession } from "../test-support/web-session.js";

/**
 * The web app's cards for the seed with ranges with every amount of money 100,000 times smaller, in
 * Debian's Chromium: every gain above zero under one unit reads "less than €1", as page 1 of the report
 * and `run` say it, never "€0" — the last 12 months' gain included.
 */

const inChromium = testsInChromium("web app tiny-seed tests");

let session: WebSession;
const consoleProblems: string[] = [];

describe.skipIf(!inChromium)("the web app's cards of gains under one unit of the currency", () => {
  beforeAll(async () => {
    session = await startWebSession("mlops-roi-web-tiny-seed-", "tiny.yaml", TINY_SEED_UNCERTAIN);
  }, 120_000);

  afterAll(() => session?.close());

  it("reads 'less than €1' for the last 12 months' gain on every card, at 1280 and 390 px, not '€0'", async () => {
    const result = buildResult(validateScenarioText(TINY_SEED_UNCERTAIN).compiled!);
    for (const comparison of Object.values(result.comparisons)) {
      expect(comparison.benefitLastTwelveMonths).toBeGreaterThan(0);
      expect(comparison.benefitLastTwelveMonths).toBeLessThan(0.5);
    }
    for (const width of [1280, 390]) {
      const page = await openWatchedPage(session.browser, { url: session.server.url, problems: consoleProblems, width });
      const cards = page.locator("article.card");
      await expect.poll(() => cards.count()).toBe(2);
      for (const index of [0, 1]) {
        const card = cards.nth(index);
        await expect.poll(() => card.locator("[data-figure=npv]").textContent()).toMatch(/^less than €1/);
        // It read "€0" beside "less than €1" of the net gain above it.
        await expect.poll(() => card.locator("[data-figure=last-twelve]").textContent()).toMatch(/^less than €1/);
        // The chance of paying back, in page 1's words, though the net gain's range is under one unit wide: the card hid it.
        await expect
          .poll(() => card.locator("[data-figure=payback-chance]").textContent())
          .toMatch(
            /^ The chance that it pays back within 12 months(, before valuing money over time,)? is (\d+%|under 1%|over 99%)( \(of a gain in today's money: (\d+%|under 1%|over 99%)\))?\.$/,
          );
      }
      await page.close();
    }
  });

  it("logged no error or warning in the browser console", () => {
    expect(consoleProblems).toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildResult, validateScenarioText } from "../engine/index.js";
import { oneOptionCase } from "../test-support/one-option-case.js";
import { openWatchedPage } from "../test-support/watched-page.js";
import { startWebSession, testsInChromium, type WebSession } from "../test-support/web-session.js";

/**
 * The web app's figures of a gain under one unit of the currency, in Debian's Chromium: the card and
 * the narrow screen's strip say "less than €1", as page 1 of the report does, never "€0" for a gain.
 */

const inChromium = testsInChromium("web app small-gain tests");

// The tools save an hour of upkeep a month; the consultants cost all but 30 cents of what that is worth.
// A risk adjustment of nothing, so the card's risk-adjusted net gain is the same 30 cents.
const TINY_GAIN = oneOptionCase(
  "    projects: { upkeepHoursPerMonth: 29 }\n    change: { external: { consultants: 1619.6 } }\n",
  "riskAdjustment: { benefits: 0, costs: 0 }\n",
);

let session: WebSession;
const consoleProblems: string[] = [];

describe.skipIf(!inChromium)("the web app's net gain under one unit of the currency", () => {
  beforeAll(async () => {
    session = await startWebSession("mlops-roi-web-small-gain-", "tiny.yaml", TINY_GAIN);
  }, 120_000);

  afterAll(() => session?.close());

  it("reads 'less than €1' on the option's card and in the narrow screen's strip, not '€0'", async () => {
    const npv = buildResult(validateScenarioText(TINY_GAIN).compiled!).comparisons.alt!.npv;
    expect(npv).toBeGreaterThan(0);
    expect(npv).toBeLessThan(0.5);
    const wide = await openWatchedPage(session.browser, { url: session.server.url, problems: consoleProblems, width: 1280 });
    // It showed "€0" on the card, where page 1 says "It brings less than €1 more than today".
    await expect.poll(() => wide.locator("article.card [data-figure=npv]").first().textContent()).toBe("less than €1");
    // Its risk-adjusted figure read "€0" beside it.
    await expect.poll(() => wide.locator("article.card [data-figure=npv-risk-adjusted]").first().textContent()).toMatch(/^less than €1gains cut by 0%/);
    await wide.close();
    const narrow = await openWatchedPage(session.browser, { url: session.server.url, problems: consoleProblems, width: 390 });
    await expect.poll(() => narrow.locator(".live-strip-item").first().textContent()).toBe("Tools net gain (NPV) less than €1 · pays back month 12");
    await narrow.close();
  });

  it("logged no error or warning in the browser console", () => {
    expect(consoleProblems).toEqual([]);
  });
});

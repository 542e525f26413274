import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildResult, validateScenarioText } from "../engine/index.js";
import { formatHoursInTable, formatMoneyExact } from "../format/numbers.js";
import { launchChromium } from "../report/browser.js";
import { packageRoot } from "../shared/package-files.js";
import { openWatchedPage } from "../test-support/watched-page.js";
import { testsInChromium } from "../test-support/web-session.js";
import { startServer } from "./start-server.js";

/**
 * The web app's chart "Where the gain comes from" says under it what the report says under the same
 * chart (`benefitChartCaption`): where its bar "Cost of making the change" counts every hour at the full
 * cost and reads more than the change costs in all, the note gives each option's cost in all, as the
 * JSON has it, at 1280 and 390 px, inside the page.
 */

// Run in the browser (page.evaluate); this name only lets TypeScript read it here.
declare const document: any;

const inChromium = testsInChromium("web app benefit note tests");

let browser: Browser;
const folder = mkdtempSync(join(tmpdir(), "mlops-roi-web-benefit-note-"));
const consoleProblems: string[] = [];

const cases: readonly { name: string; edit: (text: string) => string }[] = [
  { name: "solo.yaml", edit: (text) => text },
  { name: "team.yaml", edit: (text) => text.replace("backlog: { value: 6,", "backlog: { value: 0,") },
];

describe.skipIf(!inChromium)("the web app's chart of where the gain comes from", () => {
  beforeAll(async () => {
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it.each(cases)(
    "$name: the note under it says the bar counts every hour at the full cost and what the change costs in all, with the JSON's figures, at 1280 and 390 px",
    async ({ name, edit }) => {
      const text = edit(readFileSync(join(packageRoot, "examples", name), "utf8"));
      const casePath = join(folder, name);
      writeFileSync(casePath, text);
      const { compiled } = validateScenarioText(text);
      const result = buildResult(compiled!);
      const money = (value: number) => formatMoneyExact(value, result.currency);
      const server = await startServer({ casePath, port: 0, exporters: {} });
      try {
        for (const width of [1280, 390]) {
          const page = await openWatchedPage(browser, { url: server.url, problems: consoleProblems, width });
          const figure = page.locator("figure.chart", { has: page.locator("[data-chart=benefit]") });
          // A chart is drawn once it comes near the screen; figures that arrive after the scroll (the
          // ranges, the decision) can move it away again, so it is scrolled to until it is drawn.
          const drawn = figure.locator("[data-chart=benefit] svg, [data-chart=benefit] canvas").first();
          await expect
            .poll(
              async () => {
                await figure.scrollIntoViewIfNeeded();
                return drawn.isVisible();
              },
              { timeout: 20_000 },
            )
            .toBe(true);
          const note = (await figure.locator("figcaption").textContent()) ?? "";
          // It read "Gain against the baseline over 36 months, by kind of cost." beside a bar of −€14,200
          // where the change costs €12,382 in all, with nothing to say why.
          expect(note, `${name} at ${width} px`).toContain(
            "“Cost of making the change” counts every hour of the change at the full cost of an hour of the team's time. What the change costs in all counts an hour the team would have left idle at 50% of that cost, as freed hours count; the rest comes back in “Freed hours not counted as gain”.",
          );
          expect(note).toContain("before money is valued over time");
          let differing = 0;
          for (const comparison of Object.values(result.comparisons)) {
            const bar = money(-comparison.benefitByCategory.change);
            const total = money(comparison.investment.total);
            if (bar === total) continue;
            differing += 1;
            const cash = comparison.investment.cash > 0 ? `${money(comparison.investment.cash)} up front and ` : "";
            expect(note, comparison.label).toContain(
              `${total} for “${comparison.label}” (${cash}${formatHoursInTable(comparison.investment.teamHours)} of the team's time, worth ${money(comparison.investment.teamHoursCost)}), not the bar's ${bar}`,
            );
          }
          expect(differing, "options whose bar differs from their cost in all").toBeGreaterThan(0);
          // Within the page at 390 px: no sideways scrolling, the note inside its figure.
          const fit = await figure.evaluate((element) => {
            const caption = element.querySelector("figcaption").getBoundingClientRect();
            const box = element.getBoundingClientRect();
            return {
              page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
              left: caption.left - box.left,
              right: box.right - caption.right,
              captionWidth: element.querySelector("figcaption").scrollWidth - element.querySelector("figcaption").clientWidth,
            };
          });
          expect(fit.page, `${name} at ${width} px: the page scrolls sideways`).toBeLessThanOrEqual(0);
          expect(fit.left).toBeGreaterThanOrEqual(0);
          expect(fit.right).toBeGreaterThanOrEqual(0);
          expect(fit.captionWidth).toBeLessThanOrEqual(0);
          if (process.env.BENEFIT_NOTE_SHOTS) await figure.screenshot({ path: join(process.env.BENEFIT_NOTE_SHOTS, `${name}-${width}.png`) });
          await page.close();
        }
      } finally {
        await server.close();
      }
    },
    120_000,
  );

  it("logged no error or warning in the browser console", () => {
    expect(consoleProblems).toEqual([]);
  });
});

import { copyFileSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../report/browser.js";
import { packageRoot } from "../shared/package-files.js";
import { recordCanvasText } from "../test-support/canvas-text.js";
import { openWatchedPage } from "../test-support/watched-page.js";
import { testsInChromium } from "../test-support/web-session.js";
import { startServer, type RunningServer } from "./start-server.js";

/**
 * Every chart of every bundled example (examples/*.yaml and examples/peers/*.yaml) at 1280 and 390 px,
 * in Debian's Chromium: each text it draws (legends, panel titles, axis labels), as SVG or painted on
 * a canvas, is whole (not shortened with "…") and inside the chart's box, which cuts off whatever runs
 * past it.
 */

// Run in the browser (page.evaluate); these names only let TypeScript read them here.
declare const document: any;
declare const window: { devicePixelRatio: number; __chartText?: any[] };
declare function getComputedStyle(element: unknown): { opacity: string };

const inChromium = testsInChromium("web app chart fit tests");

const examples = [
  ...readdirSync(join(packageRoot, "examples")).filter((name) => name.endsWith(".yaml")),
  ...readdirSync(join(packageRoot, "examples", "peers"))
    .filter((name) => name.endsWith(".yaml"))
    .map((name) => `peers/${name}`),
];

let browser: Browser;
const folder = mkdtempSync(join(tmpdir(), "mlops-roi-web-chart-fit-"));
const consoleProblems: string[] = [];

/** The texts of every chart on the page that are shortened or reach outside their chart's box. */
function cutTexts(): string[] {
  const cut: string[] = [];
  for (const frame of document.querySelectorAll(".chart-frame") as any[]) {
    const box = frame.getBoundingClientRect();
    const chart = frame.dataset.chart;
    const texts: { text: string; left: number; right: number }[] = [];
    const svg = frame.querySelector("svg");
    if (svg) {
      for (const text of svg.querySelectorAll("text") as any[]) {
        if (text.textContent.trim() === "" || Number(getComputedStyle(text).opacity) === 0) continue;
        const rect = text.getBoundingClientRect();
        texts.push({ text: text.textContent, left: rect.left, right: rect.right });
      }
    }
    const canvas = frame.querySelector("canvas");
    if (canvas) {
      const painted = (window.__chartText ?? []).filter((item) => item.canvas === canvas);
      let last = 0;
      painted.forEach((item, index) => {
        if (item.clear) last = index + 1;
      });
      const scale = canvas.getBoundingClientRect().width / Number.parseFloat(canvas.style.width) / window.devicePixelRatio;
      const origin = canvas.getBoundingClientRect().left;
      for (const item of painted.slice(last)) {
        if (item.text.trim() === "" || Math.abs(item.b) > 1e-9) continue;
        const at = (item.a * item.x + item.e) * scale;
        const width = item.width * item.a * scale;
        const left = origin + (item.align === "center" ? at - width / 2 : item.align === "right" || item.align === "end" ? at - width : at);
        texts.push({ text: item.text, left, right: left + width });
      }
    }
    for (const text of texts) {
      if (text.text.includes("…")) cut.push(`${chart}: "${text.text}" shortened`);
      else if (text.left < box.left - 1 || text.right > box.right + 1)
        cut.push(
          `${chart}: "${text.text}" at ${Math.round(text.left)}–${Math.round(text.right)} px, outside its box at ${Math.round(box.left)}–${Math.round(box.right)} px`,
        );
    }
  }
  return cut;
}

describe.skipIf(!inChromium)("the web app's charts, every bundled example", () => {
  beforeAll(async () => {
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it.each(examples)(
    "%s: every chart's legends and titles whole and inside the chart's box at 1280 and 390 px",
    async (example) => {
      const casePath = join(folder, example.replace("/", "-"));
      copyFileSync(join(packageRoot, "examples", example), casePath);
      const server: RunningServer = await startServer({ casePath, port: 0, exporters: {} });
      try {
        for (const width of [1280, 390]) {
          const page = await openWatchedPage(browser, { url: server.url, problems: consoleProblems, width, initScript: recordCanvasText });
          await page.waitForFunction(() => document.querySelectorAll("[data-chart]").length >= 4);
          for (const chart of await page.locator("[data-chart]").all()) {
            await chart.evaluate((element) => element.scrollIntoView({ block: "center" }));
            await chart.locator("svg, canvas, .empty-note").first().waitFor();
            await expect.poll(() => chart.getAttribute("data-stale")).toBeNull();
          }
          // The last chart's drawing may still be on its way to the screen.
          await page.waitForTimeout(300);
          expect(await page.evaluate(cutTexts), `${example} at ${width} px`).toEqual([]);
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

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
 * a canvas, is whole (not shortened with "…"), inside the chart's box, which cuts off whatever runs
 * past it, and clear of the texts beside it (at least MIN_GAP pixels apart on the same line).
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
/** Pixels two texts on the same line keep between them: the tornado's "US$1.05M" and "US$1.1M" 1.6 px apart read as one word. */
const MIN_GAP = 2.5;

/** The texts of every chart on the page that are shortened, reach outside their chart's box or run into another. */
function cutTexts(minGap: number): string[] {
  const cut: string[] = [];
  for (const frame of document.querySelectorAll(".chart-frame") as any[]) {
    const box = frame.getBoundingClientRect();
    const chart = frame.dataset.chart;
    const texts: { text: string; left: number; right: number; top: number; bottom: number }[] = [];
    const svg = frame.querySelector("svg");
    if (svg) {
      for (const text of svg.querySelectorAll("text") as any[]) {
        if (text.textContent.trim() === "" || Number(getComputedStyle(text).opacity) === 0) continue;
        const rect = text.getBoundingClientRect();
        texts.push({ text: text.textContent, left: rect.left, right: rect.right, top: rect.top, bottom: rect.bottom });
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
        const size = Number.parseFloat(/(\d+(?:\.\d+)?)px/.exec(item.font)?.[1] ?? "11") * item.a * scale;
        const baseline = canvas.getBoundingClientRect().top + (item.a * item.y + item.f) * scale;
        texts.push({ text: item.text, left, right: left + width, top: baseline - size * 0.8, bottom: baseline });
      }
    }
    for (const [index, text] of texts.entries()) {
      if (text.text.includes("…")) cut.push(`${chart}: "${text.text}" shortened`);
      else if (text.left < box.left - 1 || text.right > box.right + 1)
        cut.push(
          `${chart}: "${text.text}" at ${Math.round(text.left)}–${Math.round(text.right)} px, outside its box at ${Math.round(box.left)}–${Math.round(box.right)} px`,
        );
      for (const other of texts.slice(index + 1)) {
        // A label drawn twice in one place (a halo under it) is one label.
        if (other.text === text.text && Math.abs(other.left - text.left) < 0.5 && Math.abs(other.top - text.top) < 0.5) continue;
        const sameLine = Math.min(text.bottom, other.bottom) - Math.max(text.top, other.top) > 1;
        const gap = Math.max(text.left, other.left) - Math.min(text.right, other.right);
        if (sameLine && gap < minGap) cut.push(`${chart}: "${text.text}" and "${other.text}" ${gap.toFixed(1)} px apart`);
      }
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
    "%s: every chart's legends, titles and labels whole, inside the chart's box and clear of each other at 1280 and 390 px",
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
          expect(await page.evaluate(cutTexts, MIN_GAP), `${example} at ${width} px`).toEqual([]);
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

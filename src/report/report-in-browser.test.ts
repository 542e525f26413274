import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateScenarioText, type CaseResult } from "../engine/index.js";
import { makeTempFolder } from "../test-support/fixtures.js";
import { runCliCaptured } from "../test-support/run-cli.js";
import { chromiumAvailable, launchChromium } from "./browser.js";
import { createReport } from "./create-report.js";
import { formatChance, formatMoney } from "../format/numbers.js";
import { printPdf } from "./pdf.js";

// One browser for the whole file. Without Chromium: fail on CI, skip with a visible note elsewhere.
const missing = !chromiumAvailable();
if (missing && process.env.CI === "true") throw new Error("Chromium is needed for the report's browser tests on CI: apt-get install -y chromium");
if (missing) console.warn("skipping the report's browser tests: Chromium is missing (apt-get install -y chromium)");

const examples = new URL("../../examples/", import.meta.url);
const exampleNames = readdirSync(examples).filter((name) => name.endsWith(".yaml"));
const sampling = ["--samples", "500", "--seed", "1"];

/** A4 and Letter, less the report's 14 mm side and 14 + 16 mm top and bottom margins, in CSS pixels. */
const millimetre = 96 / 25.4;
const pages = { A4: { width: 182 * millimetre, height: 267 * millimetre }, Letter: { width: 187.9 * millimetre, height: 249.4 * millimetre } };

interface Visit {
  page: Page;
  blocked: string[];
  errors: string[];
  dialogs: string[];
}

describe.skipIf(missing)("the report in headless Chromium, network blocked", () => {
  let browser: Browser;
  const temp = makeTempFolder();

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    temp.remove();
  });

  async function open(path: string): Promise<Visit> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const url = pathToFileURL(path).href;
    const visit: Visit = { page, blocked: [], errors: [], dialogs: [] };
    await page.route("**/*", (route) => {
      if (route.request().url() === url) return route.continue();
      visit.blocked.push(route.request().url());
      return route.abort();
    });
    page.on("console", (message) => {
      if (message.type() === "error") visit.errors.push(message.text());
    });
    page.on("pageerror", (error) => visit.errors.push(error.message));
    page.on("dialog", (dialog) => {
      visit.dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(url, { waitUntil: "load" });
    return visit;
  }

  it.each(exampleNames)("opens examples/%s offline with the figures of run --json on its first page", async (name) => {
    const file = new URL(name, examples).pathname;
    const target = join(temp.path, name.replace(/\.yaml$/, ".html"));
    const [report, run] = await Promise.all([
      runCliCaptured(["report", file, "-o", target, ...sampling]),
      runCliCaptured(["run", file, "--json", ...sampling]),
    ]);
    expect(report.exitCode).toBe(0);
    expect(run.exitCode).toBe(0);
    const result = JSON.parse(run.stdout) as CaseResult;
    const best = Object.values(result.comparisons).sort((a, b) => b.npv - a.npv)[0]!;

    const { page, blocked, errors } = await open(target);
    const figure = (key: string) => page.locator(`#summary [data-figure="${key}"]`).textContent();
    expect(await figure("npv")).toBe(formatMoney(best.npv, result.currency));
    expect(await figure("investment")).toBe(formatMoney(Math.max(0, best.investment.cash), result.currency));
    expect(await figure("payback")).toBe(
      best.paybackMonth === null ? `Not within ${result.horizonMonths} months` : best.paybackMonth === 0 ? "From the start" : `Month ${best.paybackMonth}`,
    );
    // A file without ranges samples the same numbers every time: its report is the single estimate's, with no chance.
    if (best.distribution && result.uncertainty!.inputs.length > 0)
      expect(await figure("payback-chance")).toBe(formatChance(best.distribution.probabilityPaysBack));
    else expect(await page.locator('#summary [data-figure="payback-chance"]').count()).toBe(0);
    // In every chart, with the browser's own fonts, no label touches another: the gain's amounts
    // keep clear of the category names, the payback labels of each other (a label's white halo is
    // the same text in the same place, not a second label).
    const touching = await page.locator("svg[role=img]").evaluateAll((svgs) =>
      svgs.flatMap((svg) => {
        const boxes = [...svg.querySelectorAll("text")]
          .filter((text) => (text.textContent ?? "").trim() !== "")
          .map((text) => ({ text: text.textContent ?? "", box: text.getBoundingClientRect() }));
        return boxes.flatMap((a, index) =>
          boxes.slice(index + 1).flatMap((b) => {
            const across = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left);
            const down = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top);
            const halo = a.text === b.text && Math.abs(a.box.left - b.box.left) < 0.5 && Math.abs(a.box.top - b.box.top) < 0.5;
            return across > 0.5 && down > 0.5 && !halo ? [`${svg.getAttribute("aria-label")}: "${a.text}" × "${b.text}"`] : [];
          }),
        );
      }),
    );
    expect(touching).toEqual([]);
    // Every table of the main text keeps within the page's width at 1280 px (the options table has seven columns).
    const overflowing = await page
      .locator("main table, section table")
      .evaluateAll((tables) =>
        tables
          .filter((table) => table.getBoundingClientRect().right > table.parentElement!.getBoundingClientRect().right + 0.5)
          .map((table) => table.closest("section")?.id),
      );
    expect(overflowing).toEqual([]);
    // A negative amount of the options table never leaves its sign at the end of a line, the amount
    // on the next (its figures may wrap, before "million").
    const signAlone = await page.locator("table.wide td.number").evaluateAll((cells) =>
      cells.flatMap((cell) => {
        const text = cell.firstChild?.firstChild ?? cell.firstChild;
        if (text?.nodeType !== 3 || !/^[-−]./.test(text.textContent ?? "")) return [];
        const range = cell.ownerDocument.createRange();
        range.setStart(text, 0);
        range.setEnd(text, 2);
        const tops = [...range.getClientRects()].map((rect) => Math.round(rect.top));
        return new Set(tops).size > 1 ? [cell.textContent ?? ""] : [];
      }),
    );
    expect(signAlone).toEqual([]);
    // On a 390-px phone nothing widens the page: wide tables scroll inside their own box.
    await page.setViewportSize({ width: 390, height: 800 });
    expect(await page.locator("html").evaluate((root) => root.scrollWidth)).toBeLessThanOrEqual(390);
    // Charts keep a readable size there (at least 560 px wide) and scroll inside their own box.
    const chartWidths = await page.locator("figure.chart svg").evaluateAll((charts) => charts.map((chart) => chart.getBoundingClientRect().width));
    expect(chartWidths.filter((width) => width < 559)).toEqual([]);
    // Nothing scrolls unseen: a table that scrolls has the shadows that show more of it lies to the
    // side, and each chart says above it that it scrolls sideways.
    const unmarked = await page.locator("main table:not(.assumptions)").evaluateAll((tables) =>
      tables
        .filter((table) => table.scrollWidth > table.clientWidth + 1)
        .filter((table) => (table.ownerDocument.defaultView!.getComputedStyle(table).backgroundImage.match(/radial-gradient/g) ?? []).length < 2)
        .map((table) => table.className || table.closest("section")?.id),
    );
    expect(unmarked).toEqual([]);
    const hints = await page
      .locator("figure.chart")
      .evaluateAll((figures) =>
        figures.map((figure) =>
          figure.scrollWidth > figure.clientWidth + 1 ? figure.ownerDocument.defaultView!.getComputedStyle(figure, "::before").content : "fits",
        ),
      );
    expect(hints.filter((hint) => !/scroll sideways/.test(hint))).toEqual([]);
    // The appendix's inputs stack into short blocks there instead of a table to scroll sideways.
    const sideways = await page
      .locator("table.assumptions")
      .evaluateAll((tables) => tables.filter((table) => table.scrollWidth > table.clientWidth + 1).length);
    expect(sideways).toBe(0);
    // So do the options' tables: one block per option, each figure named beside it ("Pays back: month
    // 12"), none cut off to the right (a phone showed the option and its net gain, the rest scrolled away).
    const stacked = await page.locator("table.stacks").evaluateAll((tables) =>
      tables.map((table) => ({
        scrolls: table.scrollWidth > table.clientWidth + 1,
        unnamed: [...table.querySelectorAll("tbody td:not(:first-child)")]
          .filter((cell) => cell.textContent?.trim())
          .filter((cell) => !/: $/.test(cell.ownerDocument.defaultView!.getComputedStyle(cell, "::before").content.replace(/"/g, ""))).length,
        right: Math.max(...[...table.querySelectorAll("td")].map((cell) => cell.getBoundingClientRect().right)),
      })),
    );
    expect(stacked.length).toBeGreaterThan(0);
    expect(stacked.filter((table) => table.scrolls || table.unnamed > 0 || table.right > 390)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 900 });
    // Where a chart fits, no words about scrolling.
    const needless = await page
      .locator("figure.chart")
      .evaluateAll((figures) => figures.map((figure) => figure.ownerDocument.defaultView!.getComputedStyle(figure, "::before").content));
    expect(needless.filter((content) => content !== "none")).toEqual([]);

    // The first page is the summary alone, and it fits one printed page on A4 and on Letter.
    await page.emulateMedia({ media: "print" });
    for (const [paper, size] of Object.entries(pages)) {
      await page.setViewportSize({ width: Math.floor(size.width), height: 1000 });
      const height = await page.locator("#summary").evaluate((element) => element.getBoundingClientRect().height);
      expect([paper, height <= size.height]).toEqual([paper, true]);
      // A chart is kept whole on a page: with its heading and caption it takes at most half of one,
      // so the page before it is never left more than half empty.
      const charts = await page
        .locator("section.block:has(figure.chart)")
        .evaluateAll((sections) => sections.map((section) => [section.id, Math.round(section.getBoundingClientRect().height)] as const));
      for (const [id, tall] of charts) expect([paper, id, tall <= size.height / 2]).toEqual([paper, id, true]);
    }
    expect(await page.locator("svg").count()).toBeGreaterThanOrEqual(5);
    expect(blocked).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("shows a hostile scenario name as text and runs nothing", async () => {
    const hostile = "<script>alert(1)</script>";
    const text = readFileSync(new URL("seed.yaml", examples), "utf8")
      .replace("title: One data scientist, three releases a year", `title: "${hostile}"`)
      .replace("  optimal:\n    label: Every tool we want", `  "${hostile}":\n    label: "<img src=x onerror=alert(2)>"`);
    const { compiled } = validateScenarioText(text);
    const { html } = await createReport(compiled!);
    const target = join(temp.path, "hostile.html");
    writeFileSync(target, html);
    const { page, blocked, errors, dialogs } = await open(target);
    expect(await page.locator("h1").textContent()).toBe(hostile);
    // biome-ignore lint/performance/useDomNodeTextContent: the test reads what a person sees, which is innerText
    expect(await page.locator("body").innerText()).toContain("<img src=x onerror=alert(2)>");
    expect(await page.locator("script, img").count()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(blocked).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it.each(["A4", "Letter"])(
    "prints page 1 whole on %s with a close call of three options whose labels are 70 characters long",
    async (paper) => {
      // The summary's last block, "How sure are we?" with its table, went to page 2: the close call's
      // table gave each 70-character label four lines, and the verdict named three of them in large type.
      const labels = {
        optimal: "Every tool we want: tracking, scheduling, monitoring and feature store",
        compromise: "What will be approved this year: tracking and scheduling, per user fee",
        middle: "A middle way: tracking, scheduling and monitoring on a flat yearly fee",
      };
      for (const label of Object.values(labels)) expect(label).toHaveLength(70);
      const scenario = (name: keyof typeof labels, licence: string) => `  ${name}:
    label: "${labels[name]}"
    projects:
      upkeepHoursPerMonth: { low: ${name === "middle" ? "6, high: 20" : "4, high: 12"} }
    tooling:
      licences:
        flatPerYear: ${licence}
${name === "middle" ? "" : "    change:\n      external:\n        consultants: 2000\n"}`;
      const close = readFileSync(new URL("close-call.yaml", examples), "utf8");
      const text = `${close.slice(0, close.indexOf("  optimal:"))}${scenario("optimal", "3600")}${scenario("compromise", "3600")}${scenario("middle", "3500")}`;
      const file = join(temp.path, `three-close-${paper}.yaml`);
      writeFileSync(file, text);
      const run = JSON.parse((await runCliCaptured(["run", file, "--json", ...sampling])).stdout) as CaseResult;
      // A three-way close call: the best, and two others within 5% of it.
      const gains = Object.values(run.comparisons).map((comparison) => comparison.npv);
      expect(gains).toHaveLength(3);
      expect(Math.min(...gains)).toBeGreaterThan(0.95 * Math.max(...gains));
      expect(run.judgement?.closeCall ?? null).not.toBeNull();

      const pdf = join(temp.path, `three-close-${paper}.pdf`);
      const report = await runCliCaptured(["report", file, "-o", join(temp.path, `three-close-${paper}.html`), "--pdf", pdf, "--paper", paper, ...sampling]);
      expect(report.exitCode).toBe(0);
      const page = (number: number) =>
        execFileSync("pdftotext", ["-f", String(number), "-l", String(number), pdf, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
      const first = page(1);
      // Every option of the close call, the four cards, then "How sure are we?" to the last row of its table.
      for (const label of Object.values(labels)) expect(first).toContain(label.split(" ").slice(-4).join(" "));
      for (const heading of ["OUR RECOMMENDATION", "WHAT WE ASK FOR", "WHAT IT RETURNS", "WHEN IT PAYS BACK", "WHAT CHANGES FOR THE TEAM", "How sure are we?"])
        expect([paper, heading, first.includes(heading)]).toEqual([paper, heading, true]);
      expect(first).toContain("Upkeep hours a month for each live project, today");
      expect(first).toMatch(/Page 1 of \d+ $/);
      expect(page(2)).not.toContain("How sure are we?");
    },
    60_000,
  );

  it("prints a PDF of several pages from the same HTML", async () => {
    const { compiled } = validateScenarioText(readFileSync(new URL("seed.yaml", examples), "utf8"));
    const { html, context } = await createReport(compiled!);
    const pdf = Buffer.from(await printPdf(html, { browser, title: context.result.title, paper: "Letter" }));
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const pageCount = pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
    expect(pageCount).toBeGreaterThanOrEqual(4);
  });
});

import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { extname, join, normalize, sep } from "node:path";
import ExcelJS from "exceljs";
import type { Browser, Download, Page } from "playwright-core";
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildResult, MonteCarlo, recommend, validateScenarioText, withUncertainty } from "../engine/index.js";
import { formatMoney, formatMoneyExact } from "../format/numbers.js";
import { chromiumAvailable, chromiumPath, launchChromium } from "../report/browser.js";
import { createReport } from "../report/create-report.js";
import { packageRoot, templateNames } from "../shared/package-files.js";
import { buildCaseWorkbook } from "../workbook/export-workbook.js";
import { importWorkbook } from "../workbook/import-workbook.js";
import { sheetNames } from "../workbook/sheet-names.js";
import { exportFileName } from "../shared/export-file-name.js";
import { openWatchedPage } from "../test-support/watched-page.js";

/**
 * The built web app (dist/web) with no server of ours behind it: a plain static file server on
 * 127.0.0.1, under a path prefix, as a static host would publish the folder. Templates, edits, the
 * share link, the HTML report and the workbook all work in the page.
 */

const inCi = process.env.CI === "true";
const haveChromium = chromiumAvailable();
if (!haveChromium && !inCi) console.warn(`static web app tests skipped: no Chromium at ${chromiumPath()} (apt-get install -y chromium)`);

const builtWeb = join(packageRoot, "dist", "web");
/** Where the folder is published: any prefix works, since the page names its files relative to itself. */
const prefix = "/tools/mlops-roi/";
const upkeepLabel = "Upkeep hours a month for each live project";

const contentTypes: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".json": "application/json",
};

/** A plain file server: the folder's files under the prefix, 404 for anything else (api/info included). */
function staticServer(root: string, requests: string[]): Server {
  return createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    requests.push(path);
    const relative = path === prefix ? "index.html" : path.startsWith(prefix) ? path.slice(prefix.length) : undefined;
    const file = relative === undefined ? undefined : normalize(join(root, relative));
    if (!file?.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404, { "Content-Type": "text/plain" }).end("Not found");
      return;
    }
    response.writeHead(200, { "Content-Type": contentTypes[extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
  });
}

/** The team template with today's upkeep changed, through the engine: what the page must show. */
function editedTeamCase(todayUpkeep: number) {
  const data = parse(readFileSync(join(packageRoot, "examples", "team.yaml"), "utf8"));
  data.scenarios.today.projects = { upkeepHoursPerMonth: todayUpkeep };
  const text = JSON.stringify(data);
  const validation = validateScenarioText(text);
  if (!validation.compiled) throw new Error("the changed template should be valid");
  return { text, file: validation.file, compiled: validation.compiled, result: buildResult(validation.compiled) };
}

let webRoot: string;
let server: Server;
let baseUrl: string;
let browser: Browser;
const requests: string[] = [];
const problems: string[] = [];

/** Every question the page asked (confirm dialogs), each answered yes. */
const asked: string[] = [];

function openPage(url: string): Promise<Page> {
  // The page asks for api/info to find out whether a server is behind it; the static server answers 404.
  return openWatchedPage(browser, {
    url,
    allowed: baseUrl,
    problems,
    onDialog: (message) => {
      asked.push(message);
      return true;
    },
    warnings: false,
    expected: (text) => text.includes("404"),
    context: { acceptDownloads: true },
  });
}

function npvOf(page: Page, label: string) {
  return page.locator("article.card", { has: page.getByRole("heading", { name: label, exact: true }) }).locator("[data-figure=npv]");
}

async function downloaded(page: Page, button: string): Promise<{ download: Download; bytes: Buffer }> {
  const download = page.waitForEvent("download", { timeout: 90_000 });
  await page.getByRole("button", { name: button, exact: true }).click();
  try {
    const done = await download;
    return { download: done, bytes: readFileSync(await done.path()) };
  } catch (error) {
    throw new Error(`no download after "${button}"; the page says: ${await page.getByRole("status").first().textContent()}`, { cause: error });
  }
}

/** Numbers to 12 significant digits: Chromium's and Node's V8 may differ in a function's last bit. */
function rounded(value: unknown): unknown {
  if (typeof value === "number") return Number(value.toPrecision(12));
  if (Array.isArray(value)) return value.map(rounded);
  if (typeof value === "object" && value !== null && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, rounded(item)]));
  }
  return value;
}

/** Every cell's value of every sheet, by sheet name and address. */
function cellValues(workbook: ExcelJS.Workbook): Record<string, Record<string, unknown>> {
  const sheets: Record<string, Record<string, unknown>> = {};
  workbook.eachSheet((sheet) => {
    const cells: Record<string, unknown> = {};
    sheet.eachRow({ includeEmpty: false }, (row) => row.eachCell({ includeEmpty: false }, (cell) => void (cells[cell.address] = cell.value)));
    sheets[sheet.name] = rounded(cells) as Record<string, unknown>;
  });
  return sheets;
}

describe.skipIf(!haveChromium && !inCi)("the web app from a static file server, no server of ours behind it", () => {
  beforeAll(async () => {
    if (!haveChromium) throw new Error(`Chromium is missing at ${chromiumPath()}: apt-get install -y chromium`);
    // The page is built once, when stale, by the tests' global setup (src/test-support/global-setup.ts).
    if (!existsSync(join(builtWeb, "index.html"))) throw new Error("dist/web is not built: npm run build:web");
    // A copy, as one would upload it: a later build of dist/web (which empties it first) cannot pull it away mid-test.
    webRoot = mkdtempSync(join(tmpdir(), "mlops-roi-static-"));
    cpSync(builtWeb, webRoot, { recursive: true });
    server = staticServer(webRoot, requests);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    if (webRoot) rmSync(webRoot, { recursive: true, force: true });
  });

  it("starts from a bundled template, follows an edit, shares it by link and exports the report and the workbook made in the page", async () => {
    const page = await openPage(`${baseUrl}${prefix}`);
    // The templates `mlops-roi init` writes, bundled into the page.
    const offered = await page.locator("#template option").evaluateAll((options) => options.map((option) => (option as { value: string }).value));
    expect(offered.filter((value) => value !== "")).toEqual([...templateNames]);
    // A template nobody has changed has no unsaved changes, and another replaces it without asking.
    expect(await page.locator(".file-state").textContent()).not.toContain("unsaved changes");
    asked.length = 0;
    await page.locator("#template").selectOption("team");
    const teamTitle = parse(readFileSync(join(packageRoot, "examples", "team.yaml"), "utf8")).title as string;
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe(teamTitle);
    expect(asked).toEqual([]);

    const before = editedTeamCase(30);
    const after = editedTeamCase(40);
    const managed = (result: typeof before.result) => formatMoneyExact(result.comparisons.managed!.npv, result.currency);
    expect(managed(after.result)).not.toBe(managed(before.result));
    await expect.poll(() => npvOf(page, "A managed platform").first().textContent()).toContain(managed(before.result));
    await page.getByRole("tab", { name: "Today" }).click();
    await page.getByLabel(upkeepLabel, { exact: true }).fill("40");
    await expect.poll(() => npvOf(page, "A managed platform").first().textContent()).toContain(managed(after.result));
    // Once changed, it says so (and replacing it would ask first).
    await expect.poll(() => page.locator(".file-state").textContent()).toContain("unsaved changes");

    // The share link: the whole case in the part after #, opened in a new page with the same figures.
    await page.getByRole("button", { name: "Share link" }).click();
    const link = await page.getByLabel("Share link", { exact: true }).inputValue();
    expect(link.startsWith(`${baseUrl}${prefix}#case=`)).toBe(true);
    const shared = await openPage(link);
    await expect.poll(() => shared.getByRole("heading", { level: 1 }).textContent()).toBe(teamTitle);
    await expect.poll(() => npvOf(shared, "A managed platform").first().textContent()).toContain(managed(after.result));
    await shared.getByRole("tab", { name: "Today" }).click();
    expect(await shared.getByLabel(upkeepLabel, { exact: true }).inputValue()).toBe("40");
    await shared.close();

    // The report, made in the page: the same HTML as the server's report of the same case.
    const report = await downloaded(page, "Export the report (HTML)");
    expect(report.download.suggestedFilename()).toBe(exportFileName(teamTitle, "html"));
    const html = report.bytes.toString("utf8");
    const best = recommend(after.result)!.best.alternative;
    const headline = formatMoney(after.result.comparisons[best]!.npv, after.result.currency);
    expect(html).toContain(`<p class="big"><span data-figure="npv">${headline}</span></p>`);
    expect(html).not.toContain(`<span data-figure="npv">${formatMoney(before.result.comparisons[best]!.npv, before.result.currency)}</span>`);
    const summary = MonteCarlo.summaryOf(after.compiled, { samples: 10_000, seed: 1 });
    const generatedOn = new Date().toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
    const fromServer = await createReport(after.compiled, { result: withUncertainty(after.result, summary), generatedOn });
    expect(html).toBe(fromServer.html);

    // The workbook, made in the page by exceljs's browser build: the same sheets and values as Node's.
    const workbook = await downloaded(page, "Export the Excel workbook");
    expect(workbook.download.suggestedFilename()).toBe(exportFileName(teamTitle, "xlsx"));
    const opened = new ExcelJS.Workbook();
    await opened.xlsx.load(workbook.bytes as unknown as ExcelJS.Buffer);
    expect(opened.worksheets.map((sheet) => sheet.name)).toEqual([
      sheetNames.summary,
      sheetNames.assumptions,
      sheetNames.maintenance,
      sheetNames.distribution,
      sheetNames.simulation,
      sheetNames.comparison,
      sheetNames.inputs,
      sheetNames.caseFile,
    ]);
    const inNode = buildCaseWorkbook({ text: after.text, file: after.file, compiled: after.compiled, monteCarlo: summary }).workbook;
    const pageCells = cellValues(opened);
    const nodeCells = cellValues(inNode);
    // The hidden Case sheet holds the file's text, which in the page keeps the template's comments.
    delete pageCells[sheetNames.caseFile];
    delete nodeCells[sheetNames.caseFile];
    expect(pageCells).toEqual(nodeCells);
    const imported = await importWorkbook(new Uint8Array(workbook.bytes));
    expect(imported.ok).toBe(true);
    if (imported.ok) expect(parse(imported.text).scenarios.today.projects).toEqual({ upkeepHoursPerMonth: 40 });

    // Saving to disk and the PDF need `mlops-roi serve`: the page says so and points to what works.
    await page.getByRole("button", { name: "Save…" }).click();
    await expect.poll(() => page.getByRole("status").first().textContent()).toContain("needs `mlops-roi serve`");
    await page.getByRole("button", { name: "Export the report as PDF (needs mlops-roi serve)" }).click();
    await expect.poll(() => page.getByRole("status").first().textContent()).toContain("print it to PDF from the browser");
    await page.close();
  }, 180_000);

  it("opens an uploaded scenario file and downloads the case as YAML and as JSON", async () => {
    const page = await openPage(`${baseUrl}${prefix}`);
    const soloPath = join(packageRoot, "examples", "solo.yaml");
    const solo = parse(readFileSync(soloPath, "utf8"));
    await page.locator("input[type=file]").setInputFiles(soloPath);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe(solo.title);
    await page.getByLabel("Title of the case", { exact: true }).fill("Uploaded and renamed");
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Uploaded and renamed");

    const yaml = await downloaded(page, "Download YAML");
    expect(yaml.download.suggestedFilename()).toBe("solo.yaml");
    const yamlText = yaml.bytes.toString("utf8");
    expect(parse(yamlText)).toEqual({ ...solo, title: "Uploaded and renamed" });
    // The uploaded file's comments stay.
    expect(yamlText).toContain("# Template: the solo data scientist.");
    const json = await downloaded(page, "Download JSON");
    expect(json.download.suggestedFilename()).toBe("solo.json");
    expect(JSON.parse(json.bytes.toString("utf8"))).toEqual({ ...solo, title: "Uploaded and renamed" });
    await page.close();
  });

  it("says where an uploaded file cannot be read, with its line; a number with separators inside braces gets the CLI's advice", async () => {
    const page = await openPage(`${baseUrl}${prefix}`);
    const solo = readFileSync(join(packageRoot, "examples", "solo.yaml"), "utf8");
    const broken = solo.replace("upkeepHoursPerMonth: { low: 25, high: 35,", "upkeepHoursPerMonth: [25");
    const line = broken.slice(0, broken.indexOf("[25")).split("\n").length;
    const column = broken.indexOf("[25") - broken.lastIndexOf("\n", broken.indexOf("[25"));
    await page.locator("input[type=file]").setInputFiles({ name: "broken.yaml", mimeType: "text/yaml", buffer: Buffer.from(broken) });
    await expect
      .poll(() => page.getByRole("status").first().textContent())
      .toContain(
        `uploaded broken.yaml cannot be read: line ${line}, column ${column}: syntax error: the list opened with "[" at line ${line}, column ${column} is never closed; add "]" at its end; line ${line} reads: upkeepHoursPerMonth: [25`,
      );

    const commas = solo.replace("valuePerMonth: { low: 1500, high: 4000,", "valuePerMonth: { low: 1,500, high: 4,000,");
    await page.locator("input[type=file]").setInputFiles({ name: "commas.yaml", mimeType: "text/yaml", buffer: Buffer.from(commas) });
    await expect.poll(() => page.locator("body").textContent()).toContain("write it without separators, e.g. 1500");
    const body = (await page.locator("body").textContent()) ?? "";
    expect(body).toContain("write it without separators, e.g. 4000");
    expect(body).not.toContain('unknown field "500"');
    await page.close();
  });

  it("asked only for the folder's files, and for api/info (answered 404); the page logged no error", () => {
    expect(requests.filter((path) => !path.startsWith(prefix))).toEqual([]);
    const asked = requests.filter((path) => path.startsWith(`${prefix}api/`));
    expect(asked.length).toBeGreaterThan(0);
    expect(new Set(asked)).toEqual(new Set([`${prefix}api/info`]));
    expect(problems).toEqual([]);
  });
});

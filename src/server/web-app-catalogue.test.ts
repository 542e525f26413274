import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildResult, validateScenarioText } from "../engine/index.js";
import { formatMoneyExact as formatMoney } from "../format/numbers.js";
import { packageRoot } from "../shared/package-files.js";
import { openWatchedPage } from "../test-support/watched-page.js";
import { startWebSession, testsInChromium, type WebSession } from "../test-support/web-session.js";

/**
 * The web app's capability catalogue end to end, in Debian's Chromium: a capability made in the
 * catalogue editor, ticked for a scenario, shown in the figures the engine computes, and saved.
 */

// The callbacks given to page.evaluate run in the browser; this name only lets TypeScript read them.
declare const document: any;

const inChromium = testsInChromium("web app catalogue tests");

const seedPath = join(packageRoot, "examples", "seed.yaml");
const screenshots = join(packageRoot, "test-results");

/** The capability the tests make, as the saved file must hold it. */
const featureStore = {
  label: "Feature store",
  description: "Features computed once and shared between projects.",
  setupHours: 30,
  monthlyCost: 50,
  effects: { "projects.valuePerMonth": 1.2 },
};

let session: WebSession;
const consoleProblems: string[] = [];

function openPage(width = 1280, onDialog: (message: string) => boolean = () => true, ready = "[data-figure=npv]"): Promise<Page> {
  return openWatchedPage(session.browser, { url: session.server.url, problems: consoleProblems, width, onDialog, ready });
}

function npvOf(page: Page, label: string) {
  return page.locator("article.card", { has: page.getByRole("heading", { name: label, exact: true }) }).locator("[data-figure=npv]");
}

function byId(page: Page, id: string) {
  return page.locator(`[id="${id}"]`);
}

/** Inputs of the page with no label a screen reader could read. */
function unlabelled(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    ([...document.querySelectorAll("input, select, textarea")] as any[])
      .filter((element) => element.getAttribute("aria-hidden") !== "true" && element.type !== "hidden")
      .filter((element) => element.labels?.length === 0 && !element.getAttribute("aria-label") && !element.getAttribute("aria-labelledby"))
      .map((element) => String(element.outerHTML).slice(0, 120)),
  );
}

/** The seed with the feature store in its catalogue and, if given, ticked for a scenario: the NPV the page must show. */
function expectedNpv(alternative: string, tickedFor?: string): string {
  const data = parse(readFileSync(seedPath, "utf8"));
  data.catalogue = { featureStore };
  if (tickedFor) data.scenarios[tickedFor].capabilities = ["featureStore"];
  const { compiled } = validateScenarioText(JSON.stringify(data));
  if (!compiled) throw new Error("the seed with the feature store should be valid");
  return formatMoney(buildResult(compiled).comparisons[alternative]!.npv, "EUR");
}

/** Makes the feature store in the catalogue editor: label, description, two costs and one effect. */
async function createFeatureStore(page: Page): Promise<void> {
  await page.getByRole("tab", { name: "Capabilities" }).click();
  await page.getByLabel("New capability", { exact: true }).fill(featureStore.label);
  expect(await page.getByLabel("Name in the file", { exact: true }).getAttribute("placeholder")).toBe("featureStore");
  await page.getByRole("button", { name: "Add capability" }).click();
  await page.getByLabel("Description", { exact: true }).fill(featureStore.description);
  await byId(page, "f-catalogue--featureStore--setupHours").fill(String(featureStore.setupHours));
  await byId(page, "f-catalogue--featureStore--monthlyCost").fill(String(featureStore.monthlyCost));
  await page.getByLabel("Add an effect on", { exact: true }).selectOption("projects.valuePerMonth");
  await page.getByLabel("Multiplier", { exact: true }).fill("1.2");
  await page.getByRole("button", { name: "Add effect" }).click();
  await expect.poll(() => page.locator(".effect-words").allTextContents()).toEqual(["What one live project earns or saves a month: 20% more"]);
}

describe.skipIf(!inChromium)("the web app's capability catalogue in Chromium", () => {
  beforeAll(async () => {
    session = await startWebSession("mlops-roi-web-catalogue-", "seed.yaml", readFileSync(seedPath, "utf8"));
    mkdirSync(screenshots, { recursive: true });
  }, 120_000);

  afterAll(() => session?.close());

  it("makes a capability, ticks it for a scenario, shows the engine's figures and saves both, every other line as it was", async () => {
    copyFileSync(seedPath, session.casePath);
    const original = readFileSync(session.casePath, "utf8");
    const page = await openPage();
    const before = expectedNpv("compromise");
    await expect.poll(() => npvOf(page, "What will be approved").textContent()).toBe(before);
    await createFeatureStore(page);
    // In the catalogue only, it changes nothing.
    await expect.poll(() => npvOf(page, "What will be approved").textContent()).toBe(before);

    await page.getByRole("tab", { name: "What will be approved" }).click();
    const box = page.getByRole("checkbox", { name: /^Feature store featureStore/ });
    const summary = byId(page, (await box.getAttribute("aria-describedby"))!);
    expect(await summary.textContent()).toBe("Costs: 30 set-up hours · €50 a monthEffects: What one live project earns or saves a month: 20% more");
    await box.check();
    const after = expectedNpv("compromise", "compromise");
    expect(after).not.toBe(before);
    await expect.poll(() => npvOf(page, "What will be approved").textContent()).toBe(after);
    await expect.poll(() => npvOf(page, "Every tool we want").textContent()).toBe(expectedNpv("optimal", "compromise"));
    await page.locator(".capability-picker").evaluate((element) => element.scrollIntoView({ block: "start" }));
    await page.screenshot({ path: join(screenshots, "web-app-capability-picker-1280.png") });

    await page.getByRole("button", { name: "Save to seed.yaml" }).click();
    await expect.poll(() => page.getByRole("status").first().textContent()).toContain("Saved seed.yaml");
    const saved = readFileSync(session.casePath, "utf8");
    const file = parse(saved);
    expect(file.catalogue).toEqual({ featureStore });
    expect(file.scenarios.compromise.capabilities).toEqual(["featureStore"]);
    // Every line of the original is still there, byte for byte and in order; only new lines were added.
    const originalLines = original.split("\n");
    const added: string[] = [];
    let at = 0;
    for (const line of saved.split("\n")) {
      if (at < originalLines.length && line === originalLines[at]) at += 1;
      else added.push(line);
    }
    expect(at).toBe(originalLines.length);
    // The new top-level catalogue where the schema has it, before the scenarios; the scenario's new line in it.
    expect(added).toEqual([
      "catalogue:",
      "  featureStore:",
      "    label: Feature store",
      `    description: ${featureStore.description}`,
      "    setupHours: 30",
      "    monthlyCost: 50",
      "    effects:",
      "      projects.valuePerMonth: 1.2",
      "    capabilities: [featureStore]",
    ]);
    expect(saved.indexOf("catalogue:")).toBeLessThan(saved.indexOf("scenarios:"));
    expect(readFileSync(`${session.casePath}.bak`, "utf8")).toBe(original);
    await page.close();
  });

  it("deletes a capability a scenario ticks only when told to take it out of the scenario too", async () => {
    copyFileSync(seedPath, session.casePath);
    let answer = false;
    const asked: string[] = [];
    const page = await openPage(1280, (message) => {
      asked.push(message);
      return answer;
    });
    await createFeatureStore(page);
    await page.getByRole("tab", { name: "What will be approved" }).click();
    await page.getByRole("checkbox", { name: /^Feature store featureStore/ }).check();
    await expect.poll(() => npvOf(page, "What will be approved").textContent()).toBe(expectedNpv("compromise", "compromise"));

    await page.getByRole("tab", { name: "Capabilities" }).click();
    const remove = page.getByRole("button", { name: "Delete “Feature store”" });
    await remove.click();
    expect(asked).toEqual(["“Feature store” is ticked in “What will be approved”. Delete it and take it out of that scenario?"]);
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("Not deleted: “What will be approved” uses it.");
    expect(await remove.isVisible()).toBe(true);

    answer = true;
    await remove.click();
    await expect.poll(() => remove.count()).toBe(0);
    await expect.poll(() => npvOf(page, "What will be approved").textContent()).toBe(expectedNpv("compromise"));
    await page.getByRole("tab", { name: "What will be approved" }).click();
    expect(await page.getByRole("checkbox", { name: /featureStore/ }).count()).toBe(0);
    await expect.poll(() => page.locator(".issue-summary").count()).toBe(0);
    await page.close();
  });

  it("customises a built-in capability: its values are copied into the file for editing", async () => {
    copyFileSync(seedPath, session.casePath);
    const page = await openPage();
    await page.getByRole("tab", { name: "Capabilities" }).click();
    await page.getByRole("button", { name: "Customise “Monitoring and alerts”" }).click();
    const monthly = byId(page, "f-catalogue--monitoring--monthlyCost");
    expect(await monthly.inputValue()).toBe("200");
    await monthly.fill("150");
    await page.getByRole("tab", { name: "What will be approved" }).click();
    await page.getByRole("checkbox", { name: /^Monitoring and alerts monitoring/ }).check();
    const data = parse(readFileSync(seedPath, "utf8"));
    data.catalogue = {
      monitoring: {
        label: "Monitoring and alerts",
        setupHours: 60,
        monthlyCost: 150,
        effects: { "breakage.hoursToRestore": 0.5, "projects.upkeepHoursPerMonth": 0.85 },
      },
    };
    data.scenarios.compromise.capabilities = ["monitoring"];
    const { compiled } = validateScenarioText(JSON.stringify(data));
    await expect.poll(() => npvOf(page, "What will be approved").textContent()).toBe(formatMoney(buildResult(compiled!).comparisons.compromise!.npv, "EUR"));
    await page.close();
  });

  it("shows a capability the file got wrong (a chore's field in it) with its problem, and deleting it clears the problem", async () => {
    writeFileSync(session.casePath, `${readFileSync(seedPath, "utf8")}catalogue:\n  weekly data refresh: { per: person }\n`);
    // A file with an error has no figures to show yet.
    const page = await openPage(1280, () => true, ".issue-summary");
    await expect.poll(() => page.locator(".issue-summary").textContent()).toContain('unknown field "per"');
    await page.getByRole("tab", { name: /^Capabilities/ }).click();
    const entry = page.locator("details.capability");
    await expect.poll(() => entry.locator(".field-issues").first().textContent()).toContain('unknown field "per" in catalogue["weekly data refresh"]');
    await entry.getByRole("button", { name: "Delete “weekly data refresh”" }).click();
    await expect.poll(() => page.locator(".issue-summary").count()).toBe(0);
    await expect.poll(() => page.getByRole("button", { name: "Save to seed.yaml" }).isDisabled()).toBe(false);
    await page.close();
  });

  it("fits 1280 and 390 px wide screens: the catalogue and the picker (screenshots in test-results/)", async () => {
    copyFileSync(seedPath, session.casePath);
    for (const width of [1280, 390]) {
      const page = await openPage(width);
      await createFeatureStore(page);
      const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(await overflow()).toBeLessThanOrEqual(0);
      // Nothing inside the editor sticks out of its column.
      const outside = () =>
        page.evaluate(() => {
          const column = document.querySelector(".editor-column").getBoundingClientRect();
          return ([...document.querySelectorAll(".tab-panel *")] as any[])
            .filter((element) => {
              const box = element.getBoundingClientRect();
              return box.width > 1 && (box.left < column.left - 1 || box.right > column.right + 1);
            })
            .map((element) => String(element.outerHTML).slice(0, 80));
        });
      expect(await outside()).toEqual([]);
      expect(await unlabelled(page)).toEqual([]);
      await page
        .locator(".capability")
        .first()
        .evaluate((element) => element.scrollIntoView({ block: "start" }));
      await page.screenshot({ path: join(screenshots, `web-app-catalogue-${width}.png`) });
      await page.locator(".capability-cards").evaluate((element) => element.scrollIntoView({ block: "start" }));
      await page.screenshot({ path: join(screenshots, `web-app-catalogue-built-in-${width}.png`) });
      await page.getByRole("tab", { name: "What will be approved" }).click();
      await page.getByRole("checkbox", { name: /^Feature store featureStore/ }).check();
      expect(await overflow()).toBeLessThanOrEqual(0);
      expect(await outside()).toEqual([]);
      expect(await unlabelled(page)).toEqual([]);
      await page.locator(".capability-picker").evaluate((element) => element.scrollIntoView({ block: "start" }));
      await page.screenshot({ path: join(screenshots, `web-app-capability-picker-${width}.png`) });
      await page.close();
    }
  }, 60_000);

  it("logged no error or warning in the browser console", () => {
    expect(consoleProblems).toEqual([]);
  });
});

import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { parse as parseYaml } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateScenarioText } from "../engine/index.js";
import { packageRoot } from "../shared/package-files.js";
import { openWatchedPage } from "../test-support/watched-page.js";
import { startWebSession, testsInChromium, type WebSession } from "../test-support/web-session.js";
import { runCliCaptured } from "../test-support/run-cli.js";

/**
 * The web app as a new user meets it while editing: what the figures are while a field holds a bad
 * value, what the page says of 1e400, which files "Open" offers, leaving with unsaved changes and
 * downloading a case with a problem. In Debian's Chromium.
 */

// Run in the browser (page.evaluate); this name only lets TypeScript read it here.
declare const document: any;

const inChromium = testsInChromium("web app editing tests");
const screenshots = join(packageRoot, "test-results");
const teamText = readFileSync(join(packageRoot, "examples", "team.yaml"), "utf8");

let session: WebSession;
const consoleProblems: string[] = [];

function openPage(width = 1280): Promise<Page> {
  return openWatchedPage(session.browser, { url: session.server.url, problems: consoleProblems, width });
}

/** Each card's net gain, without the range that follows it once worked out. */
const figures = async (page: Page) => (await page.locator("[data-figure=npv]").allTextContents()).map((text) => /^-?€[\d,]+/.exec(text)?.[0]);

async function people(page: Page) {
  await page.getByRole("tab", { name: "Shared inputs" }).click();
  return page.getByLabel("People in the team", { exact: true });
}

describe.skipIf(!inChromium)("the web app while editing", () => {
  beforeAll(async () => {
    session = await startWebSession("mlops-roi-web-edits-", "team.yaml", teamText);
    // Beside the case: the output of run --json, the same case as JSON, and a case with a problem.
    const output = await runCliCaptured(["run", session.casePath, "--json"]);
    writeFileSync(join(session.folder, "out.json"), output.stdout);
    writeFileSync(join(session.folder, "team-copy.json"), JSON.stringify(parseYaml(teamText)));
    writeFileSync(join(session.folder, "broken.yaml"), teamText.replace("people: { value: 4,", "people: { value: -4,"));
  }, 120_000);

  afterAll(() => session?.close());

  it("shows, while a field is invalid, the figures of the case before the edit began, not those of a half-typed value", async () => {
    for (const width of [1280, 390]) {
      const page = await openPage(width);
      const before = await figures(page);
      const box = await people(page);
      // "1e400" passes through "1e4", a valid case of 10,000 people; "60,5" through "60".
      const typings = [
        ["1e4", "00"],
        ["60", ",5"],
      ] as const;
      for (const [valid, rest] of typings) {
        const typed = `${valid}${rest}`;
        await box.fill("");
        await box.fill("4");
        await expect.poll(() => figures(page)).toEqual(before);
        await box.blur();
        await box.click();
        await box.fill("");
        await box.pressSequentially(valid);
        // The half-typed value is a case of its own, whose figures show while it is typed.
        await expect.poll(() => figures(page)).not.toEqual(before);
        await box.pressSequentially(rest);
        await expect.poll(() => box.getAttribute("aria-invalid")).toBe("true");
        await expect.poll(() => page.locator(".stale-note").count()).toBe(1);
        expect(await figures(page), `after ${typed}`).toEqual(before);
        expect(await page.locator(".stale-note").textContent()).toBe(
          "The figures shown are those of the case before this edit (People in the team: 4), until the problems are fixed.",
        );
      }
      await page.locator(".stale-note").scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(screenshots, `web-app-before-edit-${width}.png`) });
      await page.close();
    }
  });

  it("shows, while a range's low is above its high, the figures of the case before the low's edit began, not those of its first digit", async () => {
    const page = await openPage();
    await (await people(page)).waitFor();
    await page.getByRole("button", { name: "Range" }).first().click();
    const low = page.getByLabel("low", { exact: true }).first();
    const high = page.getByLabel("high", { exact: true }).first();
    const initial = await figures(page);
    await high.fill("50");
    await expect.poll(() => high.getAttribute("aria-invalid")).toBeNull();
    // The figures of the case with the high of 50 (its middle moves), on screen before the low's edit begins.
    await expect.poll(() => figures(page)).not.toEqual(initial);
    await low.click();
    const before = await figures(page);
    const lowBefore = await low.inputValue();
    await low.fill("");
    // "60" above the high of 50 passes through "6", a valid range.
    await low.pressSequentially("6");
    await expect.poll(() => figures(page)).not.toEqual(before);
    await low.pressSequentially("0");
    await expect.poll(() => page.locator(".stale-note").count()).toBe(1);
    expect(await figures(page)).toEqual(before);
    expect(await page.locator(".stale-note").textContent()).toBe(
      `The figures shown are those of the case before this edit (People in the team: ${lowBefore}–50), until the problems are fixed.`,
    );
    await page.close();
  });

  it("says of 1e400 what validate says of the case with that value, not that it is empty", async () => {
    const page = await openPage();
    const box = await people(page);
    await box.fill("1e400");
    await expect.poll(() => box.getAttribute("aria-invalid")).toBe("true");
    const under = (await page.locator(`[id="${(await box.getAttribute("id"))!}-issues"]`).textContent())!.replace(/^Error: /, "");
    // What validate says of the file the page would download (the value is written .inf there), in the field's words.
    const validate = validateScenarioText(teamText.replace("people: { value: 4,", "people: { value: .inf,")).issues[0]!.message;
    expect(validate).toMatch(/^defaults\.team\.people\.value is /);
    expect(under).toBe(validate.replace(/^defaults\.team\.people\.value/, "People in the team"));
    expect(under).not.toContain("empty");
    await page.close();
  });

  it("offers in Open only the files that may be cases, and shows no figures of another file under the name of one with a problem", async () => {
    const page = await openPage();
    const offered = await page.locator("#open-file option").allTextContents();
    expect(offered).toEqual(["team.yaml", "broken.yaml", "team-copy.json"]);
    await page.locator("#open-file").selectOption("broken.yaml");
    await expect.poll(() => page.locator(".file-state").textContent()).toMatch(/^broken\.yaml/);
    await expect.poll(() => page.locator("#results .empty-note").textContent()).toBe("No figures yet: fix the problems listed beside the inputs.");
    expect(await figures(page)).toEqual([]);
    expect(await page.locator(".stale-note").count()).toBe(0);
    expect(await page.locator(".issue-summary h2").textContent()).toBe("1 problem to fix — no figures until it is fixed, and saving waits");
    await page.close();
  });

  it("asks before the page is reloaded (or the tab closed) with unsaved changes, and only then", async () => {
    const asked = async (edit: boolean) => {
      const page = await openPage();
      const dialogs: string[] = [];
      page.on("dialog", (dialog) => dialogs.push(dialog.type()));
      if (edit) {
        await (await people(page)).fill("5");
        await expect.poll(() => page.locator(".file-state").textContent()).toContain("unsaved changes");
      }
      // A page is asked only after the user has done something in it.
      await page.locator("h1").click();
      // The dialog is accepted (openWatchedPage), so the page reloads either way.
      await page.reload();
      await page.close();
      return dialogs;
    };
    expect(await asked(false)).toEqual([]);
    expect(await asked(true)).toEqual(["beforeunload"]);
  });

  it("says that a case downloaded with a problem will not validate", async () => {
    const page = await openPage();
    const box = await people(page);
    await box.fill("-2");
    await expect.poll(() => box.getAttribute("aria-invalid")).toBe("true");
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download YAML" }).click();
    expect((await download).suggestedFilename()).toBe("team.yaml");
    await expect
      .poll(() => page.getByRole("status").textContent())
      .toBe("Downloaded team.yaml, a draft with 1 problem: it will not validate, and the commands refuse it, until it is fixed.");
    await page.close();
  });

  it("logged no error or warning in the browser console", () => {
    expect(consoleProblems).toEqual([]);
  });
});

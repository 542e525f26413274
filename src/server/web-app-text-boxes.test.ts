import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { packageRoot } from "../shared/package-files.js";
import { openWatchedPage } from "../test-support/watched-page.js";
import { startWebSession, testsInChromium, type WebSession } from "../test-support/web-session.js";

/**
 * The editor's text boxes of several lines (the case's description, a note) in Debian's Chromium:
 * each shows its text whole, at 1280 and 390 px, rather than its first lines and half of the next.
 */

// Run in the browser (page.evaluate); this name only lets TypeScript read it here.
declare const document: any;

const inChromium = testsInChromium("web app text box tests");

let session: WebSession;
const consoleProblems: string[] = [];

describe.skipIf(!inChromium)("the web app's text boxes of several lines", () => {
  beforeAll(async () => {
    // Its description is a paragraph of eight lines, and its inputs carry long notes.
    const text = readFileSync(join(packageRoot, "examples", "peers", "dora-2020-elite-large.yaml"), "utf8");
    session = await startWebSession("mlops-roi-web-text-boxes-", "dora-2020-elite-large.yaml", text);
  }, 120_000);

  afterAll(() => session?.close());

  it("shows the case's description and the notes whole at 1280 and 390 px, not cut after two lines", async () => {
    for (const width of [1280, 390]) {
      const page = await openWatchedPage(session.browser, { url: session.server.url, problems: consoleProblems, width });
      await page.locator("textarea").first().waitFor();
      const description = page.getByLabel("Description", { exact: true });
      expect(await description.inputValue()).toContain("One year, not discounted, as the paper.");
      // Text past the box's bottom edge (scrollHeight beyond clientHeight) is cut off from sight.
      const cut = await page.evaluate(() =>
        ([...document.querySelectorAll("textarea")] as any[])
          .filter((box) => box.scrollHeight > box.clientHeight + 1)
          .map((box) => `${box.id}: ${box.scrollHeight} px of text in ${box.clientHeight} px`),
      );
      expect(cut, `at ${width} px`).toEqual([]);
      await page.close();
    }
  });

  it("logged no error or warning in the browser console", () => {
    expect(consoleProblems).toEqual([]);
  });
});

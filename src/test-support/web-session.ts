import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { chromiumAvailable, chromiumPath, launchChromium } from "../report/browser.js";
import { startServer, type RunningServer } from "../server/start-server.js";

/**
 * Whether this test run drives Debian's Chromium: always in CI, where a missing Chromium then fails
 * the tests (a test is never skipped there for a missing tool), and elsewhere only when it is
 * installed, with a warning that names what is skipped.
 * @example describe.skipIf(!testsInChromium("web app tests"))("the web app in Chromium", () => { ... })
 */
export function testsInChromium(what: string): boolean {
  const installed = chromiumAvailable();
  const inCi = process.env.CI === "true";
  if (!installed && !inCi) console.warn(`${what} skipped: no Chromium at ${chromiumPath()} (apt-get install -y chromium)`);
  return installed || inCi;
}

/** A case in a temporary folder, the web app serving it, and Chromium to look at it. */
export interface WebSession {
  readonly folder: string;
  readonly casePath: string;
  readonly server: RunningServer;
  readonly browser: Browser;
  /** Closes the browser and the server and removes the folder. */
  close(): Promise<void>;
}

/**
 * What a browser test starts with: `text` written to `fileName` in a new temporary folder (named
 * from `prefix`), the web app serving it on a free port, and Chromium. The page itself is built
 * once, when stale, by the tests' global setup (src/test-support/global-setup.ts).
 * @example const session = await startWebSession("mlops-roi-web-", "seed.yaml", seedText); ... await session.close()
 */
export async function startWebSession(prefix: string, fileName: string, text: string): Promise<WebSession> {
  if (!chromiumAvailable()) throw new Error(`Chromium is missing at ${chromiumPath()}: apt-get install -y chromium`);
  const folder = mkdtempSync(join(tmpdir(), prefix));
  const casePath = join(folder, fileName);
  let server: RunningServer | undefined;
  try {
    writeFileSync(casePath, text);
    server = await startServer({ casePath, port: 0, exporters: {} });
    const browser = await launchChromium();
    const running = server;
    return {
      folder,
      casePath,
      server: running,
      browser,
      close: async () => {
        await browser.close();
        await running.close();
        rmSync(folder, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await server?.close();
    rmSync(folder, { recursive: true, force: true });
    throw error;
  }
}

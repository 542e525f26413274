import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRequire } from "node:module";
import type { Browser } from "playwright-core";

/** Debian's Chromium; `MLOPS_ROI_CHROMIUM` points elsewhere (e.g. Google Chrome on a Mac). */
export function chromiumPath(): string {
  return process.env.MLOPS_ROI_CHROMIUM || "/usr/bin/chromium";
}

export const CHROMIUM_INSTALL_HINT = "Chromium is needed to print the PDF: apt-get install -y chromium";

/** Whether the browser that prints PDFs is installed. */
export function chromiumAvailable(): boolean {
  return existsSync(chromiumPath());
}

/** Raised when Chromium is not installed; the message says how to install it. */
export class ChromiumMissingError extends Error {
  constructor() {
    super(CHROMIUM_INSTALL_HINT);
    this.name = "ChromiumMissingError";
  }
}

/**
 * Starts headless Chromium without a sandbox, GPU or background traffic.
 * @example const browser = await launchChromium(); try { ... } finally { await browser.close(); }
 */
export async function launchChromium(): Promise<Browser> {
  if (!chromiumAvailable()) throw new ChromiumMissingError();
  // Loaded only to print: an HTML-only report or a check for Chromium does not pay for it (~0.2 s of
  // CPU). Required, not imported: the bundled command line runs from a V8 code cache, where import()
  // has no handler (src/cli/script-loader.ts); playwright-core is CommonJS.
  const { chromium } = createRequire(import.meta.url)("playwright-core") as typeof import("playwright-core");
  // Chromium's own temporary folders (org.chromium.Chromium.*) go into a folder of ours, removed when
  // the browser closes or the process ends: Ctrl-C ends Chromium before it removes them, and they
  // were left in TMPDIR after most stopped `report --pdf` runs.
  const scratch = mkdtempSync(join(tmpdir(), "mlops-roi-chromium-"));
  const removeScratch = () => rmSync(scratch, { recursive: true, force: true });
  process.once("exit", removeScratch);
  try {
    const browser = await chromium.launch({
      executablePath: chromiumPath(),
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
      env: { ...process.env, TMPDIR: scratch },
    });
    browser.once("disconnected", () => {
      process.off("exit", removeScratch);
      removeScratch();
    });
    return browser;
  } catch (error) {
    process.off("exit", removeScratch);
    removeScratch();
    throw error;
  }
}

import type { Browser } from "playwright-core";
import { launchChromium } from "./browser.js";
import { escapeHtml } from "./escape.js";
import type { PaperSize } from "./paper.js";

export interface PrintOptions {
  paper?: PaperSize;
  /** A browser to reuse (tests share one); otherwise one is started and closed. */
  browser?: Browser;
  /** Shown in the footer of every page next to the page number. */
  title?: string;
}

/**
 * Prints the report's HTML to PDF with Chromium, exactly as a reader would print it: the same
 * page, print styles, page numbers in the footer. Nothing is fetched: every request is refused.
 * @example const pdf = await printPdf(html, { paper: "A4", title: result.title })
 */
export async function printPdf(html: string, options: PrintOptions = {}): Promise<Uint8Array> {
  const browser = options.browser ?? (await launchChromium());
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    try {
      const page = await context.newPage();
      await page.route("**/*", (route) => route.abort());
      await page.setContent(html, { waitUntil: "load" });
      const footer = `<div style="font-size:8px;width:100%;padding:0 14mm;color:#5f6b76;display:flex;justify-content:space-between;font-family:sans-serif"><span>${escapeHtml(options.title ?? "")}</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`;
      return await page.pdf({
        format: options.paper ?? "A4",
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: "<span></span>",
        footerTemplate: footer,
        margin: { top: "14mm", right: "14mm", bottom: "16mm", left: "14mm" },
      });
    } finally {
      await context.close();
    }
  } finally {
    if (!options.browser) await browser.close();
  }
}

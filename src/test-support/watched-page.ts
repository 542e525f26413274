import type { Browser, BrowserContextOptions, Page } from "playwright-core";

export interface WatchedPageOptions {
  /** The page to open; requests to anywhere else (but data: and blob:) are refused and counted. */
  url: string;
  /** Where the page's own requests may go (the server's address); the URL's origin by default. */
  allowed?: string;
  /** Console errors and warnings, page errors and refused requests are added here. */
  problems: string[];
  width?: number;
  /** A dialog (confirm) is accepted when this says so; always by default. */
  onDialog?: (message: string) => boolean;
  /** What shows the page is ready; a headline figure by default. */
  ready?: string;
  /** Console messages that are expected and not problems (e.g. a 404 a static host answers). */
  expected?: (text: string) => boolean;
  /** Warnings count as problems unless this is false. */
  warnings?: boolean;
  context?: BrowserContextOptions;
  /** A script run in the page before its own scripts (e.g. to watch React's commits). */
  initScript?: string;
}

/**
 * A page of the web app that the browser tests can trust to be offline and quiet: every console
 * error or warning, page error and request to another site is recorded in `problems`, which a test
 * checks at the end. Resolves once `ready` is on the page.
 * @example const page = await openWatchedPage(browser, { url: server.url, problems });
 */
export async function openWatchedPage(browser: Browser, options: WatchedPageOptions): Promise<Page> {
  const { url, problems, width = 1280, onDialog = () => true, ready = "[data-figure=npv]", expected = () => false, warnings = true } = options;
  const allowed = options.allowed ?? new URL(url).origin;
  const page = await browser.newPage({ viewport: { width, height: 900 }, ...options.context });
  page.on("console", (message) => {
    const kind = message.type();
    if ((kind === "error" || (warnings && kind === "warning")) && !expected(message.text())) problems.push(`${kind}: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("dialog", (dialog) => void (onDialog(dialog.message()) ? dialog.accept() : dialog.dismiss()));
  // Offline: anything not from our server is refused and counted as a problem.
  await page.route("**/*", (route) => {
    const target = route.request().url();
    if (target.startsWith(allowed) || target.startsWith("data:") || target.startsWith("blob:")) return route.continue();
    problems.push(`request to another site: ${target}`);
    return route.abort();
  });
  if (options.initScript !== undefined) await page.addInitScript({ content: options.initScript });
  await page.goto(url);
  try {
    await page.locator(ready).first().waitFor();
  } catch (error) {
    throw new Error(`${url} shows no ${ready}: ${problems.join("; ") || "no error in the page"}`, { cause: error });
  }
  return page;
}

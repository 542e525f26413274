import { existsSync } from "node:fs";
import { basename, join } from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import { Hono } from "hono";
import { compress } from "hono/compress";
import type { ServerInfo } from "../shared/api-types.js";
import { CaseFolder, RequestError } from "./case-folder.js";
import { caseDocument, caseRoutes, readCaseFile } from "./case-routes.js";
import { exportRoutes, type CaseExporters } from "./export-routes.js";
import { bodySizeLimit, hostGuard, sameOriginJson, securityHeaders } from "./guards.js";
import { availableTemplates, templateRoutes } from "./template-routes.js";

export interface AppOptions {
  /** The scenario file to edit; without one the page works on templates and downloads only. */
  casePath?: string;
  /** The built web app (`dist/web`). */
  webRoot: string;
  /** Host names the server answers to; omit to answer any (when the user bound another host). */
  allowedHostNames?: readonly string[];
  exporters?: CaseExporters;
}

/**
 * The web app's server: the built page, the case file it was started with (and only files in
 * that file's folder), templates and exports. Every route lives under `/api`; everything else is
 * the page.
 * @example const app = createApp({ casePath: "examples/seed.yaml", webRoot: "dist/web" })
 */
export function createApp(options: AppOptions): Hono {
  const folder = options.casePath === undefined ? undefined : new CaseFolder(options.casePath);
  const exporters = options.exporters ?? {};
  const app = new Hono();

  app.onError((error, c) => {
    if (error instanceof RequestError) return c.json({ message: error.message }, error.status);
    const message = error instanceof Error ? error.message : String(error);
    return c.json({ message: `the server failed: ${message}` }, 500);
  });
  app.use("*", securityHeaders);
  if (options.allowedHostNames) app.use("*", hostGuard(options.allowedHostNames));
  app.use("/api/*", sameOriginJson, bodySizeLimit);

  app.get("/api/info", (c) => {
    const info: ServerInfo = {
      file: folder?.mainFile ?? null,
      files: folder?.list() ?? [],
      templates: availableTemplates(),
      exports: Object.keys(exporters) as ServerInfo["exports"],
    };
    // The page opening asks for the case with the info: one request, answered while it draws itself.
    if (folder && c.req.query("case") === "1") {
      try {
        const path = folder.resolve(undefined);
        info.case = caseDocument(basename(path), readCaseFile(path));
      } catch (error) {
        if (!(error instanceof RequestError)) throw error;
        info.caseError = { message: error.message, status: error.status };
      }
    }
    return c.json(info);
  });
  if (folder) app.route("/api/case", caseRoutes(folder));
  else app.all("/api/case", (c) => c.json({ message: "the server was started without a scenario file; use Download to keep your case" }, 404));
  app.route("/api/templates", templateRoutes());
  app.route("/api/export", exportRoutes(exporters));
  app.all("/api/*", (c) => c.json({ message: `no such address: ${c.req.method} ${c.req.path}` }, 404));

  if (!existsSync(join(options.webRoot, "index.html"))) {
    app.get("*", (c) => c.text("The web app is not built yet: run `npm run build:web` (or `npm start`, which builds it).", 503));
    return app;
  }
  // The page's scripts are 1.7 MB as built: sent compressed (about a third), and the hashed files
  // under /assets (their names change with their content) kept by the browser for a year, while
  // index.html, which names them, is checked again on every load.
  app.use("/*", compress());
  app.use("/*", async (c, next) => {
    await next();
    if (c.res.status !== 200 || c.res.headers.has("Cache-Control")) return;
    c.header("Cache-Control", c.req.path.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "no-cache");
  });
  app.use("/*", serveStatic({ root: options.webRoot }));
  app.get("*", (c) => c.text("Not found", 404));
  return app;
}

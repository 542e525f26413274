import { existsSync, readFileSync } from "node:fs";
import { Hono } from "hono";
import { parseScenarioSource } from "../engine/index.js";
import { templateNames, templatePath, type TemplateName } from "../shared/package-files.js";
import type { TemplateDocument } from "../shared/api-types.js";
import { RequestError } from "./case-folder.js";

/** The templates shipped in the package's `examples/` folder (the same ones `mlops-roi init` writes). */
export function availableTemplates(): TemplateName[] {
  return templateNames.filter((name) => existsSync(templatePath(name)));
}

/** `GET /api/templates/:name`: a template's text and data, to start a case from. Only known names are read. */
export function templateRoutes(): Hono {
  const routes = new Hono();
  routes.get("/", (c) => c.json(availableTemplates()));
  routes.get("/:name", (c) => {
    const name = c.req.param("name");
    const known = availableTemplates().find((template) => template === name);
    if (!known) throw new RequestError(404, `no template "${name}"; allowed: ${availableTemplates().join(", ")}`);
    const text = readFileSync(templatePath(known), "utf8");
    const document: TemplateDocument = { name: known, text, data: parseScenarioSource(text).data ?? null };
    return c.json(document);
  });
  return routes;
}

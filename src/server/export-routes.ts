import { Hono } from "hono";
import { hasErrors, validateScenarioText, type CompiledCase } from "../engine/index.js";
import { exportKinds, type ExportKind } from "../shared/api-types.js";
import { RequestError } from "./case-folder.js";
import { exportFileName } from "../shared/export-file-name.js";

/** One way of turning a case into a file to hand on (a report, a workbook). */
export interface CaseExporter {
  readonly contentType: string;
  readonly extension: string;
  render(input: ExportInput): Promise<string | Uint8Array> | string | Uint8Array;
}

/** A validated case: the file's text, its parsed data and the compiled case. */
export interface ExportInput {
  readonly text: string;
  readonly file: unknown;
  readonly compiled: CompiledCase;
}

export type CaseExporters = Partial<Record<ExportKind, CaseExporter>>;

/**
 * `POST /api/export/:kind` with `{ text }`: validates the case as the command line does and
 * returns the rendered file as a download. Kinds without an exporter answer 404.
 */
export function exportRoutes(exporters: CaseExporters): Hono {
  const routes = new Hono();
  routes.post("/:kind", async (c) => {
    const kind = c.req.param("kind");
    const known = exportKinds.find((candidate) => candidate === kind);
    const exporter = known ? exporters[known] : undefined;
    if (!exporter) throw new RequestError(404, `no export "${kind}"; available: ${Object.keys(exporters).join(", ") || "none"}`);
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      throw new RequestError(400, "the request body is not valid JSON");
    }
    const text = typeof body === "object" && body !== null && "text" in body && typeof body.text === "string" ? body.text : undefined;
    if (text === undefined) throw new RequestError(400, "expected a JSON body { text } with the scenario file's text");
    const validation = validateScenarioText(text);
    if (hasErrors(validation.issues) || !validation.compiled) {
      return c.json({ message: "the case has errors; fix them before exporting", issues: validation.issues }, 422);
    }
    const rendered = await exporter.render({ text, file: validation.file, compiled: validation.compiled });
    const bytes = typeof rendered === "string" ? new TextEncoder().encode(rendered) : rendered;
    return c.body(new Uint8Array(bytes), 200, {
      "Content-Type": exporter.contentType,
      "Content-Disposition": `attachment; filename="${exportFileName(validation.compiled.title, exporter.extension)}"`,
    });
  });
  return routes;
}

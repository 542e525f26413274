import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import { basename } from "node:path";
import { Hono } from "hono";
import { hasErrors, validateScenarioText, MAX_SOURCE_BYTES } from "../engine/index.js";
import { folderBackup, isFolderBackup, isReadOnlyBackup, isReadOnlyPath, readOnlyBackup, readOnlyFile, writeFileAtomic } from "../shared/atomic-write.js";
import type { CaseDocument, SaveRequest, SaveResponse } from "../shared/api-types.js";
import { RequestError, type CaseFolder } from "./case-folder.js";
import { caseFormatOf, caseText } from "../shared/case-text.js";
import { scenarioTextOf } from "../shared/utf8.js";
import { formatNumber, plural } from "../format/numbers.js";

/** @example textVersion("title: x\n") // "3f1c…" (16 hex digits) */
export function textVersion(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 16);
}

/** Reads a scenario file of the folder; refuses what is not there or too large. */
export function readCaseFile(path: string): string {
  if (!existsSync(path)) throw new RequestError(404, `${basename(path)}: no such file in the case's folder`);
  const size = statSync(path).size;
  if (size > MAX_SOURCE_BYTES)
    throw new RequestError(
      413,
      `${basename(path)} is ${formatNumber(size)} bytes; allowed: a scenario file of at most ${formatNumber(MAX_SOURCE_BYTES)} bytes (1 MB)`,
    );
  const decoded = scenarioTextOf(readFileSync(path));
  // Shown with replacement characters and saved, the file would lose the user's own letters.
  if ("message" in decoded) throw new RequestError(422, `${basename(path)}:${decoded.line}:${decoded.column}: ${decoded.message}`);
  return decoded.text;
}

/** The file as the page shows it: text, data and the same issues the command line prints. */
export function caseDocument(file: string, text: string): CaseDocument {
  const validation = validateScenarioText(text);
  return { file, format: caseFormatOf(file), text, data: validation.source.data ?? null, issues: validation.issues, version: textVersion(text) };
}

function parseSaveRequest(body: unknown): SaveRequest {
  if (typeof body !== "object" || body === null || !("data" in body)) throw new RequestError(400, "expected a JSON body { data, baseVersion }");
  const { data, baseVersion } = body as { data: unknown; baseVersion?: unknown };
  if (baseVersion !== undefined && typeof baseVersion !== "string") throw new RequestError(400, "baseVersion must be text");
  return baseVersion === undefined ? { data } : { data, baseVersion };
}

/**
 * `GET /api/case?file=NAME` reads a scenario file of the folder (default: the one the server was
 * started with); `PUT` validates the edited data exactly as the command line does and, only when
 * there is no error, writes it atomically, keeping the previous version as `NAME.bak`.
 */
export function caseRoutes(folder: CaseFolder): Hono {
  const routes = new Hono();

  routes.get("/", (c) => {
    const path = folder.resolve(c.req.query("file"));
    return c.json(caseDocument(basename(path), readCaseFile(path)));
  });

  routes.put("/", async (c) => {
    const path = folder.resolve(c.req.query("file"));
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      throw new RequestError(400, "the request body is not valid JSON");
    }
    const request = parseSaveRequest(body);
    const previous = existsSync(path) ? readCaseFile(path) : undefined;
    // A read-only file is someone's way of saying "keep this": the command line never replaces one,
    // and the page is told so in its own words (not --force, which the page has no way to give).
    const saveAgain = "save again; your changes are kept in the page until you do";
    if (previous !== undefined && isReadOnlyPath(path)) throw new RequestError(403, readOnlyFile(basename(path), saveAgain));
    // Saving keeps the file as it was in FILE.bak: a read-only one there is kept too.
    if (previous !== undefined && isReadOnlyBackup(path)) throw new RequestError(403, readOnlyBackup(basename(path), saveAgain));
    // A folder there fails the write too: said as the page's to fix, not as "the server failed" with the folder's whole path.
    if (previous !== undefined && isFolderBackup(path)) throw new RequestError(409, folderBackup(basename(path), saveAgain));
    if (request.baseVersion !== undefined && previous !== undefined && textVersion(previous) !== request.baseVersion) {
      throw new RequestError(
        409,
        `${basename(path)} was changed on disk since the page loaded it; reload to see those changes (yours are kept in the page until you do)`,
      );
    }
    const text = caseText(request.data, caseFormatOf(path), previous);
    const validation = validateScenarioText(text);
    if (hasErrors(validation.issues)) {
      return c.json(
        {
          message: `${basename(path)} was not saved: the case has ${plural(validation.issues.filter((issue) => issue.severity === "error").length, "error")}`,
          issues: validation.issues,
        },
        422,
      );
    }
    const { backup } = writeFileAtomic(path, text, { force: true });
    const response: SaveResponse = {
      file: basename(path),
      text,
      version: textVersion(text),
      issues: validation.issues,
      ...(backup ? { backup: basename(backup) } : {}),
    };
    return c.json(response);
  });

  return routes;
}

import type { CaseDocument, ErrorResponse, ExportKind, SaveResponse, ServerInfo, TemplateDocument } from "../../../src/shared/api-types.js";

/**
 * Calls to the app's own server. Every call returns data or throws an ApiError carrying the
 * server's message (and the validation issues, when the case was refused).
 */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorResponse,
  ) {
    super(body.message);
    this.name = "ApiError";
  }
}

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      ...init,
      headers: { Accept: "application/json", ...(init?.body !== undefined ? { "Content-Type": "application/json" } : {}) },
    });
  } catch {
    throw new ApiError(0, { message: "the server does not answer; is `mlops-roi serve` still running?" });
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => ({ message: `${response.status} ${response.statusText}` }))) as ErrorResponse;
    throw new ApiError(response.status, body);
  }
  return (await response.json()) as T;
}

function fileQuery(file: string | undefined): string {
  return file === undefined ? "" : `?file=${encodeURIComponent(file)}`;
}

function isServerInfo(value: unknown): value is ServerInfo {
  if (typeof value !== "object" || value === null) return false;
  const info = value as Partial<Record<keyof ServerInfo, unknown>>;
  return Array.isArray(info.files) && Array.isArray(info.templates) && Array.isArray(info.exports);
}

/**
 * What the server offers; null when no `mlops-roi serve` is behind the page: it was published on a
 * static host, where api/info is missing or answered with some other page.
 */
export async function fetchInfo(withCase = false): Promise<ServerInfo | null> {
  try {
    const info = await call<unknown>(withCase ? "api/info?case=1" : "api/info");
    return isServerInfo(info) ? info : null;
  } catch {
    return null;
  }
}

export function fetchCase(file?: string): Promise<CaseDocument> {
  return call<CaseDocument>(`api/case${fileQuery(file)}`);
}

/** What the page asks for as soon as its script runs: the server's info with its case. */
let opening: Promise<ServerInfo | null> | undefined;

/**
 * Asks for the server's info and its case in one request, while the page draws itself for the first
 * time rather than after; `openingInfo` and `openingCase` answer from it, once. Called before React starts.
 */
export function startOpening(): void {
  opening = fetchInfo(true);
}

/** The server's info (without the case, which `openingCase` gives): the one asked for at start, else asked for now. */
export async function openingInfo(): Promise<ServerInfo | null> {
  const info = await (opening ?? fetchInfo());
  if (!info) return null;
  const { case: _document, caseError: _problem, ...offered } = info;
  return offered;
}

/** The server's case: the one that came with the info asked for at start (the first time), else asked for now. */
export async function openingCase(): Promise<CaseDocument> {
  const early = opening;
  opening = undefined;
  const info = early ? await early : undefined;
  if (info?.case) return info.case;
  if (info?.caseError) throw new ApiError(info.caseError.status, { message: info.caseError.message });
  return fetchCase();
}

export function saveCase(file: string, data: unknown, baseVersion: string | undefined): Promise<SaveResponse> {
  return call<SaveResponse>(`api/case${fileQuery(file)}`, {
    method: "PUT",
    body: JSON.stringify(baseVersion === undefined ? { data } : { data, baseVersion }),
  });
}

export function fetchTemplate(name: string): Promise<TemplateDocument> {
  return call<TemplateDocument>(`api/templates/${encodeURIComponent(name)}`);
}

/** Renders an export on the server and returns the file to download. */
export async function fetchExport(kind: ExportKind, text: string): Promise<{ blob: Blob; fileName: string }> {
  let response: Response;
  try {
    response = await fetch(`api/export/${kind}`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ text }) });
  } catch {
    throw new ApiError(0, { message: "the server does not answer; is `mlops-roi serve` still running?" });
  }
  if (!response.ok) throw new ApiError(response.status, (await response.json().catch(() => ({ message: response.statusText }))) as ErrorResponse);
  const disposition = response.headers.get("Content-Disposition") ?? "";
  const fileName = /filename="([^"]+)"/.exec(disposition)?.[1] ?? kind;
  return { blob: await response.blob(), fileName };
}

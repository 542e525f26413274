import type { Issue } from "../engine/index.js";
import type { CaseFormat } from "./case-text.js";

/** What the server says about itself: which file it edits and what it can export. Types only, shared with the page. */
export interface ServerInfo {
  /** The file the server was started with, or null when it was started without one. */
  file: string | null;
  /** Scenario files in that file's folder. */
  files: string[];
  templates: string[];
  exports: ExportKind[];
  /**
   * Asked for with `api/info?case=1`: the file the server was started with, as `api/case` gives it
   * (one request instead of two when the page opens); `caseError` instead when it cannot be read.
   */
  case?: CaseDocument;
  caseError?: ErrorResponse & { status: number };
}

/** A scenario file as the page receives it. */
export interface CaseDocument {
  file: string;
  format: CaseFormat;
  text: string;
  /** The parsed data, or null when the text is not valid YAML/JSON. */
  data: unknown;
  issues: readonly Issue[];
  /** Changes whenever the file's text changes; a save names the version it started from. */
  version: string;
}

export interface SaveRequest {
  data: unknown;
  /** The version the page loaded; a save is refused if the file changed on disk since. */
  baseVersion?: string;
}

export interface SaveResponse {
  file: string;
  text: string;
  version: string;
  issues: readonly Issue[];
  /** Name of the previous version kept next to the file. */
  backup?: string;
}

/** A refused request: a message, plus the validation issues when the case itself is wrong. */
export interface ErrorResponse {
  message: string;
  issues?: readonly Issue[];
}

export const exportKinds = ["report.html", "report.pdf", "workbook.xlsx"] as const;
export type ExportKind = (typeof exportKinds)[number];

export interface TemplateDocument {
  name: string;
  text: string;
  data: unknown;
}

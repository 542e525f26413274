import { useRef } from "react";
import type { ExportKind, ServerInfo } from "../../../src/shared/api-types.js";

/** Short on the button, in full for assistive technology. */
const exportLabels: Record<ExportKind, { short: string; full: string }> = {
  "report.html": { short: "Report", full: "Export the report (HTML)" },
  "report.pdf": { short: "PDF", full: "Export the report as PDF" },
  "workbook.xlsx": { short: "Workbook", full: "Export the Excel workbook" },
};

/** What a page with no server behind it offers: the PDF only says how to get one. */
const serverlessExports: readonly ExportKind[] = ["report.html", "workbook.xlsx", "report.pdf"];

/** Why a page with no server behind it cannot save to disk or print a PDF. */
export const needsServe = {
  save: "Saving to a file on disk needs `mlops-roi serve`; Download YAML or JSON keeps the case.",
  pdf: "The PDF is printed by `mlops-roi serve` (it needs Chromium); or export the report as HTML and print it to PDF from the browser.",
} as const;

interface Props {
  readonly info: ServerInfo | null;
  /** True when no server is behind the page (a static host): exports are made in the page and saving is not possible. */
  readonly serverless: boolean;
  /** The file a save writes to, or null when the page cannot save. */
  readonly saveTarget: string | null;
  readonly currentFile: string | null;
  readonly canSave: boolean;
  readonly saveBlockedBecause?: string;
  readonly busy: boolean;
  readonly templates: readonly string[];
  onSave(): void;
  onOpen(file: string): void;
  onTemplate(name: string): void;
  onUpload(file: File): void;
  onDownload(format: "yaml" | "json"): void;
  onShare(): void;
  onExport(kind: ExportKind): void;
}

/** Files: save, open, templates, upload and download, the share link and the exports. */
export function Toolbar(props: Props) {
  const upload = useRef<HTMLInputElement>(null);
  const files = props.info?.files ?? [];
  const exports = props.serverless ? serverlessExports : (props.info?.exports ?? []);
  return (
    <nav className="toolbar" aria-label="File">
      {props.saveTarget !== null && (
        <button
          type="button"
          className="primary"
          onClick={props.onSave}
          disabled={!props.canSave || props.busy}
          aria-describedby={props.saveBlockedBecause ? "save-blocked" : undefined}
          title="Ctrl+S"
        >
          Save to {props.saveTarget}
        </button>
      )}
      {props.serverless && (
        <button type="button" onClick={props.onSave} aria-describedby="save-needs-serve" title={needsServe.save}>
          Save…
        </button>
      )}
      {props.serverless && (
        <span id="save-needs-serve" className="visually-hidden">
          {needsServe.save}
        </span>
      )}
      {props.saveBlockedBecause && (
        <span id="save-blocked" className="visually-hidden">
          {props.saveBlockedBecause}
        </span>
      )}
      {files.length > 1 && (
        <span className="toolbar-group">
          <label htmlFor="open-file">Open</label>
          <select
            id="open-file"
            value={props.currentFile ?? ""}
            onChange={(event) => {
              if (event.target.value !== "") props.onOpen(event.target.value);
            }}
          >
            {props.currentFile === null && <option value="">choose a file</option>}
            {files.map((file) => (
              <option key={file} value={file}>
                {file}
              </option>
            ))}
          </select>
        </span>
      )}
      {props.templates.length > 0 && (
        <span className="toolbar-group">
          <label htmlFor="template">Start from</label>
          <select
            id="template"
            value=""
            onChange={(event) => {
              if (event.target.value !== "") props.onTemplate(event.target.value);
            }}
          >
            <option value="">a template…</option>
            {props.templates.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </span>
      )}
      <button type="button" onClick={() => upload.current?.click()}>
        Upload…
      </button>
      <input
        ref={upload}
        type="file"
        accept=".yaml,.yml,.json,application/json,application/yaml,text/yaml"
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) props.onUpload(file);
          event.target.value = "";
        }}
      />
      <button type="button" onClick={() => props.onDownload("yaml")}>
        Download YAML
      </button>
      <button type="button" onClick={() => props.onDownload("json")} aria-label="Download JSON">
        JSON
      </button>
      <button type="button" onClick={props.onShare}>
        Share link
      </button>
      {exports.length > 0 && (
        <span className="toolbar-group" role="group" aria-labelledby="export-label">
          <span id="export-label" className="toolbar-label">
            Export
          </span>
          {exports.map((kind) => {
            const needsServer = props.serverless && kind === "report.pdf";
            return (
              <button
                type="button"
                key={kind}
                onClick={() => props.onExport(kind)}
                disabled={props.busy}
                aria-label={needsServer ? `${exportLabels[kind].full} (needs mlops-roi serve)` : exportLabels[kind].full}
                title={needsServer ? needsServe.pdf : undefined}
              >
                {exportLabels[kind].short}
              </button>
            );
          })}
        </span>
      )}
    </nav>
  );
}

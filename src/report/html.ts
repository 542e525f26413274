import type { ReportContext } from "./context.js";
import { escapeHtml } from "./escape.js";
import { reportSections, type ReportSection } from "./sections/index.js";
import { reportStyles } from "./styles.js";

/** Blocks every request: the report must open offline and carry everything it shows. */
const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/**
 * The HTML of the given sections, in order, without the page around them.
 * @example renderSections(context, reportSections.filter((section) => section.part === "main"))
 */
export function renderSections(context: ReportContext, sections: readonly ReportSection[] = reportSections): string {
  return sections
    .map((section) => section.render(context))
    .filter((html) => html !== "")
    .join("\n");
}

/**
 * The whole report as one self-contained HTML file: inline styles and inline SVG, no script, no
 * font or image from the network.
 * @example writeFileAtomic("report.html", renderReportHtml(await createReportContext(compiled, result))) // writeFileAtomic: src/shared/atomic-write.ts
 */
export function renderReportHtml(context: ReportContext, sections: readonly ReportSection[] = reportSections): string {
  const main = sections.filter((section) => section.part === "main");
  const appendix = sections.filter((section) => section.part === "appendix");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<meta name="generator" content="mlops-roi">
<title>${escapeHtml(context.result.title)} · business case</title>
<style>${reportStyles}</style>
</head>
<body>
<main class="report">
<div data-part="main">
${renderSections(context, main)}
</div>
<div data-part="appendix">
${renderSections(context, appendix)}
</div>
<footer class="colophon">Made with mlops-roi from the case file. Every figure can be traced to an input in the appendix.</footer>
</main>
</body>
</html>
`;
}

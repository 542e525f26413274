import type { ReportContext } from "../context.js";

/**
 * One part of the report. Sections are listed in order in `index.ts`; a new section (say "plan
 * versus actual") is a new file and one line in that list.
 */
export interface ReportSection {
  /** Stable id, used as the HTML id and in tests. */
  readonly id: string;
  /** "main" is read by the decision-maker and kept free of jargon; "appendix" may name file fields. */
  readonly part: "main" | "appendix";
  /** HTML of the section, or "" when it has nothing to show for this case. */
  render(context: ReportContext): string;
}

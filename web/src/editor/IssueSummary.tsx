import type { Issue } from "../../../src/engine/index.js";
import { labelAt, tabWords } from "../case/field-labels.js";
import { fieldId, useCaseSelect } from "./editor-context.js";
import { inSummaryWords } from "./FieldMessages.js";
import { problemsHeading } from "../format.js";

/** Moves focus to the field an issue names (or the closest field around it) once it is on screen. */
export function focusField(path: readonly (string | number)[]): void {
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      for (let length = path.length; length >= 0; length -= 1) {
        const id = fieldId(path.slice(0, length));
        const element = document.getElementById(id) ?? document.getElementById(`${id}-low`);
        if (element) {
          element.scrollIntoView({ block: "center" });
          element.focus();
          return;
        }
      }
    }),
  );
}

/**
 * Every problem of the case in one list at the top of the editor, each with a way to the field,
 * because a problem may sit on a tab the user is not looking at: the tab by its title, the problem
 * in the words its field shows, not by the path of the place in the file.
 */
export function IssueSummary({
  issues,
  onShow,
  figuresShown = true,
}: {
  issues: readonly Issue[];
  onShow: (issue: Issue) => void;
  /** False when the page shows no figures at all (a case opened with a problem). */
  figuresShown?: boolean;
}) {
  // The labels of scenarios and capabilities name tabs and places; the rest of the case does not.
  const scenarios = useCaseSelect((data) => data.scenarios);
  const catalogue = useCaseSelect((data) => data.catalogue);
  const named = { scenarios, catalogue };
  const errors = issues.filter((issue) => issue.severity === "error");
  const warnings = issues.filter((issue) => issue.severity === "warning");
  if (issues.length === 0) return null;
  return (
    <section className={`issue-summary${errors.length > 0 ? " has-errors" : ""}`} aria-labelledby="issue-summary-heading">
      <h2 id="issue-summary-heading">{problemsHeading(errors.length, warnings.length, figuresShown)}</h2>
      <ul>
        {[...errors, ...warnings].map((issue, index) => (
          <li key={index} className={issue.severity === "error" ? "issue-error" : "issue-warning"}>
            <button type="button" className="text-link-button" onClick={() => onShow(issue)}>
              {tabWords(named, issue.path)}
            </button>
            : {inSummaryWords(issue, (path) => labelAt(named, path))}
          </li>
        ))}
      </ul>
    </section>
  );
}

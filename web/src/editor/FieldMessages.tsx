import type { Issue } from "../../../src/engine/index.js";

/** The help line and any problems under a field; ids let the input point at them with aria-describedby. */
export function FieldMessages({ id, help, issues }: { id: string; help: string; issues: readonly Issue[] }) {
  return (
    <>
      {issues.length > 0 && (
        <ul className="field-issues" id={`${id}-issues`}>
          {issues.map((issue, index) => (
            <li key={index} className={issue.severity === "error" ? "issue-error" : "issue-warning"}>
              <span className="issue-kind">{issue.severity === "error" ? "Error: " : "Note: "}</span>
              {issue.message}
            </li>
          ))}
        </ul>
      )}
      {help !== "" && (
        <p className="field-help" id={`${id}-help`}>
          {help}
        </p>
      )}
    </>
  );
}

/** The aria-describedby value for a field's help and problems. */
export function describedBy(id: string, help: string, issues: readonly Issue[]): string | undefined {
  const ids = [help !== "" ? `${id}-help` : "", issues.length > 0 ? `${id}-issues` : ""].filter((part) => part !== "");
  return ids.length > 0 ? ids.join(" ") : undefined;
}

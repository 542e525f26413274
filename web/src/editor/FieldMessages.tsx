import type { Issue } from "../../../src/engine/index.js";
import { formatPath } from "../../../src/engine/index.js";

/** How a part of an input is named after its label: the ends of a range, its note. */
const partWords: Record<string, string> = { value: "", low: ", low end", high: ", high end", note: ", note" };

/**
 * A problem as said under its own field: the field's label in place of its place in the file, which
 * the message starts with for the command line ("defaults.team.people.value is -2; …" reads "People
 * in the team is -2; …"). A message about another place is left as it is.
 * @example inFieldWords({ path: ["defaults", "team", "people", "value"], message: "defaults.team.people.value is -2; allowed: …" }, "People in the team") // "People in the team is -2; allowed: …"
 */
export function inFieldWords(issue: Pick<Issue, "path" | "message">, label: string | undefined): string {
  if (label === undefined || label === "") return issue.message;
  const place = formatPath(issue.path);
  if (!issue.message.startsWith(`${place} `)) return issue.message;
  const last = issue.path[issue.path.length - 1];
  const part = typeof last === "string" && Object.hasOwn(partWords, last) ? partWords[last] : "";
  return `${label}${part ?? ""} ${issue.message.slice(place.length + 1)}`;
}

/** The help line and any problems under a field; ids let the input point at them with aria-describedby. */
export function FieldMessages({ id, help, issues, label }: { id: string; help: string; issues: readonly Issue[]; label?: string | undefined }) {
  return (
    <>
      {issues.length > 0 && (
        <ul className="field-issues" id={`${id}-issues`}>
          {issues.map((issue, index) => (
            <li key={index} className={issue.severity === "error" ? "issue-error" : "issue-warning"}>
              <span className="issue-kind">{issue.severity === "error" ? "Error: " : "Note: "}</span>
              {inFieldWords(issue, label)}
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

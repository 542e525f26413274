import type { Issue } from "../../../src/engine/index.js";
import { formatPath } from "../../../src/engine/index.js";
import { formatNumberAsGiven } from "../format.js";

/** How a part of an input is named after its label: the ends of a range, its note. */
const partWords: Record<string, string> = { value: "", low: ", low end", high: ", high end", note: ", note" };

/**
 * A problem as said under its own field: the field's label in place of its place in the file, which
 * the message starts with for the command line ("defaults.team.people.value is -2; …" reads "People
 * in the team is -2; …"). A message about another place is left as it is.
 * @example inFieldWords({ path: ["defaults", "team", "people", "value"], message: "defaults.team.people.value is -2; allowed: …" }, "People in the team") // "People in the team is -2; allowed: …"
 * @example inFieldWords({ path: ["defaults", "releases", "months", 1], message: "defaults.releases.months[1] is 7; allowed: …" }, "Months projects are released") // "Months projects are released includes 7; allowed: …"
 */
export function inFieldWords(issue: Pick<Issue, "path" | "message">, label: string | undefined): string {
  const place = formatPath(issue.path);
  if (!issue.message.startsWith(`${place} `)) return issue.message;
  const rest = valueGrouped(issue.message.slice(place.length + 1));
  if (label === undefined || label === "") return `${place} ${rest}`;
  const subject = subjectOf(label);
  const last = issue.path[issue.path.length - 1];
  // One of a list's items (release months 4, 7, 10 past a horizon of 6): the list "includes 7", not "is 7".
  if (typeof last === "number" && rest.startsWith("is ")) return `${subject} includes ${rest.slice(3)}`;
  const part = typeof last === "string" && Object.hasOwn(partWords, last) ? partWords[last] : "";
  return `${subject}${part ?? ""} ${rest}`;
}

/**
 * A box's label as the subject of a sentence: without the typing hint some labels end with in
 * brackets, which the sentence would otherwise carry in its middle ("Currency (three letters, e.g.
 * EUR) ABC is not an ISO 4217 code" reads "Currency ABC is not an ISO 4217 code", as the command
 * line's "currency ABC is not …"). Brackets that are not an example ("e.g.") are part of the name and stay.
 * @example subjectOf("Currency (three letters, e.g. EUR)") // "Currency"
 */
export function subjectOf(label: string): string {
  return label.replace(/ \([^()]*\be\.g\.[^()]*\)$/, "");
}

/**
 * The value a message quotes back ("is 1000000000000; …"), as the page writes every number: the
 * engine quotes a number as the file wrote it, and the page's case reaches it as JSON, where 1e12
 * is written out in 13 digits. Grouped, with every digit kept: "is 1,000,000,000,000; …".
 * @example valueGrouped("is 1000000000000; allowed: …") // "is 1,000,000,000,000; allowed: …"
 */
function valueGrouped(rest: string): string {
  return rest.replace(/^(is|includes) (-?\d+(?:\.\d+)?)(?=;|,|$)/, (_match, verb: string, number: string) => `${verb} ${formatNumberAsGiven(Number(number))}`);
}

/** Whether the text at `at` goes on with more of a place ("…tooling.licences", "…[0]"), so a place found before it is only its start. */
function placeGoesOn(text: string, at: number): boolean {
  return /^[.[A-Za-z0-9_$]/.test(text.slice(at, at + 1));
}

/**
 * A problem as the list above the inputs says it: in the same words as under its field (the field's
 * label for the place the message starts with, `inFieldWords`), and any other place along its path
 * that the message names ("unknown field … in scenarios.a.tooling") by the words the editor shows
 * there ("in Tools, support and training"). A place the editor has no words for keeps its path.
 * @example inSummaryWords({ path: ["scenarios", "a", "team", "people"], message: "scenarios.a.team.people is -2; …" }, (path) => labels[path.join(".")]) // "People in the team is -2; …"
 */
export function inSummaryWords(issue: Pick<Issue, "path" | "message">, labelAt: (path: readonly (string | number)[]) => string | undefined): string {
  const { path } = issue;
  const last = path[path.length - 1];
  // A quantity's problems sit under its box, whose label names it (inFieldWords adds the part: ", low end").
  // So does a list's item ("[1]"): under the list's box, its label names it (inFieldWords: "includes 7").
  const isPart = path.length > 1 && ((typeof last === "string" && Object.hasOwn(partWords, last)) || typeof last === "number");
  const parent = isPart ? labelAt(path.slice(0, -1)) : undefined;
  const message = inFieldWords(issue, parent ?? labelAt(path));
  // Places are found in the message as it stands, longest first, and replaced at once at the end:
  // a label put in may itself read like a place ("Copy of scenarios.a"), and is never searched again.
  const replacements: { at: number; end: number; words: string }[] = [];
  const taken = (at: number, end: number) => replacements.some((other) => at < other.end && other.at < end);
  for (let length = path.length - 1; length >= 1; length -= 1) {
    const place = formatPath(path.slice(0, length));
    const said = message.includes(place) ? labelAt(path.slice(0, length)) : undefined;
    if (said === undefined) continue;
    for (let at = message.indexOf(place); at >= 0; at = message.indexOf(place, at + place.length)) {
      const end = at + place.length;
      if (placeGoesOn(message, end) || (at > 0 && /[.A-Za-z0-9_$"]/.test(message.charAt(at - 1))) || taken(at, end)) continue;
      replacements.push({ at, end, words: at === 0 ? said.charAt(0).toUpperCase() + said.slice(1) : said });
    }
  }
  let said = "";
  let from = 0;
  for (const { at, end, words } of replacements.sort((a, b) => a.at - b.at)) {
    said += message.slice(from, at) + words;
    from = end;
  }
  return said + message.slice(from);
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

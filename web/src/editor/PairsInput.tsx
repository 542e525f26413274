import { useMemo } from "react";
import { getIn, isRecord, type CaseData, type DataPath } from "../case/data-path.js";
import { rankLabel } from "../case/field-labels.js";
import type { Field, ListField } from "../case/field-tree.js";
import { markEdit } from "../timing.js";
import { fieldId, issuesAt, useCaseSelect, useCaseValue, useEditorApi } from "./editor-context.js";
import { QuantityInput } from "./QuantityInput.js";
import { TextInput } from "./SimpleInputs.js";

/**
 * The paths of every input the case gives as a range or a distribution, as the file writes them
 * (e.g. "defaults.projects.valuePerMonth"): the inputs a pair that moves together may name.
 * @example rangedInputs({ defaults: { projects: { valuePerMonth: { low: 1, high: 2 } } } }) // ["defaults.projects.valuePerMonth"]
 */
export function rangedInputs(data: CaseData): string[] {
  const found: string[] = [];
  const walk = (value: unknown, path: string[]): void => {
    if (!isRecord(value)) return;
    if ("low" in value || "high" in value || "distribution" in value) {
      found.push(path.join("."));
      return;
    }
    for (const [key, child] of Object.entries(value)) if (key !== "correlations") walk(child, [...path, key]);
  };
  walk(data, []);
  return found;
}

function entryField<K extends Field["kind"]>(field: ListField, key: string, kind: K): Extract<Field, { kind: K }> | undefined {
  return field.entry.find((child): child is Extract<Field, { kind: K }> => child.key === key && child.kind === kind);
}

/**
 * Pairs of uncertain inputs that move together (`correlations`): for each, the two inputs chosen
 * among those the case gives as ranges, how closely they move (a rank correlation from -1 to 1) and
 * a note. The list's entries are added and removed here; the engine checks the rest.
 */
export function PairsInput({ field, base }: { field: ListField; base: DataPath }) {
  const { store, issues, set } = useEditorApi();
  const path = useMemo(() => [...base, ...field.path], [base, field.path]);
  const raw = useCaseValue(path);
  const entries = Array.isArray(raw) ? raw : [];
  // The choice of inputs: recomputed only when the list of ranged inputs changes (its text is its identity).
  const choicesText = useCaseSelect((data) => rangedInputs(data).join("\n"));
  const choices = useMemo(() => (choicesText === "" ? [] : choicesText.split("\n")), [choicesText]);
  const rank = entryField(field, "rank", "number");
  const note = entryField(field, "note", "text");
  const own = issuesAt(issues, path).filter((issue) => issue.path.length === path.length);
  const headingId = fieldId([...path, "(heading)"]);

  const write = (next: unknown[]) => {
    markEdit();
    set(path, next.length > 0 ? next : undefined);
  };
  const current = (): unknown[] => {
    const value = getIn(store.get() ?? {}, path);
    return Array.isArray(value) ? value : [];
  };
  const setBetween = (index: number, side: 0 | 1, input: string) => {
    const list = current();
    const entry = isRecord(list[index]) ? list[index] : {};
    const between = Array.isArray(entry.between) ? [...entry.between] : ["", ""];
    between[side] = input;
    write(list.map((item, at) => (at === index ? { ...entry, between } : item)));
  };

  return (
    <fieldset className="group pairs" aria-labelledby={headingId}>
      <legend id={headingId}>{field.label}</legend>
      {field.help !== "" && <p className="group-help">{field.help}</p>}
      {own.length > 0 && (
        <ul className="field-issues group-issues">
          {own.map((issue, index) => (
            <li key={index} className={issue.severity === "error" ? "issue-error" : "issue-warning"}>
              {issue.message}
            </li>
          ))}
        </ul>
      )}
      {entries.length === 0 && <p className="empty-note">No pair yet: every input given as a range moves on its own.</p>}
      {entries.map((entry, index) => {
        const between = isRecord(entry) && Array.isArray(entry.between) ? entry.between : [];
        const entryBase = [...path, index];
        // The rank's and the note's problems show at their own boxes.
        const entryIssues = issuesAt(issues, entryBase).filter((issue) => !["rank", "note"].includes(String(issue.path[entryBase.length])));
        return (
          <fieldset className="group pair" key={index}>
            <legend>Pair {index + 1}</legend>
            {entryIssues.map((issue, at) => (
              <p key={at} className="field-issues issue-error">
                {issue.message}
              </p>
            ))}
            {([0, 1] as const).map((side) => {
              const id = fieldId([...entryBase, "between", side]);
              const value = typeof between[side] === "string" ? (between[side] as string) : "";
              return (
                <div className="field field-choice" key={side}>
                  <label htmlFor={id} className="field-label">
                    {side === 0 ? "First input" : "Second input"}
                  </label>
                  <select id={id} value={value} onChange={(event) => setBetween(index, side, event.target.value)}>
                    {value === "" && <option value="">choose an input given as a range</option>}
                    {value !== "" && !choices.includes(value) && <option value={value}>{value} (not a range in this case)</option>}
                    {choices.map((choice) => (
                      <option key={choice} value={choice}>
                        {choice}
                      </option>
                    ))}
                  </select>
                </div>
              );
            })}
            {rank && <QuantityInput field={rank} base={entryBase} label={rankLabel} />}
            {note && <TextInput field={note} base={entryBase} />}
            <button
              type="button"
              className="small-button danger"
              onClick={() => write(current().filter((_, at) => at !== index))}
              aria-label={`Remove pair ${index + 1}`}
            >
              Remove
            </button>
          </fieldset>
        );
      })}
      <button
        type="button"
        className="small-button"
        disabled={choices.length < 2}
        onClick={() => write([...current(), { between: [choices[0], choices[1]], rank: 0.5 }])}
      >
        Add a pair
      </button>
      {choices.length < 2 && <p className="field-help">Give at least two inputs as ranges first (the Range button beside a number).</p>}
    </fieldset>
  );
}

import { getIn, type DataPath } from "../case/data-path.js";
import type { ChoiceField, MonthListField, TextField } from "../case/field-tree.js";
import { markEdit } from "../timing.js";
import { describedBy, FieldMessages } from "./FieldMessages.js";
import { fieldId, issuesAt, useCaseSelect, useCaseValue, useEditorApi } from "./editor-context.js";
import { useEffect, useState } from "react";

interface Props<F> {
  readonly field: F;
  readonly base: DataPath;
  readonly inheritBase?: DataPath;
  readonly label?: string;
}

/** A text field: titles, labels, descriptions and notes. Empty text removes the field from the file. */
export function TextInput({ field, base, label }: Props<TextField>) {
  const { issues, set } = useEditorApi();
  const path = [...base, ...field.path];
  const id = fieldId(path);
  const value = useCaseValue(path);
  const problems = issuesAt(issues, path);
  const hasError = problems.some((issue) => issue.severity === "error");
  const common = {
    id,
    value: typeof value === "string" ? value : value === undefined ? "" : String(value),
    "aria-invalid": hasError || undefined,
    "aria-describedby": describedBy(id, field.help, problems),
    ...(field.maxLength !== undefined ? { maxLength: field.maxLength } : {}),
    onChange: (event: { target: { value: string } }) => {
      markEdit();
      set(path, event.target.value === "" ? undefined : event.target.value);
    },
  };
  return (
    <div className={`field field-text${hasError ? " has-error" : ""}`}>
      <label htmlFor={id} className="field-label">
        {label ?? field.label}
      </label>
      {field.multiline ? <textarea rows={2} {...common} /> : <input type="text" autoComplete="off" {...common} />}
      <FieldMessages id={id} help={field.help} issues={problems} label={label ?? field.label} />
    </div>
  );
}

/** A choice among fixed words (release mode, what a chore is counted per). */
export function ChoiceInput({ field, base, inheritBase, label }: Props<ChoiceField>) {
  const { issues, set } = useEditorApi();
  const path = [...base, ...field.path];
  const id = fieldId(path);
  const value = useCaseValue(path);
  const inherited = useCaseSelect((data) => (inheritBase ? getIn(data, [...inheritBase, ...field.path]) : undefined));
  const problems = issuesAt(issues, path).filter((issue) => issue.path.length === path.length);
  const hasError = problems.some((issue) => issue.severity === "error");
  return (
    <div className={`field field-choice${hasError ? " has-error" : ""}`}>
      <label htmlFor={id} className="field-label">
        {label ?? field.label}
      </label>
      <select
        id={id}
        value={typeof value === "string" ? value : ""}
        aria-invalid={hasError || undefined}
        aria-describedby={describedBy(id, field.help, problems)}
        onChange={(event) => {
          markEdit();
          set(path, event.target.value === "" ? undefined : event.target.value);
        }}
      >
        <option value="">{typeof inherited === "string" ? `shared: ${inherited}` : "not set"}</option>
        {field.options.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
      <FieldMessages id={id} help={field.help} issues={problems} label={label ?? field.label} />
    </div>
  );
}

function listText(value: unknown): string {
  return Array.isArray(value) ? value.join(", ") : "";
}

/**
 * A list of month numbers typed as "4, 7, 10". Anything that is not a whole number is kept as
 * text so the check names it at this field.
 */
export function MonthListInput({ field, base, inheritBase, label }: Props<MonthListField>) {
  const { issues, set } = useEditorApi();
  const path = [...base, ...field.path];
  const id = fieldId(path);
  const value = useCaseValue(path);
  const inherited = useCaseSelect((data) => (inheritBase ? getIn(data, [...inheritBase, ...field.path]) : undefined));
  const [draft, setDraft] = useState(listText(value));
  useEffect(() => {
    if (listText(value) !== listText(parseList(draft))) setDraft(listText(value));
  }, [value]);
  const problems = issuesAt(issues, path);
  const hasError = problems.some((issue) => issue.severity === "error");
  const help = [field.help, `Separate months with commas. Allowed: ${field.allowed}.`].filter((part) => part !== "").join(" ");
  return (
    <div className={`field field-list${hasError ? " has-error" : ""}`}>
      <label htmlFor={id} className="field-label">
        {label ?? field.label}
      </label>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        value={draft}
        placeholder={Array.isArray(inherited) ? `${inherited.join(", ")}` : "e.g. 4, 7, 10"}
        aria-invalid={hasError || undefined}
        aria-describedby={describedBy(id, help, problems)}
        onChange={(event) => {
          markEdit();
          setDraft(event.target.value);
          set(path, parseList(event.target.value));
        }}
      />
      {inheritBase !== undefined && Array.isArray(inherited) && (
        <p className="field-inherited">
          {value === undefined
            ? `Shared months ${inherited.join(", ")} apply; type to change them for this scenario only.`
            : `Shared months: ${inherited.join(", ")}.`}
        </p>
      )}
      <FieldMessages id={id} help={help} issues={problems} label={label ?? field.label} />
    </div>
  );
}

/** @example parseList("4, 7,10") // [4, 7, 10] ; parseList("") // undefined */
export function parseList(text: string): unknown[] | undefined {
  const parts = text
    .split(/[,;\s]+/)
    .map((part) => part.trim())
    .filter((part) => part !== "");
  if (parts.length === 0) return undefined;
  return parts.map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

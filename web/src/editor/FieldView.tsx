import type { DataPath } from "../case/data-path.js";
import type { Field, GroupField } from "../case/field-tree.js";
import { groupTitles } from "../case/sections.js";
import { ChoresInput } from "./ChoresInput.js";
import { issuesAt, useEditorApi } from "./editor-context.js";
import { GroupNote } from "./GroupNote.js";
import { PairsInput } from "./PairsInput.js";
import { QuantityInput } from "./QuantityInput.js";
import { ChoiceInput, MonthListInput, TextInput } from "./SimpleInputs.js";

interface Props {
  readonly field: Field;
  readonly base: DataPath;
  readonly inheritBase?: DataPath;
}

/** Any field of the editor, by its kind. */
export function FieldView({ field, base, inheritBase }: Props) {
  const inherit = inheritBase !== undefined ? { inheritBase } : {};
  switch (field.kind) {
    case "number":
      return <QuantityInput field={field} base={base} {...inherit} />;
    case "text":
      return <TextInput field={field} base={base} />;
    case "choice":
      return <ChoiceInput field={field} base={base} {...inherit} />;
    case "monthList":
      return <MonthListInput field={field} base={base} {...inherit} />;
    case "group":
      return <GroupView field={field} base={base} {...inherit} />;
    case "map":
      return <ChoresInput field={field} base={base} {...inherit} />;
    case "list":
      return <PairsInput field={field} base={base} />;
    default:
      return field satisfies never;
  }
}

/** A group of inputs as a fieldset; its note sits at the end, behind a button until written. */
export function GroupView({ field, base, inheritBase }: { field: GroupField; base: DataPath; inheritBase?: DataPath }) {
  const { issues } = useEditorApi();
  const path = [...base, ...field.path];
  // Problems about the group as a whole (a missing input, a conflict) are shown at its top.
  const own = issuesAt(issues, path).filter((issue) => issue.path.length === path.length);
  const inherit = inheritBase !== undefined ? { inheritBase } : {};
  const children = field.children.filter((child) => child.key !== "note");
  return (
    <fieldset className="group">
      <legend>{groupTitles[field.key] ?? field.label}</legend>
      {field.help !== "" && <p className="group-help">{field.help}</p>}
      {own.length > 0 && (
        <ul className="field-issues group-issues">
          {own.map((issue, index) => (
            <li key={index} className={issue.severity === "error" ? "issue-error" : "issue-warning"}>
              <span className="issue-kind">{issue.severity === "error" ? "Error: " : "Note: "}</span>
              {issue.message}
            </li>
          ))}
        </ul>
      )}
      {children.map((child) => (
        <FieldView key={child.key} field={child} base={base} {...inherit} />
      ))}
      <GroupNote path={[...path, "note"]} title={groupTitles[field.key] ?? field.label} />
    </fieldset>
  );
}

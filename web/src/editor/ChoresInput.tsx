import { useState } from "react";
import { getIn, isRecord, type DataPath } from "../case/data-path.js";
import { choreLabels } from "../case/field-labels.js";
import type { MapField } from "../case/field-tree.js";
import { groupTitles } from "../case/sections.js";
import { markEdit } from "../timing.js";
import { fieldId, issuesAt, useCaseSelect, useCaseValue, useEditorApi } from "./editor-context.js";
import { GroupNote } from "./GroupNote.js";
import { QuantityInput } from "./QuantityInput.js";
import { ChoiceInput } from "./SimpleInputs.js";

/**
 * Recurring chores by name. A scenario sees the shared chores and may change any of their
 * numbers or add its own.
 */
export function ChoresInput({ field, base, inheritBase }: { field: MapField; base: DataPath; inheritBase?: DataPath }) {
  const { issues, set } = useEditorApi();
  const path = [...base, ...field.path];
  const own = useCaseValue(path);
  const shared = useCaseSelect((data) => (inheritBase ? getIn(data, [...inheritBase, ...field.path]) : undefined));
  const names = [...new Set([...(isRecord(shared) ? Object.keys(shared) : []), ...(isRecord(own) ? Object.keys(own) : [])])];
  const [newName, setNewName] = useState("");
  const addId = fieldId([...path, "(new)"]);
  const taken = names.includes(newName.trim());
  const groupIssues = issuesAt(issues, path).filter((issue) => issue.path.length === path.length);

  const add = () => {
    const name = newName.trim();
    if (name === "" || taken) return;
    markEdit();
    set([...path, name], { per: "person" });
    setNewName("");
  };

  return (
    <fieldset className="group">
      <legend>{groupTitles[field.key] ?? field.label}</legend>
      {field.help !== "" && <p className="group-help">{field.help} Each chore's minutes count per person, per live project or once for the team.</p>}
      {groupIssues.map((issue, index) => (
        <p key={index} className="field-issues issue-error">
          {issue.message}
        </p>
      ))}
      {names.length === 0 && <p className="empty-note">No chores yet.</p>}
      {names.map((name) => {
        const entryBase = [...path, name];
        const entryInherit = inheritBase ? { inheritBase: [...inheritBase, ...field.path, name] } : {};
        const isOwn = isRecord(own) && name in own;
        const entryIssues = issuesAt(issues, entryBase).filter((issue) => issue.path.length === entryBase.length);
        return (
          <fieldset className="group chore" key={name}>
            <legend>{name}</legend>
            {entryIssues.map((issue, index) => (
              <p key={index} className="field-issues issue-error">
                {issue.message}
              </p>
            ))}
            {field.entry.map((entryField) => {
              if (entryField.kind === "number")
                return (
                  <QuantityInput
                    key={entryField.key}
                    field={entryField}
                    base={entryBase}
                    label={choreLabels[entryField.key] ?? entryField.label}
                    {...entryInherit}
                  />
                );
              if (entryField.kind === "choice")
                return (
                  <ChoiceInput
                    key={entryField.key}
                    field={entryField}
                    base={entryBase}
                    label={choreLabels[entryField.key] ?? entryField.label}
                    {...entryInherit}
                  />
                );
              return null;
            })}
            <GroupNote path={[...entryBase, "note"]} title={`the chore “${name}”`} />
            {isOwn && (
              <button
                type="button"
                className="small-button danger"
                onClick={() => {
                  markEdit();
                  set(entryBase, undefined);
                }}
              >
                {isRecord(shared) && name in shared ? `Use the shared “${name}”` : `Remove “${name}”`}
              </button>
            )}
          </fieldset>
        );
      })}
      <div className="add-row">
        <label htmlFor={addId} className="field-label">
          New chore
        </label>
        <input
          id={addId}
          type="text"
          value={newName}
          placeholder="e.g. weekly data refresh"
          maxLength={80}
          onChange={(event) => setNewName(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Enter") {
              event.preventDefault();
              add();
            }
          }}
          aria-describedby={taken ? `${addId}-taken` : undefined}
        />
        <button type="button" className="small-button" onClick={add} disabled={newName.trim() === "" || taken}>
          Add chore
        </button>
        {taken && (
          <p className="field-issues issue-error" id={`${addId}-taken`}>
            There is already a chore named “{newName.trim()}”.
          </p>
        )}
      </div>
    </fieldset>
  );
}

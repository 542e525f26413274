import { useState } from "react";
import type { DataPath } from "../case/data-path.js";
import { markEdit } from "../timing.js";
import { fieldId, useCaseValue, useEditorApi } from "./editor-context.js";

/** A note on a whole group of inputs, written in the file as the group's `note`. */
export function GroupNote({ path, title }: { path: DataPath; title: string }) {
  const { set } = useEditorApi();
  const value = useCaseValue(path);
  const text = typeof value === "string" ? value : "";
  const [open, setOpen] = useState(false);
  const id = fieldId(path);
  if (!open && text === "") {
    return (
      <button type="button" className="small-button group-note-button" aria-label={`Add a note on ${title}`} onClick={() => setOpen(true)}>
        Add a note
      </button>
    );
  }
  return (
    <div className="field field-note">
      <label htmlFor={id} className="note-label">
        Notes on {title.toLowerCase()}
      </label>
      <textarea
        id={id}
        rows={2}
        value={text}
        // biome-ignore lint/a11y/noAutofocus: the note opens empty because the user just asked to add one; focus follows that action
        autoFocus={open && text === ""}
        onChange={(event) => {
          markEdit();
          set(path, event.target.value === "" ? undefined : event.target.value);
        }}
      />
    </div>
  );
}

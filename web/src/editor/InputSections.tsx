import { memo, useState } from "react";
import { getIn, pathKey, type DataPath } from "../case/data-path.js";
import { inputSections, type InputSection } from "../case/sections.js";
import { issuesAt, useEditorApi } from "./editor-context.js";
import { FieldView } from "./FieldView.js";

/**
 * Every input group of a scenario (or of the shared inputs), in the cost framework's sections.
 * Sections holding values or problems start open; the others open with a click or Enter.
 */
export const InputSections = memo(function InputSections({ base, inheritBase }: { base: DataPath; inheritBase?: DataPath }) {
  return (
    <div className="sections">
      {inputSections.map((section) => (
        <Section key={`${pathKey(base)}:${section.title}`} section={section} base={base} {...(inheritBase !== undefined ? { inheritBase } : {})} />
      ))}
    </div>
  );
});

function Section({ section, base, inheritBase }: { section: InputSection; base: DataPath; inheritBase?: DataPath }) {
  const { store, issues } = useEditorApi();
  // Open or closed is decided once, then left to the user: a section never folds while they type.
  const [open, setOpen] = useState(() => {
    const data = store.get();
    return section.groups.some(
      (group) =>
        getIn(data, [...base, ...group.path]) !== undefined ||
        (inheritBase !== undefined && getIn(data, [...inheritBase, ...group.path]) !== undefined) ||
        issuesAt(issues, [...base, ...group.path]).length > 0,
    );
  });
  const inherit = inheritBase !== undefined ? { inheritBase } : {};
  const hasError = section.groups.some((group) => issuesAt(issues, [...base, ...group.path]).some((issue) => issue.severity === "error"));
  return (
    <details className={`section${hasError ? " has-error" : ""}`} open={open || hasError} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>
        <span className="section-title">
          {section.title}
          {hasError && <span className="section-flag"> · has a problem</span>}
        </span>
        {section.blurb !== "" && <span className="section-blurb">{section.blurb}</span>}
      </summary>
      {(open || hasError) && section.groups.map((group) => <FieldView key={group.key} field={group} base={base} {...inherit} />)}
    </details>
  );
}

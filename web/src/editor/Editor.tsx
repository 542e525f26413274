import { memo, useMemo, useRef, useState } from "react";
import { getIn, isRecord, type CaseData } from "../case/data-path.js";
import { baselineLabel, caseLabels, readerLabel, scenarioLabel, tabOfPath, tabTitles } from "../case/field-labels.js";
import { caseFields, scenarioOwnFields } from "../case/field-tree.js";
import { addScenario, deleteScenario, duplicateScenario, freeName, nameProblem, renameScenario, scenarioNames } from "../case/scenarios.js";
import { markEdit } from "../timing.js";
import { CapabilityPicker } from "./CapabilityPicker.js";
import { CatalogueEditor } from "./CatalogueEditor.js";
import { fieldId, useCase, useCaseSelect, useEditor, useEditorApi } from "./editor-context.js";
import { FieldView } from "./FieldView.js";
import { InputSections } from "./InputSections.js";
import { panelDomId, ScenarioTabs, tabDomId, type TabItem } from "./ScenarioTabs.js";

/** Where the inputs every scenario shares live in the file (one array, so the memoised sections see the same one). */
const sharedBase = ["defaults"] as const;

export { tabOfPath } from "../case/field-labels.js";

interface Props {
  readonly tab: string;
  readonly onTab: (tab: string) => void;
  /** Replaces the whole case (scenario management touches several places at once). */
  readonly onReplace: (data: CaseData) => void;
}

/** The editor: a tab for the case, one for the inputs all scenarios share, one per scenario. */
export function Editor({ tab, onTab, onReplace }: Props) {
  // Drawn again at every edit (a tab's title is a scenario's label); the panels below follow their own parts.
  const data = useCase();
  const { issues } = useEditorApi();
  const names = scenarioNames(data);
  const baseline = typeof data.baseline === "string" ? data.baseline : undefined;
  const errorIn = (id: string) => issues.some((issue) => issue.severity === "error" && tabOfPath(issue.path) === id);
  const tabs: TabItem[] = [
    { id: "case", title: tabTitles.case, hasError: errorIn("case") },
    { id: "shared", title: tabTitles.shared, hasError: errorIn("shared") },
    { id: "catalogue", title: tabTitles.catalogue, hasError: errorIn("catalogue") },
    ...names.map((name) => ({
      id: `s:${name}`,
      title: scenarioLabel(data, name),
      ...(name === baseline ? { badge: "baseline" } : {}),
      hasError: errorIn(`s:${name}`),
    })),
  ];
  const current = tabs.some((item) => item.id === tab) ? tab : "case";
  const scenario = current.startsWith("s:") ? current.slice(2) : undefined;

  const add = () => {
    const name = freeName(data, "option");
    markEdit();
    onReplace(addScenario(data, name, "New option"));
    onTab(`s:${name}`);
  };

  return (
    <section className="editor" aria-labelledby="editor-heading">
      <h2 id="editor-heading" className="visually-hidden">
        Inputs
      </h2>
      <div className="tab-bar">
        <ScenarioTabs tabs={tabs} selected={current} onSelect={onTab} label="Parts of the case" />
        <button type="button" className="add-tab" onClick={add}>
          + Add scenario
        </button>
      </div>
      <div className="tab-panel" role="tabpanel" id={panelDomId(current)} aria-labelledby={tabDomId(current)} tabIndex={-1}>
        {current === "case" && <CasePanel names={names} />}
        {current === "shared" && (
          <>
            <p className="panel-intro">
              Inputs every scenario uses unless it sets its own value. Today&apos;s way of working usually lives here; alternatives change only what differs.
            </p>
            <InputSections base={sharedBase} />
          </>
        )}
        {current === "catalogue" && <CatalogueEditor onReplace={onReplace} />}
        {scenario !== undefined && <ScenarioPanel key={scenario} name={scenario} isBaseline={scenario === baseline} onReplace={onReplace} onTab={onTab} />}
      </div>
    </section>
  );
}

function CasePanel({ names }: { names: readonly string[] }) {
  const { data, issues, set } = useEditor();
  const baselineIssues = issues.filter((issue) => issue.path.length === 1 && issue.path[0] === "baseline");
  const id = fieldId(["baseline"]);
  return (
    <div className="case-panel">
      {/* The catalogue has a tab of its own. */}
      {caseFields
        .filter((field) => field.key !== "catalogue")
        .map((field) => (
          <FieldView key={field.key} field={caseLabels[field.key] ? { ...field, label: caseLabels[field.key]! } : field} base={[]} />
        ))}
      <div className={`field field-choice${baselineIssues.length > 0 ? " has-error" : ""}`}>
        <label htmlFor={id} className="field-label">
          {baselineLabel}
        </label>
        <select
          id={id}
          value={typeof data.baseline === "string" ? data.baseline : ""}
          aria-describedby={baselineIssues.length > 0 ? `${id}-issues` : undefined}
          onChange={(event) => {
            markEdit();
            set(["baseline"], event.target.value);
          }}
        >
          {typeof data.baseline === "string" && !names.includes(data.baseline) && <option value={data.baseline}>{data.baseline} (no such scenario)</option>}
          {names.map((name) => (
            <option key={name} value={name}>
              {scenarioLabel(data, name)} ({name})
            </option>
          ))}
        </select>
        {baselineIssues.length > 0 && (
          <ul className="field-issues" id={`${id}-issues`}>
            {baselineIssues.map((issue, index) => (
              <li key={index} className="issue-error">
                {issue.message}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

/**
 * One scenario's tab. It follows only its label, whether it exists and (while renaming) the new
 * name's problem; its inputs follow their own values, so an edit does not draw the whole tab again.
 */
const ScenarioPanel = memo(function ScenarioPanel({
  name,
  isBaseline,
  onReplace,
  onTab,
}: {
  name: string;
  isBaseline: boolean;
  onReplace: (data: CaseData) => void;
  onTab: (tab: string) => void;
}) {
  const { store, set } = useEditorApi();
  const [renaming, setRenaming] = useState(false);
  const [newName, setNewName] = useState(name);
  const problem = useCaseSelect((data) => (renaming ? nameProblem(data, newName.trim(), name) : undefined));
  const renameId = fieldId(["scenarios", name, "(rename)"]);
  const base = useMemo(() => ["scenarios", name] as const, [name]);
  const exists = useCaseSelect((data) => isRecord(getIn(data, base)));
  const label = useCaseSelect((data) => scenarioLabel(data, name));
  const renameButton = useRef<HTMLButtonElement>(null);
  // Actions read the case as it is when they are taken.
  const current = () => store.get() ?? {};

  /** Escape closes the rename box as it was, and the keyboard goes back to the button that opened it. */
  const cancelRename = () => {
    setRenaming(false);
    setNewName(name);
    renameButton.current?.focus();
  };

  const rename = () => {
    const to = newName.trim();
    if (problem !== undefined) return;
    markEdit();
    onReplace(renameScenario(current(), name, to));
    setRenaming(false);
    onTab(`s:${to}`);
  };

  if (!exists) return null;
  return (
    <div className="scenario-panel">
      <div className="scenario-actions" role="group" aria-label={`Scenario ${label}`}>
        <span className="scenario-key">
          Name in the file: <code>{name}</code>
          {isBaseline && <span className="tab-badge">baseline</span>}
        </span>
        <button type="button" className="small-button" ref={renameButton} onClick={() => setRenaming(!renaming)} aria-expanded={renaming}>
          Rename
        </button>
        <button
          type="button"
          className="small-button"
          onClick={() => {
            const copy = freeName(current(), `${name}-copy`);
            markEdit();
            onReplace(duplicateScenario(current(), name, copy));
            onTab(`s:${copy}`);
          }}
        >
          Duplicate
        </button>
        {!isBaseline && (
          <button
            type="button"
            className="small-button"
            onClick={() => {
              markEdit();
              set(["baseline"], name);
            }}
          >
            Make baseline
          </button>
        )}
        {!isBaseline && (
          <button
            type="button"
            className="small-button danger"
            onClick={() => {
              if (!window.confirm(`Delete the scenario “${label}”? Its inputs are removed from the case.`)) return;
              // The keyboard goes on to the next scenario's tab (the one before, after the last), not to the
              // page's body with the button that had it.
              const others = scenarioNames(current());
              const at = others.indexOf(name);
              const next = others.filter((other) => other !== name)[Math.min(at, others.length - 2)];
              markEdit();
              onReplace(deleteScenario(current(), name));
              onTab(next === undefined ? "case" : `s:${next}`);
              document.getElementById(tabDomId(next === undefined ? "case" : `s:${next}`))?.focus();
            }}
          >
            Delete
          </button>
        )}
      </div>
      {renaming && (
        <form
          className="rename-row"
          onSubmit={(event) => {
            event.preventDefault();
            rename();
          }}
        >
          <label htmlFor={renameId} className="field-label">
            New name in the file
          </label>
          <input
            id={renameId}
            type="text"
            value={newName}
            // biome-ignore lint/a11y/noAutofocus: the field appears because the user just asked to rename; focus follows that action
            autoFocus
            maxLength={120}
            onChange={(event) => setNewName(event.target.value)}
            onKeyDown={(event) => {
              if (event.key !== "Escape") return;
              event.preventDefault();
              cancelRename();
            }}
            aria-invalid={problem !== undefined || undefined}
            aria-describedby={problem ? `${renameId}-problem` : undefined}
          />
          <button type="submit" className="small-button" disabled={problem !== undefined}>
            Rename
          </button>
          {problem && (
            <p className="field-issues issue-error" id={`${renameId}-problem`}>
              {problem}
            </p>
          )}
        </form>
      )}
      {isBaseline && <p className="panel-intro">This is the baseline: every other scenario is compared with it. Empty boxes use the shared inputs.</p>}
      {!isBaseline && <p className="panel-intro">Empty boxes use the shared inputs; type a number to change it for this scenario only.</p>}
      {scenarioOwnFields.map((field) =>
        field.key === "capabilities" ? (
          <CapabilityPicker key={field.key} scenario={name} isBaseline={isBaseline} onCatalogue={() => onTab("catalogue")} />
        ) : (
          <FieldView key={field.key} field={field.key === "label" ? { ...field, label: readerLabel } : field} base={base} />
        ),
      )}
      <InputSections base={base} inheritBase={sharedBase} />
    </div>
  );
});

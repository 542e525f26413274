import { useMemo } from "react";
import { capabilityNames, capabilityView, scenarioCapabilities, withCapability } from "../case/catalogue.js";
import { markEdit } from "../timing.js";
import { CapabilitySummary } from "./CatalogueEditor.js";
import { fieldId, issuesAt, useCaseValue, useEditorApi } from "./editor-context.js";

/**
 * A scenario's capabilities: every capability of the catalogue (built-in and the file's own) with a
 * box to tick, its costs and its effects in plain words. Ticking adds it to the scenario's list.
 */
export function CapabilityPicker({ scenario, isBaseline, onCatalogue }: { scenario: string; isBaseline: boolean; onCatalogue: () => void }) {
  const { store, issues, set } = useEditorApi();
  const path = ["scenarios", scenario, "capabilities"] as const;
  // Drawn again only when the catalogue or this scenario's list changes, not at every keystroke.
  const catalogue = useCaseValue(["catalogue"]);
  const listed = useCaseValue(path);
  const { chosen, known, views } = useMemo(() => {
    // The catalogue's helpers read only these two parts of the case.
    const part = { catalogue, scenarios: { [scenario]: { capabilities: listed } } };
    const names = capabilityNames(part);
    return { chosen: scenarioCapabilities(part, scenario), known: names, views: new Map(names.map((name) => [name, capabilityView(part, name)])) };
  }, [catalogue, listed, scenario]);
  const unknown = chosen.filter((name) => !known.includes(name));
  const listIssues = issuesAt(issues, path);
  const headingId = fieldId([...path, "(heading)"]);

  const toggle = (name: string, on: boolean) => {
    markEdit();
    const next = scenarioCapabilities(withCapability(store.get() ?? {}, scenario, name, on), scenario);
    // An empty list leaves the file: the scenario reads its inputs as it did before it had capabilities.
    set(path, next.length > 0 ? next : undefined);
  };

  return (
    <fieldset className="group capability-picker" id={fieldId(path)} tabIndex={-1}>
      <legend id={headingId}>Capabilities</legend>
      <p className="group-help">
        {isBaseline
          ? "Capabilities the team already has today: their costs and effects apply to this scenario too."
          : "This scenario is the baseline plus the capabilities ticked here: each adds its costs and multiplies the inputs it names. With one ticked, the scenario starts from the baseline's inputs, then its own."}{" "}
        <button type="button" className="text-link-button" onClick={onCatalogue}>
          Change or add capabilities
        </button>
      </p>
      {listIssues.length > 0 && (
        <ul className="field-issues group-issues">
          {listIssues.map((issue, index) => (
            <li key={index} className={issue.severity === "error" ? "issue-error" : "issue-warning"}>
              <span className="issue-kind">{issue.severity === "error" ? "Error: " : "Note: "}</span>
              {issue.message}
            </li>
          ))}
        </ul>
      )}
      <ul className="capability-choices">
        {[...known, ...unknown].map((name) => {
          const view = views.get(name);
          const id = fieldId([...path, name]);
          const on = chosen.includes(name);
          return (
            <li key={name} className={`capability-choice${on ? " chosen" : ""}`}>
              <input
                type="checkbox"
                id={id}
                checked={on}
                onChange={(event) => toggle(name, event.target.checked)}
                aria-describedby={view ? `${id}-summary` : undefined}
              />
              <div className="capability-choice-text">
                <label htmlFor={id} className="capability-title">
                  {view?.label ?? name} <code className="capability-name">{name}</code>
                  {view?.own && <span className="tab-badge">{view.builtIn ? "customised" : "this file's"}</span>}
                  {!view && <span className="issue-error"> (not in the catalogue)</span>}
                </label>
                {view && <CapabilitySummary name={name} id={`${id}-summary`} />}
              </div>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

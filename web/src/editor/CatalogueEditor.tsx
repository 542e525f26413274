import { useMemo, useState } from "react";
import { type CaseData, getIn, isRecord, startsWith } from "../case/data-path.js";
import {
  addCapability,
  builtInCardsPrices,
  builtInHelp,
  builtInOf,
  capabilityNameProblem,
  capabilityNames,
  capabilityView,
  costKeys,
  costWords,
  customiseBuiltIn,
  type EffectTarget,
  effectLines,
  effectTargetHelp,
  effectTargetLabel,
  effectWords,
  nameFromLabel,
  ownCatalogue,
  removeCapability,
  scenariosUsing,
} from "../case/catalogue.js";
import { readerLabel, scenarioLabel } from "../case/field-labels.js";
import { caseFields, type Field, type GroupField, type NumberField, type TextField } from "../case/field-tree.js";
import { markEdit } from "../timing.js";
import { fieldId, issuesAt, useCaseValue, useEditor, useEditorApi } from "./editor-context.js";
import { GroupNote } from "./GroupNote.js";
import { QuantityInput } from "./QuantityInput.js";
import { TextInput } from "./SimpleInputs.js";

/** The fields of one catalogue entry, read from the schema (label, description, costs, effects). */
const entryFields: readonly Field[] = (() => {
  const field = caseFields.find((candidate) => candidate.key === "catalogue");
  return field?.kind === "map" ? field.entry : [];
})();
const textField = (key: string) => entryFields.find((field): field is TextField => field.key === key && field.kind === "text");
const costFields = costKeys.flatMap((key) => entryFields.filter((field): field is NumberField => field.key === key && field.kind === "number"));
const effectsGroup = entryFields.find((field): field is GroupField => field.key === "effects" && field.kind === "group");
const effectFields = (effectsGroup?.children ?? []).filter((field): field is NumberField => field.kind === "number");

/** A list of names for a message: “A”, “A” and “B”, “A”, “B” and “C”. */
function listed(items: readonly string[]): string {
  const quoted = items.map((item) => `“${item}”`);
  return quoted.length <= 1 ? (quoted[0] ?? "") : `${quoted.slice(0, -1).join(", ")} and ${quoted.at(-1)}`;
}

/**
 * The capability catalogue: the file's own capabilities, editable (label, description, costs and
 * effects), and the built-in ones, read-only until customised. Scenarios pick from it on their tabs.
 */
export function CatalogueEditor({ onReplace }: { onReplace: (data: CaseData) => void }) {
  const { data, issues } = useEditor();
  const own = Object.keys(ownCatalogue(data));
  const builtInOnly = capabilityNames(data).filter((name) => !own.includes(name));
  const [opened, setOpened] = useState<string | undefined>();
  // A text: the cards' built-in prices taken unconverted, worked out again only when the case changes.
  const builtInPrices = useMemo(() => builtInCardsPrices(data, builtInOnly), [data]);
  const listIssues = issuesAt(issues, ["catalogue"]).filter((issue) => issue.path.length === 1);

  return (
    <div className="catalogue-panel">
      <p className="panel-intro">
        A capability is a tool or a way of working a scenario can take on: it costs set-up hours and fees, and multiplies some of the inputs (0.7 = 30% less).
        Tick capabilities on a scenario&apos;s tab; the values here apply to every scenario that ticks them.
      </p>
      {listIssues.map((issue, index) => (
        <p key={index} className="field-issues issue-error">
          {issue.message}
        </p>
      ))}
      <section className="catalogue-section" aria-labelledby="own-capabilities-heading">
        <h3 id="own-capabilities-heading" className="catalogue-heading">
          Capabilities of this file
        </h3>
        {own.length === 0 && <p className="empty-note">None yet: add one below, or customise a built-in one.</p>}
        {own.map((name) => (
          // A few capabilities of the file start open, ready to edit; a long list starts folded.
          <OwnCapability key={name} name={name} startOpen={name === opened || own.length <= 3} onReplace={onReplace} />
        ))}
        <AddCapability
          onAdd={(name, label) => {
            markEdit();
            onReplace(addCapability(data, name, { label }));
            setOpened(name);
          }}
        />
      </section>
      <section className="catalogue-section" aria-labelledby="built-in-capabilities-heading">
        <h3 id="built-in-capabilities-heading" className="catalogue-heading">
          Built-in capabilities
        </h3>
        <p className="group-help">{builtInHelp(builtInPrices)}</p>
        <ul className="capability-cards">
          {builtInOnly.map((name) => {
            const view = capabilityView(data, name);
            if (!view) return null;
            return (
              <li key={name} className="capability-card">
                <h4 className="capability-title">
                  {view.label} <code className="capability-name">{name}</code>
                </h4>
                <p className="capability-description">{view.description}</p>
                <CapabilitySummary name={name} />
                <button
                  type="button"
                  className="small-button"
                  aria-label={`Customise “${view.label}”`}
                  onClick={() => {
                    markEdit();
                    onReplace(customiseBuiltIn(data, name));
                    setOpened(name);
                  }}
                >
                  Customise
                </button>
              </li>
            );
          })}
        </ul>
      </section>
    </div>
  );
}

/** A capability's costs and effects in plain words. */
export function CapabilitySummary({ name, id }: { name: string; id?: string }) {
  const { currency } = useEditorApi();
  // The catalogue alone decides what a capability costs and does: an edit elsewhere leaves this as it is.
  const catalogue = useCaseValue(["catalogue"]);
  const view = useMemo(() => capabilityView({ catalogue }, name), [catalogue, name]);
  if (!view) return null;
  const effects = effectLines(view.effects);
  return (
    <div className="capability-summary" id={id}>
      <p className="capability-costs">
        <span className="summary-key">Costs: </span>
        {costWords(view.costs, currency)}
      </p>
      <p className="capability-effects">
        <span className="summary-key">Effects: </span>
        {effects.length > 0 ? effects.join("; ") : "none"}
      </p>
    </div>
  );
}

function OwnCapability({ name, startOpen, onReplace }: { name: string; startOpen: boolean; onReplace: (data: CaseData) => void }) {
  const { data, issues, currency } = useEditor();
  const base = ["catalogue", name] as const;
  const view = capabilityView(data, name);
  const builtIn = builtInOf(name);
  const problems = issuesAt(issues, base);
  const hasError = problems.some((issue) => issue.severity === "error");
  const [open, setOpen] = useState(startOpen || hasError);
  const [refused, setRefused] = useState<string | undefined>();
  if (!view) return null;
  const own = getIn(data, base);
  const ownEffects = isRecord(own) && isRecord(own.effects) ? own.effects : {};
  const shownEffects = effectFields.filter((field) => field.key in view.effects);
  // Problems no box of the form shows (an unknown field, a whole entry of the wrong type) are listed at its top.
  const shownPaths = [["label"], ["description"], ["note"], ...costKeys.map((key) => [key]), ...shownEffects.map((field) => ["effects", field.key])];
  const entryIssues = problems.filter((issue) => !shownPaths.some((path) => startsWith(issue.path.slice(base.length), path)));
  const label = textField("label");
  const description = textField("description");

  const remove = () => {
    const users = scenariosUsing(data, name);
    if (builtIn || users.length === 0) {
      markEdit();
      onReplace(removeCapability(data, name, false));
      return;
    }
    const who = listed(users.map((scenario) => scenarioLabel(data, scenario)));
    if (!window.confirm(`“${view.label}” is ticked in ${who}. Delete it and take it out of ${users.length === 1 ? "that scenario" : "those scenarios"}?`)) {
      setRefused(`Not deleted: ${who} ${users.length === 1 ? "uses" : "use"} it. Untick it there first, or delete it again and confirm.`);
      return;
    }
    markEdit();
    onReplace(removeCapability(data, name, true));
  };

  return (
    <details className={`capability${hasError ? " has-error" : ""}`} open={open || hasError} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary id={fieldId(base)}>
        <span className="capability-title">
          {view.label} <code className="capability-name">{name}</code>
          {builtIn && <span className="tab-badge">customised</span>}
          {hasError && <span className="section-flag"> · has a problem</span>}
        </span>
        <span className="capability-costs">{costWords(view.costs, currency)}</span>
      </summary>
      {(open || hasError) && (
        <div className="capability-body">
          {entryIssues.map((issue, index) => (
            <p key={index} className="field-issues issue-error">
              {issue.message}
            </p>
          ))}
          {builtIn && <p className="group-help">Customises the built-in “{builtIn.label}”: an empty box uses the built-in value.</p>}
          {label && <TextInput field={label} base={base} label={readerLabel} />}
          {description && <TextInput field={description} base={base} />}
          <fieldset className="group">
            <legend>Costs</legend>
            {costFields.map((field) => (
              <QuantityInput
                key={field.key}
                field={field}
                base={base}
                {...(builtIn ? { inheritFrom: { value: builtIn[field.key as (typeof costKeys)[number]], from: "built-in" } } : {})}
              />
            ))}
          </fieldset>
          <fieldset className="group">
            <legend>Effects on the inputs</legend>
            <p className="group-help">
              Each effect multiplies an input of every scenario that ticks this capability (0.7 = 30% less, 1.2 = 20% more); an input a scenario states itself
              is not changed.
            </p>
            {shownEffects.length === 0 && <p className="empty-note">No effect yet: add one below.</p>}
            {shownEffects.map((field) => {
              const target = field.key as EffectTarget;
              const fromBuiltIn = builtIn?.effects[target];
              const written = target in ownEffects;
              return (
                <div className="effect-row" key={target}>
                  <QuantityInput field={field} base={base} {...(fromBuiltIn !== undefined ? { inheritFrom: { value: fromBuiltIn, from: "built-in" } } : {})} />
                  <p className="effect-words">
                    {effectTargetLabel(target)}: {effectWords(view.effects[target])}
                  </p>
                  {written && fromBuiltIn === undefined && (
                    <button
                      type="button"
                      className="small-button"
                      aria-label={`Remove the effect on ${effectTargetLabel(target).toLowerCase()}`}
                      onClick={() => {
                        markEdit();
                        onReplace(removeEffect(data, name, target));
                      }}
                    >
                      Remove effect
                    </button>
                  )}
                </div>
              );
            })}
            <AddEffect name={name} taken={Object.keys(view.effects)} onReplace={onReplace} />
          </fieldset>
          <GroupNote path={[...base, "note"]} title={`the capability “${view.label}”`} />
          <div className="capability-actions">
            <button type="button" className="small-button danger" onClick={remove}>
              {builtIn ? "Use the built-in values again" : `Delete “${view.label}”`}
            </button>
            {refused && (
              <p className="field-issues issue-error" role="alert">
                {refused}
              </p>
            )}
          </div>
        </div>
      )}
    </details>
  );
}

function removeEffect(data: CaseData, name: string, target: EffectTarget): CaseData {
  const effects = getIn(data, ["catalogue", name, "effects"]);
  if (!isRecord(effects)) return data;
  const { [target]: _removed, ...rest } = effects;
  const entry = getIn(data, ["catalogue", name]);
  if (!isRecord(entry)) return data;
  const { effects: _old, ...others } = entry;
  const next = Object.keys(rest).length > 0 ? { ...others, effects: rest } : others;
  return { ...data, catalogue: { ...(data.catalogue as Record<string, unknown>), [name]: next } };
}

/** A multiplier typed in the add row, or why it cannot be used. */
function readMultiplier(text: string): { value?: number; problem?: string } {
  const trimmed = text.trim().replace(",", ".");
  if (trimmed === "") return {};
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return { problem: "a multiplier is a number, e.g. 0.7" };
  if (value < 0 || value > 10) return { problem: "allowed: a multiplier between 0 and 10" };
  return { value };
}

function AddEffect({ name, taken, onReplace }: { name: string; taken: readonly string[]; onReplace: (data: CaseData) => void }) {
  const { data } = useEditor();
  const free = effectFields.filter((field) => !taken.includes(field.key));
  const [target, setTarget] = useState("");
  const [factor, setFactor] = useState("");
  const id = fieldId(["catalogue", name, "(new effect)"]);
  const read = readMultiplier(factor);
  const chosen = free.find((field) => field.key === target);
  if (free.length === 0) return null;
  const add = () => {
    if (!chosen || read.value === undefined) return;
    markEdit();
    const effects = getIn(data, ["catalogue", name, "effects"]);
    const entry = getIn(data, ["catalogue", name]);
    onReplace({
      ...data,
      catalogue: {
        ...(data.catalogue as Record<string, unknown>),
        [name]: { ...(isRecord(entry) ? entry : {}), effects: { ...(isRecord(effects) ? effects : {}), [chosen.key]: read.value } },
      },
    });
    setTarget("");
    setFactor("");
  };
  return (
    <div className="add-effect" role="group" aria-label="Add an effect">
      <div className="field field-choice">
        <label htmlFor={`${id}-target`} className="field-label">
          Add an effect on
        </label>
        <select id={`${id}-target`} value={target} onChange={(event) => setTarget(event.target.value)}>
          <option value="">choose the input it changes</option>
          {free.map((field) => (
            <option key={field.key} value={field.key}>
              {effectTargetLabel(field.key as EffectTarget)}
            </option>
          ))}
        </select>
      </div>
      <div className={`field field-number${read.problem ? " has-error" : ""}`}>
        <label htmlFor={`${id}-factor`} className="field-label">
          Multiplier
        </label>
        <div className="field-row">
          <input
            id={`${id}-factor`}
            className="number-box"
            type="text"
            inputMode="decimal"
            autoComplete="off"
            placeholder="e.g. 0.7"
            value={factor}
            aria-invalid={read.problem ? true : undefined}
            aria-describedby={`${id}-factor-help`}
            onChange={(event) => setFactor(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === "Enter") {
                event.preventDefault();
                add();
              }
            }}
          />
          <span className="field-hint">{read.value !== undefined ? effectWords(read.value) : ""}</span>
        </div>
      </div>
      <button type="button" className="small-button" onClick={add} disabled={!chosen || read.value === undefined}>
        Add effect
      </button>
      <p className={`field-help${read.problem ? " issue-error" : ""}`} id={`${id}-factor-help`}>
        {read.problem ??
          (chosen
            ? `${effectTargetLabel(chosen.key as EffectTarget)}: ${effectTargetHelp(chosen.key as EffectTarget)}`
            : "Choose the input it changes, then its multiplier: 0.7 = 30% less, 1.2 = 20% more.")}
      </p>
    </div>
  );
}

function AddCapability({ onAdd }: { onAdd: (name: string, label: string) => void }) {
  const { data } = useEditor();
  const [label, setLabel] = useState("");
  const [name, setName] = useState("");
  const id = fieldId(["catalogue", "(new)"]);
  const wanted = name.trim() !== "" ? name.trim() : nameFromLabel(label);
  const problem =
    label.trim() === "" && name.trim() === "" ? undefined : label.trim() === "" ? "a capability needs a label" : capabilityNameProblem(data, wanted);
  const add = () => {
    if (label.trim() === "" || problem !== undefined) return;
    onAdd(wanted, label.trim());
    setLabel("");
    setName("");
  };
  return (
    <form
      className="add-capability"
      aria-label="Add a capability"
      onSubmit={(event) => {
        event.preventDefault();
        add();
      }}
    >
      <div className="field field-text">
        <label htmlFor={`${id}-label`} className="field-label">
          New capability
        </label>
        <input
          id={`${id}-label`}
          type="text"
          autoComplete="off"
          maxLength={200}
          placeholder="e.g. Feature store"
          value={label}
          onChange={(event) => setLabel(event.target.value)}
          aria-describedby={problem ? `${id}-problem` : undefined}
        />
      </div>
      <div className="field field-text">
        <label htmlFor={`${id}-name`} className="field-label">
          Name in the file
        </label>
        <input
          id={`${id}-name`}
          type="text"
          autoComplete="off"
          maxLength={80}
          placeholder={nameFromLabel(label) || "from the label"}
          value={name}
          onChange={(event) => setName(event.target.value)}
          aria-describedby={problem ? `${id}-problem` : undefined}
        />
      </div>
      <button type="submit" className="small-button" disabled={label.trim() === "" || problem !== undefined}>
        Add capability
      </button>
      {problem && (
        <p className="field-issues issue-error" id={`${id}-problem`}>
          {problem}
        </p>
      )}
    </form>
  );
}

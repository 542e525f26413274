import { useState } from "react";
import type { InputUnit } from "../../../src/format/input-description.js";
import { getIn, type DataPath } from "../case/data-path.js";
import type { NumberField } from "../case/field-tree.js";
import { readQuantity, toPoint, toRange, writeQuantity, type QuantityForm } from "../case/quantity-form.js";
import { formatNumberAsGiven, formatShare } from "../format.js";
import { markEdit } from "../timing.js";
import { describedBy, FieldMessages } from "./FieldMessages.js";
import { fieldId, issuesAt, useCaseSelect, useCaseValue, useEditorApi } from "./editor-context.js";
import { NumberText } from "./NumberText.js";

/**
 * The unit written after the box; a share's or rate's bounds are the field's own (`max`: the
 * contingency allows up to 5, "share (0–5)", as its "Allowed:" line says).
 * @example unitText("share", "EUR") // "share (0–1)" ; unitText("share", "EUR", 5) // "share (0–5)"
 */
export function unitText(unit: InputUnit, currency: string, max = 1): string {
  switch (unit) {
    case "money":
      return currency;
    case "share":
      return `share (0–${max})`;
    case "rate":
      return `a year (0–${max})`;
    case "month":
      return "month number";
    case "factor":
      return "× (multiplier)";
    case "count":
      return "";
    case "hours":
    case "minutes":
    case "weeks":
    case "months":
    case "people":
      return unit;
    default:
      return unit satisfies never;
  }
}

/**
 * A number as a reader reads it in a sentence: the whole part grouped by thousands (108,020), the
 * decimals exactly as typed (0.08, 1234.5 → 1,234.5), as every view quotes a number given
 * (formatNumberAsGiven). A small one is written out (1e-7 as 0.0000001); from 1e21 up it keeps JavaScript's form (1e+21).
 */
export function readableNumber(value: number): string {
  return formatNumberAsGiven(value);
}

/** A value as the page shows it inline: a number, a range or a distribution's name. */
export function shortValue(raw: unknown): string | undefined {
  const form = readQuantity(raw);
  if (form.kind === "point") return typeof form.value === "number" ? readableNumber(form.value) : undefined;
  const part = (value: unknown) => (typeof value === "number" ? readableNumber(value) : String(value));
  if (form.kind === "range") return `${part(form.low)}–${part(form.high)}`;
  return String(form.parameters.distribution);
}

/** Each field's help, worked out once: the fields are fixed, and every input is drawn again at each keystroke. */
const helpTexts = new WeakMap<NumberField, string>();

/** The schema's help and what is allowed, without saying the same thing twice. */
export function helpText(field: NumberField): string {
  let text = helpTexts.get(field);
  if (text === undefined) helpTexts.set(field, (text = helpTextOf(field)));
  return text;
}

function helpTextOf(field: NumberField): string {
  const allowed = field.allowed.replace(/\.+$/, "");
  const plain = (text: string) =>
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, " ")
      .trim();
  // The report's label often says exactly what the schema's description says.
  if (field.help === "" || plain(field.help) === plain(field.label)) return /^[A-Z]/.test(allowed) ? `${allowed}.` : `Allowed: ${allowed}.`;
  return `${field.help.replace(/\.*$/, ".")} Allowed: ${allowed}.`;
}

function pointValue(raw: unknown): unknown {
  const form = readQuantity(raw);
  return form.kind === "point" ? form.value : undefined;
}

function placeholderFor(field: NumberField, inherited: unknown): string {
  const shown = shortValue(inherited);
  if (shown !== undefined) return shown;
  if (field.fallback === undefined) return "";
  // The hour's cost is given either directly or from salary: neither box alone is required.
  if (Number.isNaN(field.fallback)) return field.path[0] === "team" && (field.path[1] === "salary" || field.path[1] === "hourlyCost") ? "" : "required";
  if (field.fallback === Number.POSITIVE_INFINITY) return "no limit";
  return `${field.fallback} if empty`;
}

/**
 * A share or rate typed in the box, as a percentage the way every view writes it (`formatShare`: to a
 * hundredth of a percent, never 0% for one that is not zero): 0.0825 is "= 8.25%", as `run` and the
 * report say it, not "= 8.3%".
 * @example percentHint("rate", 0.0825) // "= 8.25%" ; percentHint("share", 0.0004) // "= 0.04%"
 */
export function percentHint(unit: InputUnit, value: unknown): string | undefined {
  if ((unit === "share" || unit === "rate") && typeof value === "number" && Number.isFinite(value)) {
    return `= ${formatShare(value)}`;
  }
  return undefined;
}

interface Props {
  readonly field: NumberField;
  /** Where the field's group sits in the file, e.g. ["scenarios", "optimal"]. */
  readonly base: DataPath;
  /** Where an unset value is inherited from (the shared inputs), if anywhere. */
  readonly inheritBase?: DataPath;
  /** Label override (chores are named by the user). */
  readonly label?: string;
  /** An unset value inherited from elsewhere than the file (a built-in capability's value), and what to call it. */
  readonly inheritFrom?: { readonly value: unknown; readonly from: string };
}

/**
 * One number of the case: a box with its unit and help, a switch between a point and a range
 * (when the engine reads ranges), a note, and the problems found in it.
 */
export function QuantityInput({ field, base, inheritBase, label, inheritFrom }: Props) {
  const { issues, set, rangesEnabled, currency } = useEditorApi();
  const path = [...base, ...field.path];
  const id = fieldId(path);
  const raw = useCaseValue(path);
  const form = readQuantity(raw);
  const shared = useCaseSelect((data) => (inheritBase ? getIn(data, [...inheritBase, ...field.path]) : undefined));
  const inherited = inheritFrom ? inheritFrom.value : shared;
  // A value written equal to the built-in one needs no "use the built-in" button or line.
  const inherits = inheritBase !== undefined || (inheritFrom !== undefined && JSON.stringify(raw) !== JSON.stringify(inheritFrom.value));
  const from = inheritFrom?.from ?? "shared";
  const problems = issuesAt(issues, path);
  const hasError = problems.some((issue) => issue.severity === "error");
  const [noteOpen, setNoteOpen] = useState(false);
  const showNote = field.quantity && (noteOpen || form.note !== undefined);
  const unit = unitText(field.unit, currency, field.max);
  const inheritedText = shortValue(inherited);
  const help = helpText(field);
  const description = describedBy(id, help, problems);
  const write = (next: QuantityForm) => {
    markEdit();
    set(path, writeQuantity(next));
  };
  const canRange = field.quantity && (rangesEnabled || form.kind !== "point");

  return (
    <div className={`field field-number${hasError ? " has-error" : ""}`}>
      <div className="field-head">
        <label htmlFor={form.kind === "point" ? id : `${id}-low`} className="field-label">
          {label ?? field.label}
        </label>
        {unit !== "" && <span className="field-unit">{unit}</span>}
      </div>
      <div className="field-row">
        {form.kind === "point" && (
          <NumberText
            id={id}
            className="number-box"
            value={form.value}
            integer={field.integer}
            placeholder={placeholderFor(field, inherited)}
            aria-invalid={hasError || undefined}
            aria-describedby={description}
            onValue={(value) => write({ ...form, value })}
          />
        )}
        {form.kind === "range" && (
          <span className="range-boxes" role="group" aria-label={`${label ?? field.label}: range`}>
            <span className="range-part">
              <label htmlFor={`${id}-low`} className="range-label">
                low
              </label>
              <NumberText
                id={`${id}-low`}
                className="number-box"
                value={form.low}
                aria-invalid={hasError || undefined}
                aria-describedby={description}
                onValue={(low) => write({ ...form, low })}
              />
            </span>
            <span aria-hidden="true">–</span>
            <span className="range-part">
              <label htmlFor={`${id}-high`} className="range-label">
                high
              </label>
              <NumberText
                id={`${id}-high`}
                className="number-box"
                value={form.high}
                aria-invalid={hasError || undefined}
                aria-describedby={description}
                onValue={(high) => write({ ...form, high })}
              />
            </span>
          </span>
        )}
        {form.kind === "distribution" && (
          <span className="range-boxes" role="group" aria-label={`${label ?? field.label}: ${String(form.parameters.distribution)} distribution`}>
            <span className="range-label">{String(form.parameters.distribution)}</span>
            {Object.entries(form.parameters)
              .filter(([key]) => key !== "distribution")
              .map(([key, value]) => (
                <span className="range-part" key={key}>
                  <label htmlFor={`${id}-${key}`} className="range-label">
                    {key}
                  </label>
                  <NumberText
                    id={`${id}-${key}`}
                    className="number-box"
                    value={value}
                    aria-invalid={hasError || undefined}
                    aria-describedby={description}
                    onValue={(next) => write({ ...form, parameters: { ...form.parameters, [key]: next } })}
                  />
                </span>
              ))}
          </span>
        )}
        {form.kind === "point" && <span className="field-hint">{percentHint(field.unit, raw === undefined ? pointValue(inherited) : form.value)}</span>}
        <span className="field-actions">
          {canRange && (
            <button
              type="button"
              className="small-button"
              aria-pressed={form.kind !== "point"}
              // Named for its field: a list of a page's buttons read "Range", "Range", "Range".
              aria-label={`Range for ${label ?? field.label}`}
              onClick={() => write(form.kind === "point" ? toRange(form, pointValue(inherited)) : toPoint(form))}
            >
              Range
            </button>
          )}
          {field.quantity && (form.note === undefined || form.note === "") && (
            <button
              type="button"
              className="small-button"
              aria-expanded={showNote}
              aria-controls={showNote ? `${id}-note` : undefined}
              onClick={() => setNoteOpen(!showNote)}
            >
              Note
            </button>
          )}
          {raw !== undefined && inherits && inheritedText !== undefined && (
            <button
              type="button"
              className="small-button"
              onClick={() => write({ kind: "point", value: undefined })}
              aria-label={`${label ?? field.label}: use the ${from} value ${inheritedText}`}
            >
              Use {from}
            </button>
          )}
        </span>
      </div>
      <FieldMessages id={id} help={help} issues={problems} label={label ?? field.label} />
      {inherits && inheritedText !== undefined && (
        <p className="field-inherited">
          {inheritFrom !== undefined
            ? raw === undefined
              ? `The ${from} value ${inheritedText} applies; type to change it.`
              : `The ${from} value: ${inheritedText}.`
            : raw === undefined
              ? `Shared value ${inheritedText} applies; type to change it for this scenario only.`
              : `Shared value: ${inheritedText}.`}
        </p>
      )}
      {showNote && (
        <div className="field-note">
          <label htmlFor={`${id}-note`} className="note-label">
            Note<span className="visually-hidden"> on “{label ?? field.label}”</span>
          </label>
          <textarea
            id={`${id}-note`}
            rows={2}
            value={form.note ?? ""}
            placeholder="Where the number comes from; shown in the report's assumptions"
            onChange={(event) => write({ ...form, note: event.target.value })}
          />
        </div>
      )}
    </div>
  );
}

import type { Evaluation } from "../case/evaluate.js";

/** The case as it was when an edit began, and the field it began in ("People in the team: 6"), when known. */
export interface EditStart {
  readonly evaluation: Evaluation;
  readonly field: string | undefined;
}

/**
 * Which figures the page shows while the case has an error: those of the case as it was when the
 * edit began (a field got focus or was pressed), not those of the last keystroke without an error.
 * Typed one key at a time, "1e400" passes through "1e4", a valid case of 10,000 people, whose
 * figures would otherwise stay on screen under the error; "60,5" through "60".
 * An edit can begin before the figures of the case as it then stands have come (a large case is
 * worked out in the worker, and the edit before may still be on its way): its figures are then
 * worked out from that case itself when they are first needed, never taken from an older case that
 * the field's note ("People in the team: 3.2–50") would not describe.
 * @example const figures = new FiguresBeforeEdit(evaluateCase); figures.see(six, caseOfSix); figures.start("People in the team: 6", caseOfSix); figures.see(broken, brokenCase); figures.shown() // six
 */
export class FiguresBeforeEdit {
  private current: Evaluation | undefined;
  /** The case `current` is the evaluation of. */
  private currentOf: unknown;
  private lastGood: Evaluation | undefined;
  private atStart: EditStart | undefined;
  /** An edit begun on a case whose figures had not come yet: that case, and the field. */
  private pendingStart: { readonly of: unknown; readonly field: string | undefined } | undefined;

  /** `evaluate` works out the figures of a case whose edit began before they came (`start`). */
  constructor(private readonly evaluate?: (data: unknown) => Evaluation) {}

  /** The evaluation of the case as it now stands (`of`, when known). */
  see(evaluation: Evaluation | undefined, of?: unknown): void {
    this.current = evaluation;
    this.currentOf = of;
    if (evaluation?.result) this.lastGood = evaluation;
    if (this.pendingStart !== undefined && of !== undefined && of === this.pendingStart.of) {
      if (evaluation?.result) this.atStart = { evaluation, field: this.pendingStart.field };
      this.pendingStart = undefined;
    }
  }

  /**
   * An edit begins in `field`, on the case `of`: the case as it stands is kept, unless it has an error
   * itself (then the one kept before stays). When its figures have not come yet, they are worked out
   * when first needed.
   */
  start(field: string | undefined, of?: unknown): void {
    if (of !== undefined && of !== this.currentOf && this.evaluate) {
      this.pendingStart = { of, field };
      return;
    }
    this.pendingStart = undefined;
    if (this.current?.result) this.atStart = { evaluation: this.current, field };
  }

  /** Another case is opened: nothing of the one before is shown under its name. */
  forget(): void {
    this.current = undefined;
    this.currentOf = undefined;
    this.lastGood = undefined;
    this.atStart = undefined;
    this.pendingStart = undefined;
  }

  /** The case's own figures when it has no error; else those from before the edit (or, with no edit begun, the last without errors). */
  shown(): Evaluation | undefined {
    if (this.current?.result) return this.current;
    this.settlePending();
    return this.atStart?.evaluation ?? this.lastGood;
  }

  /** The field whose edit began from the figures shown, while the case has an error. */
  shownBefore(): string | undefined {
    if (this.current?.result) return undefined;
    this.settlePending();
    return this.atStart?.field;
  }

  /** The figures of an edit begun before they came, worked out now that they are needed. */
  private settlePending(): void {
    const pending = this.pendingStart;
    if (pending === undefined || !this.evaluate) return;
    this.pendingStart = undefined;
    const evaluation = this.evaluate(pending.of);
    if (evaluation.result) this.atStart = { evaluation, field: pending.field };
  }
}

/**
 * The field an element of the editor belongs to, with its value as its boxes show it: "People in the
 * team: 6", "Upkeep hours a month for each live project: 5–10" (a range's boxes), "…: empty".
 * The label alone for a field without a box; undefined for an element outside a field (a tab, a button of the scenario).
 */
export function describeFieldAt(element: Element): string | undefined {
  const field = element.closest(".field");
  const label = field?.querySelector(".field-label")?.textContent?.trim();
  if (!field || !label) return undefined;
  const first = field.querySelector<HTMLInputElement | HTMLSelectElement>("input[type=text], select");
  if (!first) return label;
  const range = first.closest(".range-boxes");
  const shown = range ? [...range.querySelectorAll<HTMLInputElement>("input")].map((box) => box.value.trim()).join("–") : first.value.trim();
  const value = shown === "" || shown === "–" ? "empty" : shown.length > 40 ? `${shown.slice(0, 39)}…` : shown;
  return `${label}: ${value}`;
}

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
 * @example const figures = new FiguresBeforeEdit(); figures.see(six); figures.start("People in the team: 6"); figures.see(broken); figures.shown() // six
 */
export class FiguresBeforeEdit {
  private current: Evaluation | undefined;
  private lastGood: Evaluation | undefined;
  private atStart: EditStart | undefined;

  /** The evaluation of the case as it now stands. */
  see(evaluation: Evaluation | undefined): void {
    this.current = evaluation;
    if (evaluation?.result) this.lastGood = evaluation;
  }

  /** An edit begins in `field`: the case as it stands is kept, unless it has an error itself (then the one kept before stays). */
  start(field: string | undefined): void {
    if (this.current?.result) this.atStart = { evaluation: this.current, field };
  }

  /** Another case is opened: nothing of the one before is shown under its name. */
  forget(): void {
    this.current = undefined;
    this.lastGood = undefined;
    this.atStart = undefined;
  }

  /** The case's own figures when it has no error; else those from before the edit (or, with no edit begun, the last without errors). */
  shown(): Evaluation | undefined {
    if (this.current?.result) return this.current;
    return this.atStart?.evaluation ?? this.lastGood;
  }

  /** The field whose edit began from the figures shown, while the case has an error. */
  shownBefore(): string | undefined {
    return this.current?.result ? undefined : this.atStart?.field;
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

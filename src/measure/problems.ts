/**
 * What the measuring code returns: a value, or every problem found, each naming the record it is
 * about ("workflow_runs[17].created_at", "line 12, column created_on") so the user can find it.
 */

export interface Problem {
  /** The record and field: a JSON path or a CSV line and column. */
  readonly record: string;
  readonly message: string;
}

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problems: readonly Problem[] };

/** At most this many problems are listed for one file; the count says how many there were. */
export const MAX_LISTED_PROBLEMS = 20;

export function failed<T>(problems: readonly Problem[]): Parsed<T> {
  return { ok: false, problems };
}

export function succeeded<T>(value: T): Parsed<T> {
  return { ok: true, value };
}

/** A value quoted for a message: short, on one line. */
export function quoted(value: unknown): string {
  const text = typeof value === "string" ? `'${value}'` : (JSON.stringify(value) ?? String(value));
  return text.length > 60 ? `${text.slice(0, 57)}...` : text.replace(/[\r\n]/g, " ");
}

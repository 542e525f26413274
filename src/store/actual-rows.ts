import { actualFields, type ActualField, type ActualMonth, type ActualValues } from "../shared/actual-fields.js";

/**
 * Months of actuals to write, read one at a time by position: a list of `ActualMonth` (`track
 * add`), or the columns of a CSV import (`ActualColumns`), which holds 100,000 months without an
 * object and 21 boxed numbers for each.
 */
export interface ActualRows {
  readonly length: number;
  team(row: number): string;
  month(row: number): number;
  /** The row's value of `actualFields[field]`; null when it was not recorded. */
  value(row: number, field: number): number | null;
  note(row: number): string | undefined;
  source(row: number): string | undefined;
  /** The row's line in the file it was read from; undefined for a row that comes from no file (`track add`). */
  line(row: number): number | undefined;
}

/** A list of months as `ActualRows`. */
export function monthRows(months: readonly ActualMonth[]): ActualRows {
  return {
    length: months.length,
    team: (row) => months[row]!.team,
    month: (row) => months[row]!.month,
    value: (row, field) => months[row]!.values[actualFields[field]!] ?? null,
    note: (row) => months[row]!.note,
    source: (row) => months[row]!.source,
    line: () => undefined,
  };
}

/**
 * The checked rows of a CSV of actuals, column by column: each row's team, month, line, note, and
 * its measures as numbers in `actualFields` order (NaN where a cell was empty). A row's source is
 * "import FILE line N", made when it is asked for.
 */
export class ActualColumns implements ActualRows {
  private readonly teams: string[] = [];
  private readonly months: number[] = [];
  private readonly lines: number[] = [];
  private readonly notes: (string | undefined)[] = [];
  /** Row after row, `actualFields.length` numbers each; room for more rows, doubled when full. */
  private measures: Float64Array;

  /**
   * @param fileName shown in each row's source.
   * @param headerFields the measures the file holds, as indices into `actualFields`, in the order of its columns (a row's `values` keep that order).
   * @param expectedRows room to make at the start (e.g. the file's line count), so that a large file's measures are not copied as they grow.
   */
  constructor(
    private readonly fileName: string,
    private readonly headerFields: readonly number[],
    expectedRows = 256,
  ) {
    this.measures = new Float64Array(Math.max(1, expectedRows) * actualFields.length);
  }

  get length(): number {
    return this.teams.length;
  }

  /** Adds a checked row; `measures` holds a number for each of `actualFields` (NaN: not recorded) and is copied. An empty note is no note. */
  add(team: string, month: number, line: number, note: string | undefined, measures: Float64Array): void {
    this.teams.push(team);
    this.months.push(month);
    this.lines.push(line);
    this.notes.push(note ? note : undefined);
    const width = actualFields.length;
    const at = (this.teams.length - 1) * width;
    if (at + width > this.measures.length) {
      const larger = new Float64Array(this.measures.length * 2);
      larger.set(this.measures);
      this.measures = larger;
    }
    // A loop: for 21 numbers it is quicker than `set`.
    const into = this.measures;
    for (let field = 0; field < width; field++) into[at + field] = measures[field]!;
  }

  team(row: number): string {
    return this.teams[row]!;
  }

  month(row: number): number {
    return this.months[row]!;
  }

  value(row: number, field: number): number | null {
    const value = this.measures[row * actualFields.length + field]!;
    return Number.isNaN(value) ? null : value;
  }

  note(row: number): string | undefined {
    return this.notes[row];
  }

  source(row: number): string {
    return `import ${this.fileName} line ${this.lines[row]}`;
  }

  line(row: number): number {
    return this.lines[row]!;
  }

  /** The rows as `ActualMonth`s, each one's values in the file's column order. */
  toMonths(): ActualMonth[] {
    const months: ActualMonth[] = [];
    for (let row = 0; row < this.length; row++) {
      const values: ActualValues = {};
      for (const field of this.headerFields) {
        const value = this.value(row, field);
        if (value !== null) values[actualFields[field] as ActualField] = value;
      }
      const note = this.notes[row];
      const team = this.teams[row]!;
      const month = this.months[row]!;
      months.push(note ? { team, month, values, note, source: this.source(row) } : { team, month, values, source: this.source(row) });
    }
    return months;
  }
}

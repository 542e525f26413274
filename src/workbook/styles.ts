import { currencyDecimals, currencySymbol, inputMoneyDecimals, percentDecimals } from "../format/numbers.js";
import type { CellStyle } from "./excel.js";

/**
 * The look of the workbook. Inputs follow the financial-model habit a manager knows: blue numbers
 * on a pale yellow fill are typed by people; black numbers are worked out by formulas; grey italic
 * numbers are fixed by the scenario file's structure or are defaults the file does not set.
 */
const thin = { style: "thin" as const, color: { argb: "FFBFBFBF" } };
const font = { name: "Calibri", size: 11 };

export const colours = {
  inputFill: "FFFFF2CC",
  inputFont: "FF0000FF",
  headerFill: "FFE7E6E6",
  sectionFill: "FFDDEBF7",
  fixedFont: "FF7F7F7F",
  warningFill: "FFF8CBAD",
  goodFill: "FFC6EFCE",
} as const;

export const styles = {
  title: { font: { ...font, size: 15, bold: true } },
  subtitle: { font: { ...font, italic: true, color: { argb: "FF595959" } }, alignment: { wrapText: false } },
  header: {
    font: { ...font, bold: true },
    fill: { type: "pattern", pattern: "solid", fgColor: { argb: colours.headerFill } },
    border: { bottom: { style: "thin", color: { argb: "FF7F7F7F" } } },
    alignment: { vertical: "bottom", wrapText: true },
  },
  headerNumber: {
    font: { ...font, bold: true },
    fill: { type: "pattern", pattern: "solid", fgColor: { argb: colours.headerFill } },
    border: { bottom: { style: "thin", color: { argb: "FF7F7F7F" } } },
    alignment: { vertical: "bottom", horizontal: "right", wrapText: true },
  },
  section: { font: { ...font, bold: true }, fill: { type: "pattern", pattern: "solid", fgColor: { argb: colours.sectionFill } } },
  label: { font, alignment: { wrapText: false } },
  helperLabel: { font: { ...font, italic: true, color: { argb: colours.fixedFont } } },
  unit: { font: { ...font, color: { argb: "FF595959" } } },
  note: { font, alignment: { wrapText: true, vertical: "top" } },
  input: {
    font: { ...font, color: { argb: colours.inputFont } },
    fill: { type: "pattern", pattern: "solid", fgColor: { argb: colours.inputFill } },
    border: { top: thin, bottom: thin, left: thin, right: thin },
  },
  computed: { font, alignment: { horizontal: "right" } },
  keyFigure: { font: { ...font, bold: true }, alignment: { horizontal: "right" } },
  keyLabel: { font: { ...font, bold: true } },
  fixed: { font: { ...font, italic: true, color: { argb: colours.fixedFont } }, alignment: { horizontal: "right" } },
  fixedText: { font: { ...font, italic: true, color: { argb: colours.fixedFont } } },
} as const satisfies Record<string, CellStyle>;

export type StyleName = keyof typeof styles;

/** Number formats, spreadsheet syntax. */
export const formats = {
  hours: "#,##0.0",
  count: "#,##0",
  /** Grouped as `run` writes it: 1,367%, not 1367%. */
  share: "#,##0%",
  /** A rate or share the file gives, as written to a hundredth of a percent (8.25%, not 8.3%), as the text and `run` write it. */
  sharePrecise: "#,##0.0#%",
  /** A chance from samples, written as every view writes it: never a certainty the samples cannot show. */
  chance: '[>0.99]"over 99%";[<0.01]"under 1%";#,##0%',
  factor: "0.00",
  /** To a tenth, as page 1 writes live projects per person ("about 2.4"). */
  tenth: "#,##0.0",
  discountFactor: "0.000000",
  month: "0",
  yesNo: '"yes";"yes";"no"',
  /** A payback month; a percentile between months is shown to the nearest month, as `run` rounds it (below half: "from the start"). */
  payback: '[<0.5]"from the start";"month "0',
  backlog: '[>=1E+100]"no limit";#,##0',
  decimal: "#,##0.0##",
  text: "@",
  general: "General",
} as const;

/**
 * A money format in the case's currency, whole units (or `decimals` of them), negatives in red with a minus.
 * @example moneyFormat("EUR") // '"€"#,##0;[Red]-"€"#,##0' ; moneyFormat("EUR", 2) // '"€"#,##0.00;[Red]-"€"#,##0.00'
 */
export function moneyFormat(currency: string, decimals = 0): string {
  const key = `${currency} ${decimals}`;
  let format = moneyFormats.get(key);
  if (format === undefined) {
    // The symbol every view writes (an unknown code still reads well as letters: "XYZ 1,000").
    const symbol = currencySymbol(currency);
    const prefix = /^[A-Za-z]+$/.test(symbol) ? `"${symbol} "` : `"${symbol.replaceAll('"', "")}"`;
    const digits = decimals > 0 ? `#,##0.${"0".repeat(decimals)}` : "#,##0";
    format = `${prefix}${digits};[Red]-${prefix}${digits}`;
    moneyFormats.set(key, format);
  }
  return format;
}

/**
 * The money format of a rate the formulas multiply (an hour's cost, a month's fee, every money figure
 * the Inputs by scenario sheet gives the month sheets): to the currency's minor unit (`currencyDecimals`,
 * docs/numbers.md), so that a loaded rate of €58.75 reads €58.75, not the €59 that the hours beside it
 * would not multiply to; and, as the Assumptions sheet's inputs, a yen rate under JP¥100 with sen
 * keeps them (`inputMoneyDecimals`: JP¥0.40, not a JP¥0 that reads as free). `values`: the row's values.
 * @example rateMoneyFormat("EUR") // '"€"#,##0.00;[Red]-"€"#,##0.00' ; rateMoneyFormat("JPY", [3500]) // '"JP¥"#,##0;[Red]-"JP¥"#,##0'
 */
export function rateMoneyFormat(currency: string, values: readonly number[] = []): string {
  const decimals = Math.max(
    currencyDecimals(currency),
    ...values.filter((value) => Number.isFinite(value)).map((value) => inputMoneyDecimals(value, currency)),
  );
  return moneyFormat(currency, decimals);
}

const moneyFormats = new Map<string, string>();

/** What a number format adds to a number's digits, section by section (see `shownLength`). */
interface FormatSection {
  /** Characters of text and signs the section writes (a currency symbol, an explicit minus, "month "). */
  readonly literal: number;
  /** Whether it writes the number's digits at all ("yes", "no limit" do not). */
  readonly digits: boolean;
  readonly decimals: number;
  readonly grouped: boolean;
  readonly percent: boolean;
}

/** A number format's sections, and the most characters of text any of them writes. */
interface FormatSections {
  readonly sections: readonly FormatSection[];
  readonly widestLiteral: number;
}

/** By number format: a sheet sizes its columns by each of its hundreds of thousands of numbers, in a few dozen formats. */
const formatSections = new Map<string, FormatSections>();

function sectionsOf(numFmt: string): FormatSections {
  let known = formatSections.get(numFmt);
  if (known === undefined) {
    const sections = numFmt.split(";").map((section) => {
      const code = section.replace(/\[[^\]]*\]/g, "");
      const quoted = [...code.matchAll(/"([^"]*)"/g)].reduce((length, match) => length + match[1]!.length, 0);
      const bare = code.replace(/"[^"]*"/g, "");
      const point = bare.indexOf(".");
      return {
        literal: quoted + bare.replace(/[#0?,.%]/g, "").length,
        digits: /[#0?]/.test(bare),
        decimals: point < 0 ? 0 : (bare.slice(point + 1).match(/[#0?]/g)?.length ?? 0),
        grouped: bare.includes(","),
        percent: bare.includes("%"),
      };
    });
    known = { sections, widestLiteral: Math.max(...sections.map((each) => each.literal)) };
    formatSections.set(numFmt, known);
  }
  return known;
}

/**
 * About how many characters a number takes as a format shows it, to size a column so that it never
 * shows "###" (what a spreadsheet shows for a number its column cannot hold).
 * @example shownLength(-1234567.4, moneyFormat("USD")) // 14: "-US$1,234,567"
 */
export function shownLength(value: number, numFmt: string | undefined): number {
  if (numFmt === undefined || numFmt === "General" || numFmt === "") return Math.min(11, String(value).length);
  const { sections, widestLiteral } = sectionsOf(numFmt);
  const negative = value < 0 && sections.length > 1;
  const section = (negative ? sections[1] : sections[0])!;
  if (!section.digits) return widestLiteral;
  const scale = 10 ** section.decimals;
  const shown = Math.round(Math.abs(value) * (section.percent ? 100 : 1) * scale) / scale;
  const whole = shown < 1 ? 1 : Math.floor(Math.log10(shown)) + 1;
  const groups = section.grouped ? Math.floor((whole - 1) / 3) : 0;
  const minus = value < 0 && !negative ? 1 : 0;
  return widestLiteral + minus + whole + groups + (section.decimals > 0 ? section.decimals + 1 : 0);
}
/** By style name, then number format ("" for none). */
const sharedStyles = new Map<StyleName, Map<string, CellStyle>>();

/**
 * A style with a number format. One object per style and format, shared by every cell that has it
 * (a workbook has hundreds of thousands of cells and a few dozen styles): a cell whose font,
 * alignment or border is then changed on its own must first get its own copy with `ownStyle`, since
 * exceljs's setters change the style object in place.
 */
export function styled(name: StyleName, numFmt?: string): CellStyle {
  let byFormat = sharedStyles.get(name);
  if (byFormat === undefined) {
    byFormat = new Map();
    sharedStyles.set(name, byFormat);
  }
  const key = numFmt ?? "";
  let style = byFormat.get(key);
  if (style === undefined) {
    const base = structuredClone(styles[name]) as CellStyle;
    style = numFmt ? { ...base, numFmt } : base;
    byFormat.set(key, style);
  }
  return style;
}

const wrappingStyles = new Map<CellStyle, CellStyle>();

/**
 * A shared style (`styled`) whose text wraps onto more lines in its column: a label longer than its
 * column is wide. One object per style, as `styled` gives them.
 */
export function wrapping(style: CellStyle): CellStyle {
  let wrapped = wrappingStyles.get(style);
  if (wrapped === undefined) {
    wrapped = { ...style, alignment: { ...style.alignment, wrapText: true } };
    wrappingStyles.set(style, wrapped);
  }
  return wrapped;
}

/**
 * Gives a cell a style object of its own before one of its parts is changed (`cell.font = …`), so
 * that the change does not reach the other cells sharing the style (see `styled`).
 * @example ownStyle(cell).alignment = { wrapText: true }
 */
export function ownStyle<Cell extends { style: Partial<CellStyle> }>(cell: Cell): Cell {
  cell.style = { ...cell.style };
  return cell;
}

/**
 * The number format of a return on cost whose value is `share` when the workbook is written: whole
 * percents, with the decimals `run` and the report write it with where whole percents would read
 * "0%" or "-100%" for a share that is neither (docs/numbers.md, "How figures are written").
 * Negatives in red with a minus, as money is (`moneyFormat`).
 * @example percentFormat(0.874) // "#,##0%;[Red]-#,##0%" ; percentFormat(-0.99817) // "#,##0.0%;[Red]-#,##0.0%"
 */
export function percentFormat(share: number | null): string {
  const decimals = percentDecimals(share);
  const digits = decimals === 0 ? formats.share : `#,##0.${"0".repeat(decimals)}%`;
  // A loss in red, as the money beside it (a return of −40% read black beside a red −€11,000).
  return `${digits};[Red]-${digits}`;
}

/** The number format of a kind of figure. */
export function formatOf(
  kind: "hours" | "money" | "count" | "share" | "factor" | "tenth" | "discountFactor" | "month" | "text" | "yesNo",
  currency: string,
): string {
  switch (kind) {
    case "money":
      return moneyFormat(currency);
    case "hours":
      return formats.hours;
    case "count":
      return formats.count;
    case "share":
      return formats.share;
    case "factor":
      return formats.factor;
    case "tenth":
      return formats.tenth;
    case "discountFactor":
      return formats.discountFactor;
    case "month":
      return formats.month;
    case "yesNo":
      return formats.yesNo;
    case "text":
      return formats.general;
    default:
      return kind satisfies never;
  }
}

/**
 * Text widths for laying out charts in Node, where there is no canvas to measure with. Vega's own
 * fallback guesses 0.8 em a character, which truncates labels that would fit. These are Helvetica's
 * widths (thousandths of an em), scaled up a little because the report's system fonts (DejaVu Sans
 * on Linux, Segoe UI on Windows) run wider; erring wide keeps labels whole.
 */

const asciiWidths = [
  // space ! " # $ % & ' ( ) * + , - . /
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
  // 0–9
  556, 556, 556, 556, 556, 556, 556, 556, 556, 556,
  // : ; < = > ? @
  278, 278, 584, 584, 584, 556, 1015,
  // A–Z
  667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611,
  // [ \ ] ^ _ `
  278, 278, 278, 469, 556, 333,
  // a–z
  556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500,
  // { | } ~
  334, 260, 334, 584,
];

const otherWidths: Record<string, number> = {
  "€": 556,
  "£": 556,
  "“": 333,
  "”": 333,
  "‘": 222,
  "’": 222,
  "–": 556,
  "—": 1000,
  "…": 1000,
  "→": 1000,
  "×": 584,
  "−": 584,
};

/** How much wider the fonts actually used run than Helvetica. */
const SYSTEM_FONT_FACTOR = 1.2;
const BOLD_FACTOR = 1.08;

/**
 * The width in pixels of a line of text at a font size.
 * @example estimateTextWidth("Month", 11) // about 37
 */
export function estimateTextWidth(text: string, fontSize: number, bold = false): number {
  let units = 0;
  for (const character of text) {
    const code = character.charCodeAt(0);
    units += code >= 32 && code <= 126 ? asciiWidths[code - 32]! : (otherWidths[character] ?? 600);
  }
  return (units / 1000) * fontSize * SYSTEM_FONT_FACTOR * (bold ? BOLD_FACTOR : 1);
}

/**
 * How much wider than the regular estimate a bold title is taken to be when deciding where it wraps:
 * bold titles in the page's fonts (DejaVu Sans Bold on Linux) were measured about a third wider, and
 * erring towards a second line never cuts a title.
 */
const BOLD_WRAP_WIDER = 1.35;

/**
 * A label cut into lines no wider than `limit` pixels, at spaces (a word longer than the limit
 * keeps a line of its own; Vega shortens only that one). `bold`: a bold title (BOLD_WRAP_WIDER).
 * @example wrapLabel("What one live project earns or saves a month", 150, 11) // ["What one live project", "earns or saves a month"]
 */
export function wrapLabel(label: string, limit: number, fontSize: number, bold = false): string[] {
  const size = bold ? fontSize * BOLD_WRAP_WIDER : fontSize;
  const lines: string[] = [];
  let line = "";
  for (const word of label.split(" ").filter((part) => part !== "")) {
    const tried = line === "" ? word : `${line} ${word}`;
    if (line !== "" && estimateTextWidth(tried, size) > limit) {
      lines.push(line);
      line = word;
    } else line = tried;
  }
  if (line !== "") lines.push(line);
  return lines;
}

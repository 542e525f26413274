import { estimateTextWidth } from "./text-width.js";

/**
 * The payback marks of the money charts: a dashed rule at each payback month with its label, the
 * labels placed so that none runs off the plot, into another label, or across another label's rule.
 */

/** Room between a payback line and its label. */
export const PAYBACK_LABEL_GAP = 4;

/** The first label's top edge, below the plot's top. */
const FIRST_TOP = 4;

/** Height of a label's row: one line, or two when it is wrapped. */
const ROW_HEIGHT = { one: 15, two: 28 } as const;

/** Past this many labels, only a few stacking orders are tried instead of every one. */
const EVERY_ORDER_UP_TO = 6;

/** How wide a bold 11-px label is, as the charts measure text, and a little room. */
function boldLabelWidth(text: string): number {
  return estimateTextWidth(text, 11, true) + 4;
}

/** A payback label to place: its month and its text, which wraps after its colon ("Pays back:" / "month 14"). */
export interface PaybackLabel {
  month: number;
  text: string;
}

/** Where a label goes: its text (two lines when wrapped), the side of its rule, and its top edge in pixels. */
export interface PlacedPaybackLabel {
  text: string | string[];
  side: "left" | "right";
  top: number;
}

interface Candidate {
  text: string | string[];
  side: "left" | "right";
  from: number;
  to: number;
  height: number;
}

/** The ways one label can sit beside its rule, in order of preference; those that stay inside the plot first. */
function candidatesFor(label: PaybackLabel, lastMonth: number, width: number): Candidate[] {
  const at = (label.month / lastMonth) * width;
  const colon = label.text.indexOf(": ");
  const wrapped = colon > 0 ? [label.text.slice(0, colon + 1), label.text.slice(colon + 2)] : [label.text];
  const all: Candidate[] = [];
  for (const text of [label.text, wrapped]) {
    const wide = Math.max(...(typeof text === "string" ? [text] : text).map(boldLabelWidth));
    const height = typeof text === "string" ? ROW_HEIGHT.one : ROW_HEIGHT.two;
    all.push({ text, side: "right", from: at + PAYBACK_LABEL_GAP, to: at + PAYBACK_LABEL_GAP + wide, height });
    all.push({ text, side: "left", from: at - PAYBACK_LABEL_GAP - wide, to: at - PAYBACK_LABEL_GAP, height });
  }
  const inside = all.filter((candidate) => candidate.from >= 0 && candidate.to <= width);
  if (inside.length > 0) return inside;
  // Too wide for either side: two lines on the side with more room.
  const side = width - at >= at ? "right" : "left";
  return [all.find((candidate) => candidate.side === side && typeof candidate.text !== "string")!];
}

/** Every order of `count` items, the given order first; only a few orders when there are many. */
function ordersOf(count: number, months: readonly number[]): number[][] {
  const identity = [...Array(count).keys()];
  if (count > EVERY_ORDER_UP_TO) {
    const late = [...identity].sort((a, b) => months[b]! - months[a]!);
    return [identity, late, [...late].reverse()];
  }
  const out: number[][] = [];
  const walk = (prefix: number[], rest: number[]) => {
    if (rest.length === 0) out.push(prefix);
    for (const [index, next] of rest.entries()) walk([...prefix, next], [...rest.slice(0, index), ...rest.slice(index + 1)]);
  };
  walk([], identity);
  return out;
}

/**
 * Places the payback labels of one plot (`width` pixels for months 0 to `lastMonth`). Labels stack
 * down from the top edge, one row each, and each label's rule starts at its label's row, so a label
 * only needs to keep clear of the rules of the labels above it. Every stacking order is tried (a few,
 * past six labels); each label takes the first way that fits — one line right of its rule, then left,
 * then two lines right, then left — that crosses no rule above it. The order with the fewest crossings
 * wins, then the shortest stack, then the given order. Returned in the given order.
 * @example placePaybackLabels([{ month: 14, text: "Pays back: month 14" }, { month: 24, text: "Pays back: month 24" }], 36, 200)
 */
export function placePaybackLabels(labels: readonly PaybackLabel[], lastMonth: number, width: number): PlacedPaybackLabel[] {
  const candidates = labels.map((label) => candidatesFor(label, lastMonth, width));
  const ruleAt = labels.map((label) => (label.month / lastMonth) * width);
  let best: { crossings: number; height: number; placed: PlacedPaybackLabel[] } | undefined;
  for (const order of ordersOf(
    labels.length,
    labels.map((label) => label.month),
  )) {
    const placed: PlacedPaybackLabel[] = new Array(labels.length);
    const above: number[] = [];
    let top = FIRST_TOP;
    let crossings = 0;
    for (const index of order) {
      const clear = (candidate: Candidate) => !above.some((x) => x >= candidate.from - 1 && x <= candidate.to + 1);
      const choice = candidates[index]!.find(clear) ?? candidates[index]![0]!;
      if (!clear(choice)) crossings += 1;
      placed[index] = { text: choice.text, side: choice.side, top };
      top += choice.height;
      above.push(ruleAt[index]!);
    }
    if (!best || crossings < best.crossings || (crossings === best.crossings && top < best.height)) best = { crossings, height: top, placed };
    if (best.crossings === 0 && best.height === FIRST_TOP + ROW_HEIGHT.one * labels.length) break;
  }
  return best?.placed ?? [];
}

/** The "Pays back: month N" labels; `style` draws the white halo under the coloured text. */
function paybackLabels(paybacks: Record<string, unknown>[], style: Record<string, unknown>, colour?: Record<string, unknown>) {
  return {
    data: { values: paybacks },
    mark: {
      type: "text" as const,
      baseline: "top" as const,
      fontWeight: "bold" as const,
      align: { expr: "datum.side === 'left' ? 'right' : 'left'" },
      dx: { expr: `datum.side === 'left' ? -${PAYBACK_LABEL_GAP} : ${PAYBACK_LABEL_GAP}` },
      ...style,
    },
    encoding: {
      x: { field: "month", type: "quantitative" as const },
      y: { field: "top", type: "quantitative" as const, scale: null },
      text: { field: "text" },
      ...(colour ? { color: colour } : {}),
    },
  };
}

/**
 * The payback marks shared by the money charts: a dashed rule at each payback month, from its label's
 * row (field `top`) down to the month axis, and the label (fields `month`, `top`, `text`, `side`, as
 * `placePaybackLabels` gives them) with a white halo. `labelled: false` draws the rules alone, the
 * plot's whole height.
 */
export function paybackLayers(paybacks: Record<string, unknown>[], colour: Record<string, unknown>, { labelled = true } = {}) {
  if (paybacks.length === 0) return [];
  const rule = {
    data: { values: paybacks },
    mark: { type: "rule" as const, strokeDash: [5, 3], strokeWidth: 1.5 },
    encoding: {
      x: { field: "month", type: "quantitative" as const },
      ...(labelled ? { y: { field: "top", type: "quantitative" as const, scale: null }, y2: { value: "height" as const } } : {}),
      color: colour,
    },
  };
  if (!labelled) return [rule];
  return [rule, paybackLabels(paybacks, { stroke: "#ffffff", strokeWidth: 4, strokeJoin: "round", fill: "#ffffff" }), paybackLabels(paybacks, {}, colour)];
}

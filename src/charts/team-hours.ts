import type { TopLevelSpec } from "vega-lite";
import type { CaseResult, MonthRow } from "../engine/index.js";
import { scenarioLabels, scenarioOrder } from "./scenario-colours.js";
import { wrapLabel } from "./text-width.js";
import { chartConfig, PLOT_WIDTH, TEXT_COLOUR } from "./theme.js";

/** Where an hour goes, in the order the bars stack from the bottom, with plain names. */
export const hourUses = [
  { key: "upkeep", label: "Upkeep of live projects", colour: "#c44536", fields: ["upkeepHours"] },
  { key: "manual", label: "Manual chores", colour: "#e07a2e", fields: ["manualHours"] },
  { key: "waiting", label: "Waiting for jobs to finish", colour: "#e9b949", fields: ["waitingHours"] },
  { key: "meetings", label: "Meetings and hand-offs", colour: "#8e5ea2", fields: ["meetingHours"] },
  { key: "failures", label: "Fixing failures", colour: "#7b2d26", fields: ["breakageFixHours"] },
  { key: "turnover", label: "People leaving and joining", colour: "#9aa5b1", fields: ["vacancyHours", "rampUpHours", "knowledgeLossHours"] },
  { key: "change", label: "Making the change", colour: "#4d5d6b", fields: ["setupHours", "learningHours", "adoptionDipHours", "alongsideHours"] },
  { key: "building", label: "Building new projects", colour: "#1b6ca8", fields: ["buildHours"] },
  { key: "free", label: "Free hours", colour: "#9fd3c7", fields: ["idleHours"] },
] as const satisfies readonly { key: string; label: string; colour: string; fields: readonly (keyof MonthRow)[] }[];

/** Months between ticks, so labels stay readable from one year to twenty. */
export function monthStep(horizonMonths: number): number {
  return horizonMonths <= 12 ? 1 : horizonMonths <= 24 ? 3 : horizonMonths <= 72 ? 6 : 12;
}

/** Month ticks: 1, then every `monthStep` months. */
export function monthTicks(horizonMonths: number): number[] {
  const step = monthStep(horizonMonths);
  const ticks: number[] = [];
  for (let month = step === 1 ? 1 : step; month <= horizonMonths; month += step) ticks.push(month);
  if (step > 1) ticks.unshift(1);
  return ticks;
}

/** The hours a month gives to one use. */
function hoursOf(use: (typeof hourUses)[number], month: MonthRow): number {
  return use.fields.reduce((total, field) => total + month[field], 0);
}

/** Narrower than this, a month's bar gives way to bands a step a month. */
const MIN_BAR_PIXELS = 3;

/**
 * The rows of one scenario's bands: each use a band through every month (at no height where it
 * takes no hours), and the hours the team has. Drawn a step a month, a band changes height only
 * halfway between two months, so a run of months at the same height needs only its first and last
 * month: the rest are left out (a settled plan repeats one month for years; 240 months of 10
 * options were 26,000 rows, most of the report's chart time). What is drawn is the same.
 */
export function bandRows(
  months: readonly MonthRow[],
  option: string,
  used: readonly (typeof hourUses)[number][],
  /** false keeps every month: what the thinned rows are tested against. */
  thin = true,
): Record<string, string | number>[] {
  const rows: Record<string, string | number>[] = [];
  const count = months.length;
  /** Whether month `at` starts or ends a run of months with the same values. */
  const edge = (at: number, same: (a: number, b: number) => boolean) => !thin || at === 0 || at === count - 1 || !same(at, at - 1) || !same(at, at + 1);
  let from = new Float64Array(count);
  for (const use of used) {
    const hours = Float64Array.from(months, (month) => hoursOf(use, month));
    const to = Float64Array.from(hours, (value, at) => from[at]! + value);
    const below = from;
    for (let at = 0; at < count; at++) {
      if (!edge(at, (a, b) => below[a] === below[b] && to[a] === to[b])) continue;
      const month = months[at]!.month;
      rows.push({ kind: "use", option, month, start: month - 0.42, end: month + 0.42, use: use.label, from: below[at]!, to: to[at]!, hours: hours[at]! });
    }
    from = to;
  }
  for (let at = 0; at < count; at++) {
    if (!edge(at, (a, b) => months[a]!.capacityHours === months[b]!.capacityHours)) continue;
    const month = months[at]!;
    rows.push({ kind: "capacity", option, month: month.month, start: month.month - 0.5, end: month.month + 0.5, hours: month.capacityHours });
  }
  return rows;
}

/** The narrowest panel two a row may have; narrower, the panels go one under the other. */
const MIN_PANEL_WIDTH = 200;
/** What the chart takes besides its panels: the hours' axis, its title and the padding, erring wide ("3,000"). */
const AXIS_ROOM = 70;

/**
 * Where the team's hours go, month by month, one panel per scenario, two panels a row. Bars stack
 * every use of an hour; the dashed line is the hours the team has, so work above it is work that
 * cannot be done. Given `width`, the room the chart has in pixels, and too little of it for two
 * panels a row (a phone), the panels go one under the other, each as wide as the room allows,
 * rather than the whole chart, its text with it, being scaled down.
 * @example teamHoursSpec(result) // a Vega-Lite spec with one panel per scenario
 */
export function teamHoursSpec(result: CaseResult, options: { width?: number } = {}): TopLevelSpec {
  const labels = scenarioLabels(result);
  const order = scenarioOrder(result);
  const scenarios = order.map((name) => result.scenarios[name]!);
  const used = hourUses.filter((use) => scenarios.some((scenario) => scenario.months.some((month) => use.fields.some((field) => month[field] > 1e-9))));
  const spacing = { row: 10, column: 18 };
  // At least one small panel's width: a frame narrower than the axis (before it is laid out) draws one panel.
  const room = options.width !== undefined ? Math.max(MIN_PANEL_WIDTH, options.width - AXIS_ROOM) : PLOT_WIDTH;
  // Two panels a row (Today beside the first option, and so on), so four options fit half a page.
  const columns = scenarios.length >= 2 && room >= 2 * MIN_PANEL_WIDTH + spacing.column ? 2 : 1;
  const plotWidth = Math.min(PLOT_WIDTH, room);
  const panelWidth = columns === 1 ? plotWidth : Math.floor((plotWidth - spacing.column) / 2);
  // A long plan's months are too narrow for bars of their own: each use is then one band, a step a
  // month (the same hours, drawn as a few shapes instead of thousands of bars).
  const bands = panelWidth / result.horizonMonths < MIN_BAR_PIXELS;
  const rows: Record<string, string | number>[] = [];
  for (const scenario of scenarios) {
    const option = labels.get(scenario.name) ?? scenario.name;
    if (bands) {
      rows.push(...bandRows(scenario.months, option, used));
      continue;
    }
    for (const month of scenario.months) {
      let from = 0;
      for (const use of used) {
        const hours = hoursOf(use, month);
        if (hours <= 1e-9) continue;
        rows.push({
          kind: "use",
          option,
          month: month.month,
          start: month.month - 0.42,
          end: month.month + 0.42,
          use: use.label,
          from,
          to: from + hours,
          hours,
        });
        from += hours;
      }
      rows.push({ kind: "capacity", option, month: month.month, start: month.month - 0.5, end: month.month + 0.5, hours: month.capacityHours });
    }
  }
  const x = {
    field: "start",
    type: "quantitative" as const,
    // Under every panel: the numbers alone (the chart's caption says they are months), to keep it short.
    title: null,
    scale: { domain: [0.5, result.horizonMonths + 0.5], nice: false, zero: false },
    axis: { values: monthTicks(result.horizonMonths), format: "d", grid: false },
  };
  const names = order.map((name) => labels.get(name) ?? name);
  // A long option name takes two lines above its panel rather than being cut (bold 11 px titles).
  const titleLines = Object.fromEntries(names.map((name) => [name, wrapLabel(name, panelWidth, 11, true)]));
  const wraps = Object.values(titleLines).some((lines) => lines.length > 1);
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    config: chartConfig(result.currency),
    data: { values: rows },
    facet: {
      field: "option",
      type: "nominal",
      sort: names,
      title: null,
      header: {
        labelAngle: 0,
        labelOrient: "top",
        labelAnchor: "start",
        labelFontWeight: "bold",
        labelPadding: 4,
        labelLimit: panelWidth,
        ...(wraps ? { labelExpr: `${JSON.stringify(titleLines)}[datum.value] || datum.value`, labelLineHeight: 13 } : {}),
      },
    },
    columns,
    spacing,
    // Each panel its own month axis: with an odd number of options a shared one was drawn under the
    // empty place beside the last panel, as if a panel were missing.
    resolve: { axis: { x: "independent" } },
    spec: {
      width: panelWidth,
      height: 90,
      layer: [
        {
          transform: [{ filter: "datum.kind === 'use'" }],
          mark: bands ? { type: "area", interpolate: "step" } : { type: "rect" },
          encoding: {
            ...(bands ? { x: { ...x, field: "month" } } : { x, x2: { field: "end" } }),
            y: { field: "from", type: "quantitative", title: "Hours a month" },
            y2: { field: "to" },
            color: {
              field: "use",
              type: "nominal",
              scale: { domain: used.map((use) => use.label), range: used.map((use) => use.colour) },
              legend: { title: null, columns: 3, symbolType: "square" },
            },
          },
        },
        {
          transform: [{ filter: "datum.kind === 'capacity'" }],
          ...(bands
            ? {
                mark: { type: "line", interpolate: "step", color: TEXT_COLOUR, strokeDash: [4, 3], strokeWidth: 1.5 },
                encoding: { x: { ...x, field: "month" }, y: { field: "hours", type: "quantitative" } },
              }
            : {
                mark: { type: "rule", color: TEXT_COLOUR, strokeDash: [4, 3], strokeWidth: 1.5 },
                encoding: { x, x2: { field: "end" }, y: { field: "hours", type: "quantitative" } },
              }),
        },
      ],
    },
  } as TopLevelSpec;
}

import { readdirSync, readFileSync } from "node:fs";
import * as vega from "vega";
import { compile, type TopLevelSpec } from "vega-lite";
import { describe, expect, it } from "vitest";
import { buildResult, validateScenarioText, type CaseResult } from "../engine/index.js";
// The report's text widths for Vega in Node (installed by the module), so boxes are measured as the report lays them out.
import "./measure-text.js";
import { CLOSE_UP_BELOW } from "./cumulative-net.js";
import { lineWidths } from "./live-projects.js";
import { placePaybackLabels } from "./payback-labels.js";
import { bandRows, hourUses } from "./team-hours.js";
import { ALTERNATIVE_COLOURS, PLOT_WIDTH } from "./theme.js";
import {
  benefitByCategorySpec,
  cumulativeNetSpec,
  HIGHER_COLOUR,
  liveProjectsSpec,
  LOWER_COLOUR,
  scenarioColour,
  teamHoursSpec,
  tornadoSpec,
} from "./index.js";

const examples = new URL("../../examples/", import.meta.url);
const exampleNames = [
  ...readdirSync(examples).filter((file) => file.endsWith(".yaml")),
  ...readdirSync(new URL("peers/", examples))
    .filter((file) => file.endsWith(".yaml"))
    .map((file) => `peers/${file}`),
];

function resultOf(name: string): CaseResult {
  const { compiled, issues } = validateScenarioText(readFileSync(new URL(name, examples), "utf8"));
  if (!compiled) throw new Error(JSON.stringify(issues));
  return buildResult(compiled);
}

type Layer = { data?: { values?: Record<string, unknown>[] }; mark?: unknown; encoding?: Record<string, { scale?: { domain?: string[]; range?: string[] } }> };
const layers = (spec: TopLevelSpec) => (spec as unknown as { layer: Layer[] }).layer;
const values = (spec: TopLevelSpec) => (spec as unknown as { data: { values: Record<string, number | string>[] } }).data.values;

const seed = resultOf("seed.yaml");
const team = resultOf("team.yaml");

describe("chart specs", () => {
  it("compile with Vega-Lite for every example", () => {
    for (const name of readdirSync(examples).filter((file) => file.endsWith(".yaml"))) {
      const result = resultOf(name);
      for (const spec of [cumulativeNetSpec(result), teamHoursSpec(result), liveProjectsSpec(result), benefitByCategorySpec(result)]) {
        expect(() => compile(spec)).not.toThrow();
      }
    }
  });

  it("are pure: no Node, no file system, no runtime import but the engine and the formatting module", () => {
    const folder = new URL("./", import.meta.url);
    for (const file of readdirSync(folder).filter((name) => name.endsWith(".ts") && !name.endsWith(".test.ts"))) {
      const source = readFileSync(new URL(file, folder), "utf8");
      expect([file, /from "node:|require\(/.test(source)]).toEqual([file, false]);
      for (const match of source.matchAll(/^import (type )?.*from "(\.\.\/[^"]+)";$/gm)) {
        expect([file, match[2], match[1] === "type " || match[2]!.startsWith("../engine/") || match[2]!.startsWith("../format/")]).toEqual([
          file,
          match[2],
          true,
        ]);
      }
    }
  });

  it("start the cumulative net at the up-front cash and mark each payback month", () => {
    const spec = cumulativeNetSpec(seed);
    const lines = layers(spec).find((layer) => (layer.mark as { type?: string }).type === "line")!.data!.values!;
    const optimal = lines.filter((row) => row.option === "Every tool we want");
    expect(optimal[0]).toEqual({ option: "Every tool we want", month: 0, net: seed.comparisons.optimal!.timeZeroNet });
    expect(optimal.at(-1)?.net).toBeCloseTo(seed.comparisons.optimal!.totalNetBenefit, 6);
    const rules = layers(spec).find((layer) => (layer.mark as { type?: string }).type === "rule" && layer.data?.values?.[0]?.text)!.data!.values!;
    expect(rules.map((rule) => [rule.option, rule.month, rule.text])).toEqual([
      ["Every tool we want", 10, "Pays back: month 10"],
      ["What will be approved", 5, "Pays back: month 5"],
    ]);
  });

  it("draw the band only when there is one", () => {
    expect(layers(cumulativeNetSpec(seed)).some((layer) => (layer.mark as { type?: string }).type === "area")).toBe(false);
    const band = { p5: Array(12).fill(-1), p50: Array(12).fill(0), p95: Array(12).fill(1) };
    const withBand = layers(cumulativeNetSpec(seed, { bands: { optimal: band } }));
    expect(withBand[0]?.data?.values).toHaveLength(12);
  });

  it.each(exampleNames)("account for every hour of the team in the hours chart of %s", (name) => {
    // Staff on the change alongside the team's work (dora-2020-elite-large.yaml's 30,240 hours) count too.
    const result = resultOf(name);
    const rows = values(teamHoursSpec(result));
    for (const scenario of Object.values(result.scenarios)) {
      for (const month of scenario.months) {
        const uses = rows.filter((row) => row.kind === "use" && row.option === scenario.label && row.month === month.month);
        const top = Math.max(0, ...uses.map((row) => row.to as number));
        // Capacity plus the work left undone in an overloaded month.
        expect(top).toBeCloseTo(month.capacityHours + month.shortfallHours, 6);
      }
    }
  });

  it("put the hours chart's panels two a row, or one under the other when the room given is too narrow for two (a phone)", () => {
    const layout = (spec: TopLevelSpec) => {
      const shape = spec as unknown as { columns: number; spec: { width: number } };
      return { columns: shape.columns, width: shape.spec.width };
    };
    expect(layout(teamHoursSpec(team))).toEqual({ columns: 2, width: Math.floor((PLOT_WIDTH - 18) / 2) });
    expect(layout(teamHoursSpec(team, { width: 1000 }))).toEqual(layout(teamHoursSpec(team)));
    // At 390 px the page gives the chart 366: one panel a row, as wide as the room beside the hours' axis.
    const narrow = layout(teamHoursSpec(team, { width: 366 }));
    expect(narrow.columns).toBe(1);
    expect(narrow.width).toBeGreaterThan(Math.floor((PLOT_WIDTH - 18) / 2));
    expect(narrow.width).toBeLessThanOrEqual(366 - 60);
    // A frame not laid out yet (no width, or less than the axis) still draws a panel a reader can see.
    for (const width of [0, 40]) expect(layout(teamHoursSpec(team, { width })).width, `${width} px`).toBeGreaterThan(0);
  });

  it("draw a long plan's hours as one band a use, a step a month, that still accounts for every hour", async () => {
    const text = readFileSync(new URL("team.yaml", examples), "utf8").replace("horizonMonths: 36", "horizonMonths: 240");
    const { compiled, issues } = validateScenarioText(text);
    if (!compiled) throw new Error(JSON.stringify(issues));
    const long = buildResult(compiled);
    const spec = teamHoursSpec(long);
    const rows = values(spec);
    const uses = new Set(rows.filter((row) => row.kind === "use").map((row) => row.use));
    /** What a band drawn a step a month shows at a month: its last row at or before that month (it changes height halfway to the next row's month). */
    const shown = (kind: string, option: string, use: unknown, month: number) =>
      rows
        .filter((row) => row.kind === kind && row.option === option && row.use === use && (row.month as number) <= month)
        .reduce((last, row) => ((row.month as number) > (last.month as number) ? row : last));
    for (const scenario of Object.values(long.scenarios)) {
      for (const month of scenario.months) {
        // Every use has a height in every month (none where it takes no hours), so a band never skips a month.
        const here = [...uses].map((use) => shown("use", scenario.label, use, month.month));
        expect(here).toHaveLength(uses.size);
        expect(Math.max(...here.map((row) => row.to as number))).toBeCloseTo(month.capacityHours + month.shortfallHours, 6);
        for (const row of here) expect(row.to as number).toBeGreaterThanOrEqual(row.from as number);
        expect(shown("capacity", scenario.label, undefined, month.month).hours).toBe(month.capacityHours);
      }
    }
    // A run of months at the same height keeps only its first and last month: a settled plan repeats one month for years.
    expect(rows.length).toBeLessThan(Object.keys(long.scenarios).length * 240 * (uses.size + 1) * 0.5);
    // And draws the same shapes as a row for every month: each band's outline, once the points in
    // the middle of a straight edge are left out, is the same.
    const everyMonth = Object.values(long.scenarios).flatMap((scenario) =>
      bandRows(
        scenario.months,
        scenario.label,
        hourUses.filter((use) => uses.has(use.label)),
        false,
      ),
    );
    expect(everyMonth.length).toBeGreaterThan(rows.length * 2);
    const outlines = async (rows: readonly Record<string, unknown>[]) => {
      const view = new vega.View(vega.parse(compile({ ...spec, data: { values: rows } } as TopLevelSpec).spec), { renderer: "none" });
      const svg = await view.toSVG();
      view.finalize();
      return [...svg.matchAll(/<path[^>]* d="([^"]+)"/g)].map((match) => corners(match[1]!));
    };
    expect(await outlines(rows)).toEqual(await outlines(everyMonth));
    // Bands and a line for the hours the team has, not a bar for every use of every month.
    const items = await drawn(spec);
    expect(items.filter((item) => item.marktype === "rect" && item.role === "mark")).toHaveLength(0);
    expect(items.filter((item) => item.marktype === "rule" && item.role === "mark")).toHaveLength(0);
    expect(new Set(items.filter((item) => item.marktype === "area").map((item) => `${String(item.datum.option)} ${String(item.datum.use)}`)).size).toBe(
      uses.size * Object.keys(long.scenarios).length,
    );
    expect(items.some((item) => item.marktype === "line")).toBe(true);
    // The 36-month plan keeps a bar a month.
    expect((await drawn(teamHoursSpec(team))).filter((item) => item.marktype === "area")).toHaveLength(0);
  });

  it("put a dot on each month of the gain's lines only where the months are far enough apart to tell the dots apart", () => {
    const text = readFileSync(new URL("team.yaml", examples), "utf8").replace("horizonMonths: 36", "horizonMonths: 240");
    const { compiled } = validateScenarioText(text);
    const lineOf = (view: { layer: Layer[] }) => view.layer.find((layer) => (layer.mark as { type?: string }).type === "line")!.mark as { point: unknown };
    // 36 months on the report's plot: about 15 px a month.
    expect(lineOf(cumulativeNetSpec(team) as unknown as { layer: Layer[] }).point).toEqual({ size: 18 });
    // 240 months: under 2 px a month on the whole plan's plot, a dot a month in its close-up.
    const long = cumulativeNetSpec(buildResult(compiled!)) as unknown as { hconcat?: { layer: Layer[] }[]; layer?: Layer[] };
    const views = long.hconcat ?? [long as { layer: Layer[] }];
    expect(lineOf(views[0]!).point).toBe(false);
    if (long.hconcat) expect(lineOf(long.hconcat[1]!).point).toEqual({ size: 18 });
  });

  it("give a scenario the same colour in every chart", () => {
    const cumulative = layers(cumulativeNetSpec(team)).find((layer) => layer.encoding?.color)!.encoding!.color!.scale!;
    const live = (liveProjectsSpec(team) as unknown as { encoding: { color: { scale: { domain: string[]; range: string[] } } } }).encoding.color.scale;
    for (const name of Object.keys(team.comparisons)) {
      const label = team.scenarios[name]!.label;
      expect(cumulative.range![cumulative.domain!.indexOf(label)]).toBe(scenarioColour(team, name));
      expect(live.range[live.domain.indexOf(label)]).toBe(scenarioColour(team, name));
    }
  });

  it("draw coinciding live-project lines wide to narrow, however many coincide, so each shows", () => {
    expect(lineWidths(["a", "b", "c"])).toEqual([2.5, 2.5, 2.5]);
    expect(lineWidths(["a", "b", "b", "b"])).toEqual([2.5, 8, 5, 2]);
    const many = lineWidths(Array.from({ length: 10 }, () => "same"));
    expect(many[0]).toBe(11);
    expect(many.at(-1)).toBe(2);
    for (let at = 1; at < many.length; at++) expect(many[at]!).toBeLessThan(many[at - 1]!);
    // team.yaml: the managed platform and four capabilities first keep the same projects live every
    // month; the one drawn first (the platform) is wider, so the other does not hide it.
    const rows = (liveProjectsSpec(team) as unknown as { data: { values: { option: string; width: number }[] } }).data.values;
    const widthOf = (name: string) => rows.find((row) => row.option === team.scenarios[name]!.label)!.width;
    expect(widthOf("managed")).toBeGreaterThan(widthOf("compromise"));
    expect(widthOf("today")).toBe(2.5);
  });

  it("leave room above the highest live-projects line, so that a flat line does not run along the plot's top edge", async () => {
    // solo.yaml keeps 2 live projects in every month of every option: the axis stopped at exactly 2.
    for (const result of [resultOf("solo.yaml"), team]) {
      const highest = Math.max(...Object.values(result.scenarios).flatMap((scenario) => scenario.months.map((month) => month.liveProjects)));
      const view = new vega.View(vega.parse(compile(liveProjectsSpec(result)).spec), { renderer: "none" });
      await view.runAsync();
      const [bottom, top] = view.scale("y").domain() as [number, number];
      view.finalize();
      expect(bottom).toBe(0);
      expect(top).toBeGreaterThanOrEqual(highest + 1);
    }
  });

  it("keep the tornado's colours apart from the options' colours", () => {
    expect(ALTERNATIVE_COLOURS).not.toContain(LOWER_COLOUR);
    expect(ALTERNATIVE_COLOURS).not.toContain(HIGHER_COLOUR);
    const spec = tornadoSpec({
      currency: "EUR",
      baseNpv: 100,
      lowLegend: "lower",
      highLegend: "higher",
      baseLabel: "As written",
      bars: [{ label: "a", npvLow: 50, npvHigh: 150 }],
    });
    expect(() => compile(spec)).not.toThrow();
  });
});

/** A drawn item with its box in the chart's own pixels. */
interface Drawn {
  marktype: string;
  role: string;
  text: string;
  fill: string;
  datum: Record<string, unknown>;
  /** The plot it sits in (a facet's cell or a concatenated view), by its position. */
  plot: string;
  plotWidth: number;
  plotHeight: number;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  x: number;
  y: number;
}

type SceneItem = {
  x?: number;
  y?: number;
  width?: number;
  height?: number;
  text?: unknown;
  fill?: string;
  datum?: Record<string, unknown>;
  bounds: { x1: number; y1: number; x2: number; y2: number };
  items?: Scene[];
};
type Scene = { marktype: string; role?: string; items: SceneItem[] };

/** Lays a spec out as the report does (Vega in Node, the report's text widths) and lists every item drawn. */
/** An SVG path's points, without those in the middle of a straight horizontal or vertical edge. */
function corners(path: string): string[] {
  const points = [...path.matchAll(/([MLZ])([^MLZ]*)/g)].map(([, command, coordinates]) => `${command}${coordinates!.trim()}`);
  const at = (index: number) => points[index]?.slice(1).split(",").map(Number) ?? [];
  return points.filter((point, index) => {
    if (!point.startsWith("L")) return true;
    const [x0, y0] = at(index - 1);
    const [x1, y1] = at(index);
    const [x2, y2] = at(index + 1);
    return !((y0 === y1 && y1 === y2) || (x0 === x1 && x1 === x2));
  });
}

async function drawn(spec: TopLevelSpec): Promise<Drawn[]> {
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: "none" });
  try {
    await view.runAsync();
    const out: Drawn[] = [];
    const walk = (scene: Scene, dx: number, dy: number, plot: { id: string; width: number; height: number }) => {
      for (const item of scene.items) {
        if (scene.marktype === "group") {
          const inner =
            scene.role === "scope" || (item.width && item.height && scene.role !== "axis" && scene.role !== "legend")
              ? { id: `${dx + (item.x ?? 0)},${dy + (item.y ?? 0)}`, width: item.width ?? 0, height: item.height ?? 0 }
              : plot;
          for (const child of item.items ?? []) walk(child, dx + (item.x ?? 0), dy + (item.y ?? 0), inner);
          continue;
        }
        const text = Array.isArray(item.text) ? item.text.join(" ") : String(item.text ?? "");
        out.push({
          marktype: scene.marktype,
          role: scene.role ?? "",
          text,
          fill: item.fill ?? "",
          datum: item.datum ?? {},
          plot: plot.id,
          plotWidth: plot.width,
          plotHeight: plot.height,
          x1: item.bounds.x1 + dx,
          y1: item.bounds.y1 + dy,
          x2: item.bounds.x2 + dx,
          y2: item.bounds.y2 + dy,
          x: (item.x ?? 0) + dx,
          y: (item.y ?? 0) + dy,
        });
      }
    };
    const root = (view.scenegraph() as unknown as { root: Scene }).root;
    walk(root, 0, 0, { id: "root", width: view.width(), height: view.height() });
    return out;
  } finally {
    view.finalize();
  }
}

const overlap = (a: Drawn, b: Drawn) => Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1) > 0.5 && Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1) > 0.5;

/** Pairs of texts whose boxes overlap; a halo drawn under its own label (same text, same box) is not a pair. */
function overlappingTexts(items: readonly Drawn[]): string[] {
  const texts = items.filter((item) => item.marktype === "text" && item.text.trim() !== "");
  const pairs: string[] = [];
  for (const [index, a] of texts.entries()) {
    for (const b of texts.slice(index + 1)) {
      const halo = a.text === b.text && Math.abs(a.x1 - b.x1) < 0.01 && Math.abs(a.y1 - b.y1) < 0.01;
      if (!halo && overlap(a, b)) pairs.push(`"${a.text}" × "${b.text}"`);
    }
  }
  return pairs;
}

/** Payback labels whose box another option's dashed payback line runs through (its halo is not a label). */
function labelsAcrossRules(items: readonly Drawn[]): string[] {
  const labels = items.filter((item) => item.marktype === "text" && item.text.startsWith("Pays back") && item.fill !== "#ffffff");
  const rules = items.filter((item) => item.marktype === "rule" && item.datum.month !== undefined && item.datum.text !== undefined);
  return labels.flatMap((label) =>
    rules
      .filter((rule) => rule.plot === label.plot && rule.datum.option !== label.datum.option)
      .filter((rule) => rule.x1 > label.x1 + 0.5 && rule.x1 < label.x2 - 0.5 && Math.min(rule.y2, label.y2) - Math.max(rule.y1, label.y1) > 0.5)
      .map((rule) => `"${label.text}" (${String(label.datum.option)}) × line of ${String(rule.datum.option)} at month ${String(rule.datum.month)}`),
  );
}

/** The team example with a late gain four times as steep, as on the 36-month case of the issue: the early crossing looks flat. */
function squashed(): CaseResult {
  const result = resultOf("team.yaml");
  const comparisons = Object.fromEntries(
    Object.entries(result.comparisons).map(([name, comparison]) => {
      const pivot = comparison.cumulativeNet[19]!;
      return [name, { ...comparison, cumulativeNet: comparison.cumulativeNet.map((net, index) => (index < 20 ? net : pivot + (net - pivot) * 6)) }];
    }),
  );
  return { ...result, comparisons };
}

/** How much of its plot's height the lines take up to the last payback, in the plot that shows it best. */
function crossingShare(items: readonly Drawn[], lastPayback: number): number {
  const lines = items.filter((item) => item.marktype === "line" && Number(item.datum.month) <= lastPayback);
  const zeros = items.filter((item) => item.marktype === "rule" && item.datum.zero === 0);
  const plots = new Set(lines.map((item) => item.plot));
  return Math.max(
    ...[...plots].map((plot) => {
      const ys = [...lines, ...zeros].filter((item) => item.plot === plot).map((item) => item.y);
      return (Math.max(...ys) - Math.min(...ys)) / lines.find((item) => item.plot === plot)!.plotHeight;
    }),
  );
}

describe("chart layout", () => {
  it("draws the team's hours with a month axis under every panel and none under the empty place beside an odd last one", async () => {
    // The seed has three options: two panels, then one beside an empty place.
    const items = await drawn(teamHoursSpec(seed));
    // Each month axis starts at month 1 (the hours axes at 0).
    const monthAxes = items.filter((item) => item.role === "axis-label" && item.text === "1");
    expect(monthAxes.length).toBe(Object.keys(seed.scenarios).length);
    expect(overlappingTexts(items)).toEqual([]);
  });

  // As the report draws it, and as a 390-px phone does (the options stacked).
  it.each(exampleNames.flatMap((name) => [undefined, 366].map((width) => [name, width] as const)))(
    "writes the gain's amounts of examples/%s (room %s px) where they touch no name, no other amount and no other bar",
    async (name, width) => {
      const items = await drawn(benefitByCategorySpec(resultOf(name), width === undefined ? {} : { width }));
      expect(overlappingTexts(items)).toEqual([]);
      const amounts = items.filter((item) => item.marktype === "text" && item.role === "mark");
      const bars = items.filter((item) => item.marktype === "rect" && ALTERNATIVE_COLOURS.includes(item.fill as (typeof ALTERNATIVE_COLOURS)[number]));
      expect(amounts.length).toBeGreaterThan(3);
      expect(bars.length).toBeGreaterThan(3);
      for (const amount of amounts) {
        // Inside its option's column: it cannot reach the next column's bars or the names on the left.
        const cellLeft = Number(amount.plot.split(",")[0]);
        expect([amount.text, amount.x1 >= cellLeft - 0.5, amount.x2 <= cellLeft + amount.plotWidth + 0.5]).toEqual([amount.text, true, true]);
        expect([amount.text, bars.filter((bar) => overlap(bar, amount)).length]).toEqual([amount.text, 0]);
      }
      if (width !== undefined) {
        const right = Math.max(...items.map((item) => item.x2));
        expect(right).toBeLessThanOrEqual(width);
      }
    },
  );

  it("stacks the options of where the gain comes from when the room would scale the columns too small to read, each under its name", async () => {
    const result = resultOf("enterprise.yaml");
    const labels = Object.values(result.comparisons).map((comparison) => comparison.label);
    // The report, and a wide screen's column: side by side.
    expect(benefitByCategorySpec(result)).toHaveProperty("facet");
    expect(benefitByCategorySpec(result, { width: 640 })).toHaveProperty("facet");
    const stacked = benefitByCategorySpec(result, { width: 366 }) as unknown as { vconcat: object[] };
    expect(stacked.vconcat).toHaveLength(labels.length);
    const items = await drawn(stacked as TopLevelSpec);
    // Each option's name above its own panel, in order, the names' text at its full size.
    const titles = items.filter((item) => item.role === "title-text");
    expect(titles.map((item) => item.text)).toEqual(labels);
    for (const [index, title] of titles.entries()) {
      const panelTop = Math.min(...items.filter((item) => item.marktype === "rect" && item.datum.option === labels[index]).map((item) => item.y1));
      expect(title.y2).toBeLessThanOrEqual(panelTop);
    }
  });

  it.each(exampleNames)("keeps the payback labels of examples/%s apart and shows the crossing in a fair share of a plot's height", async (name) => {
    const result = resultOf(name);
    const items = await drawn(cumulativeNetSpec(result));
    expect(overlappingTexts(items)).toEqual([]);
    const paybacks = Object.values(result.comparisons).flatMap((comparison) => (comparison.paybackMonth ? [comparison.paybackMonth] : []));
    // Paying back in month 1 or 2 is a jump from the start, with no dip below zero to look at closely.
    if (paybacks.length > 0 && Math.max(...paybacks) >= 3) expect(crossingShare(items, Math.max(...paybacks))).toBeGreaterThanOrEqual(CLOSE_UP_BELOW * 0.9);
  });

  // The report's width, a middle one, and the narrowest the web app draws (a 390-px phone).
  it.each(exampleNames.flatMap((name) => [undefined, 320, 200].map((width) => [name, width] as const)))(
    "places the payback labels of examples/%s (plot width %s) inside their plot and across no other option's payback line",
    async (name, width) => {
      const result = resultOf(name);
      for (const spec of [
        cumulativeNetSpec(result, width === undefined ? {} : { width }),
        cumulativeNetSpec(squashed(), width === undefined ? {} : { width }),
      ]) {
        const items = await drawn(spec);
        expect(overlappingTexts(items)).toEqual([]);
        expect(labelsAcrossRules(items)).toEqual([]);
        for (const label of items.filter((item) => item.marktype === "text" && item.text.startsWith("Pays back"))) {
          const plot = items.find((item) => item.plot === label.plot && item.marktype === "line")!;
          expect(label.x1).toBeGreaterThanOrEqual(Number(label.plot.split(",")[0]) - 0.5);
          expect(label.x2).toBeLessThanOrEqual(Number(label.plot.split(",")[0]) + plot.plotWidth + 0.5);
        }
      }
    },
  );

  it("stacks the payback labels so that each crosses no line: a label beside a later line sits above it", async () => {
    // Two paybacks close together on a narrow plot, as on the enterprise template at 390 px: month 24's
    // label has room only on the left, across month 14's line, so it goes first and month 14's line starts below it.
    const placed = placePaybackLabels(
      [
        { month: 14, text: "Pays back: month 14" },
        { month: 24, text: "Pays back: month 24" },
      ],
      36,
      200,
    );
    expect(placed[1]!.top).toBeLessThan(placed[0]!.top);
    expect(placed.map((label) => label.side)).toEqual(["left", "left"]);
    // The given order is kept where it already crosses nothing.
    const apart = placePaybackLabels(
      [
        { month: 3, text: "Pays back: month 3" },
        { month: 20, text: "Pays back: month 20" },
      ],
      36,
      600,
    );
    expect(apart).toEqual([
      { text: "Pays back: month 3", side: "right", top: 4 },
      { text: "Pays back: month 20", side: "right", top: 19 },
    ]);
  });

  it("writes a loss on the money axis with the minus sign the text and the tables use", async () => {
    const labels = (await drawn(cumulativeNetSpec(resultOf("enterprise.yaml")))).filter((item) => item.role === "axis-label").map((item) => item.text);
    expect(labels).toContain("-US$500k");
    expect(labels.join(" ")).not.toContain("\u2212");
  });

  it("writes a currency whose symbol ends in a letter with the space the text writes: 'KWD 500k', not 'KWD500k'", async () => {
    const text = readFileSync(new URL("enterprise.yaml", examples), "utf8").replace("currency: USD", "currency: KWD");
    const { compiled, issues } = validateScenarioText(text);
    if (!compiled) throw new Error(JSON.stringify(issues));
    const labels = (await drawn(cumulativeNetSpec(buildResult(compiled)))).filter((item) => item.role === "axis-label").map((item) => item.text);
    expect(labels).toContain("-KWD\u00a0500k");
    expect(labels.join(" ")).not.toMatch(/KWD\d/);
  });

  it("gives a payback crossing squashed flat by a long plan a close-up fitted to it, with a ring where each line crosses zero", async () => {
    const result = squashed();
    const last = Math.max(...Object.values(result.comparisons).map((comparison) => comparison.paybackMonth ?? 0));
    // Without the close-up the whole plan's chart shows the crossing in a sliver of its height.
    const spec = cumulativeNetSpec(result);
    const { hconcat, ...outer } = spec as unknown as { hconcat: object[] };
    expect(hconcat).toHaveLength(2);
    const whole = await drawn({ ...outer, ...hconcat[0] } as TopLevelSpec);
    expect(crossingShare(whole, last)).toBeLessThan(CLOSE_UP_BELOW);
    const items = await drawn(spec);
    expect(crossingShare(items, last)).toBeGreaterThan(0.6);
    expect(overlappingTexts(items)).toEqual([]);
    const rings = items
      .filter((item) => item.marktype === "symbol" && item.fill === "#ffffff")
      .map((item) => [item.datum.option, item.datum.month, item.datum.net]);
    const expected = Object.entries(result.comparisons).flatMap(([name, comparison]) =>
      comparison.paybackMonth ? [[result.scenarios[name]!.label, comparison.paybackMonth, comparison.cumulativeNet[comparison.paybackMonth - 1]]] : [],
    );
    // Each ring drawn in both views: the whole plan and the close-up.
    expect(rings).toEqual(expect.arrayContaining(expected));
    expect(rings).toHaveLength(expected.length * 2);
  });

  it.each(exampleNames)("draws every chart of examples/%s at most 400 pixels high, so it and its caption fit half a printed page", async (name) => {
    const result = resultOf(name);
    for (const spec of [cumulativeNetSpec(result), teamHoursSpec(result), liveProjectsSpec(result), benefitByCategorySpec(result)]) {
      const view = new vega.View(vega.parse(compile(spec).spec), { renderer: "none" });
      const svg = await view.toSVG();
      view.finalize();
      expect(Number(/<svg[^>]* height="([\d.]+)"/.exec(svg)![1])).toBeLessThanOrEqual(400);
    }
  });
});

describe("a label with a line or paragraph separator", () => {
  it("is turned into a space before the spec is compiled, so Vega can parse its expressions", async () => {
    // A plan frozen before labels were checked may still hold one: the gain chart still draws.
    const { compiled } = validateScenarioText(readFileSync(new URL("../../examples/seed.yaml", import.meta.url), "utf8"));
    const result = buildResult(compiled!);
    for (const comparison of Object.values(result.comparisons)) comparison.label = `Line\u2028break`;
    for (const scenario of Object.values(result.scenarios)) scenario.label = `Line\u2028break ${scenario.name}`;
    const { withoutLineSeparators } = await import("./theme.js");
    // As written, Vega refuses the gain chart's expressions.
    expect(() => vega.parse(compile(benefitByCategorySpec(result)).spec)).toThrow(/ILLEGAL/);
    for (const spec of [benefitByCategorySpec(result), cumulativeNetSpec(result), liveProjectsSpec(result), teamHoursSpec(result)]) {
      const view = new vega.View(vega.parse(compile(withoutLineSeparators(spec)).spec), { renderer: "none" });
      await expect(view.toSVG()).resolves.toContain("Line break");
      view.finalize();
    }
  });

  it("copies only what leads to a changed text; a spec without separators comes back as it is", async () => {
    const { withoutLineSeparators } = await import("./theme.js");
    const rows = [
      { label: "plain", value: 1 },
      { label: "one\u2029two", value: 2 },
    ];
    const spec = { title: "plain", data: { values: rows }, encoding: { x: { field: "value" } } };
    const cleaned = withoutLineSeparators(spec);
    expect(cleaned.data.values).toEqual([
      { label: "plain", value: 1 },
      { label: "one two", value: 2 },
    ]);
    expect(rows[1]!.label).toBe("one\u2029two");
    expect(cleaned.data.values[0]).toBe(rows[0]);
    expect(cleaned.encoding).toBe(spec.encoding);
    const plain = { title: "plain", data: { values: [rows[0]!] } };
    expect(withoutLineSeparators(plain)).toBe(plain);
  });
});

import { parse, View } from "vega";
import { compile, type TopLevelSpec } from "vega-lite";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { benefitByCategorySpec } from "../../../src/charts/benefit-by-category.js";
import { cumulativeNetSpec } from "../../../src/charts/cumulative-net.js";
import { liveProjectsSpec } from "../../../src/charts/live-projects.js";
import { teamHoursSpec } from "../../../src/charts/team-hours.js";
import type { CaseResult } from "../../../src/engine/index.js";
import { resultOf } from "../../../src/test-support/result-of.js";
import enterpriseText from "../../../examples/enterprise.yaml?raw";
import { estimateTextWidth } from "../../../src/charts/text-width.js";
import closeCallText from "../../../examples/close-call.yaml?raw";
import teamText from "../../../examples/team.yaml?raw";
import { fitSpec, fittedAt, withNamedData } from "./render-chart.js";

type Spec = Record<string, unknown>;

const enterprise = parseYaml(enterpriseText) as {
  defaults: { projects: { upkeepHoursPerMonth: { value: number } } };
  horizonMonths: number;
};

/** The enterprise template with one edit, as a keystroke in the web app makes it. */
function enterpriseWith(edit: (data: typeof enterprise) => void): CaseResult {
  const data = structuredClone(enterprise);
  edit(data);
  return resultOf(data);
}

async function svgOf(view: View): Promise<string> {
  await view.runAsync();
  const svg = await view.toSVG();
  view.finalize();
  return svg;
}

/** The spec as the page draws it: fitted to a width, its data named. */
function drawnShape(spec: TopLevelSpec) {
  return withNamedData(fitSpec(spec as unknown as Spec, 0, 200));
}

const charts: Record<string, (result: CaseResult) => TopLevelSpec> = {
  gain: (result) => cumulativeNetSpec(result, { width: 520 }),
  "team's hours": teamHoursSpec,
  "live projects": liveProjectsSpec,
};

describe("withNamedData", () => {
  it("names every inline data set and keeps the rest of the spec", () => {
    const spec = {
      layer: [
        { data: { values: [{ a: 1 }] }, mark: "bar" },
        { data: { values: [{ b: 2 }] }, mark: "line" },
      ],
      data: { url: "x.json" },
    };
    expect(withNamedData(spec)).toEqual({
      shape: {
        layer: [
          { data: { name: "inline_0" }, mark: "bar" },
          { data: { name: "inline_1" }, mark: "line" },
        ],
        data: { url: "x.json" },
      },
      datasets: { inline_0: [{ a: 1 }], inline_1: [{ b: 2 }] },
    });
  });
});

describe("a chart redrawn by handing its view new data", () => {
  const before = enterpriseWith(() => {});
  const after = enterpriseWith((data) => {
    data.defaults.projects.upkeepHoursPerMonth.value = 23;
  });

  for (const [name, specOf] of Object.entries(charts)) {
    it(`draws exactly what a fresh drawing of the new figures draws: ${name}`, async () => {
      const old = drawnShape(specOf(before));
      const next = drawnShape(specOf(after));
      // The edit changes the figures, not the chart's shape…
      expect(JSON.stringify(next.shape)).toBe(JSON.stringify(old.shape));
      expect(JSON.stringify(next.datasets)).not.toBe(JSON.stringify(old.datasets));
      // …so the view of the old figures, given the new data, shows what a new view of the new spec shows.
      const view = new View(parse(compile({ ...old.shape, datasets: old.datasets } as unknown as TopLevelSpec).spec), { renderer: "none" });
      await view.runAsync();
      for (const [set, values] of Object.entries(next.datasets)) view.data(set, values as object[]);
      const redrawn = await svgOf(view);
      const fresh = await svgOf(
        new View(parse(compile(fitSpec(specOf(after) as unknown as Spec, 0, 200) as unknown as TopLevelSpec).spec), { renderer: "none" }),
      );
      expect(redrawn).toBe(fresh);
      const stale = await svgOf(
        new View(parse(compile(fitSpec(specOf(before) as unknown as Spec, 0, 200) as unknown as TopLevelSpec).spec), { renderer: "none" }),
      );
      expect(redrawn).not.toBe(stale);
    });
  }

  it("gives a new shape, drawn afresh, when the edit changes more than the figures", () => {
    const longer = enterpriseWith((data) => {
      data.horizonMonths = 48;
    });
    expect(JSON.stringify(drawnShape(teamHoursSpec(longer)).shape)).not.toBe(JSON.stringify(drawnShape(teamHoursSpec(before)).shape));
    // The gain by kind of cost fits its scale to the figures in the spec itself.
    expect(JSON.stringify(drawnShape(benefitByCategorySpec(after)).shape)).not.toBe(JSON.stringify(drawnShape(benefitByCategorySpec(before)).shape));
  });
});

/** The text items of a drawn view's scenegraph whose role is an axis label, with their bounds. */
function axisLabels(view: View): { text: string; y1: number; y2: number }[] {
  const found: { text: string; y1: number; y2: number }[] = [];
  const visit = (node: unknown): void => {
    if (typeof node !== "object" || node === null) return;
    const item = node as { marktype?: string; role?: string; items?: unknown[]; text?: unknown; bounds?: { y1: number; y2: number } };
    if (item.marktype === "text" && item.role === "axis-label") {
      for (const label of (item.items ?? []) as { text: unknown; bounds: { y1: number; y2: number } }[]) {
        found.push({ text: Array.isArray(label.text) ? label.text.join(" ") : String(label.text), y1: label.bounds.y1, y2: label.bounds.y2 });
      }
      return;
    }
    for (const child of item.items ?? []) visit(child);
  };
  visit((view.scenegraph() as unknown as { root: unknown }).root);
  return found;
}

describe("fitSpec", () => {
  it("gives each row of a faceted chart the room its wrapped name takes (where the gain comes from, on a narrow screen)", async () => {
    const spec = fitSpec(benefitByCategorySpec(enterpriseWith(() => {})) as unknown as Spec, 0, 90);
    const view = new View(parse(compile(spec as unknown as TopLevelSpec).spec), { renderer: "none" });
    await view.runAsync();
    const labels = axisLabels(view).sort((a, b) => a.y1 - b.y1);
    view.finalize();
    // At 90 px "Cost of making the change" takes two lines: the rows make room for them.
    expect(labels.find((label) => label.text === "Cost of making the change")).toBeDefined();
    expect(labels.some((label) => label.y2 - label.y1 > 20)).toBe(true);
    for (let index = 1; index < labels.length; index++) {
      expect(labels[index]!.y1, `${labels[index - 1]!.text} runs into ${labels[index]!.text}`).toBeGreaterThanOrEqual(labels[index - 1]!.y2);
    }
  });
});

describe("fitSpec on a faceted chart's panel titles", () => {
  it("wraps an option's long name onto lines within its panel instead of cutting it (the team's hours)", () => {
    const spec = teamHoursSpec(enterpriseWith(() => {})) as unknown as Spec;
    const name = "Shared templates and audit trails first";
    const titles = (fitted: Spec) => (fitted.facet as { header: { labelExpr?: string; labelLimit: number } }).header;
    const linesOf = (expression: string | undefined) => JSON.parse(expression!.slice(0, expression!.indexOf("[datum.value]"))) as Record<string, string[]>;
    // At the report's width the spec itself wraps it (bold 11 px runs wider than regular text).
    expect(linesOf(titles(spec).labelExpr)[name]).toEqual(["Shared templates and audit trails", "first"]);
    // On a narrow screen every line fits the smaller limit.
    const narrow = titles(fitSpec(spec, 150, 120));
    expect(narrow.labelLimit).toBeLessThanOrEqual(120);
    const lines = linesOf(narrow.labelExpr);
    expect(lines[name]!.join(" ")).toBe(name);
    expect(lines[name]!.length).toBeGreaterThanOrEqual(2);
    for (const line of Object.values(lines).flat()) expect(estimateTextWidth(line, 11 * 1.35)).toBeLessThanOrEqual(120);
  });

  it("gives panel titles that fit on one line their panel's whole width on a phone, not the third of it other labels get", () => {
    // team.yaml on a 390 px screen (366 px, panels one under the other): "Our own open-source stack"
    // was drawn "Our own open-sou…", cut at the 139 px cap of every label although its panel is 300 px wide.
    const available = 366;
    const spec = teamHoursSpec(resultOf(parseYaml(teamText)), { width: available }) as unknown as Spec;
    expect(spec.columns).toBe(1);
    const panel = (spec.spec as { width: number }).width;
    const header = (fitSpec(spec, 0, Math.max(90, Math.round(available * 0.38))).facet as { header: { labelLimit: number; labelExpr?: string } }).header;
    expect(header.labelExpr).toBeUndefined();
    expect(header.labelLimit).toBe(panel);
    expect(estimateTextWidth("Our own open-source stack", 11, true)).toBeLessThanOrEqual(header.labelLimit);
  });

  it("keeps a long option name's legend within a 390 px screen's column (366 px) at the plot's full width", async () => {
    // Long names (close-call.yaml's options renamed) drew the gain chart 410 px wide in a 366 px column:
    // the legend's labels were allowed the column less 40 px, though they start right of the value axis.
    const data = parseYaml(closeCallText) as { scenarios: Record<string, { label: string }> };
    data.scenarios.optimal!.label = "Every single tool the whole data team has ever asked for, including the monitoring suite";
    data.scenarios.compromise!.label = "What the finance committee will most probably approve after the quarterly review meeting";
    const available = 366;
    const spec = cumulativeNetSpec(resultOf(data), { width: available - 150 }) as unknown as Spec;
    const at = fittedAt(spec, available, Math.max(90, Math.round(available * 0.38)), false, 0);
    const compiled = compile({ ...at.shape, datasets: at.datasets } as unknown as TopLevelSpec).spec;
    const svg = await svgOf(new View(parse(compiled), { renderer: "none" }));
    const width = Number(/<svg[^>]*\swidth="([\d.]+)"/.exec(svg)?.[1]);
    expect(width).toBeGreaterThan(0);
    expect(width).toBeLessThanOrEqual(available);
  });
});

import { readdirSync, readFileSync } from "node:fs";
import { compile, type TopLevelSpec } from "vega-lite";
import { describe, expect, it } from "vitest";
import { buildResult, validateScenarioText, type CaseResult } from "../engine/index.js";
import { ALTERNATIVE_COLOURS } from "./theme.js";
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

  it("are pure: no Node, no file system, no runtime import from the report", () => {
    const folder = new URL("./", import.meta.url);
    for (const file of readdirSync(folder).filter((name) => name.endsWith(".ts") && !name.endsWith(".test.ts"))) {
      const source = readFileSync(new URL(file, folder), "utf8");
      expect([file, /from "node:|require\(/.test(source)]).toEqual([file, false]);
      for (const match of source.matchAll(/^import (type )?.*from "(\.\.\/[^"]+)";$/gm)) {
        expect([file, match[2], match[1] === "type " || match[2]!.startsWith("../engine/")]).toEqual([file, match[2], true]);
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

  it("account for every hour of the team in the hours chart", () => {
    const rows = values(teamHoursSpec(team));
    for (const scenario of Object.values(team.scenarios)) {
      for (const month of scenario.months) {
        const uses = rows.filter((row) => row.kind === "use" && row.option === scenario.label && row.month === month.month);
        const top = Math.max(0, ...uses.map((row) => row.to as number));
        // Capacity plus the work left undone in an overloaded month.
        expect(top).toBeCloseTo(month.capacityHours + month.shortfallHours, 6);
      }
    }
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

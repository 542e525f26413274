import type { CaseFile, ScenarioEntry, ScenarioInputs } from "../scenario/schema.js";
import { distributionOfRange, keepWithinKind, quantityKind, type Quantity, type QuantityKind, type QuantityKindName } from "../scenario/quantity.js";
import { median } from "../uncertainty/index.js";
import {
  BUILT_IN_NOTE,
  type BuiltInPrice,
  builtInCatalogue,
  catalogueCurrencyWarning,
  PRICE_COSTS,
  takesCataloguePricesUnconverted,
} from "../catalogue/built-in.js";
import { capabilityCosts, effectTargets, type CapabilityCost, type EffectTarget } from "../catalogue/targets.js";
import { suggest } from "../scenario/suggest.js";
import { unknownCurrencyWarning } from "../scenario/currencies.js";
import { describeValue, formatPath, type FieldPath, type Issue } from "../scenario/issues.js";
import type { CapabilityContribution, CompiledCapability, CompiledCase, CompiledScenario, GroupNote, Leaf } from "./compiled.js";
import { compileCorrelations } from "./correlations.js";
import { parameterNames, parameterSpecs, PARAMETER_COUNT as importedParameterCount, P as importedP } from "./parameters.js";

// Module-local copies: imported bindings can be getters under some loaders, too slow for the hot loop.
const P = importedP;
const PARAMETER_COUNT = importedParameterCount;

type Data = Record<string, unknown>;

/** Who a rule is about: one scenario, or every scenario sharing the value, with the verb to match. */
interface Who {
  names: string;
  verb(one: string, many?: string): string;
}

function isRecord(value: unknown): value is Data {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isQuantity(value: unknown): value is Quantity {
  if (typeof value === "number") return true;
  if (!isRecord(value)) return false;
  return typeof value.value === "number" || typeof value.low === "number" || typeof value.distribution === "string";
}

/** The kind of each input, by where it sits in a scenario's inputs (e.g. "projects.buildHours"). */
const kindBySource = new Map<string, QuantityKindName>(parameterNames.map((name) => [parameterSpecs[name].source, parameterSpecs[name].kind]));

function kindOf(path: FieldPath): QuantityKindName {
  if (path[0] === "catalogue") {
    if (path[2] === "effects") return "effect";
    return path[2] === "setupHours" ? "hours" : "money";
  }
  const inside = path[0] === "defaults" ? path.slice(1) : path[0] === "scenarios" ? path.slice(2) : path;
  if (inside[0] === "manualTasks") return inside[2] === "shareOfTime" ? "share" : "minutes";
  return kindBySource.get(inside.join(".")) ?? "count";
}

function leafOf(path: FieldPath, quantity: Quantity): Leaf {
  const base = { path, name: formatPath(path), kind: kindOf(path) };
  if (typeof quantity === "number") return { ...base, value: quantity };
  const note = quantity.note ? { note: quantity.note } : {};
  if ("value" in quantity) return { ...base, value: quantity.value, ...note };
  const distribution = distributionOfRange(quantity);
  if (distribution.kind === "point") return { ...base, value: distribution.value, ...note };
  const kind = quantityKind(base.kind);
  return { ...base, value: keepWithinKind(kind, median(distribution)), distribution, ...note };
}

interface PathNode {
  index?: number;
  children?: Map<string | number, PathNode>;
}

/**
 * Leaves by their path, a map for each segment: a key may hold any character, so the segments are
 * never joined into one string, and an index (a number) stays apart from the same digits as a key.
 * Every scenario's inputs are looked up here.
 */
class LeafIndex {
  private readonly root: PathNode = {};

  get(path: FieldPath): number | undefined {
    let node: PathNode | undefined = this.root;
    for (const segment of path) {
      node = node.children?.get(segment);
      if (node === undefined) return undefined;
    }
    return node.index;
  }

  set(path: FieldPath, index: number): void {
    let node = this.root;
    for (const segment of path) {
      node.children ??= new Map();
      let next = node.children.get(segment);
      if (next === undefined) node.children.set(segment, (next = {}));
      node = next;
    }
    node.index = index;
  }
}

/** Paths that hold structure, not inputs: never leaves. */
const structural = new Set(["horizonMonths", "months"]);

/**
 * Fields the Monte Carlo never reads (the risk adjustment applies to the file's figures, not to its
 * draws): collected after every other number of the file, wherever they are written, so adding them
 * leaves every range's stream alone (docs/numbers.md, "Which stream").
 */
const collectedLast = new Set(["riskAdjustment"]);

/**
 * Collects every number of the file as a leaf and every group note: fields in the order of the file
 * format (the parsed file's), maps of names (scenarios, capabilities, tasks) in the file's order, and
 * at the top level the fields the Monte Carlo never reads last.
 */
function collect(data: unknown, path: FieldPath, leaves: Leaf[], notes: GroupNote[]): void {
  if (!isRecord(data)) return;
  const entries = Object.entries(data);
  if (path.length === 0) entries.sort(([a], [b]) => Number(collectedLast.has(a)) - Number(collectedLast.has(b)));
  for (const [key, value] of entries) {
    if (structural.has(key) || key === "$schema") continue;
    const here = [...path, key];
    if (isQuantity(value)) {
      leaves.push(leafOf(here, value));
    } else if (key === "note" && typeof value === "string" && path.length > 0) {
      notes.push({ path, name: formatPath(path), note: value });
    } else if (isRecord(value)) {
      collect(value, here, leaves, notes);
    }
  }
}

function getIn(data: unknown, path: readonly string[]): unknown {
  let current = data;
  for (const segment of path) {
    if (!isRecord(current)) return undefined;
    current = current[segment];
  }
  return current;
}

/**
 * The catalogue of a case: the built-in capabilities, overridden field by field and extended by the
 * file's `catalogue:`. Built-in values the file does not override become leaves of their own (so they
 * are listed, with a note saying they are starting assumptions), created when first used.
 */
function capabilityResolver(file: CaseFile, leaves: Leaf[], leafIndex: LeafIndex) {
  const own = file.catalogue ?? {};
  const names = [...new Set([...Object.keys(builtInCatalogue), ...Object.keys(own)])];
  const resolved = new Map<string, CompiledCapability>();
  const leafFor = (path: FieldPath, builtIn: number | undefined): number => {
    const found = leafIndex.get(path);
    if (found !== undefined) return found;
    if (builtIn === undefined) return -1;
    leaves.push({ path, name: formatPath(path), value: builtIn, note: BUILT_IN_NOTE, kind: kindOf(path), builtIn: true });
    leafIndex.set(path, leaves.length - 1);
    return leaves.length - 1;
  };
  const get = (name: string): CompiledCapability | undefined => {
    if (!names.includes(name)) return undefined;
    const known = resolved.get(name);
    if (known) return known;
    const defaults = builtInCatalogue[name];
    const written = own[name] ?? {};
    const base: FieldPath = ["catalogue", name];
    const costLeaves = Object.fromEntries(
      (Object.keys(capabilityCosts) as CapabilityCost[]).map((cost) => [cost, leafFor([...base, cost], defaults?.[cost] || undefined)]),
    ) as Record<CapabilityCost, number>;
    const targets = new Set<EffectTarget>([
      ...(Object.keys(defaults?.effects ?? {}) as EffectTarget[]),
      ...(Object.keys(written.effects ?? {}) as EffectTarget[]),
    ]);
    const effectLeaves = [...targets]
      .map((target) => [target, leafFor([...base, "effects", target], defaults?.effects[target])] as [EffectTarget, number])
      .filter(([, leaf]) => leaf >= 0);
    const capability: CompiledCapability = {
      name,
      label: written.label ?? defaults?.label ?? name,
      description: written.description ?? defaults?.description ?? "",
      builtIn: defaults !== undefined,
      costLeaves,
      effectLeaves,
    };
    resolved.set(name, capability);
    return capability;
  };
  return { get, names: () => names, resolved: () => [...resolved.values()] };
}

/**
 * The prices the named capabilities take from the built-in catalogue (a cost above zero the file's
 * `catalogue:` does not give), in the catalogue's order: what a case in another currency than
 * BUILT_IN_CURRENCY takes unconverted.
 */
export function builtInPricesOf(compiled: Pick<CompiledCase, "capabilities" | "leaves">, names: readonly string[]): BuiltInPrice[] {
  return compiled.capabilities
    .filter((capability) => names.includes(capability.name))
    .flatMap((capability) =>
      PRICE_COSTS.flatMap((cost) => {
        const leaf = compiled.leaves[capability.costLeaves[cost]];
        return leaf?.builtIn && leaf.value > 0 ? [{ capability: capability.name, cost, value: leaf.value }] : [];
      }),
    );
}

/**
 * The built-in prices a case takes unconverted: those of the named capabilities (all the case's by
 * default) that the file's `catalogue:` does not give, when the case's currency is not the built-in
 * catalogue's (BUILT_IN_CURRENCY), and none when it is. The one rule every view that says so asks
 * (the warning, the report, the workbook, `optimize`, the web app; docs/scenario-file.md).
 */
export function unconvertedBuiltInPrices(
  compiled: Pick<CompiledCase, "currency" | "capabilities" | "leaves">,
  names: readonly string[] = compiled.capabilities.map((capability) => capability.name),
): BuiltInPrice[] {
  return takesCataloguePricesUnconverted(compiled.currency) ? builtInPricesOf(compiled, names) : [];
}

export interface CompileOptions {
  /** Every capability of the catalogue compiled, not only those the scenarios list (the optimiser's). */
  allCapabilities?: boolean;
  /**
   * The text of the number at a path, as written in the file (`ScenarioSource.writtenNumber`): the
   * messages quote `1.30e1` as written, as the field checks do, not the parsed `13`.
   */
  writtenNumber?: (path: FieldPath) => string | undefined;
}

/**
 * Resolves each scenario against the shared defaults and flattens it into a parameter plan that
 * points at the file's numbers. Returns semantic issues (missing inputs, months past the horizon).
 * @example compileCase(validFile).compiled?.scenarios.map((s) => s.name) // ["today", "better"]
 */
export function compileCase(file: CaseFile, options: CompileOptions = {}): { compiled?: CompiledCase; issues: Issue[] } {
  const written = options.writtenNumber ?? (() => undefined);
  /** A number of the file, for a message: as written there when `written` knows its text. */
  const shown = (path: FieldPath, value: number): string => describeValue(value, written(path));
  /** A leaf's value, for a message: a number or `{ value }` as written; a range's middle as worked out. */
  const shownLeaf = (leaf: Leaf): string => describeValue(leaf.value, leaf.distribution ? undefined : (written(leaf.path) ?? written([...leaf.path, "value"])));
  const issues: Issue[] = [];
  const leaves: Leaf[] = [];
  const groupNotes: GroupNote[] = [];
  collect(file, [], leaves, groupNotes);
  const leafIndex = new LeafIndex();
  leaves.forEach((leaf, index) => leafIndex.set(leaf.path, index));
  const find = (path: FieldPath): number => leafIndex.get(path) ?? -1;
  const catalogue = capabilityResolver(file, leaves, leafIndex);
  const error = (path: FieldPath, code: string, message: string) => issues.push({ path, code, message, severity: "error" });
  const warn = (path: FieldPath, code: string, message: string) => issues.push({ path, code, message, severity: "warning" });
  const currencyWarning = unknownCurrencyWarning(file.currency);
  if (currencyWarning) warn(["currency"], "unknown_currency", currencyWarning);
  // A value allowed but beyond what its kind plausibly means (a percentage typed into a multiplier).
  for (const leaf of leaves) {
    const kind: QuantityKind = quantityKind(leaf.kind);
    if (kind.plausibleMax !== undefined && leaf.value > kind.plausibleMax) {
      warn(
        leaf.path,
        "implausible",
        `${leaf.name} is ${shownLeaf(leaf)}${leaf.distribution ? " at its middle" : ""}; ${kind.implausible ?? `more than ${kind.plausibleMax} is more likely a typing error; check it`}`,
      );
    }
  }
  // A rule broken by every scenario that inherits the same shared value is reported once, at that
  // value, naming them all: messages are written for "who" (one or several scenarios).
  const shared = new Map<string, { path: FieldPath; code: string; names: string[]; message: (who: Who) => string }>();
  const scenarioError = (name: string, path: FieldPath, code: string, message: (who: Who) => string) => {
    const key = JSON.stringify([path, code, message({ names: "", verb: (one) => one })]);
    const known = path[0] === "defaults" ? shared.get(key) : undefined;
    if (known) known.names.push(name);
    else if (path[0] === "defaults") shared.set(key, { path, code, names: [name], message });
    else error(path, code, message({ names: `scenario "${name}"`, verb: (one) => one }));
  };

  const defaults: ScenarioInputs = file.defaults ?? {};
  const names = Object.keys(file.scenarios);
  if (!names.includes(file.baseline)) {
    error(["baseline"], "unknown_scenario", `baseline is "${file.baseline}", which is not one of the scenarios; allowed: ${names.join(", ")}`);
  }

  const taskNames = new Map<string, "person" | "project" | "team">();
  const scenarios: CompiledScenario[] = [];
  for (const name of names) {
    const entry: ScenarioEntry = file.scenarios[name] ?? {};
    const base: FieldPath = ["scenarios", name];
    const parameterLeaves = new Int32Array(PARAMETER_COUNT).fill(-1);
    const used = new Set<number>();
    // "The baseline plus these capabilities": such a scenario starts from the baseline, not only the defaults.
    const onBaseline = entry.capabilities !== undefined && name !== file.baseline;
    const baselineEntry: ScenarioEntry = onBaseline ? (file.scenarios[file.baseline] ?? {}) : {};
    const layers: FieldPath[] = onBaseline ? [base, ["scenarios", file.baseline], ["defaults"]] : [base, ["defaults"]];

    /** The scenario's own value wins over the baseline's (for capability scenarios), which wins over the shared default. */
    const resolve = (source: string): number => {
      const path = source.split(".");
      if (path.length === 1) return find(path);
      for (const layer of layers) {
        const leaf = find([...layer, ...path]);
        if (leaf >= 0) return leaf;
      }
      return -1;
    };
    for (const parameter of parameterNames) {
      const source = parameterSpecs[parameter].source;
      if (source.startsWith("manualTasks")) continue;
      const leaf = resolve(source);
      parameterLeaves[P[parameter]] = leaf;
      if (leaf >= 0) used.add(leaf);
    }

    const summedLeaves: [number, number][] = [];
    const tasks = new Set([
      ...Object.keys(defaults.manualTasks ?? {}),
      ...Object.keys(baselineEntry.manualTasks ?? {}),
      ...Object.keys(entry.manualTasks ?? {}),
    ]);
    for (const task of tasks) {
      const per = entry.manualTasks?.[task]?.per ?? baselineEntry.manualTasks?.[task]?.per ?? defaults.manualTasks?.[task]?.per;
      // Task names may contain dots, so they are resolved with an explicit path.
      const leafOf = (field: string) => layers.map((layer) => find([...layer, "manualTasks", task, field])).find((index) => index >= 0) ?? -1;
      const leaf = leafOf("minutesPerWeek");
      // A share of every person's time: per person, instead of minutes (the nearest layer's form wins).
      const share = leafOf("shareOfTime");
      if (share >= 0 && (leaf < 0 || share > leaf)) {
        if (per !== undefined && per !== "person") {
          error(
            [...base, "manualTasks", task, "per"],
            "invalid",
            `manual task "${task}" gives shareOfTime, a share of every person's hours; allowed: per: person, or no "per"`,
          );
          continue;
        }
        taskNames.set(task, "person");
        summedLeaves.push([P.manualSharePerPerson, share]);
        used.add(share);
        continue;
      }
      // Said where the task is written (the shared defaults, once for every scenario), not at each scenario
      // that inherits it: it pointed at "today: {}" and at every other scenario, naming no field.
      const taskAt: FieldPath = [
        ...(layers.find((layer) => getIn(file, [...layer.map(String), "manualTasks", task]) !== undefined) ?? base),
        "manualTasks",
        task,
      ];
      if (per === undefined) {
        scenarioError(
          name,
          taskAt,
          "missing",
          () => `${formatPath(taskAt)}.per is missing; allowed: person, project or team (whom its minutes a week are for)`,
        );
        continue;
      }
      if (leaf < 0) {
        scenarioError(
          name,
          taskAt,
          "missing",
          () => `${formatPath(taskAt)}.minutesPerWeek is missing; allowed: minutes a week, a number ≥ 0 (or shareOfTime, a share of every person's hours)`,
        );
        continue;
      }
      taskNames.set(task, per);
      const parameter = per === "person" ? P.manualMinutesPerPerson : per === "project" ? P.manualMinutesPerProject : P.manualMinutesPerTeam;
      summedLeaves.push([parameter, leaf]);
      used.add(leaf);
    }

    const merged = (key: keyof ScenarioInputs): Data => {
      const shared = defaults[key];
      const inherited = baselineEntry[key];
      const own = entry[key];
      return { ...(isRecord(shared) ? shared : {}), ...(isRecord(inherited) ? inherited : {}), ...(isRecord(own) ? own : {}) };
    };
    const team = merged("team");
    const releases = merged("releases");
    const where = (key: keyof ScenarioInputs): FieldPath =>
      entry[key] !== undefined
        ? [...base, key]
        : baselineEntry[key] !== undefined
          ? ["scenarios", file.baseline, key]
          : defaults[key] !== undefined
            ? ["defaults", key]
            : base;

    for (const required of ["people", "hoursPerMonth"] as const) {
      if (team[required] === undefined) {
        scenarioError(
          name,
          where("team"),
          "missing",
          (who) => `${who.names} ${who.verb("has", "have")} no team.${required}; set it under defaults.team or in each scenario's team`,
        );
      }
    }
    const salaryOf = (inputs: ScenarioInputs): Data => {
      const found = getIn(inputs, ["team", "salary"]);
      return isRecord(found) ? found : {};
    };
    const salary = { ...salaryOf(defaults), ...salaryOf(baselineEntry), ...salaryOf(entry) };
    const hasSalary = Object.keys(salary).some((key) => key !== "note");
    if (team.hourlyCost !== undefined && hasSalary) {
      scenarioError(
        name,
        where("team"),
        "conflict",
        (who) => `${who.names} ${who.verb("gives", "give")} both team.hourlyCost and team.salary; give one of them`,
      );
    } else if (team.hourlyCost === undefined && !hasSalary) {
      scenarioError(
        name,
        where("team"),
        "missing",
        (who) =>
          `${who.names} ${who.verb("has", "have")} no hour cost; set team.hourlyCost, or team.salary { annual, benefitsMultiplier, workingHoursPerYear }`,
      );
    } else if (hasSalary) {
      for (const part of ["annual", "benefitsMultiplier", "workingHoursPerYear"]) {
        if (salary[part] === undefined)
          scenarioError(name, where("team"), "missing", (who) => `${who.names}: team.salary needs ${part} (annual × benefitsMultiplier ÷ workingHoursPerYear)`);
      }
    }
    // A case without projects (the DORA papers' value from features, say) needs no upkeep or release mode.
    const months = Array.isArray(releases.months) ? (releases.months as number[]) : [];
    const alreadyLive = resolve("projects.alreadyLive");
    const hasProjects =
      months.length > 0 || releases.mode === "capacity" || resolve("projects.buildHours") >= 0 || (alreadyLive >= 0 && (leaves[alreadyLive]?.value ?? 0) > 0);
    if (hasProjects && [entry, baselineEntry, defaults].every((inputs) => getIn(inputs, ["projects", "upkeepHoursPerMonth"]) === undefined)) {
      scenarioError(
        name,
        where("projects"),
        "missing",
        (who) => `${who.names} ${who.verb("has", "have")} no projects.upkeepHoursPerMonth (hours a month one live project needs)`,
      );
    }

    if (resolve("delivery.featuresPerYear") >= 0) {
      for (const part of ["successRate", "revenueImpactShare", "annualRevenue"]) {
        if (resolve(`delivery.${part}`) < 0)
          scenarioError(
            name,
            where("delivery"),
            "missing",
            (who) =>
              `${who.names}: delivery needs ${part} (value a year = featuresPerYear × linesOfBusiness × timeReinvestedShare × successRate × revenueImpactShare × annualRevenue)`,
          );
      }
    }
    const mode = releases.mode;
    if (mode === undefined && hasProjects) {
      scenarioError(
        name,
        where("releases"),
        "missing",
        (who) => `${who.names} ${who.verb("has", "have")} no releases.mode; allowed: schedule (months given) or capacity (free hours build projects)`,
      );
    }
    const monthsPath: FieldPath = entry.releases?.months !== undefined ? [...base, "releases", "months"] : ["defaults", "releases", "months"];
    months.forEach((month, index) => {
      if (month > file.horizonMonths) {
        error(
          [...monthsPath, index],
          "beyond_horizon",
          `${formatPath([...monthsPath, index])} is ${shown([...monthsPath, index], month)}; allowed: a month between 1 and the horizon (${shown(["horizonMonths"], file.horizonMonths)})`,
        );
      }
    });
    if (mode === "capacity") {
      if (months.length > 0)
        warn(monthsPath, "ignored", `${formatPath(monthsPath)} is ignored in capacity mode: projects are released when their build hours are done`);
      const build = resolve("projects.buildHours");
      if (build < 0 || (leaves[build]?.value ?? 0) <= 0) {
        const found = build >= 0 ? `is ${shownLeaf(leaves[build]!)}` : "is missing";
        scenarioError(
          name,
          build >= 0 ? (leaves[build]?.path ?? base) : where("releases"),
          "missing",
          (who) => `${who.names} ${who.verb("releases", "release")} by capacity, so projects.buildHours must be > 0 (hours to build one project); it ${found}`,
        );
      }
    }
    const start = resolve("change.startMonth");
    const horizonShown = shown(["horizonMonths"], file.horizonMonths);
    if (start >= 0 && (leaves[start]?.value ?? 1) > file.horizonMonths) {
      error(
        leaves[start]?.path ?? base,
        "beyond_horizon",
        `${leaves[start]?.name} is ${shownLeaf(leaves[start]!)}; allowed: a month between 1 and the horizon (${horizonShown})`,
      );
    }
    // Setup spread past the horizon leaves its last months' hours uncounted (setupMonths: 99 in a
    // 36-month case counts 36/99 of them): a warning, since a short plan of a longer change is a fair
    // question to ask (a release month past the horizon, a date that never comes, is an error).
    const setup = resolve("change.setupMonths");
    const startValue = start >= 0 ? (leaves[start]?.value ?? 1) : 1;
    if (setup >= 0 && startValue <= file.horizonMonths) {
      const setupLeaf = leaves[setup]!;
      const most = file.horizonMonths - startValue + 1;
      if (Math.max(1, Math.round(setupLeaf.value)) > most) {
        warn(
          setupLeaf.path,
          "beyond_horizon",
          `${setupLeaf.name} is ${shownLeaf(setupLeaf)}${setupLeaf.distribution ? " at its middle" : ""}, so the setup, from month ${startValue}, runs past the horizon (${horizonShown}) and the hours of its months after month ${file.horizonMonths} are not counted; to count them all, at most ${most} months`,
        );
      }
    }
    // A cost's months: from after until pays nothing, an error. A first month past the horizon pays
    // nothing within the case: a warning, as a cost that starts after the plan is a fair thing to write
    // down (a last month past it is a contract longer than the case: paid to the end, said nothing of).
    for (const cost of ["licences", "infrastructure", "supportStaff", "training"] as const) {
      const from = resolve(`tooling.${cost}.fromMonth`);
      const until = resolve(`tooling.${cost}.untilMonth`);
      const fromLeaf = from >= 0 ? leaves[from]! : undefined;
      const untilLeaf = until >= 0 ? leaves[until]! : undefined;
      if (fromLeaf && untilLeaf && fromLeaf.value > untilLeaf.value) {
        error(
          fromLeaf.path,
          "invalid",
          `${fromLeaf.name} is ${shownLeaf(fromLeaf)} but ${untilLeaf.name} is ${shownLeaf(untilLeaf)}, so nothing would be paid; allowed: fromMonth ≤ untilMonth (swap them?)`,
        );
      } else if (fromLeaf && fromLeaf.value > file.horizonMonths) {
        warn(
          fromLeaf.path,
          "beyond_horizon",
          `${fromLeaf.name} is ${shownLeaf(fromLeaf)}, after the horizon (${horizonShown}), so nothing of it is paid within the case`,
        );
      }
    }

    // Capabilities: their costs add to the scenario's, their effects multiply its inputs — both commute,
    // so the order of the list does not matter. A value the scenario writes itself wins over an effect.
    const multipliedLeaves: [number, number][] = [];
    const capabilityContributions: CapabilityContribution[] = [];
    const listed = entry.capabilities ?? [];
    listed.forEach((capabilityName, position) => {
      const at: FieldPath = [...base, "capabilities", position];
      if (listed.indexOf(capabilityName) !== position) {
        warn(at, "duplicate", `capability "${capabilityName}" is listed twice in scenarios.${name}.capabilities; it counts once`);
        return;
      }
      const capability = catalogue.get(capabilityName);
      if (!capability) {
        const known = catalogue.names();
        const guess = suggest(capabilityName, known);
        error(
          at,
          "unknown_capability",
          `${formatPath(at)} is "${capabilityName}", which is not in the catalogue${guess ? `; did you mean "${guess}"?` : "."} Allowed: ${known.join(", ")}`,
        );
        return;
      }
      const contribution: CapabilityContribution = { name: capability.name, summed: [], multiplied: [] };
      capabilityContributions.push(contribution);
      for (const [cost, leaf] of Object.entries(capability.costLeaves) as [CapabilityCost, number][]) {
        if (leaf < 0) continue;
        const pair: [number, number] = [P[capabilityCosts[cost]], leaf];
        summedLeaves.push(pair);
        contribution.summed.push(pair);
        used.add(leaf);
      }
      for (const [target, leaf] of capability.effectLeaves) {
        const ownValue = target === "manualTasks" ? entry.manualTasks !== undefined : getIn(entry, target.split(".")) !== undefined;
        if (ownValue) continue;
        for (const parameter of effectTargets[target]) {
          multipliedLeaves.push([P[parameter], leaf]);
          contribution.multiplied.push([P[parameter], leaf]);
        }
        used.add(leaf);
      }
    });
    // The built-in prices are stated in euros: a case in another currency takes them unconverted, and is told so.
    const listedCapabilities = capabilityContributions.map((contribution) => catalogue.get(contribution.name)!);
    const currencyWarning = catalogueCurrencyWarning(
      file.currency,
      unconvertedBuiltInPrices({ currency: file.currency, capabilities: listedCapabilities, leaves }),
      formatPath([...base, "capabilities"]),
    );
    if (currencyWarning) warn([...base, "capabilities"], "catalogue_currency", currencyWarning);

    scenarios.push({
      name,
      label: entry.label ?? name,
      ...(entry.description ? { description: entry.description } : {}),
      ...(entry.note ? { note: entry.note } : {}),
      releaseMode: mode === "capacity" ? "capacity" : "schedule",
      releaseMonths: Int32Array.from(mode === "capacity" ? [] : months).sort(),
      parameterLeaves,
      summedLeaves,
      multipliedLeaves,
      capabilities: [...new Set(listed)],
      capabilityContributions,
      usedLeaves: [...used].sort((a, b) => a - b),
    });
  }

  for (const { path, code, names, message } of shared.values()) {
    const several = names.length > 1;
    const who: Who = {
      names: several ? `scenarios ${names.map((name) => `"${name}"`).join(", ")}` : `scenario "${names[0]}"`,
      verb: (one, many) => (several ? (many ?? one) : one),
    };
    error(path, code, message(who));
  }
  const correlated = compileCorrelations(file, leaves, error, shownLeaf);
  if (issues.some((issue) => issue.severity === "error")) return { issues };
  // Resolved before the leaf values are taken: resolving may add built-in leaves.
  const capabilities = options.allCapabilities ? catalogue.names().map((name) => catalogue.get(name)!) : catalogue.resolved();
  return {
    issues,
    compiled: {
      title: file.title,
      ...(file.description ? { description: file.description } : {}),
      currency: file.currency,
      horizonMonths: file.horizonMonths,
      discounting: file.discounting ?? "monthly",
      ...(file.riskAdjustment ? { riskAdjustment: { benefits: file.riskAdjustment.benefits ?? 0, costs: file.riskAdjustment.costs ?? 0 } } : {}),
      baseline: file.baseline,
      scenarios,
      leaves,
      leafValues: Float64Array.from(leaves, (leaf) => leaf.value),
      groupNotes,
      manualTasks: [...taskNames].map(([name, per]) => ({ name, per })),
      capabilities,
      uncertainLeaves: leaves.flatMap((leaf, index) => (leaf.distribution ? [index] : [])),
      correlations: correlated.correlations,
      correlationGroups: correlated.groups,
    },
  };
}

const fallbacks = Float64Array.from(parameterNames, (name) => parameterSpecs[name].fallback);

const allParameters = Int32Array.from({ length: PARAMETER_COUNT }, (_, index) => index);

/**
 * Fills a scenario's parameter vector from leaf values (the file's, or one Monte Carlo draw).
 * Allocation-free but for one small object: called once per scenario per run.
 */
export function fillParameters(scenario: CompiledScenario, leafValues: Float64Array, out: Float64Array): void {
  fillChosenParameters(scenario, { parameters: allParameters, summed: scenario.summedLeaves, multiplied: scenario.multipliedLeaves }, leafValues, out);
}

/** The parameters of a scenario that read any of the given leaves, and the sums and products that make them. */
export interface VaryingParameters {
  readonly parameters: Int32Array;
  readonly summed: readonly (readonly [parameter: number, leaf: number])[];
  readonly multiplied: readonly (readonly [parameter: number, leaf: number])[];
}

/** Which of a scenario's parameters change when `leaves` (the Monte Carlo's ranges) change. */
export function varyingParameters(scenario: CompiledScenario, leaves: readonly number[]): VaryingParameters {
  const changing = new Set(leaves);
  const varying = new Set<number>();
  scenario.parameterLeaves.forEach((leaf, parameter) => {
    if (changing.has(leaf)) varying.add(parameter);
  });
  for (const [parameter, leaf] of [...scenario.summedLeaves, ...scenario.multipliedLeaves]) if (changing.has(leaf)) varying.add(parameter);
  return {
    parameters: Int32Array.from([...varying].sort((a, b) => a - b)),
    summed: scenario.summedLeaves.filter(([parameter]) => varying.has(parameter)),
    multiplied: scenario.multipliedLeaves.filter(([parameter]) => varying.has(parameter)),
  };
}

/**
 * Fills the given parameters (all of them for `fillParameters`; in the Monte Carlo, those its ranges
 * feed), leaving the others as they are: each from its own leaf or fallback, then the sums
 * (manual chores have no leaf of their own: their tasks, and capability costs, add up here), then
 * the products of capability effects, clamped to what the parameter allows.
 */
export function fillChosenParameters(scenario: CompiledScenario, varying: VaryingParameters, leafValues: Float64Array, out: Float64Array): void {
  const leavesOf = scenario.parameterLeaves;
  const parameters = varying.parameters;
  for (let index = 0; index < parameters.length; index++) {
    const parameter = parameters[index]!;
    const leaf = leavesOf[parameter] ?? -1;
    out[parameter] = leaf >= 0 ? (leafValues[leaf] ?? Number.NaN) : (fallbacks[parameter] ?? Number.NaN);
  }
  for (const [parameter, leaf] of varying.summed) out[parameter] = (out[parameter] ?? 0) + (leafValues[leaf] ?? 0);
  const multiplied = varying.multiplied;
  if (multiplied.length === 0) return;
  for (const [parameter, leaf] of multiplied) out[parameter] = (out[parameter] ?? 0) * (leafValues[leaf] ?? 1);
  // Effects multiply: sixty-four of 0.001 would leave a number too small to divide by.
  for (const [parameter] of multiplied) out[parameter] = keepWithinKind(kindOfParameter[parameter]!, out[parameter]!);
}

const kindOfParameter = parameterNames.map((name) => quantityKind(parameterSpecs[name].kind));

import {
  builtInCatalogue,
  compileCase,
  effectTargetNames,
  takesCataloguePricesUnconverted,
  unconvertedBuiltInPrices,
  validateScenarioText,
} from "../../../src/engine/index.js";
import { builtInPricesWords } from "../../../src/format/words.js";
import { formatInputMoney, formatNumber } from "../../../src/format/numbers.js";
import { deleteIn, getIn, isRecord, setIn, type CaseData } from "./data-path.js";
import { inputGroups, type Field } from "./field-tree.js";
import { readQuantity } from "./quantity-form.js";

/**
 * The capability catalogue as the editor shows it: the built-in capabilities, the file's own
 * `catalogue:` entries (which override a built-in one field by field, as the engine reads them),
 * and the scenarios' `capabilities` lists that name them.
 */

export type EffectTarget = (typeof effectTargetNames)[number];
type BuiltIn = (typeof builtInCatalogue)[string];

/** A capability's costs, in the order the editor and the picker show them. */
export const costKeys = ["setupHours", "upfrontCost", "monthlyCost", "monthlyCostPerPerson"] as const;
export type CostKey = (typeof costKeys)[number];

/** One capability with the file's values over the built-in ones; raw values as the file holds them. */
export interface CapabilityView {
  readonly name: string;
  readonly label: string;
  readonly description: string;
  /** Built in to the engine (possibly overridden by the file). */
  readonly builtIn: boolean;
  /** Written under `catalogue:` in the file (a capability of its own, or an override). */
  readonly own: boolean;
  readonly costs: Readonly<Record<CostKey, unknown>>;
  readonly effects: Readonly<Partial<Record<EffectTarget, unknown>>>;
}

export function isBuiltIn(name: string): boolean {
  return Object.hasOwn(builtInCatalogue, name);
}

export function builtInOf(name: string): BuiltIn | undefined {
  return isBuiltIn(name) ? builtInCatalogue[name] : undefined;
}

/** The file's own entries, by name. */
export function ownCatalogue(data: CaseData): Record<string, unknown> {
  return isRecord(data.catalogue) ? data.catalogue : {};
}

/** Every capability name the case knows: the built-in ones, then the file's own new ones. */
export function capabilityNames(data: CaseData): string[] {
  return [...new Set([...Object.keys(builtInCatalogue), ...Object.keys(ownCatalogue(data))])];
}

/** A capability as the engine will read it: each field from the file, else from the built-in one. */
export function capabilityView(data: CaseData, name: string): CapabilityView | undefined {
  const builtIn = builtInOf(name);
  const written = ownCatalogue(data)[name];
  if (!builtIn && written === undefined) return undefined;
  const own = isRecord(written) ? written : {};
  const text = (key: "label" | "description", fallback: string) => (typeof own[key] === "string" && own[key] !== "" ? (own[key] as string) : fallback);
  const ownEffects = isRecord(own.effects) ? own.effects : {};
  const effects: Partial<Record<EffectTarget, unknown>> = {};
  for (const target of effectTargetNames) {
    const value = ownEffects[target] ?? builtIn?.effects[target];
    if (value !== undefined) effects[target] = value;
  }
  return {
    name,
    label: text("label", builtIn?.label ?? name),
    description: text("description", builtIn?.description ?? ""),
    builtIn: builtIn !== undefined,
    own: written !== undefined,
    costs: Object.fromEntries(costKeys.map((key) => [key, own[key] ?? builtIn?.[key]])) as Record<CostKey, unknown>,
    effects,
  };
}

/** The capabilities a scenario lists (as written, unknown names included). */
export function scenarioCapabilities(data: CaseData, scenario: string): string[] {
  const listed = getIn(data, ["scenarios", scenario, "capabilities"]);
  return Array.isArray(listed) ? listed.filter((item): item is string => typeof item === "string") : [];
}

/** The scenarios whose list names the capability. */
export function scenariosUsing(data: CaseData, name: string): string[] {
  const scenarios = isRecord(data.scenarios) ? Object.keys(data.scenarios) : [];
  return scenarios.filter((scenario) => scenarioCapabilities(data, scenario).includes(name));
}

/**
 * A scenario's list with the capability added (at the end) or removed; an empty list is removed
 * from the file, so the scenario reads its inputs as it did before it had capabilities.
 */
export function withCapability(data: CaseData, scenario: string, name: string, chosen: boolean): CaseData {
  const path = ["scenarios", scenario, "capabilities"];
  const listed = getIn(data, path);
  const current = Array.isArray(listed) ? listed : [];
  const next = chosen ? (current.includes(name) ? current : [...current, name]) : current.filter((item) => item !== name);
  return next.length === 0 ? deleteIn(data, path, 2) : setIn(data, path, next);
}

/** What is wrong with a name for a new capability, or undefined when it can be used. */
export function capabilityNameProblem(data: CaseData, name: string): string | undefined {
  if (name === "") return "a capability needs a name";
  if (name.length > 80) return "a name is at most 80 characters";
  if (/[\r\n]/.test(name)) return "a name is one line";
  if (Object.hasOwn(ownCatalogue(data), name)) return `there is already a capability named “${name}” in this file`;
  if (isBuiltIn(name)) return `“${name}” is a built-in capability: use “Customise” on it to change its values`;
  return undefined;
}

/**
 * The name in the file for a label: its words in camelCase, as the built-in names are written.
 * @example nameFromLabel("Feature store for the team") // "featureStoreForTheTeam"
 */
export function nameFromLabel(label: string): string {
  const words = label
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== "");
  return words
    .map((word, index) => (index === 0 ? word.charAt(0).toLowerCase() : word.charAt(0).toUpperCase()) + word.slice(1))
    .join("")
    .slice(0, 80);
}

/** Adds a capability of the file's own. */
export function addCapability(data: CaseData, name: string, entry: Record<string, unknown>): CaseData {
  return setIn(data, ["catalogue", name], entry);
}

/**
 * The built-in capability written into the file under its own name, so each value can be changed;
 * costs of zero are left out (they stay zero). In a case not in the catalogue's currency its prices
 * are left out too: they are EUR figures, and written into the file they would read as the user's own
 * prices in the case's currency, with no warning left. Left out, they stay the built-in ones, shown and
 * warned of as such, until the user gives a price of their own.
 */
export function customiseBuiltIn(data: CaseData, name: string): CaseData {
  const builtIn = builtInOf(name);
  if (!builtIn) return data;
  const entry: Record<string, unknown> = { label: builtIn.label, description: builtIn.description };
  const foreign = typeof data.currency === "string" && takesCataloguePricesUnconverted(data.currency);
  for (const key of costKeys) if (builtIn[key] !== 0 && !(foreign && key !== "setupHours")) entry[key] = builtIn[key];
  entry.effects = { ...builtIn.effects };
  return setIn(data, ["catalogue", name], entry);
}

/**
 * Removes the file's entry (a built-in one then applies again); with `fromScenarios`, a capability
 * of the file's own is also taken out of every scenario's list.
 */
export function removeCapability(data: CaseData, name: string, fromScenarios: boolean): CaseData {
  let next = deleteIn(data, ["catalogue", name]);
  if (fromScenarios) for (const scenario of scenariosUsing(next, name)) next = withCapability(next, scenario, name, false);
  return next;
}

function findNumber(fields: readonly Field[], path: readonly string[]): Field | undefined {
  const [head, ...rest] = path;
  const field = fields.find((candidate) => candidate.key === head);
  if (!field || rest.length === 0) return field;
  return field.kind === "group" ? findNumber(field.children, rest) : undefined;
}

/**
 * What an effect changes, as the input is labelled in the editor.
 * @example effectTargetLabel("projects.upkeepHoursPerMonth") // "Upkeep hours a month for each live project"
 */
export function effectTargetLabel(target: EffectTarget): string {
  if (target === "manualTasks") return "Minutes of every manual chore";
  return findNumber(inputGroups, target.split("."))?.label ?? target;
}

/**
 * What the input an effect changes means, from the schema's help.
 * @example effectTargetHelp("waiting.minutesPerRun") // "Minutes one run takes."
 */
export function effectTargetHelp(target: EffectTarget): string {
  if (target === "manualTasks") return "every recurring chore's minutes a week, in each scenario that lists no chores of its own.";
  const field = findNumber(inputGroups, target.split("."));
  const help = field?.kind === "number" ? field.help : "";
  return help !== "" ? help : `${field?.label ?? target}.`;
}

function percentChange(factor: number): string {
  if (factor === 1) return "no change";
  if (factor === 0) return "none left";
  const percent = formatNumber(Math.abs(factor - 1) * 100, 1);
  return factor < 1 ? `${percent}% less` : `${percent}% more`;
}

/**
 * A multiplier in plain words.
 * @example effectWords(0.7) // "30% less" ; effectWords({ low: 0.5, high: 0.8 }) // "20% to 50% less"
 */
export function effectWords(raw: unknown): string {
  const form = readQuantity(raw);
  if (form.kind === "point") return typeof form.value === "number" ? percentChange(form.value) : "not set";
  if (form.kind === "range" && typeof form.low === "number" && typeof form.high === "number") {
    const [a, b] = [form.low, form.high].sort((x, y) => Math.abs(x - 1) - Math.abs(y - 1));
    if (a! < 1 && b! < 1) return `${formatNumber((1 - a!) * 100, 1)}% to ${percentChange(b!)}`;
    if (a! > 1 && b! > 1) return `${formatNumber((a! - 1) * 100, 1)}% to ${percentChange(b!)}`;
    return `${percentChange(form.low)} to ${percentChange(form.high)}`;
  }
  return "uncertain";
}

function amount(raw: unknown, show: (value: number) => string): string | undefined {
  const form = readQuantity(raw);
  if (form.kind === "point") return typeof form.value === "number" && form.value !== 0 ? show(form.value) : undefined;
  if (form.kind === "range" && typeof form.low === "number" && typeof form.high === "number") return `${show(form.low)}–${show(form.high)}`;
  return "uncertain";
}

/**
 * A capability's costs in plain words; "no cost" when every cost is zero or left out.
 * @example costWords({ setupHours: 80, upfrontCost: 0, monthlyCost: 300, monthlyCostPerPerson: 0 }, "EUR") // "80 set-up hours · €300 a month"
 */
export function costWords(costs: Readonly<Record<CostKey, unknown>>, currency: string): string {
  const money = (value: number) => formatInputMoney(value, currency);
  const parts = [
    amount(costs.setupHours, (value) => `${formatNumber(value, 1)}`)?.concat(" set-up hours"),
    amount(costs.upfrontCost, money)?.concat(" once"),
    amount(costs.monthlyCost, money)?.concat(" a month"),
    amount(costs.monthlyCostPerPerson, money)?.concat(" a person a month"),
  ].filter((part): part is string => part !== undefined);
  return parts.length > 0 ? parts.join(" · ") : "no cost";
}

/** Each effect in plain words: "Upkeep hours a month for each live project: 30% less". */
export function effectLines(effects: Readonly<Partial<Record<EffectTarget, unknown>>>): string[] {
  return (Object.entries(effects) as [EffectTarget, unknown][]).map(([target, raw]) => `${effectTargetLabel(target)}: ${effectWords(raw)}`);
}

/**
 * The sentence every view writes of built-in prices taken unconverted (src/format/words.ts's
 * builtInPricesWords), for the built-in capabilities the Capabilities tab shows as cards (`names`):
 * the engine decides which of their prices are the catalogue's, stated in EUR, in a case in another
 * currency (unconvertedBuiltInPrices, on the case compiled with every capability, as `optimize`
 * compiles it). `undefined` when there are none, or while the case has an error.
 * @example builtInCardsPrices(dollarCase, ["scheduling"]) // "The built-in catalogue's prices are stated in EUR, but this case is in USD: …"
 */
export function builtInCardsPrices(data: CaseData, names: readonly string[]): string | undefined {
  const { file, compiled } = validateScenarioText(JSON.stringify(data) ?? "");
  const all = file && compiled ? compileCase(file, { allCapabilities: true }).compiled : undefined;
  return all ? builtInPricesWords(all.currency, unconvertedBuiltInPrices(all, names)) : undefined;
}

/**
 * What the Capabilities tab says of the built-in capabilities: starting assumptions, and, when the
 * cards show built-in prices in another currency than the catalogue's, the sentence every view writes
 * of them (builtInCardsPrices: the cards read "JP¥300 a month" in a case in yen, as if that were a
 * yen price).
 * @example builtInHelp(undefined) // "Their costs and effects are starting assumptions for a small team. …"
 */
export function builtInHelp(builtInPrices: string | undefined): string {
  const help = "Their costs and effects are starting assumptions for a small team. Customise one to change its values for this case.";
  return builtInPrices === undefined ? help : `${help} ${builtInPrices}`;
}

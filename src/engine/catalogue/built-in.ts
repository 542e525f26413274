import type { EffectTarget } from "./targets.js";

/** A capability as the catalogue describes it (docs/scenario-file.md, "The capability catalogue"). */
export interface CapabilityDefaults {
  label: string;
  description: string;
  setupHours: number;
  upfrontCost: number;
  monthlyCost: number;
  monthlyCostPerPerson: number;
  effects: Partial<Record<EffectTarget, number>>;
}

/**
 * The capabilities the talks tell a technical lead to ask for. Every number is a starting
 * assumption for a typical small team — shown as such in the report's assumptions, to be confirmed
 * or overridden under `catalogue:` in the scenario file. Costs are stated in euros
 * (BUILT_IN_CURRENCY) and taken as written, unconverted, in the case's currency: a case in another
 * currency is warned (`catalogueCurrencyWarning`).
 */
export const builtInCatalogue: Record<string, CapabilityDefaults> = {
  commands: {
    label: "Everything runs from a command",
    description: "Every step of building, checking and releasing a model can be started by one command, so it can be automated.",
    setupHours: 40,
    upfrontCost: 0,
    monthlyCost: 0,
    monthlyCostPerPerson: 0,
    effects: { manualTasks: 0.8, "meetings.hoursPerPersonPerMonth": 0.9 },
  },
  versioning: {
    label: "Model and data versioning",
    description: "Every model and the data it was trained on are stored with a version, so any result can be rebuilt and any release rolled back.",
    setupHours: 60,
    upfrontCost: 0,
    monthlyCost: 0,
    monthlyCostPerPerson: 20,
    effects: { "projects.upkeepHoursPerMonth": 0.9, "breakage.hoursToRestore": 0.6, "turnover.knowledgeLossHours": 0.8 },
  },
  scheduling: {
    label: "Scheduled data jobs",
    description: "Data jobs run on a schedule, in the right order, retry by themselves and keep a log.",
    setupHours: 80,
    upfrontCost: 0,
    monthlyCost: 300,
    monthlyCostPerPerson: 0,
    effects: { manualTasks: 0.6, "projects.upkeepHoursPerMonth": 0.7, "breakage.fixHoursPerFailure": 0.8, "turnover.attritionPerYear": 0.95 },
  },
  automaticChecks: {
    label: "Automatic checks and release",
    description: "Every change is tested and released automatically, the same way each time.",
    setupHours: 80,
    upfrontCost: 0,
    monthlyCost: 100,
    monthlyCostPerPerson: 0,
    effects: { "breakage.changeFailureRate": 0.5, manualTasks: 0.8, "projects.buildHours": 0.9 },
  },
  experimentTracking: {
    label: "Experiment tracking",
    description: "Every training run is recorded with its settings and results, so nobody repeats work or loses the best model.",
    setupHours: 24,
    upfrontCost: 0,
    monthlyCost: 0,
    monthlyCostPerPerson: 30,
    effects: { "projects.buildHours": 0.9, "meetings.hoursPerPersonPerMonth": 0.9 },
  },
  onDemandCompute: {
    label: "Computing power on demand",
    description: "Large jobs get the machines they need when they need them, instead of queueing on a shared server or a laptop.",
    setupHours: 40,
    upfrontCost: 0,
    monthlyCost: 800,
    monthlyCostPerPerson: 0,
    effects: { "waiting.minutesPerRun": 0.4 },
  },
  monitoring: {
    label: "Monitoring and alerts",
    description: "Live models are watched, and the team is told when one breaks or drifts, before users notice.",
    setupHours: 60,
    upfrontCost: 0,
    monthlyCost: 200,
    monthlyCostPerPerson: 0,
    effects: { "breakage.hoursToRestore": 0.5, "projects.upkeepHoursPerMonth": 0.85 },
  },
  templates: {
    label: "Shared project templates",
    description: "New projects start from a shared template: one way of working instead of ten home-made ones.",
    setupHours: 120,
    upfrontCost: 0,
    monthlyCost: 0,
    monthlyCostPerPerson: 0,
    effects: { "projects.buildHours": 0.75, "projects.upkeepHoursPerMonth": 0.85, "turnover.knowledgeLossHours": 0.7, "turnover.attritionPerYear": 0.95 },
  },
  reuse: {
    label: "Reusable features and components",
    description: "Data preparation and model parts built once are shared between projects.",
    setupHours: 100,
    upfrontCost: 0,
    monthlyCost: 0,
    monthlyCostPerPerson: 25,
    effects: { "projects.buildHours": 0.8 },
  },
  governance: {
    label: "Audit trails",
    description: "Who changed which model, when and why is recorded automatically, as regulators and auditors ask.",
    setupHours: 80,
    upfrontCost: 0,
    monthlyCost: 250,
    monthlyCostPerPerson: 0,
    effects: { manualTasks: 0.85, "meetings.otherTeamsHoursPerMonth": 0.7 },
  },
};

/**
 * The currency the built-in catalogue's prices are stated in: that of the reference case they were
 * sized for (examples/seed.yaml, a small team in euros). A case in another currency takes them as
 * written, unconverted — 300 a month is JP¥300 in a case in yen — and is warned.
 */
export const BUILT_IN_CURRENCY = "EUR";

/**
 * Whether a case in `currency` takes the built-in catalogue's prices unconverted, as another
 * currency's amounts: every view that says so asks here.
 * @example takesCataloguePricesUnconverted("JPY") // true ; takesCataloguePricesUnconverted("eur") // false
 */
export function takesCataloguePricesUnconverted(currency: string): boolean {
  return currency.toUpperCase() !== BUILT_IN_CURRENCY;
}

/** A capability's costs that are money (its set-up hours are not): the prices a currency applies to. */
export const PRICE_COSTS = ["upfrontCost", "monthlyCost", "monthlyCostPerPerson"] as const;

/** A built-in catalogue price a case takes: the capability, which cost, and the number as written. */
export interface BuiltInPrice {
  capability: string;
  cost: (typeof PRICE_COSTS)[number];
  value: number;
}

/** What each price is for, after its amount: "300 a month". */
export const priceWords: Record<BuiltInPrice["cost"], string> = {
  upfrontCost: "up front",
  monthlyCost: "a month",
  monthlyCostPerPerson: "a person a month",
};

/**
 * The one sentence every view writes of the built-in prices a case in another currency takes
 * unconverted (`run`'s warning, the report, the workbook, `optimize` and the web app, through
 * src/format/words.ts's builtInPricesWords): `prices` are those the engine found so taken
 * (unconvertedBuiltInPrices); `undefined` when there are none. It is written here, beside the rule,
 * because the engine's own warning says it and the engine imports nothing above it.
 * @example builtInPricesSentence("JPY", [{ capability: "scheduling", cost: "monthlyCost", value: 300 }])
 * // "The built-in catalogue's prices are stated in EUR, but this case is in JPY: they are taken as written, unconverted, as JPY (scheduling 300 a month); give your own prices in JPY under catalogue: in the file (catalogue.scheduling.monthlyCost)."
 */
export function builtInPricesSentence(caseCurrency: string, prices: readonly BuiltInPrice[]): string | undefined {
  if (prices.length === 0) return undefined;
  const listed = prices.map((price) => `${price.capability} ${price.value} ${priceWords[price.cost]}`).join(", ");
  const fields = prices.map((price) => `catalogue.${price.capability}.${price.cost}`).join(", ");
  return `The built-in catalogue's prices are stated in ${BUILT_IN_CURRENCY}, but this case is in ${caseCurrency}: they are taken as written, unconverted, as ${caseCurrency} (${listed}); give your own prices in ${caseCurrency} under catalogue: in the file (${fields}).`;
}

/**
 * The warning for the built-in prices `where` takes unconverted (unconvertedBuiltInPrices; `undefined`
 * when there are none): where, then the one sentence (builtInPricesSentence).
 * @example catalogueCurrencyWarning("JPY", [{ capability: "scheduling", cost: "monthlyCost", value: 300 }], "scenarios.better.capabilities")
 * // "scenarios.better.capabilities takes built-in catalogue prices. The built-in catalogue's prices are stated in EUR, but this case is in JPY: …"
 */
export function catalogueCurrencyWarning(caseCurrency: string, prices: readonly BuiltInPrice[], where: string): string | undefined {
  const sentence = builtInPricesSentence(caseCurrency, prices);
  return sentence === undefined ? undefined : `${where} takes built-in catalogue prices. ${sentence}`;
}

export const BUILT_IN_NOTE = "starting assumption of the built-in catalogue: confirm it for your team, or override it under catalogue";

import { Option, type Command } from "commander";
import { parseDocument } from "yaml";
import {
  baselineCapabilitiesIssue,
  buildResult,
  type ScenarioInputs,
  BUILT_IN_CURRENCY,
  unconvertedBuiltInPrices,
  priceWords,
  builtInPricesOf as builtInPricesIn,
  capabilitiesInRanked,
  catalogueCurrencyWarning,
  compileCase,
  feeMonthsOf,
  optimize,
  rangesTheSetsRead,
  validateScenarioText,
  type CompiledCase,
  type Objective,
  type OptimizeResult,
} from "../../engine/index.js";
import { EXACT_SET_SAMPLES, HALVING_SETS, MAX_CANDIDATES, MAX_OPTIMIZE_SAMPLES } from "../../engine/index.js";
import {
  currencyDecimals,
  formatChanceOfSamples,
  formatGain,
  formatMoneyToMinorUnit,
  formatBoundAsGiven,
  formatMoneyAsGiven,
  formatMoneyExact as formatMoney,
  formatPaybackMonth,
  lessThanOneUnit,
  plural,
  pluralAsWritten,
  roundAsWritten,
} from "../../format/numbers.js";
import { renderTable } from "../format/table.js";
import {
  WITH_EVERY_RANGE_AT_ITS_MIDDLE,
  builtInPricesWords,
  CASH_AS_PAID,
  discountRateWords,
  listInWords,
  PAYBACK_MONTH_BASIS,
  riskAdjustmentAside,
} from "../../format/words.js";
import { UserError, type CliOutput } from "../io.js";
import { writeFileAtomic } from "../../shared/atomic-write.js";
import { refuseReadOnlyCase } from "../output-file.js";
import { editScenarioText } from "../../shared/scenario-edit.js";
import { inFileFormat } from "../../shared/case-text.js";
import { toJson } from "../json.js";
import { loadScenario, SCENARIO_FILE_WORDS } from "../load.js";
import { countSummary, formatIssues } from "../diagnostics.js";
import { FEWEST_DOCUMENT_SAMPLES, parseWholeNumber } from "../uncertainty.js";
import { formatNumber } from "../../format/numbers.js";

interface OptimizeCommandOptions {
  budget?: string;
  setupHours?: string;
  objective: Objective;
  from?: string;
  samples?: string;
  seed?: string;
  top?: string;
  json?: boolean;
  writeScenario?: string;
  force?: boolean;
}

function parseAmount(option: string, text: string): number {
  const plain = text.replace(/[_,\s]/g, "");
  const value = Number(plain);
  // An empty value is no amount (Number("") is 0: --budget "" searched within €0); hours are not money.
  const allowed = option === "--setup-hours" ? "a number of hours ≥ 0, e.g. 300" : "an amount ≥ 0, e.g. 20000";
  if (plain === "" || !Number.isFinite(value) || value < 0) throw new UserError(`${option} is "${text}"; allowed: ${allowed}`, 2);
  return value;
}

/** What the text says of the case beside the search: its currency, horizon, and the user's own scenarios. */
interface CaseContext {
  readonly currency: string;
  readonly horizonMonths: number;
  readonly labels: Map<string, string>;
  /** The file's alternatives with capabilities, with their own figures (as `run` gives them). */
  readonly scenarios: readonly { name: string; label: string; capabilities: readonly string[]; npv: number; paybackMonth: number | null }[];
  /** The file's risk adjustment, which the sets' NPVs are before. */
  readonly riskAdjustment?: { benefits: number; costs: number };
  /** The prices taken from the built-in catalogue of the capabilities the listed sets use, in words ("scheduling €300 a month"). */
  readonly builtInPrices: readonly string[];
  /** With a currency other than the catalogue's: the sentence every view writes of the built-in prices the listed sets take unconverted. */
  readonly unconvertedPrices?: string;
  /** The months in which a set's fees are paid (engine's feeMonthsOf): from today's change start, within today's licence months. */
  readonly feeMonths: { from: number; until: number };
  /** The file gives inputs as ranges: every figure but the objective's over the draws is that of the case run once with every range at its middle. */
  readonly ranges: boolean;
  /** The yearly rate the NPVs are discounted at (as `run` gives it: with every range at its middle). */
  readonly discountRate: number;
}

/**
 * The settings under a scenario's `change:` that a set does not take from your scenarios (engine's
 * SetEvaluator starts from the baseline, which has the file's `defaults:`, and adds only the
 * capabilities): each named as the note under the table names it. Typed by the file's schema, so a
 * new setting must be named here.
 */
export const CHANGE_SETTINGS_LEFT_OUT: Readonly<Record<Exclude<keyof NonNullable<ScenarioInputs["change"]>, "note">, string>> = {
  startMonth: "when the change starts",
  setupHours: "setup hours",
  setupMonths: "setup months",
  learningWeeksPerPerson: "learning weeks",
  familiarity: "familiarity",
  organisationFactor: "organisation factor",
  contingencyShare: "contingency",
  adoptionDipShare: "adoption dip",
  adoptionDipMonths: "its months",
  external: "outside spending",
  alongside: "people working alongside",
};

/**
 * How each set is priced, under the table: on today's inputs and the file's defaults, with none of
 * your scenarios' own settings (`CHANGE_SETTINGS_LEFT_OUT`, and their other inputs).
 */
export function pricedAsWords(): string {
  const left = CHANGE_SETTINGS_LEFT_OUT;
  const named = Object.entries(left)
    .filter(([key]) => key !== "adoptionDipMonths")
    .map(([key, words]) => (key === "adoptionDipShare" ? `${words} and ${left.adoptionDipMonths}` : words));
  return `Each set is priced as a scenario with only these capabilities (as --write-scenario writes it): today's inputs and the file's defaults, with none of your scenarios' own settings, neither their change: settings (${listInWords(named)}) nor their other inputs.`;
}

/**
 * What a set's cash counts, in the words of the title, the column, the note under the table and the
 * scenario it writes (engine's cashMonthsOf): a year of fees ("first-year cash"); the plan's own months
 * when it is shorter than a year and the fees run all of it ("cash over the plan's 6 months"); else the
 * months of the plan in which the fees are paid ("months 4 to 6 of the plan").
 */
function cashBasis(
  result: OptimizeResult,
  horizonMonths: number,
  fees: { from: number; until: number },
): { title: string; column: string; note?: string; scenario: (budget: string) => string } {
  const months = result.cashMonths;
  const budget = result.limits.budget !== null ? " (and the budget)" : "";
  if (months >= 12) return { title: "first-year cash", column: "First-year cash", scenario: (amount) => `a first-year budget of ${amount}` };
  const feeWords = `${plural(months, "month")} of fees`;
  if (fees.from <= 1 && fees.until >= horizonMonths)
    return {
      title: `cash over the plan's ${plural(months, "month")}`,
      column: `Cash, ${plural(months, "month")}`,
      note: `The plan is ${plural(months, "month")} long, so the cash${budget} counts the up-front spend plus ${feeWords}, not twelve.`,
      scenario: (amount) => `a budget of ${amount} over the plan's ${plural(months, "month")}`,
    };
  const end = Math.min(horizonMonths, fees.until);
  const why = "today's change start and licence months";
  if (months === 0)
    return {
      title: "up-front cash",
      column: "Up-front cash",
      note: `No month of the plan pays the fees (${why}), so the cash${budget} counts the up-front spend only.`,
      scenario: (amount) => `an up-front budget of ${amount}`,
    };
  return {
    title: `cash with ${feeWords}`,
    column: `Cash, ${plural(months, "month")}`,
    note: `The fees are paid in ${months === 1 ? `month ${fees.from}` : `months ${fees.from} to ${end}`} of the plan (${why}), so the cash${budget} counts the up-front spend plus ${feeWords}, not twelve.`,
    scenario: (amount) => `a budget of ${amount} for the up-front spend and ${feeWords}`,
  };
}

/**
 * The candidates' cash prices that come from the built-in catalogue, not the file, in words
 * ("scheduling €300 a month"): plain numbers set for a small team in euros (BUILT_IN_CURRENCY), which
 * a case takes in its own currency as written (300 a month is JP¥300 in a case in yen). The text says
 * so beside the first-year cash they make, as a warning when the case's currency is not the catalogue's.
 */
function builtInPricesOf(compiled: CompiledCase, candidates: readonly string[]): string[] {
  const money = (value: number) => formatMoney(value, compiled.currency);
  const byCapability = new Map<string, string[]>();
  for (const price of builtInPricesIn(compiled, candidates)) {
    byCapability.set(price.capability, [...(byCapability.get(price.capability) ?? []), `${money(price.value)} ${priceWords[price.cost]}`]);
  }
  return [...byCapability].map(([capability, prices]) => `${capability} ${prices.join(" and ")}`);
}

/** The file's alternatives that have capabilities, with the NPV and payback month `run` gives them. */
function scenariosOf(compiled: CompiledCase): CaseContext["scenarios"] {
  const result = buildResult(compiled);
  return compiled.scenarios
    .filter((scenario) => scenario.name !== compiled.baseline && scenario.capabilities.length > 0)
    .map((scenario) => {
      const comparison = result.comparisons[scenario.name]!;
      return { name: scenario.name, label: scenario.label, capabilities: scenario.capabilities, npv: comparison.npv, paybackMonth: comparison.paybackMonth };
    });
}

function objectiveText(result: OptimizeResult, value: number | null, context: Pick<CaseContext, "currency" | "horizonMonths">): string {
  switch (result.objective) {
    case "npv":
    case "p50":
      return value === null ? "n/a" : formatGain(value, context.currency);
    case "payback":
      return formatPaybackMonth(value, context.horizonMonths);
    case "probability":
      // A share of the draws: never a certain 0% or 100%, but none or every one of them said as the count,
      // not "under 1%" below staying as today, which ranks below every set that pays back (docs/numbers.md).
      return value === null ? "n/a" : formatChanceOfSamples(value, result.sampling?.samples ?? 0, "draw");
    default:
      return result.objective satisfies never;
  }
}

/**
 * The objective in words, as the title, the notes, the loss warning and a written scenario's description
 * name it; the chance's horizon in months, as its column says it ("within the horizon" read beside a
 * column "Chance of paying back within 36 months").
 * @example objectiveName("probability", 36) // "chance of paying back within 36 months"
 */
function objectiveName(objective: Objective, horizonMonths: number): string {
  if (objective === "probability") return `chance of paying back within ${plural(horizonMonths, "month")}`;
  return { npv: "net present value", p50: "median net present value over the ranges", payback: "earliest payback month" }[objective];
}

/**
 * The objective's column header, capitalised like the table's other headers, with its unit and
 * convention: the median NPV against today, the payback month's basis, the chance's horizon in months.
 * @example objectiveHeader("probability", 36) // "Chance of paying back within 36 months"
 */
function objectiveHeader(objective: Objective, horizonMonths: number): string {
  if (objective === "payback") return `Earliest payback (${PAYBACK_MONTH_BASIS})`;
  if (objective === "probability") return `Chance of paying back within ${plural(horizonMonths, "month")}`;
  if (objective === "p50") return "Median NPV against today over the ranges";
  return sentenceCase(objectiveName(objective, horizonMonths));
}

/** A column header from the objective's name, capitalised like the table's other headers. */
function sentenceCase(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

/** Splits a list into lines of at most `width` characters, so long sets stay readable in a terminal. */
function wrapList(items: readonly string[], width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const item of items) {
    const next = line === "" ? item : `${line}, ${item}`;
    if (next.length > width && line !== "") {
      lines.push(`${line},`);
      line = item;
    } else line = next;
  }
  if (line !== "") lines.push(line);
  return lines;
}

/** The same capabilities, as a set: order and repeats aside. */
function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const set = new Set(a);
  return set.size === new Set(b).size && b.every((name) => set.has(name));
}

/**
 * How the payback ranking orders the listed sets (engine's compareSets): those that pay back in the
 * same month by NPV; those that do not pay back within the plan after every set that does, by NPV too,
 * staying as today (which has nothing to pay back) among them at its €0.
 */
function paybackOrderWords(result: OptimizeResult, horizonMonths: number): string {
  const changes = result.ranked.filter((set) => set.capabilities.length > 0);
  const pays = changes.some((set) => set.paybackMonth !== null);
  const never = changes.some((set) => set.paybackMonth === null);
  const today = result.ranked.some((set) => set.capabilities.length === 0)
    ? `, staying as today among them at its NPV of ${formatMoney(0, result.currency)}`
    : "";
  const within = `within ${plural(horizonMonths, "month")}`;
  if (!never) return "Sets that pay back in the same month are ranked by NPV.";
  if (!pays) return `No set listed pays back ${within}: they are ranked by NPV${today}.`;
  return `Sets that pay back in the same month are ranked by NPV; sets that do not pay back ${within} come after every set that does, ranked by NPV too${today}.`;
}

/**
 * A set's cash beside the budget: to the currency's minor unit, to the unit when whole at it
 * (`formatMoneyToMinorUnit`): €959.52 of fees read "€960" under "at most €959.60", as if over it;
 * yen to the unit, as every yen figure. In full (as the budget is written) when so rounded it would
 * read above the budget it is within: JP¥56.55 under "at most JP¥56.55" reads so, not "JP¥57".
 * @example cashMoney(56.4, "JPY", null) // "JP¥56" ; cashMoney(56.55, "JPY", 56.55) // "JP¥56.55"
 */
function cashMoney(value: number, currency: string, budget: number | null): string {
  const over = budget !== null && roundAsWritten(value, currencyDecimals(currency)) > budget;
  return over ? formatMoneyAsGiven(value, currency) : formatMoneyToMinorUnit(value, currency);
}

/**
 * The best set loses money (the engine's `bestLosesMoney`): said plainly, with its NPV, and what gains
 * more, so that a set that pays back in 2% of the draws is not read as a recommendation.
 * @example lossWarning(result, { currency: "EUR", horizonMonths: 12 }) // "Warning: scheduling ranks first by chance of paying back within 12 months (2%) but loses money: its NPV is -€1,315 with every range at its middle. Staying as today costs nothing (NPV €0)."
 */
export function lossWarning(result: OptimizeResult, context: Pick<CaseContext, "currency" | "horizonMonths">): string | undefined {
  const loss = result.bestLosesMoney;
  if (!loss || !result.best) return undefined;
  const money = (value: number) => formatGain(value, context.currency);
  const ranking = result.objective === "npv" ? "" : ` (${objectiveText(result, result.best.objective, context)})`;
  const better =
    loss.better.capabilities.length === 0
      ? `Staying as today costs nothing (NPV ${money(0)}).`
      : `By NPV, ${loss.better.capabilities.join(", ")} gains ${money(loss.better.npv)}.`;
  // A loss under one unit would read "loses money: its NPV is €0": said as below €0 by less than €1.
  const under = lessThanOneUnit(-loss.npv, context.currency);
  const npv = under ? `below ${money(0)} by ${under}` : money(loss.npv);
  return `Warning: ${loss.capabilities.join(", ")} ranks first by ${objectiveName(result.objective, context.horizonMonths)}${ranking} but loses money: its NPV is ${npv} ${WITH_EVERY_RANGE_AT_ITS_MIDDLE}. ${better}`;
}

/**
 * A set's setup hours beside the limit: whole hours as they are, else to two decimals, and in full
 * (as the limit is written) when two decimals would read 0 or above the limit: a set of 300.5 hours
 * read "301" under "setup at most 300.5 hours", sets of 0.3 hours "0" under "at most 0.3 hours".
 * @example setupHoursText(300.5, 300.5) // "300.5" ; setupHoursText(0.0004, 0.0004) // "0.0004" ; setupHoursText(644, null) // "644"
 */
function setupHoursText(value: number, limit: number | null): string {
  const reads = roundAsWritten(value, 2);
  return (value > 0 && reads === 0) || (limit !== null && reads > limit) ? formatBoundAsGiven(value) : formatNumber(value, 2);
}

/**
 * Under the table of what to ask for first, ranked by a figure over the draws: what its steps (and
 * fair shares) add up to, the set's NPV with every range at its middle, and, ranked by the median NPV, that
 * it is not that median, another sum of money beside it (docs/commands.md, optimize).
 * @example addUpWords(result, 248944, true, context) // "The steps and the fair shares each add up to the set's NPV with every range at its middle (€248,944), not to its median net present value over the ranges (€247,431)."
 */
function addUpWords(result: OptimizeResult, npv: number, fairShares: boolean, context: Pick<CaseContext, "currency" | "horizonMonths">): string {
  const best = result.best;
  const median =
    result.objective === "p50" &&
    best &&
    sameSet(
      best.capabilities,
      result.adoptionOrder.map((step) => step.capability),
    )
      ? `, not to its ${objectiveName("p50", context.horizonMonths)} (${objectiveText(result, best.objective, context)})`
      : "";
  return `${fairShares ? "The steps and the fair shares each add" : "The steps add"} up to the set's NPV ${WITH_EVERY_RANGE_AT_ITS_MIDDLE} (${formatGain(npv, context.currency)})${median}.`;
}

function renderText(result: OptimizeResult, context: CaseContext): string {
  const { currency, labels } = context;
  // A gain under one unit reads "less than €1" (docs/numbers.md), never "€0" beside staying as today's €0.
  const gain = (value: number) => formatGain(value, currency);
  const hasLimits = result.limits.budget !== null || result.limits.setupHours !== null;
  // A plan shorter than a year, or fees that start later in one, pay fewer months of fees than twelve (engine's cashMonthsOf).
  const cash = cashBasis(result, context.horizonMonths, context.feeMonths);
  const limits = [
    // The budget as the user gave it, cents kept: --budget 959.6 read "at most €960" above a set of €960 it left out.
    result.limits.budget !== null ? `${cash.title} at most ${formatMoneyAsGiven(result.limits.budget, currency)}` : "",
    // Hours as given too: --setup-hours 0.0004 read "setup at most 0 hours", and 1 "setup at most 1 hours".
    result.limits.setupHours !== null ? `setup at most ${pluralAsWritten(formatBoundAsGiven(result.limits.setupHours), "hour")}` : "",
  ].filter(Boolean);
  // Ranked by a figure over the draws, the other columns are still with every range at its middle.
  const overDraws = result.objective === "p50" || result.objective === "probability";
  // With ranges in the file, every NPV but the median over the draws is that of the case run once with every range at its middle, whatever the ranking.
  const atTheMiddle = context.ranges || overDraws ? ` ${WITH_EVERY_RANGE_AT_ITS_MIDDLE}` : "";
  const parts = [
    `Best sets of capabilities by ${objectiveName(result.objective, context.horizonMonths)}${limits.length ? ` (${limits.join(", ")})` : ""}`,
    // The rate the NPVs are at, as run's header gives it.
    `${plural(context.horizonMonths, "month")} · ${context.currency} · NPVs against today · ${discountRateWords(context.discountRate)}`,
    `Search: ${result.methodDescription}${
      result.proven && result.strategy === "exhaustive" && !hasLimits && result.sampling === undefined
        ? "."
        : `; ${plural(result.evaluated, "set")} evaluated${hasLimits ? " within the limits" : ""}.`
    }`,
    `Answer: ${result.howFound}.`,
    "",
    renderTable(
      // Each header says what the figure is, its unit and its convention (docs/commands.md, optimize): the
      // NPV against today, with every range at its middle when the file has ranges; the payback month counted in
      // months of the plan before discounting; the cash as paid; the team's setup hours.
      [
        "Capabilities",
        ...(result.objective === "npv" ? [] : [objectiveHeader(result.objective, context.horizonMonths)]),
        `NPV against today${atTheMiddle}`,
        // Ranked by payback, the objective's own column is the payback month already.
        ...(result.objective === "payback" ? [] : [`Pays back (${PAYBACK_MONTH_BASIS})`]),
        `${cash.column} (${CASH_AS_PAID})`,
        "Team setup hours",
      ],
      result.ranked.flatMap((set, index) => {
        const today = set.capabilities.length === 0;
        const [first, ...more] = wrapList(today ? ["(nothing: stay as today)"] : set.capabilities, 56);
        // Staying as today changes nothing: it has no payback, nor a chance of one.
        const figures = [
          ...(result.objective === "npv" ? [] : [today && result.objective !== "p50" ? "–" : objectiveText(result, set.objective, context)]),
          gain(set.npv),
          ...(result.objective === "payback" ? [] : [today ? "–" : formatPaybackMonth(set.paybackMonth, context.horizonMonths)]),
          cashMoney(set.firstYearCash, currency, result.limits.budget),
          setupHoursText(set.setupHours, result.limits.setupHours),
        ];
        const indent = " ".repeat(String(index + 1).length + 2);
        return [[`${index + 1}. ${first ?? ""}`, ...figures], ...more.map((line) => [`${indent}${line}`, ...figures.map(() => "")])];
      }),
    ),
  ];
  // Each set is priced as --write-scenario writes it: a scenario with only `capabilities:`, none of the
  // user's own scenarios' settings (when the change starts, its setup months, learning, contingency).
  const yours = context.scenarios.flatMap((scenario) => {
    const rank = result.ranked.findIndex((set) => sameSet(set.capabilities, scenario.capabilities));
    return rank < 0
      ? []
      : [
          `  Set ${rank + 1} has the capabilities of your scenario “${scenario.label}” (${scenario.name}), which with its own settings gains ${gain(scenario.npv)} and pays back ${formatPaybackMonth(scenario.paybackMonth, context.horizonMonths)} (as run gives it).`,
        ];
  });
  const warning = lossWarning(result, context);
  parts.push(
    "",
    ...(overDraws
      ? [
          `  ${sentenceCase(objectiveName(result.objective, context.horizonMonths))}: from ${plural(result.sampling?.samples ?? 0, "draw")} of the inputs. The NPV, payback, ${cash.title} and setup hours: from the case run once with every range at its middle.`,
        ]
      : context.ranges
        ? [`  The NPV, payback, ${cash.title} and setup hours: from the case run once with every range at its middle.`]
        : []),
    ...(warning ? [`  ${warning}`] : []),
    `  ${pricedAsWords()}${
      result.ranked.some((set) => set.capabilities.length === 0) && (result.objective === "payback" || result.objective === "probability")
        ? " Staying as today changes nothing: it has no payback and ranks first only when no set pays back."
        : result.ranked.some((set) => set.capabilities.length === 0)
          ? " Staying as today changes nothing: it has no payback."
          : ""
    }`,
    ...yours,
    ...(cash.note ? [`  ${cash.note}`] : []),
    ...(context.riskAdjustment ? [`  ${riskAdjustmentAside(context.riskAdjustment)}`] : []),
    // The ranking's rule for ties (engine's compareSets): a reader sees four sets "month 4" or "over 99%" in an order.
    ...(result.ranked.filter((set) => set.capabilities.length > 0).length < 2
      ? [] // One set, or none beside staying as today: no order to explain.
      : result.objective === "payback"
        ? [`  ${paybackOrderWords(result, context.horizonMonths)}`]
        : result.objective === "probability"
          ? ["  Sets with the same chance are ranked by NPV; the chances are shown to the percent, so two that read alike may differ by a few draws."]
          : []),
    ...(context.unconvertedPrices !== undefined
      ? [
          `  Warning: ${context.unconvertedPrices} The NPV and ${result.cashMonths < 12 ? "cash" : "first-year cash"} take them so, and they are starting assumptions for a small team rather than quotes.`,
        ]
      : context.builtInPrices.length > 0
        ? [
            `  The NPV and ${result.cashMonths < 12 ? "cash" : "first-year cash"} use the built-in catalogue's prices, starting assumptions for a small team rather than quotes, taken as written in ${currency}: ${context.builtInPrices.join(", ")}. Confirm them, or give your own under catalogue: in the file.`,
          ]
        : []),
  );
  if (result.adoptionOrder.length > 0) {
    const shapley = new Map((result.shapleyNpv ?? []).map((entry) => [entry.capability, entry.value]));
    // The steps and fair shares are NPVs of the case run once with every range at its middle (engine's
    // adoptionOrder, shapley), never the median or the chance over the draws the sets are ranked by:
    // ranked by one of those, each column says so, as the ranked table's NPV column does.
    const lastStep = result.adoptionOrder[result.adoptionOrder.length - 1]!;
    parts.push(
      "",
      renderTable(
        ["What to ask for first", `Adds to NPV${atTheMiddle}`, `NPV so far${atTheMiddle}`, ...(shapley.size ? [`Fair share of NPV${atTheMiddle}`] : [])],
        result.adoptionOrder.map((step, index) => [
          `${index + 1}. ${labels.get(step.capability) ?? step.capability} (${step.capability})`,
          gain(step.marginalNpv),
          gain(step.cumulativeNpv),
          ...(shapley.size ? [gain(shapley.get(step.capability) ?? 0)] : []),
        ]),
      ),
      `  Each step adds the capability that adds the most NPV to those before it${
        shapley.size ? "; the fair share (Shapley value) splits the set's NPV among its picks whatever the order" : ""
      }.${overDraws ? ` ${addUpWords(result, lastStep.cumulativeNpv, shapley.size > 0, context)}` : ""}`,
    );
  }
  return `${parts.join("\n")}\n`;
}

export function registerOptimize(program: Command, output: CliOutput): void {
  program
    .command("optimize")
    .description("Find which capabilities of the catalogue to ask for, within a budget, and in what order.")
    .argument("<file>", SCENARIO_FILE_WORDS)
    .option(
      "--budget <money>",
      "the most the set may cost in cash in its first year (up-front spend plus twelve months of fees, or the months of the plan that pay fees when fewer)",
    )
    .option("--setup-hours <hours>", "the most team hours its setup may take")
    .addOption(
      new Option(
        "--objective <objective>",
        "what to rank the sets by: npv the highest NPV, p50 the highest median NPV over the ranges, payback the earliest payback month, probability the highest chance of paying back",
      )
        .choices(["npv", "p50", "payback", "probability"])
        .default("npv"),
    )
    .option("--from <names>", "only these capabilities, comma-separated (default: the whole catalogue)")
    .option(
      "--samples <n>",
      `Monte Carlo samples per set for p50 and probability, the same draws for every set (default: 400, at most ${formatNumber(MAX_OPTIMIZE_SAMPLES)})`,
    )
    .option("--seed <s>", "seed of the random draws (default: 1)")
    .option("--top <n>", "how many sets to list (default: 10)")
    .option("--json", "print the result as JSON")
    .option("--write-scenario <name>", "write the best set into the file as a scenario (the old file is kept as .bak)")
    .option("--force", "replace an existing scenario of that name")
    .addHelpText(
      "after",
      `
Examples:
  $ mlops-roi optimize examples/team.yaml --budget 30000
  $ mlops-roi optimize examples/team.yaml --budget 30000 --setup-hours 300 --objective payback
  $ mlops-roi optimize examples/team.yaml --budget 30000 --write-scenario ${WRITTEN_SCENARIO}
  $ mlops-roi optimize examples/team.yaml --budget 30000 --objective p50 --samples 400

How it searches (the "Answer:" line says which): npv and payback try every set up to 16 candidates,
beyond greedy additions and local search. p50 and probability run every set on the same draws of the
ranges: every set on every draw when that is at most ${formatNumber(EXACT_SET_SAMPLES)} set-draws (proven best on those
draws), else successive halving over every set when there are at most ${formatNumber(HALVING_SETS)}, else a beam search,
the last sets run on every draw (found, not proven).`,
    )
    .action((file: string, options: OptimizeCommandOptions) => {
      const validation = loadScenario(file, output);
      if (!validation.file || !validation.compiled) return;
      // Before the search, which may take a while: its answer could not be written.
      if (options.writeScenario !== undefined) refuseReadOnlyCase(file, "--write-scenario");
      // Every set is "the baseline plus these" (docs/commands.md, optimize): written over the baseline,
      // the set would become what every option is compared with, and turn the case's answers around.
      // Before the search, as the baseline's name below: an empty name would fail only once the search is done, at a line of a file never written.
      if (options.writeScenario?.trim() === "")
        throw new UserError(
          `--write-scenario is "${options.writeScenario}"; allowed: a scenario name, not empty, e.g. --write-scenario ${freeScenarioName(Object.keys(validation.file.scenarios ?? {}))} (nothing was written)`,
          2,
        );
      if (options.writeScenario === validation.file.baseline) {
        throw new UserError(
          `--write-scenario ${options.writeScenario}: "${options.writeScenario}" is the baseline of ${file}, today's way of working that every set is added to and every option is compared with; give another name, e.g. --write-scenario ${freeScenarioName(Object.keys(validation.file.scenarios ?? {}))} (nothing was written)`,
          2,
        );
      }
      const { compiled } = compileCase(validation.file, { allCapabilities: true });
      if (!compiled) return;
      // Each set is priced as today plus its capabilities (engine's optimize): today must have none of its own.
      const refused = baselineCapabilitiesIssue(compiled);
      if (refused) {
        // Said at its line, as validate says a field's problem: the message named the field but no line.
        const at = validation.source.locate(refused.path);
        output.stderr(`${formatIssues(file, validation.source.text, [{ ...refused, ...(at ? { line: at.line, column: at.column } : {}) }])}\n`);
        throw new UserError(`${file}: 1 error; nothing was run`);
      }
      const known = compiled.capabilities.map((capability) => capability.name);
      // A name given twice is one candidate (engine's optimize counts it once).
      const candidates =
        options.from === undefined
          ? undefined
          : [
              ...new Set(
                options.from
                  .split(",")
                  .map((name) => name.trim())
                  .filter(Boolean),
              ),
            ];
      if (candidates?.length === 0)
        throw new UserError(
          `--from is "${options.from}"; allowed: capabilities of the catalogue separated by commas, e.g. --from ${known.slice(0, 3).join(",")}`,
          2,
        );
      for (const name of candidates ?? []) {
        if (!known.includes(name)) throw new UserError(`--from: "${name}" is not in the catalogue; allowed: ${known.join(", ")}`, 2);
      }
      checkCandidateCount(file, compiled.capabilities, candidates);
      if ((options.objective === "p50" || options.objective === "probability") && rangesTheSetsRead(compiled, candidates, options.objective).length === 0) {
        const instead =
          options.objective === "p50"
            ? "the median NPV over them would be the NPV itself: use --objective npv"
            : "the chance of paying back would be 0 or 1: use --objective payback";
        // A range on the discount rate alone moves no payback month: the chance of paying back is worked out before discounting.
        const rateAside =
          options.objective === "probability" && rangesTheSetsRead(compiled, candidates).length > 0
            ? " (the discount rate's range aside, which moves no payback month: payback is worked out before discounting)"
            : "";
        throw new UserError(
          `${file}: no input that today's scenario or the capabilities read is given as a range${rateAside}, so every draw is the same case and ${instead}, or give an input as { low, high } (a 90% interval)`,
        );
      }
      const result = optimize(compiled, {
        objective: options.objective,
        ...(options.budget !== undefined ? { budget: parseAmount("--budget", options.budget) } : {}),
        ...(options.setupHours !== undefined ? { setupHours: parseAmount("--setup-hours", options.setupHours) } : {}),
        ...(candidates ? { candidates } : {}),
        ...(options.samples !== undefined ? { samples: parseSamples(options.samples, options.objective === "probability" && !options.json) } : {}),
        ...(options.seed !== undefined ? { seed: parseWholeNumber("--seed", options.seed, 0) } : {}),
        ...(options.top !== undefined ? { top: parseWholeNumber("--top", options.top, 1) } : {}),
      });
      const labels = new Map(compiled.capabilities.map((capability) => [capability.name, capability.label]));
      // Only the prices the listed sets are made of: a candidate no listed set uses prices none of their figures.
      const builtIn = builtInPricesIn(compiled, capabilitiesInRanked(result));
      const unconverted = unconvertedBuiltInPrices(compiled, capabilitiesInRanked(result));
      const context: CaseContext = {
        currency: compiled.currency,
        horizonMonths: compiled.horizonMonths,
        labels,
        scenarios: options.json ? [] : scenariosOf(validation.compiled),
        builtInPrices: builtInPricesOf(compiled, capabilitiesInRanked(result)),
        ...(unconverted.length > 0 ? { unconvertedPrices: builtInPricesWords(compiled.currency, unconverted)! } : {}),
        ...(compiled.riskAdjustment ? { riskAdjustment: compiled.riskAdjustment } : {}),
        feeMonths: feeMonthsOf(compiled),
        ranges: compiled.uncertainLeaves.length > 0,
        discountRate: buildResult(compiled).discountRate,
      };
      if (options.json) {
        // The text says it under the table; JSON, read by a script, on stderr, with the prices in the JSON.
        const warning = catalogueCurrencyWarning(compiled.currency, unconverted, "optimize's ranking");
        if (warning) output.stderr(`warning: ${file}: ${warning}\n`);
        // The best set losing money too, as the text says it under the table.
        const loss = lossWarning(result, context);
        if (loss) output.stderr(`warning: ${file}: ${loss.replace(/^Warning: /, "")}\n`);
      }
      output.stdout(options.json ? toJson({ ...result, catalogueCurrency: BUILT_IN_CURRENCY, builtInPrices: builtIn }) : renderText(result, context));
      if (options.writeScenario !== undefined)
        writeScenario(file, validation.source.text, options.writeScenario, result, compiled, options.force ?? false, output);
    });
}

/** The name --help's example writes the best set under: a name that says what it holds, and no scenario of examples/team.yaml's. */
export const WRITTEN_SCENARIO = "bestSet";

/**
 * A name to suggest for --write-scenario: --help's, or, when the file has a scenario of that name
 * already (written would need --force and replace it), the first of bestSet2, bestSet3, … it has not.
 * @example freeScenarioName(["today", "bestSet"]) // "bestSet2"
 */
export function freeScenarioName(taken: readonly string[]): string {
  if (!taken.includes(WRITTEN_SCENARIO)) return WRITTEN_SCENARIO;
  let number = 2;
  while (taken.includes(`${WRITTEN_SCENARIO}${number}`)) number++;
  return `${WRITTEN_SCENARIO}${number}`;
}

/**
 * Draws per set: the search's time grows with them, so more than MAX_OPTIMIZE_SAMPLES is refused with what to lower.
 * The chance of paying back is shown to the percent (`chances`: the probability objective's table), which fewer than
 * FEWEST_DOCUMENT_SAMPLES draws cannot tell, as for run's tables and the report; the JSON takes any number.
 */
function parseSamples(text: string, chances: boolean): number {
  const fewest = chances ? FEWEST_DOCUMENT_SAMPLES : 1;
  const allowed = `${formatNumber(fewest)} to ${formatNumber(MAX_OPTIMIZE_SAMPLES)} draws per set${chances ? "; with --json, for a program, 1 to 99 as well" : ""}`;
  const samples = parseWholeNumber("--samples", text, 1, allowed);
  if (samples < fewest)
    throw new UserError(
      `--samples is ${formatNumber(samples)}: the table gives each set's chance of paying back to the nearest 1%, which fewer than ${FEWEST_DOCUMENT_SAMPLES} samples cannot tell; allowed: ${allowed}`,
      2,
    );
  if (samples > MAX_OPTIMIZE_SAMPLES)
    throw new UserError(
      `--samples is ${formatNumber(samples)}; allowed: at most ${formatNumber(MAX_OPTIMIZE_SAMPLES)} draws per set (the search runs many sets on each): lower --samples`,
      2,
    );
  return samples;
}

/**
 * A search takes at most MAX_CANDIDATES capabilities: more is the user's to narrow with --from
 * (exit 2 when --from itself lists too many, exit 1 when the file's catalogue is too large).
 */
function checkCandidateCount(file: string, capabilities: readonly { name: string; builtIn: boolean }[], candidates: readonly string[] | undefined): void {
  if (candidates) {
    const distinct = new Set(candidates).size;
    if (distinct > MAX_CANDIDATES)
      throw new UserError(`--from lists ${distinct} capabilities; allowed: at most ${MAX_CANDIDATES}, the most one search takes`, 2);
    return;
  }
  if (capabilities.length <= MAX_CANDIDATES) return;
  const builtIn = capabilities.filter((capability) => capability.builtIn).length;
  throw new UserError(
    `${file}: the catalogue has ${capabilities.length} capabilities (${builtIn} built in, ${capabilities.length - builtIn} of your own); optimize searches at most ${MAX_CANDIDATES} at a time: choose them with --from a,b,c`,
  );
}

/** Adds the best set to the user's file as a scenario, keeping their comments; refuses to replace one without --force. */
function writeScenario(file: string, text: string, name: string, result: OptimizeResult, compiled: CompiledCase, force: boolean, output: CliOutput): void {
  const currency = compiled.currency;
  const hasLimits = result.limits.budget !== null || result.limits.setupHours !== null;
  if (!result.best || result.best.capabilities.length === 0)
    throw new UserError(`${file}: no set of capabilities beats today${hasLimits ? " within the limits" : ""}; nothing was written`);
  const document = parseDocument(text);
  if (document.hasIn(["scenarios", name]) && !force) {
    throw new UserError(`${file} already has a scenario "${name}"; use --force to replace it (the old file is kept as ${file}.bak)`);
  }
  const limits = [
    result.limits.budget !== null
      ? cashBasis(result, compiled.horizonMonths, feeMonthsOf(compiled)).scenario(formatMoneyAsGiven(result.limits.budget, currency))
      : "",
    result.limits.setupHours !== null ? pluralAsWritten(formatBoundAsGiven(result.limits.setupHours), "setup hour") : "",
  ].filter(Boolean);
  const scenario = {
    label: "What we ask for",
    // The report lists this description beside the option: a set a heuristic search found is not "the best set".
    description: result.proven
      ? `The best set of capabilities by ${objectiveName(result.objective, compiled.horizonMonths)}${limits.length ? ` within ${limits.join(" and ")}` : ""}, chosen by mlops-roi optimize.`
      : `The best set of capabilities mlops-roi optimize found by ${objectiveName(result.objective, compiled.horizonMonths)}${limits.length ? ` within ${limits.join(" and ")}` : ""}, not proven best (the search did not try every set).`,
    capabilities: result.best.capabilities,
  };
  // Only the new scenario's lines are written; the rest of the file stays byte for byte.
  const updated = editScenarioText(text, [{ path: ["scenarios", name], value: scenario }]);
  const check = validateScenarioText(updated);
  if (!check.compiled) {
    output.stderr(`${formatIssues(file, updated, check.issues)}\n`);
    throw new UserError(`${file}: the new scenario would make the file invalid (${countSummary(check.issues)}); nothing was written`);
  }
  const { backup } = writeFileAtomic(file, inFileFormat(file, updated, text), { force: true });
  output.stderr(`wrote scenario "${name}" (${result.best.capabilities.join(", ")}) into ${file}${backup ? `; previous version kept as ${backup}` : ""}\n`);
}

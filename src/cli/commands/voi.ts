import type { Command } from "commander";
import { buildResult, nothingToChoose, withUncertainty, type CaseResult, type DecisionAnalysis, type InformationValue } from "../../engine/index.js";
import { suggest } from "../../engine/index.js";
import { continuing, informationLabel } from "../../format/information-words.js";
import { formatMoneyExact as formatMoney } from "../../format/numbers.js";
import { formatGain, plural } from "../../format/numbers.js";
import {
  belowNoiseWords,
  bestChances,
  bestLevelWords,
  bestShareWords,
  discountRateWords,
  listInWords,
  noInputAloneWords,
  nothingToChooseWords,
  notWorthMeasuringWords,
  riskAdjustmentAside,
  sharedBestTail,
  tieShareWords,
  worthUpTo,
} from "../../format/words.js";
import { pageOneElsewhere } from "../format/run-report.js";
import { renderTable } from "../format/table.js";
import { UserError, type CliOutput } from "../io.js";
import { writeFileAtomic } from "../../shared/atomic-write.js";
import { refuseOutput, wroteMessage } from "../output-file.js";
import { toJson } from "../json.js";
import { loadScenario, SCENARIO_FILE_WORDS } from "../load.js";
import { runMonteCarlo, type SamplingOptions } from "../uncertainty.js";

interface VoiOptions extends SamplingOptions {
  group: string[];
  json?: boolean;
  output?: string;
  force?: boolean;
}

/**
 * The voi JSON contract: the run's `decision` (see `DecisionAnalysis`) with what is needed to read
 * and reproduce it: the scenario file as given, the currency of every amount and the seed.
 */
export type VoiResult = { input: string; currency: string; seed: number } & DecisionAnalysis;

/** Splits `--group a,b` at commas outside double quotes (a path may quote a name: `scenarios["a,b"]`). */
function groupInputs(text: string): string[] {
  return text
    .split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/)
    .map((input) => input.trim())
    .filter((input) => input !== "");
}

function optionName(result: CaseResult, scenario: string): string {
  const label = result.scenarios[scenario]?.label ?? scenario;
  return label === scenario ? scenario : `${label} (${scenario})`;
}

/**
 * The mark beside an option with the highest expected NPV: "← best on average", or, when options are
 * level on average (`bestOnAverage`), "← best on average (level)" beside each of them alike, so that
 * the first in the file does not read as the winner (docs/commands.md, `voi`).
 */
function bestOnAverageMark(decision: DecisionAnalysis, scenario: string): string {
  // With nothing to choose between (`nothingToChoose`), no option is marked: today is the one choice.
  if (!decision.bestOnAverage.includes(scenario) || nothingToChoose(decision)) return "";
  return decision.bestOnAverage.length > 1 ? " ← best on average (level)" : " ← best on average";
}

/**
 * What voi calls each sample where it counts them, in its table and its sentences alike ("every one of the
 * 10,000 outcomes"; "level at the top … in every outcome"; "the best option of each outcome"), as the report and
 * the web app do: one word for the same draws (its table said "samples" above a sentence that said "outcomes").
 */
const VOI_UNIT = "outcome";

function optionsTable(result: CaseResult, decision: DecisionAnalysis): string {
  // Above zero but under one unit: "less than €1", as the EVPI below it (the best option's expected loss) is said, not "€0".
  const money = (value: number) => formatGain(value, result.currency);
  // With nothing to choose between, today is best by construction, not by what the samples show: no chance at all.
  // Best in none or every one of the samples: said as the count, not "under 1%" or "over 99%" (docs/numbers.md),
  // and by the word the sentences below the table use for them, "outcomes" (`VOI_UNIT`), as the report and the web app do.
  const chances = nothingToChoose(decision) ? {} : bestChances(decision.options, { samples: decision.samples, unit: VOI_UNIT });
  return renderTable(
    ["Option", "Chance it is best", "Expected NPV", "Expected loss"],
    // The chances are of one whole: written together, they add up to 100% (docs/numbers.md).
    // An option that changes nothing is today again: no chance of its own ("n/a", as `run` gives its payback).
    decision.options.map((option) => [
      `${optionName(result, option.scenario)}${bestOnAverageMark(decision, option.scenario)}`,
      chances[option.scenario] ?? "n/a",
      money(option.expectedNpv),
      money(option.expectedLoss),
    ]),
  );
}

/**
 * Under the table, of the options that change nothing against today (`DecisionOption.changesNothing`):
 * why their chance reads "n/a" and they are neither best nor level with today (docs/numbers.md, "Which
 * option is best"). Empty when none does.
 * @example changesNothingNote(result, decision) // ["  New option (same) changes nothing against Today (current): the same choice, counted once, under Today (current), so its own chance is n/a."]
 */
export function changesNothingNote(result: CaseResult, decision: DecisionAnalysis): string[] {
  const same = decision.options.filter((option) => option.changesNothing).map((option) => optionName(result, option.scenario));
  if (same.length === 0) return [];
  const one = same.length === 1;
  const today = optionName(result, result.baseline);
  return [
    `  ${listInWords(same)} ${one ? "changes" : "change"} nothing against ${today}: the same choice, counted once, under ${today}, so ${one ? "its own chance is" : "their own chances are"} n/a.`,
  ];
}

function worthLine(result: CaseResult, decision: DecisionAnalysis, entry: InformationValue, rank: number): string[] {
  const money = (value: number) => formatMoney(value, result.currency);
  const label = informationLabel(entry, result);
  const lowered = continuing(label);
  const together = entry.inputs.length > 1 ? " together" : "";
  const why = entry.group === "correlated" ? " (correlated in the file)" : entry.group === "asked" ? " (the group asked for)" : "";
  // Above the noise level but under half a unit: "less than €1", not "up to €0".
  const worth = worthUpTo(entry.value, result.currency, money).words;
  const line = entry.aboveNoise
    ? `Finding out ${lowered}${together} first is worth ${worth}.`
    : // A value of 0 is said as what it means, not as "€0, at or below the noise level of €0".
      `${label}${together}: not worth measuring ${notWorthMeasuringWords(entry.value, decision.noiseLevel, result.currency, entry.inputs.length > 1)}.`;
  return [`  ${rank}. ${line}`, `     ${entry.inputs.join(" + ")}${why}`];
}

/**
 * The voi command's text: the options with their chance of being best, what knowing everything
 * would be worth, then each input (and group) by what finding it out first is worth.
 */
export function renderVoiText(result: CaseResult, decision: DecisionAnalysis): string {
  const money = (value: number) => formatMoney(value, result.currency);
  const uncertainty = result.uncertainty!;
  const best = decision.options.find((option) => option.scenario === decision.best)!;
  const sampling = uncertainty.sampling === "latin-hypercube" ? "Latin hypercube" : "random";
  const parts = [
    `What is worth finding out before choosing: ${result.title}`,
    `${plural(decision.samples, `${sampling} sample`)}, seed ${uncertainty.seed} · ${result.currency} · NPVs against ${optionName(result, result.baseline)} · ${discountRateWords(result.discountRate)}`,
    "",
    optionsTable(result, decision),
    // "Best on average" beside a report whose page 1 recommends another option (or staying): said here too.
    ...pageOneElsewhere(result, decision.best, "the table averages"),
    ...(nothingToChoose(decision) ? [] : changesNothingNote(result, decision)),
    `  Expected loss: how much less than the best option of each outcome the option gains, on average.`,
    ...(result.riskAdjustment ? [`  ${riskAdjustmentAside(result.riskAdjustment)}`] : []),
  ];
  // A tie for best is shared (half each for two, a third each for three): said apart, so that 50% each does not read as a coin toss.
  const level = bestLevelWords(decision, best.scenario, (scenario) => optionName(result, scenario), VOI_UNIT);
  if (level) parts.push(`  A tie for best is shared (${tieShareWords(decision)}): ${optionName(result, best.scenario)} is ${level}.`);
  parts.push("");
  const worthNothing = decision.evpi <= decision.noiseLevel;
  if (nothingToChoose(decision)) {
    const same = decision.options.filter((option) => option.scenario !== best.scenario).map((option) => optionName(result, option.scenario));
    parts.push(nothingToChooseWords(same, optionName(result, best.scenario)));
  } else if (worthNothing) {
    const evpi =
      decision.evpi === 0
        ? "nothing"
        : // As an input's value beside the noise level: under one unit "less than €1, at or below the noise level", not "… no more than the noise level of less than €1".
          belowNoiseWords(decision.evpi, decision.noiseLevel, result.currency);
    // Options that share the best outcomes with it (equal gains: ties count half, docs/numbers.md) are
    // named with their share, so "is best in 50% of the outcomes" is not given as why nothing is worth
    // measuring. An EVPI of 0 means the best option gains as much as the best of every outcome.
    // Best in every outcome, the others in none: said as the count (nothing is worth measuring because of it), not "over 99%".
    const counted = { samples: decision.samples, unit: VOI_UNIT };
    const others = sharedBestTail(decision.options, best.scenario, (scenario) => optionName(result, scenario), counted);
    const sharesBest = decision.options.some((option) => option.scenario !== best.scenario && option.probabilityBest > 0);
    const same = sharesBest && decision.evpi === 0 ? `, where ${optionName(result, best.scenario)} gains the same` : "";
    parts.push(
      level
        ? `No measurement is worth paying for before deciding: ${optionName(result, best.scenario)} is ${level}, and knowing every input exactly would be worth ${evpi}.`
        : `No measurement is worth paying for before deciding: ${optionName(result, best.scenario)} is best ${bestShareWords(decision.options, best.scenario, counted)}${others}${same}, and knowing every input exactly would be worth ${evpi}.`,
    );
  } else {
    parts.push(
      `Knowing every input exactly before deciding would be worth ${worthUpTo(decision.evpi, result.currency, money).words} (the expected value of perfect information): no measurement can be worth more.`,
    );
    if (!decision.evppi.some((entry) => entry.aboveNoise)) {
      parts.push(
        noInputAloneWords(
          decision.evppi.map((entry) => entry.value),
          decision.noiseLevel,
          result.currency,
        ),
      );
    }
  }
  if (decision.evppi.length > 0) {
    parts.push(
      "",
      "Each input, by what finding it out exactly first is worth (an upper bound: a measurement that only narrows its range is worth less):",
      ...decision.evppi.flatMap((entry, index) => worthLine(result, decision, entry, index + 1)),
    );
  }
  return `${parts.join("\n")}\n`;
}

export function registerVoi(program: Command, output: CliOutput): void {
  program
    .command("voi")
    .description("What finding out more before choosing is worth: each option's chance of being best, and each input's value of information in money.")
    .argument("<file>", `${SCENARIO_FILE_WORDS}, with at least one input given as a range`)
    .option("--samples <n>", "Monte Carlo samples, at least 100 (default: 10000)")
    .option("--seed <s>", "seed of the random draws: the same seed gives the same numbers (default: 1)")
    .option("--lhs", "Latin hypercube sampling instead of plain random draws")
    .option(
      "--group <inputs>",
      "inputs (paths, comma-separated) to value together as well as alone; repeatable",
      (value: string, previous: string[]) => [...previous, value],
      [],
    )
    .option("--json", "print the decision analysis as JSON")
    .option("-o, --output <file>", "write the output to a file instead of the terminal ('-': the terminal)")
    .option("--force", "replace the output file if it exists (the old one is kept as .bak)")
    .addHelpText(
      "after",
      `
Examples:
  $ mlops-roi voi examples/close-call.yaml
  $ mlops-roi voi examples/close-call.yaml --samples 40000 --seed 7 --json
  $ mlops-roi voi examples/close-call.yaml --group defaults.projects.valuePerMonth,scenarios.compromise.projects.upkeepHoursPerMonth`,
    )
    .action(async (file: string, options: VoiOptions) => {
      // Refused before anything runs: a folder, an existing file without --force, the scenario file itself.
      if (options.output && options.output !== "-")
        refuseOutput(options.output, { force: options.force ?? false, example: options.json ? "result.json" : "result.txt", input: file });
      const { compiled } = loadScenario(file, output);
      if (!compiled) return;
      if (compiled.scenarios.length < 2) throw new UserError(`${file}: the case has only the baseline; add an alternative scenario to choose between`);
      const inputs = compiled.uncertainLeaves.map((leaf) => compiled.leaves[leaf]!.name);
      if (inputs.length === 0) {
        throw new UserError(
          `${file}: every input is a single number, so there is nothing uncertain to find out; give an input as { low, high } (a 90% interval) to see what measuring it is worth`,
        );
      }
      const groups = options.group.map((text) => {
        const group = groupInputs(text);
        for (const input of group) {
          if (!inputs.includes(input)) {
            const guess = suggest(input, inputs);
            throw new UserError(
              `--group ${text}: "${input}" is not an input given as a range in ${file}${guess ? `; did you mean "${guess}"?` : "."} Allowed: ${inputs.join(", ")}`,
              2,
            );
          }
        }
        if (new Set(group).size < 2)
          throw new UserError(`--group ${text}: a group needs at least two different inputs, comma-separated; each input is valued alone anyway`, 2);
        return group;
      });
      // --samples is checked by runMonteCarlo: fewer than 100, 0 included, are refused there, saying why.
      // Text or JSON, voi shows the decision analysis only: no month-by-month band.
      const summary = await runMonteCarlo(compiled, options, output, { groups, document: "voi", monthlyBands: "none" });
      const result = withUncertainty(buildResult(compiled), summary!);
      const decision = result.decision!;
      const text = options.json
        ? toJson({ input: file, currency: result.currency, seed: result.uncertainty!.seed, ...decision } satisfies VoiResult)
        : renderVoiText(result, decision);
      // "-" is the terminal, as for init, report and import.
      if (options.output && options.output !== "-") {
        output.stderr(wroteMessage(options.output, writeFileAtomic(options.output, text, { force: options.force ?? false })));
      } else output.stdout(text);
    });
}

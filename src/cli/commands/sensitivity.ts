import { Option, type Command } from "commander";
import {
  buildResult,
  CaseRunner,
  chooseAlternative,
  correlatedGroups,
  movesNpv,
  oneAtATimeSensitivity,
  sobol,
  tornado,
  type CorrelatedGroup,
  type OneAtATimeSensitivity,
  type SobolResult,
  type CaseResult,
  type TornadoBar,
} from "../../engine/index.js";
import { suggest } from "../../engine/index.js";
import { formatGain, formatMoneyExact, formatNumber, plural, roundHalfAway, withoutResidue } from "../../format/numbers.js";
import { renderTable } from "../format/table.js";
import { UserError, type CliOutput } from "../io.js";
import { writeFileAtomic } from "../../shared/atomic-write.js";
import { refuseOutput, wroteMessage } from "../output-file.js";
import { toJson } from "../json.js";
import { loadScenario, SCENARIO_FILE_WORDS } from "../load.js";
import { FEWEST_DOCUMENT_SAMPLES, parseWholeNumber } from "../uncertainty.js";
import { AT_THE_MIDDLE, discountRateWords, listInWords, riskAdjustmentAside, wrapWords } from "../../format/words.js";
import { inputValueWriter } from "../../format/input-value.js";
import { inputLabel, tornadoInputLabel } from "../../format/input-description.js";

/** A net gain, or a swing of one, as every view writes it: "less than €1" above zero under one unit, never "€0" (docs/numbers.md). */
const formatMoney = formatGain;

/** The fewest Sobol base samples: the power of two above FEWEST_DOCUMENT_SAMPLES, as its indices come with 95% intervals. */
const FEWEST_SOBOL_SAMPLES = 2 ** Math.ceil(Math.log2(FEWEST_DOCUMENT_SAMPLES + 1));

/**
 * A row's swing as its two NPVs read, to the unit: the difference of the written figures, so that
 * "JP¥1,467,407" and "JP¥1,435,273" swing "JP¥32,134", not the "JP¥32,133" of the exact gap beside
 * them. A swing under one unit stays exact ("less than €1").
 * @example swingAsWritten(1467406.54, 1435273.24, 32133.3) // 32134
 */
export function swingAsWritten(low: number, high: number, swing: number): number {
  // Each to the unit as `formatMoneyExact` writes it (`roundHalfAway`, as the close call's lead is worked out).
  const written = Math.abs(roundHalfAway(high) - roundHalfAway(low));
  return written >= 1 ? written : swing;
}

interface SensitivityOptions {
  method: "tornado" | "sobol" | "both";
  scenario?: string;
  samples?: string;
  seed?: string;
  json?: boolean;
  output?: string;
  force?: boolean;
}

/** The sensitivity JSON contract: `{ alternative, baseNpv, tornado: [...], sobol: [...] }`. */
export interface SensitivityResult {
  alternative: string;
  currency: string;
  baseNpv: number;
  tornado?: TornadoBar[];
  sobol?: SobolResult[];
  sobolBaseSamples?: number;
  /**
   * Without ranges: each input 20% lower and higher, alone, ranked by how far it moves the NPV — the
   * ranking the report's "what moves the result" shows for a case of single estimates.
   */
  oneAtATime?: OneAtATimeSensitivity;
  /** Inputs the file correlates: the tornado and Sobol indices above treat them as independent. */
  correlated?: CorrelatedGroup[];
}

/**
 * Says plainly that the rankings assume independent inputs, naming the linked pairs that both move this
 * option, by the labels the report's tornado gives them (`tornadoInputLabel`), each pair's rows
 * (paths) underneath; a pair with an input that does not move the option ("no effect") is left out, as
 * the report's tornado caption leaves it out: there is nothing to read together. No pair left, no note.
 */
function correlationNote(groups: readonly CorrelatedGroup[], label: (input: string) => string, moves: (input: string) => boolean): string | undefined {
  const pairs = groups.flatMap((group) =>
    group.correlations
      .filter(({ between: [a, b], rank }) => rank !== 0 && moves(a) && moves(b))
      .flatMap(({ between: [a, b], rank }) => [`  Correlated inputs: “${label(a)}” and “${label(b)}” (rank correlation ${rank}),`, `    rows ${a} and ${b}.`]),
  );
  if (pairs.length === 0) return undefined;
  return [
    ...pairs,
    "  The tornado and the Sobol indices move each input on its own, as if it were independent; in the Monte Carlo these move",
    "  together, so read their rows as one group (`mlops-roi voi` values each group as a whole).",
  ].join("\n");
}

/** An input's value in its unit ("6.4% a year", "€1,500 a month", "25 hours a month"), as the report's appendix writes it. */
type InputValue = (input: string, value: number) => string;

/** An input in words, the report tornado's label (`tornadoInputLabel`), for the rows and the text tornado. */
type InputLabel = (input: string) => string;

/**
 * An input as sensitivity's rows and text tornado name it: the report tornado's label
 * (`tornadoInputLabel`: ", today", ", after the change"), or, for an input neither today nor this
 * option reads (another option's), its label with the options that read it, as the report's
 * assumptions name them: "Upkeep hours a month for each live project (“What will be approved”)".
 */
export function sensitivityInputLabel(result: CaseResult, alternative: string, input: string): string {
  const assumption = result.assumptions.find((candidate) => candidate.input === input);
  if (assumption && assumption.usedBy.length > 0 && !assumption.usedBy.includes(alternative) && !assumption.usedBy.includes(result.baseline))
    return inputLabel(assumption, result, (name) => `“${result.scenarios[name]?.label ?? name}”`);
  return tornadoInputLabel(result, alternative, input);
}

/** The width a label is wrapped to (between words) in the text tornado and the tables' first column. */
const LABEL_WIDTH = 48;

/**
 * A table's rows for one input: its label (wrapped between words, never cut mid-word) with the
 * figures on its first line, and its path in the file beneath, as the correlated-inputs note gives it.
 */
function inputRows(input: string, label: InputLabel, figures: readonly string[]): string[][] {
  const blank = figures.map(() => "");
  const [first, ...more] = wrapWords(label(input), LABEL_WIDTH);
  return [[first!, ...figures], ...more.map((line) => [line, ...blank]), [`  ${input}`, ...blank]];
}

/** A text tornado: each bar spans the NPV from the input's 5th to its 95th percentile, around the median case. */
function asciiTornado(bars: TornadoBar[], baseNpv: number, currency: string, label: InputLabel, width = 40): string {
  if (bars.length === 0) return "";
  // A swing within the residue of floating point (a millionth of the NPV) is none: it has no bar, and
  // does not set the scale (a swing of 1e-12 once filled the whole width).
  const moves = (bar: TornadoBar) => movesNpv(bar.low, bar.high, baseNpv);
  const moving = bars.filter(moves);
  const lowest = Math.min(baseNpv, ...moving.map((bar) => Math.min(bar.low, bar.high)));
  const highest = Math.max(baseNpv, ...moving.map((bar) => Math.max(bar.low, bar.high)));
  const span = highest - lowest || 1;
  const position = (value: number) => Math.round(((value - lowest) / span) * (width - 1));
  const centre = position(baseNpv);
  // Each input by its label, wrapped between words (never cut mid-word): the bar beside its first line,
  // the axis beside the rest. The table above gives each label's path in the file.
  const labels = bars.map((bar) => wrapWords(label(bar.input), LABEL_WIDTH));
  const labelWidth = Math.max(...labels.flat().map((line) => line.length));
  const axis = Array.from({ length: width }, (_, index) => (index === centre ? "│" : " ")).join("");
  const lines = bars.flatMap((bar, index) => {
    const from = position(Math.min(bar.low, bar.high));
    const to = position(Math.max(bar.low, bar.high));
    const cells = Array.from({ length: width }, (_, index) => (moves(bar) && index >= from && index <= to ? "█" : index === centre ? "│" : " "));
    const [first, ...more] = labels[index]!;
    return [
      `  ${first!.padEnd(labelWidth)}  ${cells.join("")}${moves(bar) ? "" : " no effect"}`.trimEnd(),
      ...more.map((line) => `  ${line.padEnd(labelWidth)}  ${axis}`.trimEnd()),
    ];
  });
  if (moving.length === 0) return [...lines, `  ${" ".repeat(labelWidth)}  ${" ".repeat(centre)}${formatMoney(baseNpv, currency)}`].join("\n");
  const scale = `  ${" ".repeat(labelWidth)}  ${formatMoney(lowest, currency)}${" ".repeat(Math.max(1, width - formatMoney(lowest, currency).length - formatMoney(highest, currency).length))}${formatMoney(highest, currency)}`;
  return [...lines, scale].join("\n");
}

function renderText(
  result: SensitivityResult,
  label: string,
  inputValue: InputValue,
  words: { label: InputLabel; header: string },
  risk?: { benefits: number; costs: number },
  linked?: { label: (input: string) => string; moves: (input: string) => boolean },
): string {
  // A file without ranges has no middles: its inputs are single numbers, as written. Either method
  // finds nothing to move then (no tornado bars, no Sobol indices). With ranges, the base is `run`'s NPV,
  // said in its words (`AT_THE_MIDDLE`).
  const noRanges = result.tornado?.length === 0 || result.sobol?.length === 0;
  const base = noRanges ? "every input as written" : AT_THE_MIDDLE;
  const parts = [`Sensitivity of the net present value of ${label} (${formatMoney(result.baseNpv, result.currency)} with ${base})`, words.header];
  // The NPVs here are not risk-adjusted: said, so that they are not read against run's risk-adjusted line.
  const aside = riskAdjustmentAside(risk);
  if (aside) parts.push(`  ${aside}`);
  if (result.tornado) {
    if (result.tornado.length === 0 && result.oneAtATime) {
      const moved = result.oneAtATime;
      const percent = Math.round(moved.change * 100);
      parts.push(
        "",
        `  The file has no ranges, so each input is moved ${percent}% lower and higher, alone (give inputs as { low, high } for the tornado and Sobol indices):`,
        "",
        renderTable(
          [`Input (one at a time, ±${percent}%)`, "Input low", "Input high", "NPV at low", "NPV at high", "Swing"],
          moved.swings.flatMap((swing) =>
            inputRows(swing.input, words.label, [
              inputValue(swing.input, swing.lowValue),
              inputValue(swing.input, swing.highValue),
              formatMoney(swing.npvLow, result.currency),
              formatMoney(swing.npvHigh, result.currency),
              formatMoney(swingAsWritten(swing.npvLow, swing.npvHigh, swing.swing), result.currency),
            ]),
          ),
        ),
      );
    } else if (result.tornado.length === 0) parts.push("", "  The file has no ranges: give inputs as { low, high } to see which matter most.");
    else {
      parts.push(
        "",
        renderTable(
          ["Input (one at a time, 5th to 95th percentile)", "Input low", "Input high", "NPV at low", "NPV at high", "Swing"],
          result.tornado.flatMap((bar) =>
            inputRows(bar.input, words.label, [
              inputValue(bar.input, bar.inputLow),
              inputValue(bar.input, bar.inputHigh),
              formatMoney(bar.low, result.currency),
              formatMoney(bar.high, result.currency),
              // A swing within the residue of floating point is none ("no effect" in the chart): "€0", not "less than €1".
              movesNpv(bar.low, bar.high, result.baseNpv)
                ? formatMoney(swingAsWritten(bar.low, bar.high, bar.swing), result.currency)
                : formatMoneyExact(0, result.currency),
            ]),
          ),
        ),
        "",
        asciiTornado(result.tornado, result.baseNpv, result.currency, words.label),
      );
    }
  }
  if (result.sobol?.length === 0 && !result.oneAtATime) {
    parts.push(
      "",
      "  The file has no ranges, so there are no Sobol indices: they share out the NPV's variance among the inputs given as { low, high }. Give inputs as ranges, or use --method tornado to move each input 20% lower and higher, alone.",
    );
  }
  if (result.sobol && result.sobol.length > 0) {
    // What rounds to zero is shown as 0, not "-0.000" (an estimate a hair below zero). Estimates and
    // their intervals to the same 3 decimals, so that "0.002" never sits beside "0.00 to 0.00".
    const digits = 3;
    const fixed = (value: number) => (Math.abs(value) < 0.5 * 10 ** -digits ? 0 : value).toFixed(digits);
    const interval = (range: [number, number]) => `${fixed(range[0])} to ${fixed(range[1])}`;
    parts.push(
      "",
      renderTable(
        ["Input (all varying together)", "First-order", "95% interval", "Total", "95% interval"],
        result.sobol.flatMap((index) =>
          inputRows(index.input, words.label, [fixed(index.first), interval(index.firstInterval), fixed(index.total), interval(index.totalInterval)]),
        ),
      ),
      `  Sobol indices from ${formatNumber(result.sobolBaseSamples ?? 0)} × (inputs + 2) runs: first-order = share of the NPV's variance this input explains alone; total = including its interactions.`,
    );
    // Shares of a variance lie from 0 to 1, a first-order one at most its total; estimates from samples,
    // and their intervals, may cross those bounds: said where the table shows it, and which of the two
    // crosses (docs/commands.md, sensitivity), so that a reader does not take it for a fault.
    const shown = (value: number) => Number(fixed(value));
    const outside = (value: number) => shown(value) > 1 || shown(value) < 0;
    const estimatesCross = result.sobol.filter((index) => shown(index.first) > shown(index.total) || [index.first, index.total].some(outside));
    const intervalsCross = result.sobol.filter((index) => !estimatesCross.includes(index) && [...index.firstInterval, ...index.totalInterval].some(outside));
    const said: string[] = [];
    if (estimatesCross.length > 0)
      said.push(`the estimates for ${listInWords(estimatesCross.map((index) => index.input))} cross those bounds: read them with their 95% intervals`);
    if (intervalsCross.length > 0) {
      const ends = intervalsCross.flatMap((index) => [...index.firstInterval, ...index.totalInterval]);
      const past = [ends.some((value) => shown(value) < 0) ? "below 0" : "", ends.some((value) => shown(value) > 1) ? "above 1" : ""].filter(Boolean);
      said.push(
        `the estimates for ${listInWords(intervalsCross.map((index) => index.input))} lie within those bounds, but their 95% intervals reach ${past.join(" and ")}: the bootstrap's noise at an interval's end, not a share outside what it can be`,
      );
    }
    if (said.length > 0)
      parts.push(`  These are estimates from samples: a true share lies from 0 to 1, and a first-order share at most its total; ${said.join("; ")}.`);
  }
  const note = result.correlated && linked ? correlationNote(result.correlated, linked.label, linked.moves) : undefined;
  if (note) parts.push("", note);
  return `${parts.join("\n")}\n`;
}

export function registerSensitivity(program: Command, output: CliOutput): void {
  program
    .command("sensitivity")
    .description(
      "Rank the inputs by how much they move the net present value: each range from its 5th to its 95th percentile, or, in a file without ranges, each input 20% lower and higher.",
    )
    .argument("<file>", SCENARIO_FILE_WORDS)
    .addOption(new Option("--method <method>", "tornado (one at a time), sobol (global) or both").choices(["tornado", "sobol", "both"]).default("both"))
    .option("--scenario <name>", "the alternative to analyse (default: the one with the highest NPV)")
    .option("--samples <n>", "Sobol base samples N, a power of two (runs: N × (inputs + 2))", "1024")
    .option("--seed <s>", "seed of the random draws (default: 1)")
    .option("--json", "print the result as JSON")
    .option("-o, --output <file>", "write the output to a file instead of the terminal ('-': the terminal)")
    .option("--force", "replace the output file if it exists (the old one is kept as .bak)")
    .addHelpText(
      "after",
      `
Examples:
  $ mlops-roi sensitivity examples/seed-uncertain.yaml
  $ mlops-roi sensitivity examples/seed-uncertain.yaml --method sobol --samples 4096 --json`,
    )
    .action((file: string, options: SensitivityOptions) => {
      // Refused before anything runs: a folder, an existing file without --force, the scenario file itself.
      if (options.output && options.output !== "-")
        refuseOutput(options.output, { force: options.force ?? false, example: options.json ? "result.json" : "result.txt", input: file });
      const { compiled } = loadScenario(file, output);
      if (!compiled) return;
      const alternatives = compiled.scenarios.filter((scenario) => scenario.name !== compiled.baseline).map((scenario) => scenario.name);
      if (alternatives.length === 0) throw new UserError(`${file}: the case has only the baseline; add an alternative scenario to compare`);
      if (options.scenario !== undefined && !alternatives.includes(options.scenario)) {
        const guess = suggest(options.scenario, alternatives);
        throw new UserError(
          `--scenario ${options.scenario}: not an alternative in ${file}${guess ? `; did you mean "${guess}"?` : "."} Allowed: ${alternatives.join(", ")}`,
          2,
        );
      }
      // Sobol's indices come with 95% intervals, which fewer than 100 base samples cannot tell (2 gave "-30.246 to -0.644"): the fewest is the power of two above 100.
      const allowedSamples = `a power of two from ${FEWEST_SOBOL_SAMPLES}, such as 1024 or 4096`;
      const baseSamples = parseWholeNumber("--samples", options.samples ?? "1024", 1, allowedSamples);
      if ((baseSamples & (baseSamples - 1)) !== 0) throw new UserError(`--samples is ${formatNumber(baseSamples)}; allowed: ${allowedSamples}`, 2);
      // The tornado draws no samples: only Sobol's indices need that many (it took 64 before Sobol's floor came in).
      if (options.method !== "tornado" && baseSamples < FEWEST_SOBOL_SAMPLES)
        throw new UserError(
          `--samples is ${formatNumber(baseSamples)}: Sobol's indices are given with their 95% intervals, which fewer than ${FEWEST_DOCUMENT_SAMPLES} samples cannot tell; allowed: ${allowedSamples}`,
          2,
        );
      const seed = options.seed !== undefined ? parseWholeNumber("--seed", options.seed, 0) : 1;
      const index = chooseAlternative(compiled, options.scenario);
      const scenario = compiled.scenarios[index]!;
      const runner = new CaseRunner(compiled);
      runner.run(compiled.leafValues, false);
      const result: SensitivityResult = { alternative: scenario.name, currency: compiled.currency, baseNpv: runner.figures[index]!.npv };
      if (options.method !== "sobol") {
        result.tornado = tornado(compiled, index);
        if (result.tornado.length === 0) result.oneAtATime = oneAtATimeSensitivity(compiled, scenario.name);
      }
      if (options.method !== "tornado") {
        result.sobol = sobol(compiled, index, { baseSamples, seed });
        result.sobolBaseSamples = baseSamples;
      }
      const groups = correlatedGroups(compiled);
      if (groups.length > 0) result.correlated = groups;
      const writers = new Map(compiled.leaves.map((leaf) => [leaf.name, inputValueWriter(leaf.path, compiled.currency)]));
      // Without the residue of floating point, as the appendix writes a range's ends (1,499.9999999999986 is €1,500, not €1,500.00).
      const inputValue: InputValue = (input, value) => writers.get(input)?.(withoutResidue(value)) ?? formatNumber(withoutResidue(value), 2);
      // Linked inputs by the report's tornado labels, and only those that move this option (a tornado bar), as its caption names them.
      let linked: { label: (input: string) => string; moves: (input: string) => boolean } | undefined;
      const caseResult = options.json ? undefined : buildResult(compiled);
      if (caseResult && groups.length > 0) {
        const bars = result.tornado ?? tornado(compiled, index);
        const moving = new Set(bars.filter((bar) => movesNpv(bar.low, bar.high, result.baseNpv)).map((bar) => bar.input));
        linked = { label: (input) => tornadoInputLabel(caseResult, scenario.name, input), moves: (input) => moving.has(input) };
      }
      // Each input by the report tornado's label, its path beneath; the NPVs' horizon, currency and rate, as run's header gives them.
      const words = caseResult && {
        label: (input: string) => sensitivityInputLabel(caseResult, scenario.name, input),
        header: `${plural(caseResult.horizonMonths, "month")} · ${caseResult.currency} · NPV against ${caseResult.scenarios[caseResult.baseline]?.label ?? caseResult.baseline} · ${discountRateWords(caseResult.discountRate)}`,
      };
      const text = words ? renderText(result, scenario.label, inputValue, words, compiled.riskAdjustment, linked) : toJson(result);
      // "-" is the terminal, as for init, report and import.
      if (options.output && options.output !== "-") {
        output.stderr(wroteMessage(options.output, writeFileAtomic(options.output, text, { force: options.force ?? false })));
      } else output.stdout(text);
    });
}

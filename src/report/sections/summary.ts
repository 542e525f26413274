import { laterCashWords } from "../../format/last-year.js";
import {
  closeByGap,
  comparisonChangeEnd,
  deadlineOf,
  optionsGainingTheSame,
  backlogReleased,
  overItsHoursAtEnd,
  roomLeftUnused,
  runningCostChanges,
  sameAsBest,
  type CaseResult,
  type CloseCall,
  type ComparisonChangeEnd,
  type ComparisonResult,
  type Extraordinary,
} from "../../engine/index.js";
import type { ReportContext } from "../context.js";
import { escapeHtml } from "../escape.js";
import {
  formatChance,
  formatHours,
  formatHoursInTable,
  formatMoneyExact,
  formatMonth,
  formatNumber,
  formatPercent,
  formatPaybackWithin,
  lessThanOneUnit,
  lessThanOneUnitApart,
  plural,
  roundHalfAway,
  saidAsCount,
  shareOfWords,
  theMonths,
} from "../../format/numbers.js";
import {
  amount,
  closeCallFigure,
  countWord,
  figure,
  gainAmount,
  gainFigure,
  gainOrLoss,
  gainOrLossWords,
  lessThanTodaysChange,
  optionName,
  prose,
  upFrontCell,
  userText,
} from "./parts.js";
import type { ReportSection } from "./section.js";
import {
  paybackFigure,
  paybackMeaningAtTheMiddle,
  changesNothingWords,
  NOTHING_TO_PAY_BACK,
  paybackMonthMeaning,
  paybackRangeWords,
  keptAsTeamWords,
  teamKeepsWords,
  NINE_IN_TEN_OUTCOMES,
  TRADE_OFF_PAYBACK_NOTE,
  netGainRangeNote,
  inTodaysMoney,
  listInWords,
  monthsWithoutNewWorkBefore,
  netGainBasis,
  paybackChanceWords,
  paybackAndGainChancesDiffer,
  riskAdjustmentShares,
} from "../../format/words.js";
import { askedFor, cashPaidWords } from "../../format/asked-for.js";
import { aboveWholePayroll, aheadAndLevel, aheadAndLevelWords, closeCallNpv } from "../../format/judgement.js";

/** The alternative's NPV percentiles from the Monte Carlo, when all three exist. */
function sampledNpv(context: ReportContext, alternative: string): { p5: number; p50: number; p95: number } | undefined {
  const npv = context.uncertainty?.distribution[alternative]?.npv;
  if (!npv || npv.p5 === null || npv.p50 === null || npv.p95 === null) return undefined;
  return { p5: npv.p5, p50: npv.p50, p95: npv.p95 };
}

/** The NPV's 90% range as page 1 shows it: none when its two ends read the same ("between €25,400 and €25,400"). */
function npvRange(context: ReportContext, alternative: string): { p5: number; p50: number; p95: number } | undefined {
  const npv = sampledNpv(context, alternative);
  return npv && context.money(npv.p5) !== context.money(npv.p95) ? npv : undefined;
}

function header(context: ReportContext): string {
  const { result } = context;
  const meta = [
    `A plan of ${plural(result.horizonMonths, "month")} (month 1 is the first)`,
    `money in ${escapeHtml(result.currency)}`,
    `compared with ${optionName(context, result.baseline)}`,
    ...(context.generatedOn ? [escapeHtml(context.generatedOn)] : []),
  ];
  return `<header class="title">
  <p class="kicker">Business case: better tools for the data team</p>
  <h1>${userText(result.title)}</h1>
  ${result.description ? `<p class="description">${userText(result.description)}</p>` : ""}
  <p class="meta">${meta.join(" · ")}</p>
</header>`;
}

function deadline(context: ReportContext): string {
  const recommendation = context.recommendation!;
  const month = recommendation.firstReleaseMonth;
  if (month === null) {
    // Today's way of working may release one in the plan: said, or "no new model" hides what the option costs in releases.
    const today = recommendation.todayFirstReleaseMonth;
    const todays =
      today === null ? "" : ` Today's way of working would release one ${figure("today-first-release", `by the end of month ${formatNumber(today)}`)}.`;
    const before = recommendation.releasesBeforeChange;
    // Models released before a late change are released all the same: "no new model" is said of the months from its start.
    return before > 0
      ? `${releasedBefore(before, recommendation.changeStartMonth)}; no new model reaches production from then to the end of the plan.${todays}`
      : `No new model reaches production within ${theMonths(context.result.horizonMonths, true)}.${todays}`;
  }
  const start = recommendation.changeStartMonth;
  // Counted in the change's months: month 7 of a change starting in month 7 is its first.
  const into = month - start + 1;
  const counted =
    start > 1
      ? into === 1
        ? ", in the month the change starts"
        : `, ${plural(into, "month")} into the change, which starts in month ${formatNumber(start)}`
      : "";
  // With models live already, the deadline is for the first one the plan adds.
  const first = context.result.scenarios[recommendation.best.alternative]!.months[0]!;
  const model = first.liveProjects - first.releases > 0 ? "First new model" : "First model";
  // The change's own hours come first: said when they hold back a release today's way of working would make sooner.
  const today = recommendation.todayFirstReleaseMonth;
  // By schedule the months are the file's plan for the option, not what its change's hours leave room for.
  const byPlan = context.result.scenarios[recommendation.best.alternative]!.releaseMode === "schedule";
  // An option released by capacity beside today's plan: its first comes when its hours have built it, not
  // because its change holds it back (a change of no hour at all, say).
  const todayByPlan = context.result.scenarios[context.result.baseline]!.releaseMode === "schedule";
  const held = (months: number) =>
    byPlan
      ? `the option's own plan of releases puts its first ${plural(months, "month")} later`
      : todayByPlan
        ? `with the option, a model is released once the team's hours have built it, not on today's plan of releases, so its first comes ${plural(months, "month")} later`
        : `the change holds the first release back by ${plural(months, "month")}`;
  const later =
    today !== null && today < month
      ? ` Today's way of working would release one ${figure("today-first-release", `by the end of month ${formatNumber(today)}`)}: ${held(month - today)}.`
      : "";
  const before = recommendation.releasesBeforeChange;
  // Models released before a late change are not its first: the deadline is for the first from its start.
  if (before > 0) {
    const from = into === 1 ? ", in the month the change starts" : `, ${plural(into, "month")} into the change`;
    return `${releasedBefore(before, start)}; the first from then is in production ${figure("deadline", `by the end of month ${formatNumber(month)}`)}${from}.${later}`;
  }
  return `${model} in production ${figure("deadline", `by the end of month ${formatNumber(month)}`)}${counted}.${later}`;
}

/** `name` and, after it, every other option that gains the same (the engine's `optionsGainingTheSame`), but those in `except`: the options page 1 names together. */
function namedWithTheSameGain(result: CaseResult, name: string, except: readonly string[] = []): string[] {
  return [name, ...optionsGainingTheSame(result, name, except)];
}

/** `deadline` continuing a sentence after a colon ("If you choose “A”: the first model in production …"). */
function deadlineContinuing(context: ReportContext): string {
  return deadline(context)
    .replace(/^First/, "the first")
    .replace(/^No new/, "no new");
}

/**
 * The deadline of a "stay" verdict: "If it goes ahead anyway, set a clear deadline. …". Of options level at
 * the top (`optionsGainingTheSame`: "The best two, “A” and “B”, would each lose €3,000"), "it" names none,
 * so the deadline is worked out for each (`deadlineOf`): one sentence when it reads the same for all, else
 * one for each by name, not the first's alone beside a second that may release its first model later.
 */
function anywayDeadline(context: ReportContext): string {
  const recommendation = context.recommendation!;
  const level = namedWithTheSameGain(context.result, recommendation.best.alternative);
  if (level.length === 1) return `If it goes ahead anyway, set a clear deadline. ${deadline(context)}`;
  const each = level.map((name) =>
    deadlineContinuing({ ...context, recommendation: { ...recommendation, best: context.result.comparisons[name]!, ...deadlineOf(context.result, name) } }),
  );
  if (each.every((text) => text === each[0]))
    return `If one of them goes ahead anyway, set a clear deadline, the same for ${level.length === 2 ? "both" : `all ${countWord(level.length)}`}: ${each[0]}`;
  return `If one of them goes ahead anyway, set a clear deadline. ${level.map((name, at) => `With ${optionName(context, name)}: ${each[at]}`).join(" ")}`;
}

/** @example releasedBefore(2, 9) // "2 models are released before the change starts in month 9" */
function releasedBefore(count: number, start: number): string {
  return `${plural(count, "model")} ${count === 1 ? "is" : "are"} released before the change starts in month ${formatNumber(start)}`;
}

/** With ranges: how often the recommended option comes out ahead of the runner-up, on the same draws. */
function aheadOfRunnerUp(context: ReportContext): string {
  const recommendation = context.recommendation!;
  const [best, runnerUp] = [recommendation.best.alternative, recommendation.runnerUp!.alternative];
  const chance = context.result.decision?.chanceAbove[best]?.[runnerUp];
  if (chance === undefined) return "";
  const level = context.result.decision!.chanceLevel[best]![runnerUp]!;
  return ` Over the ${formatNumber(context.result.decision!.samples)} outcomes of the ranges, it ${aheadOf(context, runnerUp, chance, level)}.`;
}

/**
 * "comes out ahead of “B” in 56% of them": how often an option beats `other` on the same draws, ties
 * said apart (`aheadAndLevel`): "ahead … in 25% of them and level in 50%", "level with “B” in every one of them".
 * Ahead in every outcome, or in none, is said as the count ("in every one of them", `shareOfWords`), as
 * the decision section says the same draws, not "in over 99% of them" beside its "every one of them".
 * Named: "ahead" alone reads as "gains money", which the chance of any gain, further down, may deny.
 */
function aheadOf(context: ReportContext, other: string, chanceAbove: number, chanceLevel: number | null, only = false): string {
  const { ahead, level } = aheadAndLevel(chanceAbove, chanceLevel);
  if (level >= 1) return `comes out level with ${optionName(context, other)} in every one of them`;
  // Ahead, level and behind are shares of one whole: rounded together, as the decision section says them.
  const written = aheadAndLevelWords(chanceAbove, chanceLevel);
  const levelToo = level > 0 ? ` and level in ${figure("level-chance", written.level)}` : "";
  // A count is no "only": "in none of them", not "in only none of them".
  const share = saidAsCount(ahead)
    ? figure("ahead-chance", shareOfWords(ahead, written.ahead, "them"))
    : `${only ? "only " : ""}${figure("ahead-chance", written.ahead)} of them`;
  return `comes out ahead of ${optionName(context, other)} in ${share}${levelToo}`;
}

/** The payback month in words, for a table cell: "nothing to pay back" for an option that changes nothing (`paybackFigure`). */
function paybackWords(context: ReportContext, comparison: ComparisonResult): string {
  return paybackFigure(comparison, context.result.horizonMonths);
}

/**
 * The close call's table's column names: its header, and, where a phone stacks the table into one
 * block per option, the name beside each figure (`data-label`), written once for both.
 */
const TRADE_OFF_COLUMN = {
  npv: "Net gain",
  upFront: "Up front",
  teamTime: "Team time",
  payback: "Pays back",
  chance: "Chance it pays back",
  roi: "Return on cost",
} as const;

/**
 * Two close options side by side on page 1: what each asks for, how soon and how surely it pays back,
 * and what it returns, so the reader chooses on what matters to them, not on one name.
 */
function tradeOff(context: ReportContext, close: CloseCall): string {
  const { result } = context;
  const options = close.options.map((name) => result.comparisons[name]!);
  // Options that gain the same (`sameGain`) are written with one figure, the first's, as the sentence above
  // says ("€10,000 each"; `closeCallNpv`): rounded apart, €9,995.20 and €9,994.90 would read €10,000 and €9,990.
  // A gain under one unit reads "less than €1" (`gainFigure`), as in the sentence above, not "€0".
  // To the unit, as the sentence above and `run` write them (`closeCallFigure`).
  const npvShown = (comparison: ComparisonResult) => closeCallFigure(closeCallNpv(result, close, comparison.alternative), context);
  const sampled = options.every((comparison) => context.uncertainty?.distribution[comparison.alternative] !== undefined);
  const rows = options
    .map((comparison) => {
      const npv = npvRange(context, comparison.alternative);
      const distribution = context.uncertainty?.distribution[comparison.alternative];
      const cells = [
        `<td>${userText(context.label(comparison.alternative))}</td>`,
        `<td class="number" data-label="${TRADE_OFF_COLUMN.npv}">${figure("trade-off-npv", npvShown(comparison))}${npv ? ` <span class="muted">(${figure("trade-off-npv-low", gainFigure(npv.p5, context))} to ${figure("trade-off-npv-high", gainFigure(npv.p95, context))})</span>` : ""}</td>`,
        `<td class="number" data-label="${TRADE_OFF_COLUMN.upFront}">${upFrontCell(comparison, figure("trade-off-cash", context.money(comparison.investment.cash)))}</td>`,
        `<td class="number" data-label="${TRADE_OFF_COLUMN.teamTime}">${figure("trade-off-team-time", formatHoursInTable(comparison.investment.teamHours))}</td>`,
        // The month with every range at its middle: the note under the table says so.
        `<td class="nowrap" data-label="${TRADE_OFF_COLUMN.payback}">${figure("trade-off-payback", paybackWords(context, comparison))}</td>`,
        // An option that changes nothing has no chance of paying back to give: it has nothing to pay back.
        ...(sampled
          ? [
              `<td class="number" data-label="${TRADE_OFF_COLUMN.chance}">${figure("trade-off-payback-chance", comparison.changesNothing ? "–" : formatChance(distribution!.probabilityPaysBack))}</td>`,
            ]
          : []),
        `<td class="number" data-label="${TRADE_OFF_COLUMN.roi}">${figure("trade-off-roi", comparison.roi === null ? "–" : formatPercent(comparison.roi))}</td>`,
      ];
      return `<tr data-trade-off="${escapeHtml(comparison.alternative)}">${cells.join("")}</tr>`;
    })
    .join("");
  const head = [
    "<th>Option</th>",
    `<th class="number">${TRADE_OFF_COLUMN.npv}</th>`,
    `<th class="number">${TRADE_OFF_COLUMN.upFront}</th>`,
    `<th class="number">${TRADE_OFF_COLUMN.teamTime}</th>`,
    `<th>${TRADE_OFF_COLUMN.payback}</th>`,
    ...(sampled ? [`<th class="number">${TRADE_OFF_COLUMN.chance}</th>`] : []),
    `<th class="number">${TRADE_OFF_COLUMN.roi}</th>`,
  ];
  // The ranges in brackets are 90% ranges: said so, in page 1's words for them, not left unlabelled.
  const ranged = options.some((comparison) => npvRange(context, comparison.alternative) !== undefined);
  return `<table class="compact trade-off stacks" data-figure-table="trade-off">
  <thead><tr>${head.join("")}</tr></thead>
  <tbody>${rows}</tbody>
</table>${ranged || sampled ? `\n<p class="muted" data-range-note>${escapeHtml([ranged ? netGainRangeNote() : "", sampled ? TRADE_OFF_PAYBACK_NOTE : ""].filter(Boolean).join(" "))}</p>` : ""}${lessThanTodaysChange(context, options)}`;
}

/** A close call in words: who leads, by how much, how often, and that the choice is the reader's. */
function closeCallBlock(context: ReportContext, close: CloseCall): string {
  const words = closeCallWords(context, close);
  return `<section class="recommendation" aria-label="Our recommendation">
  <h2>Our recommendation</h2>
  <p class="verdict">${words.verdict}</p>
  ${prose(words.reason)}
  ${tradeOff(context, close)}
</section>`;
}

/** A close call's verdict ("Two options are close: …") and the reason after it, in HTML. */
function closeCallWords(context: ReportContext, close: CloseCall): RecommendationWords {
  const { result } = context;
  const best = result.comparisons[close.best]!;
  // The engine's options (`CloseCall.options`), in groups of the one figure each is shown with
  // (`CloseCall.npvShown`): those that gain the same as the best are said to ("bring the same, €7,960
  // each"), not one "but only €0 more" or "€10 more" than another; those it leads are each named beside
  // their figure: "€65 more than “B” and “C” (€4,040 each)", or "€500 and €700 more than “B” and “C”
  // (€9,500 and €9,300)", not "than “B”" beside a “C” named nowhere.
  const names = close.options;
  const top = sameAsBest(close);
  const led = names.filter((name) => !top.includes(name));
  const tied = top.length > 1;
  const ledGroups = [...new Set(led.map((name) => close.npvShown[name]!))];
  // A gap is the difference of the two figures written, to the unit. Not the same, but less than
  // a unit apart with figures that read alike (€9,996.40 and €9,995.60: €9,996 each): "less than €1 more",
  // as `run` says, not "only €1 more" beside two equal figures.
  // The close call's figures are written to the unit (`closeCallFigure`), as `run` and the web app write
  // them, so that the gap reads alike everywhere: "€5,970 …, but only €515 more than … (€5,455)", where
  // page 1's three significant figures gave "€520 more than … (€5,450)" beside `run`'s "by €515".
  const exact = (value: number) => formatMoneyExact(value, result.currency);
  const gapWords = ledGroups.map((npv) => {
    const readAlike = exact(best.npv) === exact(npv);
    // Less than a unit apart, "less than €1 more" whether or not the two read alike, as `run` says it
    // (€1,234.60 and €1,233.90: €1,235 and €1,234, "less than €1 more", not "only €1 more").
    const under = lessThanOneUnitApart(best.npv, npv, result.currency);
    return { readAlike, under, gap: roundHalfAway(best.npv) - roundHalfAway(npv) };
  });
  // A runner-up that loses money (a close call by the chance of coming out ahead) as a loss: "(a loss of €233)", not "(-€233)".
  const ledSaid = ledGroups.map((npv) => {
    const loss = gainOrLoss(npv, exact);
    return loss.loss ? `a loss of ${figure("runner-up-npv", loss.written)}` : figure("runner-up-npv", closeCallFigure(npv, context));
  });
  const each = ledGroups.length === 1 && led.length > 1 ? " each" : "";
  // Two figures that read alike (€7,958.76 and €7,956.45: €7,960 each) are said to, so that "only €2 more
  // than “Same again” (€7,960)" does not read as a mistake beside the best's own €7,960.
  const ledWritten = gapWords.every((words) => words.readAlike) ? `also ${listInWords(ledSaid)}${each} when rounded` : `${listInWords(ledSaid)}${each}`;
  // "Only" of what makes the call close: the gap when it is close by itself (the engine's `closeByGap`), else
  // the chance of coming out ahead ("€1,430 more than … (€866)" is no "only": the best gains 2.6 times as much).
  const narrowGap = led.every((name) => closeByGap(best.npv, result.comparisons[name]!.npv));
  const gaps = listInWords(gapWords.map((words) => figure("npv-gap", words.under ?? exact(words.gap))));
  const more = gapWords.every((words) => words.under) ? `but ${gaps}` : narrowGap ? `but only ${gaps}` : gaps;
  const ledNamed = listInWords(led.map((name) => optionName(context, name)));
  // "Only" of a chance where it is what makes the call close (`CloseCall.closeByChance`), never of one the
  // gap made close ("in only over 99%"); an option named for its chance alone is said with it, why it is named.
  const byChance = led
    .filter((name) => name !== close.runnerUp && close.closeByChance.includes(name))
    .map((name) => {
      const [chanceAbove, chanceLevel] = [result.decision!.chanceAbove[close.best]![name]!, result.decision!.chanceLevel[close.best]![name]!];
      const written = aheadAndLevelWords(chanceAbove, chanceLevel);
      const { ahead, level } = aheadAndLevel(chanceAbove, chanceLevel);
      const levelToo = level > 0 ? ` and level in ${figure("level-chance", written.level)}` : "";
      // Ahead in none of the outcomes is said as the count, as of the runner-up (`aheadOf`), and a count is
      // no "only": "in none of them", not "in only under 1%".
      const share = saidAsCount(ahead) ? figure("ahead-chance", shareOfWords(ahead, written.ahead, "them")) : `only ${figure("ahead-chance", written.ahead)}`;
      return `, and ahead of ${optionName(context, name)} in ${share}${levelToo}`;
    })
    .join("");
  // Level with more than one in every outcome: each named ("level with “B” and “C” in every one of them").
  const levelWithAll = names.length > 2 && close.chanceBestAhead !== null && names.slice(1).every((name) => close.levelWithBest.includes(name));
  const chance =
    close.chanceBestAhead === null
      ? ""
      : levelWithAll
        ? ` Over the ${formatNumber(result.decision!.samples)} outcomes of the ranges, ${optionName(context, close.best)} comes out level with ${listInWords(names.slice(1).map((name) => optionName(context, name)))} in every one of them.`
        : ` Over the ${formatNumber(result.decision!.samples)} outcomes of the ranges, ${tied ? optionName(context, close.best) : "it"} ${aheadOf(context, close.runnerUp, close.chanceBestAhead, close.chanceLevel, !tied && close.closeByChance.includes(close.runnerUp))}${byChance}.`;
  // "How surely" only where the table beside it gives the chance that each pays back (with ranges sampled):
  // of single estimates, page 1 says it cannot give that chance. Options the same on every figure of the
  // table (`CloseCall.sameOnEveryFigure`) leave nothing in it to choose on: said, not "choose on what each asks for".
  const sampled = names.every((name) => context.uncertainty?.distribution[name] !== undefined);
  const choose = close.sameOnEveryFigure
    ? `They are the same on every figure here, so choose on what the figures do not show: what each option is and how it fits the team.`
    : `Choose on what matters more to you: what each asks for, or how soon${sampled ? " and how surely" : ""} it pays back.`;
  const months = plural(result.horizonMonths, "month");
  const reason = tied
    ? `${listInWords(top.map((name) => optionName(context, name)))} bring the same, ${figure("best-npv", closeCallFigure(best.npv, context))} each over ${months}${netGainBasis(result.discountRate)}${
        led.length > 0 ? `, and ${more.replace(/^but /, "")} more than ${ledNamed} (${ledWritten})` : ""
      }.${chance}${doubt(context)} ${choose}`
    : `${optionName(context, close.best)} brings the most, ${figure("best-npv", closeCallFigure(best.npv, context))} over ${months}${netGainBasis(result.discountRate)}, ${more} more than ${ledNamed} (${ledWritten}).${chance}${doubt(context)} ${choose}`;
  return {
    verdict: `${countWord(names.length).replace(/^./, (first) => first.toUpperCase())} options are close: ${listInWords(names.map((name) => optionName(context, name)))}.`,
    reason,
  };
}

/**
 * For an option that loses money in today's money: what it gains before money is valued over time,
 * when that is not a loss too, so that "would lose" does not read against a payback month or a gain
 * before valuing over time on the same page (the two differ by the discounting alone).
 */
function notValuedOverTime(context: ReportContext, comparison: ComparisonResult): string {
  const gain = comparison.totalNetBenefit;
  if (gain < 0 || context.money(gain) === context.money(comparison.npv)) return "";
  const paysBack = comparison.paybackMonth === null ? "" : ` and pays back in ${formatMonth(comparison.paybackMonth)}`;
  return ` Before valuing money over time, it gains ${amount(context.money(gain))}${paysBack}; but money that comes later is worth less, and in today's money that is a loss.`;
}

/**
 * For an option that gains money in today's money but not before valuing it over time (its costs come
 * later than its gains, and a later cost counts for less): what it loses undiscounted, so that "Go
 * ahead" does not read against "not earned back" on the same page without a word on why.
 */
function gainsOnlyValuedOverTime(context: ReportContext, comparison: ComparisonResult): string {
  const said = gainOrLoss(comparison.totalNetBenefit, context.money);
  if (!said.loss) return "";
  return ` Before valuing money over time, it loses ${amount(said.written)} and has not earned back what it cost by the end of the plan: its costs come later than its gains, and money that comes later is worth less, so in today's money it is a gain.`;
}

/**
 * A "go" the ranges leave in doubt (the engine's `doubtful`: a chance of any gain below 80%): said
 * beside the verdict, not left for the reader to find further down.
 */
function doubt(context: ReportContext): string {
  const recommendation = context.recommendation!;
  if (!recommendation.doubtful || recommendation.chanceOfGain === null) return "";
  return ` It is far from sure: over the ${formatNumber(context.uncertainty!.samples)} outcomes of the ranges, the chance that it gains money at all is only ${figure("doubt-gain-chance", formatChance(recommendation.chanceOfGain))}.`;
}

/**
 * A "stay" verdict's reason: what the best option would lose in today's money (or that it brings
 * nothing more than today). Of several options, "None of the options gains money … The best, “X”,
 * would lose …"; of one, that option by name, not "the best" of "none of the options" a reader then
 * looks for.
 */
function noGain(context: ReportContext, best: ComparisonResult, options: number, sampled: boolean): string {
  const months = plural(context.result.horizonMonths, "month");
  const middle = sampled ? "With every range at its middle, " : "";
  const name = optionName(context, best.alternative);
  const loss = gainOrLoss(best.npv, context.money).loss;
  const rate = context.result.discountRate;
  if (options === 1)
    return loss
      ? `${middle}${name} would lose ${amount(context.money(-best.npv))} within ${months}${netGainBasis(rate, ", ")}.`
      : `${middle}${name} brings no more than today within ${months}: ${amount(context.money(0))}${netGainBasis(rate)}.`;
  // Options level at the top (`optionsGainingTheSame`, the close call's rule) are all named: "the best" of two that lose
  // the same would name one by the file's order alone.
  const level = namedWithTheSameGain(context.result, best.alternative).map((name) => context.result.comparisons[name]!);
  const each = level.length > 1 ? " each" : "";
  const names = level.length > 1 ? listInWords(level.map((comparison) => optionName(context, comparison.alternative))) : name;
  return `${sampled ? `${middle}none` : "None"} of the options gains money within ${months}${netGainBasis(rate)}. The best${level.length > 1 ? ` ${countWord(level.length)}` : ""}, ${names}, ${
    loss
      ? `would${each} lose ${amount(context.money(-best.npv))}${inTodaysMoney(rate)}`
      : `${level.length > 1 ? "bring" : "brings"} no more than today: ${amount(context.money(0))}${each}${inTodaysMoney(rate)}` // not "would lose €0"
  }.`;
}

/** The runner-up's net gain beside the best's: a loss as a loss ("against a loss of €2,140"), not "against -€2,140". */
function runnerUpNpv(context: ReportContext, npv: number): string {
  const said = gainOrLoss(npv, context.money);
  return said.loss ? `a loss of ${amount(said.written)}` : gainAmount(npv, context);
}

function recommendationBlock(context: ReportContext): string {
  const { result } = context;
  const recommendation = context.recommendation!;
  const best = recommendation.best;
  const close = result.judgement?.closeCall;
  // The engine's close call (`closeCallOf`) is only ever of the recommended option, and only when it gains
  // money (a "go"): it ranks the options as `recommend` does.
  if (close) return closeCallBlock(context, close);
  const { verdict, reason } = recommendationWords(context);
  // A case without projects has no model to put in production: no deadline of that kind; nor has an option
  // that changes nothing against today ("If it goes ahead anyway, set a clear deadline" of an option that
  // would change nothing).
  const deadlineLine = !hasProjects(context, best) || best.changesNothing ? "" : recommendation.verdict === "go" ? deadline(context) : anywayDeadline(context);
  return `<section class="recommendation" aria-label="Our recommendation">
  <h2>Our recommendation</h2>
  <p class="verdict">${verdict}</p>
  ${prose(reason)}
  ${deadlineLine ? `<p class="deadline" data-prose>${deadlineLine}</p>` : ""}
</section>`;
}

/** Page 1's recommendation, in HTML: its verdict (the headline) and the reason said after it. */
export interface RecommendationWords {
  readonly verdict: string;
  readonly reason: string;
}

/**
 * Page 1's verdict and the reason after it, in HTML (the words of "Our recommendation"), from the engine's
 * `recommend` and `judgement`: a close call's too. The web app shows the same words above its cards.
 */
export function recommendationWords(context: ReportContext): RecommendationWords {
  const { result } = context;
  const recommendation = context.recommendation!;
  const best = recommendation.best;
  const close = result.judgement?.closeCall;
  if (close) return closeCallWords(context, close);
  const months = plural(result.horizonMonths, "month");
  // The options page 1 weighs: one that changes nothing is staying as today, not one of them (unless it is the best).
  const others = Object.values(result.comparisons).filter((option) => !option.changesNothing || option.alternative === best.alternative).length;
  // With ranges, "none gains money" holds for the middle of every range only: some outcomes may gain.
  const gainChance = context.uncertainty?.distribution[best.alternative]?.probabilityNpvPositive;
  const sampledGain =
    recommendation.verdict === "stay" && gainChance !== undefined && gainChance > 0
      ? ` Over the ${formatNumber(context.uncertainty!.samples)} outcomes of the ranges, the chance that it gains money at all is ${figure("stay-gain-chance", formatChance(gainChance))}.`
      : "";
  // Options that gain the same as the runner-up (`sameGain`) are all named beside its figure: "against €4,110
  // each for “Alpha”, “Beta” and “Gamma”", not "for “Alpha”", the first of three by the file's order alone.
  const runnerUp = recommendation.runnerUp;
  const runnersUp = runnerUp ? namedWithTheSameGain(result, runnerUp.alternative, [best.alternative]) : [];
  const reason =
    recommendation.verdict === "go"
      ? others > 1
        ? `Of the ${countWord(others)} options, it brings the most: ${gainAmount(best.npv, context)} over ${months}${netGainBasis(result.discountRate)}, against ${runnerUpNpv(context, recommendation.runnerUp!.npv)}${runnersUp.length > 1 ? " each" : ""} for ${listInWords(runnersUp.map((name) => optionName(context, name)))}.${gainsOnlyValuedOverTime(context, best)}${aheadOfRunnerUp(context)}${doubt(context)}`
        : `It brings ${gainAmount(best.npv, context)} more than today over ${months}${netGainBasis(result.discountRate, ", ")}.${gainsOnlyValuedOverTime(context, best)}${doubt(context)}`
      : `${noGain(context, best, others, sampledGain !== "")}${notValuedOverTime(context, best)}${sampledGain}`;
  const verdict =
    recommendation.verdict === "go"
      ? recommendation.doubtful
        ? `Go ahead with ${optionName(context, best.alternative)} only if a loss is a risk you can take.`
        : `Go ahead with ${optionName(context, best.alternative)}.`
      : best.changesNothing
        ? // Its only option changes nothing: there is nothing to go ahead with or rework.
          `Stay as today: ${optionName(context, best.alternative)} changes nothing against it.`
        : // A longer plan only where it could show a gain (`longerPlanMayHelp`): not past the longest a case may
          // have, nor for an option whose last 12 months, its change over, lose money.
          `Do not go ahead ${others > 1 ? "as planned. Rework the options" : `with ${optionName(context, best.alternative)} as planned. Rework it`}${
            recommendation.longerPlanMayHelp ? " or look at a longer plan" : ""
          }.`;
  return { verdict, reason };
}

/**
 * The running costs the option adds (or saves) over the plan, not discounted, each named for what it
 * is (the engine's `runningCostChanges`): tools, support staff and training.
 * What it adds comes first, then what it saves, said as saved: "saves US$64,400 on support staff" ("US$64,400
 * less for support staff" after a cost read as a smaller cost, not as money the option keeps).
 * @example runningCosts(context, enterprise.platformFirst) // "then US$324,000 for tools and saves US$64,400 on support staff over the 36 months"
 */
function runningCosts(context: ReportContext, comparison: ComparisonResult): string {
  const { result } = context;
  const costs = runningCostChanges(result, comparison.alternative);
  const parts = (
    [
      ["tool-costs", "tools", costs.tools],
      ["support-staff-costs", "support staff", costs.supportStaff],
      ["training-costs", "training", costs.training],
    ] as const
  ).filter(([, , change]) => Math.abs(change) >= 0.5);
  if (parts.length === 0) return "with no change in running costs";
  // What the option adds first, then what it saves: a cost said after a saving ("€4,600 less for tools
  // and €1,000 for training") reads as one more saving.
  const added = parts.filter(([, , change]) => change > 0).map(([name, what, change]) => `${figure(name, context.money(change))} for ${what}`);
  const saved = parts.filter(([, , change]) => change < 0).map(([name, what, change]) => `${figure(name, context.money(-change))} on ${what}`);
  const over = `over ${theMonths(result.horizonMonths)}`;
  if (added.length === 0) return `and saves ${listInWords(saved)} ${over}`;
  if (saved.length === 0) return `then ${listInWords(added)} ${over}`;
  // "then €1,000 for training and €500 for tools, and saves …": the comma keeps the saving apart from the list.
  return `then ${listInWords(added)}${added.length > 1 ? "," : ""} and saves ${listInWords(saved)} ${over}`;
}

function askCard(context: ReportContext, comparison: ComparisonResult): string {
  const { investment } = comparison;
  // Against a baseline that makes a bigger change of its own (in the file's defaults), the option pays
  // less up front and takes fewer hours than today: said, where "€0" and "no extra team time" alone
  // would hide the saving the JSON's negative investment holds. The rule is the web app's cards' too.
  const asked = askedFor(investment, { money: context.money, hours: formatHours });
  const team = asked.teamHours
    ? `The change also takes ${figure("team-time", asked.teamHours)} of the team's time, worth ${amount(context.money(investment.teamHoursCost))}.`
    : asked.teamHoursSaved
      ? `The change takes ${figure("team-time-saved", asked.teamHoursSaved)} less of the team's time than today's own change, worth ${amount(context.money(-investment.teamHoursCost))}.`
      : `The change takes no extra team time.`;
  const cashSaved = asked.cashSaved
    ? ` It pays ${figure("cash-saved", asked.cashSaved)} less ${escapeHtml(asked.cashSavedWhen ?? "up front")} than today.`
    : "";
  return `<div class="card">
  <h3>${notRecommended(context) ? "What it would ask for" : "What we ask for"}</h3>
  <p class="big">${figure("investment", asked.upFront)}</p>
  <p class="unit">${escapeHtml(cashPaidWords(context.result, comparison, context.money))}, ${runningCosts(context, comparison)}</p>
  ${prose(`${team}${cashSaved}`)}
</div>`;
}

/**
 * Why the last months are not yet a year of running: the change (or today's own, when it ends later)
 * is wholly in place only from a later month, or still under way at the end.
 */
function changeStillMade(changeEnd: ComparisonChangeEnd, horizon: number): string {
  const over = changeEnd.month < horizon;
  if (changeEnd.baselineLater)
    return over
      ? `today's team is making a change of its own until month ${formatNumber(changeEnd.month)}`
      : "today's team is still making a change of its own in the plan's last month";
  return over ? `the change is wholly in place only from month ${formatNumber(changeEnd.month + 1)}` : "the change is still under way in the plan's last month";
}

/**
 * The 90% range of a card that shows a loss, in the card's own convention: a loss as an amount, not a
 * negative net gain beside it ("What it would lose €57,900 … between -€85,200 and -€11,500" read two ways).
 * The smaller loss first; a range that reaches a gain names each end for what it is.
 * @example lossRange(context, { p5: -85_201, p95: -11_504 }) // "The loss is likely to fall between €11,500 and €85,200."
 * @example lossRange(context, { p5: -7_450, p95: 9_580 }) // "The result is likely to fall between a loss of €7,450 and a gain of €9,580."
 */
function lossRange(context: ReportContext, npv: { readonly p5: number; readonly p95: number }): string {
  const low = gainOrLossWords(npv.p5, context);
  const high = gainOrLossWords(npv.p95, context);
  if (low.loss && high.loss) return `The loss is likely to fall between ${figure("npv-high", high.written)} and ${figure("npv-low", low.written)}.`;
  const end = (said: { loss: boolean; written: string }, key: string) => `${said.loss ? "a loss" : "a gain"} of ${figure(key, said.written)}`;
  return `The result is likely to fall between ${end(low, "npv-low")} and ${end(high, "npv-high")}.`;
}

/**
 * Over a plan of a year or less, page 1's gain before valuing it over time is the whole plan's, the cash
 * paid at the start included; the web app's cards, `run`'s table and the workbook give the same months'
 * gain without that cash (`benefitLastTwelveMonths`, "Gain, last 12 months … without the cash paid at the
 * start"). Where the two read differently, both are said, so that neither reads as the other (€8,632
 * on the web app's card beside page 1's "€6,630" read as the same gain): empty where they read the same.
 * @example withoutCashAtStart(context, closeCallsFullSet) // " with the cash paid at the start, €8,630 without it"
 * @example withoutCashAtStart(context, lossBeforeAGain) // " with the cash paid at the start; without it, a gain of €1,200"
 */
function withoutCashAtStart(context: ReportContext, comparison: ComparisonResult): string {
  const whole = gainOrLossWords(comparison.totalNetBenefit, context);
  const months = gainOrLossWords(comparison.benefitLastTwelveMonths, context);
  if (comparison.timeZeroNet === 0 || (whole.loss === months.loss && whole.written === months.written)) return "";
  const without = figure("undiscounted-gain-months", months.written);
  return whole.loss === months.loss
    ? ` with the cash paid at the start, ${without} without it`
    : ` with the cash paid at the start; without it, ${months.loss ? "a loss" : "a gain"} of ${without}`;
}

function returnCard(context: ReportContext, comparison: ComparisonResult): string {
  const { result } = context;
  const horizon = result.horizonMonths;
  const yearly = comparison.benefitLastTwelveMonths;
  // Over a plan of a year or less, the gain before discounting is the whole plan's, the cash paid at the
  // start included (where the gain-over-time chart's line ends), not the months' alone.
  const undiscounted = comparison.totalNetBenefit;
  const undiscountedSaid = gainOrLossWords(undiscounted, context);
  // "Once running" only when the change is over before the last 12 months begin (its setup, dip and
  // staff alongside, and the months before it starts, are not a year of running), today's own change
  // (one given in the file's defaults) included: the comparison nets its hours too.
  const changeEnd = comparisonChangeEnd(result, comparison.alternative);
  // A loss over those months is said as one ("it loses €14,800"), never as a negative gain.
  // Under one unit, a gain reads "less than €1", not "gains €0 a year" (gainOrLossWords).
  const yearlySaid = gainOrLossWords(yearly, context);
  // Cash the option pays at the end of one of those months (before a change that starts then) is in the
  // figure: said, as run's note under its table says it (`laterCashWords`), so that it is not taken off again.
  const laterCash = laterCashWords(result, [comparison]);
  const gainsYearly = `${yearlySaid.loss ? "loses" : "gains"} ${figure("yearly-benefit", yearlySaid.written)}${laterCash ? ` (${laterCash})` : ""}`;
  // At a rate of 0% nothing is discounted: "not discounted" would say it apart from figures that are not either.
  const notDiscounted = result.discountRate === 0 ? "" : ", not discounted";
  const yearlyText = comparison.changesNothing
    ? "" // No cost and no gain in any month: "it gains €0 a year" says nothing the card's "changes nothing" does not.
    : horizon > 12
      ? changeEnd.month < horizon - 11
        ? // Not discounted, as `run` and the web app say of the same figure: the card's net gain above is in today's money.
          `Once running, it ${gainsYearly} a year${notDiscounted} (the last 12 months of the plan).`
        : `Over the last 12 months of the plan, before valuing it over time, it ${gainsYearly}; ${changeStillMade(changeEnd, horizon)}, so this is not yet a year of running.`
      : context.money(undiscounted) === context.money(comparison.npv)
        ? "" // Undiscounted, the gain reads as the net gain above (a rate of 0%, the DORA calculator's): said once.
        : horizon === 12
          ? `Before valuing it over time, the ${undiscountedSaid.loss ? "loss" : "gain"} over the 12 months is ${figure("undiscounted-gain", undiscountedSaid.written)}${withoutCashAtStart(context, comparison)}.`
          : `Over ${theMonths(horizon, true)}, before valuing it over time, the ${undiscountedSaid.loss ? "loss" : "gain"} is ${figure("undiscounted-gain", undiscountedSaid.written)}${withoutCashAtStart(context, comparison)}.`;
  const npv = npvRange(context, comparison.alternative);
  // The range belongs to the net gain above, so it says so and comes first, before any other figure.
  // A range's end above zero under one unit reads "less than €1" (`gainFigure`), as the figure above it does, not "€0".
  // A net gain below zero is a loss, said as one ("€38,700 / a loss over 36 months"), never "-€38,700 net gain".
  const loss = gainOrLoss(comparison.npv, context.money);
  const range = !npv
    ? ""
    : loss.loss
      ? `${lossRange(context, npv)} `
      : `The net gain is likely to fall between ${figure("npv-low", gainFigure(npv.p5, context))} and ${figure("npv-high", gainFigure(npv.p95, context))}. `;
  // With Forrester TEI's risk adjustment in the file, the net gain after it, as `run` gives it under the
  // figure: the figure above and every other on the page are before it (docs/numbers.md, "Risk adjustment, TEI's way").
  const adjusted = comparison.riskAdjusted && result.riskAdjustment ? gainOrLossWords(comparison.riskAdjusted.npv, context) : undefined;
  const riskAdjusted =
    adjusted && result.riskAdjustment
      ? `Risk-adjusted as Forrester does it ${riskAdjustmentShares(result.riskAdjustment)}, ${adjusted.loss ? "it is a loss of" : "the net gain is"} ${figure("risk-adjusted-npv", adjusted.written)}. `
      : "";
  const text = `${range}${riskAdjusted}${yearlyText}`.trim();
  // The best of a close call is written to the unit, as the close call above writes it (`closeCallFigure`):
  // "€7,959" in both, not "€7,960" here beside "bring the same, €7,959 each".
  const bigNpv =
    context.result.judgement?.closeCall?.best === comparison.alternative ? closeCallFigure(comparison.npv, context) : gainFigure(comparison.npv, context);
  return `<div class="card">
  <h3>${loss.loss ? "What it would lose" : "What it returns"}</h3>
  <p class="big">${figure("npv", loss.loss ? loss.written : bigNpv)}</p>
  <p class="unit">${loss.loss ? "a loss" : "net gain"} over ${plural(horizon, "month")}${inTodaysMoney(context.result.discountRate, ", ")}</p>
  ${text ? prose(text) : ""}
</div>`;
}

/** When within the payback month the gain turns positive, from the start, in months and years (interpolated, not discounted). */
function within(comparison: ComparisonResult): string {
  const { paybackMonthInterpolated: months, paybackYears: years } = comparison.conventions;
  if (months === null || years === null) return "";
  const within = formatPaybackWithin(months, years);
  return `: ${within.months}, or ${within.years}, from the start`;
}

function paybackCard(context: ReportContext, comparison: ComparisonResult): string {
  const { result } = context;
  const months = plural(result.horizonMonths, "month");
  const month = comparison.paybackMonth;
  // No cost and no gain in any month or outcome: nothing to pay back, said instead of a payback, its
  // range and its chance (docs/numbers.md, "An option that changes nothing"), as the web app's card says it.
  if (comparison.changesNothing)
    return `<div class="card">
  <h3>When it pays back</h3>
  <p class="big">${figure("payback", `${NOTHING_TO_PAY_BACK.charAt(0).toUpperCase()}${NOTHING_TO_PAY_BACK.slice(1)}`)}</p>
  <p class="unit">&nbsp;</p>
  ${prose(escapeHtml(changesNothingWords(context.label(result.baseline))))}
</div>`;
  const big = month === null ? `Not within ${months}` : month === 0 ? "From the start" : `Month ${formatNumber(month)}`;
  // With ranges, the payback month is that of every range at its middle (sampled or not): the chance
  // below may say most outcomes pay back, or some do not, so the sentence is not said as fact.
  const ranged = context.ranges !== "none";
  const meaning =
    paybackMeaningAtTheMiddle(month, ranged) ??
    (comparison.npv < 0
      ? // Paid back before valuing money over time, but not in today's money (the net gain above is a loss).
        `From then on, the gain so far covers all it cost before money is valued over time; in today's money, it does not within ${theMonths(result.horizonMonths)}.`
      : `From then on, it has earned back all it cost.`);
  const distribution = context.uncertainty?.distribution[comparison.alternative];
  // Where the outcomes' payback months fall (P5 to P95), beside the month with every range at its middle.
  const spread = distribution ? paybackRangeWords(distribution.paybackMonth, result.horizonMonths, (end, text) => figure(`payback-${end}`, text)) : undefined;
  // Paying back is counted as paid, the chance of any gain (the verdict's, "How sure are we?") in today's
  // money: where the two read differently, both are said here with their basis (`paybackChanceWords`).
  const chance = distribution
    ? paybackChanceWords(
        figure("payback-chance", formatChance(distribution.probabilityPaysBack)),
        result.horizonMonths,
        paybackAndGainChancesDiffer(distribution, result.discountRate)
          ? figure("payback-gain-chance", formatChance(distribution.probabilityNpvPositive))
          : undefined,
      )
    : context.ranges === "notSampled"
      ? `The chance that it pays back was not worked out for this report.`
      : `This is a single estimate, so we cannot give the chance that it pays back yet.`;
  return `<div class="card">
  <h3>When it pays back</h3>
  <p class="big">${figure("payback", big)}</p>
  <p class="unit">${month !== null && month > 0 ? `${paybackMonthMeaning(ranged, result.discountRate)}${within(comparison)}` : "&nbsp;"}</p>
  ${prose(`${meaning}${spread ? ` ${spread}` : ""} ${chance}`)}
</div>`;
}

/** The big figure's side for a count of live projects: "no limit" when they need no hours. */
function keep(count: number | null): string {
  return count === null ? "no limit" : formatNumber(count);
}

/** Whether either side's team is more than one person: page 1 then says what the team keeps, not one person. */
function wholeTeam(capacity: ComparisonResult["capacity"]): boolean {
  return capacity.people.baseline !== 1 || capacity.people.alternative !== 1;
}

/**
 * How many live projects the team can keep, today and with the option, in a sentence (`teamKeepsWords`):
 * one person's whole projects, or a larger team's share per person followed by the whole projects it
 * keeps together (`keptAsTeamWords`: "the team of 4 has hours for about 2.4 live projects per person, 9
 * whole projects as a team", where "can keep 9 live projects going, about 2.4 per person" read as
 * 9 ÷ 4, and "one person can keep 2" as 8 for the 4 of them). No limit (`null`: a live project needs
 * none of the team's hours) is said as such, not "any number of with “X”".
 */
function keptPerPerson(capacity: ComparisonResult["capacity"], alternative: string): string {
  const side = (which: "baseline" | "alternative") =>
    teamKeepsWords({
      people: capacity.people[which],
      liveProjectsPerPerson: capacity.liveProjectsPerPerson[which],
      maxLiveProjects: capacity.maxLiveProjects[which],
      maxLiveProjectsPerPerson: capacity.maxLiveProjectsPerPerson[which],
    });
  const today = side("baseline");
  const after = side("alternative");
  const todayFigure = (text: string) => figure("projects-per-person-today", text);
  const afterFigure = (text: string) => figure("projects-per-person-after", text);
  type Kept = NonNullable<typeof today>;
  // One person's whole projects are the per-person figure; a team's are their own figure, after its share per person.
  const count = (words: Kept, when: "today" | "after") =>
    words.perPerson === undefined ? (when === "today" ? todayFigure : afterFigure)(words.count) : figure(`projects-team-${when}`, words.count);
  const asTeam = (words: Kept, when: "today" | "after", short = false) =>
    keptAsTeamWords(
      { count: words.count, perPerson: words.perPerson!, per: words.per },
      { short, count: (text) => figure(`projects-team-${when}`, text), perPerson: when === "today" ? todayFigure : afterFigure },
    );
  // "1 live project", not "1 live projects".
  const projects = (words: Kept) => (words.count === "1" ? "live project" : "live projects");
  // What a side keeps, after its subject: "has hours for about 2.4 live projects per person, 9 whole
  // projects as a team", or one person's "can keep 2 live projects going".
  const keeps = (words: Kept, when: "today" | "after") =>
    words.perPerson === undefined ? `can keep ${count(words, when)} ${projects(words)} going` : `has hours for ${asTeam(words, when)}`;
  if (!today && !after)
    return `A live project needs none of the team's hours, today or with ${alternative}, so one person can keep ${todayFigure("any number")} of them.`;
  if (!today)
    return `A live project needs none of the team's hours today, so one person can keep ${todayFigure("any number")} of them; with ${alternative}, ${after!.perPerson === undefined ? count(after!, "after") : `${after!.who} has hours for ${asTeam(after!, "after")}`}.`;
  if (!after)
    return `Today ${today.who} ${keeps(today, "today")}; with ${alternative}, a live project needs none of the team's hours, so ${afterFigure("any number")}.`;
  if (today.perPerson === undefined && after.perPerson === undefined)
    return `One person can keep ${count(today, "today")} ${projects(today)} going today, and ${count(after, "after")} with ${alternative}.`;
  // The same team on both sides: the option's figures alone. Else its own subject.
  const afterSaid =
    after.perPerson === undefined
      ? `${after.who} can keep ${count(after, "after")}`
      : after.who === today.who && today.perPerson !== undefined
        ? asTeam(after, "after", true)
        : `${after.who} has hours for ${asTeam(after, "after")}`;
  return `Today ${today.who} ${keeps(today, "today")}; with ${alternative}, ${afterSaid}.`;
}

/** Whether the case has projects at all: live at the start, released, or built, in today or the option. */
function hasProjects(context: ReportContext, comparison: ComparisonResult): boolean {
  const capacity = comparison.capacity;
  const first = context.result.scenarios[context.result.baseline]!.months[0]!;
  return (
    capacity.projectsDelivered.baseline +
      capacity.projectsDelivered.alternative +
      capacity.liveProjectsAtEnd.baseline +
      capacity.liveProjectsAtEnd.alternative >
      0 || first.liveProjects > 0
  );
}

/**
 * The team's hours a month in the plan's last month: on chores, waiting, meetings, failures and
 * upkeep (`busy`), and on the change itself — its setup, learning and staff alongside (`change`),
 * which the overheads also count. Together, what the option frees.
 */
function teamHoursOf(context: ReportContext, scenario: string): { busy: number; change: number } {
  const last = context.result.scenarios[scenario]!.months.at(-1)!;
  const change = last.setupHours + last.learningHours + last.alongsideHours;
  return { busy: last.overheadHours - change + last.upkeepHours, change };
}

/** For a case without projects (the DORA papers' way): the hours the option gives the team back. */
function hoursCard(context: ReportContext, comparison: ComparisonResult): string {
  const today = teamHoursOf(context, context.result.baseline);
  const after = teamHoursOf(context, comparison.alternative);
  const alternative = optionName(context, comparison.alternative);
  const freed = today.busy + today.change - (after.busy + after.change);
  // The DORA 2020 paper's transformation keeps its staff for the whole plan: their hours are the change's, not chores.
  // "Once running" only when the change is over within the plan; else the plan's last month is still part of it.
  const running =
    comparisonChangeEnd(context.result, comparison.alternative).month < context.result.horizonMonths ? "once running" : "in the plan's last month";
  const changeAfter = after.change >= 0.05 ? `, and ${figure("change-hours-after", formatHours(after.change))} on the change itself` : "";
  // Today's own change (one in the file's defaults) is said apart as well: its hours are not chores.
  const changeToday = today.change >= 0.05 ? `, and ${figure("change-hours-today", formatHours(today.change))} on a change of its own` : "";
  return `<div class="card">
  <h3>What changes for the team</h3>
  <p class="big">${figure("hours-freed", formatHours(Math.abs(freed)))}</p>
  <p class="unit">a month ${freed >= 0 ? "given back to" : "more asked of"} the team, ${running}</p>
  ${prose(`Today the team spends ${figure("busy-hours-today", formatHours(today.busy))} a month on chores, waiting, meetings, failures and upkeep${changeToday}; with ${alternative}, ${figure("busy-hours-after", formatHours(after.busy))}${changeAfter} (the last month of the plan).`)}
</div>`;
}

/** The months before `stops` (or to the end) in which the scenario's team has no time to start new work (`monthsWithoutNewWorkBefore`). */
function monthsWithoutNewWork(context: ReportContext, scenario: string, stops: number | null): string {
  return monthsWithoutNewWorkBefore(context.result.scenarios[scenario]!.months, stops);
}

/**
 * When today's team has more work than hours, as a sentence opening: "From month 10" when it lasts to
 * the end of the plan, else the months themselves ("In months 1–2"), not a "from" that reads as for good.
 */
function overloadedMonths(months: readonly number[], horizon: number): string {
  if (months.length === 0) return "";
  const first = months[0]!;
  // "From month 12" of a 12-month plan's last month alone reads as if more followed: "In month 12".
  if (months.length === horizon - first + 1 && first < horizon) return `From ${formatMonth(first)}`;
  const runs: string[] = [];
  for (let at = 0; at < months.length; at++) {
    const start = months[at]!;
    while (at + 1 < months.length && months[at + 1] === months[at]! + 1) at++;
    runs.push(start === months[at] ? `month ${formatNumber(start)}` : `months ${formatNumber(start)}–${formatNumber(months[at]!)}`);
  }
  return `In ${listInWords(runs)}`;
}

/**
 * The months today's team, and the option's, have more work than hours (their hours bought in): the
 * option's own too, a setup that overloads the team being a cost a manager asks about. Both in one
 * sentence when they are the same months.
 * @example overloadSentences([], [1, 2], "“Tools”", 12) // "In months 1–2, the team with “Tools” has more work than hours: …"
 */
function overloadSentences(
  today: readonly number[],
  after: readonly number[],
  alternative: string,
  horizon: number,
  todays = "today's team",
  theirs = "the team",
): string {
  const bought = "the hours missing are bought in (overtime or contractors) at the team's hourly cost.";
  const whenToday = overloadedMonths(today, horizon);
  const whenAfter = overloadedMonths(after, horizon);
  if (whenToday && whenToday === whenAfter) return `${whenToday}, ${todays} and ${theirs} with ${alternative} have more work than hours: ${bought}`;
  const sentences: string[] = [];
  if (whenToday) sentences.push(`${whenToday}, ${todays} has more work than hours: ${bought}`);
  if (whenAfter)
    sentences.push(
      whenToday
        ? `${whenAfter}, ${theirs} with ${alternative} has more work than hours too.`
        : `${whenAfter}, ${theirs} with ${alternative} has more work than hours: ${bought}`,
    );
  return sentences.join(" ");
}

/**
 * "every month" ("every month of the plan"), but "the plan's one month" of a plan of one month, where
 * "every month" reads as more than one.
 * @example everyMonth(12, true) // "every month of the plan" ; everyMonth(1) // "the plan's one month"
 */
function everyMonth(horizon: number, ofThePlan = false): string {
  return horizon === 1 ? theMonths(1, true) : ofThePlan ? "every month of the plan" : "every month";
}

/**
 * Today's team as page 1's team card names it: "today's one-person team" for a team of one, where
 * "today's team" beside "One person can keep 2 live projects" read oddly; else "today's team".
 */
function todaysTeam(people: number): string {
  return people === 1 ? "today's one-person team" : "today's team";
}

/** A sentence's first word with its capital: "today's team" → "Today's team". */
function capitalFirst(words: string): string {
  return `${words.charAt(0).toUpperCase()}${words.slice(1)}`;
}

/**
 * Why the option's room for live projects goes unused (`roomLeftUnused`), when no month of its plan has
 * time for new work: its free hours stay under those it takes to start a new model
 * (`newWorkThresholdHours`), as a clause. "" when another reason holds (months with time, but nothing to start).
 * @example // solo.yaml: "its free hours, 70 hours a month at most, stay under the 80 hours it takes to start a new model, so the room for 7 goes unused"
 */
function roomUnusedWhy(context: ReportContext, scenario: string, room: number): string {
  const { summary, months } = context.result.scenarios[scenario]!;
  if (summary.newWorkStopsMonth !== 1) return "";
  const most = Math.max(...months.map((month) => month.freeHours));
  if (!(most < summary.newWorkThresholdHours)) return "";
  const threshold = formatHours(summary.newWorkThresholdHours);
  // 79.6 hours under 80 would read "at most 80 hours … under the 80 hours": then "just under".
  const under =
    formatHours(most) === threshold
      ? `stay just under the ${figure("new-work-threshold-after", threshold)}`
      : `${figure("free-hours-most-after", formatHours(Math.max(0, most)))} a month at most, stay under the ${figure("new-work-threshold-after", threshold)}`;
  return `its free hours, ${under} it takes to start a new model, so the room for ${figure("room-unused-after", formatNumber(room))} goes unused`;
}

function teamCard(context: ReportContext, comparison: ComparisonResult): string {
  if (!hasProjects(context, comparison)) return hoursCard(context, comparison);
  const { result } = context;
  const capacity = comparison.capacity;
  const alternative = optionName(context, comparison.alternative);
  const perPerson = keptPerPerson(capacity, alternative);
  const stopsToday = capacity.newWorkStopsMonth.baseline;
  const stopsAfter = capacity.newWorkStopsMonth.alternative;
  // Months without time for new work before it stops for good (while a change is made, say): said,
  // so that "to the end" does not read as "every month".
  const gapsToday = monthsWithoutNewWork(context, result.baseline, stopsToday);
  const gapsAfter = monthsWithoutNewWork(context, comparison.alternative, stopsAfter);
  const todays = todaysTeam(capacity.people.baseline);
  const Todays = capitalFirst(todays);
  const today =
    stopsToday === null
      ? gapsToday
        ? `${Todays} has no time for new work in ${gapsToday}, then time for it to the end of the plan.`
        : `${Todays} has time for new work in ${everyMonth(result.horizonMonths, true)}.`
      : gapsToday
        ? `${Todays} has no time for new work in ${gapsToday}, and none left from ${figure("new-work-stops", formatMonth(stopsToday))}.`
        : `From ${figure("new-work-stops", formatMonth(stopsToday))}, ${todays} has no time left to start new work.`;
  // "The same" and "not until month 7" hold only when no month before the stop lacks time (a change's
  // setup months, say): else those months are named, as for an option that has time to the end.
  const after =
    stopsAfter === null
      ? gapsAfter
        ? `With ${alternative}, it has none in ${gapsAfter}, then time for new work to the end.`
        : `With ${alternative}, it has time for new work in ${everyMonth(result.horizonMonths)}.`
      : stopsAfter === stopsToday && gapsAfter === gapsToday
        ? `It is the same with ${alternative}.`
        : gapsAfter
          ? `With ${alternative}, it has none in ${gapsAfter}, and none left from ${formatMonth(stopsAfter)}.`
          : stopsToday !== null && gapsToday
            ? // Beside today's months without time before its stop, "that happens from month 4" (or "not until")
              // leaves unsaid whether the option's team has time in those months: it has, so it is said.
              stopsAfter > 1
              ? `With ${alternative}, it has time for new work in every month before ${formatMonth(stopsAfter)}, and none from then on.`
              : `With ${alternative}, it has no time left to start new work from ${formatMonth(stopsAfter)}.`
            : stopsToday !== null && stopsAfter > stopsToday
              ? `With ${alternative}, not until ${formatMonth(stopsAfter)}.`
              : stopsToday === null
                ? // "that" would point back at today's time for new work, the opposite of what runs out.
                  `With ${alternative}, it has no time left to start new work from ${formatMonth(stopsAfter)}.`
                : `With ${alternative}, that happens from ${formatMonth(stopsAfter)}.`;
  const overloadToday = result.scenarios[result.baseline]!.summary.overloadedMonths;
  const overloadAfter = result.scenarios[comparison.alternative]!.summary.overloadedMonths;
  // A team of one is "the one-person team" with the option too, as today's is "today's one-person team".
  const theirs = capacity.people.alternative === 1 ? "the one-person team" : "the team";
  const overload = overloadSentences(overloadToday, overloadAfter, alternative, result.horizonMonths, todays, theirs);
  // The big figure: a larger team's whole projects together, one person's own (the sentence gives both).
  const counts = wholeTeam(capacity) ? capacity.maxLiveProjects : capacity.maxLiveProjectsPerPerson;
  // Room the plan leaves unused (no new model, fewer live projects at the end than the team could keep,
  // `roomLeftUnused`): "2 → 7 live projects one person can keep" promised growth the plan never shows.
  // The big figure is then the live projects the plan keeps, the room beside it, and why none starts.
  const afterSummary = result.scenarios[comparison.alternative]!.summary;
  const room = counts.alternative;
  const unused = roomLeftUnused(afterSummary) && room !== null && (counts.baseline === null || room > counts.baseline);
  const whyClause = unused ? roomUnusedWhy(context, comparison.alternative, room!) : "";
  // After "It is the same with “X”.", the reason follows it: "With “X”" twice in a row read as a stutter.
  const same = `It is the same with ${alternative}.`;
  const afterSaid = whyClause && after === same ? `It is the same with ${alternative}: ${whyClause}.` : after;
  const why = whyClause && after !== same ? `With ${alternative}, no new model starts: ${whyClause}.` : "";
  // Or the backlog caps what is built (`backlogReleased`): every model asked for is released, and the room
  // beyond them is left (examples/team.yaml: "9 → 10", room for 30, a backlog of 6), where the card said
  // "9 → 30 live projects the team can keep" beside options that each end the plan with 10.
  const backlogWhy =
    unused && !whyClause && backlogReleased(afterSummary)
      ? `${afterSummary.backlog === 1 ? "The backlog's one model is" : `All ${figure("backlog-after", formatNumber(afterSummary.backlog!))} models of the backlog are`} released, so the plan ends with ${figure("live-at-end-after-said", plural(afterSummary.liveProjectsAtEnd, "live project"))} and the room for ${figure("room-unused-after", formatNumber(room!))} goes unused.`
      : "";
  // A team over its hours at the end of the plan, today's or the option's (`overItsHoursAtEnd`): what its
  // hours keep is no count of what it has ("1 → 2 live projects the team can keep" of two teams that each
  // end with 2, today's on hours for 1). The big figure is then the live projects at the end, what the hours
  // keep beside it; the overload sentence below says when each has more work than hours.
  const overToday = overItsHoursAtEnd(result.scenarios[result.baseline]!.summary);
  const overAfter = overItsHoursAtEnd(afterSummary);
  const over = !unused && (overToday || overAfter);
  const hoursToday = figure("hours-for-today", keep(counts.baseline));
  const hoursAfter = figure("hours-for-after", keep(counts.alternative));
  // Which side is over, said in the bracket: "(today's hours keep 1)", "(more than the hours keep: 0 → 1)".
  const overWords =
    overToday && overAfter
      ? keep(counts.baseline) === keep(counts.alternative)
        ? `more than the hours keep: ${hoursToday} each`
        : `more than the hours keep: ${hoursToday} → ${hoursAfter}`
      : overToday
        ? `today's hours keep ${hoursToday}`
        : `with ${alternative}, its hours keep ${hoursAfter}`;
  const big =
    unused || over
      ? `${figure("live-at-end-today", formatNumber(capacity.liveProjectsAtEnd.baseline))} → ${figure("live-at-end-after", formatNumber(capacity.liveProjectsAtEnd.alternative))}`
      : counts.baseline === null && counts.alternative === null
        ? escapeHtml(keep(null))
        : `${escapeHtml(keep(counts.baseline))} → ${escapeHtml(keep(counts.alternative))}`;
  const unit = unused
    ? `live projects at the end of the plan (room for ${figure("room-after", formatNumber(room!))})`
    : over
      ? `live projects at the end of the plan (${overWords})`
      : wholeTeam(capacity)
        ? "live projects the team can keep"
        : "live projects one person can keep";

  return `<div class="card">
  <h3>What changes for the team</h3>
  <p class="big">${big}</p>
  <p class="unit">${unit}</p>
  ${prose(`${perPerson} ${today} ${afterSaid}${why ? ` ${why}` : ""}${backlogWhy ? ` ${backlogWhy}` : ""}${overload ? ` ${overload}` : ""}`)}
</div>`;
}

/** How many of the assumptions that move the result most page 1 lists under "How sure are we?". */
const SHOWN_RISKS = 3;

/**
 * What is left once the ranges that move the result are named (all of them, when fewer than three):
 * the file's other ranges, which do not move it (another option's, say), and the single numbers.
 */
function othersTaken(context: ReportContext, shown: number): string {
  const ranges = context.result.assumptions.filter((assumption) => assumption.range).length;
  if (ranges <= shown) return "The other inputs are single numbers, taken as certain.";
  const rest = ranges - shown;
  return `The file's ${rest === 1 ? "other range does" : `${countWord(rest)} other ranges do`} not move it, and the other inputs are single numbers, taken as certain.`;
}

/**
 * The median of the sampled net gains in words: a loss as a loss ("Half of the outcomes lose more than
 * €10,400"), never a negative gain ("gain more than -€10,400"); a gain under one unit as "less than €1"
 * ("The middle outcome gains less than €1"), never "gain more than €0", which reads as no gain.
 */
function halfOfTheOutcomes(context: ReportContext, median: number): string {
  const small = lessThanOneUnit(median, context.result.currency);
  if (small !== undefined) return `The middle outcome gains ${escapeHtml(small)}.`;
  const said = gainOrLoss(median, context.money);
  return `Half of the outcomes ${said.loss ? "lose" : "gain"} more than ${amount(said.written)}, half less.`;
}

/** Where a net gain no range moves stays: "about €5,000", or "less than €1" above zero under one unit, not "about €0". */
function stays(context: ReportContext, median: number): string {
  const small = lessThanOneUnit(median, context.result.currency);
  return small === undefined ? `about ${amount(context.money(median))}` : escapeHtml(small);
}

function riskBlock(context: ReportContext, comparison: ComparisonResult): string {
  const risks = context.risks;
  const distribution = context.uncertainty?.distribution[comparison.alternative];
  const npv = npvRange(context, comparison.alternative);
  const flat = distribution && !npv ? sampledNpv(context, comparison.alternative) : undefined;
  const intro = flat
    ? prose(
        `Some inputs are ranges, not single numbers, but none of them moves the net gain of ${optionName(context, comparison.alternative)} much: over the ${formatNumber(context.uncertainty!.samples)} outcomes of the ranges, it stays at ${stays(context, flat.p50)}. The other inputs are single numbers, taken as certain: the net gain is only as sure as they are.`,
      )
    : distribution && npv
      ? prose(
          `Some inputs are ranges, not single numbers. We worked the plan out ${formatNumber(context.uncertainty!.samples)} times, each time with new values from the ranges: ${formatNumber(context.uncertainty!.samples)} outcomes. In ${NINE_IN_TEN_OUTCOMES}, the net gain of ${optionName(context, comparison.alternative)} falls between ${gainAmount(npv.p5, context)} and ${gainAmount(npv.p95, context)}. ${halfOfTheOutcomes(context, npv.p50)} The chance of any gain at all is ${formatChance(distribution.probabilityNpvPositive)}.`,
        )
      : context.ranges === "notSampled"
        ? prose(`Some inputs are ranges, but the chances were not worked out for this report. The figures use the middle of each range.`)
        : prose(`These figures are single estimates. Each input in the file is one number, not a range. So we cannot yet say how likely they are.`);
  if (!risks || risks.risks.length === 0) {
    return `<section class="risk" aria-label="The risk"><h2>How sure are we?</h2>${intro}</section>`;
  }
  const top = risks.risks.slice(0, SHOWN_RISKS);
  const lead =
    risks.method === "range"
      ? prose(
          `${top.length === 1 ? "This assumption moves" : `These ${countWord(top.length)} assumptions move`} the result most, from the low to the high end of ${top.length === 1 ? "its" : "each"} range.${
            top.length < SHOWN_RISKS ? ` ${othersTaken(context, top.length)}` : ""
          }`,
        )
      : prose(
          // One alone is all there is (not "These one move"): every input that moves the net gain is ranked.
          `To test the case, we moved each input ${Math.round(risks.change * 100)}% down and up, one at a time. ${top.length === 1 ? "Only this one moves the net gain:" : `These ${countWord(top.length)} move the net gain most:`}`,
        );
  const rows = top
    .map(
      (risk) =>
        `<tr data-risk="${escapeHtml(risk.input)}"><td>${escapeHtml(risk.label)}</td><td class="number">${gainAmount(risk.npvLow, context)}</td><td class="number">${gainAmount(risk.npvHigh, context)}</td></tr>`,
    )
    .join("");
  return `<section class="risk" aria-label="The risk">
  <h2>How sure are we?</h2>
  ${intro}
  ${lead}
  <table class="compact" data-figure-table="top-risks">
    <thead><tr><th>Assumption</th><th class="number">Net gain if ${risks.method === "range" ? "low" : `${Math.round(risks.change * 100)}% lower`}</th><th class="number">If ${risks.method === "range" ? "high" : `${Math.round(risks.change * 100)}% higher`}</th></tr></thead>
    <tbody>${rows}</tbody>
  </table>
</section>`;
}

/** The reasons a result is extraordinary, in words, with their figures. */
function extraordinaryReasons(context: ReportContext, flag: Extraordinary, named: boolean): string {
  const reasons: string[] = [];
  if (flag.reasons.includes("yearlyGainAboveHalfPayroll")) {
    const span = context.result.comparisons[flag.alternative]!.benefitLastTwelveMonthsSpan;
    const over = span === 12 ? "the last 12 months" : theMonths(span);
    reasons.push(
      `${named ? "its" : "the"} gain over ${over}, ${figure(named ? "check-yearly-gain" : "check-other-yearly-gain", context.money(flag.yearlyGain))}, is ${aboveWholePayroll(flag, context.money) ? "more than" : "more than half of"} what today's team is paid over ${span === 1 ? "it" : "them"}, ${figure(named ? "check-payroll" : "check-other-payroll", context.money(flag.payroll))}`,
    );
  }
  if (flag.reasons.includes("roiAboveFiveHundredPercent") && flag.roi !== null)
    reasons.push(`${named ? "its" : "the"} return on cost, ${figure(named ? "check-roi" : "check-other-roi", formatPercent(flag.roi))}, is above 500%`);
  return reasons.join(", and ");
}

/**
 * A plain warning when an option page 1 recommends (or, in a close call, sets beside it) has an
 * extraordinary result — a yearly gain above half of today's payroll, or an ROI above 500% — naming the
 * assumptions that move the recommended option's result most.
 */
function reasonablenessBlock(context: ReportContext, comparison: ComparisonResult): string {
  const close = context.result.judgement?.closeCall;
  const shown = new Set([comparison.alternative, ...(close && close.best === comparison.alternative ? close.options : [])]);
  const flags = (context.result.judgement?.extraordinary ?? []).filter((flag) => shown.has(flag.alternative));
  if (flags.length === 0) return "";
  const own = flags.find((flag) => flag.alternative === comparison.alternative);
  // The one that moves it most (or those that tie for it); the next ones are listed right below, under "How sure are we?".
  const risks = context.risks?.risks ?? [];
  const top = risks[0];
  const swing = (risk: (typeof risks)[number]) => Math.abs(risk.npvHigh - risk.npvLow);
  const tied = top ? risks.filter((risk) => Math.abs(swing(risk) - swing(top)) <= 1e-9 * Math.max(1, swing(top))) : [];
  const drivers = !top
    ? " Check the inputs that produce the gain against the team's own records."
    : tied.length > 1
      ? ` Check first the assumptions that move it most, listed below (${
          tied.length > Math.min(SHOWN_RISKS, risks.length)
            ? `${countWord(tied.length)} inputs move it by the same amount; the table shows ${countWord(Math.min(SHOWN_RISKS, risks.length))} of them`
            : `the first ${countWord(tied.length)} move it by the same amount`
        }), against the team's own records.`
      : ` Check first the assumption that moves it most, “${escapeHtml(top.label)}”, and those below, against the team's own records.`;
  const sentences: string[] = [];
  if (own) sentences.push(`This is more than published studies of such investments usually find: ${extraordinaryReasons(context, own, true)}.${drivers}`);
  for (const flag of flags.filter((entry) => entry !== own))
    sentences.push(
      `The result of ${optionName(context, flag.alternative)} is more than ${own ? "such studies find too" : "published studies of such investments usually find"}: ${extraordinaryReasons(context, flag, false)}.`,
    );
  return `<section class="check" aria-label="A check on these figures">
  <p data-prose><strong>Check these figures before relying on them.</strong> ${sentences.join(" ")}</p>
</section>`;
}

function onlyToday(context: ReportContext): string {
  const today = context.result.scenarios[context.result.baseline]!.summary;
  // Months without time before it stops for good (today's own change, say) are named, as `run`'s capacity
  // table and the team card name them: "every month" read beside run's "never (no room in months 2–3)".
  const gaps = monthsWithoutNewWork(context, context.result.baseline, today.newWorkStopsMonth);
  const stops =
    today.newWorkStopsMonth === null
      ? gaps
        ? `has no time for new work in ${gaps}, then time for it to the end of the plan`
        : `has time for new work in ${everyMonth(context.result.horizonMonths)}`
      : gaps
        ? `has no time for new work in ${gaps}, and none left from ${formatMonth(today.newWorkStopsMonth)}`
        : `has no time left for new work from ${formatMonth(today.newWorkStopsMonth)}`;
  return `<section class="recommendation"><h2>Nothing to compare yet</h2>
  ${prose(`This file describes only today, with no other option. ${capitalFirst(todaysTeam(today.people))} ${stops}. Add an option to see what it would cost and return.`)}
</section>`;
}

/**
 * Whose figures the four cards give, and on what footing: of a "stay" verdict, the option's were it to go
 * ahead anyway ("If “A managed platform” went ahead anyway"), not an ask beside "Do not go ahead"; of a
 * close call, the option the cards take of those it sets side by side ("If you choose “Every tool we
 * want”"); of a "go" among several options, the one recommended ("With “A managed platform”"). A single
 * option recommended is named by the verdict just above: no heading.
 */
function cardsHeading(context: ReportContext): string {
  const recommendation = context.recommendation!;
  const name = optionName(context, recommendation.best.alternative);
  // A close call's deadline is the chosen option's: said in the same line, which names the option once for both.
  if (context.result.judgement?.closeCall)
    return `<p class="cards-heading deadline" data-cards-heading data-prose>If you choose ${name}${
      hasProjects(context, recommendation.best) ? `: ${deadlineContinuing(context)}` : ""
    }</p>`;
  // An option that changes nothing has no figures of its own to head; nor is one counted among the options
  // a "With “X”" sets apart from (the verdict of a single option already names it).
  if (recommendation.best.changesNothing) return "";
  const changing = Object.values(context.result.comparisons).filter((option) => !option.changesNothing).length;
  // "goes ahead", as the deadline line above it says "If it goes ahead anyway" (not "went ahead" one line below).
  const heading = recommendation.verdict !== "go" ? `If ${name} goes ahead anyway` : changing > 1 ? `With ${name}` : "";
  return heading ? `<p class="cards-heading" data-cards-heading>${heading}</p>` : "";
}

/** Whether page 1 advises not to go ahead: its cards then say what the option would ask for and return, not an ask. */
function notRecommended(context: ReportContext): boolean {
  return context.recommendation!.verdict !== "go";
}

/** The first page: the ask, the return, the payback, the team, the risk and the recommendation. */
export const summarySection: ReportSection = {
  id: "summary",
  part: "main",
  render(context) {
    const recommendation = context.recommendation;
    if (!recommendation) return `<section id="summary" class="summary page">${header(context)}${onlyToday(context)}</section>`;
    const best = recommendation.best;
    return `<section id="summary" class="summary page">
${header(context)}
${recommendationBlock(context)}
${cardsHeading(context)}
<div class="cards">
${askCard(context, best)}
${returnCard(context, best)}
${paybackCard(context, best)}
${teamCard(context, best)}
</div>
${reasonablenessBlock(context, best)}
${riskBlock(context, best)}
</section>`;
  },
};

import type { ReportContext } from "../context.js";
import { escapeHtml } from "../escape.js";
import { formatHoursInTable, formatPaybackWithin, formatPercent, formatSignedShare, theMonths } from "../../format/numbers.js";
import type { ComparisonResult } from "../../engine/index.js";
import { amount, closeCallFigure, gainFigure, lessThanTodaysChange, optionName, optionRecommendedToGoAhead, prose, upFrontCell, userText } from "./parts.js";
import type { ReportSection } from "./section.js";
import {
  inTodaysMoney,
  listInWords,
  NINE_IN_TEN_OUTCOMES,
  NINE_IN_TEN_SHORT,
  paybackFigure,
  paybackRangeCell,
  paybackRuleWords,
  riskAdjustmentShares,
  TABLE_AT_THE_MIDDLE,
} from "../../format/words.js";
import { closeCallNpv } from "../../format/judgement.js";
import { netGainConventionWords } from "../../format/asked-for.js";

function descriptions(context: ReportContext): string {
  const { result } = context;
  const items = [result.baseline, ...Object.keys(result.comparisons)].map((name) => {
    const scenario = result.scenarios[name]!;
    const description = scenario.description ? ` ${userText(scenario.description)}` : "";
    const today = name === result.baseline && !/\btoday\b/i.test(context.label(name)) ? " (what we do today)" : "";
    return `<li><strong>${userText(context.label(name))}</strong>${today}.${description}</li>`;
  });
  return `<ul class="options">${items.join("")}</ul>`;
}

/** The payback in months and years from the start, when within its month. */
function paybackWithin(comparison: ComparisonResult): string {
  const { paybackMonthInterpolated: months, paybackYears: years } = comparison.conventions;
  if (months === null || years === null || comparison.paybackMonth === 0) return "";
  // On a line of its own, so the table keeps to the page's width.
  const within = formatPaybackWithin(months, years);
  return `<br><span class="muted">(${escapeHtml(within.months)}, ${escapeHtml(within.years)})</span>`;
}

/**
 * Where the payback month falls in 9 outcomes out of 10, under the month of every range at its middle,
 * when the ranges were sampled: the month above is not one every outcome shares (docs/numbers.md, "Ranges").
 */
function paybackSpread(context: ReportContext, comparison: ComparisonResult): string {
  const distribution = context.uncertainty?.distribution[comparison.alternative];
  // An option that changes nothing has nothing to pay back in any outcome: no range of months.
  if (!distribution || comparison.changesNothing) return "";
  // It may wrap (the table keeps to the page), but never between "month" and its number.
  const range = paybackRangeCell(distribution.paybackMonth, context.result.horizonMonths).replace(/month (\d)/g, "month\u00a0$1");
  return `<br><span class="muted" data-payback-range>${escapeHtml(`${NINE_IN_TEN_SHORT}: ${range}`)}</span>`;
}

/** What each figure of the table means: the convention it follows, so a finance reviewer can set it beside another calculation. */
function conventionsNote(context: ReportContext): string {
  const { result } = context;
  const risk = result.riskAdjustment;
  const lines = [
    netGainConventionWords(result, "in brackets under “Up front”"),
    `Pays back: ${paybackRuleWords()}; in brackets, when within that month, in months and years from the start (not discounted)${
      context.ranges === "sampled" ? `; “${NINE_IN_TEN_SHORT}”: where the month falls in ${NINE_IN_TEN_OUTCOMES}` : ""
    }.`,
    ...(context.ranges !== "none" ? [`${TABLE_AT_THE_MIDDLE}.`] : []),
    result.discountRate === 0
      ? `Return on cost: net gain ÷ the extra costs. Forrester's Total Economic Impact ROI, (the gains − the costs) ÷ the costs, none of them discounted at a rate of 0%, is the same number.`
      : `Return on cost: net gain ÷ today's value of the extra costs. Forrester's Total Economic Impact ROI, (today's value of the gains − today's value of the costs) ÷ today's value of the costs, is the same number.`,
    `DORA's return on investment: the gain over ${theMonths(result.horizonMonths)}, not discounted, ÷ what the change costs over ${result.horizonMonths === 1 ? "it" : "them"} (cash paid for it, the extra licences, infrastructure, support staff and training, and the team's time on it), as DORA's calculator and its 2020 paper work it out.`,
  ];
  if (risk) {
    lines.push(
      `Risk-adjusted, as Forrester does it: ${result.discountRate === 0 ? "the gains" : "today's value of the gains"} ${formatSignedShare(-risk.benefits)} and ${result.discountRate === 0 ? "the costs" : "of the costs"} ${formatSignedShare(risk.costs)}, shown under each option's own figures.`,
    );
  }
  return `<ul class="muted conventions">${lines.map((line) => `<li>${escapeHtml(line)}</li>`).join("")}${paidBackAtALoss(context)}</ul>`;
}

/**
 * Under the table, where an option's payback month stands beside a net gain that is a loss in today's
 * money (examples/team.yaml over 12 months: "-€904" and "month 12"): why both hold, by name, so that
 * the two cells do not read as a contradiction (docs/numbers.md, "Two chances, two bases").
 */
function paidBackAtALoss(context: ReportContext): string {
  const { result } = context;
  if (result.discountRate === 0) return "";
  const named = Object.values(result.comparisons)
    .filter((comparison) => !comparison.changesNothing && comparison.paybackMonth !== null && context.money(comparison.npv).startsWith("-"))
    .map((comparison) => optionName(context, comparison.alternative));
  if (named.length === 0) return "";
  return `<li data-paid-back-at-a-loss>${listInWords(named)} ${named.length === 1 ? "pays back" : "pay back"} before money is valued over time, yet ${named.length === 1 ? "its net gain is a loss" : "each one's net gain is a loss"} in today's money: money that comes later is worth less.</li>`;
}

function ratio(value: number | null): string {
  return value === null ? "–" : escapeHtml(formatPercent(value));
}

/**
 * The options table's column names: its header, and, where a phone stacks the table into one block per
 * option, the name beside each figure (`data-label`), written once for both.
 */
const COLUMN = {
  npv: "Net gain",
  payback: "Pays back",
  upFront: "Up front",
  teamTime: "Team time",
  roi: "Return on cost",
  dora: "DORA's return on investment",
} as const;

/** The options side by side: what each asks for and returns. */
export const optionsSection: ReportSection = {
  id: "options",
  part: "main",
  render(context) {
    const { result } = context;
    const comparisons = Object.values(result.comparisons);
    if (comparisons.length === 0) return "";
    // A close call's options that gain the same (`sameGain`; `closeCallNpv`) have one figure, the first's, as
    // on page 1 ("bring the same, €10,000 each"), not €10,000 and €9,990 rounded apart here.
    // A gain under one unit reads "less than €1" (`gainFigure`), as page 1's card and sentence say, not "€0".
    const close = result.judgement?.closeCall;
    // The close options are written to the unit, as page 1's close call writes them (`closeCallFigure`): "€5,455"
    // there and "€5,450" here read as two figures.
    const npvShown = (comparison: ComparisonResult) =>
      close?.options.includes(comparison.alternative)
        ? closeCallFigure(closeCallNpv(result, close, comparison.alternative), context)
        : gainFigure(closeCallNpv(result, close, comparison.alternative), context);
    const rows = comparisons
      .map((comparison) => {
        // Only the option page 1 recommends is tagged: in a close call it recommends neither, and none is.
        const mark = comparison.alternative === optionRecommendedToGoAhead(context) ? ` <span class="tag">recommended</span>` : "";
        // An option that changes nothing reads "nothing to pay back", not "from the start" (`paybackFigure`).
        const payback = paybackFigure(comparison, result.horizonMonths);
        const adjusted = comparison.riskAdjusted;
        const risk = result.riskAdjustment;
        const adjustedRow =
          adjusted && risk
            ? `<tr data-option-risk-adjusted="${escapeHtml(comparison.alternative)}" class="muted">
  <td>risk-adjusted ${escapeHtml(riskAdjustmentShares(risk))}</td>
  <td class="number" data-label="${COLUMN.npv}">${amount(gainFigure(adjusted.npv, context))}</td>
  <td></td><td></td><td></td>
  <td class="number" data-label="${COLUMN.roi}">${ratio(adjusted.roi)}</td>
  <td></td>
</tr>`
            : "";
        return `<tr data-option="${escapeHtml(comparison.alternative)}">
  <td>${userText(context.label(comparison.alternative))}${mark}</td>
  <td class="number" data-label="${COLUMN.npv}">${amount(npvShown(comparison))}</td>
  <td class="nowrap" data-label="${COLUMN.payback}">${escapeHtml(payback)}${paybackWithin(comparison)}${paybackSpread(context, comparison)}</td>
  <td class="number" data-label="${COLUMN.upFront}">${upFrontCell(comparison, amount(context.money(comparison.investment.cash)))}</td>
  <td class="number" data-label="${COLUMN.teamTime}">${escapeHtml(formatHoursInTable(comparison.investment.teamHours))}</td>
  <td class="number" data-label="${COLUMN.roi}">${ratio(comparison.roi)}</td>
  <td class="number" data-label="${COLUMN.dora}">${ratio(comparison.conventions.dora.roi)}</td>
</tr>${adjustedRow}`;
      })
      .join("");
    return `<section id="options" class="block">
<h2>The options</h2>
${prose(`Each option is compared with today, ${optionName(context, result.baseline)}. The net gain counts every cost and every saving over ${theMonths(result.horizonMonths)}${inTodaysMoney(result.discountRate, ", ")}.`)}
${descriptions(context)}
<table class="wide stacks">
  <thead><tr><th>Option</th><th class="number">${COLUMN.npv}</th><th>${COLUMN.payback}</th><th class="number">${COLUMN.upFront}</th><th class="number">${COLUMN.teamTime}</th><th class="number">${COLUMN.roi}</th><th class="number">${COLUMN.dora}</th></tr></thead>
  <tbody>${rows}</tbody>
</table>${lessThanTodaysChange(context, comparisons)}
${conventionsNote(context)}
</section>`;
  },
};

import { type DecisionAnalysis, type InformationValue, nothingToChoose, optionsWeighed, recommendedOption } from "../../engine/index.js";
import type { ReportContext } from "../context.js";
import { informationWords } from "../../format/information-words.js";
import { escapeHtml } from "../escape.js";
import { formatGain, formatNumber, shareOfWords } from "../../format/numbers.js";
import { optionName, prose, userText } from "./parts.js";
import type { ReportSection } from "./section.js";
import { bestChances, bestLevelWords, nothingToChooseWords, nothingToMeasureWords, otherBestShares, worthUpTo } from "../../format/words.js";

/** How many inputs the section names as worth pinning down. */
export const WORTH_FINDING_OUT = 3;

/**
 * Which option comes out best how often, most often first. A chance strictly between 0 and 1 never
 * reads as a certainty ("over 99%", "under 1%"); best in every outcome, or in none, is said as the
 * count it is ("in every one of them", "in none of them"), as `run`, `voi` and the web app say it:
 * "under 1%" beside "knowing every figure for sure would not change the choice" read as a contradiction.
 */
function bestShares(context: ReportContext, decision: DecisionAnalysis): string {
  // Of the options weighed: one that changes nothing is today again, with no chance of its own.
  const ranked = optionsWeighed(decision.options).sort((a, b) => b.probabilityBest - a.probabilityBest);
  const [first] = ranked;
  // The samples are "outcomes", as page 1 and the web app name them.
  const runs = `Over the ${formatNumber(decision.samples)} outcomes of the ranges`;
  // Options level at the top share an outcome: said so, not "comes out best in 50% of them" each, a coin toss.
  const level = bestLevelWords(decision, first!.scenario, (scenario) => optionName(context, scenario), "outcome");
  if (level) return `${runs}, ${optionName(context, first!.scenario)} is ${level}.`;
  // The chances are of one whole: written together, they add up to 100% (docs/numbers.md).
  const chances = bestChances(decision.options);
  const counted = { samples: decision.samples, unit: "outcome" };
  // "in every one of them" when it is best in every outcome (`shareOfWords`, the rule of every view).
  const firstShare = `in ${shareOfWords(first!.probabilityBest, chances[first!.scenario]!, "them")}`;
  // Options with the same chance in words are named together, in the order of their chances, as `run` names them.
  return `${runs}, ${[
    `${optionName(context, first!.scenario)} comes out best ${firstShare}`,
    ...otherBestShares(decision.options, first!.scenario, (scenario) => optionName(context, scenario), counted),
  ].join("; ")}.`;
}

/** When the best option on average is not the one recommended from the middle of every range, say so. */
function averageBest(context: ReportContext, decision: DecisionAnalysis): string {
  // What page 1 recommends: the baseline on "stay" (the engine's rule, as `run` reads it).
  if (!context.recommendation) return "";
  if (recommendedOption(context.result, context.recommendation) === decision.best) return "";
  if (decision.best === context.result.baseline) return ` Averaged over all outcomes, no option gains money against ${optionName(context, decision.best)}.`;
  const best = decision.options.find((option) => option.scenario === decision.best)!;
  // Under one unit it gains "less than €1" (formatGain), not "€0", which reads as no gain beside "gains the most".
  const gain = formatGain(best.expectedNpv, context.result.currency, context.money);
  return ` Averaged over all outcomes, ${optionName(context, decision.best)} gains the most: ${escapeHtml(gain)} against ${optionName(context, context.result.baseline)}.`;
}

/** What an input (or a group of them) is, in the report's words, options by their labels. */
function whatToFindOut(context: ReportContext, entry: InformationValue): string {
  const words = informationWords(entry, context.result, (name) => userText(context.label(name)), escapeHtml);
  return `${words}${entry.inputs.length > 1 ? ", found out together" : ""}`;
}

function worthTable(context: ReportContext, entries: readonly InformationValue[]): string {
  const rows = entries
    .map(
      (entry) =>
        `<tr data-inputs="${escapeHtml(entry.inputs.join(" "))}"><td>${whatToFindOut(context, entry)}</td><td class="number">${escapeHtml(worthUpTo(entry.value, context.result.currency, context.money).figure)}</td></tr>`,
    )
    .join("");
  return `<table class="compact" data-figure-table="worth-finding-out">
    <thead><tr><th>What to find out first</th><th class="number">Worth up to</th></tr></thead>
    <tbody>${rows}</tbody>
  </table>`;
}

/**
 * The choice under uncertainty, for the decision-maker: how often each option comes out best, and
 * what pinning a figure down before deciding would be worth (the engine's `result.decision`).
 */
export const decisionSection: ReportSection = {
  id: "decision",
  part: "main",
  render(context) {
    const decision = context.result.decision;
    if (!decision || decision.options.length < 2) return "";
    // Every other option changes nothing: there is no choice to weigh, and so nothing to find out first.
    if (nothingToChoose(decision)) {
      const today = decision.options.find((option) => option.scenario === decision.best)!;
      const same = decision.options.filter((option) => option !== today).map((option) => optionName(context, option.scenario));
      return `<section id="decision" class="block">
<h2>Is it worth finding out more first?</h2>
${prose(nothingToChooseWords(same, optionName(context, today.scenario)))}
</section>`;
    }
    const worth = decision.evppi.filter((entry) => entry.aboveNoise).slice(0, WORTH_FINDING_OUT);
    const body =
      worth.length === 0
        ? prose(escapeHtml(nothingToMeasureWords(decision, context.result.currency, context.money)))
        : `${prose(`Some figures are worth pinning down before deciding. Knowing ${worth.length === 1 ? "this one" : "one of these"} for sure could be worth up to:`)}
${worthTable(context, worth)}
${prose(`Knowing every figure for sure would be worth ${escapeHtml(worthUpTo(decision.evpi, context.result.currency, context.money).words)} in all. No study is worth more than that, and one that only narrows a range is worth less.`)}`;
    return `<section id="decision" class="block">
<h2>Is it worth finding out more first?</h2>
${prose(`${bestShares(context, decision)}${averageBest(context, decision)}`)}
${body}
</section>`;
  },
};

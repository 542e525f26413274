import type { ReportContext } from "../context.js";
import { escapeHtml } from "../escape.js";
import { formatGain, formatMoneyExact } from "../../format/numbers.js";
import { ADOPTION_STAY_OPENING, adoptionOrderFor, figuresAtTheMiddle, hasRanges, listInWords } from "../../format/words.js";
import { countWord, optionName, prose, optionRecommendedToGoAhead, userText } from "./parts.js";
import type { ReportSection } from "./section.js";

/** A "stay" verdict's opening: page 1 advises against going ahead, so nothing is asked for (as the web app says it). */
const STAY_OPENING = ADOPTION_STAY_OPENING;

/**
 * Which steps add to the net gain (by at least half a unit, as the table writes them) and which take from it.
 * @example gainingStepsWords([{ marginalNpv: 10 }, { marginalNpv: -5 }, { marginalNpv: -1 }]) // "only step 1 adds to the net gain; steps 2 and 3 take from it"
 */
export function gainingStepsWords(steps: readonly { marginalNpv: number }[]): string {
  const adding = steps.flatMap((step, index) => (step.marginalNpv >= 0.5 ? [index + 1] : []));
  const taking = steps.flatMap((step, index) => (step.marginalNpv >= 0.5 ? [] : [index + 1]));
  const named = (numbers: number[]) => `${numbers.length === 1 ? "step" : "steps"} ${listInWords(numbers)}`;
  if (adding.length === 0) return "none of the steps adds to the net gain";
  if (taking.length === 0) return "every step adds to the net gain";
  return `${adding.length === 1 ? "only " : ""}${named(adding)} ${adding.length === 1 ? "adds" : "add"} to the net gain; ${named(taking)} ${taking.length === 1 ? "takes" : "take"} from it`;
}

/** The option the reader is asked to approve: the recommended one, else the one with the highest gain. */
function chosenOption(context: ReportContext): string | undefined {
  const withOrder = Object.values(context.result.comparisons).filter((comparison) => comparison.adoptionOrder?.length);
  if (withOrder.length === 0) return undefined;
  const recommended = context.recommendation?.best.alternative;
  if (recommended && withOrder.some((comparison) => comparison.alternative === recommended)) return recommended;
  return withOrder.reduce((best, comparison) => (comparison.npv > best.npv ? comparison : best)).alternative;
}

/**
 * For an option made of capabilities from the catalogue: what to ask for first. Each step is the
 * capability that adds the most to the gain of those before it (the engine's order of adoption).
 */
export const adoptionOrderSection: ReportSection = {
  id: "adoption-order",
  part: "main",
  render(context) {
    const name = chosenOption(context);
    if (!name) return "";
    const comparison = context.result.comparisons[name]!;
    const steps = comparison.adoptionOrder!;
    // To the unit, as tables whose sums a reader checks are: rounded to three figures, a step and the
    // running total did not add up (-€4,570 and €100,000 made €95,800).
    const exact = (value: number) => formatMoneyExact(value, context.result.currency);
    // A gain under one unit reads "less than €1", as the table of the options says the option's own, not "€0".
    const gain = (value: number) => formatGain(value, context.result.currency, exact);
    const rows = steps
      .map(
        (step, index) => `<tr data-capability="${escapeHtml(step.capability)}">
  <td class="number">${index + 1}</td>
  <td><strong>${userText(step.label)}</strong><br><span class="muted">${userText(step.description)}</span></td>
  <td class="number">${escapeHtml(gain(step.marginalNpv))}</td>
  <td class="number">${escapeHtml(gain(step.cumulativeNpv))}</td>
</tr>`,
      )
      .join("");
    const first = steps[0]!;
    // The option's own changes (training, its setup months) before any improvement is added.
    const start = first.cumulativeNpv - first.marginalNpv;
    const startRow =
      Math.abs(start) >= 0.5
        ? `<tr><td class="number"></td><td>Before ${steps.length === 1 ? "it" : "any of them"}: the option's own plan (training, timing)</td><td class="number"></td><td class="number">${escapeHtml(exact(start))}</td></tr>`
        : "";
    // The order belongs to an option built from the catalogue; when that is not the best one, say so first.
    // Where page 1 recommends none (a close call, or staying with today) the best is named by its gain.
    const best = context.recommendation?.best.alternative;
    const recommended = optionRecommendedToGoAhead(context);
    // The chosen option gains the most of those with an order when it is not the recommended one (`chosenOption`).
    const whose = best && best !== name ? adoptionOrderFor(optionName(context, name), optionName(context, best), recommended === best, true) : "";
    // Where the later steps take more than they add, stopping early gains more: said, with both totals.
    const bestStop = steps.reduce((best, step, index) => (step.cumulativeNpv > steps[best]!.cumulativeNpv ? index : best), 0);
    const last = steps[steps.length - 1]!;
    const later = steps.length - 1 - bestStop;
    const stop =
      later > 0 && last.cumulativeNpv < steps[bestStop]!.cumulativeNpv - 0.5
        ? ` The last ${later === 1 ? "step takes" : `${countWord(later)} steps take`} more from the net gain than ${later === 1 ? "it adds" : "they add"}: stopping after step ${bestStop + 1}, the net gain is ${escapeHtml(exact(steps[bestStop]!.cumulativeNpv))}, against ${escapeHtml(exact(last.cumulativeNpv))} with ${steps.length === 2 ? "both" : `all ${steps.length}`}.`
        : "";
    // The engine orders the steps by the case's own figures: in a case with ranges, those of every range at its middle.
    const convention = figuresAtTheMiddle(hasRanges(context.result));
    // To the unit, as the table beside it and the net gain after a stop are: "adds €8,100" stood beside €8,102.
    const effect = `on its own it ${first.marginalNpv >= 0 ? "adds" : "takes"} ${escapeHtml(gain(Math.abs(first.marginalNpv)))} ${first.marginalNpv >= 0 ? "to" : "from"} the net gain`;
    // Page 1 advises against going ahead (its verdict "stay"): the section asks for no approval then, but
    // says so first and what the order shows, which steps add to the net gain and which take from it.
    const stay = context.recommendation?.verdict === "stay";
    const opening =
      steps.length === 1
        ? // One improvement: nothing to ask for first, nor a next step.
          `${stay ? `${STAY_OPENING} ` : ""}${whose}${optionName(context, name)} is made of one improvement, ${userText(first.label.toLowerCase())}: ${effect}.${convention}`
        : stay
          ? `${STAY_OPENING} ${whose}${optionName(context, name)} is made of ${steps.length} improvements; the order below shows what each adds to the net gain, or takes from it, given the steps before it: ${escapeHtml(gainingStepsWords(steps))}.${stop}${convention}`
          : `${whose}${optionName(context, name)} is made of ${steps.length} improvements. If they cannot all be approved at once, ask first for ${userText(first.label.toLowerCase())}: ${effect}. Each next step is the one that adds the most, or takes the least, given the steps before it.${stop}${convention}`;
    return `<section id="adoption-order" class="block">
<h2>What to ask for first</h2>
${prose(opening)}
<table>
  <thead><tr><th class="number">Step</th><th>Improvement</th><th class="number">Adds to the net gain</th><th class="number">Net gain so far</th></tr></thead>
  <tbody>${startRow}${rows}</tbody>
</table>
</section>`;
  },
};

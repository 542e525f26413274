import { scenarioLabels } from "../charts/scenario-colours.js";
import { recommend, type CaseResult } from "../engine/index.js";
import { formatMoney, formatMoneyExact } from "../format/numbers.js";
import { hasRanges } from "../format/words.js";
import type { ReportContext } from "./context.js";
import { recommendationWords, type RecommendationWords } from "./sections/summary.js";
import type { UncertaintyView } from "./uncertainty-view.js";

const entities: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'" };

/**
 * A sentence of the report's own markup (spans round figures and the user's names, nothing else) as
 * plain text: the markup removed, no space put in its place, the entities `escapeHtml` writes decoded.
 * @example plainSentence('Go ahead with “<span data-user>A &amp; B</span>”.') // "Go ahead with “A & B”."
 */
export function plainSentence(html: string): string {
  return html.replace(/<[^>]*>/g, "").replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => entities[entity]!);
}

/**
 * Page 1's recommendation, as plain text, for a view that shows it beside the figures (the web app): the
 * verdict and the reason after it, in the report's words (`recommendationWords`), worked out from the
 * result as the report works them out. Undefined when page 1 makes none (a case without options).
 * Its amounts are page 1's, to three significant figures, unless a view beside figures to the unit asks
 * for those (`toTheUnit`: "€217,678", as the web app's cards write it, not "€218,000" above "€217,678").
 * @example recommendationText(result)?.verdict // "Go ahead with “A managed platform”."
 */
export function recommendationText(result: CaseResult, uncertainty?: UncertaintyView, toTheUnit = false): RecommendationWords | undefined {
  const recommendation = recommend(result);
  if (!recommendation) return undefined;
  const labels = scenarioLabels(result);
  const sampled = uncertainty !== undefined && Object.keys(uncertainty.distribution).length > 0;
  const context: ReportContext = {
    result,
    ...(uncertainty ? { uncertainty } : {}),
    ranges: sampled ? "sampled" : hasRanges(result) ? "notSampled" : "none",
    recommendation,
    // The words draw no chart.
    charts: { teamHours: "", liveProjects: "" },
    label: (name) => labels.get(name) ?? name,
    money: (value) => (toTheUnit ? formatMoneyExact : formatMoney)(value, result.currency),
  };
  const words = recommendationWords(context);
  return { verdict: plainSentence(words.verdict), reason: plainSentence(words.reason) };
}

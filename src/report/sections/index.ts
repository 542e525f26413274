import { adoptionOrderSection } from "./adoption-order.js";
import { assumptionsSection } from "./assumptions.js";
import { benefitSection } from "./benefit.js";
import { decisionSection } from "./decision.js";
import { liveProjectsSection } from "./live-projects.js";
import { moneyOverTimeSection } from "./money-over-time.js";
import { monthByMonthSection } from "./month-by-month.js";
import { optionsSection } from "./options.js";
import { planVersusActualSection } from "./plan-versus-actual.js";
import type { ReportSection } from "./section.js";
import { summarySection } from "./summary.js";
import { teamHoursSection } from "./team-hours.js";
import { whatMovesSection } from "./what-moves.js";

export type { ReportSection } from "./section.js";

/** The report's sections in reading order: the first page, the pictures, the tables, the appendix. */
export const reportSections: readonly ReportSection[] = [
  summarySection,
  planVersusActualSection,
  optionsSection,
  decisionSection,
  adoptionOrderSection,
  moneyOverTimeSection,
  teamHoursSection,
  liveProjectsSection,
  benefitSection,
  whatMovesSection,
  monthByMonthSection,
  assumptionsSection,
];

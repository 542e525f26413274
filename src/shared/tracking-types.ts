/**
 * The plan-versus-actual data every view shows (the report's section, its chart, the web app,
 * `track show`): types only, made by the store (src/store) with the engine's rules and read by the
 * views, which must not depend on the store itself.
 */
import type { BenefitCategory, CaseResult, LearnedForecast, MoneyRules, MonthRow, PaidBack } from "../engine/index.js";
import type { ActualField } from "./actual-fields.js";

/**
 * The approved scenario frozen as the plan: the file as it was, its fingerprint, and the engine's
 * month-by-month result at the time. Later versions of the tool compare against these numbers,
 * not against a re-run, so the plan stays what was approved.
 */
export interface FrozenPlan {
  team: string;
  /** The approved alternative. */
  scenario: string;
  baseline: string;
  fileName: string;
  scenarioText: string;
  sha256: string;
  /** When the plan was frozen (ISO 8601). */
  frozenAt: string;
  /** Calendar month ("YYYY-MM") of month 1, when known. */
  startMonth?: string;
  horizonMonths: number;
  currency: string;
  toolVersion: string;
  /** The engine's result, kept to the baseline, the approved scenario and their comparison. */
  result: CaseResult;
  rules: MoneyRules;
}

/** A frozen plan as read back from a store, with its row id. */
export interface StoredPlan extends FrozenPlan {
  id: number;
}

/** The figures shown for one month, planned or actual. */
export interface MonthFigures {
  liveProjects: number;
  releases: number;
  availableHours: number;
  manualHours: number;
  waitingHours: number;
  meetingHours: number;
  breakageFixHours: number;
  upkeepHours: number;
  buildHours: number;
  /** Setup, learning and the adoption dip. */
  changeHours: number;
  /** Hours the recorded work needed beyond the hours available. */
  shortfallHours: number;
  /** Licences, infrastructure, support staff and external spend of the approved scenario. */
  cashSpent: number;
  /** The month's net money by the engine's rules. */
  net: number;
  /** Net against the plan's baseline month: what the change is worth this month. */
  benefit: number;
  /** Benefit since the start, up-front cash included. */
  cumulativeBenefit: number;
}

/** The measures a platform team reports upward. */
export interface UpwardMeasures {
  activeUsersPerWeek?: number;
  satisfactionScore?: number;
  deployments?: number;
  incidents?: number;
  /** Hours to restore per incident. */
  meanHoursToRestore?: number;
  daysFromIdeaToLive?: number;
  peopleJoined?: number;
  peopleLeft?: number;
}

export interface ComparedMonth {
  month: number;
  calendarMonth?: string;
  /** True when actuals were recorded for the month. */
  recorded: boolean;
  recordedFields: ActualField[];
  note?: string;
  planned: MonthFigures;
  /** Up to the last recorded month; a month without a record counts as planned. */
  actual: MonthFigures | null;
  measures: { planned: UpwardMeasures; actual: UpwardMeasures };
}

export interface PlanComparison {
  team: string;
  scenario: string;
  scenarioLabel: string;
  baseline: string;
  baselineLabel: string;
  currency: string;
  horizonMonths: number;
  startMonth?: string;
  frozenAt: string;
  sha256: string;
  months: ComparedMonth[];
  lastRecordedMonth: number | null;
  recordedMonths: number;
  /** Net benefit at time 0 (up-front cash): planned, and as recorded. */
  timeZero: { planned: number; actual: number };
  /** Cash the approved scenario pays before month 1; as recorded it is 0 once month 1's external spend is recorded (it is counted there). */
  upFrontCash: { planned: number; actual: number };
  /** Figures from the start to the last recorded month. */
  soFar: {
    throughMonth: number;
    /** `recordedMonths`: the recorded months that put licences, infrastructure or external spend on record; the others' cash is worked out from the plan. */
    cashSpent: { planned: number; actual: number; recordedMonths: number };
    /** `recordedMonths`: the recorded months that put their setup hours on record; the others have the plan's. */
    changeHours: { planned: number; actual: number; recordedMonths: number };
    benefit: { planned: number; actual: number };
    benefitByCategory: { planned: Record<BenefitCategory, number>; actual: Record<BenefitCategory, number> };
  };
  /** Monthly net benefit from month 1 to the last recorded month, as recorded. */
  actualMonthlyBenefit: number[];
  /** The actual month rows (engine layout), month 1 to the last recorded month. */
  actualRows: MonthRow[];
}

export interface ForecastMonth {
  month: number;
  calendarMonth?: string;
  /** "actual" up to the last recorded month, then "forecast". */
  source: "actual" | "forecast";
  /** Whether the month has a record: an "actual" month without one counts as planned. */
  recorded: boolean;
  liveProjects: number;
  plannedLiveProjects: number;
  benefit: number;
  plannedBenefit: number;
  cumulativeBenefit: number;
  plannedCumulativeBenefit: number;
}

export interface Forecast {
  /** First forecast month; horizon + 1 when every month is recorded. */
  fromMonth: number;
  months: ForecastMonth[];
  /**
   * The gain at the start, before month 1 (minus the cash paid up front): month 1's cumulative
   * benefit is this plus month 1's benefit. Now is the actual one once a month is recorded.
   */
  timeZero: { planned: number; now: number };
  paybackMonth: { planned: number | null; now: number | null };
  /**
   * Once the payback is behind us (in a month up to the last recorded one): its month and the months
   * up to it that have no record and count as planned, which the payback rests on (docs/commands.md,
   * "track show"). Absent while the payback is a forecast.
   */
  paidBack?: PaidBack;
  npv: { planned: number; now: number };
  totalBenefit: { planned: number; now: number };
  liveProjectsAtEnd: { planned: number; now: number };
}

/** Everything a view shows about plan versus actual: the months so far and the re-forecast. */
export interface PlanVersusActual {
  comparison: PlanComparison;
  forecast: Forecast | null;
  /** Why there is no forecast, when there is none. */
  forecastProblem?: string;
  /**
   * With a plan that has ranges: the forecast that learns (the ranges updated by the recorded months,
   * the NPV range and chance of paying back then and now) and the calibration of the plan's ranges.
   */
  learning?: LearnedForecast;
  /** Why there is no forecast that learns for a plan with ranges, when there is none. */
  learningProblem?: string;
}

/** What the report and the web app show about a case's store. */
export interface CaseTracking {
  storePath: string;
  plan: StoredPlan;
  view: PlanVersusActual;
  /** True when the case file now differs from the one frozen as the plan. */
  caseChanged: boolean;
}

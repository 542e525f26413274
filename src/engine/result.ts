import type { DecisionAnalysis } from "./decision.js";
import type { ReleaseModeName } from "./model/compiled.js";
import type { BenefitCategory } from "./categories.js";
import type { AlternativeDistribution, Band } from "./monte-carlo.js";
import type { AdoptionStep } from "./optimize.js";
import type { Distribution } from "./uncertainty/index.js";
import type { Discounting } from "./finance.js";
import type { Judgement } from "./judgement.js";
import type { BuiltInPrice } from "./catalogue/built-in.js";

/** One month of one scenario. Hours are team hours in the month; money is in the case's currency. */
export interface MonthRow {
  month: number;
  liveProjects: number;
  releases: number;
  capacityHours: number;
  vacancyHours: number;
  rampUpHours: number;
  adoptionDipHours: number;
  availableHours: number;
  manualHours: number;
  waitingHours: number;
  meetingHours: number;
  breakageFixHours: number;
  knowledgeLossHours: number;
  setupHours: number;
  learningHours: number;
  /** Hours of staff working on the change alongside the new way (change.alongside). */
  alongsideHours: number;
  overheadHours: number;
  upkeepHours: number;
  /** Hours left after overheads and upkeep; negative when the month is overloaded. */
  freeHours: number;
  buildHours: number;
  idleHours: number;
  shortfallHours: number;
  scheduledBuildShortfallHours: number;
  canStartNewWork: boolean;
  overloaded: boolean;
  projectValue: number;
  recoveredCapacity: number;
  /** Value of features delivered apart from projects (delivery). */
  deliveryValue: number;
  /** Capacity mode: build hours put into projects not yet live, at the loaded rate, less those of projects going live. */
  workInProgress: number;
  overloadCost: number;
  payroll: number;
  licences: number;
  infrastructure: number;
  supportStaff: number;
  /** Recurring training (tooling.training). */
  training: number;
  outageCost: number;
  hiringCost: number;
  otherTeamsCost: number;
  externalSpend: number;
  net: number;
  /** Not part of the net: the change's hours this month at what they displace (for the investment and the ROI's costs). */
  changeHoursCost: number;
  /** Of the change's hours this month, those that had to be bought: in `overloadCost` too, so the ROI's costs count them once, in `changeHoursCost`. */
  changeHoursBought: number;
}

export interface ScenarioSummary {
  hourlyCost: number;
  /** `liveProjectsPerPerson` rounded down to a whole project; null when a live project needs no hours (docs/numbers.md, "Capacity"). */
  maxLiveProjectsPerPerson: number | null;
  /** The team's size (`team.people`), whose hours the capacity figures share. */
  people: number;
  /**
   * Live projects per person the team's hours can keep, unrounded: a person's hours net of their share
   * of the steady overheads ÷ one live project's hours (2.37 for examples/team.yaml today); null when a
   * live project needs no hours (docs/numbers.md, "Capacity").
   */
  liveProjectsPerPerson: number | null;
  /** The most live projects the whole team can keep, ⌊people × liveProjectsPerPerson⌋ (9 for examples/team.yaml's 4 people today); null as above. */
  maxLiveProjects: number | null;
  /** First month from which the team can no longer start new work, to the end; null if it always can. */
  newWorkStopsMonth: number | null;
  /**
   * The free hours a month the team needs to start a new model (`releases.newWorkThresholdHours`, the
   * scenario's own once its change is in place): below them, a month has no time for new work.
   */
  newWorkThresholdHours: number;
  firstOverloadedMonth: number | null;
  overloadedMonths: number[];
  projectsDelivered: number;
  liveProjectsAtEnd: number;
  /**
   * The models the business has asked for over the plan (`releases.backlog`, the scenario's own), the most
   * the plan releases; null when the file sets none (no limit). 6 for examples/team.yaml.
   */
  backlog: number | null;
  firstReleaseMonth: number | null;
  /** Month the option's change starts (`change.startMonth`; 1 when the file does not say). */
  changeStartMonth: number;
  /**
   * The last month of the scenario's change: for an alternative, before it starts (worked as today);
   * its setup and learning (with setup or learning hours), its adoption dip (with a share of the hours
   * lost) and its staff alongside (with staff); from the month after, it works its own way for good.
   * The baseline's is the last month of a change it makes itself (one given in `defaults`), 0 when it
   * makes none; 0 too for a change with none of these, in place from month 1. A comparison's change is
   * over after the later of the two (`comparisonChangeEnd`).
   */
  changeEndMonth: number;
  initialInvestment: number;
  totalHours: Record<string, number>;
  totalMoney: Record<string, number>;
}

export interface ScenarioResult {
  name: string;
  label: string;
  description?: string;
  releaseMode: ReleaseModeName;
  isBaseline: boolean;
  months: MonthRow[];
  summary: ScenarioSummary;
  /** With ranges: P5/P50/P95 of live projects each month. */
  liveProjectsBand?: Band;
}

export interface Investment {
  /** Extra cash paid up front (time 0 and before the change starts). */
  cash: number;
  /**
   * When `cash` is paid: 0 at the start (time 0, undiscounted; also when none is paid); m when it is
   * all paid at the end of month m, as a change that starts in month m + 1 pays its external spend
   * (discounted with that month); null when it is paid in more than one month (today's own change
   * and the option's start apart). docs/numbers.md, "Comparison".
   */
  cashMonth: number | null;
  /**
   * Only when `cashMonth` is null: the cash of each month it falls in, the option's less today's, in
   * month order (month 0 is the start): `[{ month: 0, cash: -300 }, { month: 5, cash: 1000 }]` for an
   * option whose change starts in month 6 with 1,000 of consultants, against today's own 300 at the start.
   */
  cashByMonth?: { month: number; cash: number }[];
  /** Team hours diverted into the change: setup, learning, the adoption dip and effort alongside. */
  teamHours: number;
  /** Those hours at what they displace: bought or building hours at the loaded rate, idle ones at the capture share (docs/numbers.md). */
  teamHoursCost: number;
  total: number;
}

/**
 * The comparison's figures in the conventions of published peer calculations (DORA's ROI calculator
 * and 2020 paper, Forrester TEI studies), so a reviewer can set ours beside theirs.
 * docs/numbers.md defines each with a worked example.
 */
export interface ComparisonConventions {
  /** DORA's ROI, (return − investment) ÷ investment: `totalNetBenefit` ÷ `investment.total`, undiscounted; null when nothing is invested. */
  roiOnInvestment: number | null;
  /** When the cumulative net crosses zero for good, in months from time 0, interpolated linearly within `paybackMonth`, to one decimal (at least 0.1 when something is paid back); 0 when nothing is paid back, null when it does not pay back. */
  paybackMonthInterpolated: number | null;
  /** The same crossing in years (unrounded months ÷ 12), as DORA states payback; null when it does not pay back. */
  paybackYears: number | null;
  /** DORA's calculator and 2020 paper: what the change costs over the horizon, what it returns, and their ratios. */
  dora: DoraFigures;
}

/** The comparison in DORA's terms, undiscounted over the whole horizon (docs/numbers.md, "Conventions of peer calculations"). */
export interface DoraFigures {
  /** What the change costs: up-front cash, every rise in licences, infrastructure, support staff, training and external spend, and the change's team hours (`investment.teamHoursCost`). */
  investment: number;
  /** What it returns before those costs: `netBenefit` + `investment`. */
  value: number;
  /** `totalNetBenefit`: value − investment. */
  netBenefit: number;
  /** netBenefit ÷ investment; null when the change costs nothing. */
  roi: number | null;
  /** investment ÷ (value a year = value ÷ (horizonMonths ÷ 12)), in years; null when the value is not positive. */
  paybackYears: number | null;
}

/** Forrester TEI's risk-adjusted figures: present values of benefits cut, of costs raised, by the case's `riskAdjustment`. */
export interface RiskAdjustedFigures {
  /** `presentValueOfBenefits` × (1 − riskAdjustment.benefits). */
  presentValueOfBenefits: number;
  /** `presentValueOfCosts` × (1 + riskAdjustment.costs). */
  presentValueOfCosts: number;
  /** The two above: benefits − costs. */
  npv: number;
  /** TEI's ROI on the adjusted figures: npv ÷ presentValueOfCosts; null when nothing costs more. */
  roi: number | null;
}

export interface ComparisonResult {
  alternative: string;
  label: string;
  baseline: string;
  npv: number;
  roi: number | null;
  paybackMonth: number | null;
  /**
   * True when the option changes nothing against the baseline: its up-front net and its net in every
   * month are zero, and, with ranges sampled, in every sample too (`distribution.probabilityChangesNothing`
   * is 1). It then has no cost and no gain, and nothing to pay back: `paybackMonth` is 0 by the rule, which
   * no view words as paying back (docs/numbers.md, "An option that changes nothing").
   */
  changesNothing: boolean;
  investment: Investment;
  presentValueOfCosts: number;
  /** Present value of the benefits: npv + presentValueOfCosts (what TEI calls PV of benefits; with it TEI's ROI is `roi`). */
  presentValueOfBenefits: number;
  /** The same result in peer calculations' conventions (DORA, Forrester TEI). */
  conventions: ComparisonConventions;
  /** With `riskAdjustment` in the file: Forrester TEI's risk-adjusted figures, beside the unadjusted ones. */
  riskAdjusted?: RiskAdjustedFigures;
  timeZeroNet: number;
  monthlyNetBenefit: number[];
  cumulativeNet: number[];
  totalNetBenefit: number;
  /** Net benefit over the last twelve months of the horizon (over the whole horizon when it is shorter). */
  benefitLastTwelveMonths: number;
  /** The months `benefitLastTwelveMonths` adds up: 12, or the whole horizon when it is shorter. */
  benefitLastTwelveMonthsSpan: number;
  benefitByCategory: Record<BenefitCategory, number>;
  presentValueByCategory: Record<BenefitCategory, number>;
  capacity: {
    maxLiveProjectsPerPerson: { baseline: number | null; alternative: number | null };
    /** The team's size, today and with the option (the summaries' `people`). */
    people: { baseline: number; alternative: number };
    /** The summaries' `liveProjectsPerPerson`, unrounded. */
    liveProjectsPerPerson: { baseline: number | null; alternative: number | null };
    /** The summaries' `maxLiveProjects`: whole projects the team keeps. */
    maxLiveProjects: { baseline: number | null; alternative: number | null };
    newWorkStopsMonth: { baseline: number | null; alternative: number | null };
    projectsDelivered: { baseline: number; alternative: number };
    liveProjectsAtEnd: { baseline: number; alternative: number };
    overloadedMonths: { baseline: number; alternative: number };
  };
  /** With ranges: percentiles of NPV, ROI and payback month, and the chances of paying back and of NPV > 0. */
  distribution?: AlternativeDistribution;
  /** With ranges: P5/P50/P95 of the cumulative net at the end of each month. */
  cumulativeNetBand?: Band;
  /** For a scenario written as the baseline plus capabilities: what to adopt first, and what each adds. */
  adoptionOrder?: AdoptionStep[];
}

export interface Assumption {
  /** Path of the field in the scenario file. */
  input: string;
  /** The point value; for a range, its median. */
  value: number;
  /** For a range: the distribution and its 5th and 95th percentiles. */
  range?: { distribution: Distribution; p5: number; p95: number };
  note?: string;
  /** The scenarios that use the input, an alternative that reads today's input before its change is in place included. */
  usedBy: string[];
  /**
   * Those of `usedBy` that read it only in their months before their change is in place (today's way,
   * docs/numbers.md); absent when none does.
   */
  usedOnlyBeforeChangeBy?: string[];
}

/** The one result model: the terminal table, JSON, report, workbook and web app are views of it. */
export interface CaseResult {
  title: string;
  description?: string;
  currency: string;
  horizonMonths: number;
  baseline: string;
  discountRate: number;
  /** How months are discounted for every present value: monthly, yearEnd or midYear. */
  discounting: Discounting;
  /** With `riskAdjustment` in the file: the shares by which benefits are cut and costs raised. */
  riskAdjustment?: { benefits: number; costs: number };
  freedHoursCaptureShare: number;
  scenarios: Record<string, ScenarioResult>;
  comparisons: Record<string, ComparisonResult>;
  assumptions: Assumption[];
  notes: { input: string; note: string }[];
  /**
   * With a currency other than the built-in catalogue's (EUR): the built-in prices the options take
   * as written, unconverted (engine's unconvertedBuiltInPrices); absent when there are none.
   */
  unconvertedBuiltInPrices?: BuiltInPrice[];
  /** The rank correlations the file declares between inputs given as ranges (drawn together in the Monte Carlo). */
  correlations?: { between: [string, string]; rank: number; note?: string }[];
  /** With ranges and at least one alternative: the chance each option is best and what finding out more is worth. */
  decision?: DecisionAnalysis;
  /** Present when the case has ranges and a Monte Carlo was run. */
  uncertainty?: { samples: number; seed: number; sampling: "random" | "latin-hypercube"; inputs: string[] };
  /** Whether the best option is only just ahead, and which results are extraordinary (docs/numbers.md, "Close calls and extraordinary results"). */
  judgement: Judgement;
}

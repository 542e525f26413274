/**
 * The mlops-roi engine: pure TypeScript with no I/O, shared by the command line, the report and the
 * browser. Text in, one result model out.
 */
export { validateScenarioText, type Validation } from "./scenario/validate.js";
export { formatPath, hasErrors, type Issue, type FieldPath } from "./scenario/issues.js";
export { caseSchema, type CaseFile, type ScenarioInputs } from "./scenario/schema.js";
export { compileCase, fillParameters } from "./model/compile.js";
export type { CompiledCase, CompiledScenario, Leaf } from "./model/compiled.js";
export { buildResult, doraPaybackMissing, finiteOrNull, inputReaders, riskAdjusted, scenariosUsing } from "./build-result.js";
export { CaseRunner, type ComparisonFigures } from "./runner.js";
export { benefitCategories, type BenefitCategory } from "./categories.js";
export { backlogReleased, monthsWithoutNewWork, overItsHoursAtEnd, roomLeftUnused } from "./capacity.js";
export { benefitCategoryLabels } from "./labels.js";
export type * from "./result.js";
export {
  changesNothing,
  NOTHING_CHANGES,
  netPresentValue,
  paybackMonth,
  paybackCrossing,
  paybackTolerance,
  monthlyDiscountFactor,
  discountFactors,
  discountingConventions,
  type Discounting,
} from "./finance.js";
export { optionChangesNothing, withUncertainty } from "./build-result.js";
export {
  CLOSE_CHANCE,
  CLOSE_GAP_SHARE,
  closeByGap,
  closeCallOf,
  gapShareOf,
  EXTRAORDINARY_PAYROLL_SHARE,
  EXTRAORDINARY_ROI,
  extraordinaryOf,
  judge,
  optionsGainingTheSame,
  sameGain,
  sameAsBest,
  sameGainGroups,
  type CloseCall,
  type Extraordinary,
  type Judgement,
} from "./judgement.js";
export {
  dropSpareColumns,
  MonteCarlo,
  STANDARD_SAMPLES,
  STANDARD_SEED,
  type MonteCarloOptions,
  type MonteCarloSummary,
  type MonthlyBands,
  type AlternativeDistribution,
  type Band,
  type PercentileSummary,
} from "./monte-carlo.js";
export {
  tornado,
  sobol,
  chooseAlternative,
  correlatedGroups,
  oneAtATimeSensitivity,
  movesNpv,
  type TornadoBar,
  type SobolResult,
  type CorrelatedGroup,
  type InputSwing,
  type OneAtATimeSensitivity,
} from "./sensitivity.js";
export { deadlineOf, DOUBTFUL_GAIN_CHANCE, optionRecommendedToGoAhead, recommend, recommendedOption, type Recommendation } from "./recommendation.js";
export { runningCostChanges, type RunningCostChanges } from "./running-costs.js";
export { comparisonChangeEnd, type ComparisonChangeEnd } from "./change-end.js";
export type { Distribution, IntervalShape } from "./uncertainty/index.js";
// The distribution a 90% range { low, high } stands for, and its median (the value the point figures use).
export { fromInterval90, median, validateInterval90 } from "./uncertainty/index.js";
export { optimize, compareSets, type Objective, type OptimizeOptions, type OptimizeResult, type EvaluatedSet, type AdoptionStep } from "./optimize.js";
export {
  BUILT_IN_CURRENCY,
  builtInCatalogue,
  BUILT_IN_NOTE,
  builtInPricesSentence,
  catalogueCurrencyWarning,
  PRICE_COSTS,
  priceWords,
  takesCataloguePricesUnconverted,
  type BuiltInPrice,
} from "./catalogue/built-in.js";
export { builtInPricesOf, unconvertedBuiltInPrices } from "./model/compile.js";
export { effectTargets, effectTargetNames } from "./catalogue/targets.js";
export type { CompiledCapability } from "./model/compiled.js";
export {
  analyseDecision,
  EVPPI_METHOD,
  nothingToChoose,
  optionsWeighed,
  type DecisionAnalysis,
  type DecisionOption,
  type InformationValue,
} from "./decision.js";
export {
  agreeingRecord,
  cashSpent,
  choresOfPlan,
  changeHours,
  moneyByCategory,
  moneyRulesOf,
  monthlyBenefit,
  plannedMeasures,
  recordedTimeZero,
  recordsCash,
  recordsChangeHours,
  resumedCase,
  resumeFrom,
  resimulateFrom,
  resumesAsPlanned,
  plannedState,
  plannedCarriedBuild,
  carriedBuild,
  carriedBuilds,
  paidBackOn,
  restoreHoursOutageCost,
  restoreHoursWithoutIncident,
  resumeMethod,
  rulesInForce,
  rulesOfStoredPlan,
  upFrontAdjustedNpv,
  upFrontPaidInMonth1,
  valueRecordedMonth,
  type MoneyRules,
  type PaidBack,
  type PlannedMeasures,
  type RecordedMonth,
  type ResumePoint,
  type PlanState,
  type BuildMonth,
  type BuildMoved,
  type CarriedBuild,
  type TodaysFeeRules,
  type TodaysWayRules,
} from "./tracking.js";
export {
  approvedDistribution,
  approvedMoney,
  calibrate,
  calibrationMethod,
  learnFromMonths,
  learningMethod,
  LEARNING_SAMPLES,
  type ApprovedMoney,
  type Calibration,
  type HeldDistribution,
  type LearnedForecast,
  type LearnedInput,
  type LearningMonth,
  type MoneyContext,
  type MoneyRange,
  type ObservedFigure,
  type ObservedFigureCheck,
  type Range90,
} from "./learning.js";
export { MAX_SOURCE_BYTES, parseScenarioSource } from "./scenario/source.js";
export { commandOutputOf, notACaseWords } from "./scenario/command-output.js";
export { scenarioYamlTags } from "./scenario/yaml-tags.js";
export { suggest } from "./scenario/suggest.js";
export { scenarioJsonSchema } from "./scenario/json-schema.js";
export { MAX_SCENARIOS, inputsShape, scenarioSchema, type ScenarioEntry } from "./scenario/schema.js";
export { allowedUpTo, MAX_MONEY, MAX_NOTE_CHARACTERS, quantityKind, type QuantityKindName } from "./scenario/quantity.js";
export { groupDigitString, quotedCut } from "./scenario/text.js";
export { createRandom, type RandomSource } from "./uncertainty/random.js";
export { fieldMeta, fieldPattern, innerFieldPath, scenarioFields, type FieldInfo, type FieldPattern } from "./scenario/fields.js";
export { parseUnit, unitWordsText, type FieldUnit, type UnitPeriod, type UnitWord, type ValueKind } from "./scenario/units.js";
export { parameterNames, parameterSpecs, P, PARAMETER_COUNT, type ParameterName } from "./model/parameters.js";
export { cashCostFields, monthlyFieldNames, type MonthlyField } from "./model/columns.js";
export { leafQuantile } from "./draws.js";
export { schedulePlan } from "./simulate.js";
export { MAX_CANDIDATES, baselineCapabilitiesIssue, capabilitiesInRanked, cashMonthsOf, feeMonthsOf, rangesTheSetsRead } from "./optimize.js";
export { EXACT_SET_SAMPLES, HALVING_SETS, MAX_OPTIMIZE_SAMPLES } from "./optimize.js";

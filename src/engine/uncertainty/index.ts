/**
 * Pure numerical core for Monte Carlo and sensitivity analysis: seeded
 * random numbers, input distributions, Latin hypercube sampling, order
 * statistics and Sobol indices. No I/O and no platform APIs, so it runs in
 * Node and in the browser alike.
 */
export { createRandom, deriveSeed, fillUniform, type RandomSource } from "./random.js";
export { inverseNormalCdf, normalCdf } from "./normal.js";
export { complementaryErrorFunction, errorFunction, scaledComplementaryErrorFunction } from "./error-function.js";
export { logBeta, logGamma } from "./log-gamma.js";
export { inverseRegularizedIncompleteBeta, regularizedIncompleteBeta } from "./incomplete-beta.js";
export { DEFAULT_PERT_LAMBDA, pertShape, type BetaShape } from "./pert.js";
export {
  Z_90,
  fromInterval90,
  mean,
  median,
  quantile,
  sampleInto,
  validateDistribution,
  validateInterval90,
  type Distribution,
  type IntervalShape,
} from "./distributions.js";
export { latinHypercubeColumn } from "./latin-hypercube.js";
export { percentiles, percentilesOfColumn, quickselect, shareAbove, shareAtMost } from "./quantiles.js";
export { CollapsingHistogram, HISTOGRAM_BINS } from "./collapsing-histogram.js";
export { sobolIndices, type BatchModel, type SobolIndex, type SobolOptions } from "./sobol.js";
export {
  decisionOutcome,
  levelTolerance,
  noiseLevel,
  partialValue,
  partialValues,
  quantileBins,
  type DecisionOutcome,
  type OptionOutcome,
  type PartialValue,
} from "./value-of-information.js";

import { readFileSync } from "node:fs";

/** examples/seed-uncertain.yaml as it is. */
export const SEED_UNCERTAIN = readFileSync(new URL("../../examples/seed-uncertain.yaml", import.meta.url), "utf8");

/**
 * The seed with ranges, every amount of money 100,000 times smaller (the hourly cost, what a live
 * model is worth, the licences, the consultants): each option gains a few cents, every figure of
 * money above zero under one unit of the currency.
 */
export const TINY_SEED_UNCERTAIN = SEED_UNCERTAIN.replace("value: 60\n", "value: 0.0006\n")
  .replace("low: 1500", "low: 0.015")
  .replace("high: 4000", "high: 0.04")
  .replace("value: 3600", "value: 0.036")
  .replace("value: 2000", "value: 0.02")
  .replace("value: 150\n", "value: 0.0015\n");

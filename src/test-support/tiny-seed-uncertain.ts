import { readFileSync } from "node:fs";
import { tinyMoney } from "./tiny-money.js";

/** examples/seed-uncertain.yaml as it is. */
export const SEED_UNCERTAIN = readFileSync(new URL("../../examples/seed-uncertain.yaml", import.meta.url), "utf8");

/**
 * The seed with ranges, every amount of money 100,000 times smaller (the hourly cost, what a live
 * model is worth, the licences, the consultants): each option gains a few cents, every figure of
 * money above zero under one unit of the currency.
 */
export const TINY_SEED_UNCERTAIN = tinyMoney(SEED_UNCERTAIN);

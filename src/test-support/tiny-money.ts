/**
 * examples/seed-uncertain.yaml's text with every amount of money 100,000 times smaller (the hourly
 * cost, what a live model is worth, the licences, the consultants): each option gains a few cents,
 * every figure of money above zero under one unit of the currency. No node:* import, so the web
 * app's tests (which read the example with `?raw`) use it too.
 * @example tinyMoney(seedUncertainText)
 */
export function tinyMoney(seedUncertain: string): string {
  return seedUncertain
    .replace("value: 60\n", "value: 0.0006\n")
    .replace("low: 1500", "low: 0.015")
    .replace("high: 4000", "high: 0.04")
    .replace("value: 3600", "value: 0.036")
    .replace("value: 2000", "value: 0.02")
    .replace("value: 150\n", "value: 0.0015\n");
}

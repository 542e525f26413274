import { builtInCatalogue, PRICE_COSTS } from "../engine/index.js";

/**
 * The seed (the text of examples/seed.yaml) in US dollars, its "optimal" option taking scheduling and
 * monitoring from the built-in catalogue, and every built-in price given under `catalogue:` but
 * those named in `keep` ("scheduling.monthlyCost"), which the case then takes from the catalogue,
 * stated in euros, unconverted.
 */
export function dollarCase(seedText: string, keep: readonly string[]): string {
  const seed = seedText
    .replace("currency: EUR", "currency: USD")
    .replace("  optimal:\n    label: Every tool we want\n", "  optimal:\n    label: Every tool we want\n    capabilities: [scheduling, monitoring]\n");
  const entries = Object.entries(builtInCatalogue).flatMap(([name, capability]) => {
    const prices = PRICE_COSTS.filter((cost) => capability[cost] > 0 && !keep.includes(`${name}.${cost}`)).map((cost) => `    ${cost}: ${capability[cost]}`);
    return prices.length === 0 ? [] : [`  ${name}:`, ...prices];
  });
  return `${seed}\ncatalogue:\n${entries.join("\n")}\n`;
}

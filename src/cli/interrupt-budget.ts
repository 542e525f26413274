import { setFlagsFromString } from "node:v8";

/**
 * V8's interrupt budget for the part of `report` and `export` that runs once their Monte Carlo is
 * done: drawing the charts (Vega's and Vega-Lite's code) and building the workbook (the sheets'
 * writers, the formula language). Most of that code runs for a moment each, and under the command
 * line's budget (150,000, bin/v8-flags.js) a hundred or more of its functions went to V8's
 * optimising compiler, whose threads took 0.2–0.3 s of the large case's CPU for code that had
 * mostly done its work by then. At 1,000,000 only what runs long is compiled: the large case's
 * `report` 0.88–0.92× of the CPU and its `export` 0.89× (docs/development.md, "Whole commands").
 * Raised after the Monte Carlo, whose simulation must be compiled early, and only where the command
 * line set 150,000 itself (Node 20, no budget given to node: the test bin/v8-flags.js makes).
 */
export const DOCUMENT_INTERRUPT_BUDGET = 1_000_000;

/** The command line's own budget on Node 20, which bin/v8-flags.js sets before the bundle loads. */
export const COMMAND_INTERRUPT_BUDGET = 150_000;

/**
 * Runs `work` under the raised budget and sets the command line's back after it, so that a later
 * command in the same process (the code caches' writer, a test running several) loads its scripts
 * under the flags their caches were written with. Call it only once the command's scripts are
 * loaded, for the same reason.
 * @example const html = await underDocumentBudget(() => createReport(compiled, { result }))
 */
export async function underDocumentBudget<T>(work: () => Promise<T>): Promise<T> {
  const measured = process.versions.node.split(".")[0] === "20";
  const ours = measured && !process.execArgv.some((flag) => flag.startsWith("--interrupt-budget"));
  if (ours) setFlagsFromString(`--interrupt-budget=${DOCUMENT_INTERRUPT_BUDGET}`);
  try {
    return await work();
  } finally {
    if (ours) setFlagsFromString(`--interrupt-budget=${COMMAND_INTERRUPT_BUDGET}`);
  }
}

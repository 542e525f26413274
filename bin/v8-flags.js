// V8 flags of the command line, set before the bundle loads (bin/mlops-roi.js), and by the build
// when it writes the bundle's code cache (scripts/write-code-cache.mjs): V8 uses a code cache only
// under the flags it was written with.
import { setFlagsFromString } from "node:v8";

/**
 * A command lives a second or a few. With Node 20's V8 budget (67,584) a hundred or more lukewarm
 * functions (the workbook's, the charts', the summaries') reach its optimising compiler, whose work
 * on other threads took up to a third of a command's CPU; about twice the budget keeps that work
 * for the hot loops: 5-15% less CPU on `export` and `report`, the same on `run`
 * (docs/development.md, "Whole commands"). A budget given to node stays.
 * Only on Node 20, where it was measured: later V8s start from about twice the budget already, and a
 * flag V8 did not know would be reported on standard output, in front of a command's JSON.
 */
export function setCommandFlags() {
  const measured = process.versions.node.split(".")[0] === "20";
  if (measured && !process.execArgv.some((flag) => flag.startsWith("--interrupt-budget"))) setFlagsFromString("--interrupt-budget=150000");
}

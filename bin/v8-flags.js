// V8 flags of the command line, set before the bundle loads (bin/mlops-roi.js), and by the build
// when it writes the code caches of the bundle's scripts (scripts/write-code-cache.mjs): V8 uses a
// code cache only under the flags it was written with.
const { setFlagsFromString } = require("node:v8");

/**
 * - `--expose-gc`: the end of a Monte Carlo sets it to collect its month columns at once
 *   (src/cli/uncertainty.ts); set from the start, the flags do not change midway, so a script loaded
 *   after a Monte Carlo (the workbook's, in `export`) can use its code cache too.
 * - The interrupt budget: a command lives a second or a few. With Node 20's V8 budget (67,584) a
 *   hundred or more lukewarm functions (the workbook's, the charts', the summaries') reach its
 *   optimising compiler, whose work on other threads took up to a third of a command's CPU; about
 *   twice the budget keeps that work for the hot loops: 5-15% less CPU on `export` and `report`, the
 *   same on `run` (docs/development.md, "Whole commands"). A budget given to node stays. Only on
 *   Node 20, where it was measured: later V8s start from about twice the budget already, and a flag
 *   V8 did not know would be reported on standard output, in front of a command's JSON.
 */
function setCommandFlags() {
  setFlagsFromString("--expose-gc");
  const measured = process.versions.node.split(".")[0] === "20";
  if (measured && !process.execArgv.some((flag) => flag.startsWith("--interrupt-budget"))) setFlagsFromString("--interrupt-budget=150000");
}

module.exports = { setCommandFlags };

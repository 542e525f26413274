// `npm run bench`: speed and memory figures as medians, next to the bare-loop anchor measured in the same run.
import { loadAnchorEndToEnd, runAnchor } from "./anchor.js";
import { benchCommands } from "./commands.bench.js";
import { benchDecision } from "./decision.bench.js";
import { benchEngine } from "./engine.bench.js";
import { benchMonteCarlo } from "./monte-carlo.bench.js";
import { benchOptimize } from "./optimize.bench.js";
import { benchSobol } from "./sobol.bench.js";
import { benchStore } from "./store.bench.js";
import { benchWeb } from "./web.bench.js";

console.log(`node ${process.version}, ${new Date().toISOString()}`);
const anchor = runAnchor();
if (anchor)
  console.log(`anchor: bare-loop Monte Carlo, ${anchor.samples.toLocaleString("en-US")} samples, end to end median ${anchor.steps.get("6")?.toFixed(0)} ms`);
console.log("");
benchEngine(anchor);
console.log("");
benchMonteCarlo(anchor, await loadAnchorEndToEnd());
console.log("");
benchSobol();
console.log("");
benchDecision();
console.log("");
benchOptimize(anchor);
console.log("");
benchStore();
console.log("");
await benchCommands();
console.log("");
await benchWeb();

// Writes the code cache of the bundled command line's core (chunks/core.cache, see
// src/cli/core-script.ts): runs a few commands on the examples in this process, under the command
// line's own V8 flags, then saves what V8 compiled of the core. scripts/bundle-cli.mjs runs it last.
import { renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { setCommandFlags } from "../bin/v8-flags.js";

setCommandFlags();
const outdir = process.argv[2];
if (!outdir) throw new Error("usage: node scripts/write-code-cache.mjs <bundle folder>");
const { main, coreCodeCache } = await import(pathToFileURL(join(outdir, "main.js")).href);

// What every command that reads a case runs: reading, checking and working it out. No Monte Carlo:
// its end sets a V8 flag (src/cli/uncertainty.ts, --expose-gc), and V8 takes a code cache only under
// the flags it was written with; and a cache written after one did not start commands sooner.
const commands = [
  ["validate", "examples/team.yaml"],
  ["run", "examples/team.yaml", "--samples", "0"],
];
const write = { out: process.stdout.write, err: process.stderr.write };
const said = [];
for (const argv of commands) {
  process.stdout.write = process.stderr.write = (chunk) => {
    said.push(String(chunk));
    return true;
  };
  let code;
  try {
    code = await main(argv);
  } finally {
    process.stdout.write = write.out;
    process.stderr.write = write.err;
  }
  if (code !== 0) throw new Error(`mlops-roi ${argv.join(" ")} exited with ${code}:\n${said.join("")}`);
}
const cache = coreCodeCache();
if (!cache) throw new Error("the commands did not load the core");
const file = join(outdir, "chunks", "core.cache");
writeFileSync(`${file}.tmp`, cache);
renameSync(`${file}.tmp`, file);

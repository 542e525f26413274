// Writes the code caches of the bundled command line's scripts (chunks/*.cache, see
// src/cli/bundled-scripts.ts): runs a few commands on an example in this process, under the command
// line's own V8 flags, and saves what V8 compiled of each script. scripts/bundle-cli.mjs runs it last.
import { mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { createRequire } from "node:module";
import { join } from "node:path";
import { setCommandFlags } from "../bin/v8-flags.js";

setCommandFlags();
const outdir = process.argv[2];
if (!outdir) throw new Error("usage: node scripts/write-code-cache.mjs <bundle folder>");
const { main, codeCacheOf, BUNDLED_SCRIPTS } = createRequire(import.meta.url)(join(outdir, "main.cjs"));
const work = mkdtempSync(join(tmpdir(), "mlops-roi-code-cache-"));

/** Runs a command of the bundle here, what it prints kept for an error. */
async function run(argv) {
  const write = { out: process.stdout.write, err: process.stderr.write };
  const said = [];
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

/**
 * Saves a script's cache, right after the commands it is for: V8 lets go of the compiled code of
 * functions that have not run for a while.
 */
const saved = new Set();
function save(name) {
  saved.add(name);
  const cache = codeCacheOf(name);
  if (!cache) throw new Error(`the commands did not load the ${name} script`);
  const file = join(outdir, "chunks", `${name}.cache`);
  writeFileSync(`${file}.tmp`, cache);
  renameSync(`${file}.tmp`, file);
}

try {
  // `report` and `export` raise V8's interrupt budget while they draw and build, and set the command
  // line's back when done (src/cli/interrupt-budget.ts): a cache holds the flags it is written under,
  // and every script is loaded under the command line's own.
  await run(["report", "examples/team.yaml", "-o", join(work, "team.html")]);
  save("charts");
  await run(["export", "examples/team.yaml", "-o", join(work, "team.xlsx")]);
  save("excel");
  // What every command that reads a case runs: reading, checking and working it out.
  await run(["validate", "examples/team.yaml"]);
  await run(["run", "examples/team.yaml", "--samples", "0"]);
  save("core");
  save("cli");
  const unsaved = BUNDLED_SCRIPTS.filter((name) => !saved.has(name));
  if (unsaved.length > 0) throw new Error(`no code cache is written for ${unsaved.join(", ")}: run a command that loads it above`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

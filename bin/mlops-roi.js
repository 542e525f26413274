#!/usr/bin/env node
// The bundled command line (npm run build writes it: scripts/bundle-cli.mjs). CommonJS (bin/package.json):
// Node starts a CommonJS file without its ES module loader, about 5 ms sooner.
const { setCommandFlags } = require("./v8-flags.js");

setCommandFlags();
const { main } = require("../dist/bundle/main.cjs");
main(process.argv.slice(2)).then(async (code) => {
  // Once a command has finished and what it printed is written out, nothing is left to do: ending
  // here skips the garbage collection V8 would otherwise finish first (up to 20 ms of CPU after `validate`).
  const written = (stream) => new Promise((resolve) => stream.write("", () => resolve()));
  await Promise.all([written(process.stdout), written(process.stderr)]);
  process.exit(code);
});

#!/usr/bin/env node
// The bundled command line (npm run build writes it: scripts/bundle-cli.mjs).
import { setCommandFlags } from "./v8-flags.js";

setCommandFlags();
const { main } = await import("../dist/bundle/main.js");
process.exitCode = await main(process.argv.slice(2));

#!/usr/bin/env node
// The bundled command line (npm run build writes it: scripts/bundle-cli.mjs).
import { main } from "../dist/bundle/main.js";

process.exitCode = await main(process.argv.slice(2));

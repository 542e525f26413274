import { config } from "zod";

// zod compiles a parser for each object schema the first time it parses one (a generated function
// per schema); a command parses its case once, so the compiling costs more than it saves. zod reads
// the setting when a schema is built, so this module must run before the engine's: load.ts imports it
// first, and the bundle's core script (scripts/bundle-cli.mjs) before the engine.
config({ jitless: true });

// Regenerates schema/scenario.schema.json from the engine's definition (a test checks they match).
import { writeFileSync } from "node:fs";
import { scenarioJsonSchema } from "../src/engine/scenario/json-schema.js";

const target = new URL("../schema/scenario.schema.json", import.meta.url);
writeFileSync(target, `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target.pathname}`);

import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

/** The package's root folder, the same from `src/cli` (tests) and `dist/cli` (installed). */
export const packageRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

export const templateNames = ["seed", "solo", "team", "enterprise"] as const;
export type TemplateName = (typeof templateNames)[number];

export function templatePath(name: TemplateName): string {
  return join(packageRoot, "examples", `${name}.yaml`);
}

export const schemaPath = join(packageRoot, "schema", "scenario.schema.json");

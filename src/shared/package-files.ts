import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

/** The nearest folder above `from` that holds a package.json. */
function packageFolder(from: string): string {
  for (let folder = from; ; folder = dirname(folder)) {
    if (existsSync(join(folder, "package.json"))) return folder;
    if (dirname(folder) === folder) throw new Error(`no package.json above ${from}`);
  }
}

/** The package's root folder, the same from `src/shared` (tests), `dist/shared` and the bundle's `dist/bundle/chunks` (installed). */
export const packageRoot = packageFolder(dirname(fileURLToPath(import.meta.url)));

export const templateNames = ["seed", "solo", "team", "enterprise"] as const;
export type TemplateName = (typeof templateNames)[number];

export function templatePath(name: TemplateName): string {
  return join(packageRoot, "examples", `${name}.yaml`);
}

export const schemaPath = join(packageRoot, "schema", "scenario.schema.json");

import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const folder = join(dirname(fileURLToPath(import.meta.url)), "fixtures");

/** Absolute path of a file in src/test-support/fixtures. */
export function fixturePath(name: string): string {
  return join(folder, name);
}

/** The text of a fixture file. */
export function readFixture(name: string): string {
  return readFileSync(fixturePath(name), "utf8");
}

/**
 * A fresh temporary folder and a way to remove it (call it in afterEach).
 * @example const temp = makeTempFolder(); afterEach(temp.remove); join(temp.path, "case.yaml")
 */
export function makeTempFolder(): { readonly path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), "mlops-roi-test-"));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach } from "vitest";

/**
 * A fresh folder per test, removed afterwards: stores are real SQLite files, never mocks.
 * @example const folder = temporaryFolders(); const path = join(folder(), "case.db")
 */
export function temporaryFolders(): () => string {
  const created: string[] = [];
  afterEach(() => {
    for (const folder of created.splice(0)) rmSync(folder, { recursive: true, force: true });
  });
  return () => {
    const folder = mkdtempSync(join(tmpdir(), "mlops-roi-store-"));
    created.push(folder);
    return folder;
  };
}

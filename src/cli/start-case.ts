import { copyFileSync, existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";

/** Where `npm start` keeps the case it opens: a copy of the seed example, outside the tracked files. */
export const START_FOLDER = "my-cases";

/**
 * The file `npm start` edits when none is given: `my-cases/seed.yaml`, copied from the seed example
 * the first time and kept afterwards, so saving in the page never changes the tracked example.
 * @example startCase("/path/to/clone") // "/path/to/clone/my-cases/seed.yaml"
 */
export function startCase(root: string): { path: string; copied: boolean } {
  const folder = join(root, START_FOLDER);
  const path = join(folder, "seed.yaml");
  if (existsSync(path)) return { path, copied: false };
  mkdirSync(folder, { recursive: true });
  // COPYFILE_EXCL: never replace a file that appeared meanwhile.
  copyFileSync(join(root, "examples", "seed.yaml"), path, 1);
  return { path, copied: true };
}

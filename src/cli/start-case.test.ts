import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { packageRoot } from "../shared/package-files.js";
import { makeTempFolder } from "../test-support/fixtures.js";
import { START_FOLDER, startCase } from "./start-case.js";

let temp: ReturnType<typeof makeTempFolder>;
beforeEach(() => {
  temp = makeTempFolder();
  mkdirSync(join(temp.path, "examples"));
  cpSync(join(packageRoot, "examples", "seed.yaml"), join(temp.path, "examples", "seed.yaml"));
});
afterEach(() => temp.remove());

describe("npm start's case", () => {
  it("is a copy of the seed example outside the tracked files, made once and kept", () => {
    const example = join(temp.path, "examples", "seed.yaml");
    const original = readFileSync(example, "utf8");
    const first = startCase(temp.path);
    expect(first).toEqual({ path: join(temp.path, START_FOLDER, "seed.yaml"), copied: true });
    expect(readFileSync(first.path, "utf8")).toBe(original);
    // The user's saves go to the copy; a second start opens it again, unchanged, and the example stays.
    writeFileSync(first.path, `${original}# my edit\n`);
    expect(startCase(temp.path)).toEqual({ path: first.path, copied: false });
    expect(readFileSync(first.path, "utf8")).toBe(`${original}# my edit\n`);
    expect(readFileSync(example, "utf8")).toBe(original);
  });

  it("is ignored by git, so it is never committed by accident", () => {
    expect(readFileSync(join(packageRoot, ".gitignore"), "utf8").split("\n")).toContain(`${START_FOLDER}/`);
  });
});

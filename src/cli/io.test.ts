import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeTempFolder } from "../test-support/fixtures.js";
import { UserError, writeFileAtomic } from "./io.js";

let temp: ReturnType<typeof makeTempFolder>;
beforeEach(() => {
  temp = makeTempFolder();
});
afterEach(() => temp.remove());

describe("writeFileAtomic", () => {
  it("writes a new file, creating its folder, and leaves no temporary file", () => {
    const target = join(temp.path, "out", "case.yaml");
    expect(writeFileAtomic(target, "a")).toEqual({});
    expect(readFileSync(target, "utf8")).toBe("a");
    expect(readdirSync(join(temp.path, "out"))).toEqual(["case.yaml"]);
  });

  it("refuses to replace a file without force, and keeps a .bak with force", () => {
    const target = join(temp.path, "case.yaml");
    writeFileSync(target, "mine");
    expect(() => writeFileAtomic(target, "new")).toThrow(UserError);
    expect(() => writeFileAtomic(target, "new")).toThrow(/already exists; use --force/);
    expect(readFileSync(target, "utf8")).toBe("mine");
    expect(writeFileAtomic(target, "new", { force: true })).toEqual({ backup: `${target}.bak` });
    expect(readFileSync(target, "utf8")).toBe("new");
    expect(readFileSync(`${target}.bak`, "utf8")).toBe("mine");
  });

  it("refuses a folder as the target, even with force", () => {
    mkdirSync(join(temp.path, "folder"));
    expect(() => writeFileAtomic(join(temp.path, "folder"), "x", { force: true })).toThrow(/is a folder; give a file name/);
  });

  it("turns a path through a file into a user's error, writing nothing", () => {
    const file = join(temp.path, "plain");
    writeFileSync(file, "x");
    expect(() => writeFileAtomic(join(file, "case.yaml"), "y")).toThrow(/cannot write .*part of the path is a file, not a folder; nothing was written/);
    expect(readdirSync(temp.path)).toEqual(["plain"]);
  });
});

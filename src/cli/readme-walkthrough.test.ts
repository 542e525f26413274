import { spawnSync } from "node:child_process";
import { cpSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { packageRoot } from "../shared/package-files.js";
import { makeTempFolder } from "../test-support/fixtures.js";

// A newcomer does what the README says, in its order, in one folder: every command it gives must
// work as written there (the Quick start's report, then the walk-through's).

const readme = readFileSync(join(packageRoot, "README.md"), "utf8");
const child = new URL("../test-support/cli-child.ts", import.meta.url).pathname;
// Resolved here: the commands run in a folder of their own, where no node_modules holds tsx.
const tsx = import.meta.resolve("tsx");

/** The README's mlops-roi commands in reading order: the shell blocks' lines and the ones quoted in its prose. */
function commands(): string[][] {
  const found: { at: number; argv: string[] }[] = [];
  const command = /(?:npx mlops-roi|node bin\/mlops-roi\.js)\s+([^`]+)/;
  const take = (at: number, text: string) => {
    const argv = command.exec(text)?.[1]?.trim().split(/\s+/);
    // The test suite's command is not the walk-through's.
    if (argv && argv[0] !== "test") found.push({ at, argv });
  };
  // Fenced blocks, line by line; then the prose around them, whose `quoted` commands may wrap a line.
  const prose = readme.replace(/```\w*\n[\s\S]*?```/g, (block, at: number) => {
    let offset = at;
    for (const line of block.split("\n")) {
      take(offset, line);
      offset += line.length + 1;
    }
    return " ".repeat(block.length);
  });
  for (const match of prose.matchAll(/`([^`]+)`/g)) take(match.index, match[1]!);
  return found.sort((a, b) => a.at - b.at).map(({ argv }) => argv);
}

let temp: ReturnType<typeof makeTempFolder>;
beforeEach(() => {
  temp = makeTempFolder();
  cpSync(join(packageRoot, "examples"), join(temp.path, "examples"), { recursive: true });
});
afterEach(() => temp.remove());

describe("the README, followed as written", () => {
  it("runs every command it gives, in its order, in one folder", { timeout: 120_000 }, () => {
    const argvs = commands();
    expect(argvs.map((argv) => argv[0])).toEqual(expect.arrayContaining(["report", "validate", "run", "init", "voi"]));
    for (const argv of argvs) {
      const run = spawnSync(process.execPath, ["--import", tsx, child, ...argv], { cwd: temp.path, encoding: "utf8" });
      expect(run.status, `mlops-roi ${argv.join(" ")}\n${run.stderr}`).toBe(0);
    }
  });
});

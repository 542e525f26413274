import { existsSync, readdirSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeTempFolder } from "../test-support/fixtures.js";
import { runCliCaptured } from "../test-support/run-cli.js";
import { valuesAfterDashDash } from "./option-values.js";
import { makeProgram } from "./program.js";

let temp: ReturnType<typeof makeTempFolder>;
let cwd: string;
beforeEach(() => {
  temp = makeTempFolder();
  cwd = process.cwd();
  // A file whose name starts with a dash is named relative to the folder the command runs in.
  process.chdir(temp.path);
});
afterEach(() => {
  process.chdir(cwd);
  temp.remove();
});

describe("-- after an option that takes a value", () => {
  it("gives the option the next word, even one that starts with a dash: init -o -- -x.yaml writes -x.yaml", async () => {
    const init = await runCliCaptured(["init", "-o", "--", "-x.yaml"]);
    expect(init.stderr).toContain("wrote -x.yaml from the seed template");
    expect(init.exitCode).toBe(0);
    expect((await runCliCaptured(["init", "--output", "--", "-y.yaml", "--template", "solo"])).exitCode).toBe(0);
    expect(readdirSync(".").sort()).toEqual(["-x.yaml", "-y.yaml", "mlops-roi.schema.json"]);
    expect((await runCliCaptured(["validate", "--", "-x.yaml"])).stdout).toContain("-x.yaml: valid");
    // A track subcommand's options too: the store is looked for, not an unknown option -z.db.
    const show = await runCliCaptured(["track", "show", "--db", "--", "-z.db"]);
    expect(show.stderr).toContain("error: -z.db: no store here");
    expect(show.exitCode).toBe(1);
  });

  it("is wrong usage with no word after it, and writes no file named --", async () => {
    const { exitCode, stderr } = await runCliCaptured(["init", "-o", "--"]);
    expect(stderr).toBe("error: -o --: no value after `--`; give it there (-o -- -x.yaml), or write a file whose name starts with a dash as ./-x.yaml\n");
    expect(exitCode).toBe(2);
    expect(existsSync("--")).toBe(false);
    expect(readdirSync(".")).toEqual([]);
  });

  it("with no word after it, names the value an option other than a file takes, and speaks of no file", async () => {
    for (const [argv, expected] of [
      [["run", "case.yaml", "--seed", "--"], "error: --seed --: no value after `--`; give the value right after it (--seed -- <s>), or as --seed=<s>\n"],
      [
        ["track", "add", "--db", "case.db", "--month", "1", "--note", "--"],
        "error: --note --: no value after `--`; give the value right after it (--note -- <text>), or as --note=<text>\n",
      ],
      [["init", "-t", "--"], "error: -t --: no value after `--`; give the value right after it (-t -- <name>)\n"],
    ] as const) {
      const { exitCode, stderr } = await runCliCaptured(argv);
      expect(stderr, argv.join(" ")).toBe(expected);
      expect(exitCode, argv.join(" ")).toBe(2);
    }
    // A store is a file: the file's wording.
    expect((await runCliCaptured(["track", "show", "--db", "--"])).stderr).toBe(
      "error: --db --: no value after `--`; give it there (--db -- -x.yaml), or write a file whose name starts with a dash as ./-x.yaml\n",
    );
    expect(readdirSync(".")).toEqual([]);
  });

  it("keeps -- elsewhere as the end of the options, and leaves the words after an option's value alone", async () => {
    const program = await makeProgram(undefined, ["init", "track"]);
    expect(valuesAfterDashDash(["init", "-o", "-x.yaml", "--force"], program)).toEqual(["init", "-o", "-x.yaml", "--force"]);
    expect(valuesAfterDashDash(["init", "--force", "--", "-o", "--", "x"], program)).toEqual(["init", "--force", "--", "-o", "--", "x"]);
    expect(valuesAfterDashDash(["init", "-o", "--", "--", "--force"], program)).toEqual(["init", "-o", "--", "--force"]);
    expect(valuesAfterDashDash(["track", "backup", "--to", "--", "-b.db", "--force"], program)).toEqual(["track", "backup", "--to", "-b.db", "--force"]);
  });
});

describe("a file option followed by an option word, or by nothing", () => {
  const seed = new URL("../../examples/seed.yaml", import.meta.url).pathname;

  it("is wrong usage (exit 2) that says how to name such a file, and writes nothing", async () => {
    for (const [argv, message] of [
      [["report", seed, "-o", "--force"], "-o needs a file name; to write a file named --force use -o ./--force"],
      [["run", seed, "-o", "-v"], "-o needs a file name; to write a file named -v use -o ./-v"],
      [["report", seed, "--pdf", "--force"], "--pdf needs a file name; to write a file named --force use --pdf ./--force"],
      [["report", seed, "--output=--force"], "--output needs a file name; to write a file named --force use --output ./--force"],
      [["run", seed, "-o", ""], "-o needs a file name, and '' is none; give the file to write, e.g. -o case.yaml"],
      [["report", seed, "-o", ""], "-o needs a file name, and '' is none; give the file to write, e.g. -o case.yaml"],
      [["run", seed, "--output="], "--output needs a file name, and '' is none; give the file to write, e.g. --output case.yaml"],
    ] as const) {
      const { exitCode, stdout, stderr } = await runCliCaptured(argv);
      expect(stderr).toBe(`error: ${message}\n`);
      expect(stdout).toBe("");
      expect(exitCode).toBe(2);
    }
    expect(readdirSync(".")).toEqual([]);
  });

  it("still writes a file whose name starts with a dash but is no option: run -o -x.txt", async () => {
    const { exitCode } = await runCliCaptured(["run", seed, "-o", "-x.txt"]);
    expect(exitCode).toBe(0);
    expect(existsSync("-x.txt")).toBe(true);
  });
});

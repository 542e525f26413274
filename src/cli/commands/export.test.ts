import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeTempFolder } from "../../test-support/fixtures.js";
import { runCliCaptured, stackTraceLine } from "../../test-support/run-cli.js";
import { readWorkbook } from "../../workbook/excel.js";
import { templatePath } from "../../shared/package-files.js";
import { isPlainFile } from "./export.js";

let temp: ReturnType<typeof makeTempFolder>;
beforeEach(() => {
  temp = makeTempFolder();
});
afterEach(() => temp.remove());

describe("export", () => {
  it("takes standard input (-) for no plain file, so import is never told to write a file named -", () => {
    // `export - -o s.xlsx < case.yaml` said "bring the changes back with: mlops-roi import s.xlsx -o ./- --force".
    expect(isPlainFile("-")).toBe(false);
    expect(isPlainFile(templatePath("seed"))).toBe(true);
  });

  it("asks for -o when the case is not a plain file (/dev/stdin, a pipe), and says a workbook cannot go to the terminal", async () => {
    const { execFileSync, spawn } = await import("node:child_process");
    const fifo = join(temp.path, "piped");
    execFileSync("mkfifo", [fifo]);
    for (const file of ["/dev/stdin", fifo]) {
      const { exitCode, stderr } = await runCliCaptured(["export", file, "--samples", "0"]);
      expect(stderr).toBe(
        `error: ${file} is not a plain file (a pipe, a device or a process's output), so there is nowhere beside it for the workbook: give the workbook's name with -o, e.g. -o case.xlsx\n`,
      );
      expect(exitCode).toBe(2);
    }
    const terminal = await runCliCaptured(["export", templatePath("seed"), "-o", "-"]);
    expect(terminal.stderr).toBe(
      "error: -o -: a workbook cannot be written to the terminal (standard output); give a file ending in .xlsx, e.g. -o case.xlsx\n",
    );
    expect(terminal.exitCode).toBe(2);
    // With -o, a piped case is exported, and import is told to write a file of its own, not back into the pipe.
    const writer = spawn("sh", ["-c", 'cat "$1" > "$2"', "sh", templatePath("seed"), fifo], { stdio: "ignore" });
    const written = new Promise((done) => writer.on("exit", done));
    const target = join(temp.path, "board.xlsx");
    const piped = await runCliCaptured(["export", fifo, "-o", target, "--samples", "0"]);
    await written;
    expect(piped.exitCode).toBe(0);
    expect(piped.stderr).toContain(`bring the changes back with: mlops-roi import ${target} -o ${join(temp.path, "board.yaml")}\n`);
  });

  it("refuses a link where its default workbook goes (beside the case), even with --force, and writes nothing through it", async () => {
    const { copyFileSync, symlinkSync } = await import("node:fs");
    const scenario = join(temp.path, "case.yaml");
    copyFileSync(templatePath("seed"), scenario);
    writeFileSync(join(temp.path, "v3.xlsx"), "mine");
    symlinkSync("v3.xlsx", join(temp.path, "case.xlsx"));
    const target = join(temp.path, "case.xlsx");
    const { exitCode, stderr } = await runCliCaptured(["export", scenario, "--force"]);
    expect(stderr).toBe(
      `error: ${target} is a symbolic link (to v3.xlsx), and the workbook export writes beside the case by default is not written through a link no option named; nothing was written: give -o ${target} to write through it, or remove the link\n`,
    );
    expect(exitCode).toBe(1);
    expect(readFileSync(join(temp.path, "v3.xlsx"), "utf8")).toBe("mine");
  });

  it("writes a workbook with the sheets a manager reads, and says how to bring changes back", async () => {
    const target = join(temp.path, "case.xlsx");
    const { exitCode, stdout, stderr } = await runCliCaptured(["export", templatePath("seed"), "-o", target]);
    expect(exitCode).toBe(0);
    expect(stdout).toBe("");
    expect(stderr).toContain(`wrote ${target}`);
    expect(stderr).toContain("mlops-roi import");
    const workbook = await readWorkbook(new Uint8Array(readFileSync(target)));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      "Summary",
      "Assumptions",
      "Maintenance over time",
      "Simulation",
      "Comparison",
      "Inputs by scenario",
      "Case",
    ]);
  });

  it("writes beside the scenario file without -o, and its hint writes back to that very file", async () => {
    const folder = join(temp.path, "my cases");
    mkdirSync(folder);
    const file = join(folder, "team.yaml");
    writeFileSync(file, readFileSync(templatePath("seed"), "utf8"));
    const { exitCode, stderr } = await runCliCaptured(["export", file]);
    expect(exitCode).toBe(0);
    expect(existsSync(join(folder, "team.xlsx"))).toBe(true);
    // Quoted for the shell: the folder's name has a space.
    expect(stderr).toContain(`bring the changes back with: mlops-roi import '${join(folder, "team.xlsx")}' -o '${file}' --force`);
    // Followed as given (the shell's quotes taken off), it writes the case back, unchanged.
    const back = await runCliCaptured(["import", join(folder, "team.xlsx"), "-o", file, "--force"]);
    expect(back.exitCode).toBe(0);
    expect(readFileSync(file, "utf8")).toBe(readFileSync(templatePath("seed"), "utf8"));
  });

  it("takes a folder named like a workbook for -o as wrong usage (exit 2), even with --force, and names the file to give", async () => {
    const folder = join(temp.path, "board.xlsx");
    mkdirSync(folder);
    for (const force of [[], ["--force"]]) {
      const refused = await runCliCaptured(["export", templatePath("seed"), "-o", folder, ...force]);
      expect(refused.exitCode).toBe(2);
      expect(refused.stderr).toContain(`-o ${folder} is a folder; give the file to write, e.g. -o ${join(folder, "case.xlsx")}`);
    }
    // A file on the way is said as the write itself says it, not as an internal error.
    const file = join(temp.path, "afile");
    writeFileSync(file, "mine");
    for (const command of [
      ["export", templatePath("seed"), "-o", join(file, "x.xlsx")],
      ["report", templatePath("seed"), "-o", join(file, "x.html")],
      ["init", "-o", join(file, "x.yaml")],
    ]) {
      const refused = await runCliCaptured(command);
      expect(refused.exitCode, command[0]).toBe(1);
      expect(refused.stderr, command[0]).not.toContain("internal error");
      expect(refused.stderr, command[0]).toContain("nothing was written");
    }
  });

  it("refuses to replace a file without --force, keeps a .bak with it", async () => {
    const target = join(temp.path, "case.xlsx");
    writeFileSync(target, "mine");
    const refused = await runCliCaptured(["export", templatePath("seed"), "-o", target]);
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toMatch(/already exists; use --force/);
    expect(readFileSync(target, "utf8")).toBe("mine");
    const forced = await runCliCaptured(["export", templatePath("seed"), "-o", target, "--force"]);
    expect(forced.exitCode).toBe(0);
    expect(readFileSync(`${target}.bak`, "utf8")).toBe("mine");
  });

  it("refuses a name that does not end in .xlsx, and a broken scenario file, writing nothing", async () => {
    const wrong = await runCliCaptured(["export", templatePath("seed"), "-o", join(temp.path, "case.xls")]);
    expect(wrong.exitCode).toBe(2); // wrong usage: the option names the wrong kind of file
    expect(wrong.stderr).toMatch(/must end in \.xlsx/);
    const broken = join(temp.path, "broken.yaml");
    writeFileSync(broken, "title: x\ncurrency: EUR\n");
    const target = join(temp.path, "broken.xlsx");
    const failed = await runCliCaptured(["export", broken, "-o", target]);
    expect(failed.exitCode).toBe(1);
    expect(failed.stderr).not.toMatch(stackTraceLine);
    expect(existsSync(target)).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { runCliCaptured, stackTraceLine } from "../test-support/run-cli.js";
import type { Command } from "commander";
import { captureOutput } from "../test-support/capture-output.js";
import { commandNeeded, makeProgram, VERSION } from "./program.js";

/** Every command and subcommand the program has, as the words a user types. */
function commandPaths(command: Command, prefix: string[] = []): string[][] {
  return command.commands.flatMap((child) => {
    const path = [...prefix, child.name()];
    return [path, ...commandPaths(child, path)];
  });
}

const allCommands = commandPaths(await makeProgram(captureOutput()));

describe("usage errors exit with 2", () => {
  it.each([
    [["frobnicate"], "unknown command 'frobnicate'"],
    [["run"], "missing required argument 'file'"],
    [["validate"], "missing required argument 'file'"],
    [["run", "examples/seed.yaml", "--bogus"], "unknown option '--bogus'"],
    [["init", "--template", "huge", "-o", "-"], "Allowed choices are seed, solo, team, enterprise"],
    [["schema", "extra"], "too many arguments"],
  ])("%j", async (argv, message) => {
    const { exitCode, stdout, stderr } = await runCliCaptured(argv);
    expect(exitCode).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain(message);
    expect(stderr).toContain("--help");
    expect(stderr).not.toMatch(stackTraceLine);
  });

  it("suggests the command meant", async () => {
    const { exitCode, stderr } = await runCliCaptured(["valdiate", "x.yaml"]);
    expect(exitCode).toBe(2);
    expect(stderr).toContain("validate");
  });
});

describe("help", () => {
  it("knows the core commands", () => {
    expect(allCommands).toEqual(expect.arrayContaining([["init"], ["validate"], ["run"], ["schema"]]));
  });

  it.each([[[] as string[]], ...allCommands.map((path) => [path])])("--help of %j shows usage and an example", async (command) => {
    const { exitCode, stdout, stderr } = await runCliCaptured([...command, "--help"]);
    expect(exitCode).toBe(0);
    expect(stderr).toBe("");
    expect(stdout).toContain("Usage: mlops-roi");
    expect(stdout).toContain("Example");
    expect(stdout).toMatch(/\$ mlops-roi \w+/);
    // Defaults are said one way: "(default: 1)", never "(default 1)", '(default: "a4")' or "(default: [])".
    expect(stdout.replace(/\s+/g, " ")).not.toMatch(/\(default [^:]|\(default: "|\(default: \[\]\)/);
  });

  it("help <command> is the same as <command> --help", async () => {
    const viaHelp = await runCliCaptured(["help", "run"]);
    const viaOption = await runCliCaptured(["run", "--help"]);
    expect(viaHelp.exitCode).toBe(0);
    expect(viaHelp.stdout).toBe(viaOption.stdout);
  });

  it("help <command> <subcommand> is the subcommand's help, and help of no such command is wrong usage", async () => {
    const viaHelp = await runCliCaptured(["help", "track", "import"]);
    const viaOption = await runCliCaptured(["track", "import", "--help"]);
    expect(viaHelp.exitCode).toBe(0);
    expect(viaHelp.stdout).toContain("Usage: mlops-roi track import [options] <files...>");
    expect(viaHelp.stdout).toBe(viaOption.stdout);
    const unknown = await runCliCaptured(["help", "frobnicate"]);
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stdout).toBe("");
    expect(unknown.stderr).toMatch(/^error: help frobnicate: no such command; the commands: init, .*track/);
  });

  it("prints the version", async () => {
    const { exitCode, stdout } = await runCliCaptured(["--version"]);
    expect(exitCode).toBe(0);
    expect(stdout.trim()).toBe(VERSION);
  });
});

describe("commands are loaded only when used", () => {
  it("the main help, listing commands without loading them, is the help of the whole program", async () => {
    const whole = await makeProgram(captureOutput());
    const listed = await makeProgram(captureOutput(), []);
    expect(listed.helpInformation()).toBe(whole.helpInformation());
    expect(listed.helpInformation()).toContain("run [options] <file>");
  });

  it("would notice a listed command that differs from the real one", async () => {
    const whole = await makeProgram(captureOutput());
    const listed = await makeProgram(captureOutput(), []);
    listed.commands.find((command) => command.name() === "validate")!.description("Something else.");
    expect(listed.helpInformation()).not.toBe(whole.helpInformation());
  });

  it.each([
    [["run", "case.yaml"], "run"],
    [["help", "track"], "track"],
    [["track", "show"], "track"],
    [["--help"], undefined],
    [["frobnicate"], undefined],
    [[], undefined],
  ])("%j needs %s", (argv, name) => {
    expect(commandNeeded(argv)).toBe(name);
  });
});

describe("the version", () => {
  it("is the package's version", async () => {
    const { readFileSync } = await import("node:fs");
    const { join } = await import("node:path");
    const { packageRoot } = await import("../shared/package-files.js");
    const manifest = JSON.parse(readFileSync(join(packageRoot, "package.json"), "utf8")) as { version: string };
    expect(VERSION).toBe(manifest.version);
  });
});

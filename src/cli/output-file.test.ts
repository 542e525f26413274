import { chmodSync, copyFileSync, existsSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { templatePath } from "../shared/package-files.js";
import { makeTempFolder } from "../test-support/fixtures.js";
import { runCliCaptured } from "../test-support/run-cli.js";

let temp: ReturnType<typeof makeTempFolder>;
let seed: string;
beforeEach(() => {
  temp = makeTempFolder();
  seed = join(temp.path, "seed.yaml");
  copyFileSync(templatePath("seed"), seed);
});
afterEach(() => temp.remove());

describe("an output that is the file the command reads", () => {
  it("is wrong usage even with --force, under its own name, another spelling or a link: the input is never replaced", async () => {
    const before = readFileSync(seed, "utf8");
    symlinkSync("seed.yaml", join(temp.path, "alias.yaml"));
    const attempts = [
      ["report", seed, "-o", seed],
      ["report", seed, "-o", join(temp.path, "alias.yaml")],
      ["report", seed, "-o", join(temp.path, "r.html"), "--pdf", join(temp.path, ".", "seed.yaml")],
      ["run", seed, "-o", seed],
      ["sensitivity", seed, "-o", seed],
      ["voi", seed, "-o", seed],
    ];
    for (const argv of attempts) {
      const { exitCode, stderr } = await runCliCaptured([...argv, "--force"]);
      expect(stderr, argv.join(" ")).toMatch(/^error: (-o|--pdf) \S+ is the file this command reads; give another file to write, e\.g\. (-o|--pdf) \S+\n$/);
      expect(exitCode, argv.join(" ")).toBe(2);
    }
    expect(readFileSync(seed, "utf8")).toBe(before);
    expect(readdirSync(temp.path).sort()).toEqual(["alias.yaml", "seed.yaml"]);
  });

  it("import -o the workbook it reads is refused, and the workbook is left as it was", async () => {
    const workbook = join(temp.path, "seed.xlsx");
    expect((await runCliCaptured(["export", seed, "-o", workbook])).exitCode).toBe(0);
    const before = readFileSync(workbook);
    const { exitCode, stderr } = await runCliCaptured(["import", workbook, "-o", workbook, "--force"]);
    expect(stderr).toBe(`error: -o ${workbook} is the file this command reads; give another file to write, e.g. -o case.yaml\n`);
    expect(exitCode).toBe(2);
    expect(readFileSync(workbook)).toEqual(before);
  });
});

describe("run, sensitivity and voi -o", () => {
  it("refuse an existing file without --force, and a folder, before any work, as report and export do; --force keeps a .bak and says so", async () => {
    const out = join(temp.path, "out.txt");
    writeFileSync(out, "mine\n");
    for (const command of ["run", "sensitivity"]) {
      const refused = await runCliCaptured([command, seed, "-o", out]);
      expect(refused.exitCode).toBe(1);
      expect(refused.stderr).toBe(`error: ${out} already exists; use --force to replace it (the old file is kept as out.txt.bak)\n`);
      const folder = await runCliCaptured([command, seed, "-o", temp.path]);
      expect(folder.exitCode).toBe(2);
      expect(folder.stderr).toContain(`-o ${temp.path} is a folder; give the file to write, e.g. -o ${join(temp.path, "result.txt")}`);
    }
    expect(readFileSync(out, "utf8")).toBe("mine\n");
    const forced = await runCliCaptured(["sensitivity", seed, "-o", out, "--force"]);
    expect(forced.exitCode).toBe(0);
    expect(forced.stderr).toBe(`wrote ${out} (previous version kept as ${out}.bak)\n`);
  });
});

describe("-o -", () => {
  it("is the terminal for run, sensitivity and schema too, as for init, report and import", async () => {
    for (const argv of [["run", seed], ["sensitivity", seed], ["schema"]]) {
      const { exitCode, stdout } = await runCliCaptured([...argv, "-o", "-"]);
      expect(exitCode, argv[0]).toBe(0);
      // Written to the terminal, not to a file named "-" (which said "wrote -" and printed nothing).
      expect(stdout.length, argv[0]).toBeGreaterThan(100);
    }
  });
});

describe("writing the same bytes again", () => {
  it("is said to change nothing, by run, sensitivity and schema as by report (they said 'wrote')", async () => {
    for (const argv of [["run", seed], ["sensitivity", seed], ["schema"]]) {
      const out = join(temp.path, `${argv[0]}.txt`);
      expect((await runCliCaptured([...argv, "-o", out])).stderr, argv[0]).toBe(`wrote ${out}\n`);
      const again = await runCliCaptured([...argv, "-o", out, "--force"]);
      expect(again.stderr, argv[0]).toBe(`${out} is unchanged (the same bytes): nothing written, no backup made\n`);
    }
  });
});

describe("a read-only output file (chmod 444)", () => {
  it("is refused even with --force by every command that writes one, named as read-only with how to go on (exit 1), and left as it was", async () => {
    const workbook = join(temp.path, "seed.xlsx");
    expect((await runCliCaptured(["export", seed, "-o", workbook])).exitCode).toBe(0);
    const enterprise = join(temp.path, "enterprise.yaml");
    copyFileSync(templatePath("enterprise"), enterprise);
    const store = join(temp.path, "seed.db");
    expect((await runCliCaptured(["track", "plan", seed, "--db", store, "--scenario", "optimal", "--start", "2025-01"])).exitCode).toBe(0);
    const earlierBackup = join(temp.path, "earlier.db");
    expect((await runCliCaptured(["track", "backup", "--db", store, "--to", earlierBackup])).exitCode).toBe(0);
    const out = (name: string, content = "mine\n") => {
      const path = join(temp.path, name);
      if (!existsSync(path)) writeFileSync(path, content);
      return path;
    };
    const attempts: [string[], string][] = [
      [["report", seed, "-o", out("report.html"), "--force"], out("report.html")],
      [["export", seed, "-o", out("out.xlsx"), "--force"], out("out.xlsx")],
      [["run", seed, "-o", out("run.txt"), "--force"], out("run.txt")],
      [["sensitivity", seed, "-o", out("sensitivity.txt"), "--force"], out("sensitivity.txt")],
      [["voi", seed, "-o", out("voi.txt"), "--force"], out("voi.txt")],
      [["init", "-o", out("init.yaml"), "--force"], out("init.yaml")],
      [["schema", "-o", out("schema.json"), "--force"], out("schema.json")],
      [["import", workbook, "-o", out("imported.yaml"), "--force"], out("imported.yaml")],
      [["track", "backup", "--db", store, "--to", earlierBackup, "--force"], earlierBackup],
    ];
    for (const [argv, target] of attempts) {
      chmodSync(target, 0o444);
      const before = readFileSync(target);
      const files = readdirSync(temp.path).sort();
      const { exitCode, stderr } = await runCliCaptured(argv);
      expect(stderr, argv.join(" ")).toContain(
        `${target} is read-only and is left as it is: make it writable (chmod u+w ${target}) and run again, or write to another file (a read-only file is never replaced, not even with --force)\n`,
      );
      expect(exitCode, argv.join(" ")).toBe(1);
      expect(readFileSync(target), argv.join(" ")).toEqual(before);
      expect(statSync(target).mode & 0o777, argv.join(" ")).toBe(0o444);
      expect(readdirSync(temp.path).sort(), argv.join(" ")).toEqual(files);
    }
  });

  it("as the case that measure --write or optimize --write-scenario edits in place: refused before the work, with how to go on that such an edit has", async () => {
    const enterprise = join(temp.path, "enterprise.yaml");
    copyFileSync(templatePath("enterprise"), enterprise);
    chmodSync(enterprise, 0o444);
    const before = readFileSync(enterprise);
    const incidents = new URL("../measure/fixtures/deployments-incidents.csv", import.meta.url).pathname;
    for (const [argv, option] of [
      [["optimize", enterprise, "--budget", "200000", "--write-scenario", "ask"], "--write-scenario"],
      [["measure", enterprise, "--incidents", incidents, "--write"], "--write"],
    ] as const) {
      const { exitCode, stdout, stderr } = await runCliCaptured([...argv]);
      // It searched (or measured) and printed its answer, then said "never replaced, even with --force; … or write to
      // another file", which neither command has.
      expect(stderr, argv[0]).toBe(
        `error: ${enterprise} is read-only and is left as it is: make it writable (chmod u+w ${enterprise}) and run again, or leave out ${option} to see the answer without writing it\n`,
      );
      expect(stdout, argv[0]).toBe("");
      expect(exitCode, argv[0]).toBe(1);
      expect(readFileSync(enterprise), argv[0]).toEqual(before);
      expect(
        readdirSync(temp.path).filter((name) => name.startsWith("enterprise")),
        argv[0],
      ).toEqual(["enterprise.yaml"]);
    }
  });
});

describe("a read-only backup (FILE.bak, chmod 444) of a file a command would replace", () => {
  it("is kept: the command refuses before any work, exit 1, naming the backup, why and how to go on, and writes nothing", async () => {
    const workbook = join(temp.path, "seed.xlsx");
    expect((await runCliCaptured(["export", seed, "-o", workbook])).exitCode).toBe(0);
    const enterprise = join(temp.path, "enterprise.yaml");
    copyFileSync(templatePath("enterprise"), enterprise);
    const incidents = new URL("../measure/fixtures/deployments-incidents.csv", import.meta.url).pathname;
    const existing = (name: string) => {
      const path = join(temp.path, name);
      if (!existsSync(path)) writeFileSync(path, "mine\n");
      return path;
    };
    const otherwise = "run again, or write to another file (a read-only file is never replaced, not even with --force)";
    const attempts: [string[], string, string][] = [
      [["report", seed, "-o", existing("report.html"), "--force"], existing("report.html"), otherwise],
      [["report", seed, "-o", existing("report.html")], existing("report.html"), otherwise],
      [["export", seed, "-o", existing("out.xlsx"), "--force"], existing("out.xlsx"), otherwise],
      [["run", seed, "-o", existing("run.txt"), "--force"], existing("run.txt"), otherwise],
      [["import", workbook, "-o", existing("imported.yaml"), "--force"], existing("imported.yaml"), otherwise],
      [
        ["optimize", enterprise, "--budget", "200000", "--write-scenario", "ask"],
        enterprise,
        "run again, or leave out --write-scenario to see the answer without writing it",
      ],
      [["measure", enterprise, "--incidents", incidents, "--write"], enterprise, "run again, or leave out --write to see the answer without writing it"],
    ];
    for (const [argv, target, then] of attempts) {
      const backup = `${target}.bak`;
      writeFileSync(backup, "the version I meant to keep\n");
      chmodSync(backup, 0o444);
      const before = readFileSync(target);
      const files = readdirSync(temp.path).sort();
      const { exitCode, stdout, stderr } = await runCliCaptured(argv);
      expect(stderr, argv.join(" ")).toBe(
        `error: ${backup} is read-only and is left as it is, so ${target} is not replaced either (its previous version would be kept as ${target.split("/").pop()}.bak): make it writable (chmod u+w ${backup}) or move it away, and ${then}\n`,
      );
      expect(stdout, argv.join(" ")).toBe("");
      expect(exitCode, argv.join(" ")).toBe(1);
      expect(readFileSync(backup, "utf8"), argv.join(" ")).toBe("the version I meant to keep\n");
      expect(statSync(backup).mode & 0o777, argv.join(" ")).toBe(0o444);
      expect(readFileSync(target), argv.join(" ")).toEqual(before);
      expect(readdirSync(temp.path).sort(), argv.join(" ")).toEqual(files);
      chmodSync(backup, 0o644);
      rmSync(backup);
    }
  });
});

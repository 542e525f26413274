import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { validateScenarioText } from "../../engine/index.js";
import { makeTempFolder } from "../../test-support/fixtures.js";
import { runCliCaptured } from "../../test-support/run-cli.js";
import { schemaPath, templateNames, templatePath } from "../../shared/package-files.js";

let temp: ReturnType<typeof makeTempFolder>;
beforeEach(() => {
  temp = makeTempFolder();
});
afterEach(() => temp.remove());

/** Templates whose example file exists (the others are being written). */
const shippedTemplates = templateNames.filter((name) => existsSync(templatePath(name)));

function schemaComment(text: string): string | undefined {
  return /^# yaml-language-server: \$schema=(.+)$/m.exec(text)?.[1];
}

describe("init", () => {
  it.each(shippedTemplates)(
    'tells the user to edit the numbers the %s template marks, with the words it marks them with (it said "assumed" for solo, team and enterprise, which say "our assumption")',
    async (template) => {
      const target = join(temp.path, "case.yaml");
      const { stderr } = await runCliCaptured(["init", "--template", template, "-o", target]);
      const mark = /next: edit the numbers marked "([^"]+)"/.exec(stderr)?.[1];
      expect(mark).toBeDefined();
      const notes = readFileSync(target, "utf8")
        .split("\n")
        .filter((line) => /note:/.test(line));
      // Most of the template's notes carry the mark: it is what the user looks for.
      expect(notes.filter((line) => line.includes(mark!)).length).toBeGreaterThanOrEqual(5);
    },
  );

  it.each(shippedTemplates)(
    "points the %s template's reader to a section that exists, in the file named (they sent readers to a README section that is in docs/scenario-file.md)",
    (template) => {
      const text = readFileSync(templatePath(template), "utf8");
      const references = [...text.matchAll(/(README|docs\/[a-z-]+\.md): "([^"]+)"/g)];
      if (template !== "seed") expect(references.length).toBeGreaterThan(0);
      for (const [, file, section] of references) {
        const doc = readFileSync(resolve(dirname(schemaPath), "..", file === "README" ? "README.md" : file!), "utf8");
        expect(doc.split("\n"), `${template}: ${file}: "${section}"`).toContain(`## ${section}`);
      }
    },
  );

  it("has at least the seed template", () => {
    expect(shippedTemplates).toContain("seed");
  });

  it.each(shippedTemplates)("writes the %s template as a commented file that validates", async (template) => {
    const target = join(temp.path, "case.yaml");
    const { exitCode, stdout, stderr } = await runCliCaptured(["init", "--template", template, "-o", target]);
    expect(exitCode).toBe(0);
    expect(stdout).toBe("");
    expect(stderr).toContain(`wrote ${target} from the ${template} template`);
    expect(stderr).toContain(`mlops-roi run ${target}`);
    const text = readFileSync(target, "utf8");
    expect(text).toMatch(/^# /m);
    expect(validateScenarioText(text).issues.filter((issue) => issue.severity === "error")).toEqual([]);
    // The editor's schema comment points at a copy of the schema beside the case, which a colleague
    // who clones the case's repository has too (no path into the tool's own folder).
    const comment = schemaComment(text);
    expect(comment).toBe("./mlops-roi.schema.json");
    expect(readFileSync(resolve(dirname(target), comment!), "utf8")).toBe(readFileSync(schemaPath, "utf8"));
    expect(stderr).toContain(`wrote ${join(temp.path, "mlops-roi.schema.json")}`);
  });

  it("keeps a different schema already beside the case unless --force, and says so", async () => {
    const target = join(temp.path, "case.yaml");
    const schema = join(temp.path, "mlops-roi.schema.json");
    writeFileSync(schema, '{"older": true}\n');
    const kept = await runCliCaptured(["init", "-o", target]);
    expect(kept.exitCode).toBe(0);
    expect(kept.stderr).toContain(`kept the existing ${schema}, which differs from this version's schema`);
    expect(readFileSync(schema, "utf8")).toBe('{"older": true}\n');
    const forced = await runCliCaptured(["init", "-o", target, "--force"]);
    expect(forced.exitCode).toBe(0);
    expect(readFileSync(schema, "utf8")).toBe(readFileSync(schemaPath, "utf8"));
  });

  it("keeps a link where the schema goes that points at this version's schema (one schema shared between case folders)", async () => {
    const { symlinkSync } = await import("node:fs");
    const shared = join(temp.path, "shared.schema.json");
    expect((await runCliCaptured(["schema", "-o", shared])).exitCode).toBe(0);
    const cases = join(temp.path, "linked");
    mkdirSync(cases);
    symlinkSync(shared, join(cases, "mlops-roi.schema.json"));
    const made = await runCliCaptured(["init", "--template", "seed", "-o", join(cases, "c.yaml")]);
    expect(made.exitCode).toBe(0);
    expect(made.stderr).toContain(`kept ${join(cases, "mlops-roi.schema.json")}, this version's schema already`);
    expect(existsSync(join(cases, "c.yaml"))).toBe(true);
  });

  it("refuses a link where the schema goes, or where the default scenario.yaml goes, even with --force, and writes nothing through it", async () => {
    const { symlinkSync } = await import("node:fs");
    const elsewhere = join(temp.path, "elsewhere");
    mkdirSync(elsewhere);
    const cases = join(temp.path, "cases");
    mkdirSync(cases);
    writeFileSync(join(elsewhere, "victim.txt"), "mine");
    symlinkSync(join(elsewhere, "victim.txt"), join(cases, "mlops-roi.schema.json"));
    const target = join(cases, "case.yaml");
    const side = await runCliCaptured(["init", "--template", "team", "-o", target, "--force"]);
    expect(side.stderr).toBe(
      `error: ${join(cases, "mlops-roi.schema.json")} is a symbolic link (to ${join(elsewhere, "victim.txt")}), and the schema init puts beside the case is not written through a link no option named; nothing was written: remove the link, or write the case elsewhere\n`,
    );
    expect(side.exitCode).toBe(1);
    expect(readFileSync(join(elsewhere, "victim.txt"), "utf8")).toBe("mine");
    expect(existsSync(target)).toBe(false);
    // The default case name, scenario.yaml in the current folder, as a link: refused; named with -o, written through.
    const previous = process.cwd();
    process.chdir(elsewhere);
    try {
      writeFileSync("v2.txt", "mine too");
      symlinkSync("v2.txt", "scenario.yaml");
      const unnamed = await runCliCaptured(["init", "--force"]);
      expect(unnamed.stderr).toBe(
        "error: scenario.yaml is a symbolic link (to v2.txt), and init's default scenario.yaml is not written through a link no option named; nothing was written: give -o scenario.yaml to write through it, or remove the link\n",
      );
      expect(unnamed.exitCode).toBe(1);
      expect(readFileSync("v2.txt", "utf8")).toBe("mine too");
      const named = await runCliCaptured(["init", "-o", "scenario.yaml", "--force"]);
      expect(named.exitCode).toBe(0);
      expect(readFileSync("v2.txt", "utf8")).toContain("title:");
    } finally {
      process.chdir(previous);
    }
  });

  it("refuses, before writing the case, a folder, a pipe or a broken link where the schema goes, and a case named as the schema", async () => {
    const target = join(temp.path, "case.yaml");
    const schema = join(temp.path, "mlops-roi.schema.json");
    const { execFileSync } = await import("node:child_process");
    const { rmSync, symlinkSync } = await import("node:fs");
    for (const [make, problem] of [
      [() => mkdirSync(schema), "it is a folder"],
      [() => execFileSync("mkfifo", [schema]), "it is not a plain file (a device, pipe or socket)"],
      [() => symlinkSync("nowhere.json", schema), "it is a link to nowhere.json, which does not exist"],
    ] as const) {
      make();
      const { exitCode, stderr } = await runCliCaptured(["init", "-o", target]);
      expect(stderr).toBe(
        `error: cannot write ${schema}, the schema init puts beside the case: ${problem}; nothing was written (move it away, or write the case elsewhere)\n`,
      );
      expect(exitCode).toBe(1);
      expect(existsSync(target)).toBe(false);
      rmSync(schema, { recursive: true });
    }
    const named = await runCliCaptured(["init", "-o", schema]);
    expect(named.exitCode).toBe(2);
    expect(named.stderr).toContain("that is the name of the schema init writes beside the case");
    expect(readdirSync(temp.path)).toEqual([]);
  });

  it("leaves a read-only copy of this version's schema as it is, and writes the case (it wrote the case, then failed on the schema)", async () => {
    const schema = join(temp.path, "mlops-roi.schema.json");
    writeFileSync(schema, readFileSync(schemaPath));
    chmodSync(schema, 0o444);
    const target = join(temp.path, "case.yaml");
    const { exitCode, stderr } = await runCliCaptured(["init", "-o", target]);
    expect(stderr).toContain(`kept ${schema}, this version's schema already\n`);
    expect(exitCode).toBe(0);
    expect(existsSync(target)).toBe(true);
    expect(readdirSync(temp.path).sort()).toEqual(["case.yaml", "mlops-roi.schema.json"]);
  });

  it("with --force, refuses before writing the case a different schema that is read-only, or whose .bak is", async () => {
    const schema = join(temp.path, "mlops-roi.schema.json");
    const target = join(temp.path, "case.yaml");
    writeFileSync(schema, '{"older": true}\n');
    chmodSync(schema, 0o444);
    const readOnly = await runCliCaptured(["init", "-o", target, "--force"]);
    expect(readOnly.stderr).toBe(
      `error: ${schema} is read-only and is left as it is: make it writable (chmod u+w ${schema}) and run again, or write the case elsewhere\n`,
    );
    expect(readOnly.exitCode).toBe(1);
    expect(readdirSync(temp.path)).toEqual(["mlops-roi.schema.json"]);
    chmodSync(schema, 0o644);
    writeFileSync(`${schema}.bak`, '{"kept": true}\n');
    chmodSync(`${schema}.bak`, 0o444);
    const backup = await runCliCaptured(["init", "-o", target, "--force"]);
    expect(backup.stderr).toBe(
      `error: ${schema}.bak is read-only and is left as it is, so ${schema} is not replaced either (its previous version would be kept as mlops-roi.schema.json.bak): make it writable (chmod u+w ${schema}.bak) or move it away, and run again, or write the case elsewhere\n`,
    );
    expect(backup.exitCode).toBe(1);
    expect(readdirSync(temp.path).sort()).toEqual(["mlops-roi.schema.json", "mlops-roi.schema.json.bak"]);
    expect(readFileSync(schema, "utf8")).toBe('{"older": true}\n');
    expect(readFileSync(`${schema}.bak`, "utf8")).toBe('{"kept": true}\n');
  });

  it("with --force, refuses before writing the case a different schema whose .bak is a folder (it replaced the case, then said nothing was written)", async () => {
    const schema = join(temp.path, "mlops-roi.schema.json");
    const target = join(temp.path, "case.yaml");
    writeFileSync(target, "my own work\n");
    writeFileSync(schema, '{"older": true}\n');
    mkdirSync(`${schema}.bak`);
    const { exitCode, stderr } = await runCliCaptured(["init", "--template", "team", "-o", target, "--force"]);
    expect(stderr).toBe(`error: cannot write ${schema}: ${schema}.bak is a folder, so the old file cannot be kept there; nothing was written\n`);
    expect(exitCode).toBe(1);
    expect(readFileSync(target, "utf8")).toBe("my own work\n");
    expect(readFileSync(schema, "utf8")).toBe('{"older": true}\n');
    expect(readdirSync(temp.path).sort()).toEqual(["case.yaml", "mlops-roi.schema.json", "mlops-roi.schema.json.bak"]);
  });

  it("suggests a next command that can be pasted into a shell as it is, for a name with a space", async () => {
    // It printed "then run: mlops-roi run my case.yaml", which the shell reads as two files.
    mkdirSync(join(temp.path, "sp ace"));
    const spaced = join(temp.path, "sp ace", "my case.yaml");
    const first = await runCliCaptured(["init", "-o", spaced]);
    expect(first.exitCode).toBe(0);
    expect(first.stderr).toContain(`then run: mlops-roi run '${spaced}'\n`);
  });

  it("refuses to overwrite without --force, and keeps a .bak with --force", async () => {
    const target = join(temp.path, "case.yaml");
    writeFileSync(target, "my own work\n");
    const refused = await runCliCaptured(["init", "-o", target]);
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toContain(`${target} already exists; use --force to replace it`);
    expect(readFileSync(target, "utf8")).toBe("my own work\n");
    expect(existsSync(`${target}.bak`)).toBe(false);

    const forced = await runCliCaptured(["init", "-o", target, "--force"]);
    expect(forced.exitCode).toBe(0);
    expect(forced.stderr).toContain(`previous version kept as ${target}.bak`);
    expect(readFileSync(`${target}.bak`, "utf8")).toBe("my own work\n");
    expect(readFileSync(target, "utf8")).toContain("title: One data scientist, three releases a year");
  });

  it("prints the template with -o -, writing no file", async () => {
    const { exitCode, stdout, stderr } = await runCliCaptured(["init", "-o", "-"]);
    expect(exitCode).toBe(0);
    // The schema the first line points at is not written with -o -: stderr says how to get it, stdout is the case alone.
    expect(stderr).toBe(
      "printed the seed template; its first line points editors at ./mlops-roi.schema.json, a copy of the schema beside the case that -o - does not write: in the case's folder, run mlops-roi schema -o mlops-roi.schema.json\n",
    );
    expect(stdout).toContain("title:");
    expect(schemaComment(stdout)).toBeDefined();
    expect(validateScenarioText(stdout).compiled).toBeDefined();
  });

  it("-o naming a folder is wrong usage (exit 2), as for export: it says to give a file name and writes nothing", async () => {
    const folder = join(temp.path, "cases");
    mkdirSync(folder);
    const run = await runCliCaptured(["init", "-o", folder]);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain(`-o ${folder} is a folder; give the file to write, e.g. -o ${join(folder, "scenario.yaml")}`);
    expect(readdirSync(folder)).toEqual([]);
    const missing = `${join(temp.path, "new")}/`;
    const slashed = await runCliCaptured(["init", "-o", missing]);
    expect(slashed.exitCode).toBe(2);
    expect(slashed.stderr).toContain(`-o ${missing} is a folder; give the file to write, e.g. -o ${missing}scenario.yaml`);
    expect(existsSync(missing)).toBe(false);
    expect((await runCliCaptured(["export", templatePath("seed"), "-o", folder])).exitCode).toBe(2);
  });

  it("creates missing folders for the output", async () => {
    const target = join(temp.path, "cases", "2025", "case.yaml");
    const { exitCode } = await runCliCaptured(["init", "-o", target]);
    expect(exitCode).toBe(0);
    expect(existsSync(target)).toBe(true);
  });
});

import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeTempFolder } from "../../test-support/fixtures.js";
import { runCliCaptured, stackTraceLine } from "../../test-support/run-cli.js";
import { edited } from "../../workbook/test-support/edit-workbook.js";
import { templatePath } from "../../shared/package-files.js";

let temp: ReturnType<typeof makeTempFolder>;
let workbook: string;
beforeEach(async () => {
  temp = makeTempFolder();
  workbook = join(temp.path, "case.xlsx");
  expect((await runCliCaptured(["export", templatePath("seed"), "-o", workbook])).exitCode).toBe(0);
});
afterEach(() => temp.remove());

describe("import", () => {
  it("prints the scenario file when nothing changed, and says so", async () => {
    const { exitCode, stdout, stderr } = await runCliCaptured(["import", workbook]);
    expect(exitCode).toBe(0);
    expect(stdout).toBe(readFileSync(templatePath("seed"), "utf8"));
    expect(stderr).toMatch(/no input changed/);
  });

  it("prints a file with Windows line endings as it is, so that it can be written back with >", async () => {
    const crlf = join(temp.path, "crlf.yaml");
    writeFileSync(crlf, readFileSync(templatePath("seed"), "utf8").replaceAll("\n", "\r\n"));
    const book = join(temp.path, "crlf.xlsx");
    expect((await runCliCaptured(["export", crlf, "-o", book])).exitCode).toBe(0);
    const { exitCode, stdout } = await runCliCaptured(["import", book]);
    expect(exitCode).toBe(0);
    expect(stdout).toBe(readFileSync(crlf, "utf8"));
  });

  it("keeps a JSON scenario file JSON, indented as it was, when it merges a workbook into it", async () => {
    const json = join(temp.path, "case.json");
    const { parse } = await import("yaml");
    const original = `${JSON.stringify(parse(readFileSync(templatePath("seed"), "utf8")), null, 4)}\n`;
    writeFileSync(json, original);
    const book = join(temp.path, "json.xlsx");
    expect((await runCliCaptured(["export", json, "-o", book])).exitCode).toBe(0);
    // A bare number turned into a range: a map where a number was, which YAML's style writes {low: 1, high: 3}.
    writeFileSync(
      book,
      await edited(new Uint8Array(readFileSync(book)), (_workbook, cell) => {
        cell("defaults.team.people", "low").value = 1;
        cell("defaults.team.people", "high").value = 3;
      }),
    );
    const { exitCode } = await runCliCaptured(["import", book, "-o", json, "--force"]);
    expect(exitCode).toBe(0);
    const written = readFileSync(json, "utf8");
    expect(JSON.parse(written).defaults.team.people).toEqual({ low: 1, high: 3 });
    expect(written).toBe(original.replace('"people": 1,', '"people": {\n                "low": 1,\n                "high": 3\n            },'));
  });

  it("writes the edited file with -o and lists what changed", async () => {
    writeFileSync(
      workbook,
      await edited(new Uint8Array(readFileSync(workbook)), (_workbook, cell) => void (cell("defaults.team.hoursPerMonth", "likely").value = 110)),
    );
    const target = join(temp.path, "case.yaml");
    const { exitCode, stderr } = await runCliCaptured(["import", workbook, "-o", target]);
    expect(exitCode).toBe(0);
    expect(stderr).toContain("1 input changed:\n  defaults.team.hoursPerMonth: 120 → 110\n");
    expect(readFileSync(target, "utf8")).toContain("      value: 110\n      note: project hours a month");
    const run = await runCliCaptured(["run", target]);
    expect(run.exitCode).toBe(0);
  });

  it("names the workbook, sheet and cell of every problem, exits 1 and writes nothing", async () => {
    writeFileSync(
      workbook,
      await edited(
        new Uint8Array(readFileSync(workbook)),
        (_workbook, cell) => void (cell("defaults.projects.upkeepHoursPerMonth", "likely").value = "thirty"),
      ),
    );
    const target = join(temp.path, "case.yaml");
    const { exitCode, stdout, stderr } = await runCliCaptured(["import", workbook, "-o", target]);
    expect(exitCode).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toContain(`${workbook}: Assumptions!C15: defaults.projects.upkeepHoursPerMonth: "thirty" is text; expected a number: hours, a number ≥ 0\n`);
    expect(stderr).toContain("1 problem; nothing was written");
    expect(stderr).not.toMatch(stackTraceLine);
    expect(existsSync(target)).toBe(false);
  });

  it("refuses to replace a scenario file without --force", async () => {
    const target = join(temp.path, "case.yaml");
    writeFileSync(target, "mine");
    const { exitCode, stderr } = await runCliCaptured(["import", workbook, "-o", target]);
    expect(exitCode).toBe(1);
    expect(stderr).toMatch(/already exists; use --force/);
    expect(readFileSync(target, "utf8")).toBe("mine");
  });

  it("says a file that already holds the same bytes is unchanged, not that it wrote it, and keeps no backup", async () => {
    const target = join(temp.path, "case.yaml");
    writeFileSync(target, readFileSync(templatePath("seed")));
    const { exitCode, stderr } = await runCliCaptured(["import", workbook, "-o", target, "--force"]);
    expect(exitCode).toBe(0);
    expect(stderr).toBe(
      `no input changed: the scenario file is as it was exported\n${target} is unchanged (the same bytes): nothing written, no backup made\n`,
    );
    expect(existsSync(`${target}.bak`)).toBe(false);
  });

  it("refuses to write a scenario file under a name that says another kind of file (out.xlsx), exit 2, writing nothing", async () => {
    const target = join(temp.path, "out.xlsx");
    const { exitCode, stderr } = await runCliCaptured(["import", workbook, "-o", target]);
    expect(stderr).toBe(`error: -o ${target}: a scenario file's name must end in .yaml, .yml or .json, e.g. -o ${join(temp.path, "out.yaml")}\n`);
    expect(exitCode).toBe(2);
    expect(existsSync(target)).toBe(false);
    expect((await runCliCaptured(["import", workbook, "-o", join(temp.path, "case.json")])).exitCode).toBe(0);
  });

  it("explains a missing file", async () => {
    const { exitCode, stderr } = await runCliCaptured(["import", join(temp.path, "none.xlsx")]);
    expect(exitCode).toBe(1);
    expect(stderr).toMatch(/no such file \(make one with `mlops-roi export/);
  });
});

describe("import of an older workbook into a file edited since the export", () => {
  const seedText = (): string => readFileSync(templatePath("seed"), "utf8");

  it("keeps the file's newer edits and writes only the inputs the workbook changed", async () => {
    writeFileSync(
      workbook,
      await edited(new Uint8Array(readFileSync(workbook)), (_workbook, cell) => void (cell("defaults.team.hoursPerMonth", "likely").value = 110)),
    );
    const target = join(temp.path, "case.yaml");
    const newer = seedText().replace("title: ", "# edited after the export\ntitle: ").replace("      value: 60\n", "      value: 65\n");
    expect(newer).not.toBe(seedText());
    writeFileSync(target, newer);
    const { exitCode, stderr } = await runCliCaptured(["import", workbook, "-o", target, "--force"]);
    expect(exitCode).toBe(0);
    expect(stderr).toContain("1 input changed:\n  defaults.team.hoursPerMonth: 120 → 110\n");
    expect(readFileSync(target, "utf8")).toBe(newer.replace("      value: 120\n", "      value: 110\n"));
  });

  it("an input changed in both is a conflict: exit 1, its three values named, nothing written", async () => {
    writeFileSync(
      workbook,
      await edited(new Uint8Array(readFileSync(workbook)), (_workbook, cell) => void (cell("defaults.team.hoursPerMonth", "likely").value = 110)),
    );
    const target = join(temp.path, "case.yaml");
    const newer = seedText().replace("      value: 120\n", "      value: 130\n");
    writeFileSync(target, newer);
    const { exitCode, stderr } = await runCliCaptured(["import", workbook, "-o", target, "--force"]);
    expect(exitCode).toBe(1);
    expect(stderr).toContain(
      "defaults.team.hoursPerMonth changed in both the scenario file and the workbook since the export: exported 120, the file has 130, the workbook 110",
    );
    expect(stderr).toContain("nothing was written");
    expect(readFileSync(target, "utf8")).toBe(newer);
    expect(existsSync(`${target}.bak`)).toBe(false);
  });

  it("names a conflict over a number and its note in words, not as JSON", async () => {
    writeFileSync(
      workbook,
      await edited(new Uint8Array(readFileSync(workbook)), (_workbook, cell) => {
        cell("defaults.team.hoursPerMonth", "likely").value = 110;
        cell("defaults.team.hoursPerMonth", "note").value = "from the time sheets";
      }),
    );
    const target = join(temp.path, "case.yaml");
    const newer = seedText().replace("      value: 120\n      note: project hours", "      value: 130\n      note: our guess; project hours");
    writeFileSync(target, newer);
    const { exitCode, stderr } = await runCliCaptured(["import", workbook, "-o", target, "--force"]);
    expect(exitCode).toBe(1);
    expect(stderr).toMatch(
      /exported 120, note: "project hours[^"]*", the file has 130, note: "our guess; project hours[^"]*", the workbook 110, note: "from the time sheets"/,
    );
    expect(stderr).not.toContain('{"value"');
  });

  it("the same change in both is no conflict", async () => {
    writeFileSync(
      workbook,
      await edited(new Uint8Array(readFileSync(workbook)), (_workbook, cell) => void (cell("defaults.team.hoursPerMonth", "likely").value = 110)),
    );
    const target = join(temp.path, "case.yaml");
    const newer = seedText().replace("      value: 120\n", "      value: 110\n");
    writeFileSync(target, newer);
    const { exitCode } = await runCliCaptured(["import", workbook, "-o", target, "--force"]);
    expect(exitCode).toBe(0);
    expect(readFileSync(target, "utf8")).toBe(newer);
  });
});

describe("import into a file it cannot merge into", () => {
  const withEdit = async () =>
    writeFileSync(
      workbook,
      await edited(new Uint8Array(readFileSync(workbook)), (_workbook, cell) => void (cell("defaults.team.hoursPerMonth", "likely").value = 110)),
    );

  for (const [kind, text, place, start] of [
    [
      "a YAML syntax error",
      "title: mine\nscenarios:\n  today: [1\n  later: 2\n",
      ":4:3: ",
      "Flow sequence in block collection must be sufficiently indented and end with a ]: the file does not parse as YAML",
    ],
    ["nothing in it", "", ":1:1: ", "the file is empty (or holds only comments)"],
    ["a list, not a map", "- title\n- scenarios\n", ":1:1: ", "the file is not a scenario file"],
  ] as const) {
    it(`refuses a file with ${kind}, naming its line and column, and leaves it and its backup as they were`, async () => {
      await withEdit();
      const target = join(temp.path, "case.yaml");
      writeFileSync(target, text);
      writeFileSync(`${target}.bak`, "older");
      const { exitCode, stdout, stderr } = await runCliCaptured(["import", workbook, "-o", target, "--force"]);
      expect(stderr).toMatch(
        new RegExp(
          `^error: ${escapeRegExp(target + place + start)}.*; it is not replaced, so the edits made to it since the export stay, and nothing was written: fix it and import again, or import to a new file \\(-o new\\.yaml\\)\n$`,
        ),
      );
      expect(exitCode).toBe(1);
      expect(stdout).toBe("");
      expect(readFileSync(target, "utf8")).toBe(text);
      expect(readFileSync(`${target}.bak`, "utf8")).toBe("older");
    });
  }

  it("refuses to merge a workbook into another case, saying which case the workbook holds", async () => {
    await withEdit();
    const target = join(temp.path, "solo.yaml");
    const solo = readFileSync(templatePath("solo"), "utf8");
    writeFileSync(target, solo);
    const { exitCode, stderr } = await runCliCaptured(["import", workbook, "-o", target, "--force"]);
    expect(stderr).toBe(
      `error: ${target}: this is not the case the workbook was exported from: the workbook holds "One data scientist, three releases a year" (scenarios "current", "optimal", "compromise"), ` +
        `the file "A solo data scientist asks for a managed setup" (scenarios "today", "managed", "essentials"), so merging would write one case's inputs into another; nothing was written. ` +
        "Import to a new file (-o new.yaml) to get the workbook's case, or give -o the file the workbook was exported from\n",
    );
    expect(exitCode).toBe(1);
    expect(readFileSync(target, "utf8")).toBe(solo);
    expect(existsSync(`${target}.bak`)).toBe(false);
  });

  it("merges into the same case whose title, or whose options, were edited since the export, keeping that edit", async () => {
    await withEdit();
    const exported = readFileSync(templatePath("seed"), "utf8");
    // A new title alone; then an option added alone (a new scenario name): the same case, edited.
    const retitled = exported.replace(/^title: .*$/m, "title: Our own title since the export");
    const withOption = `${exported.trimEnd()}\n  extra:\n    label: An option added since the export\n`;
    for (const edited of [retitled, withOption]) {
      const target = join(temp.path, "edited.yaml");
      writeFileSync(target, edited);
      const { exitCode, stderr } = await runCliCaptured(["import", workbook, "-o", target, "--force"]);
      expect(stderr).not.toContain("this is not the case the workbook was exported from");
      expect({ exitCode, stderr }).toMatchObject({ exitCode: 0 });
      const merged = readFileSync(target, "utf8");
      expect(merged).not.toBe(edited);
      expect(merged.includes("Our own title since the export")).toBe(edited === retitled);
      expect(merged.includes("An option added since the export")).toBe(edited === withOption);
    }
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

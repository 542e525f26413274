import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { parseDocument } from "yaml";
import { buildResult, MAX_SCENARIOS, quantityKind, validateScenarioText } from "../engine/index.js";
import { sheetNames } from "./sheet-names.js";
import { importWorkbook, type WorkbookImport } from "./import-workbook.js";
import { loadCase, workbookCases } from "./test-support/cases.js";
import { assumptionColumn, assumptionRow, edited, exportedCase } from "./test-support/edit-workbook.js";
import { exportWorkbook } from "./export-workbook.js";
import { replaceParts, UNPACKED_LIMITS } from "./zip-parts.js";

function textOf(outcome: WorkbookImport): string {
  if (!outcome.ok) throw new Error(`import failed: ${outcome.problems.map((problem) => `${problem.cell}: ${problem.message}`).join("\n")}`);
  return outcome.text;
}

function problemsOf(outcome: WorkbookImport): string[] {
  if (outcome.ok) throw new Error("import succeeded where it should have failed");
  return outcome.problems.map((problem) => `${problem.cell ?? ""}: ${problem.message}`);
}

/** Sets the unpacked size a ZIP file's directory declares for one part (as a zip bomb may, to hide its size). */
function declareSize(zip: Uint8Array, part: string, size: number): void {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const name = new TextEncoder().encode(part);
  for (let at = zip.length - 46; at >= 0; at--) {
    if (view.getUint32(at, true) !== 0x02014b50 || view.getUint16(at + 28, true) !== name.length) continue;
    if (!zip.subarray(at + 46, at + 46 + name.length).every((byte, index) => byte === name[index])) continue;
    view.setUint32(at + 24, size, true);
    view.setUint32(view.getUint32(at + 42, true) + 22, size, true);
    return;
  }
  throw new Error(`test setup: no part ${part}`);
}

function npvOf(text: string, alternative: string): number {
  const validation = validateScenarioText(text);
  if (!validation.compiled) throw new Error(validation.issues.map((issue) => issue.message).join("; "));
  return buildResult(validation.compiled).comparisons[alternative]!.npv;
}

describe("export then import gives the scenario file back", () => {
  for (const { name, path } of workbookCases()) {
    it(`${name}: the same text, byte for byte`, async () => {
      const source = loadCase(path);
      const outcome = await importWorkbook(await exportWorkbook(source));
      expect(outcome.ok && outcome.changes).toEqual([]);
      expect(textOf(outcome)).toBe(source.text);
    });
  }
});

describe("import writes the workbook's changes into the file", () => {
  it("a changed number: only that number changes, comments stay, the engine sees it", async () => {
    const { bytes, text } = await exportedCase("seed.yaml");
    const outcome = await importWorkbook(
      await edited(bytes, (_workbook, cell) => void (cell("scenarios.optimal.projects.upkeepHoursPerMonth", "likely").value = 15)),
    );
    const imported = textOf(outcome);
    expect(outcome.ok && outcome.changes).toEqual([{ input: "scenarios.optimal.projects.upkeepHoursPerMonth", description: "11 → 15" }]);
    expect(imported).toBe(
      text.replace(
        "      upkeepHoursPerMonth: 11\n    tooling:\n      licences:\n        flatPerYear",
        "      upkeepHoursPerMonth: 15\n    tooling:\n      licences:\n        flatPerYear",
      ),
    );
    expect(imported).toContain("# The seed's sheet");
    expect(npvOf(imported, "optimal")).toBeLessThan(npvOf(text, "optimal"));
  });

  it("notes: added to a bare number, changed, removed", async () => {
    const { bytes } = await exportedCase("seed.yaml");
    const imported = textOf(
      await importWorkbook(
        await edited(bytes, (_workbook, cell) => {
          cell("scenarios.compromise.projects.upkeepHoursPerMonth", "note").value = "from the vendor's pilot";
          cell("defaults.team.people", "note").value = "just me";
          cell("discountRate", "note").value = null;
        }),
      ),
    );
    const file = validateScenarioText(imported).file!;
    expect(file.scenarios.compromise!.projects!.upkeepHoursPerMonth).toEqual({ value: 11, note: "from the vendor's pilot" });
    expect(file.defaults!.team!.people).toEqual({ value: 1, note: "just me" });
    expect(file.discountRate).toEqual({ value: 0.08 });
  });

  it("ranges: new ends, a number turned into a range, a range turned into a number", async () => {
    const { bytes } = await exportedCase("seed-uncertain.yaml");
    const outcome = await importWorkbook(
      await edited(bytes, (_workbook, cell) => {
        cell("defaults.projects.upkeepHoursPerMonth", "low").value = 20;
        cell("defaults.team.hoursPerMonth", "low").value = 100;
        cell("defaults.team.hoursPerMonth", "high").value = 140;
        cell("defaults.projects.valuePerMonth", "low").value = null;
        cell("defaults.projects.valuePerMonth", "high").value = null;
        cell("defaults.projects.valuePerMonth", "likely").value = 2600;
      }),
    );
    const file = validateScenarioText(textOf(outcome)).file!;
    expect(file.defaults!.projects!.upkeepHoursPerMonth).toMatchObject({ low: 20, high: 35 });
    expect(file.defaults!.team!.hoursPerMonth).toMatchObject({ low: 100, high: 140 });
    expect(file.defaults!.projects!.valuePerMonth).toEqual({ value: 2600, note: "assumed; what one live model saves the business a month" });
    expect(outcome.ok && outcome.changes.map((change) => change.input)).toEqual([
      "defaults.team.hoursPerMonth",
      "defaults.projects.upkeepHoursPerMonth",
      "defaults.projects.valuePerMonth",
    ]);
  });

  it("a built-in value of the catalogue, once changed, is written under catalogue:", async () => {
    const { bytes } = await exportedCase("solo.yaml");
    const workbook = await edited(bytes, (_workbook, cell) => void (cell("catalogue.experimentTracking.setupHours", "likely").value = 50));
    const imported = textOf(await importWorkbook(workbook));
    const validation = validateScenarioText(imported);
    expect(validation.issues.filter((issue) => issue.severity === "error")).toEqual([]);
    const leaf = validation.compiled!.leaves.find((candidate) => candidate.name === "catalogue.experimentTracking.setupHours")!;
    expect(leaf).toMatchObject({ value: 50 });
    expect(leaf.builtIn).toBeUndefined();
  });
});

describe("a broken workbook gets a clear message naming the sheet, the cell and the input, and no text", () => {
  it("text in a number cell", async () => {
    const { bytes } = await exportedCase("seed.yaml");
    const workbook = await edited(bytes, (_workbook, cell) => void (cell("defaults.projects.upkeepHoursPerMonth", "likely").value = "thirty"));
    expect(problemsOf(await importWorkbook(workbook))).toEqual([
      `Assumptions!C15: defaults.projects.upkeepHoursPerMonth: "thirty" is text; expected a number: hours, a number ≥ 0`,
    ]);
  });

  it("a date typed into a number cell is refused with the date, not imported as its serial number (120 → 45658)", async () => {
    const { bytes } = await exportedCase("seed.yaml");
    // As a spreadsheet stores a typed date: its serial number (45658 is 2025-01-01), shown through a date format.
    const typed = await edited(bytes, (_workbook, cell) => {
      const likely = cell("defaults.team.hoursPerMonth", "likely");
      likely.value = 45658;
      // A format of its own: the cells share a style object.
      likely.style = { ...likely.style, numFmt: "DD/MM/YYYY" };
    });
    expect(problemsOf(await importWorkbook(typed))).toEqual([
      "Assumptions!C12: defaults.team.hoursPerMonth holds the date 2025-01-01; expected a number: hours a month, a number > 0 and at most 744 (24 hours × 31 days)",
    ]);
    // A date written by a program into the cell keeps the cell's number format: the file holds the plain number
    // 45658, which no month has as one person's hours (it was imported, "120 → 45658", exit 0).
    const written = await edited(bytes, (_workbook, cell) => void (cell("defaults.team.hoursPerMonth", "likely").value = new Date(Date.UTC(2025, 0, 1))));
    expect(problemsOf(await importWorkbook(written))).toEqual([
      "Assumptions!C12: defaults.team.hoursPerMonth.value is 45658; allowed: hours a month, a number > 0 and at most 744 (24 hours × 31 days)",
    ]);
  });

  it('a note of 2 MB is refused at its cell, not as the whole file being too large ("(top level): the file is 2.0 MB")', async () => {
    const { bytes } = await exportedCase("seed.yaml");
    const workbook = await edited(bytes, (_workbook, cell) => void (cell("defaults.team.hourlyCost", "note").value = "x".repeat(2_000_000)));
    const [problem, ...rest] = problemsOf(await importWorkbook(workbook));
    expect(rest).toEqual([]);
    expect(problem).toMatch(/^Assumptions!H\d+: defaults\.team\.hourlyCost: the note is 2,000,000 characters; allowed: a note of at most 4,000 characters$/);
  });

  it("an empty number cell is said without a stray colon after the input's name", async () => {
    const { bytes } = await exportedCase("seed.yaml");
    const workbook = await edited(bytes, (_workbook, cell) => void (cell("defaults.team.hoursPerMonth", "likely").value = null));
    expect(problemsOf(await importWorkbook(workbook))[0]).toMatch(/^Assumptions!C\d+: defaults\.team\.hoursPerMonth is empty; expected a number: /);
  });

  it("a formula where an input belongs", async () => {
    const { bytes } = await exportedCase("seed.yaml");
    const workbook = await edited(bytes, (_workbook, cell) => void (cell("defaults.team.people", "likely").value = { formula: "C9*2", result: 2 } as never));
    const [problem, ...rest] = problemsOf(await importWorkbook(workbook));
    expect(rest).toEqual([]);
    expect(problem).toMatch(/^Assumptions!C\d+: defaults\.team\.people holds a formula \(=C9\*2\); expected a number: .*replace the formula by the number$/);
  });

  it("a value the scenario file does not allow, at its cell", async () => {
    const { bytes } = await exportedCase("seed.yaml");
    const workbook = await edited(bytes, (_workbook, cell) => void (cell("freedHoursCaptureShare", "likely").value = 1.5));
    expect(problemsOf(await importWorkbook(workbook))).toEqual([
      "Assumptions!C8: freedHoursCaptureShare.value is 1.5; allowed: a share between 0 and 1 (0.25 means 25%)",
    ]);
  });

  it("unknown rows: a number on a row that is no input, an input the case does not have, a row twice", async () => {
    const { bytes } = await exportedCase("seed.yaml");
    const workbook = await edited(bytes, (workbook) => {
      const sheet = workbook.getWorksheet(sheetNames.assumptions)!;
      const path = assumptionColumn(sheet, "path");
      const likely = assumptionColumn(sheet, "likely");
      const last = sheet.rowCount;
      sheet.getCell(last + 1, 1).value = "Extra cost";
      sheet.getCell(last + 1, likely).value = 500;
      sheet.getCell(last + 2, likely).value = 7;
      sheet.getCell(last + 2, path).value = "scenarios.optimal.projects.bonus";
      sheet.getCell(last + 3, likely).value = 1;
      sheet.getCell(last + 3, path).value = "defaults.team.people";
    });
    const problems = problemsOf(await importWorkbook(workbook));
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^Assumptions!C\d+: this row is not an input of the scenario file/);
    expect(problems[1]).toMatch(/^Assumptions!I\d+: "scenarios.optimal.projects.bonus" is not an input of this case/);
    expect(problems[2]).toMatch(/^Assumptions!I\d+: defaults.team.people is on row \d+ too; keep one row per input$/);
  });

  it("text pasted over a row's path is named in one line, not echoed whole", async () => {
    const { bytes } = await exportedCase("seed.yaml");
    const pasted = `defaults.team.people ${"x".repeat(100_000)}`;
    const workbook = await edited(bytes, (workbook) => {
      const sheet = workbook.getWorksheet(sheetNames.assumptions)!;
      sheet.getCell(assumptionRow(sheet, "defaults.team.people"), assumptionColumn(sheet, "path")).value = pasted;
    });
    const problems = problemsOf(await importWorkbook(workbook));
    expect(problems[0]).toMatch(/^Assumptions!I\d+: "defaults\.team\.people x+\.\.\." \(100,021 characters\) is not an input of this case;/);
    expect(problems[0]!.length).toBeLessThan(400);
  });

  it("a deleted row", async () => {
    const { bytes } = await exportedCase("seed.yaml");
    const workbook = await edited(bytes, (workbook) => {
      const sheet = workbook.getWorksheet(sheetNames.assumptions)!;
      sheet.spliceRows(assumptionRow(sheet, "defaults.team.hourlyCost"), 1);
    });
    expect(problemsOf(await importWorkbook(workbook))).toEqual([
      "Assumptions: the row for defaults.team.hourlyCost is missing (deleted?); put it back, or export the scenario file again",
    ]);
  });

  it("a range whose Low is above its High, named at the Low cell", async () => {
    const { bytes } = await exportedCase("seed.yaml");
    const workbook = await edited(bytes, (workbook) => {
      const sheet = workbook.getWorksheet(sheetNames.assumptions)!;
      const row = assumptionRow(sheet, "defaults.projects.upkeepHoursPerMonth");
      sheet.getCell(row, assumptionColumn(sheet, "low")).value = 40;
      sheet.getCell(row, assumptionColumn(sheet, "high")).value = 10;
    });
    expect(problemsOf(await importWorkbook(workbook))).toEqual([
      expect.stringMatching(/^Assumptions!B\d+: defaults\.projects\.upkeepHoursPerMonth: Low is 40 but High is 10; allowed: Low ≤ High \(swap them\?\)$/),
    ]);
  });

  it("a range with one end", async () => {
    const { bytes } = await exportedCase("seed.yaml");
    const workbook = await edited(bytes, (_workbook, cell) => void (cell("defaults.team.hourlyCost", "low").value = 50));
    const problems = problemsOf(await importWorkbook(workbook));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^Assumptions!D\d+: defaults\.team\.hourlyCost: High is empty but Low is 50: give both ends of the range, or clear both for a single number$/,
    );
  });

  it("a distribution changed in the workbook", async () => {
    const { bytes } = await exportedCase("edge-cases.yaml");
    const workbook = await edited(bytes, (_workbook, cell) => void (cell("scenarios.capped.projects.upkeepHoursPerMonth", "high").value = 30));
    const problems = problemsOf(await importWorkbook(workbook));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^Assumptions!D\d+: scenarios\.capped\.projects\.upkeepHoursPerMonth: this input is a range given as PERT: min 6, mode 9, max 15; it cannot be changed in the workbook/,
    );
  });

  it("a missing sheet", async () => {
    const { bytes } = await exportedCase("seed.yaml");
    const withoutAssumptions = await edited(bytes, (workbook) => workbook.removeWorksheet(workbook.getWorksheet(sheetNames.assumptions)!.id));
    expect(problemsOf(await importWorkbook(withoutAssumptions))).toEqual([
      ': the sheet "Assumptions" is missing; it holds the inputs to import (was it deleted or renamed?)',
    ]);
    const withoutCase = await edited(bytes, (workbook) => workbook.removeWorksheet(workbook.getWorksheet(sheetNames.caseFile)!.id));
    expect(problemsOf(await importWorkbook(withoutCase))[0]).toMatch(/the hidden sheet "Case" is missing/);
  });

  describe("a zip bomb: a small file whose sheet unpacks into 300 MB of zeros", () => {
    const sheet = "xl/worksheets/sheet1.xml";
    const megabyte = "0".repeat(1 << 20);
    /** The seed's workbook with one sheet swapped for 300 MB of zeros, compressed (by the project's own ZIP code) into a few hundred KB. */
    async function bomb(): Promise<Uint8Array> {
      const { bytes } = await exportedCase("seed.yaml");
      const zeros = function* () {
        for (let piece = 0; piece < 300; piece++) yield megabyte;
      };
      const packed = await replaceParts(bytes, new Map([[sheet, zeros]]));
      expect(packed.length).toBeLessThan(1_000_000);
      return packed;
    }

    /** Bytes that came out of the platform's inflater while `work` ran (the import's own unpacking; the spreadsheet library never gets to unpack). */
    async function inflatedDuring(work: () => Promise<void>): Promise<number> {
      let inflated = 0;
      const Platform = globalThis.DecompressionStream;
      class Counted {
        readonly writable: WritableStream<Uint8Array>;
        readonly readable: ReadableStream<Uint8Array>;
        constructor(format: ConstructorParameters<typeof DecompressionStream>[0]) {
          const inner = new Platform(format);
          this.writable = inner.writable;
          this.readable = inner.readable.pipeThrough(
            new TransformStream<Uint8Array, Uint8Array>({
              transform(chunk, controller) {
                inflated += chunk.byteLength;
                controller.enqueue(chunk);
              },
            }),
          );
        }
      }
      vi.stubGlobal("DecompressionStream", Counted);
      try {
        await work();
      } finally {
        vi.unstubAllGlobals();
      }
      return inflated;
    }

    it("is refused by the size its ZIP directory declares, naming the part and the limit, before anything is unpacked", async () => {
      const packed = await bomb();
      let problems: string[] = [];
      const inflated = await inflatedDuring(async () => void (problems = problemsOf(await importWorkbook(packed))));
      expect(problems).toEqual([
        `: a part of the workbook, ${sheet}, unpacks into 315 MB, beyond the limit of ${UNPACKED_LIMITS.part / 1_000_000} MB for one part (an export of the largest valid case, 50 scenarios over 240 months, stays below it); nothing was unpacked`,
      ]);
      expect(inflated).toBe(0);
    });

    it("that lies about its size in the ZIP directory is stopped as soon as it unpacks past what it declares", async () => {
      const packed = await bomb();
      declareSize(packed, sheet, 1024);
      let problems: string[] = [];
      const inflated = await inflatedDuring(async () => void (problems = problemsOf(await importWorkbook(packed))));
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(
        new RegExp(
          `^: a part of the workbook, ${sheet.replace(/\./g, "\\.")}, unpacks into more than the 1024 bytes its ZIP directory declares, the most it may take \\(unpacking stopped after [0-9.]+ [KM]B\\): the file is damaged, or made to exhaust memory$`,
        ),
      );
      // A few MB at most went through the inflater (a piece's worth past the 1 KB declared), not 300.
      expect(inflated).toBeGreaterThan(1024);
      expect(inflated).toBeLessThan(5_000_000);
    });
  });

  it("an export of the largest valid case (50 scenarios over 240 months) is not taken for one: it imports unchanged (its Simulation sheet unpacks into about 129 MB, and a limit of 100 MB refused it)", async () => {
    // The bundled template with the most in each scenario-month, grown to as many scenarios and months as validation allows.
    const document = parseDocument(readFileSync(join(import.meta.dirname, "..", "..", "examples", "enterprise.yaml"), "utf8"));
    document.set("horizonMonths", quantityKind("horizon").max);
    const scenarios = document.toJS().scenarios as Record<string, unknown>;
    const names = Object.keys(scenarios);
    for (let index = names.length; index < MAX_SCENARIOS; index++) document.setIn(["scenarios", `option${index}`], scenarios[names[index % names.length]!]);
    const text = document.toString();
    const validation = validateScenarioText(text);
    expect(validation.compiled?.scenarios).toHaveLength(MAX_SCENARIOS);
    const outcome = await importWorkbook(await exportWorkbook({ text, file: validation.file, compiled: validation.compiled! }));
    expect(outcome.ok && outcome.changes).toEqual([]);
    expect(textOf(outcome)).toBe(text);
  }, 300_000);

  describe("the size check reads every ZIP the spreadsheet library reads", () => {
    /** The bytes with junk in front, as the spreadsheet library (JSZip) still reads them, moving every offset. */
    const prefixed = (bytes: Uint8Array) => Uint8Array.from([...new TextEncoder().encode("#!junk in front of the ZIP data\n"), ...bytes]);

    it("a zip bomb with bytes in front of it is refused as the plain one is", async () => {
      const { bytes } = await exportedCase("seed.yaml");
      const zeros = function* () {
        for (let piece = 0; piece < 250; piece++) yield "0".repeat(1 << 20);
      };
      const packed = prefixed(await replaceParts(bytes, new Map([["xl/worksheets/sheet1.xml", zeros]])));
      expect(problemsOf(await importWorkbook(packed))).toEqual([
        `: a part of the workbook, xl/worksheets/sheet1.xml, unpacks into 262 MB, beyond the limit of ${UNPACKED_LIMITS.part / 1_000_000} MB for one part (an export of the largest valid case, 50 scenarios over 240 months, stays below it); nothing was unpacked`,
      ]);
    });

    it("an honest workbook with bytes in front, or written as ZIP64 (by zip -fz), still imports unchanged", async () => {
      const { bytes, text } = await exportedCase("seed.yaml");
      expect(textOf(await importWorkbook(prefixed(bytes)))).toBe(text);
      // Repacked by Info-ZIP with ZIP64 records forced: sizes and offsets in the ZIP64 extra fields.
      const folder = mkdtempSync(join(tmpdir(), "zip64-"));
      try {
        const unpacked = join(folder, "parts");
        mkdirSync(unpacked);
        writeFileSync(join(folder, "in.xlsx"), bytes);
        execFileSync("unzip", ["-q", join(folder, "in.xlsx"), "-d", unpacked]);
        execFileSync("zip", ["-q", "-r", "-fz", join(folder, "out.xlsx"), "."], { cwd: unpacked });
        const zip64 = new Uint8Array(readFileSync(join(folder, "out.xlsx")));
        expect(new DataView(zip64.buffer).getUint32(zip64.length - 22 - 20, true)).toBe(0x07064b50);
        expect(textOf(await importWorkbook(zip64))).toBe(text);
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    });

    it("a ZIP whose directory is damaged is refused before anything is unpacked", async () => {
      const { bytes } = await exportedCase("seed.yaml");
      const damaged = bytes.slice();
      const view = new DataView(damaged.buffer);
      // The end record's offset of the central directory, pointed past the file's end.
      view.setUint32(damaged.length - 22 + 16, damaged.length + 100, true);
      expect(problemsOf(await importWorkbook(damaged))[0]).toMatch(
        /the workbook's ZIP directory cannot be read \(.+\), so what its parts unpack into cannot be checked; nothing was unpacked$/,
      );
    });
  });

  it("a file that is no workbook", async () => {
    expect(problemsOf(await importWorkbook(new TextEncoder().encode("title: a scenario file, not a workbook\n")))[0]).toMatch(
      /is not an Excel workbook \(\.xlsx\)/,
    );
  });
});

describe("a problem of the file merged into", () => {
  it("is that file's, at its line, not the workbook's (it said \"after the workbook's changes, defaults.team.hourlyCsot: …\")", async () => {
    const { bytes, text } = await exportedCase("seed.yaml");
    const current = text.replace("    hourlyCost:", "    hourlyCsot:");
    const outcome = await importWorkbook(bytes, current);
    if (outcome.ok) throw new Error("import succeeded where it should have failed");
    expect(outcome.problems).toEqual([
      {
        message: 'unknown field "hourlyCsot" in defaults.team; did you mean "hourlyCost"? Allowed: note, people, hoursPerMonth, hourlyCost, salary',
        inScenarioFile: { line: current.split("\n").findIndex((line) => line.startsWith("    hourlyCsot:")) + 1, column: 5 },
      },
    ]);
  });
});

describe("the hidden copy of the scenario file is checked, not trusted", () => {
  /** Changes the title line of the hidden Case sheet, as someone editing the workbook by hand could. */
  async function withRetitledCase(bytes: Uint8Array, digest?: "remove"): Promise<Uint8Array> {
    return edited(bytes, (workbook) => {
      const sheet = workbook.getWorksheet(sheetNames.caseFile)!;
      let found = false;
      sheet.eachRow((row) => {
        const value = row.getCell(1).value;
        if (typeof value === "string" && value.startsWith("title:")) {
          row.getCell(1).value = "title: Someone else's case";
          found = true;
        }
      });
      if (!found) throw new Error("no title line on the Case sheet");
      if (digest === "remove") sheet.getCell(5, 2).value = null;
    });
  }

  it("an untouched workbook imports with no notice", async () => {
    const { bytes } = await exportedCase("seed.yaml");
    const outcome = await importWorkbook(bytes);
    expect(outcome.ok && outcome.notices).toEqual([]);
  });

  it("a copy changed after the export is refused when it would become the file", async () => {
    const { bytes } = await exportedCase("seed.yaml");
    const problems = problemsOf(await importWorkbook(await withRetitledCase(bytes)));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^Case: the hidden copy of the scenario file was changed after the export .* title, labels or scenarios would be written/);
  });

  it("merged into the user's file, only the inputs are taken from it, and the user is told", async () => {
    const { bytes, text } = await exportedCase("seed.yaml");
    const tampered = await withRetitledCase(
      await edited(bytes, (_workbook, cell) => void (cell("scenarios.optimal.projects.upkeepHoursPerMonth", "likely").value = 15)),
    );
    const current = text.replace("title: One data scientist, three releases a year", "title: One data scientist (my edit)");
    const outcome = await importWorkbook(tampered, current);
    const merged = textOf(outcome);
    expect(merged).toContain("title: One data scientist (my edit)");
    expect(merged).not.toContain("Someone else's case");
    expect(merged).toBe(current.replace("      upkeepHoursPerMonth: 11\n    tooling:", "      upkeepHoursPerMonth: 15\n    tooling:"));
    expect(outcome.ok && outcome.notices).toEqual([expect.stringMatching(/hidden copy .* was changed after the export; only the inputs/)]);
  });

  it("a number the file has since tagged (!!float 60) is the same number in the merge, not a conflict with the workbook's change", async () => {
    const { bytes, text } = await exportedCase("seed.yaml");
    const workbook = await edited(bytes, (_workbook, cell) => void (cell("defaults.team.hourlyCost", "likely").value = 70));
    const hourly = "    hourlyCost:\n      value: 60\n";
    expect(text).toContain(hourly);
    const current = text.replace(hourly, "    hourlyCost:\n      value: !!float 60\n");
    expect(textOf(await importWorkbook(workbook, current))).toBe(current.replace("value: !!float 60", "value: !!float 70"));
  });

  it("a workbook without the digest (an earlier version's) imports, saying its copy could not be checked", async () => {
    const { bytes } = await exportedCase("seed.yaml");
    const outcome = await importWorkbook(await withRetitledCase(bytes, "remove"));
    expect(textOf(outcome)).toContain("title: Someone else's case");
    expect(outcome.ok && outcome.notices).toEqual([expect.stringMatching(/did not record a digest .* cannot be detected/)]);
  });
});

describe("import of a file that repeats a part of itself (a YAML anchor and its aliases)", () => {
  // defaults.team is marked &team and repeated by scenarios.other.team: the workbook shows both apart.
  const text = [
    "title: Shared team",
    "currency: EUR",
    "horizonMonths: 24",
    "discountRate: 0.08",
    "baseline: today",
    "defaults:",
    "  team: &team",
    "    people: 4",
    "    hoursPerMonth: 120",
    "    hourlyCost: 60",
    "  projects:",
    "    alreadyLive: 2",
    "    upkeepHoursPerMonth: 30",
    "    valuePerMonth: 2500",
    "  releases: { mode: schedule, months: [3, 9] }",
    "scenarios:",
    "  today: {}",
    "  other:",
    "    team: *team",
    "    projects:",
    "      upkeepHoursPerMonth: 12",
    "",
  ].join("\n");
  const exported = async () => {
    const validation = validateScenarioText(text);
    return exportWorkbook({ text, file: validation.file, compiled: validation.compiled! });
  };

  it("refuses an edit inside the anchored part, which would change the repeat too, naming both, and writes nothing", async () => {
    const outcome = await importWorkbook(await edited(await exported(), (_workbook, cell) => void (cell("defaults.team.people", "likely").value = 6)));
    const [problem] = problemsOf(outcome);
    expect(problem).toMatch(
      /^Assumptions!C\d+: defaults\.team\.people is inside defaults\.team, marked &team, which the file repeats at scenarios\.other\.team \(\*team\)/,
    );
    expect(problem).toContain("write scenarios.other.team out in full in the file, and export again");
  });

  it("refuses an edit of a value reached through the alias with a clear message, not an internal error", async () => {
    const outcome = await importWorkbook(await edited(await exported(), (_workbook, cell) => void (cell("scenarios.other.team.people", "likely").value = 6)));
    expect(problemsOf(outcome)[0]).toMatch(
      /^Assumptions!C\d+: scenarios\.other\.team\.people is written in the file as scenarios\.other\.team: \*team, a repeat of the part marked &team/,
    );
  });

  it("takes an edit elsewhere in such a file, changing only that line", async () => {
    const outcome = await importWorkbook(
      await edited(await exported(), (_workbook, cell) => void (cell("scenarios.other.projects.upkeepHoursPerMonth", "likely").value = 10)),
    );
    expect(textOf(outcome)).toBe(text.replace("      upkeepHoursPerMonth: 12", "      upkeepHoursPerMonth: 10"));
  });
});

describe("a number typed over a range's Likely", () => {
  it("is refused, naming the cell, since Likely is worked out from Low and High (it was silently dropped)", async () => {
    const { bytes } = await exportedCase("seed-uncertain.yaml");
    const outcome = await importWorkbook(await edited(bytes, (_workbook, cell) => void (cell("defaults.projects.valuePerMonth", "likely").value = 3000)));
    expect(problemsOf(outcome)[0]).toMatch(
      /^Assumptions!C\d+: defaults\.projects\.valuePerMonth: Likely of a range is worked out from Low and High, so the 3000 typed over it would not be used: change Low and High, or clear both and type the single number here$/,
    );
  });

  it("is not needed when a single number becomes a range: Low and High are enough", async () => {
    const { bytes } = await exportedCase("seed.yaml");
    const outcome = await importWorkbook(
      await edited(bytes, (_workbook, cell) => {
        cell("defaults.team.hourlyCost", "low").value = 50;
        cell("defaults.team.hourlyCost", "high").value = 70;
      }),
    );
    expect(outcome.ok && outcome.changes.map((change) => change.input)).toEqual(["defaults.team.hourlyCost"]);
  });
});

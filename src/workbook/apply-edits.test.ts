import { describe, expect, it } from "vitest";
import { lineDiff } from "../test-support/line-diff.js";
import { importWorkbook } from "./import-workbook.js";
import { edited, exportedCase } from "./test-support/edit-workbook.js";

describe("import touches only the lines of the inputs the workbook changed", () => {
  it('enterprise.yaml: three changed inputs in { value: N, note: "…" } maps give a three-line diff', async () => {
    const { bytes, text } = await exportedCase("enterprise.yaml");
    const outcome = await importWorkbook(
      await edited(bytes, (_workbook, cell) => {
        cell("defaults.projects.upkeepHoursPerMonth", "likely").value = 17;
        cell("catalogue.governance.setupHours", "likely").value = 650;
        cell("defaults.team.people", "note").value = "data scientists, data engineers and one analyst";
      }),
    );
    if (!outcome.ok) throw new Error(outcome.problems.map((problem) => problem.message).join("; "));
    expect(outcome.changes.map((change) => change.input).sort()).toEqual([
      "catalogue.governance.setupHours",
      "defaults.projects.upkeepHoursPerMonth",
      "defaults.team.people",
    ]);
    expect(lineDiff(text, outcome.text)).toEqual({
      removed: [
        '    setupHours: { value: 600, note: "our assumption: integrating with the model risk process" }',
        "    people: { value: 20, note: data scientists and data engineers }",
        '    upkeepHoursPerMonth: { value: 16, note: "our assumption, about half the reference case\'s 30 (seed.yaml): re-training, re-validation and fixes per live model, with shared tooling" }',
      ],
      added: [
        '    setupHours: { value: 650, note: "our assumption: integrating with the model risk process" }',
        // A comma inside a flow map needs quotes; nothing else is quoted.
        '    people: { value: 20, note: "data scientists, data engineers and one analyst" }',
        '    upkeepHoursPerMonth: { value: 17, note: "our assumption, about half the reference case\'s 30 (seed.yaml): re-training, re-validation and fixes per live model, with shared tooling" }',
      ],
    });
  });

  it("close-call.yaml: a range's end in a flow map and a note in a block map change one line each", async () => {
    const { bytes, text } = await exportedCase("close-call.yaml");
    const outcome = await importWorkbook(
      await edited(bytes, (_workbook, cell) => {
        cell("scenarios.optimal.projects.upkeepHoursPerMonth", "high").value = 14;
        cell("discountRate", "note").value = "the company's usual annual rate";
      }),
    );
    if (!outcome.ok) throw new Error(outcome.problems.map((problem) => problem.message).join("; "));
    expect(lineDiff(text, outcome.text)).toEqual({
      removed: [
        "  note: assumed; the company's usual annual rate for projects",
        "      upkeepHoursPerMonth: { low: 4, high: 12, note: with scheduled re-training and monitoring }",
      ],
      added: ["  note: the company's usual annual rate", "      upkeepHoursPerMonth: { low: 4, high: 14, note: with scheduled re-training and monitoring }"],
    });
  });
});

import { describe, expect, it } from "vitest";
import { changesNothingResults } from "../../test-support/changes-nothing-case.js";
import { renderRunReport } from "./run-report.js";

describe("run's tables for an option that changes nothing", () => {
  it("give no payback, no payback range and no chance of one, where they said “from the start”", () => {
    const text = renderRunReport(changesNothingResults().sampled);
    const rows = text.split("\n").filter((line) => line.startsWith("  New option"));
    // The first table, the other conventions, DORA's, and how sure we are.
    expect(rows.length).toBeGreaterThanOrEqual(4);
    expect(rows[0]).toMatch(/nothing to pay back/);
    expect(rows.join("\n")).not.toMatch(/from the start|0\.00|over 99%/);
    const sure = rows.find((row) => /€0 +€0 +nothing to pay back/.test(row));
    expect(sure).toMatch(/nothing to pay back +n\/a/);
    // Another option keeps its month.
    expect(text).toMatch(/Better tools \(tools\) .* month \d+/);
  });
});

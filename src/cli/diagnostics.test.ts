import { describe, expect, it } from "vitest";
import type { Issue } from "../engine/index.js";
import { countSummary, formatIssues } from "./diagnostics.js";

function issue(
  line: number,
  column: number,
  message = "defaults.team.people is -1; allowed: a number of people > 0",
  severity: Issue["severity"] = "error",
): Issue {
  return { path: [], code: "too_small", message, severity, line, column };
}

describe("formatIssues", () => {
  it("writes file:line:col, the source line and a caret under the column", () => {
    const text = "title: x\nteam:\n  people: -1\n";
    expect(formatIssues("case.yaml", text, [issue(3, 11)])).toBe(
      ["case.yaml:3:11: error: defaults.team.people is -1; allowed: a number of people > 0", " 3 |   people: -1", "   |           ^"].join("\n"),
    );
  });

  it("widens the gutter for long files and reads CRLF line ends", () => {
    const text = `${"# line\r\n".repeat(11)}people: -1\r\n`;
    expect(
      formatIssues("case.yaml", text, [issue(12, 9)])
        .split("\n")
        .slice(1),
    ).toEqual([" 12 | people: -1", "    |         ^"]);
  });

  it("keeps tabs under the caret so it lines up", () => {
    const output = formatIssues("case.yaml", "a:\n\tb: x\n", [issue(2, 5)]);
    expect(output.split("\n")[2]).toBe("   | \t   ^");
  });

  it("shows a window of a very long line (minified JSON)", () => {
    const line = `{"title":"x",${'"pad":0,'.repeat(100)}"people":-1}`;
    const column = line.indexOf("-1") + 1;
    const [, source, caret] = formatIssues("case.json", line, [issue(1, column)]).split("\n");
    expect(source!.length).toBeLessThan(140);
    expect(source).toContain('"people":-1');
    expect(source!.slice(caret!.indexOf("^"), caret!.indexOf("^") + 2)).toBe("-1");
  });

  it("shows no snippet for an empty line or a binary file", () => {
    expect(formatIssues("case.yaml", "", [issue(1, 1, "the file is empty")])).toBe("case.yaml:1:1: error: the file is empty");
    const binary: Issue = { path: [], code: "not_text", message: "binary", severity: "error", line: 1, column: 1 };
    expect(formatIssues("x.yaml", "\u0000\u0001", [binary])).toBe("x.yaml:1:1: error: binary");
  });

  it("never prints control characters from the file", () => {
    const output = formatIssues("case.yaml", "title: \u001b[31mred\n", [issue(1, 8)]);
    expect(output).not.toContain("\u001b");
  });
});

describe("countSummary", () => {
  it("counts errors and warnings in words", () => {
    expect(countSummary([issue(1, 1)])).toBe("1 error");
    expect(countSummary([issue(1, 1), issue(2, 1), issue(3, 1, "m", "warning")])).toBe("2 errors, 1 warning");
  });

  it("groups the digits of a large count, as the line counting the problems not shown does ('60000 errors' stood beside '59,800 errors more')", () => {
    const more: Issue = {
      ...issue(9, 1, "59,800 errors more after line 9, not shown; fix these first"),
      code: "more_issues",
      more: { errors: 59_800, warnings: 1_200 },
    };
    expect(countSummary([...Array.from({ length: 200 }, (_, at) => issue(at + 1, 1)), more])).toBe("60,000 errors, 1,200 warnings");
  });
});

import { describe, expect, it } from "vitest";
import { problemWithLine } from "./source-line.js";

describe("problemWithLine", () => {
  it("gives the line, the column and the line's text, for a reader shown no file", () => {
    const text = "title: x\ndefaults:\n  team: [1\n";
    expect(problemWithLine(text, { line: 3, column: 9, message: "syntax error: the list ..." })).toBe(
      "line 3, column 9: syntax error: the list ...; line 3 reads: team: [1",
    );
  });

  it("cuts a long line around the column and shows control characters as replacement characters", () => {
    const long = `{"a": "${"x".repeat(300)}", "b": [1}`;
    const said = problemWithLine(long, { line: 1, column: 310, message: "m" });
    expect(said).toMatch(/^line 1, column 310: m; line 1 reads: \.\.\.x+", "b": \[1}$/);
    expect(problemWithLine("a: \u001b[31m\n", { line: 1, column: 1, message: "m" })).toBe("line 1, column 1: m; line 1 reads: a: \ufffd[31m");
  });

  it("leaves out an empty line", () => {
    expect(problemWithLine("\n\n", { line: 2, column: 1, message: "m" })).toBe("line 2, column 1: m");
  });
});

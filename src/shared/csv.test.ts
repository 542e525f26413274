import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { detectDelimiter, parseCsv } from "./csv.js";

describe("parseCsv", () => {
  it("reads quoted cells with delimiters, doubled quotes and line breaks, keeping each record's first line", () => {
    const text = 'month,note\r\n1,"plain"\r\n2,"a, b"\r\n3,"she said ""no"""\r\n4,"two\nlines"\r\n5,last\r\n';
    const { records, issues } = parseCsv(text);
    expect(issues).toEqual([]);
    expect(records.map((record) => record.cells)).toEqual([
      ["month", "note"],
      ["1", "plain"],
      ["2", "a, b"],
      ["3", 'she said "no"'],
      ["4", "two\nlines"],
      ["5", "last"],
    ]);
    expect(records.map((record) => record.line)).toEqual([1, 2, 3, 4, 5, 7]);
  });

  it("accepts LF, CRLF and a missing final line break alike", () => {
    expect(parseCsv("a,b\n1,2").records.map((record) => record.cells)).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
    expect(parseCsv("a,b\r\n1,2\r\n").records.map((record) => record.cells)).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
  });

  it("keeps empty cells, including a trailing one", () => {
    expect(parseCsv("a,b,c\n1,,\n").records[1]?.cells).toEqual(["1", "", ""]);
  });

  it("reports a quote left open with the line it opens on, and reads nothing after it", () => {
    const { records, issues } = parseCsv('month,note\n1,ok\n2,"never closed\n3,x\n');
    expect(issues).toEqual([{ line: 3, message: expect.stringContaining("never closed") }]);
    expect(records.map((record) => record.line)).toEqual([1, 2]);
  });

  it("reports text after a closing quote and a stray quote inside a cell, and drops those records", () => {
    const { records, issues } = parseCsv('a,b\n1,"x"y\n2,ab"c\n3,ok\n');
    expect(issues.map((issue) => issue.line)).toEqual([2, 3]);
    expect(issues[0]?.message).toContain("after a closing quote");
    expect(issues[1]?.message).toContain("quote inside a cell");
    expect(records.map((record) => record.cells[0])).toEqual(["a", "3"]);
  });

  it("reads back whatever a correct writer writes (round trip)", () => {
    const cell = fc.string({ unit: fc.constantFrom("a", "b", ",", '"', "\n", "\r\n", " ", "é", ";"), maxLength: 8 });
    const quote = (value: string) => (/[",\r\n]/.test(value) || value === "" ? `"${value.replaceAll('"', '""')}"` : value);
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 6 }), (rows) => {
        const width = rows[0]!.length;
        const table = rows.map((row) => Array.from({ length: width }, (_, index) => row[index] ?? ""));
        const text = `${table.map((row) => row.map(quote).join(",")).join("\r\n")}\r\n`;
        const parsed = parseCsv(text);
        expect(parsed.issues).toEqual([]);
        expect(parsed.records.map((record) => record.cells)).toEqual(table);
      }),
      { seed: 20250101, numRuns: 300 },
    );
  });
});

describe("detectDelimiter", () => {
  it("picks the most frequent delimiter of the header line, ignoring quoted text", () => {
    expect(detectDelimiter("month;upkeepHours;note\n1;2;x")).toBe(";");
    expect(detectDelimiter("month\tupkeepHours\n")).toBe("\t");
    expect(detectDelimiter('"a;b;c",month,upkeepHours\n')).toBe(",");
    expect(detectDelimiter("month\n1\n")).toBe(",");
  });
});

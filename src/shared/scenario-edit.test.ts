import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { packageRoot } from "./package-files.js";
import { lineDiff } from "../test-support/line-diff.js";
import { editScenarioText, replaceScenarioData } from "./scenario-edit.js";

const example = (name: string): string => readFileSync(join(packageRoot, "examples", name), "utf8");

describe("editScenarioText", () => {
  it("splices a new number into a flow map, keeping its padding and the comment after it", () => {
    const text = "a: { value: 1, note: x } # mine\nb: {c: 2}\n";
    expect(editScenarioText(text, [{ path: ["a", "value"], value: 3 }])).toBe("a: { value: 3, note: x } # mine\nb: {c: 2}\n");
    expect(editScenarioText(text, [{ path: ["b", "c"], value: 4 }])).toBe("a: { value: 1, note: x } # mine\nb: {c: 4}\n");
  });

  it("changes a number written with an explicit !!float tag in place, as the number it is: no other line changes", () => {
    const text = "a:\n  value: !!float 60 # from finance\n  note: x\nmonths: [4, 7]\n";
    expect(editScenarioText(text, [{ path: ["a", "value"], value: 70 }])).toBe("a:\n  value: !!float 70 # from finance\n  note: x\nmonths: [4, 7]\n");
    expect(editScenarioText(text, [{ path: ["months", 1], value: 8 }])).toBe("a:\n  value: !!float 60 # from finance\n  note: x\nmonths: [4, 8]\n");
  });

  it("keeps a number's tag while the new value fits it, and drops one it no longer fits, so the file stays valid", () => {
    const text = "a:\n  value: !!int 7 # counted\n  note: x\nb: { value: !<tag:yaml.org,2002:int> 3 }\n";
    expect(editScenarioText(text, [{ path: ["a", "value"], value: 8 }])).toBe(
      "a:\n  value: !!int 8 # counted\n  note: x\nb: { value: !<tag:yaml.org,2002:int> 3 }\n",
    );
    expect(editScenarioText(text, [{ path: ["a", "value"], value: 2.5 }])).toBe(
      "a:\n  value: 2.5 # counted\n  note: x\nb: { value: !<tag:yaml.org,2002:int> 3 }\n",
    );
    expect(editScenarioText(text, [{ path: ["b", "value"], value: 0.5 }])).toBe("a:\n  value: !!int 7 # counted\n  note: x\nb: { value: 0.5 }\n");
    // Also where the file is written anew around the edits (a list item turned into a map cannot be spliced).
    const list = "a:\n  value: !!int 7\nlist:\n  - 1\n";
    expect(
      editScenarioText(list, [
        { path: ["list", 0], value: { x: 1 } },
        { path: ["a", "value"], value: 2.5 },
      ]),
    ).toBe("a:\n  value: 2.5\nlist:\n  - x: 1\n");
  });

  it("puts keys new to a map in the new value's order: { value, note } becoming { low, high, note } keeps the note last", () => {
    const block = "a:\n  value: 1\n  note: x # why\nb: 2\n";
    expect(editScenarioText(block, [{ path: ["a"], value: { low: 1, high: 3, note: "y" } }])).toBe("a:\n  low: 1\n  high: 3\n  note: y # why\nb: 2\n");
    const noteFirst = "a:\n  note: x\n  value: 1\n";
    expect(editScenarioText(noteFirst, [{ path: ["a"], value: { low: 1, high: 3, note: "x" } }])).toBe("a:\n  low: 1\n  high: 3\n  note: x\n");
    const flow = "a: { value: 1, note: x }\n";
    expect(editScenarioText(flow, [{ path: ["a"], value: { low: 1, high: 3, note: "x" } }])).toBe("a: { low: 1, high: 3, note: x }\n");
    // The new keys take the dropped key's place, under its comment; the note keeps its own comment.
    const commented = "a:\n  # about value\n  value: 1\n  # about the note\n  note: x\n";
    expect(editScenarioText(commented, [{ path: ["a"], value: { low: 1, high: 3, note: "x" } }])).toBe(
      "a:\n  # about value\n  low: 1\n  high: 3\n  # about the note\n  note: x\n",
    );
    // Where nothing is dropped, a new key goes above the comment of the key it comes before.
    const added = "a:\n  value: 1\n  # about the note\n  note: x\n";
    expect(editScenarioText(added, [{ path: ["a"], value: { value: 1, source: "s", note: "x" } }])).toBe(
      "a:\n  value: 1\n  source: s\n  # about the note\n  note: x\n",
    );
    // A key with nothing after it in the new value still goes last.
    expect(editScenarioText(block, [{ path: ["a"], value: { value: 1, note: "x", source: "s" } }])).toBe(
      "a:\n  value: 1\n  note: x # why\n  source: s\nb: 2\n",
    );
  });

  it("adds and removes keys in flow and block maps in the file's style", () => {
    const text = "a: { value: 1, note: x }\nc:\n    d: 1\n    e: [1, 2]\n";
    expect(editScenarioText(text, [{ path: ["a", "note"], delete: true }])).toBe("a: { value: 1 }\nc:\n    d: 1\n    e: [1, 2]\n");
    expect(editScenarioText(text, [{ path: ["a", "note"], value: "y, z" }])).toBe('a: { value: 1, note: "y, z" }\nc:\n    d: 1\n    e: [1, 2]\n');
    expect(editScenarioText(text, [{ path: ["c", "f"], value: { value: 2, note: "n" } }])).toBe(
      "a: { value: 1, note: x }\nc:\n    d: 1\n    e: [1, 2]\n    f: { value: 2, note: n }\n",
    );
    expect(editScenarioText(text, [{ path: ["c", "d"], delete: true }])).toBe("a: { value: 1, note: x }\nc:\n    e: [1, 2]\n");
    expect(editScenarioText(text, [{ path: ["x", "y"], value: { label: "L", list: ["p", "q"] } }])).toBe(
      `${text}x:\n    y:\n        label: L\n        list: [p, q]\n`,
    );
  });

  it("quotes only where a plain scalar would not read back, and keeps a quoted value's quotes", () => {
    const text = 'a: "quoted"\nb: plain\n';
    expect(editScenarioText(text, [{ path: ["a"], value: "new" }])).toBe('a: "new"\nb: plain\n');
    expect(editScenarioText(text, [{ path: ["b"], value: "still plain" }])).toBe('a: "quoted"\nb: still plain\n');
    expect(editScenarioText(text, [{ path: ["b"], value: "true" }])).toBe('a: "quoted"\nb: "true"\n');
    expect(editScenarioText(text, [{ path: ["b"], value: "a # b" }])).toBe('a: "quoted"\nb: "a # b"\n');
  });

  it("writes a key named __proto__ or constructor as a key: the other lines stay and no object of the process changes", () => {
    const text = "defaults:\n  months: [4, 7]\n  team:\n    people: 2\n";
    const edited = editScenarioText(text, [
      { path: ["defaults", "manualTasks", "__proto__", "minutesPerWeek"], value: { value: 31, note: "n" } },
      { path: ["defaults", "manualTasks", "__proto__", "per"], value: "person" },
      { path: ["defaults", "manualTasks", "constructor", "per"], value: "team" },
    ]);
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(({} as Record<string, unknown>).per).toBeUndefined();
    expect(edited).toBe(
      "defaults:\n  months: [4, 7]\n  team:\n    people: 2\n  manualTasks:\n    __proto__:\n      minutesPerWeek:\n        value: 31\n        note: n\n      per: person\n    constructor:\n      per: team\n",
    );
  });

  it("keeps a file's CRLF line endings, in the lines it changes and the ones it adds", () => {
    const text = "a:\r\n  b: 1\r\n  c:\r\n    d: 2\r\ne: { x: 1 }\r\n";
    expect(
      editScenarioText(text, [
        { path: ["a", "c"], value: 5 },
        { path: ["a", "f"], value: { g: [1], h: { i: 1 } } },
        { path: ["e", "y"], value: 2 },
      ]),
    ).toBe("a:\r\n  b: 1\r\n  c: 5\r\n  f:\r\n    g: [1]\r\n    h: { i: 1 }\r\ne: { x: 1, y: 2 }\r\n");
  });

  it("replaces a scenario in place: its old lines go, the others stay", () => {
    const text = example("seed.yaml");
    const scenario = { label: "What we ask for", description: "x", capabilities: ["scheduling"] };
    const edited = editScenarioText(text, [{ path: ["scenarios", "optimal"], value: scenario }]);
    expect(parse(edited).scenarios.optimal).toEqual(scenario);
    const diff = lineDiff(text, edited);
    expect(diff.added).toEqual(["    label: What we ask for", "    description: x", "    capabilities: [scheduling]"]);
    expect(diff.removed.every((line) => text.slice(text.indexOf("  optimal:"), text.indexOf("  compromise:")).includes(line))).toBe(true);
  });

  it("re-renders the whole file only for a shape it cannot splice, and the data is still right", () => {
    const text = "a:\n  only: 1\nb: 2\n";
    const edited = editScenarioText(text, [{ path: ["a", "only"], delete: true }]);
    expect(parse(edited)).toEqual({ a: {}, b: 2 });
  });

  it("the bundled examples: writing their own data back changes nothing", () => {
    for (const name of ["seed.yaml", "seed-uncertain.yaml", "close-call.yaml", "team.yaml", "enterprise.yaml", "solo.yaml"]) {
      const text = example(name);
      expect(replaceScenarioData(text, parse(text))).toBe(text);
    }
  });

  it('enterprise.yaml: three changed inputs in { value: N, note: "…" } maps change three lines', () => {
    const text = example("enterprise.yaml");
    const data = parse(text);
    data.defaults.projects.upkeepHoursPerMonth.value = 17;
    data.catalogue.governance.setupHours.note = "our assumption: measured in the pilot";
    data.defaults.projects.valuePerMonth.high = 13000;
    const edited = replaceScenarioData(text, data);
    expect(parse(edited)).toEqual(data);
    expect(lineDiff(text, edited)).toEqual({
      removed: [
        '    setupHours: { value: 600, note: "our assumption: integrating with the model risk process" }',
        '    upkeepHoursPerMonth: { value: 16, note: "our assumption, about half the reference case\'s 30 (seed.yaml): re-training, re-validation and fixes per live model, with shared tooling" }',
        '    valuePerMonth: { low: 5000, high: 12000, note: "our assumption: average monthly value of one live model" }',
      ],
      added: [
        '    setupHours: { value: 600, note: "our assumption: measured in the pilot" }',
        '    upkeepHoursPerMonth: { value: 17, note: "our assumption, about half the reference case\'s 30 (seed.yaml): re-training, re-validation and fixes per live model, with shared tooling" }',
        '    valuePerMonth: { low: 5000, high: 13000, note: "our assumption: average monthly value of one live model" }',
      ],
    });
  });
});

// The README: a tool editing the user's YAML changes only the lines the user's edit changed. The web
// app's Save sends the whole case as data (JSON: an alias's values arrive as a copy of their own), and
// an edit the splicing could not place wrote the whole file again, every flow list `[a, b]` as a block.
describe("replaceScenarioData with a top-level key new to the file", () => {
  it("puts it where the schema has it (discounting and riskAdjustment after discountRate), not after scenarios; no other line changes", () => {
    const text = example("team.yaml");
    // Set in the web app one after the other, each is added to the end of the data.
    const edited = replaceScenarioData(text, { ...parse(text), riskAdjustment: { benefits: 0.1, costs: 0.2 }, discounting: "yearEnd" });
    expect(lineDiff(text, edited)).toEqual({ removed: [], added: ["discounting: yearEnd", "riskAdjustment:", "  benefits: 0.1", "  costs: 0.2"] });
    const lines = edited.split("\n");
    // Right under discountRate's own lines, before freedHoursCaptureShare: it read "…\nscenarios: …\ndiscounting: yearEnd".
    expect(lines.slice(lines.indexOf("discountRate:") + 3, lines.indexOf("discountRate:") + 8)).toEqual([
      "discounting: yearEnd",
      "riskAdjustment:",
      "  benefits: 0.1",
      "  costs: 0.2",
      "freedHoursCaptureShare:",
    ]);
    expect(parse(edited)).toEqual({ ...parse(text), riskAdjustment: { benefits: 0.1, costs: 0.2 }, discounting: "yearEnd" });
  });

  it("goes above the comment lines over the key it comes before, which belong to that key", () => {
    const text = "title: x\ncurrency: EUR\nhorizonMonths: 12\ndiscountRate: 0.1\n# today\nbaseline: a\nscenarios:\n  a: {}\n";
    expect(replaceScenarioData(text, { ...parse(text), freedHoursCaptureShare: 0.4 })).toBe(
      "title: x\ncurrency: EUR\nhorizonMonths: 12\ndiscountRate: 0.1\nfreedHoursCaptureShare: 0.4\n# today\nbaseline: a\nscenarios:\n  a: {}\n",
    );
  });
});

describe("replaceScenarioData with anchors and aliases", () => {
  const text = [
    "defaults:",
    "  team: &team",
    "    people: { value: 4, note: the team }",
    "    hourlyCost: { value: 60 }",
    "scenarios:",
    "  today:",
    "    label: Today",
    "  open:",
    "    label: Open # ours",
    "    team: *team",
    "    capabilities: [scheduling, monitoring]",
    "",
  ].join("\n");
  /** The file's data as the page sends it: plain JSON, so an alias is a copy, not the anchored object. */
  const pageData = (): {
    defaults: { team: { people: { value: number }; hourlyCost: { value: number } } };
    scenarios: { open: { team: { people: { value: number } } } };
  } => JSON.parse(JSON.stringify(parse(text)));

  it("writes a value reached through an alias where the alias was, and changes no other line", () => {
    const data = pageData();
    data.scenarios.open.team.people.value = 9;
    const edited = replaceScenarioData(text, data);
    expect(parse(edited)).toEqual(data);
    expect(lineDiff(text, edited)).toEqual({
      removed: ["    team: *team"],
      added: ["    team:", "      people: { value: 9, note: the team }", "      hourlyCost: { value: 60 }"],
    });
  });

  it("changes a value inside an anchored part alone: the alias keeps the values it repeated, and no other line changes", () => {
    const data = pageData();
    data.defaults.team.hourlyCost.value = 70;
    const edited = replaceScenarioData(text, data);
    expect(parse(edited)).toEqual(data);
    expect(lineDiff(text, edited)).toEqual({
      removed: ["    hourlyCost: { value: 60 }", "    team: *team"],
      added: ["    hourlyCost: { value: 70 }", "    team:", "      people: { value: 4, note: the team }", "      hourlyCost: { value: 60 }"],
    });
  });

  it("an edit of a value reached through an alias (measure --write, a workbook's import) changes that place alone", () => {
    // The yaml library gives the alias the anchored object itself: the edit changed the anchored part
    // and every alias of it, and the whole file was written again (`[scheduling, monitoring]` re-spaced).
    const edited = editScenarioText(text, [{ path: ["scenarios", "open", "team", "people", "value"], value: 9 }]);
    const want = JSON.parse(JSON.stringify(parse(text))) as ReturnType<typeof pageData>;
    want.scenarios.open.team.people.value = 9;
    expect(parse(edited)).toEqual(want);
    expect(lineDiff(text, edited)).toEqual({
      removed: ["    team: *team"],
      added: ["    team:", "      people: { value: 9, note: the team }", "      hourlyCost: { value: 60 }"],
    });
  });

  it("writes out only the aliases of the anchor edited, not those of a later anchor of the same name", () => {
    // YAML lets a name be marked again (`&team` twice): an alias repeats the last part marked before it.
    const twice = ["first: &team", "  people: 4", "one: *team", "second: &team", "  people: 7", "two: *team", ""].join("\n");
    const data = JSON.parse(JSON.stringify(parse(twice))) as { first: { people: number } };
    data.first.people = 5;
    const edited = replaceScenarioData(twice, data);
    expect(parse(edited)).toEqual(data);
    expect(edited).toBe(["first: &team", "  people: 5", "one:", "  people: 4", "second: &team", "  people: 7", "two: *team", ""].join("\n"));
  });

  it("keeps every unchanged flow list and map as written when the file has to be written again around an edit", () => {
    const written = "a: {b: 1}\nmonths: [4, 7]\nlist:\n  - 1\n";
    const edited = editScenarioText(written, [{ path: ["list", 0], value: { x: 1 } }]);
    expect(edited).toBe("a: {b: 1}\nmonths: [4, 7]\nlist:\n  - x: 1\n");
  });
});

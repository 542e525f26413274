import { describe, expect, it } from "vitest";
import teamText from "../../../examples/team.yaml?raw";
import { parseScenarioSource } from "../../../src/engine/index.js";
import { setIn, type CaseData } from "../case/data-path.js";
import { evaluateCase } from "../case/evaluate.js";
import { FiguresBeforeEdit } from "./figures-before-edit.js";

const team = parseScenarioSource(teamText).data as CaseData;
const withPeople = (value: unknown) => evaluateCase(setIn(team, ["defaults", "team", "people", "value"], value));
const npvOf = (figures: FiguresBeforeEdit) => figures.shown()?.result?.comparisons.managed?.npv;

describe("the figures shown while a field is invalid", () => {
  it("are those of the case when the edit began, not of a half-typed value that was valid", () => {
    const figures = new FiguresBeforeEdit();
    const four = withPeople(4);
    figures.see(four);
    figures.start("People in the team: 4");
    // Typing 1e400 one key at a time: 1 (valid), 1e (a text), 1e4 (valid: 10,000 people), 1e40, 1e400 (infinite).
    for (const typed of [1, "1e", 1e4, 1e40, Number.POSITIVE_INFINITY]) figures.see(withPeople(typed));
    expect(figures.shown()).toBe(four);
    expect(figures.shownBefore()).toBe("People in the team: 4");
    // Between keys the valid ones are the figures (no error: nothing older is shown).
    const tenThousand = withPeople(1e4);
    figures.see(tenThousand);
    expect(figures.shown()).toBe(tenThousand);
    expect(figures.shownBefore()).toBeUndefined();
    expect(npvOf(figures)).not.toBe(four.result?.comparisons.managed?.npv);
  });

  it("keep the case before the first edit when the next field's edit begins in a case with an error", () => {
    const figures = new FiguresBeforeEdit();
    const four = withPeople(4);
    figures.see(four);
    figures.start("People in the team: 4");
    figures.see(withPeople(60));
    figures.see(withPeople("60,5"));
    figures.start("Hours a month per person: 120");
    expect(figures.shown()).toBe(four);
    expect(figures.shownBefore()).toBe("People in the team: 4");
  });

  it("with no edit begun, are the last without errors; after another case is opened, none", () => {
    const figures = new FiguresBeforeEdit();
    const four = withPeople(4);
    figures.see(four);
    figures.see(withPeople(-1));
    expect(figures.shown()).toBe(four);
    expect(figures.shownBefore()).toBeUndefined();
    figures.forget();
    figures.see(withPeople(-1));
    expect(figures.shown()).toBeUndefined();
  });
});

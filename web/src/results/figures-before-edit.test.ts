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

  it("are those of the case the edit began on, worked out then, when its own figures had not come yet (a large case, in the worker)", () => {
    const figures = new FiguresBeforeEdit(evaluateCase);
    const caseOf = (value: unknown) => setIn(team, ["defaults", "team", "people", "value"], value);
    const four = caseOf(4);
    figures.see(evaluateCase(four), four);
    // People set to 5; its figures are still on their way when the next field gets focus.
    const five = caseOf(5);
    figures.start("People in the team: 5", five);
    // That field's edit breaks the case before the figures of 5 have come (they never will: the edit cancelled them).
    const broken = caseOf(-1);
    figures.see(evaluateCase(broken), broken);
    expect(figures.shownBefore()).toBe("People in the team: 5");
    // The figures of 5, as the note says, not those of 4 still on screen when the edit began.
    expect(npvOf(figures)).toBe(evaluateCase(five).result?.comparisons.managed?.npv);
    expect(npvOf(figures)).not.toBe(evaluateCase(four).result?.comparisons.managed?.npv);
  });

  it("take the case's own figures when they come after the edit began, without working them out again", () => {
    let worked = 0;
    const figures = new FiguresBeforeEdit((data) => {
      worked++;
      return evaluateCase(data);
    });
    const five = setIn(team, ["defaults", "team", "people", "value"], 5);
    figures.start("People in the team: 5", five);
    const fiveFigures = evaluateCase(five);
    figures.see(fiveFigures, five);
    const broken = setIn(team, ["defaults", "team", "people", "value"], -1);
    figures.see(evaluateCase(broken), broken);
    expect(figures.shown()).toBe(fiveFigures);
    expect(worked).toBe(0);
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

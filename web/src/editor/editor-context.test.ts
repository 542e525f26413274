import { describe, expect, it } from "vitest";
import { setIn } from "../case/data-path.js";
import { CaseStore, fieldId, issuesAt } from "./editor-context.js";

describe("CaseStore", () => {
  it("tells every follower of a change, once, and none of a change to the same case", () => {
    const store = new CaseStore();
    const heard: string[] = [];
    const stopA = store.subscribe(() => heard.push("a"));
    store.subscribe(() => heard.push("b"));
    const first = { horizonMonths: 36 };
    store.set(first);
    expect(store.get()).toBe(first);
    expect(heard).toEqual(["a", "b"]);
    store.set(first);
    expect(heard).toEqual(["a", "b"]);
    stopA();
    store.set((current) => setIn(current, ["horizonMonths"], 48));
    expect(store.get()).toEqual({ horizonMonths: 48 });
    expect(heard).toEqual(["a", "b", "b"]);
  });

  it("works the next case out from the current one, and an edit keeps the parts it does not touch", () => {
    const store = new CaseStore();
    const scenarios = { today: { team: { people: 3 } }, better: { team: { people: 4 } } };
    store.set({ scenarios });
    store.set((current) => setIn(current, ["scenarios", "better", "team", "people"], 5));
    const next = store.get() as { scenarios: typeof scenarios };
    // What an input of "today" follows is the same object: it is not drawn again.
    expect(next.scenarios.today).toBe(scenarios.today);
    expect(next.scenarios.better.team.people).toBe(5);
  });
});

describe("fieldId and issuesAt", () => {
  it("gives a DOM id for any path and finds the issues at or inside a path", () => {
    expect(fieldId(["scenarios", "a b", "team", "people"])).toBe("f-scenarios--a-20-b--team--people");
    const issue = { path: ["scenarios", "a", "team", "people", "low"], code: "too_small", message: "", severity: "error" as const };
    expect(issuesAt([issue], ["scenarios", "a", "team", "people"])).toEqual([issue]);
    expect(issuesAt([issue], ["scenarios", "a", "team", "hoursPerMonth"])).toEqual([]);
  });
});

import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import closeCall from "../../examples/close-call.yaml?raw";
import { buildResult, validateScenarioText } from "../../src/engine/index.js";
import { problemsHeading, staleFiguresWords } from "./format.js";
import { LiveStrip } from "./results/LiveStrip.js";

/** Every component and module of the web app (tests aside), by path, as text. */
const sources = Object.entries(import.meta.glob<string>(["./**/*.ts", "./**/*.tsx", "!./**/*.test.ts"], { query: "?raw", import: "default", eager: true }));

describe("what the page says of figures older than the edited case", () => {
  it("is said in the same words by the note over the results, the strip of headline figures and the list of problems", () => {
    // They read "These figures are from the last case without errors; they update again once the problems
    // are fixed.", "Figures of the last case without errors, until the problems are fixed:" and "the figures
    // show the last case without errors": three wordings of one state, each written in its component.
    const { compiled } = validateScenarioText(closeCall);
    const strip = renderToStaticMarkup(createElement(LiveStrip, { result: buildResult(compiled!), stale: true })).replace(/<[^>]+>/g, "");
    expect(strip.startsWith(staleFiguresWords(":"))).toBe(true);
    expect(problemsHeading(2, 0)).toBe(`2 problems to fix — ${staleFiguresWords("")}, and saving waits`);
    expect(problemsHeading(1, 3)).toBe(`1 problem to fix — ${staleFiguresWords("")}, and saving waits`);
    expect(problemsHeading(0, 1)).toBe("1 note on the case");
    // A case opened with a problem has no figures at all: none is said to be shown.
    expect(problemsHeading(1, 0, false)).toBe("1 problem to fix — no figures until it is fixed, and saving waits");
    expect(problemsHeading(2, 0, false)).toBe("2 problems to fix — no figures until they are fixed, and saving waits");
    expect(staleFiguresWords(".")).toBe("The figures shown are those of the case before this edit, until the problems are fixed.");
    expect(staleFiguresWords(".", "People in the team: 6")).toBe(
      "The figures shown are those of the case before this edit (People in the team: 6), until the problems are fixed.",
    );
    const app = sources.find(([path]) => path === "./App.tsx")![1];
    expect(app).toMatch(/<p className="stale-note">\{staleFiguresWords\("\.", figuresBefore\.shownBefore\(\)\)\}<\/p>/);
  });

  it("is written once, in web/src/format.ts", () => {
    expect(sources.length).toBeGreaterThan(20);
    const writing = sources.filter(([path, text]) => path !== "./format.ts" && /case before this edit|problems are fixed/.test(text)).map(([path]) => path);
    expect(writing).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { buildResult, validateScenarioText } from "../engine/index.js";
import { LATE_START_CASE } from "../test-support/late-start-case.js";
import { askedFor, cashPaidWhenOf, cashPaidWords } from "./asked-for.js";
import { formatHours, formatHoursTenth, formatMoney, formatMoneyExact } from "./numbers.js";

// As the web app's cards write figures (money to the unit, hours to a tenth) and as page 1 does (three significant figures).
const card = { money: (value: number) => formatMoneyExact(value, "EUR"), hours: formatHoursTenth };
const pageOne = { money: (value: number) => formatMoney(value, "EUR"), hours: formatHours };

describe("askedFor", () => {
  it("says what an option saves against today's own, bigger change, never a negative amount asked for", () => {
    expect(askedFor({ cash: -5000, teamHours: -200 }, card)).toEqual({ upFront: "€0", cashSaved: "€5,000", cashSavedWhen: "up front", teamHoursSaved: "200" });
    expect(askedFor({ cash: -5000, teamHours: 0 }, card)).toEqual({ upFront: "€0", cashSaved: "€5,000", cashSavedWhen: "up front" });
    expect(askedFor({ cash: 0, teamHours: -200 }, card)).toEqual({ upFront: "€0", teamHoursSaved: "200" });
    expect(askedFor({ cash: 2000, teamHours: 120 }, card)).toEqual({ upFront: "€2,000", teamHours: "120" });
    expect(askedFor({ cash: 0, teamHours: 0 }, card)).toEqual({ upFront: "€0" });
    expect(askedFor({ cash: -5012.4, teamHours: -1234.5 }, pageOne)).toEqual({
      upFront: "€0",
      cashSaved: "€5,010",
      cashSavedWhen: "up front",
      teamHoursSaved: "1,230 hours",
    });
  });

  it("says when today pays the cash the option saves: at the end of month 3 for today's own change starting in month 4, not 'up front'", () => {
    expect(askedFor({ cash: -5000, cashMonth: 3, teamHours: 0 }, card)).toEqual({ upFront: "€0", cashSaved: "€5,000", cashSavedWhen: "in month 3" });
    // Cash in more than one month (the option's at the start, today's in month 3): its sum, as one-off cash.
    expect(askedFor({ cash: -3000, cashMonth: null, teamHours: 0 }, card)).toEqual({ upFront: "€0", cashSaved: "€3,000", cashSavedWhen: "in one-off cash" });
  });

  it("decides on the figure as the view writes it: what rounds to nothing is neither a saving nor hours on the change", () => {
    // 40 cents less than today is "€0" to the unit: not "€0 less than today".
    expect(askedFor({ cash: -0.4, teamHours: 0.04 }, card)).toEqual({ upFront: "€0" });
    expect(askedFor({ cash: -0.6, teamHours: 0.06 }, card)).toEqual({ upFront: "€0", cashSaved: "€1", cashSavedWhen: "up front", teamHours: "0.1" });
    // A tenth of an hour is written on a card, not on page 1, whose hours are whole.
    expect(askedFor({ cash: 0, teamHours: -0.3 }, card)).toEqual({ upFront: "€0", teamHoursSaved: "0.3" });
    expect(askedFor({ cash: 0, teamHours: -0.3 }, pageOne)).toEqual({ upFront: "€0" });
  });
});

describe("cashPaidWords", () => {
  it("says when an option's cash is paid, read from the result: 'up front' at the start, its month before a later start", () => {
    const { compiled, issues } = validateScenarioText(LATE_START_CASE);
    if (!compiled) throw new Error(JSON.stringify(issues));
    const result = buildResult(compiled);
    // “What will be approved” starts in month 6: its €700 of consultants is paid at the end of month 5.
    expect(cashPaidWords(result, result.comparisons.compromise!)).toBe("in month 5, before the change starts in month 6");
    expect(cashPaidWhenOf(result, result.comparisons.compromise!)?.short).toBe("month 5");
    expect(cashPaidWords(result, result.comparisons.optimal!)).toBe("up front");
    expect(cashPaidWhenOf(result, result.comparisons.optimal!)).toBeUndefined();
  });
});

import { describe, expect, it } from "vitest";
import { aheadAndLevelWords } from "./judgement.js";
import {
  cashTimingWords,
  returnOnCostDivisorWords,
  noInputAloneWords,
  belowNoiseWords,
  doraPaybackWithNote,
  doraPaybackWords,
  worthUpTo,
  notWorthMeasuringWords,
  bestChances,
  bestLevelWords,
  labelWithRecordedShare,
  monthsWithoutNewWorkBefore,
  countedAsPlannedWords,
  paidBackWords,
  paybackRow,
  netGainRangeNote,
  TRADE_OFF_PAYBACK_NOTE,
  perPersonWords,
  teamKeepsWords,
  keptAsTeamWords,
  liveProjectsKeptLabels,
  paybackRangeCell,
  paybackRangeWords,
  sharedBestTail,
  listInWords,
  monthsUsedWords,
  recordedShareWords,
  tieShareWords,
  AT_THE_MIDDLE,
  figuresAtTheMiddle,
  gainChartMarks,
  NINE_IN_TEN_OUTCOMES,
} from "./words.js";

describe("listInWords", () => {
  it("joins with commas and a last 'and', and leaves one item or none as it is", () => {
    expect(listInWords([])).toBe("");
    expect(listInWords(["month 3"])).toBe("month 3");
    expect(listInWords([3, 5])).toBe("3 and 5");
    expect(listInWords([3, 5, 8])).toBe("3, 5 and 8");
  });
});

describe("recordedShareWords", () => {
  it("says nothing when every month with a record measured the figure, else which part is the plan's working", () => {
    expect(recordedShareWords(3, 3)).toBe("");
    expect(recordedShareWords(0, 3)).toBe("not recorded: worked out from the plan");
    expect(recordedShareWords(1, 3)).toBe("recorded in 1 of 3 months, the others worked out from the plan");
    expect(labelWithRecordedShare("Cash spent to month 3", 3, 3)).toBe("Cash spent to month 3");
    expect(labelWithRecordedShare("Cash spent to month 3", 0, 3)).toBe("Cash spent to month 3 (not recorded: worked out from the plan)");
  });
});

describe("tieShareWords", () => {
  const level = (...shares: number[]) => shares.map((probabilityBestLevel) => ({ probabilityBestLevel }));
  it("says the share of a tie by how many options are level at the top: half each for two, a third each for three", () => {
    expect(tieShareWords({ options: level(0, 0), chanceBestLevel: 0 })).toBeUndefined();
    expect(tieShareWords({ options: level(0, 1, 1), chanceBestLevel: 1 })).toBe("half each for two options");
    // Three copies level in every tie: each counts a third of those samples, not half.
    expect(tieShareWords({ options: level(0.59, 0.59, 0.59, 0), chanceBestLevel: 0.59 })).toBe("a third each for three options");
    expect(tieShareWords({ options: level(1, 1, 1, 1), chanceBestLevel: 1 })).toBe("a quarter each for four options");
    expect(tieShareWords({ options: level(...Array(12).fill(1)), chanceBestLevel: 1 })).toBe("1/12 each for 12 options");
  });

  it("says half each when every tie is of two, though not always the same two, and 'equally' when ties differ in size", () => {
    // a with b in 20% of the samples, a with c in 10%: every tie of two.
    expect(tieShareWords({ options: level(0.3, 0.2, 0.1), chanceBestLevel: 0.3 })).toBe("half each for two options");
    // a with b in 20%, a, b and c in 10%: ties of two and of three.
    expect(tieShareWords({ options: level(0.3, 0.3, 0.1), chanceBestLevel: 0.3 })).toBe("equally among the options level at the top");
  });
});

describe("bestLevelWords", () => {
  const option = (scenario: string, probabilityBest: number, probabilityBestAlone: number, probabilityBestLevel: number) => ({
    scenario,
    probabilityBest,
    probabilityBestAlone,
    probabilityBestLevel,
  });
  type Option = ReturnType<typeof option>;
  /** The decision as the engine gives it: the share of samples with a tie at the top is 1 − Σ best alone. */
  const decision = (options: Option[], chanceBestLevel = 1 - options.reduce((sum, entry) => sum + entry.probabilityBestAlone, 0)) => ({
    options,
    chanceBestLevel,
  });
  const name = (scenario: string) => scenario;

  it("says nothing when no option is ever level at the top: the views say the chance of being best as it is", () => {
    expect(bestLevelWords(decision([option("a", 0.6, 0.6, 0), option("b", 0.4, 0.4, 0)]), "a", name, "sample")).toBeUndefined();
  });

  it("says two options equal in every sample are level at the top in every one, not best in 50% each", () => {
    const options = [option("today", 0, 0, 0), option("a", 0.5, 0, 1), option("b", 0.5, 0, 1)];
    expect(bestLevelWords(decision(options), "a", name, "sample")).toBe("level at the top with b in every sample");
  });

  it("says the strict shares apart from the ties (docs/numbers.md's worked example)", () => {
    const options = [option("a", 0.5, 0.25, 0.5), option("b", 0.5, 0.25, 0.5)];
    expect(bestLevelWords(decision(options), "a", name, "outcome")).toBe(
      "best alone in 25% of the outcomes and level at the top with b in 50%, b best alone in 25%",
    );
  });

  it("names every option level with it when the same three are level in every tie, not 'another option' three times", () => {
    // Three copies of one option, level at the top in 59% of the samples, and another best alone in the rest:
    // it read "level at the top with another option in 59% of the samples, d best alone in 41%, b level at the
    // top with another option in 59%, c level at the top with another option in 59%", shares adding up to 218%.
    const options = [option("a", 0.59 / 3, 0, 0.59), option("b", 0.59 / 3, 0, 0.59), option("c", 0.59 / 3, 0, 0.59), option("d", 0.41, 0.41, 0)];
    expect(bestLevelWords(decision(options, 0.59), "a", name, "sample")).toBe("level at the top with b and c in 59% of the samples, d best alone in 41%");
    expect(bestLevelWords(decision(options, 0.59), "d", name, "sample")).toBe("best alone in 41% of the samples, a, b and c level at the top in 59%");
  });

  it("says each tie once when different options are level in different samples, so that the shares add up to every sample", () => {
    // a is level with b in 40% of the runs and with c in 10%, b and c with each other in 5%.
    const options = [option("a", 0.5, 0.25, 0.5), option("b", 0.3, 0.1, 0.45), option("c", 0.2, 0.1, 0.15)];
    expect(bestLevelWords(decision(options, 0.55), "a", name, "run")).toBe(
      "best alone in 25% of the runs and level at the top with another option in 50%, b best alone in 10%, c best alone in 10%, two or more of the others level at the top in 5%",
    );
  });

  it("writes its shares of every sample together, so that they add up to 100%, not 101%", () => {
    // Each alone: "best alone in 35% … level at the top with b in 31%, b best alone in 35%", 101%.
    const options = [option("a", 0.501, 0.347, 0.308), option("b", 0.499, 0.345, 0.308)];
    expect(bestLevelWords(decision(options, 0.308), "a", name, "sample")).toBe(
      "best alone in 35% of the samples and level at the top with b in 31%, b best alone in 34%",
    );
  });

  it("writes two equal shares alike, even where they then add up to 101%: a and b best alone equally often read so", () => {
    // Rounded together to 100, the one point short went to a alone: "a best alone in 34%, b in 33%",
    // which says a is best more often than b, where both are best alone in 33.5% of the samples.
    const options = [option("a", 0.5, 0.335, 0.33), option("b", 0.5, 0.335, 0.33)];
    expect(bestLevelWords(decision(options, 0.33), "a", name, "sample")).toBe(
      "best alone in 34% of the samples and level at the top with b in 33%, b best alone in 34%",
    );
  });

  it("writes two options' shares as page 1 writes the same ones: a tie that is not said counts for no share 'under 1%'", () => {
    // a best alone in 33.45%, level with b in 33.2%, b best alone in 33.35%: nearest 33 + 33 + 33 = 99. Page 1
    // rounds them to 100 ("ahead … in 34% of them and level in 33%"); this said "best alone in 33%", as if
    // the ties without a (none) were a share "under 1%" beside them.
    const options = [option("a", 0.5005, 0.3345, 0.332), option("b", 0.4995, 0.3335, 0.332)];
    expect(aheadAndLevelWords(0.3345 + 0.332 / 2, 0.332)).toEqual({ ahead: "34%", level: "33%" });
    expect(bestLevelWords(decision(options, 0.332), "a", name, "outcome")).toBe(
      "best alone in 34% of the outcomes and level at the top with b in 33%, b best alone in 33%",
    );
  });

  it("says a tie between two others once, after the subject's own share", () => {
    const options = [option("a", 0.6, 0.6, 0), option("b", 0.2, 0, 0.4), option("c", 0.2, 0, 0.4)];
    expect(bestLevelWords(decision(options), "a", name, "sample")).toBe("best alone in 60% of the samples, b and c level at the top in 40%");
  });
});

describe("monthsUsedWords", () => {
  it("counts the months a forecast that learns weighs by, out of those recorded when some measure none of its ranges", () => {
    expect(monthsUsedWords(1, 1)).toBe("1 recorded month");
    expect(monthsUsedWords(3, 3)).toBe("3 recorded months");
    expect(monthsUsedWords(9, 12)).toBe("9 of the 12 recorded months, those that measure one of its ranges");
  });
});

describe("each option's chance of being best, written together", () => {
  const options = [
    { scenario: "a", probabilityBest: 0.456 },
    { scenario: "b", probabilityBest: 0.455 },
    { scenario: "today", probabilityBest: 0.089 },
  ];

  it("adds up to 100%, where each rounded alone said 46%, 46% and 9%", () => {
    expect(bestChances(options)).toEqual({ a: "46%", b: "45%", today: "9%" });
    // It read "b in 46% and today in 9%" after "a … in 46%".
    expect(sharedBestTail(options, "a", (scenario) => scenario)).toBe(", b in 45% and today in 9%");
  });

  it("follows the best's share with ', ', or with '; ' between every share whenever options are named together", () => {
    const name = (scenario: string) => scenario;
    expect(sharedBestTail(options, "a", name)).toBe(", b in 45% and today in 9%");
    expect(sharedBestTail([{ scenario: "a", probabilityBest: 1 }], "a", name)).toBe("");
    const four = [
      { scenario: "a", probabilityBest: 0.51 },
      { scenario: "b", probabilityBest: 0.49 },
      { scenario: "c", probabilityBest: 0 },
      { scenario: "today", probabilityBest: 0 },
    ];
    expect(sharedBestTail(four, "a", name)).toBe("; b in 49%; c and today each in under 1%");
    // One group of several names alone is set apart too: after ", " its names ran on from the best's share,
    // "… in every one of the 10,000 samples, c and today in none of them", as if c were one of the samples.
    const alone = [four[0]!, four[2]!, four[3]!].map((option, index) => (index === 0 ? { ...option, probabilityBest: 1 } : option));
    expect(sharedBestTail(alone, "a", name)).toBe("; c and today each in under 1%");
    expect(sharedBestTail(alone, "a", name, { samples: 10_000, unit: "sample" })).toBe("; c and today in none of them");
    // One name to each share keeps ", ": "…, b in 45% and today in 9%" above; one other alone, likewise.
    expect(sharedBestTail([four[0]!, four[1]!], "a", name)).toBe(", b in 49%");
  });
});

describe("monthsWithoutNewWorkBefore", () => {
  const months = (flags: boolean[]) => flags.map((canStartNewWork) => ({ canStartNewWork }));

  it("names the months without room before the stop, none for a stop in month 1, and reads no month past those given", () => {
    expect(monthsWithoutNewWorkBefore(months([false, false, true, false]), null)).toBe("months 1–2 and month 4");
    expect(monthsWithoutNewWorkBefore(months([false, true, false]), 3)).toBe("month 1");
    expect(monthsWithoutNewWorkBefore(months([false, false]), 1)).toBe("");
    // A stop past the last month given: it threw reading month 3 of two.
    expect(monthsWithoutNewWorkBefore(months([true, false]), 5)).toBe("month 2");
  });
});

describe("worthUpTo", () => {
  it("says an upper bound 'up to €6', and one under one unit 'less than €1', never 'up to €0' nor 'up to less than €1'", () => {
    expect(worthUpTo(6.2, "EUR")).toEqual({ upTo: "up to ", figure: "€6", words: "up to €6" });
    expect(worthUpTo(0.3, "EUR")).toEqual({ upTo: "", figure: "less than €1", words: "less than €1" });
    expect(worthUpTo(0.3, "JPY").words).toBe("less than JP¥1");
    expect(worthUpTo(7959.4, "EUR", (value) => `€${Math.round(value / 10) * 10}`).words).toBe("up to €7960");
  });
});

describe("notWorthMeasuringWords and noInputAloneWords", () => {
  it("say what a value of 0 means, not '€0, at or below the noise level of €0'", () => {
    expect(notWorthMeasuringWords(0, 0, "EUR")).toBe("(knowing it exactly would not change the choice)");
    expect(notWorthMeasuringWords(0, 0.7, "EUR", true)).toBe("(knowing them exactly would not change the choice)");
    expect(noInputAloneWords([0, 0], 0, "EUR")).toBe("No input alone is worth measuring: knowing any one of them exactly would not change the choice.");
  });

  it("give any other value beside the noise level, never a '€0' that is not 0", () => {
    expect(notWorthMeasuringWords(3.2, 5.9, "EUR")).toBe("(€3, at or below the noise level of €6)");
    expect(noInputAloneWords([0, 2.1], 4, "EUR")).toBe("No input alone is worth measuring: each is at or below the noise level of €4.");
  });

  it("say 'less than €1' once when the noise level is under one unit too, not 'less than €1, at or below the noise level of less than €1'", () => {
    expect(notWorthMeasuringWords(0.0004, 0.001, "EUR")).toBe("(less than €1, at or below the noise level)");
    expect(belowNoiseWords(0.0004, 0.001, "JPY")).toBe("less than JP¥1, at or below the noise level");
    // A noise level that rounds to one unit is written: the value beside it still reads less than it.
    expect(belowNoiseWords(0.4, 0.7, "EUR")).toBe("less than €1, at or below the noise level of €1");
    expect(noInputAloneWords([0, 0.0004], 0.001, "EUR")).toBe("No input alone is worth measuring: each is worth less than €1, at or below the noise level.");
  });
});

describe("doraPaybackWords", () => {
  it("says why DORA's payback has no answer: n/a with nothing to pay back, not defined without value, never 'never'", () => {
    expect(doraPaybackWords({ investment: 500, value: 0 }, 1)).toBe("not defined: no value in the plan's one month");
    expect(doraPaybackWords({ investment: 500, value: -20 }, 12)).toBe("not defined: no value over the 12 months");
    expect(doraPaybackWords({ investment: -400, value: 500 }, 6)).toBe("n/a");
    expect(doraPaybackWords({ investment: 0, value: 0 }, 6)).toBe("n/a");
    expect(doraPaybackWords({ investment: 500, value: 850 }, 1)).toBeUndefined();
  });
  it("gives a cell and a note for a table too wide with the words in it: 'not defined *' and '* not defined: …'", () => {
    expect(doraPaybackWithNote({ investment: 500, value: 0 }, 1)).toEqual({ cell: "not defined *", note: "* not defined: no value in the plan's one month" });
    expect(doraPaybackWithNote({ investment: 500, value: 0 }, 12)?.note).toBe("* not defined: no value over the 12 months");
    // "n/a" and a figure are short: they stay in the cell.
    expect(doraPaybackWithNote({ investment: -400, value: 500 }, 6)).toBeUndefined();
    expect(doraPaybackWithNote({ investment: 500, value: 850 }, 1)).toBeUndefined();
  });
});

describe("paidBackWords and paybackRow: a payback behind us says what it rests on", () => {
  it("says which months it counts as planned in a sentence of its own, not in the payback's cell", () => {
    // The cell read "paid back in month 9, counting months 4–8, not recorded, as planned".
    expect(paidBackWords({ month: 9, countedAsPlanned: [4, 5, 6, 7, 8] })).toBe("paid back in month 9");
    expect(countedAsPlannedWords([4, 5, 6, 7, 8])).toBe("Months 4–8 have no record: the payback counts them as planned.");
    expect(countedAsPlannedWords([2, 5, 6])).toBe("Month 2 and months 5–6 have no record: the payback counts them as planned.");
    expect(countedAsPlannedWords([8])).toBe("Month 8 has no record: the payback counts it as planned.");
    expect(countedAsPlannedWords([])).toBe("");
    expect(paidBackWords({ month: 9, countedAsPlanned: [] })).toBe("paid back in month 9");
    expect(paidBackWords({ month: 0, countedAsPlanned: [] })).toBe("paid back from the start");
  });

  it("writes the row from the forecast: 'Payback' once paid back, marked with a note when it counts months as planned, else 'Pays back'", () => {
    const ahead = (month: number | null) => `month ${month} (re-forecast)`;
    expect(paybackRow({ paybackMonth: { now: 9 }, paidBack: { month: 9, countedAsPlanned: [8] } }, ahead)).toEqual({
      label: "Payback",
      now: "paid back in month 9 †",
      note: "† Month 8 has no record: the payback counts it as planned.",
    });
    expect(paybackRow({ paybackMonth: { now: 9 }, paidBack: { month: 9, countedAsPlanned: [] } }, ahead)).toEqual({
      label: "Payback",
      now: "paid back in month 9",
      note: "",
    });
    expect(paybackRow({ paybackMonth: { now: 9 } }, ahead)).toEqual({ label: "Pays back", now: "month 9 (re-forecast)", note: "" });
  });
});

describe("paybackRangeWords and paybackRangeCell: where the payback month falls in 9 outcomes out of 10", () => {
  it("gives both ends, each to the nearer month, or one month once", () => {
    expect(paybackRangeWords({ p5: 10.6, p95: 14.9 }, 36)).toBe("In 9 outcomes out of 10, it pays back between month 11 and month 15.");
    expect(paybackRangeWords({ p5: 12, p95: 12.2 }, 36)).toBe("In 9 outcomes out of 10, it pays back in month 12.");
    expect(paybackRangeCell({ p5: 10.6, p95: 14.9 }, 36)).toBe("month 11 to month 15");
    expect(paybackRangeCell({ p5: 12, p95: 12 }, 36)).toBe("month 12");
  });

  it("says that some outcomes do not pay back within the plan, and nothing when too few pay back for a range", () => {
    expect(paybackRangeWords({ p5: 30, p95: null }, 36)).toBe("In 9 outcomes out of 10, it pays back in month 30 at the earliest, or not within 36 months.");
    expect(paybackRangeCell({ p5: 30, p95: null }, 36)).toBe("month 30 to not within 36 months");
    // The chance that it pays back, beside it, says how few do.
    expect(paybackRangeWords({ p5: null, p95: null }, 36)).toBeUndefined();
    expect(paybackRangeCell({ p5: null, p95: null }, 36)).toBe("not within 36 months");
  });

  it("says a month 0 as never costing more than it brings back", () => {
    expect(paybackRangeWords({ p5: 0, p95: 3 }, 12)).toBe(
      "In 9 outcomes out of 10, it pays back by month 3 at the latest; in some, it never costs more than it brings back.",
    );
    expect(paybackRangeWords({ p5: 0, p95: 0 }, 12)).toBe("In 9 outcomes out of 10, it never costs more than it brings back.");
    expect(paybackRangeWords({ p5: 0, p95: null }, 12)).toBe(
      "In 9 outcomes out of 10, it ranges from never costing more than it brings back to not paying back within 12 months.",
    );
    expect(paybackRangeCell({ p5: 0, p95: 3 }, 12)).toBe("from the start to month 3");
  });

  it("marks each end said, as page 1 marks its figures", () => {
    expect(paybackRangeWords({ p5: 11, p95: 13 }, 36, (end, text) => `[${end}:${text}]`)).toBe(
      "In 9 outcomes out of 10, it pays back between [low:month 11] and [high:month 13].",
    );
  });
});

describe("keptAsTeamWords: a team's live projects, its share per person first", () => {
  it("says the share per person before the whole projects the team keeps, so that they do not read as one divided by the other", () => {
    // examples/team.yaml today: 4 people at 2.373 each keep ⌊9.49⌋ = 9; "9 …, about 2.4 per person" read as 9 ÷ 4 = 2.25.
    const kept = teamKeepsWords({ people: 4, liveProjectsPerPerson: 2.3731, maxLiveProjects: 9, maxLiveProjectsPerPerson: 2 })!;
    expect(keptAsTeamWords({ count: kept.count, perPerson: kept.perPerson!, per: kept.per })).toBe(
      "about 2.4 live projects per person, 9 whole projects as a team",
    );
    expect(keptAsTeamWords({ count: "30", perPerson: "about 7.7", per: "per person" }, { short: true })).toBe("about 7.7 per person, 30 as a team");
    expect(keptAsTeamWords({ count: "1", perPerson: "about 2.6", per: "per full-time person" })).toBe(
      "about 2.6 live projects per full-time person, 1 whole project as a team",
    );
    expect(keptAsTeamWords({ count: "9", perPerson: "about 2.4", per: "per person" }, { count: (text) => `[${text}]`, perPerson: (text) => `<${text}>` })).toBe(
      "<about 2.4> live projects per person, [9] whole projects as a team",
    );
  });

  it("labels the tables' share per person as each person's hours', not the team's projects shared out", () => {
    expect(liveProjectsKeptLabels(false)).toEqual({
      count: "Live projects the team can keep",
      perPerson: "Live projects each person's hours can keep, not rounded",
    });
    expect(liveProjectsKeptLabels(false, true).perPerson).toBe("Live projects each full-time person's hours can keep, not rounded");
    expect(liveProjectsKeptLabels(true)).toEqual({ count: "Live projects one person can keep", perPerson: undefined });
  });
});

describe("perPersonWords and teamKeepsWords: the live projects a team can keep", () => {
  it("counts a team of part-time people in full-time people, its share a full-time person's", () => {
    // It said "the team of 0.5 can keep 1 …, about 2.6 per person": more per person than the team keeps.
    expect(teamKeepsWords({ people: 0.5, liveProjectsPerPerson: 2.56, maxLiveProjects: 1, maxLiveProjectsPerPerson: 2 })).toEqual({
      who: "the team of 0.5 full-time people",
      count: "1",
      perPerson: "about 2.6",
      per: "per full-time person",
    });
    // A team size given as a range runs at its middle, √(1 × 3): it read "the team of 1.7320508075688772 full-time people".
    expect(teamKeepsWords({ people: Math.sqrt(3), liveProjectsPerPerson: 2.6, maxLiveProjects: 4, maxLiveProjectsPerPerson: 2 })?.who).toBe(
      "the team of about 1.7 full-time people",
    );
    expect(teamKeepsWords({ people: 2.5, liveProjectsPerPerson: 2, maxLiveProjects: 5, maxLiveProjectsPerPerson: 2 })).toMatchObject({
      who: "the team of 2.5 full-time people",
      per: "per full-time person",
    });
  });

  it("writes the share per person to a tenth, 'about' when the tenth is not exact", () => {
    expect(perPersonWords(2.3731)).toBe("about 2.4");
    expect(perPersonWords(3.977)).toBe("about 4");
    expect(perPersonWords(4)).toBe("4");
    expect(perPersonWords(2.5)).toBe("2.5");
  });

  it("gives a larger team its whole projects together and their share per person; a team of one, its person's whole projects", () => {
    // 4 people at 2.37 each keep 9, not the 8 of 4 × 2.
    expect(teamKeepsWords({ people: 4, liveProjectsPerPerson: 2.3731, maxLiveProjects: 9, maxLiveProjectsPerPerson: 2 })).toEqual({
      who: "the team of 4",
      count: "9",
      perPerson: "about 2.4",
      per: "per person",
    });
    expect(teamKeepsWords({ people: 1, liveProjectsPerPerson: 10.9, maxLiveProjects: 10, maxLiveProjectsPerPerson: 10 })).toEqual({
      who: "one person",
      count: "10",
      perPerson: undefined,
      per: "per person",
    });
    // No limit: each view says it in its own sentence.
    expect(teamKeepsWords({ people: 4, liveProjectsPerPerson: null, maxLiveProjects: null, maxLiveProjectsPerPerson: null })).toBeUndefined();
  });
});

describe("netGainRangeNote and TRADE_OFF_PAYBACK_NOTE: what page 1's close-call table's figures are", () => {
  it("says where the bracketed net gain falls, and that each payback month is that of every range at its middle", () => {
    expect(netGainRangeNote()).toBe("In brackets: where the net gain falls in 9 outcomes out of 10.");
    expect(TRADE_OFF_PAYBACK_NOTE).toBe("Pays back: with every range at its middle.");
  });
});

describe("the shared words of the options' note and the appendix", () => {
  it("says how cash is counted, with a later month only where one is and the rate is not 0%", () => {
    expect(cashTimingWords(0.08, false)).toBe("cash paid at the start counts in full");
    expect(cashTimingWords(0, true)).toBe("cash paid at the start counts in full");
    expect(cashTimingWords(0.08, true)).toBe("cash paid at the start counts in full; cash paid in a later month is discounted with that month");
    expect(cashTimingWords(0.08, true, "in brackets under “Up front”")).toBe(
      "cash paid at the start counts in full; cash paid in a later month (in brackets under “Up front”) is discounted with that month",
    );
  });

  it("says what the return on cost divides by, in today's money only where money is discounted", () => {
    expect(returnOnCostDivisorWords(0.08)).toMatch(/^what the option costs more than today, in today's money: each month, every running cost/);
    expect(returnOnCostDivisorWords(0)).toMatch(/^what the option costs more than today: each month/);
  });
});

describe("gainChartMarks and figuresAtTheMiddle: what the charts' figures are in a case with ranges", () => {
  it("says the lines are those with every range at its middle, sampled or not, and the band in page 1's words", () => {
    expect(gainChartMarks([4], 12, "sampled")).toBe(
      ` The dashed line marks the month it pays back for good. The lines and the month marked are those with ${AT_THE_MIDDLE}; each shaded band is where ${NINE_IN_TEN_OUTCOMES} fall.`,
    );
    expect(gainChartMarks([4], 12, "notSampled")).toBe(
      " The dashed line marks the month it pays back for good. The lines and the month marked are those with every range at its middle.",
    );
    expect(gainChartMarks([4], 12, "none")).toBe(
      " The dashed line marks the month it pays back for good. The lines are single estimates, with no range around them yet.",
    );
  });

  it("qualifies a view's figures only where the case has ranges", () => {
    expect(figuresAtTheMiddle(true)).toBe(" The figures are those with every range at its middle.");
    expect(figuresAtTheMiddle(true, "They")).toBe(" They are those with every range at its middle.");
    expect(figuresAtTheMiddle(false)).toBe("");
  });
});

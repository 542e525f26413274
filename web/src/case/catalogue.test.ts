import { describe, expect, it } from "vitest";
import seed from "../../../examples/seed.yaml?raw";
import { builtInCatalogue, effectTargetNames, hasErrors, parseScenarioSource, validateScenarioText } from "../../../src/engine/index.js";
import { dollarCase } from "../../../src/test-support/built-in-prices.js";
import {
  addCapability,
  builtInCardsPrices,
  builtInHelp,
  capabilityNameProblem,
  capabilityNames,
  capabilityView,
  costWords,
  customiseBuiltIn,
  effectLines,
  effectTargetLabel,
  effectWords,
  nameFromLabel,
  removeCapability,
  scenariosUsing,
  withCapability,
} from "./catalogue.js";
import type { CaseData } from "./data-path.js";

const base: CaseData = {
  title: "t",
  currency: "EUR",
  horizonMonths: 12,
  discountRate: 0,
  baseline: "today",
  defaults: {
    team: { people: 1, hoursPerMonth: 120, hourlyCost: 60 },
    projects: { upkeepHoursPerMonth: 30 },
    releases: { mode: "schedule", months: [4] },
  },
  catalogue: { monitoring: { monthlyCost: { low: 150, high: 400 } }, ourDashboard: { label: "Our own dashboard", setupHours: 30 } },
  scenarios: { today: {}, better: { capabilities: ["ourDashboard", "monitoring"] }, other: { capabilities: ["ourDashboard"] } },
};

const valid = (data: CaseData) => !hasErrors(validateScenarioText(JSON.stringify(data)).issues);

describe("the capability catalogue in the editor", () => {
  it("lists the built-in capabilities, then the file's own", () => {
    expect(capabilityNames(base)).toEqual([...Object.keys(builtInCatalogue), "ourDashboard"]);
  });

  it("reads an override field by field over the built-in values, as the engine does", () => {
    const monitoring = capabilityView(base, "monitoring")!;
    expect(monitoring).toMatchObject({ builtIn: true, own: true, label: builtInCatalogue.monitoring!.label });
    expect(monitoring.costs).toEqual({ setupHours: 60, upfrontCost: 0, monthlyCost: { low: 150, high: 400 }, monthlyCostPerPerson: 0 });
    expect(monitoring.effects).toEqual(builtInCatalogue.monitoring!.effects);
    expect(capabilityView(base, "ourDashboard")).toMatchObject({ builtIn: false, own: true, label: "Our own dashboard", effects: {} });
    expect(capabilityView(base, "nothing")).toBeUndefined();
  });

  it("says costs and effects in plain words", () => {
    expect(costWords(capabilityView(base, "monitoring")!.costs, "EUR")).toBe("60 set-up hours · €150–€400 a month");
    expect(costWords({ setupHours: 0, upfrontCost: undefined, monthlyCost: 0, monthlyCostPerPerson: 0 }, "EUR")).toBe("no cost");
    // Yen have no minor unit: to the yen, as every other yen figure ("JP¥150.50 a month" before).
    expect(costWords({ setupHours: 0, upfrontCost: undefined, monthlyCost: 150.5, monthlyCostPerPerson: 0 }, "JPY")).toBe("JP¥151 a month");
    expect(costWords({ setupHours: 0, upfrontCost: undefined, monthlyCost: 150.5, monthlyCostPerPerson: 0 }, "EUR")).toBe("€150.50 a month");
    // Below 100 yen the cents are kept: 0.4 yen a month read "JP¥0 a month", as if free.
    expect(costWords({ setupHours: 0, upfrontCost: undefined, monthlyCost: 0.4, monthlyCostPerPerson: 0 }, "JPY")).toBe("JP¥0.40 a month");
    expect(effectWords(0.7)).toBe("30% less");
    expect(effectWords(1.25)).toBe("25% more");
    expect(effectWords({ value: 1, note: "n" })).toBe("no change");
    expect(effectWords({ low: 0.5, high: 0.8 })).toBe("20% to 50% less");
    expect(effectLines({ "projects.upkeepHoursPerMonth": 0.85 })).toEqual(["Upkeep hours a month for each live project: 15% less"]);
    for (const target of effectTargetNames) expect(effectTargetLabel(target)).not.toBe(target);
  });

  it("ticks and unticks a capability in a scenario's list, removing an empty list", () => {
    const ticked = withCapability(base, "today", "scheduling", true);
    expect((ticked.scenarios as Record<string, unknown>).today).toEqual({ capabilities: ["scheduling"] });
    expect(withCapability(ticked, "today", "scheduling", true)).toEqual(ticked);
    expect((withCapability(ticked, "today", "scheduling", false).scenarios as Record<string, unknown>).today).toEqual({});
    expect(scenariosUsing(base, "ourDashboard")).toEqual(["better", "other"]);
  });

  it("adds a capability of the file's own, refusing taken and built-in names", () => {
    expect(nameFromLabel("Feature store for the team")).toBe("featureStoreForTheTeam");
    expect(nameFromLabel("Café réseau")).toBe("cafeReseau");
    expect(capabilityNameProblem(base, "ourDashboard")).toMatch(/already/);
    expect(capabilityNameProblem(base, "scheduling")).toMatch(/built-in.*Customise/);
    expect(capabilityNameProblem(base, "")).toBeDefined();
    expect(capabilityNameProblem(base, "featureStore")).toBeUndefined();
    const added = addCapability(base, "featureStore", { label: "Feature store" });
    expect(valid(added)).toBe(true);
    expect(valid(withCapability(added, "today", "featureStore", true))).toBe(true);
  });

  it("customises a built-in capability with its values, which the engine accepts", () => {
    const customised = customiseBuiltIn(base, "scheduling");
    const entry = (customised.catalogue as Record<string, Record<string, unknown>>).scheduling!;
    expect(entry).toEqual({
      label: "Scheduled data jobs",
      description: builtInCatalogue.scheduling!.description,
      setupHours: 80,
      monthlyCost: 300,
      effects: builtInCatalogue.scheduling!.effects,
    });
    expect(valid(customised)).toBe(true);
    expect(capabilityView(customised, "scheduling")!.costs).toEqual(capabilityView(base, "scheduling")!.costs);
  });

  it("customises a built-in capability in a case in yen without writing its EUR prices into the file as the user's own yen prices", () => {
    const text = (customised: CaseData) => JSON.stringify(customised);
    const yen = { ...base, currency: "JPY", scenarios: { ...(base.scenarios as object), better: { capabilities: ["scheduling"] } } } as CaseData;
    const customised = customiseBuiltIn(yen, "scheduling");
    const entry = (customised.catalogue as Record<string, Record<string, unknown>>).scheduling!;
    // It wrote monthlyCost: 300, which then read as "JP¥300 a month" of the user's own, warned of nowhere.
    expect(entry.monthlyCost).toBeUndefined();
    expect(entry.setupHours).toBe(80);
    // The price stays the built-in one, shown in the card and warned of by the engine.
    expect(capabilityView(customised, "scheduling")!.costs.monthlyCost).toBe(300);
    const validation = validateScenarioText(text(customised));
    expect(
      validation.issues
        .filter((issue) => issue.severity === "warning")
        .map((issue) => issue.message)
        .join(),
    ).toContain("stated in EUR");
  });

  it("deletes a capability, and on request takes it out of the scenarios that tick it", () => {
    const kept = removeCapability(base, "ourDashboard", false);
    expect(Object.keys(kept.catalogue as object)).toEqual(["monitoring"]);
    expect(valid(kept)).toBe(false);
    const removed = removeCapability(base, "ourDashboard", true);
    expect(removed.scenarios).toEqual({ today: {}, better: { capabilities: ["monitoring"] }, other: {} });
    expect(valid(removed)).toBe(true);
    const back = removeCapability(removeCapability(removed, "monitoring", false), "nothing", false);
    expect(back.catalogue).toBeUndefined();
  });
});

describe("builtInHelp", () => {
  const help = "Their costs and effects are starting assumptions for a small team. Customise one to change its values for this case.";
  /** What the Capabilities tab says, as the page works it out: of the built-in capabilities it shows as cards, those the file does not customise. */
  const helpOf = (text: string) => {
    const data = parseScenarioSource(text).data as CaseData;
    const cards = capabilityNames(data).filter((name) => !Object.hasOwn((data.catalogue as object | undefined) ?? {}, name));
    return builtInHelp(builtInCardsPrices(data, cards));
  };

  it("says, in a case in dollars that takes a built-in price, the sentence run, the report, the workbook and optimize say (the cards read 'US$300 a month' as a dollar price)", () => {
    // It wrote its own, "Their prices are stated in EUR: this case, in USD, takes them as written, unconverted,
    // until you customise one", from the currency alone: even when the file gave every price.
    expect(helpOf(dollarCase(seed, ["scheduling.monthlyCost"]))).toBe(
      `${help} The built-in catalogue's prices are stated in EUR, but this case is in USD: they are taken as written, unconverted, as USD (scheduling 300 a month); give your own prices in USD under catalogue: in the file (catalogue.scheduling.monthlyCost).`,
    );
  });

  it("says nothing of it when the file gives every price, nor in a euro case", () => {
    expect(helpOf(dollarCase(seed, []))).toBe(help);
    expect(helpOf(seed)).toBe(help);
  });

  it("says it of the cards' prices in a case in dollars that lists no capability: the cards still read 'US$300 a month'", () => {
    expect(helpOf(seed.replace("currency: EUR", "currency: USD"))).toMatch(
      /^Their costs .* The built-in catalogue's prices are stated in EUR, but this case is in USD: .*scheduling 300 a month.*\.$/,
    );
  });
});

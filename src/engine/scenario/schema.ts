import { z } from "zod";
import { noteSchema, numberOf, quantity } from "./quantity.js";
import { suggest } from "./suggest.js";
import { freeText, oneLineText } from "./text.js";
import { effectTargetNames, type EffectTarget } from "../catalogue/targets.js";

/**
 * Limits on what drives the work of validating and running a case (docs/scenario-file.md): a
 * file within them is checked in well under a second and run in bounded memory.
 */
export const MAX_SCENARIOS = 50;
export const MAX_CATALOGUE_ENTRIES = 100;
export const MAX_MANUAL_TASKS = 100;

/** A map of names to entries, with at most `max` entries (`what`: the entries, in the plural). */
function cappedRecord<Value extends z.core.$ZodType>(key: z.core.$ZodType<string>, value: Value, max: number, what: string, wrongType: string) {
  return z
    .record(key, value, { error: whenWrongType(wrongType) })
    .refine((entries) => Object.keys(entries).length <= max, {
      // Checked whatever else is wrong, so a file of 30,000 scenarios is told that first.
      when: (payload) => typeof payload.value === "object" && payload.value !== null,
      error: (issue) =>
        `allowed: at most ${max} ${what}; this map has ${Object.keys(issue.input as object).length.toLocaleString("en")} (split the case into several files)`,
    })
    .meta({ maxProperties: max });
}

/** The name of a scenario, task or capability: short, on one line. */
const entryName = (max: number) => oneLineText(max, "a name").min(1);

/** A message for a value of the wrong type only; size and format problems get their own wording. */
function whenWrongType(message: string) {
  return (issue: z.core.$ZodRawIssue) => (issue.code === "invalid_type" ? message : undefined);
}

/** A group of inputs; every group may carry a note of its own. */
function group<Shape extends z.ZodRawShape>(description: string, shape: Shape) {
  return z
    .strictObject({ note: noteSchema.optional(), ...shape })
    .partial()
    .meta({ description });
}

const salary = group("Hourly cost from salary: annual × benefitsMultiplier ÷ workingHoursPerYear.", {
  annual: quantity("money").meta({ description: "Gross annual salary of one person." }),
  benefitsMultiplier: quantity("benefitsMultiplier").meta({ description: "Employer costs on top of salary (1.3 = 30% more)." }),
  workingHoursPerYear: quantity("positiveHours").meta({ description: "Paid working hours of one person a year (e.g. 1,720)." }),
});

const team = group("Who does the work and what an hour of it costs.", {
  people: quantity("people").meta({ description: "People in the team (full-time equivalents)." }),
  hoursPerMonth: quantity("positiveHours").meta({ description: "Project hours one person has a month." }),
  hourlyCost: quantity("money").meta({ description: "Loaded cost of one hour (give this or salary)." }),
  salary,
});

const external = group("Cash paid once at the start of the change.", {
  consultants: quantity("money"),
  hardware: quantity("money"),
  licences: quantity("money").meta({ description: "Up-front licence fees." }),
  trainingPerPerson: quantity("money").meta({ description: "Training paid for each person in the team." }),
  other: quantity("money"),
});

const change = group("One-off costs of making the change (usually only in alternatives).", {
  startMonth: numberOf("month").meta({ description: "Month the change starts (default 1)." }),
  setupHours: quantity("hours").meta({ description: "Internal hours to set up and migrate, in total." }),
  setupMonths: quantity("monthsPositive").meta({ description: "Months the setup hours are spread over (default 1)." }),
  learningWeeksPerPerson: quantity("weeks").meta({ description: "Weeks each person spends learning the new tools." }),
  familiarity: quantity("share").meta({ description: "How well the team already knows the tools: 0 not at all, 1 fully (no learning)." }),
  organisationFactor: quantity("factor").meta({
    description: "How well the organisation works: scales setup and learning hours (1 typical, 1.5 slow approvals).",
  }),
  contingencyShare: quantity("contingency").meta({ description: "Share added to setup hours and external spend for things going wrong." }),
  adoptionDipShare: quantity("share").meta({ description: "Share of the team's capacity lost while people adopt the new way of working." }),
  adoptionDipMonths: quantity("months").meta({ description: "Months the adoption dip lasts, starting after setup." }),
  external,
  alongside: group("Staff working on the change while the new way already applies (it does not hold the new way back, unlike setup hours).", {
    people: quantity("count").meta({ description: "People (full-time equivalents) of the team working on the change, from its start month." }),
    forMonths: quantity("months").meta({ description: "Months they work on it, from the change's start month." }),
  }),
});

const manualTask = z
  .strictObject({
    note: noteSchema.optional(),
    minutesPerWeek: quantity("minutes").meta({ description: "Minutes a week the chore takes." }),
    shareOfTime: quantity("share").meta({
      description: "Or: the share of every person's hours the chore takes (0.125 = 12.5%); per person, instead of minutesPerWeek.",
    }),
    per: z.enum(["person", "project", "team"], { error: "allowed: person, project or team" }).meta({
      description: "Whether the minutes are per person, per live project or for the whole team.",
    }),
  })
  .partial();

const waiting = group("Mechanical time: waiting for jobs to run.", {
  runsPerWeekPerPerson: quantity("count").meta({ description: "Runs (training, data jobs, tests) one person waits for a week." }),
  minutesPerRun: quantity("minutes").meta({ description: "Minutes one run takes." }),
  focusLostShare: quantity("share").meta({ description: "Share of the run's time lost to broken focus." }),
  contextSwitchMinutes: quantity("minutes").meta({ description: "Minutes lost switching back after each run." }),
});

const meetings = group("Non-technical hours: meetings and hand-offs because the team cannot self-serve.", {
  hoursPerPersonPerMonth: quantity("hours").meta({ description: "Hours a month one person of the team spends on them." }),
  otherTeamsHoursPerMonth: quantity("hours").meta({ description: "Hours a month other teams spend on them." }),
  otherTeamsHourlyCost: quantity("money").meta({ description: "Loaded cost of an hour of the other teams." }),
});

/** The months a cost line runs: from `fromMonth` to `untilMonth`, both included. */
const costWindow = {
  fromMonth: numberOf("month").meta({ description: "First month this cost is paid (default 1)." }),
  untilMonth: numberOf("month").meta({ description: "Last month this cost is paid (default: to the end of the case)." }),
};

const licences = group("Licence fees.", {
  flatPerYear: quantity("money").meta({ description: "A flat yearly fee, paid at the start of each year of the case." }),
  flatPerMonth: quantity("money"),
  perUserPerMonth: quantity("money").meta({ description: "A monthly fee for each person in the team." }),
  perUserPerYear: quantity("money").meta({ description: "A yearly fee for each person in the team, paid with the yearly fee." }),
  ...costWindow,
});

const infrastructure = group("Cloud and infrastructure.", {
  perMonth: quantity("money"),
  perYear: quantity("money").meta({ description: "A yearly amount, paid at the start of each year, like the yearly licence." }),
  perUserPerYear: quantity("money").meta({ description: "A yearly amount for each person in the team, paid with perYear." }),
  perLiveProjectPerMonth: quantity("money"),
  ...costWindow,
});

const supportStaff = group("Support staff that grows with the number of live projects.", {
  monthlyCostEach: quantity("money").meta({ description: "Monthly cost of one support person." }),
  annualSalaryEach: quantity("money").meta({ description: "Or: one support person's annual salary (× benefitsMultiplier ÷ 12 a month)." }),
  benefitsMultiplier: quantity("benefitsMultiplier").meta({ description: "Employer costs on top of annualSalaryEach (1.5 = 50% more; default 1)." }),
  liveProjectsEach: quantity("count").meta({ description: "Live projects one support person looks after (0: no support staff)." }),
  minimum: quantity("count").meta({ description: "Support people needed even with no live project." }),
  ...costWindow,
});

const training = group("Recurring training.", {
  perPersonPerYear: quantity("money").meta({ description: "Training paid each year for each person in the team, with the yearly fee." }),
  ...costWindow,
});

const tooling = group("Tooling and infrastructure costs.", { licences, infrastructure, supportStaff, training });

const projects = group("Projects: building, upkeep and value.", {
  alreadyLive: quantity("wholeCount").meta({ description: "Projects already live at the start." }),
  buildHours: quantity("hours").meta({ description: "Hours to build and release one project." }),
  upkeepHoursPerMonth: quantity("hours").meta({ description: "Hours a month one live project needs (re-training, re-running data jobs, fixes)." }),
  valuePerMonth: quantity("money").meta({ description: "Money one live project earns or saves a month." }),
});

const delivery = group("Value from delivering more features or experiments, apart from projects (the DORA papers' way).", {
  featuresPerYear: quantity("count").meta({ description: "Features or experiments delivered a year (per line of business)." }),
  linesOfBusiness: quantity("count").meta({ description: "Lines of business that each deliver featuresPerYear (default 1)." }),
  timeReinvestedShare: quantity("share").meta({ description: "Share of those features the team has time for (default 1: all of them)." }),
  successRate: quantity("share").meta({ description: "Share of features that succeed." }),
  revenueImpactShare: quantity("share").meta({ description: "Share of annualRevenue one successful feature adds a year." }),
  annualRevenue: quantity("money").meta({ description: "Revenue of the product or portfolio a year." }),
});

const breakage = group("Failed changes and incidents.", {
  deploymentsPerProjectPerMonth: quantity("count").meta({ description: "Changes released a month for each live project." }),
  deploymentsPerYear: quantity("count").meta({ description: "Changes released a year by the whole team or product, apart from projects." }),
  changeFailureRate: quantity("share").meta({ description: "Share of changes that fail." }),
  hoursToRestore: quantity("hours").meta({ description: "Hours of outage until a failure is fixed." }),
  outageCostPerHour: quantity("money").meta({ description: "What an hour of outage costs the business." }),
  fixHoursPerFailure: quantity("hours").meta({ description: "Team hours spent on each failure." }),
});

const turnover = group("People leaving and being replaced.", {
  attritionPerYear: quantity("perYear").meta({ description: "Share of the team leaving each year." }),
  hiringCost: quantity("money").meta({ description: "Cost of hiring a replacement (recruiters, interviews)." }),
  vacancyMonths: quantity("fractionalMonths").meta({ description: "Months a seat stays empty." }),
  rampUpMonths: quantity("fractionalMonths").meta({ description: "Months a newcomer works at reduced output." }),
  rampUpOutputShare: quantity("share").meta({ description: "Share of full output during ramp-up (default 0.5)." }),
  knowledgeLossHours: quantity("hours").meta({ description: "Extra hours the team loses per departure (undocumented home-made stack)." }),
});

const releases = z
  .strictObject({
    note: noteSchema.optional(),
    mode: z.enum(["schedule", "capacity"], { error: "allowed: schedule or capacity" }).meta({
      description: "schedule: releases happen in the months given; capacity: free hours build projects.",
    }),
    months: z
      .array(numberOf("month"), { error: whenWrongType("expected a list of month numbers, e.g. [4, 7, 10]") })
      .max(600)
      .meta({ description: "schedule mode: the months projects are released." }),
    newWorkThresholdHours: quantity("hours").meta({ description: "Free team hours a month needed to start new work." }),
    backlog: quantity("wholeCount").meta({ description: "capacity mode: at most this many new projects (default: no limit)." }),
  })
  .partial()
  .meta({ description: "How projects get released." });

/** Every input of a scenario; all optional so a scenario states only what differs. */
export const inputsShape = {
  team,
  change,
  manualTasks: cappedRecord(entryName(80), manualTask, MAX_MANUAL_TASKS, "chores", "expected a map of task name to { minutesPerWeek, per }").meta({
    description: "Recurring chores by name.",
  }),
  waiting,
  meetings,
  tooling,
  projects,
  delivery,
  breakage,
  turnover,
  releases,
};

export const inputsSchema = z.strictObject({ note: noteSchema.optional(), ...inputsShape }).partial();

export const scenarioSchema = z
  .strictObject({
    label: oneLineText(200, "a label").meta({ description: "Name shown to readers (default: the key)." }),
    description: freeText(4000, "a description"),
    note: noteSchema,
    capabilities: z
      .array(oneLineText(80, "the name of a capability, e.g. scheduling").min(1), {
        error: whenWrongType("expected a list of capability names, e.g. [scheduling, monitoring]"),
      })
      .max(64)
      .meta({ description: "The baseline plus these capabilities of the catalogue (their costs and effects are applied)." }),
    ...inputsShape,
  })
  .partial();

const capabilityEffects = z
  .strictObject(Object.fromEntries(effectTargetNames.map((target) => [target, quantity("effect")])) as Record<EffectTarget, ReturnType<typeof quantity>>)
  .partial()
  .meta({ description: "Multipliers on scenario inputs, e.g. projects.upkeepHoursPerMonth: 0.7 (30% less upkeep)." });

const capability = z
  .strictObject({
    label: oneLineText(200, "a label"),
    description: freeText(4000, "a description"),
    note: noteSchema,
    setupHours: quantity("hours").meta({ description: "Team hours to set it up (added to change.setupHours)." }),
    upfrontCost: quantity("money").meta({ description: "Cash paid once at the start (added to change.external.other)." }),
    monthlyCost: quantity("money").meta({ description: "A flat monthly fee (added to tooling.licences.flatPerMonth)." }),
    monthlyCostPerPerson: quantity("money").meta({ description: "A monthly fee per person (added to tooling.licences.perUserPerMonth)." }),
    effects: capabilityEffects,
  })
  .partial()
  .meta({ description: "A capability: its costs and its effects on the inputs. Overrides the built-in one of the same name." });

function baselineAndScenarioNames(file: unknown): { baseline: string; names: string[] } | undefined {
  if (typeof file !== "object" || file === null) return undefined;
  const { baseline, scenarios } = file as { baseline?: unknown; scenarios?: unknown };
  if (typeof baseline !== "string" || baseline === "" || typeof scenarios !== "object" || scenarios === null || Array.isArray(scenarios)) return undefined;
  const names = Object.keys(scenarios);
  return names.length > 0 ? { baseline, names } : undefined;
}

/** Whether the baseline names one of the scenarios; undefined when that cannot be judged yet. */
function baselineIsAScenario(file: unknown): boolean | undefined {
  const found = baselineAndScenarioNames(file);
  return found ? found.names.includes(found.baseline) : undefined;
}

function unknownBaselineMessage(file: unknown): string {
  const found = baselineAndScenarioNames(file);
  if (!found) return "allowed: the name of one of the scenarios";
  const guess = suggest(found.baseline, found.names);
  return `allowed: the name of one of the scenarios (${found.names.join(", ")})${guess ? `; did you mean "${guess}"?` : ""}`;
}

const correlation = z
  .strictObject({
    between: z
      .tuple([oneLineText(400, "the path of an input").min(1), oneLineText(400, "the path of an input").min(1)], {
        error: whenWrongType(
          "expected the paths of two inputs given as ranges, e.g. [defaults.projects.upkeepHoursPerMonth, scenarios.better.projects.upkeepHoursPerMonth]",
        ),
      })
      .meta({ description: "The two inputs, by their path in this file; both must be ranges." }),
    rank: z
      .number({ error: whenWrongType("expected a number from -1 to 1, e.g. 0.7") })
      .min(-1, { error: "allowed: a rank correlation from -1 to 1" })
      .max(1, { error: "allowed: a rank correlation from -1 to 1" })
      .meta({ description: "Spearman rank correlation: 1 they rise together, 0 unrelated, -1 one rises as the other falls." }),
    note: noteSchema.optional(),
  })
  .meta({ description: "Two uncertain inputs that move together." });

const riskShare = (what: string) =>
  z
    .number({ error: whenWrongType(`expected a share from 0 to 1, e.g. 0.1 for ${what} 10%`) })
    .min(0, { error: "allowed: a share from 0 to 1" })
    .max(1, { error: "allowed: a share from 0 to 1" });

const riskAdjustment = z
  .strictObject(
    {
      note: noteSchema.optional(),
      benefits: riskShare("benefits cut by").optional().meta({ description: "Share by which every benefit is cut (0.1 = 10% less)." }),
      costs: riskShare("costs raised by").optional().meta({ description: "Share by which every cost is raised (0.05 = 5% more)." }),
    },
    { error: whenWrongType("expected { benefits, costs }: shares from 0 to 1") },
  )
  .meta({
    description:
      "Forrester TEI's risk adjustment, shown beside the unadjusted figures: present values of benefits cut by `benefits`, of costs raised by `costs`.",
  });

export const caseSchema = z
  .strictObject({
    $schema: z.string().optional(),
    title: oneLineText(200, "the title of the case").min(1),
    description: freeText(8000, "a description").optional(),
    currency: z
      .string({ error: "expected a three-letter currency code such as EUR, USD or GBP" })
      .regex(/^[A-Z]{3}$/, { error: "allowed: a three-letter currency code in capitals such as EUR, USD or GBP" }),
    horizonMonths: numberOf("horizon").meta({ description: "Months the case covers: a whole number between 1 and 240." }),
    discountRate: quantity("rate").meta({ description: "Annual discount rate for the net present value." }),
    discounting: z.enum(["monthly", "yearEnd", "midYear"], { error: "allowed: monthly, yearEnd or midYear" }).optional().meta({
      description:
        "How months are discounted: monthly (default, month m by (1 + rate)^(-m/12)), yearEnd (every month of year y by (1 + rate)^(-y), as Forrester TEI) or midYear ((1 + rate)^(-(y - 0.5))). Time 0 is never discounted.",
    }),
    riskAdjustment: riskAdjustment.optional(),
    freedHoursCaptureShare: quantity("share")
      .optional()
      .meta({ description: "Share of freed hours, not used to build projects, that is worth its loaded cost (default 0.5)." }),
    baseline: oneLineText(120, "the name of the scenario that describes today").min(1),
    defaults: inputsSchema.optional(),
    catalogue: cappedRecord(
      entryName(80),
      capability,
      MAX_CATALOGUE_ENTRIES,
      "capabilities of your own",
      "expected a map of capability name to { setupHours, monthlyCost, effects, ... }",
    )
      .optional()
      .meta({ description: "Override built-in capabilities or add your own." }),
    correlations: z
      .array(correlation, { error: whenWrongType("expected a list of { between: [input, input], rank }") })
      .max(200)
      .optional()
      .meta({ description: "Rank correlations between inputs given as ranges; each keeps its own distribution." }),
    scenarios: cappedRecord(entryName(120), scenarioSchema, MAX_SCENARIOS, "scenarios", "expected a map of scenario name to its inputs").refine(
      (s) => Object.keys(s).length >= 1,
      { error: "allowed: at least one scenario, e.g. current: {}" },
    ),
  })
  .refine((file) => baselineIsAScenario(file) !== false, {
    path: ["baseline"],
    // Checked even when other fields are wrong, so a misspelt baseline shows up with everything else.
    when: (payload) => baselineIsAScenario(payload.value) !== undefined,
    error: (issue) => unknownBaselineMessage(issue.input),
  })
  .meta({ title: "mlops-roi scenario file", description: "A business case for ML operations tooling." });

export type CaseFile = z.infer<typeof caseSchema>;
export type ScenarioInputs = z.infer<typeof inputsSchema>;
export type ScenarioEntry = z.infer<typeof scenarioSchema>;

import { z } from "zod";
import { noteAbout, numberOf, quantity } from "./quantity.js";
import { CURRENCY_CODES } from "./currencies.js";
import { suggest } from "./suggest.js";
import { freeText, groupDigits, oneLineText } from "./text.js";
import { effectTargetNames, type EffectTarget } from "../catalogue/targets.js";
import type { FieldUnit } from "./units.js";

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
        `allowed: at most ${max} ${what}; this map has ${groupDigits(Object.keys(issue.input as object).length)} (split the case into several files)`,
    })
    .meta({ maxProperties: max });
}

/** The name of a scenario, task or capability: short, on one line. */
const entryName = (max: number) => oneLineText(max, "a name").min(1);

/** A message for a value of the wrong type only; size and format problems get their own wording. */
function whenWrongType(message: string) {
  return (issue: z.core.$ZodRawIssue) => (issue.code === "invalid_type" ? message : undefined);
}

/**
 * A field's words for every view (the report, the workbook, the web editor, editors reading the
 * JSON Schema): its label as `title`, its unit (src/engine/scenario/units.ts) and its help.
 * @example quantity("people").meta(about("People in the team", "people", "People in the team (full-time equivalents)."))
 */
function about(title: string, unit: FieldUnit, description?: string): { title: string; unit: FieldUnit; description?: string } {
  return description === undefined ? { title, unit } : { title, unit, description };
}

/** A group of inputs, with its heading as `title`; every group may carry a note of its own. */
function group<Shape extends z.ZodRawShape>(title: string, description: string, shape: Shape) {
  return z
    .strictObject({ note: noteAbout("this group of inputs").optional(), ...shape })
    .partial()
    .meta({ title, description });
}

const salary = group("Salary", "Hourly cost from salary: annual × benefitsMultiplier ÷ workingHoursPerYear.", {
  annual: quantity("money").meta(about("Gross yearly salary of one person", "money a year", "Gross annual salary of one person.")),
  benefitsMultiplier: quantity("benefitsMultiplier").meta(
    about("Employer costs on top of salary", "factor", "Employer costs on top of salary (1.3 = 30% more)."),
  ),
  workingHoursPerYear: quantity("positiveHours").meta(
    about("Paid working hours of one person a year", "hours a year", "Paid working hours of one person a year (e.g. 1,720)."),
  ),
});

const team = group("Team and the cost of an hour", "Who does the work and what an hour of it costs.", {
  people: quantity("people").meta(about("People in the team", "people", "People in the team (full-time equivalents).")),
  hoursPerMonth: quantity("personHoursAMonth").meta(about("Project hours one person has a month", "hours a month", "Project hours one person has a month.")),
  hourlyCost: quantity("money").meta(about("Cost of one hour of the team's time", "money an hour", "Loaded cost of one hour (give this or salary).")),
  salary,
});

const external = group("Cash paid once", "Cash paid once at the start of the change.", {
  consultants: quantity("money").meta(about("Outside help, paid once", "money")),
  hardware: quantity("money").meta(about("Hardware, paid once", "money")),
  licences: quantity("money").meta(about("Licence fees, paid once", "money", "Licence fees paid once, when the change starts.")),
  trainingPerPerson: quantity("money").meta(about("Training for each person, paid once", "money a person", "Training paid for each person in the team.")),
  other: quantity("money").meta(about("Other one-off spending", "money")),
});

const change = group("Making the change (one-off)", "One-off costs of making the change (usually only in alternatives).", {
  startMonth: numberOf("month").meta(about("Month the change starts", "month", "Month the change starts (default 1).")),
  setupHours: quantity("hours").meta(about("Team hours to set up and move over, in total", "hours", "Internal hours to set up and migrate, in total.")),
  setupMonths: quantity("monthsPositive").meta(about("Months the set-up is spread over", "months", "Months the setup hours are spread over (default 1).")),
  learningWeeksPerPerson: quantity("weeks").meta(about("Weeks each person spends learning", "weeks", "Weeks each person spends learning the new tools.")),
  familiarity: quantity("share").meta(
    about(
      "How well the team already knows the new tools (1 = fully)",
      "share",
      "How well the team already knows the tools: 0 not at all, 1 fully (no learning).",
    ),
  ),
  organisationFactor: quantity("factor").meta(
    about(
      "Extra effort from how the organisation works",
      "factor",
      "How well the organisation works: scales setup and learning hours (1 typical, 1.5 slow approvals).",
    ),
  ),
  contingencyShare: quantity("contingency").meta(
    about("Extra allowed for things going wrong", "share", "Share added to setup hours and external spend for things going wrong."),
  ),
  adoptionDipShare: quantity("share").meta(
    about("Team time lost while getting used to the change", "share", "Share of the team's capacity lost while people adopt the new way of working."),
  ),
  adoptionDipMonths: quantity("months").meta(about("Months of getting used to the change", "months", "Months the adoption dip lasts, starting after setup.")),
  external,
  alongside: group(
    "Staff on the change alongside the new way",
    "Staff working on the change while the new way already applies (it does not hold the new way back, unlike setup hours).",
    {
      people: quantity("count").meta(
        about(
          "People working on the change alongside the new way",
          "people",
          "People (full-time equivalents) of the team working on the change, from its start month.",
        ),
      ),
      forMonths: quantity("months").meta(about("Months they work on the change", "months", "Months they work on it, from the change's start month.")),
    },
  ),
});

const manualTask = z
  .strictObject({
    note: noteAbout("this chore").optional(),
    minutesPerWeek: quantity("minutes").meta(about("Minutes a week on the chore", "minutes a week", "Minutes a week the chore takes.")),
    shareOfTime: quantity("share").meta(
      about(
        "Share of every person's time on the chore",
        "share",
        "Or: the share of every person's hours the chore takes (0.125 = 12.5%); per person, instead of minutesPerWeek.",
      ),
    ),
    per: z.enum(["person", "project", "team"], { error: "allowed: person, project or team" }).meta({
      title: "Counted per",
      description: "Whether the minutes are per person, per live project or for the whole team.",
    }),
  })
  .partial()
  .meta({
    title: "Chore",
    description: "A recurring chore: minutes a week (or a share of everyone's time), counted per person, per live project or once for the team.",
  });

const waiting = group("Waiting for jobs to finish", "Mechanical time: waiting for jobs to run.", {
  runsPerWeekPerPerson: quantity("count").meta(
    about("Jobs one person waits for each week", "jobs a week", "Runs (training, data jobs, tests) one person waits for a week."),
  ),
  minutesPerRun: quantity("minutes").meta(about("Minutes one job takes to run", "minutes", "Minutes one run takes.")),
  focusLostShare: quantity("share").meta(about("Share of waiting time lost to broken focus", "share", "Share of the run's time lost to broken focus.")),
  contextSwitchMinutes: quantity("minutes").meta(about("Minutes to get back to work after each job", "minutes", "Minutes lost switching back after each run.")),
});

const meetings = group("Meetings and hand-offs", "Non-technical hours: meetings and hand-offs because the team cannot self-serve.", {
  hoursPerPersonPerMonth: quantity("personHoursAMonthOrNone").meta(
    about("Hours a month each person spends in meetings and hand-offs", "hours a month", "Hours a month one person of the team spends on them."),
  ),
  otherTeamsHoursPerMonth: quantity("hours").meta(
    about("Hours a month other teams spend on them", "hours a month", "Hours a month other teams spend on them."),
  ),
  otherTeamsHourlyCost: quantity("money").meta(about("Cost of an hour of other teams' time", "money an hour", "Loaded cost of an hour of the other teams.")),
});

/** The months a cost line runs: from `fromMonth` to `untilMonth`, both included (`what`: the cost, e.g. "licences are"). */
const costWindow = (what: string) => ({
  fromMonth: numberOf("month").meta(about(`First month ${what} paid`, "month", "First month this cost is paid (default 1).")),
  untilMonth: numberOf("month").meta(about(`Last month ${what} paid`, "month", "Last month this cost is paid (default: to the end of the case).")),
});

const licences = group("Licences", "Licence fees.", {
  flatPerYear: quantity("money").meta(
    about("Licence fee a year, paid at the start of each year", "money a year", "A flat yearly fee, paid at the start of each year of the case."),
  ),
  flatPerMonth: quantity("money").meta(about("Licence fee a month", "money a month")),
  perUserPerMonth: quantity("money").meta(about("Licence fee a month for each person", "money a person a month", "A monthly fee for each person in the team.")),
  perUserPerYear: quantity("money").meta(
    about(
      "Licence fee a year for each person, paid with the yearly fee",
      "money a person a year",
      "A yearly fee for each person in the team, paid with the yearly fee.",
    ),
  ),
  ...costWindow("licences are"),
});

const infrastructure = group("Cloud and computing", "Cloud and infrastructure.", {
  perMonth: quantity("money").meta(about("Cloud and computing costs a month", "money a month")),
  perYear: quantity("money").meta(
    about(
      "Cloud and computing costs a year, paid with the yearly fee",
      "money a year",
      "A yearly amount, paid at the start of each year, like the yearly licence.",
    ),
  ),
  perUserPerYear: quantity("money").meta(
    about("Cloud and computing costs a year for each person", "money a person a year", "A yearly amount for each person in the team, paid with perYear."),
  ),
  perLiveProjectPerMonth: quantity("money").meta(about("Cloud and computing costs a month for each live project", "money a month")),
  ...costWindow("cloud and computing costs are"),
});

const supportStaff = group("Support staff", "Support staff that grows with the number of live projects.", {
  monthlyCostEach: quantity("money").meta(about("Monthly cost of one support person", "money a month", "Monthly cost of one support person.")),
  annualSalaryEach: quantity("money").meta(
    about("Yearly salary of one support person", "money a year", "Or: one support person's annual salary (× benefitsMultiplier ÷ 12 a month)."),
  ),
  benefitsMultiplier: quantity("benefitsMultiplier").meta(
    about("Employer costs on top of a support person's salary", "factor", "Employer costs on top of annualSalaryEach (1.5 = 50% more; default 1)."),
  ),
  liveProjectsEach: quantity("count").meta(
    about("Live projects one support person looks after", "projects", "Live projects one support person looks after (0: no support staff)."),
  ),
  minimum: quantity("count").meta(about("Support people needed even with no live project", "people", "Support people needed even with no live project.")),
  ...costWindow("support staff are"),
});

const training = group("Recurring training", "Recurring training.", {
  perPersonPerYear: quantity("money").meta(
    about("Training a year for each person", "money a person a year", "Training paid each year for each person in the team, with the yearly fee."),
  ),
  ...costWindow("training is"),
});

const tooling = group("Tools, support and training", "Licences, computing, support staff and training.", { licences, infrastructure, supportStaff, training });

const projects = group("Projects", "Projects: building, upkeep and value.", {
  alreadyLive: quantity("wholeCount").meta(about("Projects already live at the start", "projects", "Projects already live at the start.")),
  buildHours: quantity("hours").meta(about("Hours to build and release one project", "hours", "Hours to build and release one project.")),
  upkeepHoursPerMonth: quantity("hours").meta(
    about("Upkeep hours a month for each live project", "hours a month", "Hours a month one live project needs (re-training, re-running data jobs, fixes)."),
  ),
  valuePerMonth: quantity("money").meta(
    about("What one live project earns or saves a month", "money a month", "Money one live project earns or saves a month."),
  ),
});

const delivery = group(
  "Features delivered apart from projects",
  "Value from delivering more features or experiments, apart from projects (the DORA papers' way).",
  {
    featuresPerYear: quantity("count").meta(
      about(
        "Features or experiments delivered a year (per line of business)",
        "features a year",
        "Features or experiments delivered a year (per line of business).",
      ),
    ),
    linesOfBusiness: quantity("count").meta(about("Lines of business", "count", "Lines of business that each deliver featuresPerYear (default 1).")),
    timeReinvestedShare: quantity("share").meta(
      about("Share of those features the team has time for", "share", "Share of those features the team has time for (default 1: all of them)."),
    ),
    successRate: quantity("share").meta(about("Share of features that succeed", "share", "Share of features that succeed.")),
    revenueImpactShare: quantity("share").meta(
      about("Share of revenue one successful feature adds a year", "share", "Share of annualRevenue one successful feature adds a year."),
    ),
    annualRevenue: quantity("revenue").meta(about("Yearly revenue of the product or portfolio", "money a year", "Revenue of the product or portfolio a year.")),
  },
);

const breakage = group("Failures and outages", "Failed changes and incidents.", {
  deploymentsPerProjectPerMonth: quantity("count").meta(
    about("Changes released a month for each live project", "changes a month", "Changes released a month for each live project."),
  ),
  deploymentsPerYear: quantity("count").meta(
    about(
      "Changes released a year by the whole team or product",
      "changes a year",
      "Changes released a year by the whole team or product, apart from projects.",
    ),
  ),
  changeFailureRate: quantity("share").meta(about("Share of changes that fail", "share", "Share of changes that fail.")),
  hoursToRestore: quantity("hours").meta(about("Hours of outage until a failure is fixed", "hours", "Hours of outage until a failure is fixed.")),
  outageCostPerHour: quantity("money").meta(about("What an hour of outage costs the business", "money an hour", "What an hour of outage costs the business.")),
  fixHoursPerFailure: quantity("hours").meta(about("Team hours spent fixing each failure", "hours", "Team hours spent on each failure.")),
});

const turnover = group("People leaving", "People leaving and being replaced.", {
  attritionPerYear: quantity("perYear").meta(about("Share of the team leaving each year", "rate", "Share of the team leaving each year.")),
  hiringCost: quantity("money").meta(about("Cost of hiring a replacement", "money", "Cost of hiring a replacement (recruiters, interviews).")),
  vacancyMonths: quantity("fractionalMonths").meta(about("Months a seat stays empty", "months", "Months a seat stays empty.")),
  rampUpMonths: quantity("fractionalMonths").meta(about("Months a newcomer needs to get up to speed", "months", "Months a newcomer works at reduced output.")),
  rampUpOutputShare: quantity("share").meta(
    about("Output of a newcomer while getting up to speed", "share", "Share of full output during ramp-up (default 0.5)."),
  ),
  knowledgeLossHours: quantity("hours").meta(
    about("Extra hours lost with each person who leaves", "hours", "Extra hours the team loses per departure (undocumented home-made stack)."),
  ),
});

const releases = z
  .strictObject({
    note: noteAbout("how projects are released").optional(),
    mode: z.enum(["schedule", "capacity"], { error: "allowed: schedule or capacity" }).meta({
      title: "How projects are released",
      description: "schedule: releases happen in the months given; capacity: free hours build projects.",
    }),
    months: z
      .array(numberOf("month"), { error: whenWrongType("expected a list of month numbers, e.g. [4, 7, 10]") })
      .max(600)
      .meta(about("Months projects are released", "month", "schedule mode: the months projects are released.")),
    newWorkThresholdHours: quantity("hours").meta(
      about("Free hours a month needed to start new work", "hours a month", "Free team hours a month needed to start new work."),
    ),
    backlog: quantity("wholeCount").meta(
      about("Most new projects to build (capacity mode)", "projects", "capacity mode: at most this many new projects (default: no limit)."),
    ),
  })
  .partial()
  .meta({ title: "Releases", description: "How projects get released." });

/** Every input of a scenario; all optional so a scenario states only what differs. */
export const inputsShape = {
  team,
  change,
  manualTasks: cappedRecord(entryName(80), manualTask, MAX_MANUAL_TASKS, "chores", "expected a map of task name to { minutesPerWeek, per }").meta({
    title: "Manual chores",
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

export const inputsSchema = z.strictObject({ note: noteAbout("these inputs").optional(), ...inputsShape }).partial();

export const scenarioSchema = z
  .strictObject({
    label: oneLineText(200, "a label").meta({ description: "Name shown to readers (default: the key)." }),
    description: freeText(4000, "a description"),
    note: noteAbout("this scenario"),
    capabilities: z
      .array(oneLineText(80, "the name of a capability, e.g. scheduling").min(1), {
        error: whenWrongType("expected a list of capability names, e.g. [scheduling, monitoring]"),
      })
      .max(64)
      .meta({ description: "The baseline plus these capabilities of the catalogue (their costs and effects are applied)." }),
    ...inputsShape,
  })
  .partial();

/** The title of an input of a scenario, by its path ("projects.upkeepHoursPerMonth"). */
function inputTitle(path: string): string {
  let schema: z.core.$ZodType | undefined = inputsSchema;
  for (const key of path.split(".")) {
    while (schema instanceof z.ZodOptional) schema = schema.unwrap() as z.core.$ZodType;
    schema = schema instanceof z.ZodObject ? (schema.shape as Record<string, z.core.$ZodType>)[key] : undefined;
  }
  while (schema instanceof z.ZodOptional) schema = schema.unwrap() as z.core.$ZodType;
  const title = schema ? z.globalRegistry.get(schema)?.title : undefined;
  if (!title) throw new Error(`the input ${path} has no title`);
  return title;
}

/** What a capability's effect on an input is called: "Multiplies upkeep hours a month for each live project". */
function effectTitle(target: EffectTarget): string {
  const what = target === "manualTasks" ? "the minutes of every manual chore" : inputTitle(target);
  return `Multiplies ${what.charAt(0).toLowerCase()}${what.slice(1)}`;
}

const capabilityEffects = z
  .strictObject(
    Object.fromEntries(effectTargetNames.map((target) => [target, quantity("effect").meta(about(effectTitle(target), "factor"))])) as Record<
      EffectTarget,
      ReturnType<typeof quantity>
    >,
  )
  .partial()
  .meta({ title: "Effects on the inputs", description: "Multipliers on scenario inputs, e.g. projects.upkeepHoursPerMonth: 0.7 (30% less upkeep)." });

const capability = z
  .strictObject({
    label: oneLineText(200, "a label"),
    description: freeText(4000, "a description"),
    note: noteAbout("this capability"),
    setupHours: quantity("hours").meta(about("Set-up hours", "hours", "Team hours to set it up (added to the change's set-up hours, change.setupHours).")),
    upfrontCost: quantity("money").meta(
      about("Paid once", "money", "Cash paid once at the start (added to the change's other cash paid once, change.external.other)."),
    ),
    monthlyCost: quantity("money").meta(
      about("Fee a month", "money a month", "A flat monthly fee (added to the licence fee a month, tooling.licences.flatPerMonth)."),
    ),
    monthlyCostPerPerson: quantity("money").meta(
      about(
        "Fee for each person a month",
        "money a person a month",
        "A monthly fee per person (added to the licence fee for each person a month, tooling.licences.perUserPerMonth).",
      ),
    ),
    effects: capabilityEffects,
  })
  .partial()
  .meta({ title: "Capability", description: "A capability: its costs and its effects on the inputs. Overrides the built-in one of the same name." });

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
      .meta({
        title: "How closely the two inputs move together",
        unit: "number" satisfies FieldUnit,
        description: "Spearman rank correlation: 1 they rise together, 0 unrelated, -1 one rises as the other falls.",
      }),
    note: noteAbout("these two inputs").optional(),
  })
  .meta({ title: "Two inputs that move together", description: "Two uncertain inputs that move together." });

/** What a risk adjustment's share allows: the words of validation's messages and of the web app's field. */
const RISK_SHARE_ALLOWED = "a share between 0 and 1 (0.1 means 10%)";

const riskShare = (what: string) =>
  z
    .number({ error: whenWrongType(`expected a share from 0 to 1, e.g. 0.1 for ${what} 10%`) })
    .min(0, { error: `allowed: ${RISK_SHARE_ALLOWED}` })
    .max(1, { error: `allowed: ${RISK_SHARE_ALLOWED}` })
    .meta({ description: RISK_SHARE_ALLOWED });

const riskAdjustment = z
  .strictObject(
    {
      note: noteAbout("the risk adjustment").optional(),
      benefits: riskShare("benefits cut by")
        .optional()
        .meta(about("Share cut from every benefit for risk", "share", "Share by which every benefit is cut (0.1 = 10% less).")),
      costs: riskShare("costs raised by")
        .optional()
        .meta(about("Share added to every cost for risk", "share", "Share by which every cost is raised (0.05 = 5% more).")),
    },
    { error: whenWrongType("expected { benefits, costs }: shares from 0 to 1") },
  )
  .meta({
    title: "Risk adjustment",
    description:
      "Forrester TEI's risk adjustment, shown beside the unadjusted figures: present values of benefits cut by `benefits`, of costs raised by `costs`.",
  });

export const caseSchema = z
  .strictObject({
    $schema: z.string().optional(),
    title: oneLineText(200, "the title of the case").min(1),
    description: freeText(8000, "a description").optional(),
    currency: z.string({ error: "expected a three-letter currency code such as EUR, USD or GBP" }).regex(/^[A-Z]{3}$/, {
      // "eur": the code in capitals is offered when it is a currency's.
      error: (issue) => {
        const capitals = typeof issue.input === "string" ? issue.input.trim().toUpperCase() : "";
        const guess = /^[A-Z]{3}$/.test(capitals) && CURRENCY_CODES.includes(capitals) ? `; did you mean ${capitals}?` : "";
        return `allowed: a three-letter currency code in capitals such as EUR, USD or GBP${guess}`;
      },
    }),
    horizonMonths: numberOf("horizon").meta(about("Months the case covers", "months", "Months the case covers: a whole number between 1 and 240.")),
    discountRate: quantity("rate").meta(
      about("Yearly discount rate (the value of money over time)", "rate", "Annual discount rate for the net present value."),
    ),
    discounting: z.enum(["monthly", "yearEnd", "midYear"], { error: "allowed: monthly, yearEnd or midYear" }).optional().meta({
      title: "How months are discounted",
      description:
        "How months are discounted: monthly (default, month m by (1 + rate)^(-m/12)), yearEnd (every month of year y by (1 + rate)^(-y), as Forrester TEI) or midYear ((1 + rate)^(-(y - 0.5))). Time 0 is never discounted.",
    }),
    riskAdjustment: riskAdjustment.optional(),
    freedHoursCaptureShare: quantity("share")
      .optional()
      .meta(
        about(
          "Share of freed hours put to good use",
          "share",
          "Share of freed hours, not used to build projects, that is worth its loaded cost (default 0.5).",
        ),
      ),
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
      .meta({ title: "Capabilities of your own", description: "Override built-in capabilities or add your own." }),
    correlations: z
      .array(correlation, { error: whenWrongType("expected a list of { between: [input, input], rank }") })
      .max(200)
      .optional()
      .meta({ title: "Inputs that move together", description: "Rank correlations between inputs given as ranges; each keeps its own distribution." }),
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

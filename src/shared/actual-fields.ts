/**
 * What a team records for one month of actuals. One list drives the database columns' check, the
 * `track add` options, the CSV column mapping, validation messages and the table in docs/commands.md.
 */

import { MAX_MONEY } from "../engine/index.js";

export interface ValueKind {
  /** What is allowed, in words, for messages: "allowed: hours, a number ≥ 0". */
  readonly allowed: string;
  readonly min: number;
  readonly max: number;
  readonly integer?: boolean;
  /** True when `allowed` already names the upper bound. */
  readonly statesMax?: boolean;
}

export const valueKinds = {
  hours: { allowed: "hours, a number ≥ 0", min: 0, max: 1e6 },
  count: { allowed: "a whole number ≥ 0", min: 0, max: 1e7, integer: true },
  // As an amount of money in the scenario file (the engine's MAX_MONEY, one limit for both): at most
  // 100 billion in the case's currency, never the "€1,000 billion a month" that reads as nonsense.
  money: { allowed: "an amount of money ≥ 0", min: 0, max: MAX_MONEY },
  score: { allowed: "a score between 0 and 100 (keep one scale every month, e.g. 1–5 or 0–100)", min: 0, max: 100, statesMax: true },
  days: { allowed: "days, a number ≥ 0", min: 0, max: 36_500 },
} as const satisfies Record<string, ValueKind>;

export type ValueKindName = keyof typeof valueKinds;

export interface ActualFieldSpec {
  readonly kind: ValueKindName;
  /** Short heading for tables. */
  readonly label: string;
  /** What to record, for --help and docs/commands.md. */
  readonly description: string;
}

/** Every measure of an actual month, in the order tables and CSV templates show them. */
export const actualFieldSpecs = {
  manualHours: { kind: "hours", label: "Manual chores", description: "Team hours spent on recurring manual chores." },
  waitingHours: { kind: "hours", label: "Waiting", description: "Team hours lost waiting for jobs to run (including broken focus)." },
  meetingHours: { kind: "hours", label: "Meetings", description: "Team hours in meetings and hand-offs with other teams." },
  breakageFixHours: { kind: "hours", label: "Fixing failures", description: "Team hours spent fixing failed changes and incidents." },
  upkeepHours: { kind: "hours", label: "Upkeep", description: "Team hours keeping live projects running (re-training, re-running data jobs)." },
  buildHours: { kind: "hours", label: "Building", description: "Team hours building new projects." },
  setupHours: {
    kind: "hours",
    label: "Setup and learning",
    description:
      "Team hours setting up, migrating to and learning the new tools, and the slow-down while adopting them; staff working on the change alongside the new way are not recorded (the plan's hours count).",
  },
  availableHours: {
    kind: "hours",
    label: "Hours available",
    description: "Project hours the team had this month, after holidays and empty seats (default: the plan's).",
  },
  liveProjects: { kind: "count", label: "Live projects", description: "Projects live at the end of the month." },
  releases: { kind: "count", label: "Releases", description: "Projects released this month." },
  incidents: { kind: "count", label: "Incidents", description: "Failed changes and incidents this month." },
  hoursToRestore: { kind: "hours", label: "Hours to restore", description: "Hours of outage until service was restored, summed over the month's incidents." },
  licences: { kind: "money", label: "Licences", description: "Cash paid for licences this month." },
  infrastructure: { kind: "money", label: "Infrastructure", description: "Cash paid for cloud and infrastructure this month." },
  externalSpend: {
    kind: "money",
    label: "External spend",
    description: "Cash paid to consultants, for hardware, training or up-front licences this month (month 1 includes anything paid before it).",
  },
  peopleJoined: { kind: "count", label: "Joined", description: "People who joined the team this month." },
  peopleLeft: { kind: "count", label: "Left", description: "People who left the team this month." },
  activeUsersPerWeek: { kind: "count", label: "Active users a week", description: "People using the platform in an average week (adoption)." },
  satisfactionScore: { kind: "score", label: "Satisfaction", description: "The users' survey score this month." },
  deployments: { kind: "count", label: "Deployments", description: "Changes released to production this month." },
  daysFromIdeaToLive: { kind: "days", label: "Idea to live (days)", description: "Days from idea to first model live, for projects released this month." },
} as const satisfies Record<string, ActualFieldSpec>;

export type ActualField = keyof typeof actualFieldSpecs;

export const actualFields = Object.keys(actualFieldSpecs) as ActualField[];

/** The recorded values of one month; a field left out was not recorded (the plan's value stands in). */
export type ActualValues = Partial<Record<ActualField, number>>;

/** One recorded month of one team. */
export interface ActualMonth {
  readonly team: string;
  readonly month: number;
  readonly values: ActualValues;
  readonly note?: string;
  /** Where the numbers came from, e.g. "track add" or "import actuals.csv line 12". */
  readonly source?: string;
}

/**
 * True when the name is one of the recorded measures.
 * @example isActualField("upkeepHours") // true
 */
export function isActualField(name: string): name is ActualField {
  return Object.hasOwn(actualFieldSpecs, name);
}

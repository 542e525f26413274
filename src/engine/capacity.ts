import { P as importedP } from "./model/parameters.js";
import { WEEKS_PER_MONTH } from "./simulate.js";

// Module-local copies: imported bindings can be getters under some loaders, too slow for the hot loop.
const P = importedP;

/**
 * How many live projects the team can keep, as the months' hours count them: each person's hours a
 * month, net of their share of the steady overheads (chores, waiting, meetings, turnover losses,
 * fixing the failures of the team's own deployments), divided by what one live project needs a month
 * (upkeep, per-project chores, fixing its failures) — `perPerson`, unrounded (2.37 for a team of 4
 * whose person has 89 hours for 37.5-hour projects) — and the whole projects the team keeps together,
 * ⌊people × perPerson⌋ (9 of them, not 4 × ⌊2.37⌋ = 8). `perPerson` and `team` are null when a project
 * needs no hours at all; 0 when the overheads alone take every hour (docs/numbers.md, "Capacity").
 * @example // 4 people of 114.5 hours, 102 hours of overheads, 37.5 hours a project: { people: 4, perPerson: 2.373…, team: 9 }
 */
export function liveProjectCapacity(p: Float64Array): { people: number; perPerson: number | null; team: number | null } {
  const people = p[P.people]!;
  const hours = p[P.hoursPerMonth]!;
  const departures = (people * p[P.attritionPerYear]!) / 12;
  const turnoverLoss = departures * (p[P.vacancyMonths]! * hours + p[P.rampUpMonths]! * hours * (1 - p[P.rampUpOutputShare]!) + p[P.knowledgeLossHours]!);
  const choresFixed =
    ((p[P.manualMinutesPerPerson]! * people + p[P.manualMinutesPerTeam]!) * WEEKS_PER_MONTH) / 60 + p[P.manualSharePerPerson]! * people * hours;
  // Failures of the team's own deployments (not per project) are a steady overhead too.
  const teamFailures = (p[P.deploymentsPerYear]! / 12) * p[P.changeFailureRate]! * p[P.fixHoursPerFailure]!;
  const waiting = (people * p[P.runsPerWeekPerPerson]! * WEEKS_PER_MONTH * (p[P.minutesPerRun]! * p[P.focusLostShare]! + p[P.contextSwitchMinutes]!)) / 60;
  const meetings = people * p[P.meetingHoursPerPerson]!;
  const perPerson = hours - (turnoverLoss + choresFixed + waiting + meetings + teamFailures) / people;
  const perProject =
    p[P.upkeepHours]! +
    (p[P.manualMinutesPerProject]! * WEEKS_PER_MONTH) / 60 +
    p[P.deploymentsPerProject]! * p[P.changeFailureRate]! * p[P.fixHoursPerFailure]!;
  if (perProject <= 0) return { people, perPerson: null, team: null };
  if (perPerson <= 0) return { people, perPerson: 0, team: 0 };
  const share = perPerson / perProject;
  // A vanishingly small upkeep means no practical limit.
  if (!Number.isFinite(share)) return { people, perPerson: null, team: null };
  const team = Math.floor(people * share + 1e-9);
  return { people, perPerson: share, team: Number.isFinite(team) ? team : null };
}

/**
 * The most live projects one person can keep: `liveProjectCapacity`'s `perPerson`, rounded down to a
 * whole project. null when a project needs no hours at all.
 * @example // 120 hours, upkeep 30 → 4; upkeep 11 → 10
 */
export function maxLiveProjectsPerPerson(p: Float64Array): number | null {
  const { perPerson } = liveProjectCapacity(p);
  if (perPerson === null) return null;
  const most = Math.floor(perPerson + 1e-9);
  return Number.isFinite(most) ? most : null;
}

/**
 * Whether a scenario's plan leaves its room for live projects unused: its team could keep more live
 * projects than it ends the plan with, and the plan releases no new model (examples/solo.yaml's managed
 * setup: room for 7, 2 live at the end, no release, its free hours never reaching the 80 that starting one
 * takes) or releases every model of its backlog (`backlogReleased`: examples/team.yaml's managed platform,
 * room for 30, its backlog of 6 released, 10 live at the end). Page 1 then leads with the live projects
 * the plan keeps, not the room (docs/numbers.md, "Capacity").
 * @example roomLeftUnused({ projectsDelivered: 0, liveProjectsAtEnd: 2, maxLiveProjects: 7, backlog: null }) // true
 * @example roomLeftUnused({ projectsDelivered: 6, liveProjectsAtEnd: 10, maxLiveProjects: 30, backlog: 6 }) // true
 */
export function roomLeftUnused(summary: {
  projectsDelivered: number;
  liveProjectsAtEnd: number;
  maxLiveProjects: number | null;
  backlog?: number | null;
}): boolean {
  return (
    (summary.projectsDelivered === 0 || backlogReleased(summary)) && summary.maxLiveProjects !== null && summary.maxLiveProjects > summary.liveProjectsAtEnd
  );
}

/**
 * Whether a scenario's plan releases every model of its backlog (`releases.backlog`): none is left to
 * build, whatever room the team's hours leave. False without a backlog, or with an empty one.
 * @example backlogReleased({ projectsDelivered: 6, backlog: 6 }) // true
 */
export function backlogReleased(summary: { projectsDelivered: number; backlog?: number | null }): boolean {
  return summary.backlog != null && summary.backlog > 0 && summary.projectsDelivered >= summary.backlog;
}

/**
 * Whether a scenario's team ends the plan with more live projects than its hours keep (`maxLiveProjects`):
 * it is over its hours, the upkeep bought in (examples/solo.yaml with `people: 0.4`: 2 live at the end on
 * hours for 1). Page 1's team card then leads with the live projects at the end, not with what the hours
 * keep, which read as growth ("1 → 2") where the plan has 2 live projects on both sides (docs/numbers.md, "Capacity").
 * @example overItsHoursAtEnd({ liveProjectsAtEnd: 2, maxLiveProjects: 1 }) // true
 */
export function overItsHoursAtEnd(summary: { liveProjectsAtEnd: number; maxLiveProjects: number | null }): boolean {
  return summary.maxLiveProjects !== null && summary.liveProjectsAtEnd > summary.maxLiveProjects;
}

/**
 * The months (numbered from 1) in which the team has no time to start new work (`canStartNewWork`
 * false) before new work stops for good in month `stops` (the summary's `newWorkStopsMonth`; null:
 * it never stops, and every such month counts). A change's setup months are the usual ones: "never"
 * for the month new work stops is not "every month".
 * @example monthsWithoutNewWork(months, null) // [7, 8]: no time in months 7 and 8, time again from month 9
 */
export function monthsWithoutNewWork(months: readonly { canStartNewWork: boolean }[], stops: number | null): number[] {
  // A stop past the months given (or none) counts to the last of them: no month past them is read.
  const end = stops === null ? months.length : Math.min(stops - 1, months.length);
  const without: number[] = [];
  for (let at = 0; at < end; at++) if (!months[at]!.canStartNewWork) without.push(at + 1);
  return without;
}

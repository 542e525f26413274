import { P as importedP } from "./model/parameters.js";
import { WEEKS_PER_MONTH } from "./simulate.js";

// Module-local copies: imported bindings can be getters under some loaders, too slow for the hot loop.
const P = importedP;

/**
 * The most live projects one person can keep: their hours a month, net of steady overheads
 * (chores, waiting, meetings, turnover losses), divided by what one live project needs a month
 * (upkeep, per-project chores, fixing failures). null when a project needs no hours at all.
 * @example // 120 hours, upkeep 30 → 4; upkeep 11 → 10
 */
export function maxLiveProjectsPerPerson(p: Float64Array): number | null {
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
  if (perProject <= 0) return null;
  if (perPerson <= 0) return 0;
  const most = Math.floor(perPerson / perProject + 1e-9);
  // A vanishingly small upkeep means no practical limit.
  return Number.isFinite(most) ? most : null;
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

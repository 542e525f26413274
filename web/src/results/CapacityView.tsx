import { memo } from "react";
import type { CaseResult, MonthRow, ScenarioResult } from "../../../src/engine/index.js";
import { scenarioColour, scenarioOrder } from "../../../src/charts/scenario-colours.js";
import { keptAsTeamWords, noRoomBefore, teamKeepsWords } from "../../../src/format/words.js";
import { formatHours, formatMonth } from "../format.js";

interface Stretch {
  readonly first: number;
  readonly last: number;
  readonly row: MonthRow;
}

/** Consecutive months that look the same in this view, as the seed's sheet writes "4–6". */
export function stretches(months: readonly MonthRow[]): Stretch[] {
  // What the table shows of a month: its live projects, upkeep and free hours to a tenth, and whether new work can start.
  const looksAlike = (a: MonthRow, b: MonthRow) =>
    a.liveProjects === b.liveProjects &&
    Math.round(a.upkeepHours * 10) === Math.round(b.upkeepHours * 10) &&
    Math.round(a.freeHours * 10) === Math.round(b.freeHours * 10) &&
    a.canStartNewWork === b.canStartNewWork &&
    a.overloaded === b.overloaded;
  const result: { first: number; last: number; row: MonthRow }[] = [];
  for (const row of months) {
    const previous = result[result.length - 1];
    if (previous && looksAlike(previous.row, row)) previous.last = row.month;
    else result.push({ first: row.month, last: row.month, row });
  }
  return result;
}

/**
 * The months in which new work cannot start but does again later (the engine's newWorkStopsMonth is
 * the month it stops for good: a change's setup months, say), named as `run`'s capacity table and
 * page 1 name them: " (no room in months 7–8)"; empty when there are none. "(paused in 2 months)"
 * read as "two months from now" and said neither which months nor what `run` says.
 * @example pausedWords(lateStart) // " (no room in months 7–8)"
 */
export function pausedWords(scenario: ScenarioResult): string {
  return noRoomBefore(scenario.months, scenario.summary.newWorkStopsMonth);
}

/** When the scenario's team has more work than hours: "never", or from which month and in how many. */
export function overloadedWords(summary: ScenarioResult["summary"]): string {
  const count = summary.overloadedMonths.length;
  return count === 0 ? "never" : `from ${formatMonth(summary.firstOverloadedMonth)} (${count} ${count === 1 ? "month" : "months"})`;
}

/**
 * How many live projects the scenario's team keeps at most, as page 1's team card says it
 * (`teamKeepsWords`, `keptAsTeamWords`): one person's whole projects, or a larger team's share per
 * person first, then its whole projects together, "The team of 4 has hours for about 2.4 live projects
 * per person, 9 whole projects as a team", where "keeps at most 9 live projects, about 2.4 per person"
 * read as 9 ÷ 4, and "One person keeps at most 2" as 8 for the 4 of them, who keep 9.
 */
function KeptLine({ summary }: { summary: ScenarioResult["summary"] }) {
  const kept = teamKeepsWords(summary);
  if (!kept) return null;
  const who = `${kept.who.charAt(0).toUpperCase()}${kept.who.slice(1)}`;
  if (kept.perPerson === undefined)
    return (
      <>
        {who} keeps at most <strong>{kept.count}</strong> live {kept.count === "1" ? "project" : "projects"}
      </>
    );
  // Page 1's words, the team's whole projects in bold: split where the count is said.
  const mark = "\u0000";
  const [before, after] = keptAsTeamWords({ count: kept.count, perPerson: kept.perPerson, per: kept.per }, { count: () => mark }).split(mark);
  return (
    <>
      {who} has hours for {before}
      <strong>{kept.count}</strong>
      {after}
    </>
  );
}

function ScenarioCapacity({ scenario, colour }: { scenario: ScenarioResult; colour: string }) {
  const summary = scenario.summary;
  return (
    <article className="capacity-card" style={{ borderLeftColor: colour }} aria-labelledby={`capacity-${scenario.name}`}>
      <h3 id={`capacity-${scenario.name}`}>{scenario.label}</h3>
      <ul className="capacity-facts">
        <li>
          {summary.maxLiveProjectsPerPerson === null ? (
            // The engine's null: a live project takes no hours (no upkeep, chores or fixes of its own).
            <>
              One person can keep <strong>any number of</strong> live projects: they take no hours of upkeep
            </>
          ) : (
            <KeptLine summary={summary} />
          )}
        </li>
        <li>
          New work stops for good: <strong>{summary.newWorkStopsMonth === null ? "never" : `from ${formatMonth(summary.newWorkStopsMonth)}`}</strong>
          {pausedWords(scenario)}
        </li>
        <li>
          Overloaded: <strong>{overloadedWords(summary)}</strong>
        </li>
      </ul>
      <table className="capacity-table">
        <caption className="visually-hidden">Team hours of {scenario.label}, by month</caption>
        <thead>
          <tr>
            <th scope="col">Months</th>
            <th scope="col">Live</th>
            <th scope="col">Upkeep</th>
            <th scope="col">Free</th>
            <th scope="col">New work</th>
          </tr>
        </thead>
        <tbody>
          {stretches(scenario.months).map((stretch) => (
            <tr key={stretch.first} className={stretch.row.overloaded ? "overloaded" : undefined}>
              <th scope="row">{stretch.first === stretch.last ? stretch.first : `${stretch.first}–${stretch.last}`}</th>
              <td>{stretch.row.liveProjects}</td>
              <td>{formatHours(stretch.row.upkeepHours)}</td>
              <td>{formatHours(stretch.row.freeHours)}</td>
              <td>{stretch.row.overloaded ? "overloaded" : stretch.row.canStartNewWork ? "yes" : "no"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </article>
  );
}

/** The seed's sheet for every scenario: live projects, upkeep, free hours and whether new work can start. */
function CapacityViewView({ result }: { result: CaseResult }) {
  return (
    <section className="capacity" aria-labelledby="capacity-heading">
      <h2 id="capacity-heading">Team capacity</h2>
      <p className="section-note">Hours are the team&apos;s hours in a month. New work can start only while the free hours reach the threshold.</p>
      <div className="capacity-grid">
        {scenarioOrder(result).map((name) => {
          const scenario = result.scenarios[name];
          return scenario ? <ScenarioCapacity key={name} scenario={scenario} colour={scenarioColour(result, name)} /> : null;
        })}
      </div>
    </section>
  );
}

export const CapacityView = memo(CapacityViewView);

import { memo, useState } from "react";
import type { CaseResult, MonthRow } from "../../../src/engine/index.js";
import { scenarioOrder } from "../../../src/charts/scenario-colours.js";
import { formatHours, formatMoney } from "../format.js";

/** Months shown at once: a long case is read a few years at a time, so the page never lays out hundreds of rows per keystroke. */
export const MONTHS_PER_PAGE = 60;

/** One row; kept as it is when an edit leaves the month unchanged. */
const MonthLine = memo(function MonthLine({ row, currency }: { row: MonthRow; currency: string }) {
  return (
    <tr className={row.overloaded ? "overloaded" : undefined} data-month={row.month}>
      <th scope="row">{row.month}</th>
      <td>{row.liveProjects}</td>
      <td>{formatHours(row.upkeepHours)}</td>
      <td data-column="free">{formatHours(row.freeHours)}</td>
      <td>{row.overloaded ? "overloaded" : row.canStartNewWork ? "yes" : "no"}</td>
      <td className={row.net < 0 ? "negative" : undefined}>{formatMoney(row.net, currency)}</td>
      <td>{row.releases > 0 ? row.releases : ""}</td>
      <td>{formatHours(row.availableHours)}</td>
      <td>{formatHours(row.overheadHours)}</td>
      <td>{formatHours(row.buildHours)}</td>
    </tr>
  );
}, sameRow);

function sameRow(before: { row: MonthRow; currency: string }, after: { row: MonthRow; currency: string }): boolean {
  if (before.currency !== after.currency) return false;
  const a = before.row;
  const b = after.row;
  return (
    a.month === b.month &&
    a.liveProjects === b.liveProjects &&
    a.upkeepHours === b.upkeepHours &&
    a.freeHours === b.freeHours &&
    a.overloaded === b.overloaded &&
    a.canStartNewWork === b.canStartNewWork &&
    a.net === b.net &&
    a.releases === b.releases &&
    a.availableHours === b.availableHours &&
    a.overheadHours === b.overheadHours &&
    a.buildHours === b.buildHours
  );
}

/** Every month of one scenario, as `mlops-roi run` prints it; a long case a page of months at a time. */
export const MonthTable = memo(function MonthTable({ result }: { result: CaseResult }) {
  const order = scenarioOrder(result);
  const [chosen, setChosen] = useState(result.baseline);
  const [page, setPage] = useState(0);
  const name = order.includes(chosen) ? chosen : result.baseline;
  const scenario = result.scenarios[name];
  if (!scenario) return null;
  const pages = Math.ceil(scenario.months.length / MONTHS_PER_PAGE);
  const shownPage = Math.min(page, Math.max(0, pages - 1));
  const rows = pages > 1 ? scenario.months.slice(shownPage * MONTHS_PER_PAGE, (shownPage + 1) * MONTHS_PER_PAGE) : scenario.months;
  const caption = `Month by month: ${scenario.label} (${scenario.name})`;
  return (
    <section className="months" aria-labelledby="months-heading">
      <div className="months-head">
        <h2 id="months-heading">Month by month</h2>
        <span className="months-choice">
          <label htmlFor="month-table-scenario" className="inline-label">
            Scenario
          </label>
          <select id="month-table-scenario" value={name} onChange={(event) => setChosen(event.target.value)}>
            {order.map((option) => (
              <option key={option} value={option}>
                {result.scenarios[option]?.label ?? option}
              </option>
            ))}
          </select>
        </span>
        {pages > 1 && (
          <span className="months-choice">
            <label htmlFor="month-table-page" className="inline-label">
              Months
            </label>
            <select id="month-table-page" value={shownPage} onChange={(event) => setPage(Number(event.target.value))}>
              {Array.from({ length: pages }, (_, index) => (
                <option key={index} value={index}>
                  {index * MONTHS_PER_PAGE + 1}–{Math.min(scenario.months.length, (index + 1) * MONTHS_PER_PAGE)}
                </option>
              ))}
            </select>
          </span>
        )}
      </div>
      <div className="table-scroll months-scroll" role="region" aria-label={caption} tabIndex={0}>
        <table className="month-table" data-scenario={name}>
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Month</th>
              <th scope="col">Live</th>
              <th scope="col">Upkeep</th>
              <th scope="col">Free</th>
              <th scope="col">New work</th>
              <th scope="col">Net money</th>
              <th scope="col">Released</th>
              <th scope="col">Hours</th>
              <th scope="col">Overheads</th>
              <th scope="col">Building</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <MonthLine key={row.month} row={row} currency={result.currency} />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
});

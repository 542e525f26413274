import { useState } from "react";
import type { CaseResult } from "../../../src/engine/index.js";
import { scenarioOrder } from "../../../src/charts/scenario-colours.js";
import { formatHours, formatMoney } from "../format.js";

/** Every month of one scenario, as `mlops-roi run` prints it. */
export function MonthTable({ result }: { result: CaseResult }) {
  const order = scenarioOrder(result);
  const [chosen, setChosen] = useState(result.baseline);
  const name = order.includes(chosen) ? chosen : result.baseline;
  const scenario = result.scenarios[name];
  if (!scenario) return null;
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
      </div>
      <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
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
            {scenario.months.map((row) => (
              <tr key={row.month} className={row.overloaded ? "overloaded" : undefined} data-month={row.month}>
                <th scope="row">{row.month}</th>
                <td>{row.liveProjects}</td>
                <td>{formatHours(row.upkeepHours)}</td>
                <td data-column="free">{formatHours(row.freeHours)}</td>
                <td>{row.overloaded ? "overloaded" : row.canStartNewWork ? "yes" : "no"}</td>
                <td className={row.net < 0 ? "negative" : undefined}>{formatMoney(row.net, result.currency)}</td>
                <td>{row.releases > 0 ? row.releases : ""}</td>
                <td>{formatHours(row.availableHours)}</td>
                <td>{formatHours(row.overheadHours)}</td>
                <td>{formatHours(row.buildHours)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

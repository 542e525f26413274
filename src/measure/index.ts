/**
 * Measured inputs from the team's own systems (`mlops-roi measure`): CI runs, deployments and
 * incidents, time sheets. Pure: no Node module, so the web app can use it too.
 */
export { measureCiRuns, isDeployment, isWaitedFor, type CiRun, type CiOptions } from "./ci-runs.js";
export { parseGithubRuns, readGithubRuns } from "./github-actions.js";
export { parseGitlabPipelines, readGitlabPipelines } from "./gitlab-pipelines.js";
export { parseEventsCsv, measureEvents, type ChangeEvent, type EventExport, type EventOptions } from "./incidents-csv.js";
export {
  parseTimesheetCsv,
  parseTimeRule,
  measureTimesheet,
  type Timesheet,
  type TimeEntry,
  type TimeRule,
  type TimeTarget,
  type TimesheetOptions,
} from "./timesheet-csv.js";
export { fetchGithubRuns, fetchGitlabPipelines, FetchProblem, nextLink, type FetchOptions } from "./fetch.js";
export type { Measurement, MonthlyValue, Observation, Proposal } from "./proposal.js";
export type { FileProblem, Parsed, Problem } from "./problems.js";
export { fileProblems, MAX_LISTED_PROBLEMS, MORE_PROBLEMS, problemCount, problemLine, problemText } from "./problems.js";
export { parseTimestamp, exposures, monthOf, type MonthExposure } from "./time.js";
export { percentile } from "./stats.js";
export { actualsCsv, actualsFormats, choreProblems, EDGE_DAYS_TOLERATED, type ActualsFormat, type ExportFile } from "./actuals.js";

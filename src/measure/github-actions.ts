import type { CiRun } from "./ci-runs.js";
import { describe, FieldReader, parseJsonText } from "./json-input.js";
import { failed, succeeded, type Parsed } from "./problems.js";

/**
 * GitHub Actions workflow runs, as the REST API returns them (GET /repos/{owner}/{repo}/actions/runs):
 * one page `{ total_count, workflow_runs: [...] }`, a list of pages (`gh api --paginate --slurp`),
 * or a bare list of runs. The fields read: id, name, status, conclusion, created_at, updated_at,
 * run_started_at, actor.login, triggering_actor.login, event, head_branch.
 *
 * A run's minutes are updated_at − run_started_at once its status is completed (GitHub updates a
 * run for the last time when it completes); its person is triggering_actor (who started this
 * attempt), else actor; a conclusion of failure or timed_out is a failure.
 */
export function parseGithubRuns(text: string): Parsed<CiRun[]> {
  const parsed = parseJsonText(text);
  if (!parsed.ok) return failed([parsed.problem]);
  return readGithubRuns(parsed.value);
}

/** The same, from JSON already parsed (the pages `--from github` fetched). */
export function readGithubRuns(value: unknown): Parsed<CiRun[]> {
  const lists: { path: string; items: unknown[] }[] = [];
  const reader = new FieldReader();
  const pageOf = (page: unknown, path: string) => {
    const object = reader.object(page, path || "the file");
    if (!object) return;
    if (!Array.isArray(object.workflow_runs)) {
      reader.problem(
        `${path}${path ? "." : ""}workflow_runs`,
        object.workflow_runs === undefined
          ? "missing: expected the response of GET /repos/{owner}/{repo}/actions/runs"
          : `expected a list, got ${describe(object.workflow_runs)}`,
      );
      return;
    }
    lists.push({ path: `${path}${path ? "." : ""}workflow_runs`, items: object.workflow_runs });
  };
  if (Array.isArray(value)) {
    const pages = value.length > 0 && value.every((item) => typeof item === "object" && item !== null && "workflow_runs" in item);
    if (pages) value.forEach((page, index) => pageOf(page, `[${index}]`));
    else lists.push({ path: "", items: value });
  } else pageOf(value, "");
  if (reader.problems.length > 0) return failed(reader.all());
  const runs: CiRun[] = [];
  for (const { path, items } of lists) {
    items.forEach((item, index) => {
      const at = `${path}[${index}]`;
      const run = reader.object(item, at);
      if (!run) return;
      const id = reader.id(run, at);
      const name = reader.string(run, at, "name", { nullable: true, optional: true }) ?? "";
      const status = reader.string(run, at, "status");
      const conclusion = reader.string(run, at, "conclusion", { nullable: true, optional: true });
      const createdAt = reader.timestamp(run, at, "created_at");
      const updatedAt = reader.timestamp(run, at, "updated_at");
      const startedAt = reader.timestamp(run, at, "run_started_at", { nullable: true, optional: true });
      const initiator = reader.login(run, at, "actor", "login");
      const actor = reader.login(run, at, "triggering_actor", "login") ?? initiator;
      const event = reader.string(run, at, "event");
      const branch = reader.string(run, at, "head_branch", { nullable: true, optional: true }) ?? "";
      if (status === undefined || createdAt === undefined || updatedAt === undefined || event === undefined || Number.isNaN(id)) return;
      const start = startedAt ?? createdAt;
      if (status === "completed" && updatedAt < start) {
        reader.problem(`${at}.updated_at`, "is before run_started_at: a run cannot end before it starts");
        return;
      }
      const outcome =
        status !== "completed"
          ? "unfinished"
          : conclusion === "success"
            ? "success"
            : conclusion === "failure" || conclusion === "timed_out"
              ? "failure"
              : "other";
      runs.push({
        record: at,
        id,
        name,
        ref: branch,
        trigger: event,
        actor,
        createdAt,
        minutes: status === "completed" ? (updatedAt - start) / 60_000 : undefined,
        outcome,
      });
    });
  }
  if (reader.problems.length > 0) return failed(reader.all());
  if (runs.length === 0)
    return failed([
      lists[0]?.path
        ? { record: lists[0].path, message: "is an empty list: there are no runs to measure" }
        : { record: "", message: "the file is an empty list: there are no runs to measure" },
    ]);
  return succeeded(runs);
}

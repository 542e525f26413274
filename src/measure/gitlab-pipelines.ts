import type { CiRun } from "./ci-runs.js";
import { describe, FieldReader, parseJsonText } from "./json-input.js";
import { failed, succeeded, type Parsed } from "./problems.js";

const finished = new Set(["success", "failed", "canceled", "skipped"]);

/**
 * GitLab pipelines, as the REST API returns them: the list (GET /projects/:id/pipelines: id,
 * status, source, ref, name, created_at, updated_at) or each pipeline fetched on its own (GET
 * /projects/:id/pipelines/:pipeline_id, which adds started_at, finished_at, duration and user), as
 * a list of pipelines or a list of such lists (one per page).
 *
 * A pipeline's minutes are duration ÷ 60 when the export has it, else finished_at − started_at,
 * else (a list without them) updated_at − created_at, which includes the time it queued; its person
 * is user.username; status failed is a failure.
 */
export function parseGitlabPipelines(text: string): Parsed<CiRun[]> {
  const parsed = parseJsonText(text);
  if (!parsed.ok) return failed([parsed.problem]);
  return readGitlabPipelines(parsed.value);
}

/** The same, from JSON already parsed (the pipelines `--from gitlab` fetched). */
export function readGitlabPipelines(value: unknown): Parsed<CiRun[]> {
  const reader = new FieldReader();
  if (!Array.isArray(value))
    return failed([{ record: "the file", message: `expected a list of pipelines (the response of GET /projects/:id/pipelines), got ${describe(value)}` }]);
  const pages = value.length > 0 && value.every(Array.isArray);
  const items: { at: string; item: unknown }[] = pages
    ? (value as unknown[][]).flatMap((page, pageIndex) => page.map((item, index) => ({ at: `[${pageIndex}][${index}]`, item })))
    : value.map((item, index) => ({ at: `[${index}]`, item }));
  const runs: CiRun[] = [];
  for (const { at, item } of items) {
    const pipeline = reader.object(item, at);
    if (!pipeline) continue;
    const id = reader.id(pipeline, at);
    const status = reader.string(pipeline, at, "status");
    const createdAt = reader.timestamp(pipeline, at, "created_at");
    const updatedAt = reader.timestamp(pipeline, at, "updated_at");
    const startedAt = reader.timestamp(pipeline, at, "started_at", { nullable: true, optional: true });
    const finishedAt = reader.timestamp(pipeline, at, "finished_at", { nullable: true, optional: true });
    const duration = reader.number(pipeline, at, "duration");
    const source = reader.string(pipeline, at, "source", { optional: true, nullable: true }) ?? "";
    const ref = reader.string(pipeline, at, "ref", { optional: true, nullable: true }) ?? "";
    const name = reader.string(pipeline, at, "name", { optional: true, nullable: true }) ?? "";
    const actor = reader.login(pipeline, at, "user", "username");
    if (status === undefined || createdAt === undefined || updatedAt === undefined || Number.isNaN(id)) continue;
    let minutes: number | undefined;
    if (finished.has(status)) {
      if (duration !== undefined) minutes = duration / 60;
      else if (startedAt !== undefined && finishedAt !== undefined) minutes = (finishedAt - startedAt) / 60_000;
      else minutes = (updatedAt - createdAt) / 60_000;
      if (minutes < 0) {
        reader.problem(`${at}.finished_at`, "is before the pipeline started: a pipeline cannot end before it starts");
        continue;
      }
    }
    const outcome = !finished.has(status) ? "unfinished" : status === "success" ? "success" : status === "failed" ? "failure" : "other";
    runs.push({ record: at, id, name, ref, trigger: source, actor, createdAt, minutes, outcome });
  }
  if (reader.problems.length > 0) return failed(reader.all());
  if (runs.length === 0) return failed([{ record: "", message: "the file is an empty list: there are no pipelines to measure" }]);
  return succeeded(runs);
}

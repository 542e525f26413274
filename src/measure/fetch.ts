/**
 * `measure --from github|gitlab`: the same runs the exports hold, fetched from the API with the
 * user's token. The token goes only into the request's header, only to the API's own origin (a
 * next-page link elsewhere is refused), and into no message.
 */

export interface FetchOptions {
  /** The API's base URL: https://api.github.com, https://gitlab.com/api/v4, or a test server's. */
  readonly baseUrl: string;
  readonly token: string;
  /** Only runs created on or after this day (YYYY-MM-DD). */
  readonly since?: string;
  /** Stop after this many runs (the most recent come first). */
  readonly maxRuns: number;
  /** Injected in tests; the global fetch otherwise. */
  readonly fetch?: typeof fetch;
}

export class FetchProblem extends Error {}

/** The `next` link of a Link header (RFC 8288), as GitHub and GitLab send it. */
export function nextLink(header: string | null): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(",")) {
    const match = /<([^>]+)>\s*;\s*rel="?([^";]+)"?/.exec(part.trim());
    if (match && match[2]!.split(/\s+/).includes("next")) return match[1];
  }
  return undefined;
}

async function getJson(url: string, headers: Record<string, string>, options: FetchOptions, what: string): Promise<{ body: unknown; next?: string }> {
  const base = new URL(options.baseUrl);
  const target = new URL(url);
  if (target.origin !== base.origin)
    throw new FetchProblem(`${what}: the API sent a next page at ${target.origin}, not ${base.origin}; refused (the token goes only to ${base.origin})`);
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(target, { headers: { Accept: "application/json", ...headers } });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    throw new FetchProblem(`${what}: cannot reach ${base.origin}${cause ? ` (${cause})` : ""}; check the network, or measure from an export file instead`);
  }
  const text = await response.text();
  if (!response.ok) {
    let detail = "";
    try {
      const message = (JSON.parse(text) as { message?: unknown }).message;
      if (typeof message === "string") detail = `: ${message.slice(0, 200)}`;
    } catch {
      // No JSON message: the status says enough.
    }
    const hint =
      response.status === 401 || response.status === 403
        ? " (check that the token is set and may read the repository's CI runs)"
        : response.status === 404
          ? " (check the repository or project name)"
          : "";
    throw new FetchProblem(`${what}: ${target.pathname} answered ${response.status} ${response.statusText}${detail}${hint}`);
  }
  try {
    return { body: JSON.parse(text), next: nextLink(response.headers.get("link")) };
  } catch {
    throw new FetchProblem(`${what}: ${target.pathname} answered with something that is not JSON`);
  }
}

const trimmedBase = (url: string) => url.replace(/\/+$/, "");

/**
 * The workflow runs of a GitHub repository, newest first, page by page (100 a page), as the
 * pages' `{ workflow_runs }` objects the export reader takes.
 */
export async function fetchGithubRuns(repo: string, options: FetchOptions): Promise<{ pages: unknown[]; truncated: boolean }> {
  if (!/^[\w.-]+\/[\w.-]+$/.test(repo)) throw new FetchProblem(`--repo ${repo}: expected owner/name, e.g. octo-org/models`);
  const headers = { Authorization: `Bearer ${options.token}`, "X-GitHub-Api-Version": "2022-11-28" };
  const query = new URLSearchParams({ per_page: "100" });
  if (options.since) query.set("created", `>=${options.since}`);
  let url: string | undefined = `${trimmedBase(options.baseUrl)}/repos/${repo}/actions/runs?${query}`;
  const pages: unknown[] = [];
  let runs = 0;
  while (url) {
    const { body, next } = await getJson(url, headers, options, `GitHub ${repo}`);
    pages.push(body);
    const list = (body as { workflow_runs?: unknown }).workflow_runs;
    runs += Array.isArray(list) ? list.length : 0;
    if (!Array.isArray(list) || list.length === 0) break;
    if (runs >= options.maxRuns) return { pages, truncated: next !== undefined };
    url = next;
  }
  return { pages, truncated: false };
}

/**
 * The pipelines of a GitLab project, newest first: the list page by page, then each pipeline on
 * its own for its duration, start, end and user (the list has none of them).
 */
export async function fetchGitlabPipelines(project: string, options: FetchOptions): Promise<{ pipelines: unknown[]; truncated: boolean }> {
  const headers = { "PRIVATE-TOKEN": options.token };
  const query = new URLSearchParams({ per_page: "100" });
  if (options.since) query.set("updated_after", `${options.since}T00:00:00Z`);
  const projectPath = `${trimmedBase(options.baseUrl)}/projects/${encodeURIComponent(project)}/pipelines`;
  let url: string | undefined = `${projectPath}?${query}`;
  const listed: unknown[] = [];
  let truncated = false;
  while (url) {
    const { body, next } = await getJson(url, headers, options, `GitLab ${project}`);
    if (!Array.isArray(body)) throw new FetchProblem(`GitLab ${project}: the pipelines list is not a list`);
    listed.push(...body);
    if (body.length === 0) break;
    if (listed.length >= options.maxRuns) {
      truncated = next !== undefined || listed.length > options.maxRuns;
      listed.length = Math.min(listed.length, options.maxRuns);
      break;
    }
    url = next;
  }
  const pipelines: unknown[] = [];
  for (let index = 0; index < listed.length; index += 8) {
    const batch = listed.slice(index, index + 8);
    const details = await Promise.all(
      batch.map(async (item) => {
        const id = (item as { id?: unknown }).id;
        if (typeof id !== "number") return item;
        return (await getJson(`${projectPath}/${id}`, headers, options, `GitLab ${project}`)).body;
      }),
    );
    pipelines.push(...details);
  }
  return { pipelines, truncated };
}

import { copyFileSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { packageRoot } from "../shared/package-files.js";
import type { CaseDocument } from "../shared/api-types.js";
import { createApp } from "./app.js";

const host = "127.0.0.1:4173";
let root: string;
let folder: string;
let app: ReturnType<typeof createApp>;

function request(path: string, init: RequestInit = {}): Promise<Response> {
  return Promise.resolve(
    app.request(`http://${host}${path}`, { ...init, headers: { host, "content-type": "application/json", ...(init.headers as Record<string, string>) } }),
  );
}

/** Saves the file named `file` with one number changed, as the page does. */
async function saveWithUpkeep(file: string, hours: number): Promise<Response> {
  const document = (await (await request(`/api/case?file=${file}`)).json()) as CaseDocument;
  const data = structuredClone(document.data) as { defaults: { projects: { upkeepHoursPerMonth: { value: number } } } };
  data.defaults.projects.upkeepHoursPerMonth.value = hours;
  return request(`/api/case?file=${file}`, { method: "PUT", body: JSON.stringify({ data, baseVersion: document.version }) });
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "mlops-roi-links-"));
  folder = join(root, "case");
  mkdirSync(folder);
  mkdirSync(join(root, "home"));
  mkdirSync(join(root, "web"));
  writeFileSync(join(root, "web", "index.html"), "<!doctype html><title>app</title>");
  copyFileSync(join(packageRoot, "examples", "seed.yaml"), join(folder, "seed.yaml"));
  app = createApp({ casePath: join(folder, "seed.yaml"), webRoot: join(root, "web"), allowedHostNames: ["127.0.0.1"] });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("saving next to links (a cloned folder of cases may hold any)", () => {
  it("never writes through a seed.yaml.bak that links outside the folder", async () => {
    const bashrc = join(root, "home", ".bashrc");
    writeFileSync(bashrc, "export PATH=/usr/bin\n");
    symlinkSync(join("..", "home", ".bashrc"), join(folder, "seed.yaml.bak"));
    const original = readFileSync(join(folder, "seed.yaml"), "utf8");

    const response = await saveWithUpkeep("seed.yaml", 40);

    expect(response.status).toBe(200);
    expect(readFileSync(bashrc, "utf8")).toBe("export PATH=/usr/bin\n");
    expect(lstatSync(join(folder, "seed.yaml.bak")).isSymbolicLink()).toBe(false);
    expect(readFileSync(join(folder, "seed.yaml.bak"), "utf8")).toBe(original);
    expect(readFileSync(join(folder, "seed.yaml"), "utf8")).toContain("value: 40");
  });

  it("opens and saves the file it was started with when that file is a link to a case kept in another folder", async () => {
    // `mlops-roi serve cases/case.yaml` where case.yaml links to ../shared/case.yaml: the user named the link.
    mkdirSync(join(root, "shared"));
    copyFileSync(join(folder, "seed.yaml"), join(root, "shared", "real.yaml"));
    symlinkSync(join("..", "shared", "real.yaml"), join(folder, "linked.yaml"));
    const original = readFileSync(join(root, "shared", "real.yaml"), "utf8");
    app = createApp({ casePath: join(folder, "linked.yaml"), webRoot: join(root, "web"), allowedHostNames: ["127.0.0.1"] });

    const read = await request("/api/case");
    expect(read.status).toBe(200);
    const response = await saveWithUpkeep("linked.yaml", 40);

    expect(response.status).toBe(200);
    expect(readlinkSync(join(folder, "linked.yaml"))).toBe(join("..", "shared", "real.yaml"));
    expect(readFileSync(join(root, "shared", "real.yaml"), "utf8")).toContain("value: 40");
    expect(readFileSync(join(folder, "linked.yaml.bak"), "utf8")).toBe(original);
  });

  it("still refuses another name of the folder that links to the same case outside it", async () => {
    mkdirSync(join(root, "shared"));
    copyFileSync(join(folder, "seed.yaml"), join(root, "shared", "real.yaml"));
    symlinkSync(join("..", "shared", "real.yaml"), join(folder, "linked.yaml"));
    symlinkSync(join("..", "shared", "real.yaml"), join(folder, "other.yaml"));
    app = createApp({ casePath: join(folder, "linked.yaml"), webRoot: join(root, "web"), allowedHostNames: ["127.0.0.1"] });

    expect((await request("/api/case?file=other.yaml")).status).toBe(403);
  });

  it("refuses the file it was started with once it is a link leading out that it was not at start", async () => {
    // seed.yaml was a plain file when the server started; a pull then made it a link to a file elsewhere.
    const document = (await (await request("/api/case")).json()) as CaseDocument;
    const outside = join(root, "home", "other.yaml");
    copyFileSync(join(folder, "seed.yaml"), outside);
    const before = readFileSync(outside, "utf8");
    rmSync(join(folder, "seed.yaml"));
    symlinkSync(join("..", "home", "other.yaml"), join(folder, "seed.yaml"));

    expect((await request("/api/case")).status).toBe(403);
    const save = await request("/api/case", { method: "PUT", body: JSON.stringify({ data: document.data, baseVersion: document.version }) });

    expect(save.status).toBe(403);
    expect(readFileSync(outside, "utf8")).toBe(before);
  });

  it("refuses the link it was started with once it is pointed at another file outside the folder", async () => {
    mkdirSync(join(root, "shared"));
    copyFileSync(join(folder, "seed.yaml"), join(root, "shared", "real.yaml"));
    copyFileSync(join(folder, "seed.yaml"), join(root, "home", "other.yaml"));
    symlinkSync(join("..", "shared", "real.yaml"), join(folder, "linked.yaml"));
    app = createApp({ casePath: join(folder, "linked.yaml"), webRoot: join(root, "web"), allowedHostNames: ["127.0.0.1"] });
    const document = (await (await request("/api/case")).json()) as CaseDocument;
    const before = readFileSync(join(root, "home", "other.yaml"), "utf8");
    rmSync(join(folder, "linked.yaml"));
    symlinkSync(join("..", "home", "other.yaml"), join(folder, "linked.yaml"));

    const save = await request("/api/case", { method: "PUT", body: JSON.stringify({ data: document.data, baseVersion: document.version }) });

    expect(save.status).toBe(403);
    expect(readFileSync(join(root, "home", "other.yaml"), "utf8")).toBe(before);
  });

  it("refuses the link it was started with when it leads to a folder", async () => {
    mkdirSync(join(root, "shared.yaml"));
    symlinkSync(join("..", "shared.yaml"), join(folder, "linked.yaml"));
    app = createApp({ casePath: join(folder, "linked.yaml"), webRoot: join(root, "web"), allowedHostNames: ["127.0.0.1"] });

    expect((await request("/api/case")).status).toBe(403);
  });

  it("keeps a link to another case of the folder a link, and saves into the file it points to", async () => {
    symlinkSync("seed.yaml", join(folder, "mine.yaml"));
    const original = readFileSync(join(folder, "seed.yaml"), "utf8");

    const response = await saveWithUpkeep("mine.yaml", 40);

    expect(response.status).toBe(200);
    expect(((await response.json()) as { backup: string }).backup).toBe("mine.yaml.bak");
    expect(readlinkSync(join(folder, "mine.yaml"))).toBe("seed.yaml");
    expect(readFileSync(join(folder, "seed.yaml"), "utf8")).toContain("value: 40");
    expect(readFileSync(join(folder, "mine.yaml.bak"), "utf8")).toBe(original);
  });
});

import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { gunzipSync } from "node:zlib";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { packageRoot } from "../shared/package-files.js";
import type { CaseDocument, ServerInfo } from "../shared/api-types.js";
import { createApp } from "./app.js";
import { caseExporters } from "./exporters.js";
import { MAX_BODY_BYTES } from "./guards.js";
import { parse as parseYaml } from "yaml";
import { MAX_SOURCE_BYTES } from "../engine/index.js";
import { runCliCaptured } from "../test-support/run-cli.js";

const seedPath = join(packageRoot, "examples", "seed.yaml");
const host = "127.0.0.1:4173";

let folder: string;
let outside: string;
let app: ReturnType<typeof createApp>;

function request(path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (!headers.has("host")) headers.set("host", host);
  return Promise.resolve(app.request(`http://${host}${path}`, { ...init, headers }));
}

function put(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return request(path, {
    method: "PUT",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

beforeEach(() => {
  const root = mkdtempSync(join(tmpdir(), "mlops-roi-server-"));
  folder = join(root, "case");
  outside = join(root, "outside");
  mkdirSync(folder);
  mkdirSync(outside);
  copyFileSync(seedPath, join(folder, "seed.yaml"));
  writeFileSync(join(outside, "secret.yaml"), "title: secret\n");
  // The page is served from a folder of its own; a tiny stand-in is enough here.
  mkdirSync(join(root, "web"));
  writeFileSync(join(root, "web", "index.html"), "<!doctype html><title>app</title>");
  app = createApp({ casePath: join(folder, "seed.yaml"), webRoot: join(root, "web"), allowedHostNames: ["127.0.0.1", "localhost"] });
});

afterEach(() => {
  rmSync(join(folder, ".."), { recursive: true, force: true });
});

describe("reading the case", () => {
  it("serves the file it was started with: text, data, issues and a version", async () => {
    const response = await request("/api/case");
    expect(response.status).toBe(200);
    const document = (await response.json()) as CaseDocument;
    expect(document.file).toBe("seed.yaml");
    expect(document.text).toBe(readFileSync(seedPath, "utf8"));
    expect((document.data as { baseline: string }).baseline).toBe("current");
    expect(document.issues.filter((issue) => issue.severity === "error")).toEqual([]);
    expect(document.version).toMatch(/^[0-9a-f]{16}$/);
  });

  it("lists the scenario files of the folder, the main file first", async () => {
    writeFileSync(join(folder, "another.yml"), "title: x\n");
    writeFileSync(join(folder, "notes.txt"), "not a case");
    const info = (await (await request("/api/info")).json()) as ServerInfo;
    expect(info.file).toBe("seed.yaml");
    expect(info.files).toEqual(["seed.yaml", "another.yml"]);
    expect(info.templates).toContain("seed");
  });

  it("lists no JSON file that is a command's output or too large to be a case, but a JSON case and one that does not parse", async () => {
    const seed = parseYaml(readFileSync(seedPath, "utf8")) as Record<string, unknown>;
    writeFileSync(join(folder, "case.json"), JSON.stringify(seed));
    writeFileSync(join(folder, "draft.json"), '{ "title": "x", ');
    // run --json repeats the case's title, currency and scenarios: read as a case, 30 problems.
    writeFileSync(join(folder, "out.json"), (await runCliCaptured(["run", seedPath, "--json"])).stdout);
    writeFileSync(join(folder, "tornado.json"), JSON.stringify({ alternative: "optimal", currency: "EUR", baseNpv: 1, tornado: [] }));
    writeFileSync(join(folder, "big.json"), JSON.stringify({ ...seed, description: "x".repeat(MAX_SOURCE_BYTES) }));
    const info = (await (await request("/api/info")).json()) as ServerInfo;
    expect(info.files).toEqual(["seed.yaml", "case.json", "draft.json"]);
  });

  it("gives the case with the info when asked (api/info?case=1: one request as the page opens), and only then", async () => {
    const plain = (await (await request("/api/info")).json()) as ServerInfo;
    expect(plain.case).toBeUndefined();
    const info = (await (await request("/api/info?case=1")).json()) as ServerInfo;
    expect(info.file).toBe("seed.yaml");
    expect(info.case).toEqual(await (await request("/api/case")).json());
    expect(info.caseError).toBeUndefined();
    rmSync(join(folder, "seed.yaml"));
    const missing = (await (await request("/api/info?case=1")).json()) as ServerInfo;
    expect(missing.case).toBeUndefined();
    expect(missing.caseError).toEqual({ message: "seed.yaml: no such file in the case's folder", status: 404 });
  });

  it("serves the page at /", async () => {
    const response = await request("/");
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("<title>app</title>");
    expect(response.headers.get("content-security-policy")).toContain("default-src 'self'");
  });
});

describe("refusing paths outside the case's folder", () => {
  const refused = [
    "../outside/secret.yaml",
    "..",
    "/etc/passwd",
    "%2e%2e%2foutside%2fsecret.yaml",
    "sub/seed.yaml",
    "..\\outside\\secret.yaml",
    "C:\\secret.yaml",
    "seed.txt",
    "seed.yaml\0.json",
  ];
  for (const name of refused) {
    it(`refuses to read ${JSON.stringify(name)}`, async () => {
      const response = await request(`/api/case?file=${encodeURIComponent(name)}`);
      expect([400, 403, 404]).toContain(response.status);
      expect(((await response.json()) as { message: string }).message).not.toContain("secret: ");
    });
  }

  it("refuses to show or save over a file that is not UTF-8, naming the byte: saved, its letters would be replacement characters", async () => {
    const latin1 = Buffer.from("title: Caf\u00e9\n", "latin1");
    writeFileSync(join(folder, "latin1.yaml"), latin1);
    const read = await request("/api/case?file=latin1.yaml");
    expect(read.status).toBe(422);
    expect(((await read.json()) as { message: string }).message).toBe(
      "latin1.yaml:1:11: byte 0xE9 is not valid UTF-8; the file was probably saved in a Windows or Latin-1 encoding: save it as UTF-8",
    );
    expect((await put("/api/case?file=latin1.yaml", { data: { title: "changed" } })).status).toBe(422);
    expect(readFileSync(join(folder, "latin1.yaml"))).toEqual(latin1);
  });

  it("refuses a link inside the folder that leads outside it", async () => {
    symlinkSync(join(outside, "secret.yaml"), join(folder, "link.yaml"));
    const read = await request("/api/case?file=link.yaml");
    expect(read.status).toBe(403);
    expect(((await read.json()) as { message: string }).message).toContain("outside the case's folder");
    const write = await put("/api/case?file=link.yaml", { data: { title: "changed" } });
    expect(write.status).toBe(403);
    expect(readFileSync(join(outside, "secret.yaml"), "utf8")).toBe("title: secret\n");
    const info = (await (await request("/api/info")).json()) as ServerInfo;
    expect(info.files).not.toContain("link.yaml");
  });

  it("refuses to write outside the folder", async () => {
    const document = (await (await request("/api/case")).json()) as CaseDocument;
    const response = await put(`/api/case?file=${encodeURIComponent("../outside/secret.yaml")}`, { data: document.data });
    expect(response.status).toBe(403);
    expect(readFileSync(join(outside, "secret.yaml"), "utf8")).toBe("title: secret\n");
  });

  it("does not serve files beside the page through the static route", async () => {
    const response = await request("/..%2f..%2fcase%2fseed.yaml");
    expect(response.status).toBe(404);
  });
});

describe("saving", () => {
  it("validates, writes atomically, keeps the previous version as .bak and keeps the comments", async () => {
    const original = readFileSync(join(folder, "seed.yaml"), "utf8");
    const document = (await (await request("/api/case")).json()) as CaseDocument;
    const data = structuredClone(document.data) as { defaults: { projects: { upkeepHoursPerMonth: { value: number } } } };
    data.defaults.projects.upkeepHoursPerMonth.value = 40;
    const response = await put("/api/case", { data, baseVersion: document.version });
    expect(response.status).toBe(200);
    const saved = readFileSync(join(folder, "seed.yaml"), "utf8");
    expect(saved).toContain("value: 40");
    expect(saved).toContain("# The seed's sheet: one data scientist");
    expect(saved).toContain("note: re-training, re-running data jobs and fixing breakage, per live project");
    expect(saved.replace("value: 40", "value: 30")).toBe(original);
    expect(readFileSync(join(folder, "seed.yaml.bak"), "utf8")).toBe(original);
    expect(((await response.json()) as { backup: string }).backup).toBe("seed.yaml.bak");
  });

  it("refuses an invalid case with 422 and the issues, and writes nothing", async () => {
    const original = readFileSync(join(folder, "seed.yaml"), "utf8");
    const document = (await (await request("/api/case")).json()) as CaseDocument;
    const data = structuredClone(document.data) as { defaults: { projects: { upkeepHoursPerMonth: unknown } } };
    data.defaults.projects.upkeepHoursPerMonth = -5;
    const response = await put("/api/case", { data });
    expect(response.status).toBe(422);
    const body = (await response.json()) as { message: string; issues: { path: string[]; message: string }[] };
    expect(body.issues[0]?.path).toEqual(["defaults", "projects", "upkeepHoursPerMonth"]);
    // One error, in the singular (it said "1 error(s)").
    expect(body.message).toBe("seed.yaml was not saved: the case has 1 error");
    expect(readFileSync(join(folder, "seed.yaml"), "utf8")).toBe(original);
    expect(existsSync(join(folder, "seed.yaml.bak"))).toBe(false);
  });

  it("refuses a save based on an older version of the file (changed on disk meanwhile)", async () => {
    const document = (await (await request("/api/case")).json()) as CaseDocument;
    writeFileSync(join(folder, "seed.yaml"), `${document.text}# edited elsewhere\n`);
    const response = await put("/api/case", { data: document.data, baseVersion: document.version });
    expect(response.status).toBe(409);
    expect(readFileSync(join(folder, "seed.yaml"), "utf8")).toContain("# edited elsewhere");
  });

  it('refuses to save over a read-only file, in the page\'s words (the page shows "Not saved: " and this; it was a server failure naming --force)', async () => {
    const document = (await (await request("/api/case")).json()) as CaseDocument;
    const path = join(folder, "seed.yaml");
    const original = readFileSync(path, "utf8");
    chmodSync(path, 0o444);
    const response = await put("/api/case", { data: { ...(document.data as Record<string, unknown>), title: "Edited" }, baseVersion: document.version });
    expect(response.status).toBe(403);
    const body = (await response.json()) as { message: string };
    expect(body.message).toBe(
      "seed.yaml is read-only and is left as it is: make it writable (chmod u+w seed.yaml) and save again; your changes are kept in the page until you do",
    );
    expect(body.message).not.toContain("--force");
    chmodSync(path, 0o644);
    expect(readFileSync(path, "utf8")).toBe(original);
    expect(existsSync(join(folder, "seed.yaml.bak"))).toBe(false);
  });

  it("refuses to save when seed.yaml.bak is read-only: saving would overwrite that backup, which was made read-only to keep it", async () => {
    const document = (await (await request("/api/case")).json()) as CaseDocument;
    const path = join(folder, "seed.yaml");
    const original = readFileSync(path, "utf8");
    writeFileSync(`${path}.bak`, "title: the version I meant to keep\n");
    chmodSync(`${path}.bak`, 0o444);
    const response = await put("/api/case", { data: { ...(document.data as Record<string, unknown>), title: "Edited" }, baseVersion: document.version });
    expect(response.status).toBe(403);
    const body = (await response.json()) as { message: string };
    expect(body.message).toBe(
      "seed.yaml.bak is read-only and is left as it is, so seed.yaml is not replaced either (its previous version would be kept as seed.yaml.bak): make it writable (chmod u+w seed.yaml.bak) or move it away, and save again; your changes are kept in the page until you do",
    );
    expect(readFileSync(path, "utf8")).toBe(original);
    expect(readFileSync(`${path}.bak`, "utf8")).toBe("title: the version I meant to keep\n");
    chmodSync(`${path}.bak`, 0o644);
    rmSync(`${path}.bak`);
  });

  it("refuses to save when seed.yaml.bak is a folder, as the page's to fix (it said 'the server failed', 500, with the folder's whole path)", async () => {
    const document = (await (await request("/api/case")).json()) as CaseDocument;
    const path = join(folder, "seed.yaml");
    const original = readFileSync(path, "utf8");
    mkdirSync(`${path}.bak`);
    const response = await put("/api/case", { data: { ...(document.data as Record<string, unknown>), title: "Edited" }, baseVersion: document.version });
    expect(response.status).toBe(409);
    const body = (await response.json()) as { message: string };
    expect(body.message).toBe(
      "cannot write seed.yaml: seed.yaml.bak is a folder, so the old file cannot be kept there; nothing was written; move it away and save again; your changes are kept in the page until you do",
    );
    expect(readFileSync(path, "utf8")).toBe(original);
    rmSync(`${path}.bak`, { recursive: true });
  });

  it("refuses a body over the size limit with 413", async () => {
    const huge = JSON.stringify({ data: { title: "x".repeat(MAX_BODY_BYTES + 10) } });
    const response = await put("/api/case", huge);
    expect(response.status).toBe(413);
    expect(existsSync(join(folder, "seed.yaml.bak"))).toBe(false);
  });

  it("refuses bodies that are not JSON, and requests from another site", async () => {
    const document = (await (await request("/api/case")).json()) as CaseDocument;
    const asText = await request("/api/case", { method: "PUT", headers: { "content-type": "text/plain" }, body: JSON.stringify({ data: document.data }) });
    expect(asText.status).toBe(415);
    const broken = await put("/api/case", "{ not json");
    expect(broken.status).toBe(400);
    const foreign = await put("/api/case", { data: document.data }, { origin: "https://attacker.example" });
    expect(foreign.status).toBe(403);
    expect(existsSync(join(folder, "seed.yaml.bak"))).toBe(false);
  });
});

describe("the server's boundaries", () => {
  it("answers only to local host names when bound to the loopback address", async () => {
    const response = await request("/api/case", { headers: { host: "attacker.example:4173" } });
    expect(response.status).toBe(403);
    expect((await request("/api/info", { headers: { host: "localhost:4173" } })).status).toBe(200);
  });

  it("serves the shipped templates by name only", async () => {
    const seed = await request("/api/templates/seed");
    expect(seed.status).toBe(200);
    expect(((await seed.json()) as { text: string }).text).toBe(readFileSync(seedPath, "utf8"));
    expect((await request("/api/templates/..%2f..%2fpackage")).status).toBe(404);
    expect((await request("/api/templates/nonesuch")).status).toBe(404);
  });

  it("answers 404 for unknown API addresses and exports nobody configured", async () => {
    expect((await request("/api/nothing")).status).toBe(404);
    const response = await request("/api/export/report.html", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text: readFileSync(seedPath, "utf8") }),
    });
    expect(response.status).toBe(404);
  });
});

describe("exports", () => {
  it("renders the report from the page's text, named after the case, and refuses a case with errors", async () => {
    app = createApp({ casePath: join(folder, "seed.yaml"), webRoot: join(folder, "..", "web"), exporters: caseExporters() });
    const text = readFileSync(seedPath, "utf8");
    const post = (body: unknown) =>
      request("/api/export/report.html", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const response = await post({ text });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="one-data-scientist-three-releases-a-year.html"');
    expect(await response.text()).toContain("One data scientist, three releases a year");
    const refused = await post({ text: text.replace("upkeepHoursPerMonth:\n      value: 30", "upkeepHoursPerMonth:\n      value: -30") });
    expect(refused.status).toBe(422);
    expect((await post({ nothing: true })).status).toBe(400);
  });
});

describe("serving the page", () => {
  it("sends the scripts compressed, keeps the hashed assets for a year and checks index.html on every load", async () => {
    const web = join(folder, "..", "web");
    mkdirSync(join(web, "assets"));
    const script = `export const figures = [${Array.from({ length: 2_000 }, (_, index) => index).join(", ")}];\n`;
    writeFileSync(join(web, "assets", "index-AbC123.js"), script);
    const asset = await request("/assets/index-AbC123.js", { headers: { "accept-encoding": "gzip, deflate, br" } });
    expect(asset.status).toBe(200);
    expect(asset.headers.get("content-encoding")).toBe("gzip");
    expect(asset.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const sent = new Uint8Array(await new Response(asset.body).arrayBuffer());
    expect(gunzipSync(sent).toString("utf8")).toBe(script);
    expect(sent.length).toBeLessThan(script.length / 2);
    const page = await request("/", { headers: { "accept-encoding": "gzip" } });
    expect(page.status).toBe(200);
    expect(page.headers.get("cache-control")).toBe("no-cache");
    // Without Accept-Encoding, the plain bytes.
    const plain = await request("/assets/index-AbC123.js");
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(await plain.text()).toBe(script);
    // A missing asset is not cached as if it were one.
    const missing = await request("/assets/nothing-here.js");
    expect(missing.headers.get("cache-control")).toBeNull();
  });
});

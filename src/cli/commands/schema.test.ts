import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { scenarioJsonSchema } from "../../engine/index.js";
import { makeTempFolder } from "../../test-support/fixtures.js";
import { runCliCaptured } from "../../test-support/run-cli.js";

let temp: ReturnType<typeof makeTempFolder>;
beforeEach(() => {
  temp = makeTempFolder();
});
afterEach(() => temp.remove());

describe("schema", () => {
  it("prints valid JSON whose properties include title, currency and scenarios", async () => {
    const { exitCode, stdout, stderr } = await runCliCaptured(["schema"]);
    expect(exitCode).toBe(0);
    expect(stderr).toBe("");
    const schema = JSON.parse(stdout) as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(["title", "currency", "horizonMonths", "baseline", "scenarios"]));
    expect(schema.required).toEqual(expect.arrayContaining(["title", "currency", "scenarios"]));
    expect(schema).toEqual(scenarioJsonSchema());
  });

  it("writes it with -o and refuses to replace it without --force", async () => {
    const target = join(temp.path, "scenario.schema.json");
    expect((await runCliCaptured(["schema", "-o", target])).exitCode).toBe(0);
    expect(JSON.parse(readFileSync(target, "utf8"))).toEqual(scenarioJsonSchema());
    writeFileSync(target, "{}");
    const refused = await runCliCaptured(["schema", "-o", target]);
    expect(refused.exitCode).toBe(1);
    expect(readFileSync(target, "utf8")).toBe("{}");
    const forced = await runCliCaptured(["schema", "-o", target, "--force"]);
    expect(forced.stderr).toBe(`wrote ${target} (previous version kept as ${target}.bak)\n`);
    expect(readFileSync(`${target}.bak`, "utf8")).toBe("{}");
    const folder = await runCliCaptured(["schema", "-o", temp.path]);
    expect(folder.exitCode).toBe(2);
    expect(folder.stderr).toContain(`-o ${temp.path} is a folder; give the file to write, e.g. -o ${join(temp.path, "scenario.schema.json")}`);
  });
});

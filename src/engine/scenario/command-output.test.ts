import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import { describe, expect, it } from "vitest";
import { runCliCaptured } from "../../test-support/run-cli.js";
import { commandOutputOf, notACaseWords } from "./command-output.js";

// With ranges: sensitivity and voi need some.
const packageRoot = fileURLToPath(new URL("../../../", import.meta.url));
const seedPath = join(packageRoot, "examples", "seed-uncertain.yaml");

describe("telling a command's JSON output from a case", () => {
  it("names the command of each output, and of no case", async () => {
    const outputOf = async (command: string) => JSON.parse((await runCliCaptured([command, seedPath, "--json"])).stdout) as unknown;
    expect(commandOutputOf(await outputOf("run"))).toBe("mlops-roi run --json");
    expect(commandOutputOf(await outputOf("sensitivity"))).toBe("mlops-roi sensitivity --json");
    expect(commandOutputOf(await outputOf("voi"))).toBe("mlops-roi voi --json");
    expect(commandOutputOf(await outputOf("optimize"))).toBe("mlops-roi optimize --json");
    for (const example of ["seed.yaml", "team.yaml", "enterprise.yaml", "seed-uncertain.yaml"]) {
      expect(commandOutputOf(parseYaml(readFileSync(join(packageRoot, "examples", example), "utf8")))).toBeUndefined();
    }
    expect(commandOutputOf(null)).toBeUndefined();
    expect(commandOutputOf([1])).toBeUndefined();
    expect(notACaseWords("out.json", "mlops-roi run --json")).toBe(
      "out.json is the output of mlops-roi run --json, not a case; open the case it was made from",
    );
  }, 60_000);
});

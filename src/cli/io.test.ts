import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { writeFileAtomic } from "../shared/atomic-write.js";
import { makeTempFolder } from "../test-support/fixtures.js";
import { UserError } from "./io.js";

let temp: ReturnType<typeof makeTempFolder>;
beforeEach(() => {
  temp = makeTempFolder();
});
afterEach(() => temp.remove());

describe("UserError", () => {
  it("is the class the shared file writer throws, so the command line prints its refusals as a user's error", () => {
    const target = join(temp.path, "case.yaml");
    writeFileSync(target, "mine");
    let thrown: unknown;
    try {
      writeFileAtomic(target, "new");
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(UserError);
    expect((thrown as UserError).exitCode).toBe(1);
  });
});

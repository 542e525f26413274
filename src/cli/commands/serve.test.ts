import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startServer } from "../../server/start-server.js";
import { makeTempFolder } from "../../test-support/fixtures.js";
import { runCliCaptured, stackTraceLine } from "../../test-support/run-cli.js";
import { templatePath } from "../../shared/package-files.js";

let temp: ReturnType<typeof makeTempFolder>;
beforeEach(() => {
  temp = makeTempFolder();
});
afterEach(() => temp.remove());

describe("serve", () => {
  it("refuses a file that is not there, with a hint and exit 1", async () => {
    const file = join(temp.path, "missing.yaml");
    const { exitCode, stderr } = await runCliCaptured(["serve", file]);
    expect(exitCode).toBe(1);
    expect(stderr).toContain(`${file}: no such file (run \`mlops-roi init -o ${file}\``);
    expect(stderr).not.toMatch(stackTraceLine);
  });

  it("refuses a folder and a file that is not a scenario file", async () => {
    mkdirSync(join(temp.path, "folder.yaml"));
    writeFileSync(join(temp.path, "notes.txt"), "hello");
    expect((await runCliCaptured(["serve", join(temp.path, "folder.yaml")])).stderr).toContain("is a folder");
    const text = await runCliCaptured(["serve", join(temp.path, "notes.txt")]);
    expect(text.exitCode).toBe(1);
    expect(text.stderr).toContain("expected a scenario file ending in .yaml, .yml or .json");
  });

  it("refuses a port that is not a number as wrong usage (exit 2)", async () => {
    const { exitCode, stderr } = await runCliCaptured(["serve", templatePath("seed"), "--port", "http"]);
    expect(exitCode).toBe(2);
    expect(stderr).toContain("expected a port number between 0 and 65535");
  });

  it("says when the port is taken instead of failing with a stack trace", async () => {
    const running = await startServer({ casePath: templatePath("seed"), port: 0, exporters: {} });
    try {
      const { exitCode, stderr } = await runCliCaptured(["serve", templatePath("seed"), "--port", String(running.port)]);
      expect(exitCode).toBe(1);
      expect(stderr).toContain(`port ${running.port} on 127.0.0.1 is already in use; choose another with --port`);
      expect(stderr).not.toMatch(stackTraceLine);
    } finally {
      await running.close();
    }
  });

  it("documents its options with examples", async () => {
    const { exitCode, stdout } = await runCliCaptured(["serve", "--help"]);
    expect(exitCode).toBe(0);
    expect(stdout).toContain("--host <address>");
    expect(stdout).toContain("$ mlops-roi serve examples/seed.yaml");
  });
});

describe("serve, stopped as a user stops it", () => {
  const child = new URL("../../test-support/cli-child.ts", import.meta.url).pathname;

  for (const [signal, code] of [
    ["SIGINT", 130],
    ["SIGTERM", 143],
  ] as const) {
    it(`exits ${code} after ${signal} (Ctrl+C is not success), saying it stopped`, async () => {
      const { spawn } = await import("node:child_process");
      const file = join(temp.path, "case.yaml");
      writeFileSync(file, readFileSync(templatePath("seed"), "utf8"));
      const server = spawn(process.execPath, ["--import", "tsx", child, "serve", file, "--port", "0"], { stdio: ["ignore", "pipe", "pipe"] });
      let stdout = "";
      let stderr = "";
      server.stderr.on("data", (chunk) => (stderr += chunk));
      await new Promise<void>((resolve, reject) => {
        server.stdout.on("data", (chunk) => {
          stdout += chunk;
          if (stdout.includes("press Ctrl+C to stop")) resolve();
        });
        server.on("exit", () => reject(new Error(`the server stopped before it listened: ${stderr}`)));
      });
      const exit = new Promise<number | null>((resolve) => server.on("exit", (status) => resolve(status)));
      server.kill(signal);
      expect(await exit).toBe(code);
      expect(stderr).toMatch(/^stopped\n$|\nstopped\n$/);
    }, 60_000);
  }
});

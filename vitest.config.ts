import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "web/**/*.test.ts"],
    // The web page is built (when stale) once, before the browser tests of several files run in parallel.
    globalSetup: ["src/test-support/global-setup.ts"],
    // The JSON report is read by .ci/run to print its closing "N passed, N failed" line.
    reporters: ["default", "json"],
    outputFile: { json: "test-results/results.json" },
    testTimeout: 30_000,
    // expect.poll waits for the web app in a browser; CI runs it beside LibreOffice and other
    // browsers on two cores, where one update can stall past vitest's default of one second.
    expect: { poll: { timeout: 15_000 } },
  },
});

import { runCli } from "./program.js";

// For the build, which writes the bundled scripts' code caches after running a few commands, and its test.
export { BUNDLED_SCRIPTS, codeCacheOf, codeCacheStates } from "./bundled-scripts.js";

/** Entry point of the `mlops-roi` executable. */
export async function main(argv: readonly string[]): Promise<number> {
  // Output piped into a command that stops reading (`| head`) is not an error of ours.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
  if (argv.length === 0) argv = ["--help"];
  return runCli(argv);
}

import { processOutput, stdoutFailed, stdoutFailure, withVisibleControls } from "./io.js";
import { runCli } from "./program.js";
import { hearPendingStop, listensForStops, sayWhatWasWrittenOnStop } from "./stop.js";

// For the bundle's entry, which says how it loaded the command line's script, and the build, which writes
// the scripts' code caches after running a few commands, and its test.
export { BUNDLED_SCRIPTS, codeCacheOf, codeCacheStates, registerScript } from "./bundled-scripts.js";

/** Entry point of the `mlops-roi` executable. */
export async function main(argv: readonly string[]): Promise<number> {
  // Output piped into a command that stops reading (`| head`) is not an error of ours.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
      // A full disk or a failed device: said in words, exit 1, no stack trace (stderr itself may be what failed).
      if (stream === process.stdout && !stdoutFailed) process.stderr.write(`error: ${stdoutFailure(error).message}\n`);
      process.exit(1);
    });
  }
  if (argv.length === 0) argv = ["--help"];
  // Ctrl-C after the Monte Carlo says what was written, for the commands whose work after it is short.
  if (!listensForStops(argv)) return runCli(argv);
  const stopListening = sayWhatWasWrittenOnStop(withVisibleControls(processOutput));
  try {
    const code = await runCli(argv);
    await hearPendingStop();
    return code;
  } finally {
    stopListening();
  }
}

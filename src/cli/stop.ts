import { watchWrites, whenWritesDone, type CompletedWrite } from "../shared/atomic-write.js";
import type { CliOutput } from "./io.js";

const signals = ["SIGINT", "SIGTERM"] as const;
type StopSignal = (typeof signals)[number];

/** Parts of a command that hear Ctrl-C themselves and say what they stopped (the Monte Carlo's loop). */
let handledHere = 0;

/**
 * For a part of a command that listens for Ctrl-C itself and says what it stopped (the Monte Carlo,
 * "stopped after 1,200 of 10,000 samples"): until the returned function is called, the command
 * line's own stop (`sayWhatWasWrittenOnStop`) leaves Ctrl-C to it (a SIGTERM it still hears).
 */
export function stopHandledHere(): () => void {
  handledHere++;
  let released = false;
  return () => {
    if (!released) handledHere--;
    released = true;
  };
}

/**
 * What a stopped command says it left: the files it wrote in full (each with its backup), or nothing.
 * @example stopMessage([]) // "stopped; nothing was written"
 * @example stopMessage([{ path: "report.html", backup: "report.html.bak" }]) // "stopped after writing in full: report.html (previous version kept as report.html.bak); nothing else was written"
 */
export function stopMessage(written: readonly CompletedWrite[]): string {
  if (written.length === 0) return "stopped; nothing was written";
  const files = written.map((file) => (file.backup ? `${file.path} (previous version kept as ${file.backup})` : file.path));
  const list = files.length === 1 ? files[0] : `${files.slice(0, -1).join(", ")} and ${files.at(-1)}`;
  return `stopped after writing in full: ${list}; nothing else was written`;
}

/**
 * Whether the command line's own stop (`sayWhatWasWrittenOnStop`) listens while `argv` runs. A signal's
 * listener runs only when the event loop turns: once one is installed, a Ctrl-C pressed during
 * synchronous work waits for that work to end. So it listens only for the commands whose work beyond
 * their Monte Carlo (which hears Ctrl-C at once, between its steps) takes a second or two: `report`,
 * `export`, `run` and `track backup`. The others keep the terminal's own Ctrl-C, which ends them at once
 * (a Sobol analysis or the optimiser's search can take many seconds; their writes are held whole all the
 * same); `serve` stops itself and says so; the `track` commands that change the store change it in one
 * SQLite transaction, which a signal stops whole or not at all.
 * @example listensForStops(["report", "case.yaml"]) // true
 * @example listensForStops(["sensitivity", "case.yaml", "--method", "sobol"]) // false
 */
export function listensForStops(argv: readonly string[]): boolean {
  const [command, subcommand] = argv;
  return command === "report" || command === "export" || command === "run" || (command === "track" && subcommand === "backup");
}

/**
 * Ctrl-C (or SIGTERM) while a command works beyond its Monte Carlo (the report's charts and PDF, the
 * workbook, a write) ended the process without a word. From now on such a signal says what happened
 * and ends the process as a stopped one does (130 after Ctrl-C, 143 after SIGTERM): nothing was
 * written, or which files were written in full. A write underway (each is held against signals)
 * completes first, so the answer is never "half". Used by the executable only (`main`): a test
 * running commands in-process must not end its own process.
 */
export function sayWhatWasWrittenOnStop(output: CliOutput, exit: (code: number) => void = (code) => process.exit(code)): () => void {
  const written: CompletedWrite[] = [];
  const stopWatching = watchWrites((file) => written.push(file));
  let stopping = false;
  const onSignal = (signal: StopSignal) => {
    // The Monte Carlo's loop hears Ctrl-C only: a SIGTERM meanwhile is this stop's, which the listener
    // installed here keeps from ending the process as it would without one (it ran on, wrote, exited 0).
    if ((handledHere > 0 && signal === "SIGINT") || stopping) return;
    stopping = true;
    whenWritesDone(() => {
      output.stderr(`${stopMessage(written)}\n`);
      exit(signal === "SIGINT" ? 130 : 143);
    });
  };
  for (const signal of signals) process.on(signal, onSignal);
  return () => {
    stopWatching();
    for (const signal of signals) process.off(signal, onSignal);
  };
}

/**
 * Lets a Ctrl-C pressed during synchronous work (the charts, the workbook, a write) be heard now: a
 * signal's listener runs only when the event loop turns, which it does not between the steps of such
 * work. Awaited before a command writes what took long to make, so a stop then writes nothing, and
 * by the executable once a command is done, so a stop during its last write is said (and exits 130).
 */
export async function hearPendingStop(): Promise<void> {
  // The loop reads a pending signal before it runs what setImmediate queued; twice, as the write's hold does.
  for (let turn = 0; turn < 2; turn++) await new Promise<void>((resolve) => setImmediate(resolve));
}

import type { CliOutput } from "./io.js";
import { stopHandledHere } from "./stop.js";
import { formatNumber } from "../format/numbers.js";

/**
 * A progress bar on stderr for work that takes more than a second, drawn only when stderr is a
 * terminal (never in pipes, files or CI logs).
 * @example const bar = createProgress(output, "Monte Carlo"); bar.update(500, 1000); bar.done();
 */
export function createProgress(output: CliOutput, label: string, delayMs = 1000) {
  const started = process.uptime() * 1000;
  let drawn = false;
  let lastDraw = 0;
  // The bar is our own text and terminal control: written as is.
  const draw = (text: string) => (output.stderrControl ?? output.stderr)(text);
  return {
    update(done: number, total: number): void {
      if (!output.stderrIsTerminal) return;
      const now = process.uptime() * 1000;
      if (now - started < delayMs || now - lastDraw < 100) return;
      lastDraw = now;
      drawn = true;
      const width = 30;
      const share = total > 0 ? done / total : 1;
      const filled = Math.round(share * width);
      draw(`\r${label} [${"█".repeat(filled)}${"░".repeat(width - filled)}] ${Math.round(share * 100)}% (${formatNumber(done)}/${formatNumber(total)})`);
    },
    done(): void {
      if (drawn) draw("\r\u001b[2K");
    },
  };
}

/**
 * Runs chunked work, yielding to the event loop between chunks so Ctrl-C is heard; a stop request
 * ends the loop cleanly and is reported to the caller (nothing half-written).
 */
export async function runInterruptibly(step: () => boolean, onProgress: () => void): Promise<"finished" | "interrupted"> {
  let interrupted = false;
  const onSignal = () => {
    interrupted = true;
  };
  process.once("SIGINT", onSignal);
  // This loop says what it stopped ("stopped after 1,200 of 10,000 samples"), not the command line's stop.
  const release = stopHandledHere();
  try {
    for (;;) {
      const finished = step();
      onProgress();
      if (finished) return "finished";
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (interrupted) return "interrupted";
    }
  } finally {
    process.removeListener("SIGINT", onSignal);
    release();
  }
}

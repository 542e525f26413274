/// <reference lib="webworker" />
import type { WorkerReply, WorkerRequest } from "./messages.js";
import { quickEvaluate } from "./quick-evaluate.js";
import { rangedSummary } from "./ranges.js";

/**
 * The engine off the page's thread: the Monte Carlo of cases with ranges, and large cases, run
 * here so typing never stalls. A newer ranges request stops the one under way.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
let latestRanges = -1;

function reply(message: WorkerReply): void {
  scope.postMessage(message);
}

/**
 * Lets queued messages in (a newer request) before the next chunk. A message to itself rather than
 * setTimeout(0), which browsers hold back 4 ms once nested: 160 ms over the 40 chunks of a full run.
 */
const yielder = new MessageChannel();
const waitingToGoOn: (() => void)[] = [];
yielder.port1.onmessage = () => waitingToGoOn.shift()?.();
function pause(): Promise<void> {
  return new Promise((resolve) => {
    waitingToGoOn.push(resolve);
    yielder.port2.postMessage(null);
  });
}

scope.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  try {
    if (request.kind === "stop") {
      if (latestRanges === request.id) latestRanges = -1;
      return;
    }
    if (request.kind === "evaluate") {
      reply({ kind: "evaluated", id: request.id, evaluation: quickEvaluate(request.data) });
      return;
    }
    latestRanges = request.id;
    // A quick first answer, then the full run whose figures match the report and the workbook.
    if (request.previewSamples > 0 && request.previewSamples < request.samples) {
      const preview = await rangedSummary(request.data, { samples: request.previewSamples, seed: request.seed }, async () => {
        await pause();
        return latestRanges === request.id;
      });
      if (latestRanges !== request.id) return;
      if (preview) reply({ kind: "preview", id: request.id, ranged: preview });
    }
    const ranged = await rangedSummary(request.data, { samples: request.samples, seed: request.seed }, async (done) => {
      reply({ kind: "progress", id: request.id, done, samples: request.samples });
      await pause();
      return latestRanges === request.id;
    });
    if (latestRanges === request.id) reply({ kind: "ranges", id: request.id, ranged });
  } catch (error) {
    reply({ kind: "failed", id: request.id, failure: error instanceof Error ? error.message : String(error) });
  }
};

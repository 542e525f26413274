/**
 * How long the page takes from a keystroke to updated figures on screen. Kept on
 * `window.mlopsRoiTimings` so a browser test, the browser benchmark (bench/web.bench.ts) or a
 * curious user can read it; never asserted on.
 */
declare global {
  interface Window {
    mlopsRoiTimings?: {
      updates: number[];
      engine: number[];
      lastUpdateMs?: number;
      /** When a part of the page was last on screen: "ranges-preview", "ranges", "chart:<id>"; performance.now() after the frame. */
      marks?: { name: string; at: number }[];
    };
  }
}

let editStartedAt: number | undefined;
const MARKS_KEPT = 400;

function timings(): NonNullable<Window["mlopsRoiTimings"]> {
  window.mlopsRoiTimings ??= { updates: [], engine: [] };
  return window.mlopsRoiTimings;
}

export function markEdit(): void {
  editStartedAt ??= performance.now();
}

/** Called once the figures for the latest edit are on screen, with the engine's share of the time. */
export function recordUpdate(engineMs: number): void {
  if (editStartedAt === undefined) return;
  const elapsed = performance.now() - editStartedAt;
  editStartedAt = undefined;
  const kept = timings();
  kept.updates.push(elapsed);
  kept.engine.push(engineMs);
  kept.lastUpdateMs = elapsed;
}

/**
 * Calls `then` as soon as the next frame is on screen: when a message posted from that frame's
 * animation callback arrives (a timer set there would wait behind the page's other queued work).
 * Returns what cancels it.
 */
export function afterNextPaint(then: () => void): () => void {
  let cancelled = false;
  const frame = requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      if (!cancelled) then();
    };
    channel.port2.postMessage(null);
  });
  return () => {
    cancelled = true;
    cancelAnimationFrame(frame);
  };
}

/** Notes the moment a part of the page is painted: once the next frame is on screen. */
export function markShown(name: string): void {
  afterNextPaint(() => {
    const marks = (timings().marks ??= []);
    marks.push({ name, at: performance.now() });
    if (marks.length > MARKS_KEPT) marks.splice(0, marks.length - MARKS_KEPT);
  });
}

/**
 * How long the page takes from a keystroke to updated figures on screen. Kept on
 * `window.mlopsRoiTimings` so a browser test (or a curious user) can read it; never asserted on.
 */
declare global {
  interface Window {
    mlopsRoiTimings?: { updates: number[]; engine: number[]; lastUpdateMs?: number };
  }
}

let editStartedAt: number | undefined;

export function markEdit(): void {
  editStartedAt ??= performance.now();
}

/** Called once the figures for the latest edit are on screen, with the engine's share of the time. */
export function recordUpdate(engineMs: number): void {
  if (editStartedAt === undefined) return;
  const elapsed = performance.now() - editStartedAt;
  editStartedAt = undefined;
  const timings = (window.mlopsRoiTimings ??= { updates: [], engine: [] });
  timings.updates.push(elapsed);
  timings.engine.push(engineMs);
  timings.lastUpdateMs = elapsed;
}

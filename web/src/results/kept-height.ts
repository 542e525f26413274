import { useCallback, useLayoutEffect, useRef, type CSSProperties } from "react";

/**
 * While `busy`, the element keeps at least the height it had when last settled, so what follows it
 * on the page does not jump up and back while the figures of an edit are worked out again (on a
 * case with ranges, the ranges and the decision disappeared at every keystroke and came back a
 * moment later: the page below moved by hundreds of pixels twice, and each move repainted the
 * whole screen, which held back the frame with the new figures). The height is read by a
 * ResizeObserver after the browser's own layout, never forced.
 * @example const kept = useKeptHeight<HTMLElement>(refining); <section ref={kept.ref} style={kept.style}>
 */
export function useKeptHeight<T extends HTMLElement>(busy: boolean): { ref: (element: T | null) => void; style: CSSProperties | undefined } {
  const settled = useRef(0);
  // Whether the element on screen is busy: set as each render is committed (a render React
  // discards must not change it).
  const busyNow = useRef(busy);
  // The height last observed, busy or not: a ResizeObserver reports a size only when it changes, so
  // a settled element as tall as its busy form (kept or not) reports nothing when it settles.
  const latest = useRef(0);
  useLayoutEffect(() => {
    busyNow.current = busy;
    if (!busy && latest.current > 0) settled.current = latest.current;
  }, [busy]);
  const observer = useRef<ResizeObserver | undefined>(undefined);
  const ref = useCallback((element: T | null) => {
    observer.current?.disconnect();
    observer.current = undefined;
    if (!element || typeof ResizeObserver === "undefined") return;
    observer.current = new ResizeObserver((entries) => {
      const box = entries[entries.length - 1]?.borderBoxSize?.[0];
      if (!box) return;
      latest.current = box.blockSize;
      if (!busyNow.current) settled.current = box.blockSize;
    });
    observer.current.observe(element);
  }, []);
  return { ref, style: busy && settled.current > 0 ? { minHeight: `${settled.current}px` } : undefined };
}

import { memo, useEffect, useMemo, useRef, useState } from "react";
import type { TopLevelSpec } from "vega-lite";
import { oneAtATimeSensitivity, recommend, type CaseResult, type CompiledCase, type TornadoBar } from "../../../src/engine/index.js";
import { benefitByCategorySpec } from "../../../src/charts/benefit-by-category.js";
import { cumulativeNetSpec } from "../../../src/charts/cumulative-net.js";
import { PLOT_WIDTH } from "../../../src/charts/theme.js";
import { formatMoney } from "../format.js";
import { formatHoursInTable } from "../../../src/format/numbers.js";
import { benefitChartCaption, gainChartMarks, hasRanges, netGainName } from "../../../src/format/words.js";
import { liveProjectsSpec } from "../../../src/charts/live-projects.js";
import { teamHoursSpec } from "../../../src/charts/team-hours.js";
import { rankRisks, riskTornadoSpec } from "../../../src/report/risks.js";
import type { UncertaintyView } from "../../../src/report/uncertainty-view.js";
import { markShown } from "../timing.js";
import type { ChartDrawing } from "./render-chart.js";

interface ChartEntry {
  readonly id: string;
  readonly title: string;
  readonly note: string;
  /** "wait": the chart keeps its drawing until the figures it needs (the ranges) arrive. */
  readonly spec: (width: number) => TopLevelSpec | undefined | "wait";
}

/**
 * Charts take tens of milliseconds each to draw; they wait for a short pause in typing so that the
 * figures and tables keep up with every keystroke. A chart whose spec did not change is not drawn again,
 * and a chart off screen is not drawn until it comes near the screen (its old drawing is marked stale).
 */
const CHART_AFTER_MS = 50;
/** An off-screen chart is checked against the figures this long after they last changed. */
const STALE_CHECK_AFTER_MS = 400;
/** How near the screen a chart must be to be drawn: a little ahead of scrolling to it. */
const NEAR_SCREEN = "300px 0px";
/** Room the gain chart needs beside its plots: money labels, axis title, padding and the gap between plot and close-up. */
const GAIN_CHART_MARGINS = 150;
const MIN_GAIN_PLOT = 200;

/** The engine's tornado of the ranges, worked out in the worker for one alternative. */
export interface RangedTornado {
  readonly alternative: string;
  readonly bars: readonly TornadoBar[];
}

/** Tornado bars shown, as in the report. */

/**
 * The tornado exactly as the report builds it: for the recommended alternative, from the ranges
 * when the case has them, otherwise from each input 20% lower and higher.
 */
function tornadoFor(
  result: CaseResult,
  compiled: CompiledCase,
  alternative: string,
  uncertainty: UncertaintyView | undefined,
  ranged: RangedTornado | undefined,
): TopLevelSpec | undefined {
  const view: UncertaintyView | undefined =
    ranged && ranged.alternative === alternative
      ? {
          ...(uncertainty ?? { samples: 0, seed: 0, distribution: {}, cumulativeBand: {}, tornado: {} }),
          tornado: { [alternative]: ranged.bars.map(({ input, low, high, swing }) => ({ input, low, high, swing })) },
        }
      : uncertainty;
  const risks = rankRisks(result, alternative, view, undefined) ?? rankRisks(result, alternative, undefined, oneAtATimeSensitivity(compiled, alternative));
  if (!risks || risks.risks.length === 0) return undefined;
  return riskTornadoSpec(result.currency, risks);
}

/** The report's charts, drawn from the live result. */
function ChartsView({
  result,
  compiled,
  uncertainty,
  tornado,
}: {
  result: CaseResult;
  compiled: CompiledCase | undefined;
  uncertainty: UncertaintyView | undefined;
  tornado: RangedTornado | undefined;
}) {
  const alternatives = Object.keys(result.comparisons);
  const charts = useMemo<ChartEntry[]>(() => {
    const entries: ChartEntry[] = [];
    if (alternatives.length > 0) {
      entries.push({
        id: "cumulative-net",
        title: "Gain against today, month by month",
        // What the chart marks (or that no month is) and what its band is, in the report's words.
        note: `${
          result.discountRate === 0
            ? "Money gained against the baseline so far (at a rate of 0% nothing is discounted: where a line ends is the net gain above)."
            : "Money gained against the baseline so far, not discounted (where a line ends is not the net gain in today's money above)."
        }${gainChartMarks(
          Object.values(result.comparisons).map((comparison) => comparison.paybackMonth),
          result.horizonMonths,
          uncertainty && Object.keys(uncertainty.distribution).length > 0 ? "sampled" : hasRanges(result) ? "notSampled" : "none",
        )}`,
        // Its payback labels are placed for the plot's width: give it the room the page has.
        spec: (width) =>
          cumulativeNetSpec(result, {
            ...(uncertainty ? { bands: uncertainty.cumulativeBand } : {}),
            width: Math.max(MIN_GAIN_PLOT, Math.min(PLOT_WIDTH, width - GAIN_CHART_MARGINS)),
          }),
      });
    }
    entries.push({
      id: "team-hours",
      title: "Where the team's hours go",
      note: "Every hour of every month, per scenario. The dashed line is the hours the team has.",
      // On a narrow screen the panels are stacked rather than the chart scaled down.
      spec: (width) => teamHoursSpec(result, { width }),
    });
    entries.push({
      id: "live-projects",
      title: "Live projects",
      note: "Projects in production at the end of each month.",
      spec: () => liveProjectsSpec(result),
    });
    if (alternatives.length > 0) {
      entries.push({
        id: "benefit",
        title: "Where the gain comes from",
        // The report's caption under the same chart, in its words: the amounts are not discounted, and
        // the bar "Cost of making the change" is not what the change costs in all, which the note gives (the
        // cards show its cash and hours, not their worth).
        note: benefitChartCaption(result, {
          money: (value) => formatMoney(value, result.currency),
          hours: formatHoursInTable,
          name: (alternative) => `“${result.comparisons[alternative]?.label ?? alternative}”`,
          counts: "What the change costs in all counts",
        }),
        // On a narrow screen the options are stacked rather than the columns scaled down.
        spec: (width) => benefitByCategorySpec(result, { width }),
      });
    }
    // The recommended alternative, as in the report; its re-runs wait until the chart is drawn.
    const best = recommend(result)?.best.alternative;
    if (best !== undefined && compiled) {
      entries.push({
        id: "tornado",
        title: `What moves the result most: ${result.comparisons[best]?.label ?? best}`,
        // What each bar shows, by the name the cards and the chart's axis give it.
        note: tornado
          ? `${netGainName(true)} with each range at its low and high end, the other inputs at their middle values.`
          : `${netGainName(true)} with each input 20% lower or higher, the others as written.`,
        // With ranges in the case, the tornado waits for theirs rather than working out the ±20% one meanwhile.
        spec: () => (compiled.uncertainLeaves.length > 0 && !tornado ? "wait" : tornadoFor(result, compiled, best, uncertainty, tornado)),
      });
    }
    return entries;
    // The result object changes with every evaluation; that is what redraws the charts.
  }, [result, compiled, uncertainty, tornado]);

  return (
    <section className="charts" aria-labelledby="charts-heading">
      <h2 id="charts-heading">Charts</h2>
      {charts.map((chart) => (
        <ChartFigure key={chart.id} chart={chart} edit={compiled} />
      ))}
    </section>
  );
}

export const Charts = memo(ChartsView);

/** What a drawing shows: its spec and width (a chart whose key did not change is not drawn again). */
function keyOf(spec: TopLevelSpec | undefined, width: number): string {
  return `${width} ${JSON.stringify(spec) ?? ""}`;
}

/** One chart: drawn a moment after the figures settle, and again when the page changes width. */
function ChartFigure({ chart, edit }: { chart: ChartEntry; edit: unknown }) {
  const frame = useRef<HTMLDivElement>(null);
  // What is on screen: its spec (as JSON) and width, and the drawing (Vega's view, whose listeners it
  // holds) in its holder, which a later spec of the same shape is drawn into by changing its data.
  const drawn = useRef<{ key: string; drawing: ChartDrawing | undefined; holder: HTMLElement | undefined; order: number } | undefined>(undefined);
  // Draws are numbered as they are asked for: one that finishes after a later one is not shown.
  const asked = useRef(0);
  // When the latest edit's draw is due (typing paused), and that edit (the case it was evaluated from).
  const pending = useRef<{ at: number; edit: unknown } | undefined>(undefined);
  const [width, setWidth] = useState(0);
  const [near, setNear] = useState(false);
  // The drawing on screen is of older figures (the chart was off screen when they changed).
  const [stale, setStale] = useState(false);
  const [failure, setFailure] = useState<string | undefined>();

  useEffect(() => {
    const element = frame.current;
    if (!element) return;
    const observer = new IntersectionObserver((entries) => setNear(entries.some((entry) => entry.isIntersecting)), { rootMargin: NEAR_SCREEN });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const element = frame.current;
    if (!element) return;
    const observer = new ResizeObserver((entries) => {
      const measured = entries[0]?.contentRect.width ?? 0;
      setWidth((previous) => (Math.abs(previous - measured) >= 8 ? Math.floor(measured) : previous));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const unmounted = useRef(false);
  useEffect(
    () => () => {
      unmounted.current = true;
      drawn.current?.drawing?.view.finalize();
    },
    [],
  );

  useEffect(() => {
    const element = frame.current;
    if (!element || width === 0) return;
    if (!near) {
      // Off screen: not drawn, but marked when its drawing no longer matches the figures (worked out
      // once typing has paused for a while, off the keystrokes' way).
      if (!drawn.current) return;
      const check = setTimeout(() => {
        const spec = chart.spec(width);
        if (spec !== "wait") setStale(drawn.current !== undefined && drawn.current.key !== keyOf(spec, width));
      }, STALE_CHECK_AFTER_MS);
      return () => clearTimeout(check);
    }
    let cancelled = false;
    // Typing produces many results in a row; only the one that stays for a moment is drawn. The ranges
    // of the same edit arriving meanwhile do not put the draw off: it goes ahead with them at its time,
    // or at once when that time has passed (typing had paused: the edit's first draw started).
    const now = performance.now();
    const at = pending.current && pending.current.edit === edit ? Math.max(pending.current.at, now) : now + CHART_AFTER_MS;
    pending.current = { at, edit };
    const order = ++asked.current;
    const timer = setTimeout(async () => {
      try {
        const spec = chart.spec(width);
        if (spec === "wait") return;
        const key = keyOf(spec, width);
        if (drawn.current?.key === key) {
          setStale(false);
          markShown(`chart:${chart.id}`);
          return;
        }
        if (spec === undefined) {
          const empty = document.createElement("p");
          empty.className = "empty-note";
          empty.textContent = "No input moves the result yet.";
          element.replaceChildren(empty);
          drawn.current?.drawing?.view.finalize();
          drawn.current = { key, drawing: undefined, holder: undefined, order };
          setStale(false);
          markShown(`chart:${chart.id}`);
          return;
        }
        const { redrawData, renderChart } = await import("./render-chart.js");
        if (cancelled) return;
        // Only the figures changed: the drawing on screen takes the new data.
        const previous = drawn.current;
        if (previous?.drawing && previous.holder && (await redrawData(previous.drawing, previous.holder, spec, width, chart.title))) {
          if (unmounted.current || (drawn.current?.order ?? 0) > order) return;
          // Unless another drawing replaced this one meanwhile (then this one is drawn afresh below).
          if (drawn.current?.drawing === previous.drawing) {
            drawn.current = { ...drawn.current, key, order };
            setFailure(undefined);
            setStale(false);
            markShown(`chart:${chart.id}`);
            return;
          }
        }
        const holder = document.createElement("div");
        holder.className = "chart-holder";
        element.append(holder);
        const drawing = await renderChart(holder, spec, width, chart.title);
        // Newer figures came while it was drawn: it is still shown (it is the latest drawing yet)
        // unless a later draw has finished first.
        if (unmounted.current || (drawn.current?.order ?? 0) > order) {
          drawing.view.finalize();
          holder.remove();
          return;
        }
        drawn.current?.drawing?.view.finalize();
        drawn.current = { key, drawing, holder, order };
        for (const child of [...element.children]) if (child !== holder) child.remove();
        setFailure(undefined);
        setStale(false);
        markShown(`chart:${chart.id}`);
      } catch (error) {
        if (!cancelled) setFailure(error instanceof Error ? error.message : String(error));
      }
    }, at - now);
    // The drawing stays on screen (and answers the pointer) until the next one replaces it.
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [chart, edit, width, near]);

  return (
    <figure className="chart" aria-labelledby={`chart-${chart.id}-title`}>
      <h3 id={`chart-${chart.id}-title`}>{chart.title}</h3>
      <figcaption className="chart-note">{chart.note}</figcaption>
      <div className="chart-frame" ref={frame} data-chart={chart.id} data-stale={stale || undefined} aria-busy={stale || undefined} />
      {failure && <p className="issue-error">The chart could not be drawn: {failure}</p>}
    </figure>
  );
}

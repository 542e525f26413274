import { startTransition, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { flushSync } from "react-dom";
import { commandOutputOf, hasErrors, notACaseWords, parseScenarioSource, type Issue } from "../../src/engine/index.js";
import { uncertaintyFromResult } from "../../src/report/uncertainty-view.js";
import type { ExportKind, ServerInfo } from "../../src/shared/api-types.js";
import { caseFormatOf, caseText, type CaseFormat } from "../../src/shared/case-text.js";
import seedTemplate from "../../examples/seed.yaml?raw";
import { deleteIn, isRecord, setIn, type CaseData, type DataPath } from "./case/data-path.js";
import { engineAcceptsRanges, type Evaluation } from "./case/evaluate.js";
import { caseInHash, decodeCase, encodeCase, shareLink } from "./case/share-link.js";
import { CaseStore, EditorContext, type EditorApi } from "./editor/editor-context.js";
import { Editor, tabOfPath } from "./editor/Editor.js";
import { focusField, IssueSummary } from "./editor/IssueSummary.js";
import { CaseEvaluator } from "./engine/case-evaluator.js";
import type { RangedResult } from "./engine/messages.js";
import { RangesNote } from "./results/RangesNote.js";
import { JudgementNote } from "./results/JudgementNote.js";
import { DecisionPanel } from "./results/DecisionPanel.js";
import { ApiError, fetchCase, fetchExport, fetchTemplate, openingCase, openingInfo, saveCase } from "./files/api.js";
import { downloadFile } from "./files/download.js";
import { needsServe, Toolbar } from "./files/Toolbar.js";
import { bundledTemplateNames, bundledTemplates } from "./static/templates.js";
import { AdoptionOrder } from "./results/AdoptionOrder.js";
import { CapacityView } from "./results/CapacityView.js";
import { Charts } from "./results/Charts.js";
import { Headline } from "./results/Headline.js";
import { Recommendation } from "./results/Recommendation.js";
import { LiveStrip } from "./results/LiveStrip.js";
import { MonthTable } from "./results/MonthTable.js";
import { afterNextPaint, markShown, recordUpdate } from "./timing.js";
import { downloadedWithProblemsWords, staleFiguresWords } from "./format.js";
import { describeFieldAt, FiguresBeforeEdit } from "./results/figures-before-edit.js";
import { quickEvaluate } from "./engine/quick-evaluate.js";
import { problemWithLine } from "../../src/format/source-line.js";

/** Where the case in the page came from: it decides where a save goes and which comments a download keeps. */
type Origin =
  | { readonly kind: "file"; readonly file: string; readonly format: CaseFormat; readonly text: string; readonly version: string }
  | { readonly kind: "template"; readonly name: string; readonly text: string }
  | { readonly kind: "upload"; readonly name: string; readonly format: CaseFormat; readonly text: string }
  | { readonly kind: "link" };

interface Status {
  readonly text: string;
  readonly tone: "info" | "success" | "error";
}

/** A large case goes to the worker in the next task: keystrokes that arrive together are evaluated once, and none waits on a timer. */
const EVALUATE_AFTER_MS = 0;
/** The Monte Carlo waits for a short pause in typing; the next edit stops it in the worker. */
const RANGES_AFTER_MS = 40;
/** How often the ranges' progress is drawn while they run. */
const PROGRESS_EVERY_MS = 250;

/** The YAML text the case was read from, so that downloads and saves keep its comments. */
function originYaml(origin: Origin | undefined): string | undefined {
  if (!origin || origin.kind === "link") return undefined;
  return origin.kind === "template" || origin.format === "yaml" ? origin.text : undefined;
}

function describeOrigin(origin: Origin | undefined): string {
  if (!origin) return "";
  switch (origin.kind) {
    case "file":
      return origin.file;
    case "template":
      return `from the ${origin.name} template`;
    case "upload":
      return `uploaded ${origin.name}`;
    case "link":
      return "from a share link";
    default:
      return origin satisfies never;
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function App() {
  const [info, setInfo] = useState<ServerInfo | null | undefined>(undefined);
  // The case: held in a store the editor's inputs follow one by one (see CaseStore).
  const store = useMemo(() => new CaseStore(), []);
  const data = useSyncExternalStore(store.subscribe, store.get);
  const setData = store.set;
  const [origin, setOrigin] = useState<Origin | undefined>();
  const [savedJson, setSavedJson] = useState<string | undefined>();
  // The case as it was opened (a file, a template, a link): what the user has changed since.
  const [loadedJson, setLoadedJson] = useState<string | undefined>();
  const [loadFailure, setLoadFailure] = useState<{ message: string; issues?: readonly Issue[]; text?: string } | undefined>();
  const [tab, setTab] = useState("case");
  // `since`: how many evaluations on the page's thread came before it was asked for.
  const [workerEvaluated, setWorkerEvaluated] = useState<{ data: CaseData; evaluation: Evaluation; since: number } | undefined>();
  const [ranged, setRanged] = useState<{ json: string; value: RangedResult } | undefined>();
  // The quick first answer while the full run goes on: shown, and said to be refining.
  const [preview, setPreview] = useState<{ json: string; value: RangedResult } | undefined>();
  const [rangeProgress, setRangeProgress] = useState<number | undefined>();
  const [rangesFailedFor, setRangesFailedFor] = useState<string | undefined>();
  const [status, setStatus] = useState<Status | undefined>();
  const [busy, setBusy] = useState(false);
  const [share, setShare] = useState<string | undefined>();
  const evaluator = useMemo(() => new CaseEvaluator(), []);
  const warmedUp = useRef(false);
  // While the case has an error: the figures of the case as it was when the edit began.
  const figuresBefore = useMemo(() => new FiguresBeforeEdit(quickEvaluate), []);
  const lastHere = useRef<{ data: CaseData; evaluation: Evaluation } | undefined>(undefined);
  const rangesEnabled = useMemo(() => engineAcceptsRanges(), []);

  const load = useCallback(
    (next: CaseData, from: Origin, saved?: string) => {
      // In one render: the store's change alone would be drawn first, showing the new case as unsaved for a frame.
      // Nothing of the case before is shown under the new one's name.
      figuresBefore.forget();
      lastHere.current = undefined;
      flushSync(() => {
        setOrigin(from);
        setSavedJson(saved);
        setLoadedJson(JSON.stringify(next));
        setLoadFailure(undefined);
        setShare(undefined);
        setData(next);
      });
    },
    [setData, figuresBefore],
  );

  const loadText = useCallback(
    (text: string, from: Origin) => {
      const source = parseScenarioSource(text);
      if (source.issues.length > 0 || !isRecord(source.data)) {
        const first = source.issues[0];
        setStatus({ text: `${describeOrigin(from)} cannot be read: ${first ? problemWithLine(text, first) : "it holds no case"}`, tone: "error" });
        return false;
      }
      const output = commandOutputOf(source.data);
      if (output !== undefined) {
        setStatus({ text: `${notACaseWords(from.kind === "upload" ? from.name : describeOrigin(from), output)}.`, tone: "error" });
        return false;
      }
      load(source.data, from, from.kind === "file" ? JSON.stringify(source.data) : undefined);
      return true;
    },
    [load],
  );

  // Start: the case in the link, else the server's file, else the seed template.
  useEffect(() => {
    void (async () => {
      const serverInfo = await openingInfo();
      setInfo(serverInfo);
      const packed = caseInHash(window.location.hash);
      if (packed !== undefined) {
        try {
          const shared = await decodeCase(packed);
          if (isRecord(shared)) {
            load(shared, { kind: "link" });
            setStatus({ text: `Opened the case from the link.${serverInfo?.file ? ` Saving would replace ${serverInfo.file}.` : ""}`, tone: "info" });
            return;
          }
          setStatus({ text: "The link holds no case; showing the file instead.", tone: "error" });
        } catch (error) {
          setStatus({ text: messageOf(error), tone: "error" });
        }
      }
      if (serverInfo?.file) {
        try {
          const document = await openingCase();
          if (!isRecord(document.data)) {
            setLoadFailure({
              message: `${document.file} cannot be edited here until it is valid YAML or JSON; fix these in your editor and reload:`,
              issues: document.issues,
              text: document.text,
            });
            return;
          }
          load(
            document.data,
            { kind: "file", file: document.file, format: document.format, text: document.text, version: document.version },
            JSON.stringify(document.data),
          );
          return;
        } catch (error) {
          setLoadFailure({ message: messageOf(error) });
          return;
        }
      }
      loadText(seedTemplate, { kind: "template", name: "seed", text: seedTemplate });
    })();
    return () => evaluator.dispose();
  }, [evaluator, load, loadText]);

  // A typical case is evaluated while React draws the edit itself (a few milliseconds), so the frame
  // that shows the keystroke shows its figures too; a large one goes to the worker (below).
  const hereCount = useRef(0);
  const here = useMemo(() => {
    if (!data || !evaluator.runsHere(data)) return undefined;
    hereCount.current++;
    return { data, evaluation: evaluator.evaluateHere(data) };
  }, [data, evaluator]);
  if (here) lastHere.current = here;

  // A large case: evaluated in the worker in the next task; a newer edit cancels the pending one.
  useEffect(() => {
    if (!data || here) return;
    let cancelled = false;
    const since = hereCount.current;
    const timer = setTimeout(() => {
      evaluator
        .evaluate(data)
        .then((next) => {
          if (cancelled || !next) return;
          setWorkerEvaluated({ data, evaluation: next, since });
        })
        .catch((error: unknown) => setStatus({ text: `The engine failed: ${messageOf(error)}`, tone: "error" }));
    }, EVALUATE_AFTER_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [data, here, evaluator]);

  // The worker's answer counts only if no edit was evaluated here since it was asked for; until it
  // comes, the last figures worked out here stay (never an older answer of the worker's).
  const fromWorker = workerEvaluated?.since === hereCount.current ? workerEvaluated : undefined;
  const evaluated = here ?? fromWorker ?? lastHere.current;
  const evaluation = evaluated?.evaluation;
  const evaluatedJson = useMemo(() => (evaluated ? JSON.stringify(evaluated.data) : undefined), [evaluated]);
  // The figures of the case before the edit, shown (marked stale) while the case has an error.
  figuresBefore.see(evaluation, evaluated?.data);

  // Once the first figures are in, the engine is run a few times while the page is idle (warm-up).
  useEffect(() => {
    if (!evaluated || warmedUp.current) return;
    warmedUp.current = true;
    evaluator.warmUp(evaluated.data);
  }, [evaluated, evaluator]);

  // The figures for an edit are on screen once React has committed them.
  useLayoutEffect(() => {
    if (evaluation) recordUpdate(evaluation.engineMs);
  }, [evaluation]);

  // Ranges: the Monte Carlo runs in the worker once typing pauses; the point figures show meanwhile.
  useEffect(() => {
    const compiled = evaluated?.evaluation.compiled;
    // The worker's Monte Carlo is added to the point result worked out for the same edit.
    const point = evaluated?.evaluation.result;
    if (!evaluated || !compiled || !point || compiled.uncertainLeaves.length === 0 || evaluatedJson === undefined) {
      setRangeProgress(undefined);
      return;
    }
    if (ranged?.json === evaluatedJson) return;
    let cancelled = false;
    const timer = setTimeout(() => {
      setRangeProgress(0);
      // Progress is shown at most every PROGRESS_EVERY_MS: the worker reports every 250 draws, and an
      // update that often would keep interrupting the deferred render of the charts and tables.
      let shownAt = performance.now();
      evaluator
        .ranges(
          evaluated.data,
          point,
          (done, samples) => {
            const now = performance.now();
            if (cancelled || now - shownAt < PROGRESS_EVERY_MS) return;
            shownAt = now;
            setRangeProgress(done / samples);
          },
          (value) => {
            if (!cancelled) setPreview({ json: evaluatedJson, value });
          },
        )
        .then((value) => {
          if (cancelled || !value) return;
          setRanged({ json: evaluatedJson, value });
          setRangeProgress(undefined);
        })
        .catch((error: unknown) => {
          if (!cancelled) setRangesFailedFor(evaluatedJson);
          setRangeProgress(undefined);
          setStatus({ text: `The ranges could not be worked out: ${messageOf(error)}`, tone: "error" });
        });
    }, RANGES_AFTER_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
      evaluator.stopRanges();
    };
  }, [evaluated, evaluatedJson, evaluator, ranged]);

  // The same problems as before keep the same list, so the inputs are not drawn again for nothing.
  const issuesKept = useRef<readonly Issue[]>([]);
  const nextIssues = evaluation?.issues ?? [];
  if (nextIssues !== issuesKept.current && JSON.stringify(nextIssues) !== JSON.stringify(issuesKept.current)) issuesKept.current = nextIssues;
  const issues = issuesKept.current;
  const errors = hasErrors(issues);
  const dataJson = data === null ? undefined : JSON.stringify(data);
  // Not in a file as it stands (Save has something to write); a template or a link never is.
  const dirty = data !== null && dataJson !== savedJson;
  // Changed since it was opened or saved (a save sets both): what replacing the case would lose; an untouched template loses nothing.
  const edited = data !== null && dataJson !== loadedJson;
  const saveTarget = info?.file ? (origin?.kind === "file" ? origin.file : info.file) : null;
  // No server of ours behind the page (a static host): templates are the bundled ones, exports are made here.
  const serverless = info === null;
  const saveBlockedBecause = errors ? "Fix the problems listed above the inputs first." : !dirty ? "No changes to save." : undefined;
  const canSave = saveTarget !== null && !errors && dirty && evaluation !== undefined;

  const set = useCallback(
    (path: DataPath, value: unknown) =>
      setData((current) => {
        if (!current) return current;
        // A scenario stays even when its last input is removed.
        return value === undefined ? deleteIn(current, path, path[0] === "scenarios" ? 2 : 0) : setIn(current, path, value);
      }),
    [setData],
  );

  const currency = data && typeof data.currency === "string" && /^[A-Z]{3}$/.test(data.currency) ? data.currency : "EUR";
  // Changes only with the issues or the currency: an input is drawn again when its own value changes (useCaseValue).
  const editorApi = useMemo<EditorApi>(() => ({ store, issues, set, rangesEnabled, currency }), [store, issues, set, rangesEnabled, currency]);

  const confirmDiscard = () => !edited || window.confirm("Your changes are not saved. Replace them?");

  const save = useCallback(async () => {
    if (serverless) {
      setStatus({ text: needsServe.save, tone: "info" });
      return;
    }
    if (!data || saveTarget === null || !canSave) return;
    if (origin?.kind !== "file" && !window.confirm(`Replace ${saveTarget} with this case? The current file is kept as ${saveTarget}.bak.`)) return;
    setBusy(true);
    try {
      const saved = await saveCase(saveTarget, data, origin?.kind === "file" && origin.file === saveTarget ? origin.version : undefined);
      setOrigin({ kind: "file", file: saved.file, format: caseFormatOf(saved.file), text: saved.text, version: saved.version });
      setSavedJson(JSON.stringify(data));
      setLoadedJson(JSON.stringify(data));
      setStatus({ text: `Saved ${saved.file}${saved.backup ? ` (the previous version is kept as ${saved.backup})` : ""}.`, tone: "success" });
    } catch (error) {
      const issuesNote = error instanceof ApiError && error.body.issues ? ` ${error.body.issues.map((issue) => issue.message).join("; ")}` : "";
      setStatus({ text: `Not saved: ${messageOf(error)}.${issuesNote}`, tone: "error" });
    } finally {
      setBusy(false);
    }
  }, [data, saveTarget, canSave, origin, serverless]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "s") {
        event.preventDefault();
        void save();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [save]);

  const open = async (file: string) => {
    if (!confirmDiscard()) return;
    try {
      const document = await fetchCase(file);
      if (!isRecord(document.data)) {
        const first = document.issues[0];
        setStatus({ text: `${file} cannot be read: ${first ? problemWithLine(document.text, first) : "it holds no case"}`, tone: "error" });
        return;
      }
      const output = commandOutputOf(document.data);
      if (output !== undefined) {
        setStatus({ text: `${notACaseWords(file, output)}.`, tone: "error" });
        return;
      }
      load(
        document.data,
        { kind: "file", file: document.file, format: document.format, text: document.text, version: document.version },
        JSON.stringify(document.data),
      );
      setStatus({ text: `Opened ${file}.`, tone: "info" });
    } catch (error) {
      setStatus({ text: `Could not open ${file}: ${messageOf(error)}`, tone: "error" });
    }
  };

  const startFromTemplate = async (name: string) => {
    if (!confirmDiscard()) return;
    try {
      const bundled = bundledTemplates[name];
      const template = info ? await fetchTemplate(name) : bundled !== undefined ? { name, text: bundled } : undefined;
      if (!template) throw new Error(`no template "${name}"`);
      if (loadText(template.text, { kind: "template", name, text: template.text })) {
        setTab("case");
        setStatus({
          text: `Started from the ${name} template. ${saveTarget ? `Saving would replace ${saveTarget}.` : "Download it to keep it."}`,
          tone: "info",
        });
      }
    } catch (error) {
      setStatus({ text: `Could not load the template: ${messageOf(error)}`, tone: "error" });
    }
  };

  const upload = async (file: File) => {
    if (!confirmDiscard()) return;
    if (file.size > 1_000_000) {
      setStatus({ text: `${file.name} is larger than 1 MB; a scenario file may be at most 1 MB.`, tone: "error" });
      return;
    }
    const text = await file.text();
    if (loadText(text, { kind: "upload", name: file.name, format: caseFormatOf(file.name), text })) {
      setStatus({ text: `Opened ${file.name}. ${saveTarget ? `Saving would replace ${saveTarget}.` : "Download it to keep your changes."}`, tone: "info" });
    }
  };

  const fileStem = () => {
    const name = origin?.kind === "file" ? origin.file : origin?.kind === "upload" ? origin.name : "case.yaml";
    return name.replace(/\.(ya?ml|json)$/i, "");
  };

  const download = (format: CaseFormat) => {
    if (!data) return;
    const name = `${fileStem()}.${format === "json" ? "json" : "yaml"}`;
    downloadFile(name, caseText(data, format, format === "yaml" ? originYaml(origin) : undefined), format === "json" ? "application/json" : "application/yaml");
    // A draft with problems is worth keeping, but is no case the commands take: said, not only "Downloaded".
    // A long list stops at MAX_REPORTED_ISSUES; its last problem counts the rest.
    const problems = issues.filter((issue) => issue.severity === "error").length + (issues.at(-1)?.more?.errors ?? 0);
    setStatus(problems > 0 ? { text: downloadedWithProblemsWords(name, problems), tone: "error" } : { text: `Downloaded ${name}.`, tone: "success" });
  };

  const makeShareLink = async () => {
    if (!data) return;
    const link = shareLink(window.location.href, await encodeCase(data));
    setShare(link);
    try {
      await navigator.clipboard.writeText(link);
      setStatus({ text: "Share link copied. It carries the whole case; the server never sees it.", tone: "success" });
    } catch {
      setStatus({ text: "Share link ready below; copy it from the box.", tone: "info" });
    }
  };

  const exportCase = async (kind: ExportKind) => {
    if (!data) return;
    if (errors) {
      setStatus({ text: "Fix the problems first: exports are made from a case without errors.", tone: "error" });
      return;
    }
    if (serverless && kind === "report.pdf") {
      setStatus({ text: needsServe.pdf, tone: "info" });
      return;
    }
    setBusy(true);
    try {
      const text = caseText(data, "yaml", originYaml(origin));
      let exported: { blob: Blob; fileName: string };
      if (serverless && kind !== "report.pdf") {
        setStatus({ text: "Making the export in this page…", tone: "info" });
        const { exportInBrowser } = await import("./static/export-in-browser.js");
        exported = await exportInBrowser(kind, text);
      } else {
        exported = await fetchExport(kind, text);
      }
      const { blob, fileName } = exported;
      downloadFile(fileName, blob);
      setStatus({ text: `Exported ${fileName}.`, tone: "success" });
    } catch (error) {
      setStatus({ text: `Export failed: ${messageOf(error)}`, tone: "error" });
    } finally {
      setBusy(false);
    }
  };

  const showIssue = useCallback((issue: Issue) => {
    setTab(tabOfPath(issue.path));
    focusField(issue.path);
  }, []);

  const shownEvaluation = figuresBefore.shown();
  const rangedFinal = ranged !== undefined && ranged.json === evaluatedJson ? ranged.value : undefined;
  const previewNow = rangedFinal === undefined && preview !== undefined && preview.json === evaluatedJson ? preview.value : undefined;
  const rangedNow = rangedFinal ?? previewNow;
  const shownResult = rangedNow?.result ?? shownEvaluation?.result;
  const shown = useMemo(() => (shownEvaluation ? { ...shownEvaluation, result: shownResult } : undefined), [shownEvaluation, shownResult]);
  const stale = evaluation !== undefined && !evaluation.result;
  const title = data && typeof data.title === "string" && data.title !== "" ? data.title : "Business case";
  const uncertainty = useMemo(() => (shownResult ? uncertaintyFromResult(shownResult) : undefined), [shownResult]);
  // The headline follows every keystroke at once; the charts and tables below follow once the frame
  // with the new headline is on screen, in a render React may interrupt when the next keystroke
  // comes. (Left to React alone, their render could finish and change thousands of table cells
  // before that frame was painted, on a long case holding the headline back by tens of milliseconds.)
  const laterNow = useMemo(() => ({ shown, uncertainty, tornado: rangedNow?.tornado }), [shown, uncertainty, rangedNow]);
  const [later, setLater] = useState(laterNow);
  useEffect(() => {
    if (later === laterNow) return;
    return afterNextPaint(() => startTransition(() => setLater(laterNow)));
  }, [later, laterNow]);
  // The ranges of the case on screen are on their way: until the first draws of this edit are in,
  // the cards and the note say so in the room the last ranges took; until the full run is in, the
  // decision panel shows no figure.
  const rangesAwaited = !stale && rangesFailedFor !== evaluatedJson && (shown?.compiled?.uncertainLeaves.length ?? 0) > 0;
  const rangesComing = rangesAwaited && rangedNow === undefined;
  const refining = rangesAwaited && rangedFinal === undefined && (shown?.compiled?.scenarios.length ?? 0) > 1;

  // The inputs are drawn again only when what they show changes (not when the results move on).
  const hasCase = data !== null;
  const figuresShown = shown?.result !== undefined;
  const editorPane = useMemo(
    () =>
      hasCase && (
        <EditorContext.Provider value={editorApi}>
          <IssueSummary issues={issues} onShow={showIssue} figuresShown={figuresShown} />
          <Editor tab={tab} onTab={setTab} onReplace={setData} />
        </EditorContext.Provider>
      ),
    [hasCase, editorApi, issues, showIssue, tab, setData, figuresShown],
  );

  // An edit begins where a field gets focus or is pressed: the case then is what the figures show while it has an error.
  const editorColumn = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const column = editorColumn.current;
    if (!column) return;
    const begin = (event: Event) => {
      if (event.target instanceof Element) figuresBefore.start(describeFieldAt(event.target), store.get());
    };
    column.addEventListener("focusin", begin);
    column.addEventListener("pointerdown", begin);
    return () => {
      column.removeEventListener("focusin", begin);
      column.removeEventListener("pointerdown", begin);
    };
  }, [hasCase, figuresBefore]);

  useEffect(() => {
    document.title = `${edited ? "• " : ""}${title} · mlops-roi`;
  }, [title, edited]);

  // Reloading or closing the tab asks first while there are unsaved changes, and only then.
  useEffect(() => {
    if (!edited) return;
    const ask = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Some browsers ask only when a text is set (none shows it).
      event.returnValue = "Your changes are not saved.";
    };
    window.addEventListener("beforeunload", ask);
    return () => window.removeEventListener("beforeunload", ask);
  }, [edited]);

  // For the browser benchmark: when each answer of the ranges reaches the screen.
  useEffect(() => {
    if (previewNow) markShown("ranges-preview");
  }, [previewNow]);
  useEffect(() => {
    if (rangedFinal) markShown("ranges");
  }, [rangedFinal]);

  return (
    <>
      <a className="skip-link" href="#results">
        Skip to the results
      </a>
      <header className="app-header">
        <div className="brand">
          <p className="product">mlops-roi</p>
          <h1>{title}</h1>
          <p className="file-state">
            {describeOrigin(origin)}
            {data && (edited ? " · unsaved changes" : dirty ? "" : " · saved")}
          </p>
        </div>
        <Toolbar
          info={info ?? null}
          serverless={serverless}
          saveTarget={saveTarget}
          currentFile={origin?.kind === "file" ? origin.file : null}
          canSave={canSave}
          {...(saveBlockedBecause ? { saveBlockedBecause } : {})}
          busy={busy}
          templates={info ? info.templates : bundledTemplateNames}
          onSave={() => void save()}
          onOpen={(file) => void open(file)}
          onTemplate={(name) => void startFromTemplate(name)}
          onUpload={(file) => void upload(file)}
          onDownload={download}
          onShare={() => void makeShareLink()}
          onExport={(kind) => void exportCase(kind)}
        />
      </header>
      <div className="status-area">
        <p className={`status status-${status?.tone ?? "info"}`} role="status" aria-live="polite">
          {status?.text ?? ""}
        </p>
        {share && (
          <div className="share-box">
            <label htmlFor="share-link">Share link</label>
            <input id="share-link" type="text" readOnly value={share} onFocus={(event) => event.currentTarget.select()} />
          </div>
        )}
      </div>
      {loadFailure && (
        <section className="load-failure" role="alert">
          <p>{loadFailure.message}</p>
          {loadFailure.issues && (
            <ul>
              {loadFailure.issues.map((issue, index) => (
                <li key={index}>{problemWithLine(loadFailure.text ?? "", issue)}</li>
              ))}
            </ul>
          )}
        </section>
      )}
      {data && (
        <main className="layout">
          <div className="editor-column" ref={editorColumn}>
            {editorPane}
          </div>
          <div className={`results-column${stale ? " stale" : ""}`} id="results" role="region" tabIndex={-1} aria-label="Results">
            {stale && shown?.result && <p className="stale-note">{staleFiguresWords(".", figuresBefore.shownBefore())}</p>}
            {shown?.result ? (
              <>
                <Recommendation result={shown.result} uncertainty={uncertainty} busy={rangesComing} />
                <Headline result={shown.result} {...(uncertainty ? { distributions: uncertainty.distribution } : {})} rangesComing={rangesComing} />
                <RangesNote result={shown.result} progress={rangeProgress} refining={previewNow !== undefined} coming={rangesComing} />
                <JudgementNote result={shown.result} busy={refining || rangesComing} />
                <DecisionPanel result={shown.result} refining={refining} />
                {later.shown?.result && (
                  <>
                    <Charts result={later.shown.result} compiled={later.shown.compiled} uncertainty={later.uncertainty} tornado={later.tornado} />
                    <AdoptionOrder result={later.shown.result} />
                    <CapacityView result={later.shown.result} />
                    <MonthTable result={later.shown.result} />
                  </>
                )}
              </>
            ) : (
              evaluation && <p className="empty-note">No figures yet: fix the problems listed beside the inputs.</p>
            )}
          </div>
          <LiveStrip result={shown?.result} stale={stale} />
        </main>
      )}
    </>
  );
}

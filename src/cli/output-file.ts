import { lstatSync, readlinkSync, statSync } from "node:fs";
import { basename, dirname, extname, join, resolve } from "node:path";
import { alreadyExists, inspectTarget, isReadOnly, isReadOnlyBackup, isReadOnlyPath, readOnlyBackup, readOnlyFile } from "../shared/atomic-write.js";
import { UserError } from "../shared/user-error.js";

/**
 * Refuses, before any work is done, an output a command could not write: a folder where a file is
 * wanted (or a name ending in a slash) is wrong usage (exit 2), with the file it probably meant; an
 * existing file without `--force` says how to replace it, and a read-only one is refused even with
 * `--force` (exit 1, as the file that exists), as is an existing file whose `FILE.bak` is read-only
 * (replacing the file would overwrite that backup); a broken link or a device says what it is.
 * The same words as the write itself (`writeFileAtomic`), which checks again.
 * @example refuseOutput("cases", { force: false, example: "scenario.yaml" }) // throws "-o cases is a folder; give the file to write, e.g. -o cases/scenario.yaml"
 */
export function refuseOutput(target: string, options: { force: boolean; example: string; option?: string; input?: string; endings?: OutputEndings }): void {
  const option = options.option ?? "-o";
  // Even with --force: the command would replace what it reads (the scenario with its report, the workbook with its scenario).
  if (options.input !== undefined && sameFile(target, options.input)) {
    throw new UserError(`${option} ${target} is the file this command reads; give another file to write, e.g. ${option} ${options.example}`, 2);
  }
  const endsInSlash = /[\\/]$/.test(target);
  if (endsInSlash || isFolder(target)) {
    const suggestion = endsInSlash ? `${target}${options.example}` : join(target, options.example);
    throw new UserError(`${option} ${target} is a folder; give the file to write, e.g. ${option} ${suggestion}`, 2);
  }
  if (options.endings) refuseEnding(target, option, options.endings);
  const { real, stats } = inspectTarget(target);
  if (stats && isReadOnly(real, stats)) throw new UserError(readOnlyFile(target));
  // Before "use --force", which would then be refused for the backup.
  if (stats && isReadOnlyBackup(target)) throw new UserError(readOnlyBackup(target));
  if (stats && !options.force) throw new UserError(alreadyExists(target));
}

/** The endings a file of what a command writes may have, the first the one to suggest, and what it is. */
export interface OutputEndings {
  readonly endings: readonly string[];
  /** What the file is, as the message says it: "an HTML report". */
  readonly what: string;
  /** Where a file of the ending given would go instead, when the command writes one: "a PDF is written with --pdf". */
  readonly otherwise?: Readonly<Record<string, string>>;
}

/**
 * Wrong usage (exit 2): an output whose ending says another kind of file than the one written
 * (HTML into r.pdf, YAML into out.xlsx, a report over case.yaml), with the name it should have.
 * @example refuseEnding("r.pdf", "-o", { endings: [".html", ".htm"], what: "an HTML report" }) // throws "-o r.pdf: an HTML report's name must end in .html or .htm, e.g. -o r.html"
 */
function refuseEnding(target: string, option: string, rule: OutputEndings): void {
  const ending = extname(target).toLowerCase();
  if (rule.endings.includes(ending)) return;
  const list = rule.endings.length === 1 ? rule.endings[0]! : `${rule.endings.slice(0, -1).join(", ")} or ${rule.endings[rule.endings.length - 1]}`;
  const suggested = join(dirname(target), `${basename(target, extname(target))}${rule.endings[0]}`);
  const elsewhere = rule.otherwise?.[ending];
  throw new UserError(
    `${option} ${target}: ${rule.what}'s name must end in ${list}, e.g. ${option} ${suggested}${elsewhere ? ` (${elsewhere} ${target})` : ""}`,
    2,
  );
}

/**
 * Refuses, before any work is done, a symbolic link where a command would write a file the command
 * line did not name (a default output name, the schema `init` puts beside the case): a link is
 * followed only for a file given on the command line. `what` says which file it is, `then` how to go on.
 * @example refuseUnnamedLink("report.html", "the default report.html", "give -o report.html to write through it, or remove the link") // throws "report.html is a symbolic link (to /elsewhere/v.txt); …"
 */
export function refuseUnnamedLink(path: string, what: string, then: string): void {
  let isLink = false;
  try {
    isLink = lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink() ?? false;
  } catch {
    return; // A path that cannot be looked at: the write says why.
  }
  if (!isLink) return;
  let to = "";
  try {
    to = ` (to ${readlinkSync(path)})`;
  } catch {
    // Its target cannot be read: said without it.
  }
  throw new UserError(`${path} is a symbolic link${to}, and ${what} is not written through a link no option named; nothing was written: ${then}`);
}

/**
 * Refuses, before any work is done, a case file that a command would edit in place (`measure --write`,
 * `optimize --write-scenario`) when it, or its backup `FILE.bak` (which the edit overwrites with the
 * case as it was), is read-only: in words for such an edit, which has no --force
 * and no other file to write to, but can be run without `option` to show its answer.
 * @example refuseReadOnlyCase("case.yaml", "--write") // throws "case.yaml is read-only and is left as it is: make it writable (chmod u+w case.yaml) and run again, or leave out --write to see the answer without writing it"
 */
export function refuseReadOnlyCase(file: string, option: string): void {
  const then = `run again, or leave out ${option} to see the answer without writing it`;
  if (isReadOnlyPath(file)) throw new UserError(readOnlyFile(file, then));
  if (isReadOnlyBackup(file)) throw new UserError(readOnlyBackup(file, then));
}

/**
 * What a command says after writing `path`: the backup it kept, or that the file already held these
 * very bytes, so nothing was written (it said "wrote" either way).
 * @example wroteMessage("out.txt", { backup: "out.txt.bak" }) // "wrote out.txt (previous version kept as out.txt.bak)\n"
 */
export function wroteMessage(path: string, written: { backup?: string; unchanged?: boolean }): string {
  if (written.unchanged) return `${path} is unchanged (the same bytes): nothing written, no backup made\n`;
  return `wrote ${path}${written.backup ? ` (previous version kept as ${written.backup})` : ""}\n`;
}

/** Whether two paths name one file: the same path, or a link or another name of the same file. */
function sameFile(a: string, b: string): boolean {
  if (resolve(a) === resolve(b)) return true;
  try {
    const first = statSync(a, { throwIfNoEntry: false });
    const second = statSync(b, { throwIfNoEntry: false });
    return first !== undefined && second !== undefined && first.dev === second.dev && first.ino === second.ino;
  } catch {
    return false;
  }
}

/** Whether a folder is there; a path that cannot be looked at (a file on the way, a loop of links) is for `inspectTarget` to explain. */
function isFolder(target: string): boolean {
  try {
    return statSync(target, { throwIfNoEntry: false })?.isDirectory() ?? false;
  } catch {
    return false;
  }
}

import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { commandOutputOf, MAX_SOURCE_BYTES } from "../engine/index.js";

/** A request the server refuses, with the HTTP status and a message for the page. */
export class RequestError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409 | 413 | 415 | 422,
    message: string,
  ) {
    super(message);
    this.name = "RequestError";
  }
}

const scenarioExtension = /\.(ya?ml|json)$/i;

/**
 * The folder of the case the server was started with: the only place it reads or writes. Names
 * come from the page, so each is checked before any file is touched: a plain file name with a
 * scenario extension, no folders, no `..`, and no symbolic link pointing outside the folder.
 */
export class CaseFolder {
  /** The folder with every symbolic link resolved. */
  readonly root: string;
  /** The file the server was started with, as a name inside `root`. */
  readonly mainFile: string;
  /**
   * Where the file the server was started with led when it started, when it was a link then: the
   * only place outside `root` it may lead to. A link put there, or pointed elsewhere, afterwards
   * (a `git pull`, another program) is not what the user named, and is refused like any other.
   */
  private readonly mainTarget: string | undefined;

  constructor(casePath: string) {
    const absolute = resolve(casePath);
    this.root = realpathSync(dirname(absolute));
    this.mainFile = basename(absolute);
    const path = join(this.root, this.mainFile);
    const link = lstatSync(path, { throwIfNoEntry: false });
    this.mainTarget = link?.isSymbolicLink() && existsSync(path) ? realpathSync(path) : undefined;
  }

  /**
   * The absolute path of a file in the folder, or a RequestError saying why the name is refused.
   * @example folder.resolve("other.yaml") // "/home/me/cases/other.yaml"
   */
  resolve(name: string | undefined): string {
    const fileName = name === undefined || name === "" ? this.mainFile : name;
    if (fileName.includes("\0")) throw new RequestError(400, "a file name may not contain a null character");
    if (isAbsolute(fileName) || /^[A-Za-z]:/.test(fileName)) {
      throw new RequestError(403, `"${fileName}" is an absolute path; only files in the case's folder can be opened`);
    }
    if (fileName.includes("/") || fileName.includes("\\") || fileName === "." || fileName === "..") {
      throw new RequestError(403, `"${fileName}" points into another folder; only files in the case's folder can be opened`);
    }
    if (!scenarioExtension.test(fileName)) {
      throw new RequestError(403, `"${fileName}" is not a scenario file; allowed: names ending in .yaml, .yml or .json`);
    }
    const path = join(this.root, fileName);
    const link = lstatSync(path, { throwIfNoEntry: false });
    if (link) {
      // A link inside the folder may point anywhere; follow it and check where it lands. The file the
      // server was started with is the exception: the user named it, so a link to a case kept
      // elsewhere is followed, as every command follows it (docs/commands.md, "How files are
      // written": the link stays and the file it points to is written), to where it led at start only.
      const real = existsSync(path) ? realpathSync(path) : undefined;
      const named = fileName === this.mainFile && real !== undefined && real === this.mainTarget;
      if (real === undefined || (!named && !isInside(this.root, real))) {
        throw new RequestError(403, `"${fileName}" is a link to a file outside the case's folder; it cannot be opened here`);
      }
      if (!statSync(real).isFile()) throw new RequestError(403, `"${fileName}" is not a file`);
    }
    return path;
  }

  /**
   * Scenario files in the folder, main file first, for the page's "open" list. A JSON file that is
   * no case is left out: one larger than a scenario file may be, or a command's `--json` output
   * (`run --json > out.json` next to the case), which would open as 30 problems.
   */
  list(): string[] {
    const names = readdirSync(this.root, { withFileTypes: true })
      .filter((entry) => scenarioExtension.test(entry.name) && !entry.name.startsWith("."))
      .filter((entry) => {
        try {
          const path = this.resolve(entry.name);
          return !/\.json$/i.test(entry.name) || entry.name === this.mainFile || couldBeCase(path);
        } catch {
          // Links leading out of the folder are simply not offered.
          return false;
        }
      })
      .map((entry) => entry.name)
      .sort((a, b) => a.localeCompare(b));
    return [this.mainFile, ...names.filter((name) => name !== this.mainFile)];
  }
}

/** Whether a JSON file may hold a case: not larger than a scenario file may be, and no command's output (text that is not JSON may be a case with a mistake). */
function couldBeCase(path: string): boolean {
  if (statSync(path).size > MAX_SOURCE_BYTES) return false;
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, "utf8"));
  } catch {
    return true;
  }
  return commandOutputOf(data) === undefined;
}

function isInside(root: string, path: string): boolean {
  const inner = relative(root, path);
  return inner !== "" && !inner.startsWith(`..${sep}`) && inner !== ".." && !isAbsolute(inner);
}

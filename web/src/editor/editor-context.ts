import { createContext, useContext } from "react";
import type { Issue } from "../../../src/engine/index.js";
import type { CaseData, DataPath } from "../case/data-path.js";

/** What every field of the editor needs: the data, its issues and a way to change one value. */
export interface EditorApi {
  readonly data: CaseData;
  readonly issues: readonly Issue[];
  /** Sets the value at an absolute path; undefined removes it (the shared or default value applies). */
  readonly set: (path: DataPath, value: unknown) => void;
  readonly rangesEnabled: boolean;
  readonly currency: string;
}

export const EditorContext = createContext<EditorApi | null>(null);

export function useEditor(): EditorApi {
  const api = useContext(EditorContext);
  if (!api) throw new Error("useEditor() outside the editor");
  return api;
}

/** A DOM id for the field at a path, so issues can point at it. */
export function fieldId(path: DataPath): string {
  return `f-${path.map((segment) => String(segment).replace(/[^A-Za-z0-9_]/g, (character) => `-${character.codePointAt(0)!.toString(16)}-`)).join("--")}`;
}

/** Issues that belong to a field: those at its path or inside it ({ value }, { low, high }). */
export function issuesAt(issues: readonly Issue[], path: DataPath): Issue[] {
  return issues.filter((issue) => path.length <= issue.path.length && path.every((segment, index) => String(segment) === String(issue.path[index])));
}

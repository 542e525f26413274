import { Document, isMap, isScalar, isSeq, parseDocument, type Node } from "yaml";

/**
 * Turning edited case data back into the text of a scenario file. Pure (no `node:*`), so the
 * server uses it to save and the browser uses it to download the same text.
 */

export type CaseFormat = "yaml" | "json";

/** @example caseFormatOf("case.json") // "json" */
export function caseFormatOf(fileName: string): CaseFormat {
  return /\.json$/i.test(fileName) ? "json" : "yaml";
}

/** Long notes stay on one line rather than being folded at 80 columns. */
const toStringOptions = { lineWidth: 0, flowCollectionPadding: false } as const;

/**
 * Writes case data as a scenario file. For YAML, the data is merged into the previous text so the
 * user's comments, key order, quoting and flow lists survive; only changed values are rewritten.
 * @example caseText({ title: "x" }, "yaml", "# mine\ntitle: y\n") // "# mine\ntitle: x\n"
 */
export function caseText(data: unknown, format: CaseFormat, previousText?: string): string {
  if (format === "json") return `${JSON.stringify(data, null, 2)}\n`;
  if (previousText === undefined || previousText.trim() === "") return new Document(data).toString(toStringOptions);
  const document = parseDocument(previousText, { keepSourceTokens: false });
  // A text that does not parse cleanly cannot be merged into; write the data afresh.
  if (document.errors.length > 0) return new Document(data).toString(toStringOptions);
  document.contents = merge(document, document.contents as Node | null, data) as typeof document.contents;
  return document.toString(toStringOptions);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Returns the node to keep at this place: the old one updated in place where it can be, else a new one. */
function merge(document: Document, node: Node | null, value: unknown): Node {
  if (isPlainObject(value) && isMap(node)) {
    const keep = new Set(Object.keys(value));
    node.items = node.items.filter((pair) => keep.has(keyText(pair.key)));
    for (const [key, item] of Object.entries(value)) {
      const pair = node.items.find((candidate) => keyText(candidate.key) === key);
      if (pair) pair.value = merge(document, pair.value as Node | null, item);
      else node.items.push(document.createPair(key, item));
    }
    return node;
  }
  if (Array.isArray(value) && isSeq(node) && node.items.length === value.length) {
    node.items = node.items.map((item, index) => merge(document, item as Node | null, value[index]));
    return node;
  }
  if (isScalar(node) && (value === null || typeof value !== "object")) {
    if (node.value !== value) node.value = value;
    return node;
  }
  const created = document.createNode(value) as Node;
  if (node) {
    if (isSeq(node) && isSeq(created)) created.flow = node.flow ?? false;
    if (node.commentBefore) created.commentBefore = node.commentBefore;
    if (node.comment) created.comment = node.comment;
  }
  return created;
}

function keyText(key: unknown): string {
  return isScalar(key) ? String(key.value) : String(key);
}

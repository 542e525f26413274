import { unknownTagMessage } from "./yaml-tags.js";

/**
 * Plain-language explanations of the YAML parser's errors. The parser says where it gave up
 * ("Flow sequence in block collection must be sufficiently indented and end with a ]" at the next
 * field); a user needs to hear what to change, and where the mistake was made.
 */
export interface SyntaxProblem {
  /** Offset in the text the message points at. */
  readonly offset: number;
  readonly message: string;
}

const closing: Record<string, string> = { "[": "]", "{": "}" };

/**
 * Explains one parser error in words a user acts on, moving the position to the mistake when the
 * parser noticed it later (an unclosed bracket or quote).
 * @example explainYamlError("DUPLICATE_KEY", "Map keys must be unique", "a: 1\na: 2\n", 5).message // '"a" is written twice ...'
 */
export function explainYamlError(code: string, parserMessage: string, text: string, offset: number): SyntaxProblem {
  const plain = (message: string, at = offset): SyntaxProblem => ({ offset: at, message: `syntax error: ${message}` });
  switch (code) {
    case "BAD_INDENT": {
      const bracket = /must be sufficiently indented and end with a ([\]}])/.exec(parserMessage)?.[1];
      if (bracket) {
        const open = bracket === "]" ? "[" : "{";
        const at = unclosedBracket(text, offset, open);
        const what = open === "[" ? "list" : "map";
        if (at !== undefined) return plain(`the ${what} opened with "${open}" at ${placeOf(text, at)} is never closed; add "${bracket}" at its end`, at);
        return plain(`a ${what} written with "${open}" is never closed; add "${bracket}" at its end`);
      }
      if (/same column/.test(parserMessage)) {
        const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
        const indent = /^[ ]*/.exec(text.slice(lineStart))?.[0].length ?? 0;
        const first = groupStartedLessIndented(text, lineStart, indent);
        const blame = first ? ` (line ${first.line}, the first of its group, is indented by ${first.indent}: the mistake may be there)` : "";
        return plain(
          `this line is indented by ${indent} space${indent === 1 ? "" : "s"}, which lines up with no field above it${blame}; fields of one group must start at the same column`,
          lineStart + indent,
        );
      }
      return plain(`the indentation is wrong here (${lowerFirst(parserMessage)}); indent with spaces, each level by the same amount`);
    }
    case "TAB_AS_INDENT":
      return plain("a tab is used for indentation; YAML allows only spaces there");
    case "DUPLICATE_KEY": {
      const key = keyAt(text, offset);
      if (!key) return plain("a field is written twice in the same group; keep one of them");
      const first = firstLineOfKey(text, offset, key);
      return plain(`"${key}" is written twice in the same group${first ? ` (first on line ${first})` : ""}; keep one of them`);
    }
    case "MISSING_CHAR": {
      const quote = /Missing closing ("|')/.exec(parserMessage)?.[1];
      if (quote) {
        const at = text.lastIndexOf(quote, offset - 1);
        if (at < 0) return plain(`a text opened with ${quote} is never closed; add the closing ${quote}`);
        return plain(`the text opened with ${quote} at ${placeOf(text, at)} is never closed; add the closing ${quote}`, at);
      }
      // The end of the file reached inside {...} or [...] (JSON's "{"title": "x", " cut short).
      const end = /^Flow (map|sequence) must end with a ([\]}])/.exec(parserMessage);
      if (end) {
        const bracket = end[2] === "]" ? "]" : "}";
        const open = bracket === "]" ? "[" : "{";
        const what = open === "[" ? "list" : "map";
        const at = unclosedBracket(text, offset, open);
        if (at !== undefined) return plain(`the ${what} opened with "${open}" at ${placeOf(text, at)} is never closed; add "${bracket}" at its end`, at);
        return plain(`a ${what} written with "${open}" is never closed; add "${bracket}" at its end`);
      }
      if (/Missing ,/.test(parserMessage)) return plain('a comma is missing between two items (inside [...] or {...}, items are separated by ",")');
      return plain(lowerFirst(parserMessage));
    }
    case "BLOCK_AS_IMPLICIT_KEY": {
      const lineEnd = text.indexOf("\n", offset);
      const rest = text.slice(offset, lineEnd < 0 ? undefined : lineEnd);
      if (/: /.test(rest)) return plain(`this value contains ": "; put the whole value in quotes, e.g. ${JSON.stringify(rest.trim())}`);
      return plain("the next line is indented under a field that already has a value; move it left to line up with the fields it belongs with");
    }
    case "MULTILINE_IMPLICIT_KEY":
      return plain("a field name must be on one line; check the indentation of the line after it");
    case "MULTIPLE_DOCS":
      return plain('the file holds more than one document (a second "---"); a scenario file holds one');
    case "BAD_ALIAS":
      return plain(`an alias (*name) refers to no anchor (&name) written before it`);
    case "TAG_RESOLVE_FAILED": {
      // Not a syntax error: a tag the file does not use, or a tagged number that is none (yaml-tags.ts).
      if (!/^Unresolved tag/.test(parserMessage)) return { offset, message: parserMessage };
      const tagged = /^(!\S*)[ \t]*([^\n#,{}[\]]*)/.exec(text.slice(offset, offset + 1000));
      return { offset, message: unknownTagMessage(tagged?.[1] ?? parserMessage.replace(/^Unresolved tag: /, ""), tagged?.[2]?.trim()) };
    }
    case "UNEXPECTED_TOKEN": {
      const closer = /^Unexpected flow-(map|seq)-end token/.exec(parserMessage);
      if (closer) {
        const [bracket, open] = closer[1] === "map" ? ["}", "{"] : ["]", "["];
        return plain(`this "${bracket}" closes nothing: no "${open}" is open before it; remove it, or add the "${open}" it was meant to close`);
      }
      if (/^Unexpected , in flow/.test(parserMessage)) return plain('a "," with no item before it (two commas in a row, or one after "{" or "["); remove it');
      return plain(lowerFirst(parserMessage));
    }
    case "BAD_DQ_ESCAPE":
      return plain("a text in double quotes has an unknown escape (a backslash); write \\\\ for a backslash, or use single quotes");
    default:
      if (/call stack/i.test(parserMessage)) return plain(TOO_DEEP);
      return plain(lowerFirst(parserMessage));
  }
}

/** A file nested so deeply the parser ran out of stack (e.g. thousands of "[" in a row). */
export const TOO_DEEP = "the file nests lists or maps too deeply (hundreds of levels); a scenario file needs only a few";

/** Where an offset is, as a message names it: "line 50, column 21" (both from 1, as every message's position). */
function placeOf(text: string, offset: number): string {
  let line = 1;
  for (let index = text.indexOf("\n"); index >= 0 && index < offset; index = text.indexOf("\n", index + 1)) line++;
  return `line ${line}, column ${offset - text.lastIndexOf("\n", offset - 1)}`;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** The field name written at an offset (plain, or in quotes as JSON writes it). */
function keyAt(text: string, offset: number): string | undefined {
  const match = /^\s*(?:"([^"\n]*)"|'([^'\n]*)'|([^:#\n{}[\],]+?))\s*:/.exec(text.slice(offset, offset + 300));
  return match ? (match[1] ?? match[2] ?? match[3]) : undefined;
}

/** The line where a duplicated key was first written in the same group (same indentation, no parent line between). */
function firstLineOfKey(text: string, offset: number, key: string): number | undefined {
  const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
  const indent = offset - lineStart;
  const before = text.slice(0, lineStart).split(/\r?\n/);
  for (let index = before.length - 1; index >= 0; index--) {
    const line = before[index] ?? "";
    if (/^\s*(#.*)?$/.test(line)) continue;
    const lineIndent = /^ */.exec(line)?.[0].length ?? 0;
    if (lineIndent < indent) return undefined;
    if (lineIndent === indent && line.slice(indent).startsWith(key) && /^\s*:/.test(line.slice(indent + key.length))) return index + 1;
  }
  return undefined;
}

/**
 * Finds the last bracket that is opened before `offset` and not closed, skipping quoted text and
 * comments, so the message points at the line the user must fix rather than the next field.
 */
function unclosedBracket(text: string, offset: number, open: string): number | undefined {
  const stack: number[] = [];
  let quote: string | undefined;
  for (let index = 0; index < offset && index < text.length; index++) {
    const char = text[index];
    if (quote) {
      if (char === "\\" && quote === '"') index++;
      else if (char === quote || char === "\n") quote = undefined;
      continue;
    }
    if (char === "#" && (index === 0 || /\s/.test(text[index - 1] ?? ""))) {
      const end = text.indexOf("\n", index);
      index = end < 0 ? text.length : end;
    } else if ((char === '"' || char === "'") && /^$|[\s[{,]/.test(text[index - 1] ?? "")) {
      // A quote starts quoted text only where a value can start (not the apostrophe in "team's").
      quote = char;
    } else if (char === open) {
      stack.push(index);
    } else if (char === closing[open]) {
      stack.pop();
    }
  }
  return stack.at(-1);
}

/**
 * The line that opens the group a misindented line is in, when that first line alone is the odd one
 * out: in "  turnover:" then "   attritionPerYear: …" (3 spaces) then four fields at 4, the parser
 * blames every line at 4, yet the first, at 3 (or 5), is the mistake. Said only when the first line is
 * indented otherwise than this line, the field above it (which ends with ":") less than both, and at
 * least two lines of the group (this one included) share this line's indentation. Blank lines and comments
 * are skipped. `undefined` otherwise.
 * @example groupStartedLessIndented("a:\n   b: 1\n    c: 2\n    d: 3\n", 12, 4) // { line: 2, indent: 3 }
 */
function groupStartedLessIndented(text: string, lineStart: number, indent: number): { line: number; indent: number } | undefined {
  const lines = text.split("\n");
  const here = text.slice(0, lineStart).split("\n").length - 1;
  const meaningful = (at: number) => {
    const line = lines[at]!;
    return line.trim() !== "" && !line.trimStart().startsWith("#");
  };
  const indentOf = (at: number) => /^[ ]*/.exec(lines[at]!)![0].length;
  // Up past this line's siblings at its indentation, to the line that opens the group.
  let first = here - 1;
  while (first >= 0 && (!meaningful(first) || indentOf(first) === indent)) first -= 1;
  if (first < 0) return undefined;
  const firstIndent = indentOf(first);
  let parent = first - 1;
  while (parent >= 0 && !meaningful(parent)) parent -= 1;
  if (parent < 0 || indentOf(parent) >= Math.min(firstIndent, indent) || !/:\s*(#.*)?$/.test(lines[parent]!)) return undefined;
  let alike = 0;
  for (let at = first + 1; at < lines.length; at++) {
    if (!meaningful(at)) continue;
    if (indentOf(at) < indent) break;
    if (indentOf(at) === indent) alike += 1;
  }
  return alike >= 2 ? { line: first + 1, indent: firstIndent } : undefined;
}

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Command } from "commander";
import { describe, expect, it } from "vitest";
import { scenarioJsonSchema } from "../engine/index.js";
import { makeProgram } from "./program.js";

// The reference lives in docs/: every command, subcommand and long option of the command line is in
// docs/commands.md, in its command's section, and every field of the scenario file is in
// docs/scenario-file.md. A new option or field without documentation fails here. The links between
// the README and docs/ resolve, anchors included, and the package ships docs/.

const root = fileURLToPath(new URL("../../", import.meta.url));
const read = (path: string): string => readFileSync(join(root, path), "utf8");

interface Section {
  readonly level: number;
  readonly heading: string;
  /** The heading line and everything up to the next heading of the same or a higher level. */
  readonly text: string;
}

/** The lines of a Markdown text outside fenced code blocks, with their index. */
function proseLines(markdown: string): Array<{ index: number; line: string }> {
  let fenced = false;
  const prose: Array<{ index: number; line: string }> = [];
  markdown.split("\n").forEach((line, index) => {
    if (line.startsWith("```")) fenced = !fenced;
    else if (!fenced) prose.push({ index, line });
  });
  return prose;
}

function sections(markdown: string): Section[] {
  const lines = markdown.split("\n");
  const headings = proseLines(markdown).flatMap(({ index, line }) => {
    const match = /^(#{1,6}) (.*)$/.exec(line);
    return match ? [{ index, level: match[1]!.length, heading: match[2]! }] : [];
  });
  return headings.map((heading, position) => {
    const next = headings.slice(position + 1).find((other) => other.level <= heading.level);
    return { level: heading.level, heading: heading.heading, text: lines.slice(heading.index, next?.index ?? lines.length).join("\n") };
  });
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The command's section: the heading naming it in code style (`init`, `track plan`), else, for a subcommand, its command's section. */
function sectionOf(command: Command, doc: readonly Section[]): Section | undefined {
  const own = doc.find((section) => section.heading.includes(`\`${fullName(command)}\``));
  return own ?? (command.parent?.parent ? sectionOf(command.parent, doc) : undefined);
}

function fullName(command: Command): string {
  return command.parent?.parent ? `${fullName(command.parent)} ${command.name()}` : command.name();
}

function allCommands(program: Command): Command[] {
  return program.commands.flatMap((command) => [command, ...allCommands(command)]);
}

/** What docs/commands.md (given as `markdown`) leaves out: commands without a heading or mention, long options missing from their command's section. */
function undocumentedCommandLine(program: Command, markdown: string): string[] {
  const doc = sections(markdown);
  const missing: string[] = [];
  for (const command of allCommands(program)) {
    const name = fullName(command);
    const section = sectionOf(command, doc);
    if (!section) {
      missing.push(`${name}: no section`);
      continue;
    }
    // A subcommand is named in its command's section in code style: `track plan …`.
    if (command.parent?.parent && !section.text.includes(`\`${name}`)) missing.push(`${name}: not mentioned in the section "${section.heading}"`);
    for (const option of command.options) {
      if (!option.long || option.long === "--help" || option.long === "--version") continue;
      if (!new RegExp(`${escapeRegExp(option.long)}(?![\\w-])`).test(section.text))
        missing.push(`${name} ${option.long}: not in the section "${section.heading}"`);
    }
  }
  return missing;
}

/** Every property name of the scenario file's JSON Schema, at every depth (the effects' dotted input names included). */
function schemaFieldNames(schema: unknown): Set<string> {
  const names = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node !== null && typeof node === "object") {
      for (const [key, value] of Object.entries(node)) {
        if (key === "properties" && value !== null && typeof value === "object") for (const name of Object.keys(value)) names.add(name);
        walk(value);
      }
    }
  };
  walk(schema);
  return names;
}

/** The text of every code span of the Markdown prose: `name`, `group.field`, `{ low, high }`. */
function codeSpans(markdown: string): string[] {
  return proseLines(markdown).flatMap(({ line }) => [...line.matchAll(/`([^`]+)`/g)].map((match) => match[1]!));
}

/** The fields of the schema that docs/scenario-file.md (given as `markdown`) never names in code style. */
function undocumentedFields(fields: Iterable<string>, markdown: string): string[] {
  const spans = codeSpans(markdown);
  const words = new Set(spans.flatMap((span) => span.match(/[$\w]+/g) ?? []));
  const wildcards = spans.flatMap((span) => [...span.matchAll(/([\w.]+)\.\*/g)].map((match) => `${match[1]!}.`));
  return [...fields].filter((field) =>
    field.includes(".")
      ? !spans.some((span) => new RegExp(`(^|[^\\w.])${escapeRegExp(field)}($|[^\\w])`).test(span)) && !wildcards.some((prefix) => field.startsWith(prefix))
      : !words.has(field),
  );
}

const program = await makeProgram({ stdout: () => {}, stderr: () => {}, isTerminal: false });

describe("docs/commands.md", () => {
  const markdown = read("docs/commands.md");

  it("has every command and subcommand, and every long option in its command's section", () => {
    expect(allCommands(program).map(fullName)).toContain("track plan");
    expect(undocumentedCommandLine(program, markdown)).toEqual([]);
  });

  it("would notice a missing option, subcommand or command", () => {
    expect(undocumentedCommandLine(program, markdown.replaceAll("--lhs", "--lh"))).toContain('run --lhs: not in the section "`run` — simulate and compare"');
    expect(undocumentedCommandLine(program, markdown.replaceAll("`track teams", "`track list"))).toEqual([
      'track teams: not mentioned in the section "`track` — plan versus actual: did it pay?"',
    ]);
    expect(undocumentedCommandLine(program, markdown.replace("## `voi`", "## `value-of-information`"))).toContain("voi: no section");
  });
});

describe("docs/scenario-file.md", () => {
  const fields = schemaFieldNames(scenarioJsonSchema());
  const markdown = read("docs/scenario-file.md");

  it("names every field of the scenario file's schema, at every depth", () => {
    for (const field of ["title", "upkeepHoursPerMonth", "perLiveProjectPerMonth", "lambda", "between", "waiting.minutesPerRun"])
      expect(fields).toContain(field);
    expect(undocumentedFields(fields, markdown)).toEqual([]);
  });

  it("would notice a missing field", () => {
    expect(undocumentedFields(fields, markdown.replaceAll("lambda", "λ"))).toEqual(["lambda"]);
    expect(undocumentedFields(fields, markdown.replaceAll("`waiting.*`", "waiting"))).toEqual(
      [...fields].filter((field) => field.startsWith("waiting.") && !markdown.includes(`\`${field}\``)),
    );
    expect(undocumentedFields(["breakage.hoursToRestore"], "The `breakage.*` effects")).toEqual([]);
    expect(undocumentedFields(["breakage.hoursToRestore"], "The `breakage.hoursToRestoreX` effect")).toEqual(["breakage.hoursToRestore"]);
  });
});

/** GitHub's anchor of a heading: lower case, punctuation but hyphens and underscores dropped, spaces as hyphens. */
function anchor(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

describe("the links of README.md and docs/", () => {
  const files = [
    "README.md",
    ...readdirSync(join(root, "docs"))
      .filter((name) => name.endsWith(".md"))
      .map((name) => `docs/${name}`),
  ];

  it.each(files)("%s: every relative link leads to a file, and every anchor to a heading", (file) => {
    const markdown = read(file);
    const broken: string[] = [];
    for (const { line } of proseLines(markdown)) {
      for (const match of line.matchAll(/\]\(([^)\s]+)\)/g)) {
        const target = match[1]!;
        if (/^[a-z]+:/.test(target)) continue;
        const [path, hash] = target.split("#") as [string, string | undefined];
        const linked = path === "" ? file : join(dirname(file), path);
        if (!existsSync(join(root, linked))) broken.push(`${target}: no file ${linked}`);
        else if (hash !== undefined && linked.endsWith(".md") && !sections(read(linked)).some((section) => anchor(section.heading) === hash)) {
          broken.push(`${target}: no heading in ${linked}`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it("the docs index lists every file of docs/, and the README links to it", () => {
    const index = read("docs/README.md");
    for (const file of files.filter((name) => name.startsWith("docs/") && name !== "docs/README.md")) expect(index).toContain(`](${file.slice(5)})`);
    expect(read("README.md")).toContain("](docs/README.md)");
  });

  it("ships with the package", () => {
    const manifest = JSON.parse(read("package.json")) as { files: string[] };
    expect(manifest.files).toContain("docs");
  });
});

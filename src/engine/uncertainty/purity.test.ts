import { readdirSync, readFileSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// The uncertainty core runs in the browser too: its shipped modules may only
// import each other (no node:*, no packages, no DOM or I/O globals).
const folder = dirname(fileURLToPath(import.meta.url));
const shipped = readdirSync(folder).filter((name) => name.endsWith(".ts") && !name.endsWith(".test.ts"));

describe("uncertainty core purity", () => {
  it("has modules to check", () => {
    expect(shipped).toContain("index.ts");
  });

  it.each(shipped)("%s imports only sibling modules and uses no platform APIs", (name) => {
    const source = readFileSync(`${folder}/${name}`, "utf8");
    const specifiers = [...source.matchAll(/\bfrom\s+"([^"]+)"/g)].map((match) => match[1]!);
    for (const specifier of specifiers) expect(specifier).toMatch(/^\.\/[a-z0-9-]+\.js$/);
    expect(source).not.toMatch(/\b(require|process|window|document|fetch|setTimeout|Math\.random|Date\.now|performance)\b/);
  });
});

import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { readWorkbook, workbookBytes, type Workbook } from "../excel.js";

/** Where soffice is, or undefined when LibreOffice is not installed. */
export function findSoffice(): string | undefined {
  for (const candidate of ["/usr/bin/soffice", "/usr/local/bin/soffice", "/usr/lib/libreoffice/program/soffice"]) if (existsSync(candidate)) return candidate;
  try {
    return execFileSync("which", ["soffice"], { encoding: "utf8" }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether a LibreOffice test runs: it fails in CI when soffice is missing, and is skipped with a
 * visible message elsewhere.
 */
export function libreOfficeAvailability(): { available: boolean; skip: boolean } {
  const available = findSoffice() !== undefined;
  if (!available) {
    if (process.env.CI === "true") return { available, skip: false };
    console.warn("LibreOffice (soffice) is missing: skipping the workbook recalculation tests. Install it with: sudo apt-get install libreoffice-calc-nogui");
  }
  return { available, skip: !available };
}

/** LibreOffice's output filter: CSV of the first sheet as shown (each cell's number format applied), in UTF-8. */
function filterOf(format: "xlsx" | "pdf" | "csv"): string {
  return format === "csv" ? "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true" : format;
}

/**
 * Opens each file in headless LibreOffice Calc and saves it again as `format` into `outputFolder`,
 * all in one call (LibreOffice takes seconds to start). A private profile keeps parallel runs apart.
 * Returns the converted files' paths, in order.
 */
export function convertWithLibreOffice(files: readonly string[], outputFolder: string, format: "xlsx" | "pdf" | "csv"): string[] {
  const soffice = findSoffice();
  if (!soffice) throw new Error("LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui");
  const profile = mkdtempSync(join(tmpdir(), `lo-profile-${randomUUID()}-`));
  try {
    execFileSync(
      soffice,
      ["--headless", "--calc", `-env:UserInstallation=file://${profile}`, "--convert-to", filterOf(format), "--outdir", outputFolder, ...files],
      {
        stdio: "pipe",
        timeout: 180_000,
      },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  return files.map((file) => {
    const converted = join(outputFolder, `${basename(file).replace(/\.[^.]+$/, "")}.${format}`);
    if (!existsSync(converted)) throw new Error(`LibreOffice did not write ${converted}`);
    return converted;
  });
}

/**
 * Removes every formula's cached result, as a program that writes formulas without computing them
 * would: whoever opens the file must compute everything itself.
 */
export async function withoutCachedResults(bytes: Uint8Array): Promise<Uint8Array> {
  const workbook = await readWorkbook(bytes);
  workbook.eachSheet((worksheet) =>
    worksheet.eachRow((row) =>
      row.eachCell((cell) => {
        const value = cell.value;
        if (value && typeof value === "object" && "formula" in value) cell.value = { formula: value.formula } as never;
      }),
    ),
  );
  return workbookBytes(workbook);
}

/** Every formula cell's cached result, by `Sheet!A1`. */
export function formulaResults(workbook: Workbook): Map<string, unknown> {
  const results = new Map<string, unknown>();
  workbook.eachSheet((worksheet) =>
    worksheet.eachRow((row) =>
      row.eachCell((cell) => {
        const value = cell.value;
        // A merged cell's others (a note across the page) show its first cell's formula, but hold none in the file.
        if (cell.master.address !== cell.address) return;
        // cell.result, not cell.value.result: exceljs's value copy drops a result of 0.
        if (value && typeof value === "object" && ("formula" in value || "sharedFormula" in value))
          results.set(`${worksheet.name}!${cell.address}`, cell.result);
      }),
    ),
  );
  return results;
}

/** Whether two cached results agree: numbers to a relative 1e-9 (absolute 1e-6 near zero), text exactly. */
export function sameResult(expected: unknown, actual: unknown): boolean {
  if (typeof expected === "number" && typeof actual === "number") {
    return Math.abs(expected - actual) <= 1e-9 * Math.max(Math.abs(expected), Math.abs(actual)) || Math.abs(expected - actual) <= 1e-6;
  }
  return expected === actual;
}

/**
 * A plain text table: the first column left-aligned, the others right-aligned.
 * @example renderTable(["", "NPV"], [["better", "€4,109"]])
 */
export function renderTable(header: readonly string[], rows: readonly (readonly string[])[], indent = "  "): string {
  const all = [header, ...rows];
  const widths = header.map((_, column) => Math.max(...all.map((row) => [...(row[column] ?? "")].length)));
  const line = (row: readonly string[]) =>
    indent +
    row
      .map((cell, column) => {
        const pad = " ".repeat((widths[column] ?? 0) - [...cell].length);
        return column === 0 ? cell + pad : pad + cell;
      })
      .join("  ")
      .trimEnd();
  const rule = indent + widths.map((width) => "─".repeat(width)).join("  ");
  return [line(header), rule, ...rows.map(line)].join("\n");
}

/**
 * Lists as every view writes them in running text.
 * @example listInWords(["month 3", "months 8–9"]) // "month 3 and months 8–9"
 * @example listInWords([3, 5, 8]) // "3, 5 and 8"
 */
export function listInWords(items: readonly (string | number)[]): string {
  if (items.length <= 1) return items.length === 0 ? "" : String(items[0]);
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/**
 * The store next to a case file: `case.yaml` → `case.db`. Apart from the store's other modules, so
 * a command can look for the store without loading SQLite.
 * @example storePathFor("cases/team.yaml") // "cases/team.db"
 */
export function storePathFor(caseFile: string): string {
  return `${caseFile.replace(/\.(ya?ml|json)$/i, "")}.db`;
}

/**
 * The file name of an export, from the case's title: letters, digits and dashes only, at most 60
 * characters, "business-case" when nothing is left. The server and the page's own exports (a static
 * host) name their files with it, so the same case downloads under the same name.
 * @example exportFileName("Better tools for the data team", "html") // "better-tools-for-the-data-team.html"
 */
export function exportFileName(title: string, extension: string): string {
  const stem = title
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return `${stem === "" ? "business-case" : stem}.${extension}`;
}

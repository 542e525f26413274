/**
 * The report's text as a reader sees it, for checking the words: the main part (what the
 * decision-maker reads) apart from the appendix, and the main prose (our own paragraphs).
 */

const entities: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'", "&nbsp;": " " };

/** Markup removed, entities decoded, spaces collapsed. */
export function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, " ")
    .replace(/&(?:amp|lt|gt|quot|#39|nbsp);/g, (entity) => entities[entity]!)
    .replace(/&#(\d+);/g, (_match, code: string) => String.fromCharCode(Number(code)))
    .replace(/\s+/g, " ")
    .trim();
}

function between(html: string, start: string, end: string): string {
  const from = html.indexOf(start);
  const to = html.indexOf(end, from);
  if (from < 0 || to < 0) throw new Error(`the report has no ${start} … ${end}`);
  return html.slice(from + start.length, to);
}

/** The HTML of the main part (everything before the appendix). */
export function mainHtml(html: string): string {
  return between(html, '<div data-part="main">', '<div data-part="appendix">');
}

/**
 * All text of the main part, charts' labels included.
 * @example findJargon(mainText(html)) // []
 */
export function mainText(html: string): string {
  return textOf(mainHtml(html));
}

/**
 * The main text without the user's own words: text marked `data-user` in the page, and the given
 * strings (scenario names drawn inside the charts).
 */
export function mainTextWithoutUserWords(html: string, userStrings: readonly string[] = []): string {
  let text = textOf(mainHtml(html).replace(/<span data-user>[^<]*<\/span>/g, " "));
  for (const user of [...userStrings].sort((a, b) => b.length - a.length)) text = text.split(user).join(" ");
  return text;
}

/**
 * The paragraphs of prose in the main part, one string each.
 * @example fleschReadingEase(mainProse(html).join(" "))
 */
export function mainProse(html: string): string[] {
  return [...mainHtml(html).matchAll(/<p[^>]*\bdata-prose\b[^>]*>([\s\S]*?)<\/p>/g)].map((match) => textOf(match[1]!));
}

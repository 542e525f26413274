/**
 * The order of names (an input's path, a set of capabilities) used to break ties between equal
 * figures, so that equal figures always come in the same order: `a.localeCompare(b, "en")`, British
 * and American English collating alike.
 *
 * Names of letters, digits, ".", "," and spaces, as the engine's are ("defaults.team.people",
 * "buildCache,platform"), are ordered here without the collator, whose first use in a process loads
 * its data (about 7 ms): for them English collation is the order of the names in lower case (space,
 * ",", ".", digits, letters, as in character codes), and between names equal but for case, lower
 * case first at the first letter that differs. A test holds this to localeCompare over random names.
 * @example ["b", "B", "a.c", "ab"].sort(compareNames) // ["a.c", "ab", "b", "B"]
 */
export function compareNames(a: string, b: string): number {
  if (!plain.test(a) || !plain.test(b)) return a.localeCompare(b, "en");
  if (a === b) return 0;
  const lowerA = a.toLowerCase();
  const lowerB = b.toLowerCase();
  if (lowerA !== lowerB) return lowerA < lowerB ? -1 : 1;
  let at = 0;
  while (a[at] === b[at]) at += 1;
  return a[at] === lowerA[at] ? -1 : 1;
}

const plain = /^[A-Za-z0-9., ]*$/;

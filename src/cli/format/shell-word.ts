/**
 * A word of a command as a POSIX shell reads it back: as it is when it holds only plain characters,
 * else in single quotes (a quote inside written as '\''), so a command we print can be pasted as it is.
 * @example shellWord("examples/team.yaml") // "examples/team.yaml" ; shellWord("my option") // "'my option'"
 */
export function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", "'\\''")}'`;
}

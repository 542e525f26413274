/**
 * A word of a command as a POSIX shell reads it back: as it is when it holds only plain characters,
 * else in single quotes (a quote inside written as '\''), so a command we print can be pasted as it is.
 * @example shellWord("examples/team.yaml") // "examples/team.yaml" ; shellWord("my option") // "'my option'"
 */
export function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", "'\\''")}'`;
}

/**
 * A file's path as a word of a command: `shellWord`, after "./" in front of a relative path that starts
 * with "-", which quotes cannot save from being read as an option (the shell takes the quotes away).
 * @example shellPath("-draft.yaml") // "./-draft.yaml" ; shellPath("my case.yaml") // "'my case.yaml'"
 */
export function shellPath(path: string): string {
  return shellWord(path.startsWith("-") ? `./${path}` : path);
}

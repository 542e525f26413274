/**
 * An amount inside a sentence, kept on one line: a browser may break a line after the minus of
 * "-US$279,669", leaving the sign alone at the end of a line and the amount, read as a gain, on
 * the next.
 */
export function Amount({ children }: { children: string }) {
  return <span className="amount">{children}</span>;
}

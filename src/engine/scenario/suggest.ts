/** Edit distance between two short strings (case-insensitive), for did-you-mean hints. */
export function editDistance(a: string, b: string): number {
  const left = a.toLowerCase();
  const right = b.toLowerCase();
  let previous = Array.from({ length: right.length + 1 }, (_, index) => index);
  for (let i = 1; i <= left.length; i++) {
    const current = [i];
    for (let j = 1; j <= right.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (left[i - 1] === right[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
    }
    previous = current;
  }
  return previous[right.length] ?? 0;
}

/**
 * The closest known name to a misspelt one, or undefined when nothing is close enough.
 * @example suggest("upkepHours", ["upkeepHoursPerMonth", "buildHours"]) // "upkeepHoursPerMonth"
 */
export function suggest(unknown: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const candidate of known) {
    const lowerCandidate = candidate.toLowerCase();
    const lowerUnknown = unknown.toLowerCase();
    const contained = lowerUnknown.length >= 4 && (lowerCandidate.includes(lowerUnknown) || lowerUnknown.includes(lowerCandidate));
    const score = contained ? 0.5 : editDistance(unknown, candidate);
    if (score < bestScore) {
      bestScore = score;
      best = candidate;
    }
  }
  const limit = Math.max(2, Math.floor(unknown.length / 3));
  return bestScore <= limit ? best : undefined;
}

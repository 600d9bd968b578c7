import leven from 'leven';

/**
 * The known name closest to a misspelt one, when it is close enough to be what was meant: at most
 * a third of the name's length in edits (at least 1, at most 3), as ESLint and npm suggest.
 */
export function closestName(wrong: string, known: readonly string[]): string | undefined {
  const limit = Math.min(3, Math.max(1, Math.floor(wrong.length / 3)));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const name of known) {
    const distance = leven(wrong.toLowerCase(), name.toLowerCase());
    if (distance < bestDistance) {
      best = name;
      bestDistance = distance;
    }
  }
  return bestDistance <= limit ? best : undefined;
}

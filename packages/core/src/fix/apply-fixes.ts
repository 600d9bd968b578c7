/** A text edit against the ORIGINAL decoded text: replace `[range[0], range[1])` with `text`. */
export interface FixRecord {
  range: [number, number];
  text: string;
}

export interface AppliedFixes {
  output: string;
  applied: FixRecord[];
}

/**
 * Applies fixes the way ESLint does: sorted by range, a fix that overlaps one already taken is
 * skipped (a later pass may apply it), and text outside the taken ranges is copied byte for byte.
 * As in ESLint's source-code-fixer, a fix that starts where the previous one ends also waits for the
 * next pass: two edits at one offset would otherwise be ordered by a guess.
 */
export function applyFixes(original: string, fixes: readonly FixRecord[]): AppliedFixes {
  const valid = fixes.filter(
    (fix) => fix.range[0] >= 0 && fix.range[0] <= fix.range[1] && fix.range[1] <= original.length,
  );
  const sorted = [...valid].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  const parts: string[] = [];
  const applied: FixRecord[] = [];
  let cursor = 0;
  let lastEnd = -1;
  for (const fix of sorted) {
    const [start, end] = fix.range;
    if (start <= lastEnd) continue;
    if (original.slice(start, end) === fix.text) continue;
    parts.push(original.slice(cursor, start), fix.text);
    cursor = end;
    lastEnd = end;
    applied.push(fix);
  }
  parts.push(original.slice(cursor));
  return { output: parts.join(''), applied };
}


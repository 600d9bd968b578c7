/** Index of the last element of an ascending array that is ≤ `value` (0 when none is). */
export function lastIndexAtOrBelow(sorted: ArrayLike<number>, value: number): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (sorted[mid] <= value) low = mid;
    else high = mid - 1;
  }
  return low;
}

/**
 * Same answer as `lastIndexAtOrBelow`, but tries `hint` and the index after it first:
 * callers that look up offsets in increasing order (positions, in text order) mostly
 * land there and skip the binary search.
 */
export function lastIndexAtOrBelowNear(sorted: ArrayLike<number>, value: number, hint: number): number {
  const last = sorted.length - 1;
  if (hint >= 0 && hint <= last && sorted[hint] <= value) {
    if (hint === last || sorted[hint + 1] > value) return hint;
    if (hint + 1 === last || sorted[hint + 2] > value) return hint + 1;
  }
  return lastIndexAtOrBelow(sorted, value);
}

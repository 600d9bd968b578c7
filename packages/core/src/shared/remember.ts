// Memoisation for pure functions of short strings that repeat across plans.

export interface RememberOptions {
  /** Entries kept before it starts again. */
  limit?: number;
  /** Longer strings are computed each time, never kept. */
  maxKeyLength?: number;
}

/**
 * `compute`, remembering its results. The benchmark's 1,000 plans have 50,000 section titles but
 * about 260 distinct ones, and 24,000 citations but 25 issuers; a language server lints the same
 * titles on every edit. Bounded (it starts again past `limit` entries); a key is kept as a copy,
 * never the string passed in, which may be a slice that keeps a whole plan's text alive. Results
 * must be immutable values (strings, numbers), since every caller gets the same one: copy objects.
 */
export function rememberedBy<T>(
  compute: (value: string) => T,
  { limit = 2048, maxKeyLength = 200 }: RememberOptions = {},
): (value: string) => T {
  const results = new Map<string, T>();
  return (value) => {
    if (value.length > maxKeyLength) return compute(value);
    let result = results.get(value);
    if (result === undefined) {
      // Computed from the copy, so that substrings in the result do not point into the caller's text.
      const key = flatCopy(value);
      result = compute(key);
      if (results.size >= limit) results.clear();
      results.set(key, result);
    }
    return result;
  };
}

/**
 * A flat copy of the characters: not a slice or rope of the text it came from. V8 makes a substring
 * of 13 chars or more a view that keeps its whole parent alive; a value that outlives the parse (a
 * memo key, a finding's data) is copied so that it keeps only itself.
 */
export function flatCopy(value: string): string {
  // Slicing a rope flattens it into a new string first: the slice's parent is then that copy, one
  // char longer than the value, not the text. Ten times as fast as joining the value's chars.
  return value.length < 13 ? value : (' ' + value).slice(1);
}

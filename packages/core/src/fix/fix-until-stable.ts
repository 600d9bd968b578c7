import { applyFixes, type FixRecord } from './apply-fixes.js';

/** ESLint's --fix makes at most 10 passes; so does plan-lint, wherever it fixes (CLI, pack test, tests). */
export const MAX_FIX_PASSES = 10;

/**
 * `--fix` as one loop: applies the fixes of `result`, lints the new text, and again, until no fix is
 * left or applies, the text stops changing, it comes back to a text seen before (two fixes that
 * undo each other), or MAX_FIX_PASSES passes are made. Returns the last text and its lint.
 */
export async function fixUntilStable<R extends { diagnostics: readonly { fix?: FixRecord }[] }>(
  text: string,
  result: R,
  relint: (text: string) => Promise<R>,
): Promise<{ text: string; result: R }> {
  const seen = new Set<string>([text]);
  let current = text;
  let last = result;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const fixes = last.diagnostics.flatMap((diagnostic) => (diagnostic.fix ? [diagnostic.fix] : []));
    if (fixes.length === 0) break;
    const { output, applied } = applyFixes(current, fixes);
    if (applied.length === 0 || output === current) break;
    current = output;
    last = await relint(current);
    if (seen.has(current)) break;
    seen.add(current);
  }
  return { text: current, result: last };
}

import { performance } from 'node:perf_hooks';
import { applyFixes, defaultConfig, lintText, type LintResult, type PlanDocument, type ResolvedConfig } from '@plan-lint/core';
import { expect } from 'vitest';

let config: ResolvedConfig | undefined;

/** The built-in recommended packs, loaded once for all cases. */
export async function recommended(): Promise<ResolvedConfig> {
  config ??= await defaultConfig();
  return config;
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** An offset that cuts a surrogate pair in two would give an editor half a character. */
function splitsPair(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && isHighSurrogate(text.charCodeAt(offset - 1)) && isLowSurrogate(text.charCodeAt(offset));
}

/**
 * Lints `text` through the whole pipeline (decode from string, parse, facts, engine, directives)
 * and checks what every caller relies on: it returns within `maxMs`, every diagnostic and fix
 * range lies inside the original text, lines and columns agree with the offsets, and the fixes
 * apply. Returns the result for further checks.
 */
export async function lintAndCheck(text: string, options: { filePath?: string; maxMs?: number; parent?: PlanDocument } = {}): Promise<LintResult> {
  const maxMs = options.maxMs ?? 3000;
  const started = performance.now();
  const result = await lintText(text, { filePath: options.filePath ?? 'plan.md', config: await recommended(), parent: options.parent });
  const elapsed = performance.now() - started;
  expect(elapsed, `lint took ${elapsed.toFixed(0)} ms for ${text.length} characters`).toBeLessThan(maxMs);

  const { original, lineCount } = result.source;
  for (const diagnostic of result.diagnostics) {
    const { start, end } = diagnostic.position;
    const where = `${diagnostic.ruleId} at ${start.line}:${start.column}`;
    expect(start.offset, where).toBeGreaterThanOrEqual(0);
    expect(end.offset, where).toBeGreaterThanOrEqual(start.offset);
    expect(end.offset, where).toBeLessThanOrEqual(original.length);
    expect(start.line, where).toBeGreaterThanOrEqual(1);
    expect(end.line, where).toBeGreaterThanOrEqual(start.line);
    expect(end.line, where).toBeLessThanOrEqual(lineCount);
    expect(start.column, where).toBeGreaterThanOrEqual(1);
    expect(end.column, where).toBeGreaterThanOrEqual(1);
    // Line and column are the same place as the offset (the LSP converts from them).
    expect(result.source.pointAt(start.offset), where).toEqual(start);
    expect(result.source.pointAt(end.offset), where).toEqual(end);
    expect(splitsPair(original, start.offset) || splitsPair(original, end.offset), `${where} cuts a surrogate pair`).toBe(false);
    expect(typeof diagnostic.message === 'string' && diagnostic.message.length > 0, where).toBe(true);
    for (const fix of [diagnostic.fix, ...(diagnostic.suggestions ?? []).map((suggestion) => suggestion.fix)]) {
      if (!fix) continue;
      expect(fix.range[0], `${where} fix`).toBeGreaterThanOrEqual(0);
      expect(fix.range[1], `${where} fix`).toBeGreaterThanOrEqual(fix.range[0]);
      expect(fix.range[1], `${where} fix`).toBeLessThanOrEqual(original.length);
    }
  }
  const fixes = result.diagnostics.flatMap((diagnostic) => (diagnostic.fix ? [diagnostic.fix] : []));
  const { output } = applyFixes(original, fixes);
  expect(typeof output).toBe('string');
  return result;
}

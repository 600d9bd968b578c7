// Fixes computed by the whole pipeline and applied by applyFixes (what `--fix` writes) change
// only their ranges: every byte outside them is kept, so line ends (CRLF, CR), the BOM and the
// NFC/NFD form of untouched text survive. Ranges never split a CRLF or a letter from its marks.
import fc from 'fast-check';
import { applyFixes, defaultConfig, lintText, type FixRecord } from '@plan-lint/core';
import { describe, expect, it } from 'vitest';
import { FIXABLE, render, VARIANTS } from './variants.js';

const isMark = (code: number) => (code >= 0x300 && code <= 0x36f) || (code >= 0x1dc0 && code <= 0x1dff);

/** Checks that `output` is `original` with exactly the `applied` ranges replaced. */
function expectOnlyRangesChanged(original: string, output: string, applied: readonly FixRecord[]) {
  let from = 0;
  let at = 0;
  for (const fix of [...applied].sort((a, b) => a.range[0] - b.range[0])) {
    const kept = original.slice(from, fix.range[0]);
    expect(output.slice(at, at + kept.length), `text before the fix at ${fix.range[0]}`).toBe(kept);
    at += kept.length;
    expect(output.slice(at, at + fix.text.length)).toBe(fix.text);
    at += fix.text.length;
    from = fix.range[1];
  }
  expect(output.slice(at)).toBe(original.slice(from));
}

function expectCleanBoundaries(original: string, fixes: readonly FixRecord[], eol: string) {
  for (const fix of fixes) {
    for (const offset of fix.range) {
      expect(original[offset - 1] === '\r' && original[offset] === '\n', `fix at ${offset} splits a CRLF`).toBe(false);
      expect(offset < original.length && isMark(original.charCodeAt(offset)), `fix at ${offset} separates a letter from its combining mark`).toBe(false);
    }
    // A fix that adds a line end adds the file's own.
    if (/\r\n|\r|\n/.test(fix.text)) expect(fix.text.replace(/\r\n|\r|\n/g, eol)).toBe(fix.text);
  }
}

async function fixOnce(file: string, filePath = 'plan.md') {
  const result = await lintText(file, { filePath, config: await defaultConfig() });
  const fixes = result.diagnostics.flatMap((diagnostic) => (diagnostic.fix ? [diagnostic.fix] : []));
  return { result, fixes, ...applyFixes(result.source.original, fixes) };
}

describe('applyFixes on what the pipeline finds', () => {
  for (const fixture of FIXABLE) {
    for (const variant of VARIANTS) {
      it(`${fixture.name}, ${variant.label}: only the fix ranges change`, async () => {
        const file = render(fixture.text, variant);
        const { result, fixes, output, applied } = await fixOnce(file);
        expect(applied.length, 'the fixture has a fixable defect').toBeGreaterThan(0);
        expect(result.source.hasBom).toBe(variant.bom);
        expect(result.source.original).toBe(variant.bom ? file.slice(1) : file);
        expectCleanBoundaries(result.source.original, fixes, variant.eol);
        expectOnlyRangesChanged(result.source.original, output, applied);
        // The fixed text reads as the same kind of file: same line-end style, no stray ones.
        expect(output.replace(/\r\n|\r|\n/g, variant.eol)).toBe(output);
      });
    }
  }

  it('duplicated words planted anywhere, in any variant: only their ranges change', async () => {
    const base = FIXABLE[0].text;
    const words = [...base.matchAll(/(?<=[ \n])(của|và|các|thực hiện|bình đẳng) /g)].map((match) => match.index ?? 0);
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.constantFrom(...words), { minLength: 1, maxLength: 5 }), fc.constantFrom(...VARIANTS), async (plants, variant) => {
        let text = base;
        for (const at of [...plants].sort((a, b) => b - a)) {
          const word = /^\S+ (?:hiện |đẳng )?/.exec(text.slice(at))?.[0] ?? '';
          text = text.slice(0, at) + word + text.slice(at);
        }
        const file = render(text, variant);
        const { result, fixes, output, applied } = await fixOnce(file);
        expect(result.diagnostics.some((diagnostic) => diagnostic.ruleId === 'duplicate-word')).toBe(true);
        expect(applied.length).toBeGreaterThan(0);
        expectCleanBoundaries(result.source.original, fixes, variant.eol);
        expectOnlyRangesChanged(result.source.original, output, applied);
      }),
      { numRuns: 25, seed: 7301, endOnFailure: true },
    );
  }, 60_000);
});

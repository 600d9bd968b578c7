// Shapes no real plan has but a generated or damaged file can: lists 10,000 levels deep and
// 5 MB on one line. Bounded in time (measured on the shared 2-core machine at load ~10, with
// ~5× headroom), so a change that makes them quadratic fails here instead of hanging an editor.
import { describe, expect, it } from 'vitest';
import { lintAndCheck } from './check-result.js';

const DEPTH = 10_000;
const FIVE_MB = 5 * 1024 * 1024;

describe('extreme shapes through lintText', () => {
  it('lists nested 10,000 levels deep on one line (CommonMark nests `- - - x`, `> > x`, `1. 1. x`)', async () => {
    for (const marker of ['- ', '> ', '1. ', '+ ', '* ']) {
      const text = `KẾ HOẠCH\n\n${marker.repeat(DEPTH)}mục\n`;
      await lintAndCheck(text, { filePath: 'plan.md', maxMs: 10_000 });
      await lintAndCheck(text, { filePath: 'plan.txt', maxMs: 10_000 });
    }
  }, 60_000);

  it('10,000 numbered lines, each up to 50 levels deep (1. 1.1. 1.1.1. …), plain text and Markdown headings', async () => {
    const lines = Array.from({ length: DEPTH }, (_, i) => `${i % 2 ? '' : '### '}1${'.1'.repeat(i % 50)}. Nội dung ${i}`);
    await lintAndCheck(lines.join('\n'), { filePath: 'plan.txt', maxMs: 20_000 });
    await lintAndCheck(lines.join('\n'), { filePath: 'plan.md', maxMs: 20_000 });
  }, 60_000);

  it('10,000 lettered and Roman items, each one level below the last', async () => {
    const letters = 'abcdđeghiklmnopqrstuvxy';
    const roman = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];
    const text = Array.from({ length: DEPTH }, (_, i) => (i % 3 === 0 ? `${roman[i % 10]}. MỤC ${i}` : i % 3 === 1 ? `${i % 97}. Mục` : `${letters[i % letters.length]}) việc ${i}`)).join('\n');
    await lintAndCheck(text, { filePath: 'plan.txt', maxMs: 20_000 });
  }, 60_000);

  it('a 5 MB line of one word, of digits, and of no-break spaces', async () => {
    for (const text of ['đ'.repeat(FIVE_MB), '1'.repeat(FIVE_MB), `KẾ HOẠCH\n${'\u00a0'.repeat(FIVE_MB)}\n`]) {
      const result = await lintAndCheck(text, { maxMs: 15_000 });
      expect(result.source.original.length).toBe(text.length);
    }
  }, 90_000);

  it('5 MB of an unclosed HTML comment, and a 256 KB line of markers that are never at a line start', async () => {
    await lintAndCheck(`KẾ HOẠCH\n<!-- plan-lint-disable ${'x'.repeat(FIVE_MB)}`, { maxMs: 15_000 });
    // Every character a token: ~2.8 s at load 10 (the lexer is the floor); 5 MB
    // of this takes ~40 s, so the bound is on a slice.
    await lintAndCheck(`x ${'1.a)-'.repeat((256 * 1024) / 5)}`, { maxMs: 20_000 });
  }, 90_000);
});

// Whole-pipeline property tests on random text: lintText with the recommended packs never throws,
// finishes in bounded time, and keeps every range inside the document (see check-result.ts).
import fc from 'fast-check';
import { decodeBytes, lintSource, PlanLintInputError } from '@plan-lint/core';
import { describe, expect, it } from 'vitest';
import { lintAndCheck, recommended } from './check-result.js';
import { planText } from './plan-alphabet.js';

// Fixed seeds: a failure in CI reproduces locally with the same numbers.
const runs = (numRuns: number, seed: number) => ({ numRuns, seed, endOnFailure: true });

describe('lintText on random text', () => {
  it('any code points, Markdown and plain text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 400 }), fc.boolean(), async (text, markdown) => {
        await lintAndCheck(text, { filePath: markdown ? 'plan.md' : 'plan.txt' });
      }),
      runs(120, 7001),
    );
  }, 60_000);

  it('random sequences of plan pieces (markers, citations, dates, directives, line ends, NFD)', async () => {
    await fc.assert(
      fc.asyncProperty(planText(300), fc.boolean(), async (text, markdown) => {
        await lintAndCheck(text, { filePath: markdown ? 'plan.md' : 'plan.txt' });
      }),
      runs(250, 7002),
    );
  }, 60_000);

  it('plan pieces with random characters between them', async () => {
    const noisy = fc
      .array(fc.oneof(planText(4), fc.string({ unit: 'grapheme', maxLength: 6 })), { maxLength: 120 })
      .map((parts) => parts.join(''));
    await fc.assert(
      fc.asyncProperty(noisy, async (text) => {
        await lintAndCheck(text);
      }),
      runs(150, 7003),
    );
  }, 60_000);

  it('random bytes (UTF-8 with damage, BOMs, NULs, lone continuation bytes): decoded and linted, or refused with an input error', async () => {
    const utf8 = new TextEncoder();
    const damagedPlan = fc
      .tuple(planText(60), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 4 }), fc.constantFrom([], [0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff]))
      .map(([text, edits, bom]) => {
        const bytes = Uint8Array.from([...bom, ...utf8.encode(text)]);
        for (const [at, value] of edits) if (bytes.length) bytes[at % bytes.length] = value;
        return bytes;
      });
    await fc.assert(
      fc.asyncProperty(fc.oneof(damagedPlan, fc.uint8Array({ maxLength: 300 })), async (bytes) => {
        let source;
        try {
          source = decodeBytes(bytes, 'fuzz.md');
        } catch (error) {
          expect(error).toBeInstanceOf(PlanLintInputError);
          expect((error as PlanLintInputError).format()).toMatch(/^fuzz\.md(:\d+:\d+)?: \S/);
          return;
        }
        const result = await lintSource(source, { filePath: 'fuzz.md', config: await recommended() });
        for (const diagnostic of result.diagnostics) expect(diagnostic.position.end.offset).toBeLessThanOrEqual(source.original.length);
      }),
      runs(300, 7004),
    );
  }, 60_000);
});

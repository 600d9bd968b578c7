// Issue 14, item 1: text made of unclosed `<!--` was quadratic (400 KB took 9 s, 2 MB 4.5 minutes,
// 2.3 s per keystroke in the server). Every pass that reads comments must grow linearly: each
// shape is timed on one 1 MB input and on sixteen 64 KB inputs, the same bytes in all. A linear
// pass takes as long on both, a quadratic one 16× as long on the 1 MB input; at most 6× is allowed
// (large inputs cost a little more per byte: memory outgrows the young generation).
// The two are timed in turn (CPU time), three times, and the fastest of each kept.
import { describe, expect, test } from 'vitest';
import { parsePlan, sourceFromString, type PlanDocument, type SourceText } from '@plan-lint/core';
import { parseExpectations } from '@plan-lint/core/testing';
import { findDisableComments } from '../../packages/core/src/engine/disable-comments.js';
import { layoutText } from '../../packages/core/src/parse/layout.js';
import { cpuMs } from '../support/cpu-time.js';

const SHAPES: Record<string, string> = {
  'unclosed comments on one line': '<!-- ',
  'unclosed comments, one per line': '<!--\n',
  'unclosed directives': '<!-- plan-lint-disable duplicate-word ',
  'unclosed config comments': '<!-- plan-lint-config {} ',
  'closed and unclosed comments': '<!-- a --> <!-- ',
};


function sized(shape: string, bytes: number): string {
  return shape.repeat(Math.ceil(bytes / shape.length)).slice(0, bytes);
}

describe('comment passes grow linearly on adversarial 1 MB input', () => {
  for (const [name, shape] of Object.entries(SHAPES)) {
    test(name, () => {
      // Each pass gets its input ready beforehand (decoding is not under test), then runs on it.
      const none = { disableComments: [] } as unknown as PlanDocument;
      const passes: Record<string, [(text: string) => unknown, (input: never) => unknown]> = {
        // Comments, front matter and the block grammar: where `<!--` was read by a regex.
        layout: [sourceFromString, (source: SourceText) => layoutText(source, 'markdown')],
        // The engine's reader of inline disables, for documents the parser gave none.
        'inline directives': [sourceFromString, (source: SourceText) => findDisableComments(none, source)],
        'fixture expectations': [(text) => text, (text: string) => parseExpectations(text)],
      };
      for (const [pass, [prepare, run]] of Object.entries(passes)) {
        const small = prepare(sized(shape, 64 * 1024)) as never;
        const large = prepare(sized(shape, 1024 * 1024)) as never;
        run(small);
        let pieces = Infinity;
        let whole = Infinity;
        for (let round = 0; round < 3; round++) {
          pieces = Math.min(pieces, cpuMs(() => {
            for (let i = 0; i < 16; i++) run(small);
          }));
          whole = Math.min(whole, cpuMs(() => run(large)));
        }
        // 20 ms added to both: a pass of a few milliseconds is all noise; a quadratic one takes seconds.
        const ratio = (whole + 20) / (pieces + 20);
        expect(ratio, `${pass}: 1 MB cost ${ratio.toFixed(1)}x sixteen 64 KB inputs`).toBeLessThan(6);
      }
    }, 120_000);
  }

  test('a whole 1 MB plan of unclosed comments parses, its text left as text', () => {
    const document = parsePlan(sized('<!-- ', 1024 * 1024), { format: 'markdown' });
    expect(document.tree.children.map((node) => node.type)).toEqual(['paragraph']);
    expect(document.disableComments).toEqual([]);
  }, 60_000);

  // A comment runs from its `<!--` to the first `-->`; a directive is a whole comment.
  test('a comment holding another `<!--` is one comment, not a directive', () => {
    const document = parsePlan('<!-- a <!-- plan-lint-disable duplicate-word -- lý do -->\nThực hiện Thực hiện\n', { format: 'markdown' });
    expect(document.disableComments.map((d) => d.kind)).toEqual([]);
    expect(document.tree.children.map((node) => node.type)).toEqual(['html', 'paragraph']);
  });
});

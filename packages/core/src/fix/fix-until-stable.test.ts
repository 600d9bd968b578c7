import { describe, expect, it } from 'vitest';
import type { FixRecord } from './apply-fixes.js';
import { fixUntilStable, MAX_FIX_PASSES } from './fix-until-stable.js';

// A toy linter: every "aa" is a finding whose fix writes "a".
const lint = async (text: string) => ({ diagnostics: [...text.matchAll(/aa/g)].map((m) => ({ fix: { range: [m.index, m.index + 2], text: 'a' } as FixRecord })) });

describe('fixUntilStable', () => {
  it('fixes, lints again and repeats until nothing is left to fix', async () => {
    let lints = 0;
    const fixed = await fixUntilStable('aaaa b', await lint('aaaa b'), (text) => (lints++, lint(text)));
    expect(fixed.text).toBe('a b');
    expect(fixed.result.diagnostics).toEqual([]);
    // Touching fixes wait for the next pass (applyFixes): aaaa → aaa → aa → a.
    expect(lints).toBe(3);
  });

  it('stops at a text seen before (two fixes that undo each other) and after MAX_FIX_PASSES', async () => {
    const flip = async (text: string) => ({ diagnostics: [{ fix: { range: [0, 1], text: text[0] === 'x' ? 'y' : 'x' } as FixRecord }] });
    let lints = 0;
    const cycled = await fixUntilStable('x', await flip('x'), (text) => (lints++, flip(text)));
    expect([cycled.text, lints]).toEqual(['x', 2]);

    let grows = 0;
    const grow = async (text: string) => ({ diagnostics: [{ fix: { range: [text.length, text.length], text: '+' } as FixRecord }] });
    const capped = await fixUntilStable('', await grow(''), (text) => (grows++, grow(text)));
    expect([capped.text.length, grows]).toEqual([MAX_FIX_PASSES, MAX_FIX_PASSES]);
  });
});

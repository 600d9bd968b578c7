// The real plans (fixtures/seeds), mutated the way files get damaged in practice: lines deleted,
// duplicated and swapped, control characters injected, multibyte characters split (a lone
// surrogate, a stray combining mark, NFD), line ends changed. The whole pipeline must survive.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { parsePlan, sourceFromString } from '@plan-lint/core';
import { describe, it } from 'vitest';
import { lintAndCheck } from './check-result.js';
import { PLAN_PIECES } from './plan-alphabet.js';

const seedsDir = fileURLToPath(new URL('../../fixtures/seeds/', import.meta.url));
const SEEDS = readdirSync(seedsDir)
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .map((name) => readFileSync(path.join(seedsDir, name), 'utf8'));

type Mutation =
  | { kind: 'delete' | 'duplicate'; at: number }
  | { kind: 'swap'; at: number; other: number }
  | { kind: 'control'; at: number; char: string }
  | { kind: 'split'; at: number; how: 'lone-high' | 'lone-low' | 'combining' | 'nfd-line' | 'cut-pair' }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'eol'; to: '\r\n' | '\r' | '\n' };

const position = fc.nat({ max: 1_000_000 });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom('delete' as const, 'duplicate' as const), at: position }),
  fc.record({ kind: fc.constant('swap' as const), at: position, other: position }),
  fc.record({ kind: fc.constant('control' as const), at: position, char: fc.constantFrom('\u0000', '\u0001', '\u0007', '\b', '\u000b', '\f', '\u001b', '\u007f', '\u0085', '\u2028', '\u2029', '\ufeff', '\ufffe') }),
  fc.record({ kind: fc.constant('split' as const), at: position, how: fc.constantFrom('lone-high' as const, 'lone-low' as const, 'combining' as const, 'nfd-line' as const, 'cut-pair' as const) }),
  fc.record({ kind: fc.constant('insert' as const), at: position, text: fc.constantFrom(...PLAN_PIECES) }),
  fc.record({ kind: fc.constant('eol' as const), to: fc.constantFrom('\r\n' as const, '\r' as const, '\n' as const) }),
);

function mutate(text: string, m: Mutation): string {
  const lines = text.split('\n');
  const line = (n: number) => n % lines.length;
  switch (m.kind) {
    case 'delete':
      lines.splice(line(m.at), 1);
      return lines.join('\n');
    case 'duplicate':
      lines.splice(line(m.at), 0, lines[line(m.at)]);
      return lines.join('\n');
    case 'swap': {
      const [a, b] = [line(m.at), line(m.other)];
      [lines[a], lines[b]] = [lines[b], lines[a]];
      return lines.join('\n');
    }
    case 'control':
    case 'insert': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + (m.kind === 'control' ? m.char : m.text) + text.slice(at);
    }
    case 'split': {
      const at = m.at % (text.length + 1);
      if (m.how === 'lone-high') return `${text.slice(0, at)}\ud83d${text.slice(at)}`;
      if (m.how === 'lone-low') return `${text.slice(0, at)}\ude00${text.slice(at)}`;
      if (m.how === 'combining') return `${text.slice(0, at)}\u0323\u0302${text.slice(at)}`;
      if (m.how === 'cut-pair') return `${text.slice(0, at)}😀`.slice(0, -1) + text.slice(at);
      const n = line(m.at);
      lines[n] = lines[n].normalize('NFD');
      return lines.join('\n');
    }
    case 'eol':
      return text.replace(/\r\n|\r|\n/g, m.to);
  }
}

describe('lintText on mutated seed plans', () => {
  it('deleted, duplicated, swapped lines; control characters; split multibyte characters; line ends', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: SEEDS.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 12 }), fc.boolean(), async (seed, mutations, markdown) => {
        const text = mutations.reduce(mutate, SEEDS[seed]);
        await lintAndCheck(text, { filePath: markdown ? 'plan.md' : 'plan.txt', maxMs: 5000 });
      }),
      { numRuns: 60, seed: 7101, endOnFailure: true },
    );
  }, 90_000);

  it('mutated seeds and mutated parents: the rules that compare with the superior plan survive both', async () => {
    const parentText = readFileSync(fileURLToPath(new URL('../../fixtures/family/parent/ke-hoach-phong.md', import.meta.url)), 'utf8');
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: SEEDS.length - 1 }), fc.array(mutation, { maxLength: 6 }), fc.array(mutation, { maxLength: 6 }), async (seed, planMutations, parentMutations) => {
        const parent = parsePlan(sourceFromString(parentMutations.reduce(mutate, parentText)), { format: 'markdown' });
        await lintAndCheck(planMutations.reduce(mutate, SEEDS[seed]), { filePath: 'plan.txt', parent, maxMs: 5000 });
      }),
      { numRuns: 25, seed: 7102, endOnFailure: true },
    );
  }, 60_000);

  it('every seed as it is, NFD, CRLF, and with a BOM', async () => {
    for (const seed of SEEDS) {
      for (const variant of [seed, seed.normalize('NFD'), seed.replace(/\n/g, '\r\n'), `\ufeff${seed}`]) {
        await lintAndCheck(variant, { filePath: 'plan.txt', maxMs: 5000 });
      }
    }
  }, 60_000);
});

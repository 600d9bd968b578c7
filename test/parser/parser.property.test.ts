import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parsePlan, sourceFromString, type PlanDocument, type Position } from '@plan-lint/core';
import { repoRoot, seedFiles } from '../support/load-plan.js';
import { leastCpuMs } from '../support/cpu-time.js';

const seedLines = seedFiles.flatMap((id) => readFileSync(`${repoRoot}fixtures/seeds/${id}.txt`, 'utf8').split('\n'));

// Pieces that exercise the grammar's entities and the layout's joins.
const fragments = [
  'Nghị định số ', '125/2021/NĐ-CP', ' ngày ', '28/12/2021', ' của ', 'Chính phủ', 'từ ', '15/11', ' đến ', '15/12', '-',
  'I. ', '1. ', '2.1. ', 'a) ', 'đ) ', '- ', '+ ', 'o ', '\n', '\n\n', ';', '.', ':', 'tháng ', 'năm ', '11 tháng 3 năm 2025',
  'Nơi nhận:', 'KT. HIỆU TRƯỞNG', 'trước ngày ', 'Báo cáo 6 tháng ', '<!-- plan-lint-disable-next-line duplicate-word -- x -->',
  '# ', '---\n', '\r\n', '\u0301', '\u00a0', '\uf0b7 ', '56- KL/TU', '1790/QĐ -TTg', '(', ')', '“', '5.000.000 đồng',
];

const planLike = fc.array(fc.oneof(fc.constantFrom(...fragments), fc.constantFrom(...seedLines), fc.string({ maxLength: 12 })), {
  maxLength: 120,
}).map((parts) => parts.join(''));

function positions(document: PlanDocument): Position[] {
  const found: Position[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      for (const [key, entry] of Object.entries(value)) {
        if ((key === 'position' || key.endsWith('Position')) && entry) found.push(entry as Position);
        else visit(entry);
      }
    }
  };
  visit(document);
  return found;
}

function assertInside(text: string, document: PlanDocument) {
  const source = sourceFromString(text);
  const length = source.original.length;
  for (const position of positions(document)) {
    expect(position.start.offset).toBeGreaterThanOrEqual(0);
    expect(position.start.offset).toBeLessThanOrEqual(position.end.offset);
    expect(position.end.offset).toBeLessThanOrEqual(length);
    expect(position.end.line).toBeLessThanOrEqual(source.lineCount);
  }
}

describe('the parser never throws and keeps every range inside the text', () => {
  test('random plan-like text, both formats', () => {
    fc.assert(
      fc.property(planLike, fc.constantFrom('markdown', 'text') as fc.Arbitrary<'markdown' | 'text'>, (text, format) => {
        const document = parsePlan(text, { format });
        assertInside(text, document);
      }),
      { numRuns: 300 },
    );
  });

  test('mutated seeds: lines deleted, duplicated, swapped, control characters injected', () => {
    const mutation = fc.record({
      seed: fc.constantFrom(...seedFiles),
      edits: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('delete', 'duplicate', 'swap', 'control', 'split')), { maxLength: 20 }),
    });
    fc.assert(
      fc.property(mutation, ({ seed, edits }) => {
        const lines = readSeed(seed).split('\n');
        for (const [a, b, kind] of edits) {
          const i = a % lines.length;
          const j = b % lines.length;
          if (kind === 'delete') lines.splice(i, 1);
          else if (kind === 'duplicate') lines.splice(i, 0, lines[i]);
          else if (kind === 'swap') [lines[i], lines[j]] = [lines[j], lines[i]];
          else if (kind === 'control') lines[i] = `${lines[i].slice(0, b % 7)}\u0000\u0007\u001b${lines[i].slice(b % 7)}`;
          else lines[i] = lines[i].slice(0, b % Math.max(1, lines[i].length));
          if (lines.length === 0) lines.push('');
        }
        const text = lines.join('\n');
        assertInside(text, parsePlan(text, { format: 'text' }));
      }),
      { numRuns: 60 },
    );
  });
});

const seedCache = new Map<string, string>();
function readSeed(id: string): string {
  if (!seedCache.has(id)) seedCache.set(id, readFileSync(`${repoRoot}fixtures/seeds/${id}.txt`, 'utf8'));
  return seedCache.get(id)!;
}

describe('time stays linear in input size', () => {
  test('no 100 KB input takes over 1 s', () => {
    const shapes = [
      readSeed('004_e583f4aa35644512'),
      'a) '.repeat(40_000),
      `${'Nghị định số 1/2021/NĐ-CP ngày '.repeat(3000)}`,
      `${'- '.repeat(10_000)}x`,
      `${'15/11-'.repeat(20_000)}`,
      'ngày '.repeat(25_000),
      `${'x'.repeat(100_000)}`,
      '\n'.repeat(100_000),
    ];
    for (const shape of shapes) {
      const text = shape.repeat(Math.ceil(100_000 / shape.length)).slice(0, 100_000);
      for (const format of ['text', 'markdown'] as const) {
        // CPU time, the least of three runs: the bound is about the algorithm, not a busy CI machine.
        const fastest = leastCpuMs(() => parsePlan(text, { format }));
        expect(fastest, `${JSON.stringify(shape.slice(0, 20))} as ${format}`).toBeLessThan(1000);
      }
    }
  });
});

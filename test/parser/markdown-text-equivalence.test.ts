import { expect, test } from 'vitest';
import { parseFixture } from '../support/load-plan.js';

/** Drops what legitimately differs between formats: positions and the format tag. */
function withoutPositions(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutPositions);
  if (value && typeof value === 'object') {
    const result: Record<string, unknown> = {};
    for (const [key, entry] of Object.entries(value)) {
      if (key === 'position' || key === 'headingPosition' || key === 'unitPosition' || key === 'docTypePosition' || key === 'symbolPosition' || key === 'format') continue;
      result[key] = withoutPositions(entry);
    }
    return result;
  }
  return value;
}

test('a Markdown plan and the same plan as hard-wrapped text give equal ASTs, ranges aside', () => {
  const markdown = parseFixture('fixtures/equivalence/ke-hoach.md');
  const text = parseFixture('fixtures/equivalence/ke-hoach.txt');
  expect(withoutPositions(text)).toEqual(withoutPositions(markdown));
  // The deadline split across lines and the page marker inside a paragraph were read through.
  expect(text.deadlines.map((d) => [d.kind, d.due?.iso])).toEqual([
    ['plan-submission', '2025-03-25'],
    ['six-month-report', '2025-06-05'],
    ['annual-report', '2025-12-10'],
  ]);
  expect(text.citations.map((c) => c.symbol)).toContain('1790/QĐ-TTg');
  expect(markdown.sections.map((s) => s.kind)).toEqual(['purpose', 'tasks', 'budget', 'organisation']);
  expect(text.deadlines[2].due!.position!.start.line).toBe(93);
});

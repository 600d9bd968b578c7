import { expect, test } from 'vitest';
import { parseFixture } from '../support/load-plan.js';

/**
 * The blocks' words in order. The tree records how each block was written (`## I.` in Markdown is
 * an ATX heading, `I.` in text a heading from its numbering), so it is compared through this.
 */
function blockWords(node: { type: string; children?: unknown[]; value?: string; marker?: { raw: string } }): string[] {
  if (node.type === 'text') return [node.value ?? ''];
  const words = (node.children ?? []).flatMap((child) => blockWords(child as typeof node));
  if (node.type === 'heading' || node.type === 'paragraph' || node.type === 'tableRow') {
    const text = words.join(' ').replace(/^#+\s*/, '');
    return [node.marker && !text.startsWith(node.marker.raw) ? `${node.marker.raw} ${text}` : text];
  }
  if (node.type === 'listItem') return [`${node.marker!.raw} ${words.join(' ')}`];
  return words;
}

/** Drops what legitimately differs between formats: positions, the format tag and how blocks were written. */
function withoutPositions(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutPositions);
  if (value && typeof value === 'object') {
    const result: Record<string, unknown> = {};
    for (const [key, entry] of Object.entries(value)) {
      if (key === 'tree' || key === 'position' || key === 'headingPosition' || key === 'unitPosition' || key === 'docTypePosition' || key === 'symbolPosition' || key === 'format') continue;
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
  expect(blockWords(text.tree)).toEqual(blockWords(markdown.tree));
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

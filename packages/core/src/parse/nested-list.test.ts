// A Markdown list nests by indentation: `1.` then an indented `1.` `2.` is a list inside the item
// (CommonMark 5.2), as Notion, Typora and pandoc write sub-points.
import { describe, expect, it } from 'vitest';
import { lintText } from '../lint.js';
import { parsePlan } from './index.js';

const plan = (indent: string) =>
  `# KẾ HOẠCH\n\nCông tác năm 2026\n\n## I. NHIỆM VỤ\n\n1. Tuyên truyền\n${indent}1. Phổ biến Luật.\n${indent}2. Tổ chức chuyên đề.\n2. Hưởng ứng\n${indent}1. Phát động.\n${indent}2. Cuộc thi viết.\n`;

const outline = (text: string) => {
  const lines: string[] = [];
  const walk = (sections: ReturnType<typeof parsePlan>['sections'], depth: number) => {
    for (const section of sections) {
      lines.push(`${'  '.repeat(depth)}${section.numbering?.raw} ${section.title}`);
      walk(section.children.filter((child) => child.type === 'section') as typeof sections, depth + 1);
    }
  };
  walk(parsePlan(text, { format: 'markdown' }).sections, 0);
  return lines;
};

describe('a nested Markdown list', () => {
  for (const indent of ['   ', '    ', '\t']) {
    it(`puts the indented items under their item (indent ${JSON.stringify(indent)})`, async () => {
      expect(outline(plan(indent))).toEqual([
        'I. NHIỆM VỤ',
        '  1. Tuyên truyền',
        '    1. Phổ biến Luật.',
        '    2. Tổ chức chuyên đề.',
        '  2. Hưởng ứng',
        '    1. Phát động.',
        '    2. Cuộc thi viết.',
      ]);
      const result = await lintText(plan(indent), { filePath: 'plan.md' });
      expect(result.diagnostics.filter((d) => d.ruleId === 'enumeration-sequence')).toEqual([]);
    });
  }

  it('still reports a real gap among the indented items', async () => {
    const result = await lintText(plan('    ').replace('2. Tổ chức chuyên đề.', '3. Tổ chức chuyên đề.'), { filePath: 'plan.md' });
    expect(result.diagnostics.filter((d) => d.ruleId === 'enumeration-sequence').map((d) => d.position.start.line)).toEqual([9]);
  });
});

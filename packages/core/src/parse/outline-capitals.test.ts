// pandoc writes Word's automatic `I.` and `1.` both as `1.` at one indent, its lists parted by
// `<!-- -->`: capitals then tell the two levels apart, and the plan reads as the one Word shows.
// Only then: a plan with Roman numerals, or whose capitals never restart the count, reads by its numbering.
import { describe, expect, it } from 'vitest';
import { lintText } from '../lint.js';
import { parsePlan } from './index.js';
import type { BodyNode } from './ast.js';

const HEAD = '# KẾ HOẠCH\n\nCông tác bình đẳng giới năm 2026\n\n';

const asWord = [
  'I. **MỤC ĐÍCH, YÊU CẦU**',
  '',
  '1. Mục đích',
  '',
  '2. Yêu cầu',
  '',
  'II. **NHIỆM VỤ**',
  '',
  '1. Tuyên truyền',
  '',
  '2. Tổ chức Tháng hành động vì bình đẳng giới từ 15/11 đến 15/12/2026',
  '',
  'III. **TỔ CHỨC THỰC HIỆN**',
  '',
  '1. Hiệu trưởng: chỉ đạo chung.',
  '',
].join('\n');

const asPandoc = [
  '1.  **MỤC ĐÍCH, YÊU CẦU**',
  '',
  '<!-- -->',
  '',
  '1.  Mục đích',
  '',
  '2.  Yêu cầu',
  '',
  '<!-- -->',
  '',
  '2.  **NHIỆM VỤ**',
  '',
  '<!-- -->',
  '',
  '1.  Tuyên truyền',
  '',
  '2.  Tổ chức Tháng hành động vì bình đẳng giới từ 15/11 đến 15/12/2026',
  '',
  '<!-- -->',
  '',
  '3.  **TỔ CHỨC THỰC HIỆN**',
  '',
  '<!-- -->',
  '',
  '1.  Hiệu trưởng: chỉ đạo chung.',
  '',
].join('\n');

function outline(nodes: readonly BodyNode[], depth = 0): string[] {
  return nodes.flatMap((node) =>
    node.type === 'section' ? [`${'  '.repeat(depth)}${node.title.replace(/\*/g, '')} (${node.kind})`, ...outline(node.children, depth + 1)] : [],
  );
}

const enumerationFindings = async (text: string) =>
  (await lintText(HEAD + text, { filePath: 'plan.md' })).diagnostics.filter((d) => d.ruleId === 'enumeration-sequence').map((d) => d.message);

describe('two levels numbered alike, told apart by capitals', () => {
  it("pandoc's flattened lists give Word's outline", () => {
    const word = outline(parsePlan(HEAD + asWord, { format: 'markdown' }).sections);
    expect(word).toEqual([
      'MỤC ĐÍCH, YÊU CẦU (purpose)',
      '  Mục đích (purpose)',
      '  Yêu cầu (purpose)',
      'NHIỆM VỤ (tasks)',
      '  Tuyên truyền (other)',
      '  Tổ chức Tháng hành động vì bình đẳng giới từ 15/11 đến 15/12/2026 (other)',
      'TỔ CHỨC THỰC HIỆN (organisation)',
      '  Hiệu trưởng: chỉ đạo chung. (other)',
    ]);
    expect(outline(parsePlan(HEAD + asPandoc, { format: 'markdown' }).sections)).toEqual(word);
  });

  it('and no numbering finding, as Word gives none', async () => {
    expect(await enumerationFindings(asWord)).toEqual([]);
    expect(await enumerationFindings(asPandoc)).toEqual([]);
  });

  it('the same in plain text', () => {
    const text = asPandoc.replace(/<!-- -->\n\n/g, '').replace(/\*\*/g, '');
    expect(outline(parsePlan(HEAD.replace('# ', '') + text, { format: 'text' }).sections)).toEqual(
      outline(parsePlan(HEAD + asWord, { format: 'markdown' }).sections),
    );
  });

  it('a plan with Roman numerals reads by its numbering, capitals or not', () => {
    const text = ['I. MỤC ĐÍCH', '', '1. MỤC ĐÍCH CHUNG', '', '1. Nâng cao nhận thức', '', '2. Yêu cầu', ''].join('\n');
    expect(outline(parsePlan(HEAD + text, { format: 'markdown' }).sections)).toEqual([
      'MỤC ĐÍCH (purpose)',
      '  MỤC ĐÍCH CHUNG (purpose)',
      '  Nâng cao nhận thức (other)',
      '  Yêu cầu (purpose)',
    ]);
  });

  it('capitals that never restart the count are no level of their own', async () => {
    const text = ['1. MỤC ĐÍCH, YÊU CẦU', '', '2. Nhiệm vụ', '', '3. TỔ CHỨC THỰC HIỆN', ''].join('\n');
    expect(outline(parsePlan(HEAD + text, { format: 'markdown' }).sections)).toEqual([
      'MỤC ĐÍCH, YÊU CẦU (purpose)',
      'Nhiệm vụ (tasks)',
      'TỔ CHỨC THỰC HIỆN (organisation)',
    ]);
    expect(await enumerationFindings(text)).toEqual([]);
  });
});

// Headings in capitals on lines of their own, with no number and no `#`, as a Word text save keeps
// headings Word did not number (fixtures/unseen/round9/d/c3-th.txt).
import { describe, expect, it } from 'vitest';
import { parsePlan } from './index.js';

const plan = (body: string) =>
  `TRƯỜNG TIỂU HỌC A\nSố: 09/KH-THA\nA, ngày 06 tháng 02 năm 2027\n\nKẾ HOẠCH\nThực hiện công tác bình đẳng giới năm 2027\n\nCăn cứ Kế hoạch số 15/KH-UBND ngày 20/01/2027 của UBND phường;\n\n${body}`;
const outline = (text: string, format: 'text' | 'markdown' = 'text') =>
  parsePlan(plan(text), { format }).sections.map((section) => `${section.kind} ${section.title} (${section.children.filter((c) => c.type === 'section').length})`);

describe('a heading in capitals without a number', () => {
  const body = 'MỤC ĐÍCH, YÊU CẦU\n1) Nâng cao nhận thức.\n2) Báo cáo đúng hạn.\n\nKINH PHÍ\nTừ nguồn ngân sách năm 2027.\n\nTỔ CHỨC THỰC HIỆN\n1) Hiệu trưởng chỉ đạo chung.\n';
  it('heads a section when it names a part of a plan, in text and in Markdown', () => {
    const expected = ['purpose MỤC ĐÍCH, YÊU CẦU (2)', 'budget KINH PHÍ (0)', 'organisation TỔ CHỨC THỰC HIỆN (1)'];
    expect(outline(body)).toEqual(expected);
    expect(outline(body.replace(/^([A-ZĐỤỨẦÍỔ ,]+)$/gmu, '**$1**').replace(/\n(?=\d\))/g, '\n\n'), 'markdown')).toEqual(expected);
  });
  it('a line in capitals that names no part of a plan stays a paragraph', () => {
    expect(outline('THÔNG TIN CHUNG\nNội dung.\n\nI. NHIỆM VỤ\nNội dung.\n')).toEqual(['tasks NHIỆM VỤ (0)']);
  });
});

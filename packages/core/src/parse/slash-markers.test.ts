// Typists end a marker with a slash (`I/ MỤC ĐÍCH`, `1/ Mục đích`, `a/ Hiệu trưởng`): the same outline,
// sections and findings as `I.`, `1.`, `a)`, in text and in Markdown; a date at a line's start is no marker.
import { describe, expect, it } from 'vitest';
import { lintText } from '../lint.js';
import { parsePlan } from './index.js';

const PLAN = (roman: string, arabic: string, letter: string) =>
  [
    'KẾ HOẠCH',
    'Công tác bình đẳng giới năm 2027',
    '',
    `I${roman} MỤC ĐÍCH, YÊU CẦU`,
    `1${arabic} Mục đích: nâng cao nhận thức.`,
    `2${arabic} Yêu cầu: thiết thực.`,
    `II${roman} NỘI DUNG`,
    `a${letter} Tuyên truyền.`,
    `b${letter} Tổ chức Tháng hành động vì bình đẳng giới từ 15/11/2027 đến 15/12/2027.`,
    `III${roman} KINH PHÍ`,
    'Nguồn ngân sách nhà nước năm 2027.',
    `IV${roman} TỔ CHỨC THỰC HIỆN`,
    `1${arabic} Hiệu trưởng: chỉ đạo chung; gửi báo cáo 6 tháng trước ngày 05/6/2027, báo cáo năm trước ngày 10/12/2027.`,
    `2${arabic} Tổ chuyên môn: thực hiện.`,
    '',
  ].join('\n');

const outline = (text: string, format: 'text' | 'markdown') => {
  const document = parsePlan(text, { format });
  return {
    sections: document.sections.map((section) => `${section.kind} ${section.children.filter((node) => node.type === 'section' || node.type === 'item').length}`),
    deadlines: document.deadlines.map((deadline) => `${deadline.kind} ${deadline.due?.iso}`),
    units: document.responsibilities.map((role) => role.unit),
  };
};

describe('markers that end with a slash, a dash, or a colon after a Roman numeral', () => {
  it('give the outline, deadlines and units that `I.`, `1.`, `a)` give, in text and Markdown; so do dashes and `1)`', () => {
    const dotted = outline(PLAN('.', '.', ')'), 'text');
    expect(dotted.sections).toEqual(['purpose 2', 'tasks 2', 'budget 0', 'organisation 2']);
    expect(outline(PLAN('/', '/', '/'), 'text')).toEqual(dotted);
    expect(outline(PLAN('-', '-', '-'), 'text')).toEqual(dotted);
    expect(outline(PLAN(':', '.', ')'), 'text')).toEqual(dotted);
    expect(outline(PLAN('.', ')', ')'), 'text')).toEqual(dotted);
    expect(outline(PLAN('/', '/', '/'), 'markdown')).toEqual(outline(PLAN('.', '.', ')'), 'markdown'));
  });

  it('draw the findings the dotted plan draws, and a gap is named in the writer’s own style', async () => {
    const rules = async (text: string) => (await lintText(text, { filePath: 'plan.txt' })).diagnostics.map((d) => d.ruleId).sort();
    expect(await rules(PLAN('/', '/', '/'))).toEqual(await rules(PLAN('.', '.', ')')));
    const gap = await lintText(PLAN('/', '/', '/').replace('b/ Tổ chức', 'd/ Tổ chức'), { filePath: 'plan.txt' });
    expect(gap.diagnostics.filter((d) => d.ruleId === 'enumeration-sequence').map((d) => d.suggestions?.[0]?.fix.text ?? d.fix?.text)).toEqual(['b/']);
  });

  it('a date or a fraction at a line’s start is no marker', () => {
    const document = parsePlan(['KẾ HOẠCH', 'Công tác bình đẳng giới năm 2027', '', '15/11/2027: phát động Tháng hành động.', '1/2 số lớp tham gia.', '15-11-2027: tọa đàm.', ''].join('\n'), { format: 'text' });
    expect(document.sections).toEqual([]);
  });
});

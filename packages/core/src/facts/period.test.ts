// A report is compared with the parent's report of the same kind only for the same period: a school-year
// plan's "6 tháng đầu năm 2027" or "tổng kết năm học" is no answer to a calendar year's deadlines,
// whether the plan lists its reports, tabulates them or writes them in a sentence.
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../parse/index.js';
import { parentFactsFromDocument } from './parent.js';
import { computeFacts } from './index.js';
import { otherPeriod, periodNamed, reportPeriod } from './period.js';
import { sourceFromString } from '../decode/decode.js';

describe('periods', () => {
  it('are read from titles and subjects', () => {
    expect(periodNamed('Kế hoạch công tác bình đẳng giới năm học 2026 - 2027')).toBe('2026-2027');
    expect(periodNamed('báo cáo 6 tháng đầu năm 2027')).toBe('2027');
    expect(periodNamed('năm học 2026-2028')).toBeUndefined();
    expect(periodNamed('báo cáo sơ kết')).toBeUndefined();
    expect(reportPeriod('báo cáo tổng kết năm học', '2026-2027')).toBe('2026-2027');
    expect(reportPeriod('báo cáo tổng kết năm học', '2026')).toBeUndefined();
    expect(otherPeriod('2026', '2026-2027')).toBe(true);
    expect(otherPeriod('2026', undefined)).toBe(false);
  });
});

const parent = parentFactsFromDocument(
  parsePlan(
    ['# KẾ HOẠCH', '', 'Công tác bình đẳng giới năm 2026', '', '## I. NHIỆM VỤ', '', '- Báo cáo 6 tháng trước ngày 10/6/2026; báo cáo năm trước ngày 15/12/2026.', ''].join('\n'),
    { format: 'markdown' },
  ),
);

const child = (title: string, reports: string) =>
  ['Số: 12/KH-THCS', '', 'Yên Mô, ngày 25 tháng 9 năm 2026', '', '# KẾ HOẠCH', '', title, '', '## I. CHẾ ĐỘ BÁO CÁO', '', reports, ''].join('\n');

const compared = (text: string) => {
  const document = parsePlan(text, { format: 'markdown' });
  return computeFacts(document, sourceFromString(text), { parent }).deadlines.map((deadline) => `${deadline.kind} ${deadline.parentDue ?? '-'}`);
};

const shapes: Record<string, string> = {
  list: '- Báo cáo 6 tháng đầu năm 2027 trước ngày 05/6/2027;\n- Báo cáo tổng kết năm học trước ngày 25/5/2027.',
  table: '| Báo cáo | Thời hạn |\n| --- | --- |\n| Báo cáo 6 tháng đầu năm 2027 | trước ngày 05/6/2027 |\n| Báo cáo tổng kết năm học | trước ngày 25/5/2027 |',
  prose: 'Báo cáo 6 tháng đầu năm 2027 gửi trước ngày 05/6/2027 và báo cáo tổng kết năm học gửi trước ngày 25/5/2027.',
};

describe('a school-year plan under a calendar-year parent', () => {
  it('the parent gives its period and deadlines', () => {
    expect(parent).toMatchObject({ period: '2026', deadlines: { sixMonthReport: '2026-06-09', annualReport: '2026-12-14' } });
  });
  for (const [shape, reports] of Object.entries(shapes)) {
    it(`compares none of its reports with the parent's (${shape})`, () => {
      expect(compared(child('Công tác bình đẳng giới năm học 2026-2027', reports))).toEqual(['six-month-report -', 'annual-report -']);
    });
  }
  it("a calendar-year plan's reports for the same year are compared (list)", () => {
    expect(compared(child('Công tác bình đẳng giới năm 2026', '- Báo cáo 6 tháng trước ngày 05/6/2026;\n- Báo cáo năm trước ngày 10/12/2026.'))).toEqual([
      'six-month-report 2026-06-09',
      'annual-report 2026-12-14',
    ]);
  });
});

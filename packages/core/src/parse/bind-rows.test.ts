import { describe, expect, it } from 'vitest';
import type { Element } from './ast-builder.js';
import type { DateValue, Position, Section } from './ast.js';
import { buildDeadlines } from './bind-deadlines.js';
import { buildResponsibilities } from './bind-roles.js';
import type { BindContext, Line } from './line.js';

// Table rows as the block grammar gives them: one logical line per row, with its cells' offsets and
// the table's header. Dates are found here by a plain pattern: these tests are about binding.
function tableContext(header: string[], rows: string[][]): BindContext {
  const lines: Line[] = [];
  let text = '';
  for (const [index, cells] of [header, ...rows].entries()) {
    if (text) text += '\n';
    const start = text.length;
    const spans: { start: number; end: number }[] = [];
    cells.forEach((cell, k) => {
      if (k > 0) text += ' | ';
      spans.push({ start: text.length, end: text.length + cell.length });
      text += cell;
    });
    const elements: Element[] = [];
    for (const match of text.slice(start).matchAll(/(\d{1,2})[/-](\d{1,2})[/-](\d{4})/g)) {
      const s = start + match.index!;
      const e = s + match[0].length;
      elements.push({ kind: 'date', start: s, end: e, monthOnly: false, value: { day: +match[1], month: +match[2], year: +match[3], start: s, end: e } });
    }
    lines.push({ start, end: text.length, text: text.slice(start), headingDepth: 0, elements, row: { cells: spans, header, isHeader: index === 0 } });
  }
  const position = (start: number, end: number): Position => ({
    start: { line: 1, column: start + 1, offset: start },
    end: { line: 1, column: end + 1, offset: end },
  });
  return {
    lines,
    text,
    position,
    dateValue: (parts, start, end): DateValue => ({
      type: 'date',
      day: parts.day,
      month: parts.month,
      year: parts.year,
      iso: `${parts.year}-${String(parts.month).padStart(2, '0')}-${String(parts.day).padStart(2, '0')}`,
      raw: text.slice(start, end),
      valid: true,
      position: position(start, end),
    }),
  };
}

describe('table rows', () => {
  it('bind each row subject cell to its date cell by the header', () => {
    const context = tableContext(
      ['TT', 'Nội dung báo cáo', 'Thời hạn', 'Nơi nhận'],
      [
        ['1', 'Báo cáo sơ kết 6 tháng', 'trước ngày 05/6/2026', 'Sở GD&ĐT'],
        ['2', 'Báo cáo tổng kết năm', 'ngày 06-12-2026', 'Sở GD&ĐT'],
      ],
    );
    expect(buildDeadlines(context).map((d) => [d.kind, d.relation, d.due?.iso, d.subject, d.recipient])).toEqual([
      ['six-month-report', 'before', '2026-06-05', 'Báo cáo sơ kết 6 tháng', 'Sở GD&ĐT'],
      // `06-12` is a date, not a 6-month report: the kind comes from the subject cell.
      ['annual-report', 'on', '2026-12-06', 'Báo cáo tổng kết năm', 'Sở GD&ĐT'],
    ]);
  });

  it('leave a schedule of activities alone unless the row speaks of something due', () => {
    const context = tableContext(['Thời gian', 'Nội dung hoạt động'], [['15/11/2026', 'Mít tinh hưởng ứng'], ['10/12/2026', 'Gửi báo cáo kết quả']]);
    expect(buildDeadlines(context).map((d) => [d.kind, d.due?.iso])).toEqual([['other', '2026-12-10']]);
  });

  it('read units from the column of units, not from report tables', () => {
    const roles = tableContext(['TT', 'Bộ phận, cá nhân', 'Nhiệm vụ'], [['1', 'Hiệu trưởng', 'Chỉ đạo chung'], ['2', 'Tổ chuyên môn', 'Lồng ghép nội dung giới']]);
    const organisation = (context: BindContext): Section[] => [
      {
        type: 'section',
        title: 'TỔ CHỨC THỰC HIỆN',
        kind: 'organisation',
        level: 1,
        children: [],
        position: context.position(0, context.text.length + 1),
      },
    ];
    const units = buildResponsibilities(roles, organisation(roles)).map((r) => [r.unit, r.duties.map((d) => d.text)]);
    expect(units).toEqual([
      ['Hiệu trưởng', ['Chỉ đạo chung']],
      ['Tổ chuyên môn', ['Lồng ghép nội dung giới']],
    ]);
    const reports = tableContext(['Nội dung báo cáo', 'Thời hạn'], [['Báo cáo sơ kết', 'trước ngày 05/6/2026']]);
    expect(buildResponsibilities(reports, organisation(reports))).toEqual([]);
  });
});

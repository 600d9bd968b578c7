// A table printed as text in columns of spaces (pdftotext -layout), its cells wrapped within their
// columns, is read as the table it is: each row's wrapped lines joined, cell by cell.
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../parse/index.js';
import { createSourceText } from './source-text.js';
import { withLayoutTablesRead } from './text-layout-tables.js';

/** Lays out rows of cells (each cell its lines) in columns of the given widths, as pdftotext -layout does. */
function laidOut(widths: number[], rows: string[][][], { indent = 2, blankBetween = true } = {}): string[] {
  const lines: string[] = [];
  rows.forEach((cells, index) => {
    if (index > 0 && blankBetween) lines.push('');
    const height = Math.max(...cells.map((cell) => cell.length));
    for (let k = 0; k < height; k++) {
      lines.push((' '.repeat(indent) + cells.map((cell, c) => (cell[k] ?? '').padEnd(widths[c])).join('')).trimEnd());
    }
  });
  return lines;
}

const WIDTHS = [5, 34, 22, 16];
const HEADER = [['TT'], ['Nội dung công việc'], ['Người thực hiện'], ['Thời gian']];
const ROWS = [
  [['1'], ['Ban hành kế hoạch; gửi UBND xã'], ['Hiệu trưởng'], ['Trước ngày', '08/4/2027']],
  [['2'], ['Báo cáo 6 tháng đầu năm 2027', 'gửi UBND xã'], ['Phó Hiệu trưởng'], ['Trước ngày', '03/6/2027']],
  [['3'], ['Báo cáo năm 2027 gửi UBND xã'], ['Phó Hiệu trưởng'], ['Trước ngày', '01/12/2027']],
];

const plan = (table: string[], format: 'text' | 'markdown' = 'text') =>
  parsePlan(
    ['KẾ HOẠCH', 'Công tác bình đẳng giới năm 2027', '', 'I. TỔ CHỨC THỰC HIỆN', 'Các bộ phận thực hiện theo bảng sau:', '', ...table, '', 'Trên đây là Kế hoạch của nhà trường./.', ''].join('\n'),
    { format },
  );
const deadlinesOf = (table: string[], format: 'text' | 'markdown' = 'text') =>
  plan(table, format).deadlines.map((deadline) => `${deadline.kind} ${deadline.relation} ${deadline.due?.iso}`);

describe('tables laid out in columns of spaces in a text plan', () => {
  it('become a pipe table, a row a numbered line with the lines under it, wrapped cells joined by a space', () => {
    const text = laidOut(WIDTHS, [HEADER, ...ROWS.slice(0, 2)]).join('\n');
    expect(withLayoutTablesRead(createSourceText(text)).text).toBe(
      [
        '| TT | Nội dung công việc | Người thực hiện | Thời gian |',
        '| --- | --- | --- | --- |',
        '| 1 | Ban hành kế hoạch; gửi UBND xã | Hiệu trưởng | Trước ngày 08/4/2027 |',
        '| 2 | Báo cáo 6 tháng đầu năm 2027 gửi UBND xã | Phó Hiệu trưởng | Trước ngày 03/6/2027 |',
      ].join('\n'),
    );
  });

  it('map each cell back to the file, across its wrapped lines', () => {
    const text = laidOut(WIDTHS, [HEADER, ...ROWS]).join('\n');
    const source = withLayoutTablesRead(createSourceText(text));
    const start = source.text.indexOf('03/6/2027');
    const position = source.positionOf(start, start + '03/6/2027'.length);
    expect(text.slice(position.start.offset, position.end.offset)).toBe('03/6/2027');
    expect(position.start.line).toBe(text.split('\n').findIndex((line) => line.includes('03/6/2027')) + 1);
  });

  it('give the deadlines a Markdown table, a tab-separated table and a list give', () => {
    const expected = ['plan-submission before 2027-04-08', 'six-month-report before 2027-06-03', 'annual-report before 2027-12-01'];
    expect(deadlinesOf(laidOut(WIDTHS, [HEADER, ...ROWS]))).toEqual(expected);
    // Rows one under another with no blank line, and wider columns.
    expect(deadlinesOf(laidOut([4, 40, 20, 14], [HEADER, ...ROWS], { indent: 0, blankBetween: false }))).toEqual(expected);
    const cells = (row: string[][]) => row.map((cell) => cell.join(' '));
    const piped = [HEADER, ...ROWS].map((row) => `| ${cells(row).join(' | ')} |`);
    expect(deadlinesOf([piped[0], '| --- | --- | --- | --- |', ...piped.slice(1)], 'markdown')).toEqual(expected);
    expect(deadlinesOf([HEADER, ...ROWS].map((row) => cells(row).join('\t')))).toEqual(expected);
  });

  it('without a number column: rows parted by blank lines, the header wrapped over two lines', () => {
    const header = [['Nội dung'], ['Người thực'], ['Thời gian']];
    const rows = ROWS.map((row) => row.slice(1));
    const lines = laidOut([34, 22, 16], [header, ...rows]);
    lines.splice(1, 0, laidOut([34, 22, 16], [[[''], ['hiện'], ['']]])[0]);
    expect(withLayoutTablesRead(createSourceText(lines.join('\n'))).text.split('\n').slice(0, 3)).toEqual([
      '| Nội dung | Người thực hiện | Thời gian |',
      '| --- | --- | --- |',
      '| Ban hành kế hoạch; gửi UBND xã | Hiệu trưởng | Trước ngày 08/4/2027 |',
    ]);
  });

  it('end at the paragraph after the table', () => {
    const lines = [...laidOut(WIDTHS, [HEADER, ...ROWS]), '', '  Trên đây là Kế hoạch thực hiện công tác bình đẳng giới của nhà trường./.'];
    const read = withLayoutTablesRead(createSourceText(lines.join('\n'))).text.split('\n');
    expect(read.at(-1)).toBe('  Trên đây là Kế hoạch thực hiện công tác bình đẳng giới của nhà trường./.');
    expect(read.filter((line) => line.startsWith('|'))).toHaveLength(5);
  });

  it('leave alone two columns, prose with double spaces, a lone row and a table whose lines break the columns', () => {
    const header = ['   UBND XÃ DIỄN CHÂU          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', ' TRƯỜNG TH DIỄN CHÂU              Độc lập - Tự do - Hạnh phúc'];
    const prose = ['Tuyên truyền  về bình đẳng giới  cho học sinh.', 'Nhà trường tổ chức các hoạt động hưởng ứng trong cả năm học và báo cáo kết quả.'];
    const lone = laidOut(WIDTHS, [HEADER, ROWS[0]]);
    const broken = laidOut(WIDTHS, [HEADER, ...ROWS]);
    broken[3] = '  1    Ban hành kế hoạch; gửi UBND xã và các đơn vị liên quan trong ngày';
    for (const lines of [header, prose, lone, broken]) {
      const source = createSourceText(lines.join('\n'));
      expect(withLayoutTablesRead(source)).toBe(source);
    }
  });

  it('a header cell that ends a sentence is prose set in columns, not a header', () => {
    const lines = laidOut([20, 20, 20], [[['Một câu.'], ['Hai câu'], ['Ba câu']], [['a'], ['b'], ['c']], [['d'], ['e'], ['f']]]);
    const source = createSourceText(lines.join('\n'));
    expect(withLayoutTablesRead(source)).toBe(source);
  });
});

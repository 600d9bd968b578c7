// A raw HTML table with merged cells (pandoc's gfm, commonmark and strict writers, a web editor):
// colspan and rowspan read as the grid a reader sees, so each cell stands under its column's header.
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../parse/index.js';
import { createSourceText } from './source-text.js';
import { withHtmlTablesRead } from './markdown-html-tables.js';

const HEAD = ['KẾ HOẠCH', 'Công tác bình đẳng giới năm 2027', '', '# I. TỔ CHỨC THỰC HIỆN', ''];
const deadlines = (lines: string[]) =>
  parsePlan([...HEAD, ...lines, ''].join('\n'), { format: 'markdown' }).deadlines.map((deadline) => `${deadline.kind} ${deadline.due?.iso}`);

describe('HTML tables with merged cells', () => {
  it('a colspan is followed by empty cells, a rowspan leaves an empty cell below', () => {
    const html = '<table>\n<tr><th>A</th><th colspan="2">B</th></tr>\n<tr><td rowspan="2">x</td><td>1</td><td>2</td></tr>\n<tr><td>3</td><td>4</td></tr>\n</table>';
    expect(withHtmlTablesRead(createSourceText(html)).text).toBe('| A | B |  |\n| --- | --- | --- |\n| x | 1 | 2 |\n|  | 3 | 4 |');
  });

  it('a schedule with a merged time header and a unit over two rows gives the deadlines its pipe table gives', () => {
    const html = [
      '<table>',
      '<thead><tr><th rowspan="2">Nội dung</th><th rowspan="2">Đơn vị</th><th colspan="2">Thời gian</th></tr>',
      '<tr><th>Bắt đầu</th><th>Hoàn thành</th></tr></thead>',
      '<tbody><tr><td>Báo cáo 6 tháng đầu năm 2027</td><td rowspan="2">Phó Hiệu trưởng</td><td>01/6/2027</td><td>10/6/2027</td></tr>',
      '<tr><td>Báo cáo năm 2027</td><td>01/12/2027</td><td>20/12/2027</td></tr></tbody>',
      '</table>',
    ];
    const piped = ['| Nội dung | Đơn vị | Thời gian bắt đầu | Thời gian hoàn thành |', '| --- | --- | --- | --- |', '| Báo cáo 6 tháng đầu năm 2027 | Phó Hiệu trưởng | 01/6/2027 | 10/6/2027 |', '| Báo cáo năm 2027 | Phó Hiệu trưởng | 01/12/2027 | 20/12/2027 |'];
    expect(deadlines(piped)).toEqual(['six-month-report 2027-06-10', 'annual-report 2027-12-20']);
    expect(deadlines(html)).toEqual(deadlines(piped));
  });

  it('a row with fewer cells than its header (a rowspan, one header row) is read, never a crash', () => {
    const html = ['<table>', '<tr><th>Nội dung</th><th>Đơn vị</th><th>Thời hạn</th></tr>', '<tr><td>Báo cáo 6 tháng</td><td rowspan="2">Phó Hiệu trưởng</td><td>10/6/2027</td></tr>', '<tr><td>Báo cáo năm</td><td>20/12/2027</td></tr>', '</table>'];
    expect(deadlines(html)).toEqual(['six-month-report 2027-06-10', 'annual-report 2027-12-20']);
  });
});

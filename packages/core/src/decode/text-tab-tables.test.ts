// A Word table saved as plain text (a row a line, cells parted by tabs) is read as the table it is;
// the header's and the closing's two columns (one tab) are left to the column reader.
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../parse/index.js';
import { createSourceText } from './source-text.js';
import { withTabTablesRead } from './text-tab-tables.js';

const roles = ['TT\tBộ phận, cá nhân\tNhiệm vụ\tThời gian', '1\tHiệu trưởng\tPhụ trách chung; duyệt kinh phí.\tCả năm', '2\tTổ trưởng chuyên môn\tLồng ghép nội dung giới | bình đẳng.\tTheo tháng'];

describe('tab-separated tables in a text plan', () => {
  it('become a pipe table, the first row heading it, a pipe in a cell escaped (CRLF read as LF)', () => {
    const text = `Trước\n${roles.join('\r\n')}\r\nSau\n`;
    expect(withTabTablesRead(createSourceText(text)).text).toBe(
      'Trước\n| TT | Bộ phận, cá nhân | Nhiệm vụ | Thời gian |\n| --- | --- | --- | --- |\n| 1 | Hiệu trưởng | Phụ trách chung; duyệt kinh phí. | Cả năm |\n| 2 | Tổ trưởng chuyên môn | Lồng ghép nội dung giới \\| bình đẳng. | Theo tháng |\nSau\n',
    );
  });

  it('map each cell back to the file', () => {
    const text = roles.join('\n');
    const source = withTabTablesRead(createSourceText(text));
    const start = source.text.indexOf('Tổ trưởng');
    const position = source.positionOf(start, start + 'Tổ trưởng chuyên môn'.length);
    expect(text.slice(position.start.offset, position.end.offset)).toBe('Tổ trưởng chuyên môn');
    expect([position.start.line, position.start.column]).toEqual([3, 3]);
  });

  it('leave two columns, a lone row and lines of tabs alone', () => {
    for (const text of ['UBND XÃ A\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTRƯỜNG MN A\tĐộc lập - Tự do - Hạnh phúc\n', 'a\tb\tc\nmột dòng\n', '\t\t\n\t\t\n']) {
      const source = createSourceText(text);
      expect(withTabTablesRead(source)).toBe(source);
    }
  });

  it('a roles table under TỔ CHỨC THỰC HIỆN names each unit and its duties', () => {
    const plan = ['KẾ HOẠCH', 'Công tác bình đẳng giới năm 2026', '', 'I. TỔ CHỨC THỰC HIỆN', '1. Phân công nhiệm vụ', ...roles, ''].join('\n');
    const document = parsePlan(plan, { format: 'text' });
    expect(document.responsibilities.map((role) => `${role.unit} → ${role.duties.map((duty) => duty.text).join(' / ')}`)).toEqual([
      'Hiệu trưởng → Phụ trách chung; duyệt kinh phí. / Cả năm',
      'Tổ trưởng chuyên môn → Lồng ghép nội dung giới | bình đẳng. / Theo tháng',
    ]);
  });
});

describe('the same roles table in another shape', () => {
  it('a text save with tabs, a Markdown pipe table and a Markdown list give the same units and duties', () => {
    const head = ['KẾ HOẠCH', 'Công tác bình đẳng giới năm 2026', '', 'I. TỔ CHỨC THỰC HIỆN'];
    const units = (text: string, format: 'text' | 'markdown') =>
      parsePlan(text, { format }).responsibilities.map((role) => `${role.unit} → ${role.duties.map((duty) => duty.text).join(' / ')}`);
    const rows = [['TT', 'Bộ phận, cá nhân', 'Nhiệm vụ'], ['1', 'Hiệu trưởng', 'Phụ trách chung.'], ['2', 'Công đoàn cơ sở', 'Phối hợp tổ chức.']];
    const tabbed = units([...head, ...rows.map((row) => row.join('\t')), ''].join('\n'), 'text');
    const piped = units([...head, '', `| ${rows[0].join(' | ')} |`, '| --- | --- | --- |', ...rows.slice(1).map((row) => `| ${row.join(' | ')} |`), ''].join('\n'), 'markdown');
    const listed = units([...head, '', '- Hiệu trưởng: Phụ trách chung.', '- Công đoàn cơ sở: Phối hợp tổ chức.', ''].join('\n'), 'markdown');
    expect(tabbed).toEqual(['Hiệu trưởng → Phụ trách chung.', 'Công đoàn cơ sở → Phối hợp tổ chức.']);
    expect(piped).toEqual(tabbed);
    expect(listed).toEqual(tabbed);
  });
});

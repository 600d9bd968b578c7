// pandoc's own Markdown writes a Word table as a grid, multiline or simple table: each is read as the
// pipe table it stands for, every character mapped back to the file; what is no whole table is left as written.
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../parse/index.js';
import { withPandocTablesRead } from './markdown-pandoc-tables.js';
import { createSourceText } from './source-text.js';

const read = (text: string) => withPandocTablesRead(createSourceText(text)).text;

const grid = [
  '+------------------------+----------------------+',
  '| ***Nơi nhận:***        | **HIỆU TRƯỞNG**      |',
  '|                        |                      |',
  '| \\- Phòng GD&ĐT (để báo | **Trần Thị Oanh**    |',
  '| cáo);                  |                      |',
  '| \\- Lưu: VT.            |                      |',
  '+------------------------+----------------------+',
].join('\n');

const multiline = [
  '  ------------------------------------------------------',
  '  **Thời gian**   **Nội dung**            **Người phụ',
  '                                          trách**',
  '  --------------- ----------------------- --------------',
  '  15/11/2026 -    Tháng hành động vì bình Tổng phụ trách',
  '  15/12/2026      đẳng giới               Đội',
  '',
  '  Trước ngày      Báo cáo năm             Văn phòng',
  '  18/12/2026',
  '  ------------------------------------------------------',
].join('\n');

describe("pandoc's grid, multiline and simple tables", () => {
  it('a grid table: a row runs to the next border, a wrapped line joins the one above, a paragraph or list item starts a line', () => {
    expect(read(`Trước\n\n${grid}\n\nSau\n`)).toBe(
      'Trước\n\n| ***Nơi nhận:***<br>\\- Phòng GD&ĐT (để báo cáo);<br>\\- Lưu: VT. | **HIỆU TRƯỞNG**<br>**Trần Thị Oanh** |\n| --- | --- |\n\nSau\n',
    );
  });

  it('a multiline table with a header: columns from the rule under the header, rows parted by blank lines', () => {
    expect(read(`${multiline}\n`)).toBe(
      '| **Thời gian** | **Nội dung** | **Người phụ trách** |\n| --- | --- | --- |\n' +
        '| 15/11/2026 - 15/12/2026 | Tháng hành động vì bình đẳng giới | Tổng phụ trách Đội |\n' +
        '| Trước ngày 18/12/2026 | Báo cáo năm | Văn phòng |\n',
    );
  });

  it("a table without a header between two column rules, and pandoc's hard line breaks (a backslash ending a cell's line)", () => {
    const text = ['  ------------------ ------------------', '  ***Nơi nhận:***\\   **KT. HIỆU TRƯỞNG\\', '  - Sở GD&ĐT;\\       PHÓ HIỆU TRƯỞNG**', '  - Lưu: VT.         Lê Văn An', '  ------------------ ------------------', ''].join('\n');
    expect(read(text)).toBe('| ***Nơi nhận:*** | **KT. HIỆU TRƯỞNG |\n| --- | --- |\n| - Sở GD&ĐT; | PHÓ HIỆU TRƯỞNG** |\n| - Lưu: VT. | Lê Văn An |\n');
  });

  it('a simple table: a header over its column rule, one row a line down to a blank line', () => {
    expect(read('Bảng:\n\nBáo cáo    Hạn\n---------- ----------\nSơ kết     10/6/2026\nNăm        10/12/2026\n\nSau\n')).toBe(
      'Bảng:\n\n| Báo cáo | Hạn |\n| --- | --- |\n| Sơ kết | 10/6/2026 |\n| Năm | 10/12/2026 |\n\nSau\n',
    );
  });

  it('map every character of a cell back to the file', () => {
    const text = `Trước\n\n${multiline}\n`;
    const source = withPandocTablesRead(createSourceText(text));
    const start = source.text.indexOf('Tổng phụ trách Đội');
    const position = source.positionOf(start, start + 'Tổng phụ trách'.length);
    expect(text.slice(position.start.offset, position.end.offset)).toBe('Tổng phụ trách');
    expect(position.start.line).toBe(7);
  });

  it('leave the text as written when there is no whole table', () => {
    for (const text of [
      'Đoạn văn\n---\n\nTiêu đề setext ở trên.\n',
      '---\ntitle: front matter\n---\n',
      '+----+----+\n| a  | b  |\n',
      // A cell spanning two columns: left for the pipe-table reader as it is.
      '+----+----+\n| a spans  |\n+----+----+\n',
      'Một dòng\n\n-------------------\nkhông có quy tắc cột\n-------------------\n',
    ]) {
      const source = createSourceText(text);
      expect(withPandocTablesRead(source)).toBe(source);
    }
  });

  it('a plan read through them: the closing gives its recipients and signer, a roles table its units', () => {
    const plan = [
      'UBND XÃ A',
      '',
      '**KẾ HOẠCH**',
      '',
      '**Thực hiện công tác bình đẳng giới năm 2026**',
      '',
      '# TỔ CHỨC THỰC HIỆN',
      '',
      '  ---------------------- -------------------------------',
      '  **Bộ phận, cá nhân**   **Nhiệm vụ**',
      '',
      '  Hiệu trưởng            Chỉ đạo chung, phân công nhiệm',
      '                         vụ cho các thành viên.',
      '',
      '  Công đoàn cơ sở        Tổ chức các hoạt động 8/3.',
      '  ---------------------- -------------------------------',
      '',
      grid,
      '',
    ].join('\n');
    const document = parsePlan(plan, { format: 'markdown' });
    expect(document.recipients?.entries.map((entry) => entry.text)).toEqual(['Phòng GD&ĐT (để báo cáo);', 'Lưu: VT.']);
    expect([document.signer?.title, document.signer?.name]).toEqual(['HIỆU TRƯỞNG', 'Trần Thị Oanh']);
    expect(document.responsibilities.map((role) => [role.unit, role.duties.map((duty) => duty.text)])).toEqual([
      ['Hiệu trưởng', ['Chỉ đạo chung, phân công nhiệm vụ cho các thành viên.']],
      ['Công đoàn cơ sở', ['Tổ chức các hoạt động 8/3.']],
    ]);
    expect(document.sections.map((section) => section.title)).toEqual(['TỔ CHỨC THỰC HIỆN']);
  });
});

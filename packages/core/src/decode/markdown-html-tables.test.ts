// pandoc's raw HTML tables in a Markdown plan are read as the pipe tables they stand for, every
// character mapped back to the file as written; what is no table, or no whole table, is left as written.
import { describe, expect, it } from 'vitest';
import { applyFixes } from '../fix/apply-fixes.js';
import { lintText } from '../lint.js';
import { withHtmlTablesRead } from './markdown-html-tables.js';
import { createSourceText } from './source-text.js';

const read = (text: string) => withHtmlTablesRead(createSourceText(text));

describe('HTML tables in Markdown', () => {
  it('become a pipe table: the first row heads it, paragraphs part with <br>, list items keep a bullet', () => {
    const text = 'Trước\n\n<table>\n<tr><td><p>A</p>\n<p>B &amp; C</p></td><td><ul><li><p>x</p></li><li>y</li></ul></td></tr>\n<tr><td>1 | 2</td><td></td></tr>\n</table>\n\nSau\n';
    expect(read(text).text).toBe('Trước\n\n| A<br>B & C | - x<br>- y |\n| --- | --- |\n| 1 \\| 2 |  |\n\nSau\n');
  });

  it('map every character of a cell to its place in the file, and a range that ends with a cell to its text', () => {
    const text = '<table>\n<tr>\n<td><strong>Số: 09/KH-PGDĐT</strong></td>\n</tr>\n</table>\n';
    const source = read(text);
    const start = source.text.indexOf('09/KH');
    const end = start + '09/KH-PGDĐT'.length;
    const position = source.positionOf(start, end);
    expect(text.slice(position.start.offset, position.end.offset)).toBe('09/KH-PGDĐT');
    expect(position.start.line).toBe(3);
  });

  it('leave the text as written when there is no whole table', () => {
    for (const text of [
      'Không có bảng.\n',
      '<table>\n<tr><td>không đóng\n',
      'Trong câu <table><tr><td>a</td></tr></table> thì không.\n',
      '<table>\n</table>\n',
      '<table>\n<caption>chỉ có chú thích</caption>\n</table>\n',
    ]) {
      const source = createSourceText(text);
      expect(withHtmlTablesRead(source)).toBe(source);
    }
  });

  it('read a table nested in a cell as lines of that cell', () => {
    const text = '<table>\n<tr><td>Ngoài<table><tr><td>Trong</td><td>Nữa</td></tr></table></td><td>B</td></tr>\n</table>\n';
    expect(read(text).text).toBe('| Ngoài<br>Trong<br>Nữa | B |\n| --- | --- |\n');
  });

  it('stay linear on a long, hostile table', () => {
    const row = '<tr><td><p>a &amp;&amp;&amp; |||</p><p>b</p></td><td>c</td></tr>\n';
    const grow = (rows: number) => {
      const text = `<table>\n${row.repeat(rows)}</table>\n`;
      const started = performance.now();
      const out = read(text).text;
      return { ms: performance.now() - started, lines: out.split('\n').length };
    };
    grow(200);
    const small = Math.min(...[0, 1, 2].map(() => grow(1_000).ms));
    const large = grow(8_000);
    expect(large.lines).toBe(8_000 + 2);
    // Eight times the rows may take some sixteen times as long on a busy machine, never the square.
    expect(large.ms).toBeLessThan(Math.max(small, 1) * 40);
  });

  it('fix a slip inside a cell in the file as written', async () => {
    const text = [
      '<table>',
      '<tr><td><p>UBND HUYỆN</p>',
      '<p><strong>PHÒNG GIÁO DỤC VÀ ĐÀO TẠO</strong></p></td><td><p>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p></td></tr>',
      '<tr><td>Số: 09/KH-PGDĐT</td><td><em>Vĩnh Lạc, ngày 16 tháng 01 năm 2026</em></td></tr>',
      '</table>',
      '',
      '# KẾ HOẠCH',
      '',
      '<table>',
      '<tr><td>Nội dung</td><td>Thời gian</td></tr>',
      '<tr><td><p>Tuyên truyền về bình đẳng giới cho cho học sinh</p></td><td>Tháng 3/2026</td></tr>',
      '</table>',
      '',
    ].join('\n');
    const result = await lintText(text, { filePath: 'plan.md' });
    const repeat = result.diagnostics.find((diagnostic) => diagnostic.ruleId === 'duplicate-word');
    expect(repeat?.position.start.line).toBe(11);
    expect(text.slice(repeat!.position.start.offset, repeat!.position.end.offset)).toBe('cho');
    expect(repeat?.fix).toBeDefined();
    const fixed = applyFixes(text, [repeat!.fix!]);
    expect(fixed.output).toBe(text.replace('cho cho học sinh', 'cho học sinh'));
  });
});

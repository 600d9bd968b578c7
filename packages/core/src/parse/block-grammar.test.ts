import { describe, expect, test } from 'vitest';
import { parsePlan } from './index.js';
import type { BlockContent, List, ListItem, Table } from './tree.js';

const at = (node: { position?: { start: { line: number; column: number }; end: { line: number; column: number } } }) =>
  node.position ? `${node.position.start.line}:${node.position.start.column}-${node.position.end.line}:${node.position.end.column}` : '-';

function words(node: BlockContent | ListItem): string {
  const children = 'children' in node ? (node.children as { type: string; value?: string; children?: unknown[] }[]) : [];
  return children.map((child) => (child.type === 'text' ? child.value : child.type === 'break' ? '↵' : '')).join('');
}

describe('block grammar: headings', () => {
  test('ATX, setext and outline numbering give headings with their depth and source', () => {
    const tree = parsePlan('# KẾ HOẠCH\n\nI. MỤC ĐÍCH, YÊU CẦU\n\n1.1. Mục tiêu chung\n\nTiêu đề\n===\n', { format: 'markdown' }).tree;
    expect(tree.children.map((node) => [node.type, (node as { depth?: number }).depth, (node as { source?: string }).source, at(node)])).toEqual([
      ['heading', 1, 'atx', '1:1-1:11'],
      ['heading', 1, 'numbering', '3:1-3:21'],
      ['heading', 3, 'numbering', '5:1-5:20'],
      ['heading', 1, 'setext', '7:1-8:4'],
    ]);
    const numbered = tree.children[2] as { marker?: unknown; children: { value: string }[] };
    expect(numbered.marker).toEqual({ raw: '1.1.', style: 'decimal', value: [1, 1] });
    expect(numbered.children[0].value).toBe('Mục tiêu chung');
  });

  test('a numbered clause ending with a semicolon is a list item, not a heading', () => {
    const tree = parsePlan('1. Các trường xây dựng kế hoạch và gửi về Phòng;\n', { format: 'text' }).tree;
    expect(tree.children[0].type).toBe('list');
  });
});

describe('block grammar: lists', () => {
  test('markers as written and parsed, nested by kind and by indentation', () => {
    const text = 'a) Một;\nb) Hai:\n- gạch một;\n  + cộng;\n- gạch hai;\nđ) Năm.\n';
    const tree = parsePlan(text, { format: 'text' }).tree;
    expect(tree.children).toHaveLength(1);
    const list = tree.children[0] as List;
    expect(list.children.map((item) => [item.marker.raw, item.marker.value, words(item.children[0])])).toEqual([
      ['a)', [1], 'Một;'],
      ['b)', [2], 'Hai:'],
      ['đ)', [5], 'Năm.'],
    ]);
    const nested = list.children[1].children[1] as List;
    expect(nested.children.map((item) => item.marker.raw)).toEqual(['-', '-']);
    expect((nested.children[0].children[1] as List).children[0].marker).toEqual({ raw: '+', style: 'bullet', value: [] });
    expect(at(list.children[1])).toBe('2:1-5:12');
  });

  test('an item wrapped over lines is one item', () => {
    const text = '- Tổ chức các hoạt động tuyên truyền về bình đẳng giới trong nhà trường và\ncộng đồng dân cư;\n- Hai.\n';
    const list = parsePlan(text, { format: 'text' }).tree.children[0] as List;
    expect(list.children.map((item) => words(item.children[0]))).toEqual([
      'Tổ chức các hoạt động tuyên truyền về bình đẳng giới trong nhà trường và cộng đồng dân cư;',
      'Hai.',
    ]);
    expect(at(list.children[0])).toBe('1:1-2:18');
  });
});

describe('block grammar: tables', () => {
  test('a GFM table: header row, alignment, escaped pipes, cell ranges', () => {
    const text = '| Nội dung | Thời gian |\n| :-- | --: |\n| Báo cáo sơ kết \\| 6 tháng | 05/6/2026 |\n';
    const document = parsePlan(text, { format: 'markdown' });
    const table = document.tree.children[0] as Table;
    expect(table.align).toEqual(['left', 'right']);
    expect(table.children.map((row) => [row.isHeader, row.children.map((cell) => words(cell as never))])).toEqual([
      [true, ['Nội dung', 'Thời gian']],
      [false, ['Báo cáo sơ kết | 6 tháng', '05/6/2026']],
    ]);
    expect(table.children[1].children.map(at)).toEqual(['3:3-3:28', '3:31-3:40']);
    expect(at(table)).toBe('1:1-3:42');
  });

  test('in text, a cell wrapped onto the next line (first column empty) joins its row', () => {
    const text = '| STT | Nội dung | Thời gian |\n|---|---|---|\n| 1 | Báo cáo sơ kết | 05/6/2026 |\n|  | 6 tháng |  |\n| 2 | Báo cáo năm | 10/12/2026 |\n';
    const table = parsePlan(text, { format: 'text' }).tree.children[0] as Table;
    expect(table.children.map((row) => row.children.map((cell) => words(cell as never)))).toEqual([
      ['STT', 'Nội dung', 'Thời gian'],
      ['1', 'Báo cáo sơ kết 6 tháng', '05/6/2026'],
      ['2', 'Báo cáo năm', '10/12/2026'],
    ]);
    expect(at(table.children[1])).toBe('3:1-4:18');
  });

  test('a `<br>` in a cell (a Word cell of two paragraphs) is a break; the logical line reads a space', async () => {
    const text = '| Nội dung | Thời gian |\n| --- | --- |\n| Báo cáo <br> sơ kết | 05/6/2026 |\n';
    const table = parsePlan(text, { format: 'markdown' }).tree.children[0] as Table;
    const cell = table.children[1].children[0];
    expect(cell.children.map((child) => (child.type === 'text' ? child.value : child.type))).toEqual(['Báo cáo', 'break', 'sơ kết']);
    expect(at(cell)).toBe('3:3-3:22');
    const { layoutText } = await import('./layout.js');
    expect(layoutText(text, 'markdown').text.split('\n')[1]).toBe('Báo cáo sơ kết | 05/6/2026');
  });

  test('each row is one logical line whose cells are known, with the header texts', async () => {
    const { layoutText } = await import('./layout.js');
    const layout = layoutText('Trước.\n\n| Nội dung | Thời gian |\n| --- | --- |\n| Báo cáo năm | 10/12/2026 |\n', 'markdown');
    expect(layout.text).toBe('Trước.\nNội dung | Thời gian\nBáo cáo năm | 10/12/2026');
    const row = layout.blocks[2].row!;
    expect(row.isHeader).toBe(false);
    expect(row.header).toEqual(['Nội dung', 'Thời gian']);
    expect(row.cells.map((cell) => layout.text.slice(cell.start, cell.end))).toEqual(['Báo cáo năm', '10/12/2026']);
    expect(layout.blocks[1].row!.isHeader).toBe(true);
  });
});

describe('block grammar: paragraphs re-joined', () => {
  test('a hard-wrapped paragraph with a page number and a date split across lines is one paragraph', () => {
    const long = 'Các đơn vị gửi báo cáo tổng kết công tác bình đẳng giới về Phòng Giáo dục và Đào tạo trước ngày 10/';
    const text = `${long}\n\n-2-\n\n12/2026 để tổng hợp.\n${'Dòng đủ dài để làm chuẩn độ rộng của văn bản xuất ra từ một tệp PDF.\n'.repeat(4)}`;
    const document = parsePlan(text, { format: 'text' });
    const first = document.tree.children[0];
    expect(words(first)).toBe(`${long}12/2026 để tổng hợp.`);
    expect(at(first)).toBe('1:1-5:21');
    expect(document.dates.map((date) => date.iso)).toContain('2026-12-10');
  });

  test('a date in words split after ngày or tháng joins its number, which is no list number', () => {
    const first = 'c) Hưởng ứng Tháng hành động từ ngày 15 tháng 11 đến ngày 15 tháng';
    for (const gap of ['\n', '\n\n', '\n\n-3-\n\n']) {
      const document = parsePlan(`${first}${gap}12 năm 2026: phát động dưới cờ.\nd) Giới thiệu.\n`, { format: 'text' });
      const list = document.tree.children[0] as List;
      expect(list.children.map((item) => item.marker.raw)).toEqual(['c)', 'd)']);
      expect(words(list.children[0].children[0])).toBe('Hưởng ứng Tháng hành động từ ngày 15 tháng 11 đến ngày 15 tháng 12 năm 2026: phát động dưới cờ.');
      expect(document.dateRanges.map((range) => `${range.from.iso}..${range.to.iso}`)).toEqual(['2026-11-15..2026-12-15']);
    }
    // A count split from its words: `6 tháng` goes on in lower case, no list number has no `.` or `)`.
    const count = parsePlan('- Báo cáo sơ kết\n\n6 tháng: gửi trước ngày 29/5/2026;\n- Báo cáo tổng kết năm: gửi trước ngày 05/12/2026.\n', { format: 'text' });
    expect((count.tree.children[0] as List).children.map((item) => words(item.children[0]))).toEqual([
      'Báo cáo sơ kết 6 tháng: gửi trước ngày 29/5/2026;',
      'Báo cáo tổng kết năm: gửi trước ngày 05/12/2026.',
    ]);
    // Split after `ngày`: the day opens the next line.
    const day = parsePlan('Tổ chức mít tinh vào ngày\n\n20 tháng 11 năm 2026 tại sân trường.\n', { format: 'text' });
    expect(day.tree.children.map((node) => node.type)).toEqual(['paragraph']);
    expect(day.dates.map((date) => date.iso)).toEqual(['2026-11-20']);
  });

  test('in Markdown a blank line after ngày or tháng is the author\'s break, and a number after other words opens a block', () => {
    const markdown = parsePlan('Văn bản kết thúc ở tháng\n\n12 năm học đầu tiên\n', { format: 'markdown' }).tree;
    expect(markdown.children).toHaveLength(2);
    expect(words(markdown.children[0])).toBe('Văn bản kết thúc ở tháng');
    const text = parsePlan('Các nội dung gồm\n1 Tuyên truyền.\n2 Tập huấn.\n', { format: 'text' }).tree;
    expect(text.children).toHaveLength(3);
    expect(words(text.children[0])).toBe('Các nội dung gồm');
  });

  test('a Markdown hard break is a break node', () => {
    const tree = parsePlan('Nội dung thứ nhất\\\ntiếp theo\n', { format: 'markdown' }).tree;
    expect((tree.children[0] as { children: { type: string }[] }).children.map((child) => child.type)).toEqual(['text', 'break', 'text']);
  });

  test('comments, front matter, quotes, fences and rules', () => {
    const text = '---\ntitle: X\n---\n<!-- ghi chú -->\n> Trích dẫn\n\n```\nmã\n```\n\n***\n';
    const tree = parsePlan(text, { format: 'markdown' }).tree;
    expect(tree.children.map((node) => [node.type, at(node)])).toEqual([
      ['frontmatter', '1:1-3:4'],
      ['html', '4:1-4:17'],
      ['blockquote', '5:1-5:12'],
      ['code', '7:1-9:4'],
      ['thematicBreak', '11:1-11:4'],
    ]);
    expect((tree.children[0] as { value: string }).value).toBe('title: X');
  });
});

describe('plan nodes', () => {
  test('header, legal basis, recipients and signature group the blocks they were read from', () => {
    const text = [
      'UBND HUYỆN QUẾ SƠN',
      'TRƯỜNG TIỂU HỌC QUẾ AN',
      '',
      'Số: 15/KH-THQA',
      '',
      'Quế An, ngày 18 tháng 3 năm 2024',
      '',
      'KẾ HOẠCH',
      'Triển khai công tác bình đẳng giới năm 2024',
      '',
      'Thực hiện Kế hoạch số 18/KH-PGDĐT ngày 05/3/2024 của Phòng Giáo dục và Đào tạo;',
      '',
      'I. MỤC ĐÍCH',
      'Nội dung.',
      '',
      'Nơi nhận:',
      '- Lưu: VT.',
      '',
      'HIỆU TRƯỞNG',
      'Nguyễn Văn An',
      '',
    ].join('\n');
    const tree = parsePlan(text, { format: 'markdown' }).tree;
    expect(tree.children.map((node) => [node.type, at(node)])).toEqual([
      ['header', '1:1-6:33'],
      ['paragraph', '8:1-8:9'],
      ['paragraph', '9:1-9:44'],
      ['legalBasis', '11:1-11:80'],
      ['heading', '13:1-13:12'],
      ['paragraph', '14:1-14:10'],
      ['recipients', '16:1-17:11'],
      ['signature', '19:1-20:14'],
    ]);
    const header = tree.children[0] as { symbol?: { text: string }; date?: { iso: string }; issuer?: { text: string }; children: unknown[] };
    expect([header.issuer?.text, header.symbol?.text, header.date?.iso, header.children.length]).toEqual([
      'TRƯỜNG TIỂU HỌC QUẾ AN',
      '15/KH-THQA',
      '2024-03-18',
      4,
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { lintSource } from '@plan-lint/core';
import { decodeDocx } from '../../packages/core/src/decode/docx.js';
import { buildDocx, type DocxSpec } from '../support/docx-builder.js';

const convert = async (spec: DocxSpec) => (await decodeDocx(buildDocx(spec), 'plan.docx')).text;

const LETTERS = [{ format: 'lowerLetter', text: '%1)' }];

describe('Word automatic numbering', () => {
  it('a lowerLetter list shows the Vietnamese sequence a) b) c) d) đ) e) g)', async () => {
    const items = ['một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy'].map((p) => ({ p, num: [1, 0] as [number, number] }));
    expect(await convert({ lists: { 1: LETTERS }, body: items })).toBe('a) một\nb) hai\nc) ba\nd) bốn\nđ) năm\ne) sáu\ng) bảy\n');
  });

  // Word has no đ: offices type `đ)` by hand between automatic letters, and Word's numbering runs on
  // under it (its fifth letter is e). Seen in a Word file and in pandoc's Word of `a) … đ) e)`.
  it('a typed đ) among automatic letters: the letters after it are those Word prints, until a list starts again', async () => {
    const n = (p: string, num = 1) => ({ p, num: [num, 0] as [number, number] });
    const continuing = await convert({ lists: { 1: LETTERS }, body: [n('một'), n('hai'), n('ba'), n('bốn'), 'đ) năm', n('sáu'), n('bảy')] });
    expect(continuing).toBe('a) một\nb) hai\nc) ba\nd) bốn\n\nđ) năm\n\ne) sáu\nf) bảy\n');
    const restarted = await convert({
      lists: { 1: LETTERS, 3: LETTERS },
      nums: { 2: { of: 1, startOverride: { 0: 5 } } },
      body: [n('một'), n('hai'), n('ba'), n('bốn'), 'đ) năm', n('sáu', 2), 'giữa', { p: 'lại một', num: [3, 0] }, { p: 'lại hai', num: [3, 0] }, { p: 'lại ba', num: [3, 0] }, { p: 'lại bốn', num: [3, 0] }, { p: 'lại năm', num: [3, 0] }],
    });
    expect(restarted.split('\n').filter((line) => /^[a-zđ]\)/.test(line))).toEqual(['a) một', 'b) hai', 'c) ba', 'd) bốn', 'đ) năm', 'e) sáu', 'a) lại một', 'b) lại hai', 'c) lại ba', 'd) lại bốn', 'đ) lại năm']);
  });

  it('renders %1. %1.%2. upperRoman, decimal and bullets by level, restarting deeper levels', async () => {
    const levels = [
      { format: 'upperRoman', text: '%1.' },
      { format: 'decimal', text: '%2.' },
      { format: 'decimal', text: '%2.%3.' },
      { format: 'bullet', text: '\uf0b7' },
    ];
    const n = (ilvl: number, p: string) => ({ p, num: [4, ilvl] as [number, number] });
    const text = await convert({
      lists: { 4: levels },
      body: [n(0, 'MỤC ĐÍCH'), n(1, 'Mục đích'), n(2, 'Một'), n(2, 'Hai'), n(3, 'chấm'), n(1, 'Yêu cầu'), n(2, 'Ba'), n(0, 'NHIỆM VỤ'), n(1, 'Tuyên truyền')],
    });
    expect(text).toBe('I. MỤC ĐÍCH\n1. Mục đích\n1.1. Một\n1.2. Hai\n- chấm\n2. Yêu cầu\n2.1. Ba\nII. NHIỆM VỤ\n1. Tuyên truyền\n');
  });

  it('keeps start, lvlRestart 0 (no restart) and a new num with startOverride', async () => {
    const text = await convert({
      lists: {
        1: [{ format: 'decimal', text: '%1.', start: 3 }],
        2: [{ format: 'upperLetter', text: '%1.' }, { format: 'lowerRoman', text: '(%2)', restart: 0 }],
      },
      nums: { 3: { of: 1, startOverride: { 0: 1 } } },
      body: [
        { p: 'ba', num: [1, 0] },
        { p: 'bốn', num: [1, 0] },
        'giữa',
        { p: 'lại một', num: [3, 0] },
        { p: 'tiếp', num: [1, 0] },
        { p: 'A', num: [2, 0] },
        { p: 'i', num: [2, 1] },
        { p: 'B', num: [2, 0] },
        { p: 'ii', num: [2, 1] },
      ],
    });
    // Two nums of one abstract list continue each other once the override has restarted it.
    expect(text).toBe('3. ba\n4. bốn\n\ngiữa\n\n1. lại một\n2. tiếp\nA. A\n(i) i\nB. B\n(ii) ii\n');
  });

  it('numbers through a paragraph style (List Number based on a numbered style)', async () => {
    const text = await convert({
      lists: { 7: [{ format: 'lowerLetter', text: '%1)' }] },
      styles: [
        { id: 'DiemChu', name: 'Điểm chữ', basedOn: 'Normal', num: [7, 0] },
        { id: 'DiemCon', name: 'Điểm con', basedOn: 'DiemChu' },
      ],
      body: [{ p: 'một', style: 'DiemChu' }, { p: 'hai', style: 'DiemCon' }, { p: '', style: 'DiemChu' }, { p: 'bốn', style: 'DiemChu' }],
    });
    // An empty numbered paragraph still takes its number, as in Word.
    expect(text).toBe('a) một\nb) hai\nd) bốn\n');
  });
});

describe('Word styles, breaks, text boxes and notes', () => {
  it('headings from Heading n, Title, outline levels and Vietnamese style names through basedOn', async () => {
    const text = await convert({
      styles: [
        { id: 'u1', name: 'Đề mục 2' },
        { id: 'KieuMuc', name: 'Kiểu mục', basedOn: 'u1' },
        { id: 'Muc3', name: 'Mục ba', outlineLevel: 2 },
      ],
      body: [{ p: 'KẾ HOẠCH', style: 'Title' }, { p: 'I. MỤC ĐÍCH', style: 'KieuMuc' }, { p: '1. Mục đích', style: 'Muc3' }, { p: 'Chữ thường', style: 'Normal' }, { p: 'II. NHIỆM VỤ', style: 'Heading2' }],
    });
    expect(text).toBe('# KẾ HOẠCH\n\n## I. MỤC ĐÍCH\n\n### 1. Mục đích\n\nChữ thường\n\n## II. NHIỆM VỤ\n');
  });

  it('line breaks are Markdown hard breaks, tabs stay; deleted and hidden text are not shown', async () => {
    const text = await convert({
      body: [{ p: ['Dòng một\nDòng hai\tcột', { hidden: ' ẩn' }, { deleted: ' đã xoá' }, ' hết.'] }],
    });
    expect(text).toBe('Dòng một  \nDòng hai\tcột hết.\n');
  });

  it('text boxes follow their paragraph once (not again from the VML fallback); footnotes become GFM footnotes', async () => {
    const text = await convert({
      footnotes: { 1: 'Theo Công văn số 12/SGDĐT.' },
      body: [{ p: ['Báo cáo năm', { footnote: 1 }, '.', { textbox: ['Trong khung'] }] }, 'Sau.'],
    });
    expect(text).toBe('Báo cáo năm[^1].\n\nTrong khung\n\nSau.\n\n[^1]: Theo Công văn số 12/SGDĐT.\n');
  });
});

describe('Word tables', () => {
  it("a title row across the table is its caption, written before it: the header row stays the header", async () => {
    const text = await convert({
      body: [
        {
          table: [
            [{ blocks: ['THỜI HẠN THỰC HIỆN VÀ BÁO CÁO'], span: 3 }],
            ['TT', 'Nội dung', 'Thời hạn'],
            ['1', 'Báo cáo sơ kết 6 tháng', 'Trước ngày 12/6/2027'],
          ],
        },
      ],
    });
    expect(text).toBe('THỜI HẠN THỰC HIỆN VÀ BÁO CÁO\n\n| TT | Nội dung | Thời hạn |\n| --- | --- | --- |\n| 1 | Báo cáo sơ kết 6 tháng | Trước ngày 12/6/2027 |\n');
  });

  it('a table becomes a GFM table; merged cells keep the columns; a cell with several paragraphs uses <br>', async () => {
    const text = await convert({
      lists: { 1: [{ format: 'bullet', text: '-' }] },
      body: [
        {
          table: [
            ['TT', 'Nội dung', 'Thời hạn'],
            ['1', { blocks: ['Báo cáo sơ kết', { p: 'gửi Phòng', num: [1, 0] }] }, { blocks: ['trước 15/6/2026'], vMerge: 'restart' }],
            ['2', 'Báo cáo a|b', { blocks: [''], vMerge: 'continue' }],
            [{ blocks: ['Ghi chú chung cho cả bảng'], span: 3 }],
          ],
        },
      ],
    });
    expect(text).toBe(
      '| TT | Nội dung | Thời hạn |\n| --- | --- | --- |\n| 1 | Báo cáo sơ kết<br>- gửi Phòng | trước 15/6/2026 |\n| 2 | Báo cáo a\\|b |  |\n| Ghi chú chung cho cả bảng |  |  |\n',
    );
  });

  it('the header table and the signature table become the header and closing lines', async () => {
    const text = await convert({
      lists: { 2: [{ format: 'bullet', text: '\uf0b7' }] },
      body: [
        {
          table: [
            [{ blocks: ['UBND HUYỆN QUẾ SƠN\nPHÒNG GIÁO DỤC VÀ ĐÀO TẠO'] }, { blocks: ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'] }],
            ['Số: 21/KH-PGDĐT', 'Quế Sơn, ngày 10 tháng 3 năm 2024'],
          ],
        },
        { p: 'KẾ HOẠCH', style: 'Title' },
        { table: [[{ blocks: ['Nơi nhận:', { p: 'Sở GDĐT;', num: [2, 0] }, { p: 'Lưu: VT.', num: [2, 0] }] }, { blocks: ['TRƯỞNG PHÒNG', '', 'Nguyễn Văn An'] }]] },
      ],
    });
    expect(text).toBe(
      'UBND HUYỆN QUẾ SƠN\n\nPHÒNG GIÁO DỤC VÀ ĐÀO TẠO\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nĐộc lập - Tự do - Hạnh phúc\n\nSố: 21/KH-PGDĐT\n\nQuế Sơn, ngày 10 tháng 3 năm 2024\n\n# KẾ HOẠCH\n\nNơi nhận:\n\n- Sở GDĐT;\n- Lưu: VT.\n\nTRƯỞNG PHÒNG\n\nNguyễn Văn An\n',
    );
  });
});

describe('a signature table whose labels and lines are in two rows', () => {
  it('reads the recipients under "Nơi nhận:", then the signer, column by column', async () => {
    const bullets = { 2: [{ format: 'bullet', text: '\uf0b7' }] };
    const closing = (table: DocxSpec['body']) => convert({ lists: bullets, body: [{ p: 'KẾ HOẠCH', style: 'Title' }, ...table] });
    const oneRow = await closing([
      { table: [[{ blocks: ['Nơi nhận:', { p: 'Sở GDĐT;', num: [2, 0] }, { p: 'Lưu: VT.', num: [2, 0] }] }, { blocks: ['HIỆU TRƯỞNG', '(Đã ký)', 'Phan Đình Lộc'] }]] },
    ]);
    const twoRows = await closing([
      {
        table: [
          ['Nơi nhận:', 'HIỆU TRƯỞNG'],
          [{ blocks: [{ p: 'Sở GDĐT;', num: [2, 0] }, { p: 'Lưu: VT.', num: [2, 0] }] }, { blocks: ['(Đã ký)', 'Phan Đình Lộc'] }],
        ],
      },
    ]);
    expect(oneRow).toContain('Nơi nhận:\n\n- Sở GDĐT;\n- Lưu: VT.\n\nHIỆU TRƯỞNG');
    expect(twoRows).toBe(oneRow);
  });
});

describe('a table of reports with a "Nơi nhận" column is data, not the closing', () => {
  it('stays a table, and the sections after it are read', async () => {
    const spec: DocxSpec = {
      body: [
        { p: 'KẾ HOẠCH', style: 'Title' },
        { p: 'II. NHIỆM VỤ' },
        { p: 'Thời hạn báo cáo:' },
        {
          table: [
            ['Nội dung', 'Thời hạn', 'Nơi nhận'],
            ['Báo cáo 6 tháng', 'Trước ngày 01/6/2026', 'Phòng GD&ĐT'],
            ['Báo cáo năm', 'Trước ngày 01/12/2026', 'Phòng GD&ĐT'],
          ],
        },
        { p: 'III. KINH PHÍ' },
        { p: 'Từ nguồn kinh phí chi thường xuyên năm 2026 của nhà trường.' },
      ],
    };
    const text = await convert(spec);
    expect(text).toContain('| Nội dung | Thời hạn | Nơi nhận |\n| --- | --- | --- |\n| Báo cáo 6 tháng | Trước ngày 01/6/2026 | Phòng GD&ĐT |');
    const result = await lintSource(await decodeDocx(buildDocx(spec), 'plan.docx'), { filePath: 'plan.docx' });
    expect(result.document.sections.map((section) => section.title)).toEqual(['NHIỆM VỤ', 'KINH PHÍ']);
    expect(result.document.deadlines.map((deadline) => `${deadline.kind} ${deadline.due?.iso}`)).toEqual(['six-month-report 2026-06-01', 'annual-report 2026-12-01']);
    expect(result.document.recipients).toBeUndefined();
  });
});

describe('enumeration-sequence on Word automatic lists', () => {
  const plan = (body: DocxSpec['body'], extra: Partial<DocxSpec> = {}): DocxSpec => ({
    lists: { 1: [{ format: 'upperRoman', text: '%1.' }], 2: LETTERS },
    ...extra,
    body: [{ p: 'NHIỆM VỤ', num: [1, 0], style: 'Heading2' }, ...body],
  });
  const findings = async (spec: DocxSpec) => {
    const source = await decodeDocx(buildDocx(spec), 'plan.docx');
    const result = await lintSource(source, { filePath: 'plan.docx' });
    return result.diagnostics.filter((d) => d.ruleId === 'enumeration-sequence').map(({ position: { start, end } }) => `${start.line}:${start.column}-${end.line}:${end.column}`);
  };
  const items = (n: number, num = 2) => ['một', 'hai', 'ba', 'bốn', 'năm', 'sáu'].slice(0, n).map((p) => ({ p: `Việc ${p}.`, num: [num, 0] as [number, number] }));

  it('gives nothing on an automatic a) b) c) d) đ) list', async () => {
    const spec = plan(items(5));
    expect(await convert(spec)).toBe('## I. NHIỆM VỤ\n\na) Việc một.\nb) Việc hai.\nc) Việc ba.\nd) Việc bốn.\nđ) Việc năm.\n');
    expect(await findings(spec)).toEqual([]);
  });

  it('fires on a real gap: the list goes on in a num whose startOverride skips d)', async () => {
    const spec = plan([...items(3), { p: 'Việc bốn.', num: [3, 0] }], { nums: { 3: { of: 2, startOverride: { 0: 5 } } } });
    expect(await convert(spec)).toBe('## I. NHIỆM VỤ\n\na) Việc một.\nb) Việc hai.\nc) Việc ba.\nđ) Việc bốn.\n');
    expect(await findings(spec)).toEqual(['6:1-6:3']);
  });
});

describe('hostile Word XML', () => {
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const reject = (document: string) => decodeDocx(buildDocx({ body: [] }, document), 'plan.docx');

  it('an external entity (XXE) is never fetched nor expanded: the file is refused as damaged', async () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY secret SYSTEM "file:///etc/hostname">]><w:document ${W}><w:body><w:p><w:r><w:t>&secret;</w:t></w:r></w:p></w:body></w:document>`;
    await expect(reject(xxe)).rejects.toMatchObject({ code: 'docx-invalid', filePath: 'plan.docx', message: expect.stringMatching(/undefined entity/) });
  });

  it('nested internal entities (billion laughs) are not expanded either', async () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><w:document ${W}><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>`;
    await expect(reject(laughs)).rejects.toMatchObject({ code: 'docx-invalid' });
  });

  it('millions of elements in one paragraph stop at the element bound with docx-too-complex', async () => {
    const runs = `<w:document ${W}><w:body><w:p>${'<w:r/>'.repeat(1_100_000)}</w:p></w:body></w:document>`;
    await expect(reject(runs)).rejects.toMatchObject({ code: 'docx-too-complex', message: expect.stringMatching(/more than 1,000,000 XML elements/) });
  });

  it('empty paragraphs stop at the paragraph bound, long before the end of the part', async () => {
    const paragraphs = `<w:document ${W}><w:body>${'<w:p/>'.repeat(1_000_000)}</w:body></w:document>`;
    await expect(reject(paragraphs)).rejects.toMatchObject({ code: 'docx-too-complex', message: expect.stringMatching(/more than 100,000 XML paragraphs/) });
  });
});

describe('Word files by other hands (fourteenth and fifteenth rounds)', () => {
  it('an absolute tab (w:ptab) parts the symbol from the place and date, as a tab does', async () => {
    const text = await convert({ body: [{ p: ['Số: 09/KH-THPTBL', { ptab: true }, 'Bình Lư, ngày 05 tháng 3 năm 2027'] }] });
    expect(text).toBe('Số: 09/KH-THPTBL\tBình Lư, ngày 05 tháng 3 năm 2027\n');
    const tabbed = await convert({ body: ['Số: 09/KH-THPTBL\tBình Lư, ngày 05 tháng 3 năm 2027'] });
    expect(text).toBe(tabbed);
  });

  it('a table inside a table cell: a line a row, cells parted by a dash, rows by a semicolon; its reports keep their dates', async () => {
    const inner = { table: [['Nội dung', 'Người thực hiện', 'Thời hạn'], ['Báo cáo 6 tháng đầu năm 2027 gửi Sở', 'Phó Hiệu trưởng', 'Trước ngày 10/6/2027'], ['Báo cáo năm 2027 gửi Sở', 'Phó Hiệu trưởng', 'Trước ngày 24/12/2027']] };
    const spec: DocxSpec = { body: ['KẾ HOẠCH', 'Công tác bình đẳng giới năm 2027', { p: 'IV. TỔ CHỨC THỰC HIỆN' }, { table: [['Thời gian', 'Nội dung công việc'], ['Năm 2027', { blocks: [inner] }]] }] };
    const text = await convert(spec);
    expect(text).toContain('| Năm 2027 | Nội dung – Người thực hiện – Thời hạn;<br>Báo cáo 6 tháng đầu năm 2027 gửi Sở – Phó Hiệu trưởng – Trước ngày 10/6/2027;<br>Báo cáo năm 2027 gửi Sở – Phó Hiệu trưởng – Trước ngày 24/12/2027 |');
    const result = await lintSource(await decodeDocx(buildDocx(spec), 'plan.docx'), { filePath: 'plan.docx', format: 'markdown' });
    expect(result.document.deadlines.map((deadline) => `${deadline.kind} ${deadline.relation} ${deadline.due?.iso}`)).toEqual([
      'six-month-report before 2027-06-10',
      'annual-report before 2027-12-24',
    ]);
  });
});

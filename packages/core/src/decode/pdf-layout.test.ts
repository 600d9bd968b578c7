import { describe, expect, it } from 'vitest';
import { layoutPdf, type PdfItem } from './pdf-layout.js';
import { leastCpuMs } from '../../../../test/support/cpu-time.js';

// Runs placed as a PDF producer places them: `x` from the left, `y` the baseline from the bottom;
// a letter is half an em wide.
const run = (str: string, x: number, y: number, size = 12): PdfItem => ({ str, x, y, width: str.length * size * 0.5, size });
/** Lines of one paragraph, 14 pt apart, from `y` down. */
const paragraph = (lines: string[], y: number, x = 72) => lines.map((line, k) => run(line, x, y - 14 * k));

describe('footnotes in a PDF', () => {
  // A body in 13 pt; a footnote's mark set at 8 pt, 5 pt above the baseline; the note at the foot in 10 pt.
  const body = (str: string, x: number, y: number) => run(str, x, y, 13);
  const mark = (digit: string, x: number, y: number) => ({ ...run(digit, x, y + 5, 8), width: 4.6 });

  it('drops the raised mark after a word, and writes the note after the whole text as `[^1]: …`', () => {
    const date = body('Thực hiện Kế hoạch số 19/KH-SGDĐT ngày 25/01/2027', 72, 700);
    const page1 = [
      date,
      mark('1', 72 + date.width, 700),
      body('của Sở Giáo dục và Đào tạo, nhà trường xây dựng kế hoạch theo', 72, 684),
      mark('1', 72, 80),
      run('Kế hoạch được đăng tải trên trang thông tin điện tử của Sở.', 78, 80, 10),
    ];
    const page2 = [body('thông tư hướng dẫn của Bộ Tài chính.', 72, 760)];
    expect(layoutPdf([{ items: page1 }, { items: page2 }])).toBe(
      [
        'Thực hiện Kế hoạch số 19/KH-SGDĐT ngày 25/01/2027',
        'của Sở Giáo dục và Đào tạo, nhà trường xây dựng kế hoạch theo',
        'thông tư hướng dẫn của Bộ Tài chính.',
        '',
        '[^1]: Kế hoạch được đăng tải trên trang thông tin điện tử của Sở.',
      ].join('\n'),
    );
  });

  it('keeps a number of the text’s own size, at a line’s start or after a word', () => {
    const items = [body('1.', 72, 700), body('Tuyên truyền;', 90, 700), body('tổng số 2', 72, 684), body('3', 72 + 9 * 6.5 + 4, 684)];
    expect(layoutPdf([{ items }])).toBe('1. Tuyên truyền;\ntổng số 2 3');
  });
});

describe('layoutPdf', () => {
  it('orders runs by position, not by the order the producer wrote them', () => {
    const items = [run('dòng hai', 72, 686), run('đầu', 72, 700), run('dòng một', 96, 700)];
    expect(layoutPdf([{ items }])).toBe('đầu dòng một\ndòng hai');
  });

  it('sets a list marker off from its text even when the tab after it is narrower than a space (Word\'s III.)', () => {
    // `III.` is 21 pt wide at 14 pt; Word's tab stop leaves 0.2 pt before the text.
    const items = [run('III.', 99.4, 489.6, 14), run('KINH PHÍ', 99.4 + 21.2, 489.6, 14), run('1.', 99.4, 470, 14), run('5 triệu', 99.4 + 7, 470, 14)];
    expect(layoutPdf([{ items: items.map((item, k) => (k === 0 ? { ...item, width: 21 } : k === 2 ? { ...item, width: 7 } : item)) }])).toBe('III. KINH PHÍ\n1.5 triệu');
  });

  it("sets Word's number off from a text that starts with a number (`1.` ⇥ `100%`), but not a number that touches", () => {
    const items = [run('1.', 72, 700), run('100% giáo viên được tập huấn;', 72 + 12 + 1, 700), run('2.', 72, 686), run('5 triệu', 72 + 12, 686)];
    expect(layoutPdf([{ items }])).toBe('1. 100% giáo viên được tập huấn;\n2.5 triệu');
  });

  it('keeps a tab-separated list marker with its text, not as a column', () => {
    const items = [run('•', 84, 700), run('Tuyên truyền pháp luật;', 108, 700), run('•', 84, 686), run('Tổ chức diễn đàn.', 108, 686)];
    expect(layoutPdf([{ items }])).toBe('• Tuyên truyền pháp luật;\n• Tổ chức diễn đàn.');
  });

  it('reads centred and left-aligned cells of a table into their columns, a row per gap wider than the line spacing', () => {
    const items = [
      ...paragraph(['Kế hoạch năm 2026 gồm các nội dung được trình bày dưới đây, theo từng tháng', 'như sau:'], 760),
      run('TT', 76, 700), run('Nội dung', 110, 700), run('Thời gian', 330, 700),
      run('1', 78, 680), run('Báo cáo sơ kết', 110, 680), run('trước ngày', 340, 680), run('05/6/2026', 340, 666),
      run('2', 78, 648), run('Báo cáo tổng kết năm', 110, 648), run('trước ngày 05/12/2026', 322, 648),
      run('Sau bảng là một đoạn văn.', 72, 620),
    ];
    expect(layoutPdf([{ items }])).toBe(
      [
        'Kế hoạch năm 2026 gồm các nội dung được trình bày dưới đây, theo từng tháng',
        'như sau:',
        '',
        '| TT | Nội dung | Thời gian |',
        '| --- | --- | --- |',
        '| 1 | Báo cáo sơ kết | trước ngày 05/6/2026 |',
        '| 2 | Báo cáo tổng kết năm | trước ngày 05/12/2026 |',
        '',
        'Sau bảng là một đoạn văn.',
      ].join('\n'),
    );
  });

  it('escapes a pipe inside a cell, and joins a date split over two lines of a cell without a space', () => {
    const items = [
      ...paragraph(['Một đoạn văn đủ dài để cho biết khoảng cách giữa các dòng', 'của trang.'], 760),
      run('Việc', 72, 700), run('Hạn', 300, 700),
      run('Báo cáo a|b', 72, 680), run('ngày 05/12/', 300, 680), run('2026', 300, 666),
      run('Báo cáo c', 72, 648), run('ngày 06/12/2026', 300, 648),
    ];
    const text = layoutPdf([{ items }]);
    expect(text).toContain('| Báo cáo a\\|b | ngày 05/12/2026 |\n| Báo cáo c | ngày 06/12/2026 |');
  });

  it('keeps a first cell wrapped at the page\'s line spacing in its row, however wide that spacing (LibreOffice: 1.36 em)', () => {
    // Lines 16.3 pt apart at 12 pt, as LibreOffice sets its default paragraph; rows 20 pt apart.
    const wide = (lines: string[], y: number) => lines.map((line, k) => run(line, 72, y - 16.3 * k));
    const items = [
      ...wide(['Một đoạn văn đủ dài để cho biết khoảng cách giữa các dòng', 'của trang.'], 760),
      run('Loại báo cáo', 72, 700), run('Thời hạn', 300, 700),
      run('Báo cáo kết quả Tháng hành', 72, 680), run('Trước ngày 20/12/2026', 300, 680), run('động', 72, 663.7),
      run('Báo cáo năm 2026', 72, 643.7), run('Trước ngày 10/12/2026', 300, 643.7),
      run('Sau bảng là một đoạn văn.', 72, 610),
    ];
    expect(layoutPdf([{ items }]).split('\n').slice(3)).toEqual([
      '| Loại báo cáo | Thời hạn |',
      '| --- | --- |',
      '| Báo cáo kết quả Tháng hành động | Trước ngày 20/12/2026 |',
      '| Báo cáo năm 2026 | Trước ngày 10/12/2026 |',
      '',
      'Sau bảng là một đoạn văn.',
    ]);
  });

  it('ends a table at the numbered heading after it, even when its indent falls in a column of the table', () => {
    // As LibreOffice sets a roles table at 14 pt: rows of wrapped cells 16.1 pt apart, the heading 19.8 pt below.
    const items = [
      ...['Một đoạn văn đủ dài để cho biết khoảng cách giữa các dòng', 'của trang.'].map((line, k) => run(line, 72, 760 - 16.1 * k)),
      run('TT', 95.7, 700), run('Nội dung', 116.2, 700), run('Thời gian', 338, 700),
      run('4', 95.7, 680), run('Phát động Tháng hành động', 116.2, 680), run('15/11/2026', 338, 680),
      run('5', 95.7, 660), run('Tư vấn tâm lý cho học sinh, đặc', 116.2, 660), run('Thường xuyên', 338, 660), run('biệt học sinh nữ khối 8, khối 9', 116.2, 643.9),
      run('III. KINH PHÍ', 113.5, 624.1),
      run('Kinh phí: từ nguồn ngân sách chi thường xuyên năm 2026 của đơn vị.', 72, 600),
    ];
    const text = layoutPdf([{ items }]);
    expect(text).toContain('| 5 | Tư vấn tâm lý cho học sinh, đặc biệt học sinh nữ khối 8, khối 9 | Thường xuyên |\n\nIII. KINH PHÍ');
  });

  it('parts cells that ran together where LibreOffice pads them closer than a chunk gap', () => {
    // Columns at 120.9, 348 and 462.4; the time cell's text ends 8.5 pt (0.6 em) before the unit's starts.
    const at = (str: string, x: number, y: number, end: number): PdfItem => ({ str, x, y, width: end - x, size: 14 });
    const items = [
      ...['Một đoạn văn đủ dài để cho biết khoảng cách giữa các dòng', 'của trang.'].map((line, k) => run(line, 72, 860 - 16.1 * k, 14)),
      at('TT', 98.1, 776, 105.1), at('Hoạt động', 120.9, 776, 190), at('Thời gian', 358.4, 776, 420), at('Chủ trì', 462.4, 776, 510),
      at('1', 98.1, 752.7, 105.1), at('Chào mừng Ngày Quốc tế Phụ nữ 8/3', 120.9, 752.7, 321.9), at('Ngày 08/3/2026', 358.4, 752.7, 443.5), at('Công đoàn', 462.4, 752.7, 530),
      at('2', 98.1, 706.2, 105.1),
      at('Tháng hành động vì bình đẳng giới và', 120.9, 730.4, 334.6),
      at('phòng ngừa, ứng phó với bạo lực trên', 120.9, 714.3, 332.2), at('Từ ngày 15/11 đến', 348, 714.3, 453.9), at('Tổng phụ trách', 462.4, 714.3, 547.9),
      at('cơ sở giới: phát động dưới cờ', 120.9, 698.2, 324.4), at('ngày 15/12/2026', 353.7, 698.2, 448.2), at('Đội', 462.4, 698.2, 483.4),
      at('tranh cổ động', 120.9, 682.1, 306),
    ];
    expect(layoutPdf([{ items }])).toContain(
      '| 2 | Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới: phát động dưới cờ tranh cổ động | Từ ngày 15/11 đến ngày 15/12/2026 | Tổng phụ trách Đội |',
    );
  });

  it('keeps a row whose first cell is two lines and whose other cells sit centred between them', () => {
    // LibreOffice at 14 pt: a wrapped first cell (266.2, 250.1) beside a one-line cell (258.1), rows 22 pt apart.
    const at = (str: string, x: number, y: number, end: number): PdfItem => ({ str, x, y, width: end - x, size: 14 });
    const items = [
      ...['Một đoạn văn đủ dài để cho biết khoảng cách giữa các dòng', 'của trang.'].map((line, k) => run(line, 72, 360 - 16.1 * k, 14)),
      at('Nội dung', 163, 288.5, 217.8), at('Thời hạn', 326.7, 288.5, 381.4), at('Bộ phận thực hiện', 427.8, 288.5, 537.6),
      at('Gửi Kế hoạch về UBND phường', 88.2, 266.2, 272.8), at('Ngày 17/3/2026', 308.9, 258.1, 399.5), at('(qua Phòng Văn hóa - Xã hội)', 88.2, 250.1, 256.9),
      at('Trước ngày', 321.6, 227.2, 386.7), at('Báo cáo sơ kết 6 tháng', 88.2, 219.2, 215.7), at('Phó Hiệu trưởng', 415.6, 219.4, 509.1), at('12/6/2026', 325.8, 211.1, 382.6),
      at('Trên đây là Kế hoạch của trường.', 113.5, 182.8, 320),
    ];
    expect(layoutPdf([{ items }]).split('\n').slice(3, 7)).toEqual([
      '| Nội dung | Thời hạn | Bộ phận thực hiện |',
      '| --- | --- | --- |',
      '| Gửi Kế hoạch về UBND phường (qua Phòng Văn hóa - Xã hội) | Ngày 17/3/2026 |  |',
      '| Báo cáo sơ kết 6 tháng | Trước ngày 12/6/2026 | Phó Hiệu trưởng |',
    ]);
  });

  it('cuts rows at their gaps when a table\'s type is smaller than the page\'s and its middle cells wrap', () => {
    // LibreOffice: body at 14 pt, the table at 13 pt with its first and last cells centred vertically.
    const at = (str: string, x: number, y: number, end: number): PdfItem => ({ str, x, y, width: end - x, size: 13 });
    const items = [
      ...['Một đoạn văn đủ dài để cho biết khoảng cách giữa các dòng', 'của trang.'].map((line, k) => run(line, 85, 520 - 18.5 * k, 14)),
      at('TT', 87.4, 462, 104.7), at('Loại báo cáo', 121.4, 462, 192.2), at('Thời hạn gửi về Phòng', 370.9, 462, 497),
      at('1', 87.4, 439.9, 93.9), at('Báo cáo sơ kết 6 tháng đầu năm 2026', 121.4, 439.9, 316.5), at('Chậm nhất vào ngày 12/6/2026', 370.9, 439.9, 534),
      at('2', 87.4, 409.2, 93.9), at('Báo cáo kết quả Tháng hành động vì bình', 121.4, 417.7, 338.4), at('đẳng giới năm 2026', 121.4, 400.6, 225.3), at('Trước ngày 20/12/2026', 370.9, 409.2, 493.3),
      at('3', 87.4, 369.9, 93.9), at('Báo cáo tổng kết công tác bình đẳng giới năm', 121.4, 378.4, 360.1), at('2026', 121.4, 361.3, 147.4), at('Trước ngày 24/12/2026', 370.9, 369.9, 493.3),
      run('Trên đây là Kế hoạch thực hiện công tác bình đẳng giới và vì sự tiến bộ', 121.2, 337.6, 14),
    ];
    expect(layoutPdf([{ items }]).split('\n').filter((line) => line.startsWith('|'))).toEqual([
      '| TT | Loại báo cáo | Thời hạn gửi về Phòng |',
      '| --- | --- | --- |',
      '| 1 | Báo cáo sơ kết 6 tháng đầu năm 2026 | Chậm nhất vào ngày 12/6/2026 |',
      '| 2 | Báo cáo kết quả Tháng hành động vì bình đẳng giới năm 2026 | Trước ngày 20/12/2026 |',
      '| 3 | Báo cáo tổng kết công tác bình đẳng giới năm 2026 | Trước ngày 24/12/2026 |',
    ]);
  });

  it('does not make a table of two lines whose only gap is a wide word space in one of them', () => {
    const items = [run('Căn cứ Nghị định số 30/2020/NĐ-CP', 72, 700), run('ngày 05/3/2020;', 320, 700), run('Căn cứ Luật Bình đẳng giới.', 72, 686)];
    expect(layoutPdf([{ items }])).toBe('Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020;\nCăn cứ Luật Bình đẳng giới.');
  });

  it('reads a centred header block column by column, whatever the baselines of the two columns', () => {
    const items = [
      run('UBND XÃ HÒA VANG', 90, 780), run('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 300, 780),
      run('TRƯỜNG TH HÒA PHONG', 84, 766), run('Độc lập - Tự do - Hạnh phúc', 330, 764),
      run('Số: 07/KH-THHP', 96, 740), run('Hòa Vang, ngày 02 tháng 3 năm 2026', 310, 738),
      run('KẾ HOẠCH', 270, 690, 14),
    ];
    expect(layoutPdf([{ items }])).toBe(
      [
        'UBND XÃ HÒA VANG',
        'TRƯỜNG TH HÒA PHONG',
        '',
        'Số: 07/KH-THHP',
        '',
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Độc lập - Tự do - Hạnh phúc',
        '',
        'Hòa Vang, ngày 02 tháng 3 năm 2026',
        '',
        'KẾ HOẠCH',
      ].join('\n'),
    );
  });

  it('reads the signature block as the recipients, then the signer, across the space left for the signature', () => {
    const items = [
      run('Nơi nhận:', 72, 300), run('KT. HIỆU TRƯỞNG', 340, 300),
      run('- Phòng GDĐT;', 72, 286), run('PHÓ HIỆU TRƯỞNG', 338, 286),
      run('- Lưu: VT.', 72, 272),
      run('Lê Văn Hùng', 350, 210),
    ];
    expect(layoutPdf([{ items }])).toBe(['Nơi nhận:', '- Phòng GDĐT;', '- Lưu: VT.', '', 'KT. HIỆU TRƯỞNG', 'PHÓ HIỆU TRƯỞNG', '', 'Lê Văn Hùng'].join('\n'));
  });

  it('goes on with a signature block cut by a page break, each column under its own lines', () => {
    const whole = [
      run('Nơi nhận:', 72, 300), run('KT. HIỆU TRƯỞNG', 340, 300),
      run('- Phòng GDĐT;', 72, 286), run('PHÓ HIỆU TRƯỞNG', 338, 286),
      run('- Ban giám hiệu;', 72, 272), run('(Đã ký)', 360, 264),
      run('- Lưu: VT.', 72, 258),
      run('Lê Văn Hùng', 350, 232),
    ];
    const body = paragraph(['Trên đây là kế hoạch của trường, đề nghị các bộ phận thực hiện.'], 400);
    const onePage = layoutPdf([{ items: [...body, ...whole] }]);
    // The break after the first row: the rest at the top of the next page, baselines between each other's.
    const cut = [
      { items: [...body, ...whole.slice(0, 2)] },
      { items: [run('- Phòng GDĐT;', 72, 780), run('PHÓ HIỆU TRƯỞNG', 338, 772), run('- Ban giám hiệu;', 72, 766), run('(Đã ký)', 360, 756), run('- Lưu: VT.', 72, 752), run('Lê Văn Hùng', 350, 730)] },
    ];
    const text = layoutPdf(cut);
    expect(text).toContain(['Nơi nhận:', '- Phòng GDĐT;', '- Ban giám hiệu;', '- Lưu: VT.', '', 'KT. HIỆU TRƯỞNG', 'PHÓ HIỆU TRƯỞNG'].join('\n'));
    expect(text.slice(text.indexOf('Nơi nhận:')).replace(/\n+/g, ' ')).toBe(onePage.slice(onePage.indexOf('Nơi nhận:')).replace(/\n+/g, ' '));
  });

  it('does not take the appendix on the next page into a signature block that ended its page', () => {
    const body = paragraph(['Trên đây là kế hoạch của trường, đề nghị các bộ phận thực hiện.'], 400);
    const closing = [
      run('Nơi nhận:', 86.6, 300), run('KT. HIỆU TRƯỞNG', 366, 300),
      run('- Phòng GD&ĐT (để báo cáo);', 86.6, 286), run('PHÓ HIỆU TRƯỞNG', 362.5, 284),
      run('- Lưu: VT.', 86.6, 272),
      run('Nguyễn Thị Hồng Nhung', 355.5, 240),
    ];
    const appendix = [run('PHỤ LỤC', 282.9, 729.6), run('LỊCH TỔ CHỨC CÁC HOẠT ĐỘNG HƯỞNG ỨNG THÁNG HÀNH ĐỘNG', 94.9, 712.4)];
    const lines = layoutPdf([{ items: [...body, ...closing] }, { items: appendix }]).split('\n').filter(Boolean);
    expect(lines.slice(lines.indexOf('Nơi nhận:'))).toEqual(['Nơi nhận:', '- Phòng GD&ĐT (để báo cáo);', '- Lưu: VT.', 'KT. HIỆU TRƯỞNG', 'PHÓ HIỆU TRƯỞNG', 'Nguyễn Thị Hồng Nhung', 'PHỤ LỤC', 'LỊCH TỔ CHỨC CÁC HOẠT ĐỘNG HƯỞNG ỨNG THÁNG HÀNH ĐỘNG']);
  });

  it('drops page numbers at the top or the bottom and running headers and footers, and runs a sentence on over a page break', () => {
    const header = (y: number) => run('Kế hoạch số 07/KH-THHP', 400, y, 10);
    const pages = [
      { items: [header(800), ...paragraph(['Trang đầu của kế hoạch, câu này chưa hết và', 'còn tiếp ở trang sau vì'], 760), run('Trang 1/3', 280, 40, 10)] },
      { items: [run('2', 300, 810), header(800), ...paragraph(['được viết tiếp ở đây.', 'Một câu mới.'], 760), run('Trang 2/3', 280, 40, 10)] },
      { items: [run('- 3 -', 296, 810), header(800), ...paragraph(['Trang cuối.'], 760), run('Trang 3/3', 280, 40, 10)] },
    ];
    expect(layoutPdf(pages)).toBe(
      ['Trang đầu của kế hoạch, câu này chưa hết và', 'còn tiếp ở trang sau vì', 'được viết tiếp ở đây.', 'Một câu mới.', '', 'Trang cuối.'].join('\n'),
    );
  });

  it('keeps a number that ends a page when it is not a page number, and a line that repeats on one page only', () => {
    const pages = [{ items: paragraph(['Số điện thoại tư vấn:', '111'], 760) }, { items: paragraph(['Hết.'], 760) }];
    expect(layoutPdf(pages)).toBe('Số điện thoại tư vấn:\n111\n\nHết.');
  });
  it('goes on with a table cut by a page break: the repeated header row dropped, the cut row made whole', () => {
    const body = paragraph(['Một đoạn văn đủ dài để cho biết khoảng cách giữa các dòng', 'của trang.'], 760);
    const pages = [
      {
        items: [
          ...body,
          run('Bộ phận', 72, 700), run('Nhiệm vụ', 250, 700),
          run('Hiệu trưởng', 72, 680), run('Chỉ đạo chung.', 250, 680),
          run('Giáo viên', 72, 660), run('Phối hợp với cha mẹ', 250, 660),
        ],
      },
      {
        items: [
          run('Bộ phận', 72, 780), run('Nhiệm vụ', 250, 780),
          run('học sinh.', 250, 760),
          run('Tổ trưởng', 72, 740), run('Tổng hợp.', 250, 740),
          ...paragraph(['Đoạn sau bảng.', 'Câu nữa.'], 700),
        ],
      },
    ];
    expect(layoutPdf(pages).split('\n').slice(3)).toEqual([
      '| Bộ phận | Nhiệm vụ |',
      '| --- | --- |',
      '| Hiệu trưởng | Chỉ đạo chung. |',
      '| Giáo viên | Phối hợp với cha mẹ học sinh. |',
      '| Tổ trưởng | Tổng hợp. |',
      '',
      'Đoạn sau bảng.',
      'Câu nữa.',
    ]);
  });
  it('keeps a justified line written word by word as one line, however wide its word spaces', () => {
    const words = ['Tuyên', 'truyền', 'pháp', 'luật', 'bình', 'đẳng'];
    // Justified: every word space on the line stretched alike (here 3 em).
    const spread = (y: number) => {
      let x = 72;
      return words.map((word) => {
        const placed = run(word, x, y);
        x += placed.width + 36;
        return placed;
      });
    };
    expect(layoutPdf([{ items: [...spread(700), ...spread(686)] }])).toBe('Tuyên truyền pháp luật bình đẳng\nTuyên truyền pháp luật bình đẳng');
  });

  it('reads a table whose cells are centred vertically (their lines between each other\'s baselines)', () => {
    const items = [
      ...paragraph(['Một đoạn văn đủ dài để cho biết khoảng cách giữa các dòng', 'của trang.'], 780),
      run('Người thực', 470, 720), run('TT', 80, 713), run('Nội dung', 120, 713), run('Thời gian', 330, 713), run('hiện', 480, 706),
      run('Tuyên truyền pháp luật về', 120, 680), run('Phó Hiệu', 470, 673), run('1', 82, 666), run('bình đẳng giới đến cha mẹ', 120, 666), run('Tháng 3/2026', 330, 666), run('trưởng', 472, 659), run('trẻ', 120, 652),
      run('2', 82, 620), run('Báo cáo năm', 120, 620), run('Trước ngày 10/12/2026', 300, 620), run('Kế toán', 470, 620),
      run('III. KINH PHÍ', 72, 580),
    ];
    expect(layoutPdf([{ items }]).split('\n').slice(3)).toEqual([
      '| TT | Nội dung | Thời gian | Người thực hiện |',
      '| --- | --- | --- | --- |',
      '| 1 | Tuyên truyền pháp luật về bình đẳng giới đến cha mẹ trẻ | Tháng 3/2026 | Phó Hiệu trưởng |',
      '| 2 | Báo cáo năm | Trước ngày 10/12/2026 | Kế toán |',
      '',
      'III. KINH PHÍ',
    ]);
  });
  it('takes time in proportion to the lines: 8 times the lines, not 64 times the time', () => {
    // Two hostile shapes: lines of two columns that never make a table, and one table of many rows.
    const page = (lines: number) => {
      const items: PdfItem[] = [];
      for (let k = 0; k < lines; k++) {
        items.push(run(`chữ ${k}`, k % 2 ? 300 : 72, 100_000 - k * 7));
        items.push(run(`a${k}`, 72, 50_000 - k * 14), run(`b${k}`, 172 + (k % 7) * 60, 50_000 - k * 14));
      }
      return [{ items }];
    };
    // The least of five: on Node 24 inside the whole suite, a GC of the large page's garbage landed in
    // one of three rounds often enough to fail CI twice.
    const time = (lines: number) => {
      const input = page(lines);
      return leastCpuMs(() => layoutPdf(input), 5);
    };
    time(500); // warms the code up
    time(4_000);
    const small = time(500);
    const large = time(4_000);
    expect(large).toBeLessThan(small * 24 + 50);
  });
});

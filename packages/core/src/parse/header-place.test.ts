// The place beside the date in a plan's header, however Markdown from Word dresses it.
import { describe, expect, it } from 'vitest';
import { parsePlan } from './index.js';

const header = (line: string) => `UBND HUYỆN LÂM THAO\n**TRƯỜNG THCS B**\n\nSố: 12/KH-THCS\n\n${line}\n\n# KẾ HOẠCH\n\nCông tác bình đẳng giới năm 2026\n`;

describe('the header place', () => {
  for (const line of [
    'Lâm Thao, ngày 05 tháng 3 năm 2026',
    '*Lâm Thao, ngày 05 tháng 3 năm 2026*',
    '_Lâm Thao, ngày 05 tháng 3 năm 2026_',
    '***Lâm Thao**, ngày 05 tháng 3 năm 2026*',
  ]) {
    it(`is the place's words alone, at their column: ${line}`, () => {
      const { metadata } = parsePlan(header(line), { format: 'markdown' });
      const column = line.indexOf('Lâm') + 1;
      expect([metadata.place?.text, metadata.place?.position.start.line, metadata.place?.position.start.column, metadata.date?.iso]).toEqual([
        'Lâm Thao',
        6,
        column,
        '2026-03-05',
      ]);
    });
  }
});

describe('the header place after the tiêu ngữ and a hard break', () => {
  // `**Độc lập - Tự do - Hạnh phúc**<br>` then the place and date: one paragraph, the motto first.
  for (const [motto, dateLine] of [
    ['**Độc lập - Tự do - Hạnh phúc**<br>', '*Lâm Thao, ngày 05 tháng 3 năm 2026*'],
    ['Độc lập - Tự do - Hạnh phúc  ', 'Lâm Thao, ngày 05 tháng 3 năm 2026'],
    ['**ĐỘC LẬP – TỰ DO – HẠNH PHÚC**\\', '_Lâm Thao, ngày 05 tháng 3 năm 2026_'],
  ]) {
    it(`is the place alone: ${motto}`, () => {
      const text = `UBND HUYỆN LÂM THAO<br>\n**TRƯỜNG THCS B**<br>\nSố: 12/KH-THCS\n\n**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**<br>\n${motto}\n${dateLine}\n\n# KẾ HOẠCH\n\nCông tác bình đẳng giới năm 2026\n`;
      const { metadata } = parsePlan(text, { format: 'markdown' });
      expect([metadata.place?.text, metadata.place?.position.start.line, metadata.place?.position.start.column, metadata.date?.iso]).toEqual([
        'Lâm Thao',
        7,
        dateLine.indexOf('Lâm') + 1,
        '2026-03-05',
      ]);
    });
  }
});

describe('the issuer', () => {
  // Each line a paragraph of its own, as the Word reader gives a header's lines (a PDF's are shown by the unseen plans).
  const issuer = (lines: string) =>
    parsePlan(`${lines.split('\n').join('\n\n')}\n\nSố: 12/KH-PGDĐT\n\nKẾ HOẠCH\n\nCông tác năm 2026\n`, { format: 'markdown' }).metadata.issuingBody?.text;
  it('is its name wrapped onto a second line, as a narrow header cell prints it', () => {
    expect(issuer('UBND HUYỆN QUỲNH LƯU\nPHÒNG GIÁO DỤC VÀ ĐÀO\nTẠO')).toBe('PHÒNG GIÁO DỤC VÀ ĐÀO TẠO');
    expect(issuer('ỦY BAN NHÂN DÂN\nPHƯỜNG CỬA LÒ')).toBe('ỦY BAN NHÂN DÂN PHƯỜNG CỬA LÒ');
    expect(issuer('PHÒNG GD&ĐT QUỲNH LƯU\nTRƯỜNG TH&THCS QUỲNH\nBẢNG')).toBe('TRƯỜNG TH&THCS QUỲNH BẢNG');
  });
  it('is never the wrapped tail of the Quốc hiệu', () => {
    expect(issuer('UBND TỈNH THÁI NGUYÊN\nSỞ GIÁO DỤC VÀ ĐÀO TẠO\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT\nNAM')).toBe('SỞ GIÁO DỤC VÀ ĐÀO TẠO');
  });
  it('is the second body of two, not both', () => {
    expect(issuer('UBND HUYỆN QUỲNH LƯU\nPHÒNG GIÁO DỤC VÀ ĐÀO TẠO')).toBe('PHÒNG GIÁO DỤC VÀ ĐÀO TẠO');
    expect(issuer('UBND TỈNH NGHỆ AN\nSỞ GD&ĐT')).toBe('SỞ GD&ĐT');
  });
});

describe('the symbol, place and date on one line', () => {
  const read = (line: string, format: 'markdown' | 'text') => {
    const { metadata } = parsePlan(`UBND HUYỆN HƯƠNG SƠN\n\nPHÒNG GIÁO DỤC VÀ ĐÀO TẠO\n\n${line}\n\n# KẾ HOẠCH\n\nCông tác năm 2026\n`, { format });
    return [metadata.symbol?.text, metadata.place?.text, metadata.date?.iso];
  };
  it('parts the symbol from the place where a tab stop became one space', () => {
    for (const format of ['markdown', 'text'] as const) {
      expect(read('Số: 09/KH-PGDĐT Hương Sơn, ngày 16 tháng 01 năm 2026', format)).toEqual(['09/KH-PGDĐT', 'Hương Sơn', '2026-01-16']);
      expect(read('Số: 09/KH-PGDĐT *Hương Sơn, ngày 16 tháng 01 năm 2026*', format)).toEqual(['09/KH-PGDĐT', 'Hương Sơn', '2026-01-16']);
    }
  });
  it('keeps a symbol mistyped with a space whole when no place follows it', () => {
    expect(read('Số: 559/SGD ĐT-CTHSSV', 'markdown')).toEqual(['559/SGD ĐT-CTHSSV', undefined, undefined]);
  });
});

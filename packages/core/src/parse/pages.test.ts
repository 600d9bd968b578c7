import { describe, expect, it } from 'vitest';
import { parsePlan } from './index.js';
import { blankPageFurniture } from './pages.js';

const HEADER = 'Trường THCS An Bình - Kế hoạch công tác năm 2026';

describe('page furniture of a text export', () => {
  it('blanks a running header and the page numbers of pdftotext pages, keeping every offset', () => {
    const text = `${HEADER}\nDòng một của trang một.\nTrang 1/3\n\f${HEADER}\nDòng của trang hai.\nTrang 2/3\n\f${HEADER}\nDòng của trang ba.\nTrang 3/3\n\f`;
    const blanked = blankPageFurniture(text);
    expect(blanked).toHaveLength(text.length);
    expect(blanked.split('\n').map((line) => line.trim()).filter(Boolean)).toEqual(['Dòng một của trang một.', 'Dòng của trang hai.', 'Dòng của trang ba.']);
    // Line starts stay where they were (a form feed became a line break).
    expect(blanked.indexOf('Dòng của trang hai.')).toBe(text.indexOf('Dòng của trang hai.'));
  });

  it('cuts pages at page-number lines when there is no form feed, and keeps a line that repeats on one page only', () => {
    const text = `${HEADER}\n\nNội dung một.\n\nNội dung một.\n\n-2-\n\n${HEADER}\n\nNội dung hai.\n\n-3-\n\n${HEADER}\n\nNội dung ba.\n`;
    const lines = blankPageFurniture(text).split('\n').map((line) => line.trim()).filter(Boolean);
    // `-2-` lines stay: the block grammar reads them as gaps already.
    expect(lines).toEqual(['Nội dung một.', 'Nội dung một.', '-2-', 'Nội dung hai.', '-3-', 'Nội dung ba.']);
  });

  it('cuts pages at `Trang n/m` footers with no form feed, and blanks the header of the pages after the first', () => {
    const footer = (page: number) => `                                                Trang ${page}/3`;
    const text = `Nội dung một.\n\nNội dung một tiếp.\n${footer(1)}\n\n${HEADER}\nNội dung hai.\n${footer(2)}\n\n${HEADER}\nNội dung ba.\n${footer(3)}\n`;
    const lines = blankPageFurniture(text).split('\n').map((line) => line.trim()).filter(Boolean);
    expect(lines).toEqual(['Nội dung một.', 'Nội dung một tiếp.', 'Nội dung hai.', 'Nội dung ba.']);
    // A footer is a page number, not a date.
    expect(parsePlan(text, { format: 'text' }).dates).toEqual([]);
  });

  it('leaves a text without pages as it is', () => {
    const text = 'Một đoạn.\n\nMột đoạn.\n';
    expect(blankPageFurniture(text)).toBe(text);
  });

  it('a paragraph a page break cut, with its header between, is one paragraph at the positions of the file', () => {
    const filler = 'Nội dung được lồng ghép vào hoạt động thường xuyên của nhà trường.\n';
    const text =
      `${HEADER}\n${filler}Các tổ chuyên môn gửi báo cáo sơ kết về Ban giám hiệu trước ngày\nTrang 1\n\f${HEADER}\n` +
      `29/5/2026 để tổng hợp.\n${filler}Trang 2\n\f${HEADER}\n${filler}Trang 3\n`;
    const document = parsePlan(text, { format: 'text' });
    // `ngày` on line 3 through the date on line 6, the page's footer and header between.
    const dates = document.dates.map((date) => [date.iso, date.position?.start.line, date.position?.start.column, date.position?.end.line, date.position?.end.column]);
    expect(dates).toEqual([['2026-05-29', 3, 61, 6, 10]]);
    expect(document.deadlines.map((deadline) => `${deadline.kind} ${deadline.due?.iso}`)).toEqual(['six-month-report 2026-05-29']);
  });
});

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

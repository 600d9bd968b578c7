// A parent that gives each kind of unit its own deadlines: a unit is held to the latest of them (the one
// that binds it whoever it is), never to another unit's earlier one, whether the parent lists them by
// unit, tabulates them, or writes them in one sentence; a unit later than all of them is still late.
// And a plan's own deadline for its units' plans is not the parent's deadline for plans.
import { describe, expect, it } from 'vitest';
import { lintText } from '../lint.js';
import { parsePlan } from '../parse/index.js';
import { parentFactsFromDocument } from './parent.js';

const head = (title: string) => ['Số: 96/KH-SGDĐT', '', 'Thái Nguyên, ngày 02 tháng 01 năm 2025', '', '# KẾ HOẠCH', '', title, '', '## I. CHẾ ĐỘ BÁO CÁO', ''].join('\n');
const title = 'Công tác bình đẳng giới ngành Giáo dục năm 2025';

const shapes: Record<string, string> = {
  list: [
    '- Các Phòng GD&ĐT: báo cáo 6 tháng trước ngày 12/6/2025; báo cáo năm trước ngày 24/12/2025.',
    '- Các trường THPT: báo cáo 6 tháng trước ngày 06/6/2025; báo cáo năm trước ngày 20/12/2025.',
  ].join('\n'),
  table: [
    '| Báo cáo | Phòng GD&ĐT | Trường THPT |',
    '| --- | --- | --- |',
    '| Báo cáo 6 tháng | trước ngày 12/6/2025 | trước ngày 06/6/2025 |',
    '| Báo cáo năm | trước ngày 24/12/2025 | trước ngày 20/12/2025 |',
  ].join('\n'),
  sentence: 'Các trường THPT gửi báo cáo 6 tháng trước ngày 06/6/2025, báo cáo năm trước ngày 20/12/2025; các Phòng GD&ĐT gửi báo cáo 6 tháng trước ngày 12/6/2025, báo cáo năm trước ngày 24/12/2025.',
};

const child = (reports: string) =>
  [
    'Số: 05/KH-PGDĐT',
    '',
    'Phú Bình, ngày 15 tháng 01 năm 2025',
    '',
    '# KẾ HOẠCH',
    '',
    'Công tác bình đẳng giới năm 2025',
    '',
    '## I. CHẾ ĐỘ BÁO CÁO',
    '',
    reports,
    '',
  ].join('\n');

const laterFindings = async (parentText: string, reports: string) => {
  const parent = parsePlan(parentText, { format: 'markdown' });
  const result = await lintText(child(reports), { filePath: 'phong.md', parent });
  return result.diagnostics.filter((d) => d.ruleId === 'deadline-before-parent').map((d) => `${d.position.start.line} ${d.data?.parentDue}`);
};

describe('a parent with deadlines for each kind of unit', () => {
  for (const [shape, text] of Object.entries(shapes)) {
    it(`keeps the latest of each kind (${shape})`, () => {
      expect(parentFactsFromDocument(parsePlan(head(title) + text, { format: 'markdown' })).deadlines).toEqual({ sixMonthReport: '2025-06-11', annualReport: '2025-12-23' });
    });
    it(`a Phòng within its own deadlines is not late (${shape})`, async () => {
      expect(await laterFindings(head(title) + text, '- Các trường gửi báo cáo 6 tháng trước ngày 10/6/2025; báo cáo năm trước ngày 22/12/2025.')).toEqual([]);
    });
    it(`a unit later than every deadline is late (${shape})`, async () => {
      expect(await laterFindings(head(title) + text, '- Các trường gửi báo cáo 6 tháng trước ngày 20/6/2025; báo cáo năm trước ngày 22/12/2025.')).toEqual(['11 11/06/2025']);
    });
  }

  it("a plan's deadline for its units' plans is not compared with the parent's deadline for plans", async () => {
    const parentText = head(title) + '- Các Phòng GD&ĐT gửi kế hoạch năm 2025 trước ngày 10/01/2025; báo cáo năm trước ngày 24/12/2025.';
    expect(await laterFindings(parentText, '- Các trường gửi kế hoạch năm 2025 về Phòng trước ngày 24/01/2025; báo cáo năm trước ngày 20/12/2025.')).toEqual([]);
  });
});

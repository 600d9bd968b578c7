import { describe, expect, it } from 'vitest';
import { parsePlan } from './index.js';

/** Each date as `line:column-line:column iso`, in text order. */
function dates(text: string): string[] {
  return parsePlan(text).dates.map((date) => `${at(date.position!.start)}-${at(date.position!.end)} ${date.iso}`);
}
function ranges(text: string): string[] {
  return parsePlan(text).dateRanges.map(
    (range) => `${at(range.position!.start)}-${at(range.position!.end)} ${range.from.iso}..${range.to.iso}${range.through ? ' through' : ''}`,
  );
}
const at = (point: { line: number; column: number }) => `${point.line}:${point.column}`;

describe('inline grammar: dates as offices write them', () => {
  it('reads slashes, dashes, dots and words with exact ranges', () => {
    expect(dates('Hạn nộp 05/12/2026 và 5/12/2026.')).toEqual(['1:9-1:19 2026-12-05', '1:23-1:32 2026-12-05']);
    expect(dates('Hạn nộp 05-12-2026, hoặc ngày 05.12.2026.')).toEqual(['1:9-1:19 2026-12-05', '1:26-1:41 2026-12-05']);
    expect(dates('Nộp ngày 05 tháng 12 năm 2026 tại trường')).toEqual(['1:5-1:30 2026-12-05']);
    expect(dates('Nộp ngày 5/12 tại trường')).toEqual(['1:5-1:14 --12-05']);
    expect(dates('Nộp ngày 5 tháng 12 tại trường')).toEqual(['1:5-1:20 --12-05']);
    expect(dates('Hoàn thành trong tháng 6/2026 và tháng 7 năm 2026')).toEqual(['1:18-1:30 2026-06', '1:34-1:50 2026-07']);
  });

  it('reads a weekday before either date of a range, and leaves `lần thứ hai` alone', () => {
    const expected = '2027-11-15..2027-12-15';
    for (const text of [
      'Tổ chức từ thứ Hai, ngày 15/11/2027 đến thứ Tư, ngày 15/12/2027.',
      'Tổ chức từ thứ Hai 15/11/2027 đến thứ Tư 15/12/2027.',
      'Tổ chức từ Thứ hai, 15/11 đến Thứ tư, 15/12/2027.',
      'Tổ chức từ ngày 15/11/2027 đến thứ Tư, ngày 15/12/2027.',
    ]) {
      expect(ranges(text).map((range) => range.split(' ')[1])).toEqual([expected]);
    }
    expect(ranges('Tổ chức lần thứ hai từ 15/11 đến 15/12/2027.')).toEqual(['1:21-1:44 2027-11-15..2027-12-15']);
    expect(dates('Họp vào thứ Sáu, ngày 04/6/2027.')).toEqual(['1:18-1:32 2027-06-04']);
  });

  it('reads dashes set off by spaces after `ngày` only', () => {
    expect(dates('Nộp ngày 15 - 11 - 2027 tại trường')).toEqual(['1:5-1:24 2027-11-15']);
    expect(ranges('Tổ chức từ ngày 15 - 11 - 2027 đến ngày 15 - 12 - 2027.')).toEqual(['1:9-1:55 2027-11-15..2027-12-15']);
    expect(dates('Nhóm 10 - 12 - 2027 em tham gia')).toEqual([]);
  });

  it('does not take outline numbers, money or periods for dates', () => {
    expect(dates('1.2.2024 Nội dung thứ nhất')).toEqual([]);
    expect(dates('Mục 1.2.2024 của kế hoạch')).toEqual([]);
    expect(dates('Kinh phí 1.500.000 đồng, 12.500.000 đồng')).toEqual([]);
    expect(dates('giai đoạn 2021-2025, năm học 2024-2025 và 2024 - 2025')).toEqual([]);
    expect(dates('trong 5 tháng 12 ngày')).toEqual([]);
  });

  it('reads ranges in every form, the year written once holding for both ends', () => {
    expect(ranges('Tổ chức từ 15/11 đến 15/12/2026.')).toEqual(['1:9-1:32 2026-11-15..2026-12-15']);
    expect(ranges('Tổ chức 15/11–15/12/2026.')).toEqual(['1:9-1:25 2026-11-15..2026-12-15']);
    expect(ranges('Tổ chức 15/11 - 15/12/2026.')).toEqual(['1:9-1:27 2026-11-15..2026-12-15']);
    // `--` and `---`: pandoc's Markdown and typewriter text for an en and em dash.
    expect(ranges('Tổ chức 15/11 -- 15/12/2026.')).toEqual(['1:9-1:28 2026-11-15..2026-12-15']);
    expect(ranges('Tổ chức 15/11---15/12/2026.')).toEqual(['1:9-1:27 2026-11-15..2026-12-15']);
    expect(ranges('Tổ chức từ ngày 15 tháng 11 đến ngày 15 tháng 12 năm 2026.')).toEqual(['1:9-1:58 2026-11-15..2026-12-15']);
    expect(ranges('(từ ngày 15/11/2026 đến hết ngày 15/12/2026)')).toEqual(['1:2-1:44 2026-11-15..2026-12-15 through']);
    expect(ranges('Từ 15-11-2026 đến 15-12-2026')).toEqual(['1:1-1:29 2026-11-15..2026-12-15']);
    expect(ranges('từ 15/12 đến 15/01/2027')).toEqual(['1:1-1:24 2026-12-15..2027-01-15']);
  });

  it('reads a day and month with dashes or dots and no year where a date must stand, and `tới` as `đến`', () => {
    expect(ranges('Tổ chức từ 15.11 đến 15.12.2026.')).toEqual(['1:9-1:32 2026-11-15..2026-12-15']);
    expect(ranges('Tổ chức từ 15-11 đến 15-12-2026.')).toEqual(['1:9-1:32 2026-11-15..2026-12-15']);
    expect(ranges('Tổ chức từ ngày 15-11 đến ngày 15-12-2026.')).toEqual(['1:9-1:42 2026-11-15..2026-12-15']);
    expect(ranges('Tổ chức từ 15/11 tới 15/12/2026.')).toEqual(['1:9-1:32 2026-11-15..2026-12-15']);
    expect(ranges('Tổ chức từ 15-11 tới 15-12-2026.')).toEqual(['1:9-1:32 2026-11-15..2026-12-15']);
    expect(dates('Báo cáo trước ngày 05.6 và ngày 04-12.')).toEqual(['1:15-1:24 --06-05', '1:28-1:38 --12-04']);
    // Counts and spans of numbers are no dates, with or without `từ`.
    expect([...dates('Mỗi lớp từ 3-5 em, mỗi buổi từ 10-15 phút, 2-3 lần.'), ...ranges('Mỗi lớp từ 3-5 em, từ 10-12 tuổi.')]).toEqual([]);
    expect(dates('Mục 2.3 và 15.11 học sinh')).toEqual([]);
  });

  it('marks a year taken from the range', () => {
    const [range] = parsePlan('từ 15/11 đến 15/12/2026').dateRanges;
    expect(range.from.yearFrom).toBe('range');
    expect(range.to.yearFrom).toBeUndefined();
  });
});

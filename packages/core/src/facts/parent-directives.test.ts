// What a parent plan sets for the plans under it, as the parent's own text says it in several shapes:
// not the reports it owes its own superior, the deadline of its own period before another period's,
// a clause that names only who sends under the report the clause before it named, and no day the
// figures run to. Each shape must give the same parent facts.
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../parse/index.js';
import { parentFactsFromDocument } from './parent.js';

const parent = (body: string[], issuer = 'ỦY BAN NHÂN DÂN XÃ THANH SƠN') =>
  parentFactsFromDocument(
    parsePlan(
      [issuer, '', 'Số: 45/KH-UBND', '', 'Thanh Sơn, ngày 10 tháng 3 năm 2026', '', '# KẾ HOẠCH', '', 'Thực hiện công tác bình đẳng giới năm 2026', '', '## I. TỔ CHỨC THỰC HIỆN', '', ...body, ''].join('\n'),
      { format: 'markdown' },
    ),
  ).deadlines;

const forSchools = 'Các trường gửi báo cáo về Ủy ban nhân dân xã (qua Phòng Văn hóa - Xã hội): báo cáo sơ kết 6 tháng đầu năm trước ngày 12/6/2026; báo cáo tổng kết năm 2026 trước ngày 23/12/2026.';
const expected = { sixMonthReport: '2026-06-11', annualReport: '2026-12-22' };

describe("a parent's own report to its superior is no deadline it sets", () => {
  for (const [how, owed] of [
    ['report to a body by name', '- Phòng Văn hóa - Xã hội tham mưu Ủy ban nhân dân xã báo cáo Sở Nội vụ: báo cáo 6 tháng trước ngày 20/6/2026; báo cáo năm trước ngày 30/12/2026.'],
    ['sent up with về', '- Phòng Văn hóa - Xã hội tổng hợp, gửi báo cáo 6 tháng về UBND tỉnh trước ngày 20/6/2026 và gửi báo cáo năm về UBND tỉnh trước ngày 30/12/2026.'],
  ] as const) {
    it(`${how}: only the schools' deadlines remain, before or after it`, () => {
      expect(parent([owed, '', `- ${forSchools}`])).toEqual(expected);
      expect(parent([`- ${forSchools}`, '', owed])).toEqual(expected);
    });
  }

  it('the same in a table, and with the dates in words', () => {
    const table = [
      '| Báo cáo | Thời hạn | Nơi nhận |',
      '| --- | --- | --- |',
      '| Báo cáo 6 tháng của các trường | trước ngày 12/6/2026 | Ủy ban nhân dân xã |',
      '| Báo cáo năm của các trường | trước ngày 23/12/2026 | Ủy ban nhân dân xã |',
    ];
    const owed = '- Phòng Văn hóa - Xã hội tham mưu Ủy ban nhân dân xã báo cáo Sở Nội vụ: báo cáo 6 tháng trước ngày 20 tháng 6 năm 2026; báo cáo năm trước ngày 30 tháng 12 năm 2026.';
    expect(parent([owed, '', ...table])).toEqual(expected);
    expect(parent([owed, '', `- ${forSchools.replace('12/6/2026', '12 tháng 6 năm 2026').replace('23/12/2026', '23 tháng 12 năm 2026')}`])).toEqual(expected);
  });

  it('a report to the parent itself, by a short or abbreviated name, stays', () => {
    expect(parent(['- Các trường gửi báo cáo 6 tháng về UBND xã trước ngày 12/6/2026; báo cáo năm trước ngày 23/12/2026.'])).toEqual(expected);
    expect(parent(['- Các trường gửi báo cáo 6 tháng về Sở GD&ĐT trước ngày 12/6/2026; báo cáo năm trước ngày 23/12/2026.'], 'SỞ GIÁO DỤC VÀ ĐÀO TẠO')).toEqual(expected);
  });
});

describe("the deadlines a parent sets, in each shape it writes them", () => {
  it("its own period's deadline before another period's, whichever is later", () => {
    const body = 'Các trường tiểu học gửi báo cáo năm trước ngày 15/11/2026; các trường trung học cơ sở gửi báo cáo tổng kết năm học trước ngày 31/5/2027.';
    expect(parent([body]).annualReport).toBe('2026-11-14');
    const reversed = 'Các trường trung học cơ sở gửi báo cáo tổng kết năm học trước ngày 31/5/2027; các trường tiểu học gửi báo cáo năm trước ngày 15/11/2026.';
    expect(parent([reversed]).annualReport).toBe('2026-11-14');
  });

  it('a clause naming only who sends is due for the report named before it', () => {
    const sentence = 'Báo cáo kết quả Tháng hành động: các trường trung học cơ sở gửi trước ngày 18/12/2026; các trường tiểu học, mầm non gửi trước ngày 20/12/2026.';
    expect(parent([sentence]).actionMonthReport).toBe('2026-12-19');
  });

  it('a nested list under `Báo cáo:` names each report by its kind', () => {
    const nested = ['- Báo cáo:', '  + 6 tháng: trước ngày 12/6/2026;', '  + năm: trước ngày 23/12/2026;', '  + kết quả Tháng hành động: trước ngày 20/12/2026.'];
    expect(parent(nested)).toEqual({ ...expected, actionMonthReport: '2026-12-19' });
  });

  it('the day the figures run to is no deadline', () => {
    expect(parent([`- ${forSchools} Số liệu báo cáo năm tính đến hết ngày 31/12/2026.`])).toEqual(expected);
  });
});

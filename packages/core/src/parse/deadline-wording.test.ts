// Wordings of deadlines by other hands: a report named on one line and its date labelled on the next
// (`Thời hạn gửi Sở: ngày …`), a date an amendment replaces, and a report on another month of action.
import { describe, expect, it } from 'vitest';
import { parsePlan } from './index.js';

const deadlines = (body: string[], format: 'text' | 'markdown' = 'text') =>
  parsePlan(['KẾ HOẠCH', 'Công tác bình đẳng giới năm 2027', '', 'I. TỔ CHỨC THỰC HIỆN', '', ...body, ''].join('\n'), { format }).deadlines.map(
    (deadline) => `${deadline.kind} ${deadline.relation} ${deadline.due?.iso}`,
  );

describe('deadline wordings', () => {
  it('a report on one line, its date labelled on the next, as a sentence says it in one', () => {
    const labelled = ['- Báo cáo sơ kết 6 tháng đầu năm 2027.', '  Thời hạn gửi Sở: ngày 05/6/2027.', '', '- Báo cáo tổng kết năm 2027.', '  Hạn nộp về Phòng Giáo dục và Đào tạo: trước ngày 16/12/2027.'];
    expect(deadlines(labelled)).toEqual(['six-month-report on 2027-06-05', 'annual-report before 2027-12-16']);
    expect(deadlines(labelled, 'markdown')).toEqual(deadlines(labelled));
    expect(deadlines(['- Báo cáo sơ kết 6 tháng đầu năm 2027 gửi Sở ngày 05/6/2027.', '- Báo cáo tổng kết năm 2027 gửi trước ngày 16/12/2027.'])).toEqual([
      'six-month-report on 2027-06-05',
      'annual-report before 2027-12-16',
    ]);
  });

  it('a label line after a line that names no report is no deadline of that line', () => {
    expect(deadlines(['- Tuyên truyền về bình đẳng giới.', '  Thời hạn gửi Sở: ngày 05/6/2027.'])).toEqual(['other on 2027-06-05']);
  });

  it('a date an amendment replaces is no deadline, the date that replaces it is', () => {
    expect(deadlines(['Báo cáo năm 2027 gửi trước ngày 18/12/2027.', 'Thời hạn gửi báo cáo năm 2027 trước đây là ngày 05/12/2027, nay không còn áp dụng.'])).toEqual([
      'annual-report before 2027-12-18',
    ]);
  });

  it('a report on another month of action is not the report on the Tháng hành động vì bình đẳng giới', () => {
    expect(
      deadlines(['Gửi báo cáo kết quả Tháng hành động quốc gia về phòng, chống bạo lực gia đình trước ngày 08/7/2027; báo cáo kết quả Tháng hành động vì bình đẳng giới trước ngày 20/12/2027.']),
    ).toEqual(['other before 2027-07-08', 'action-month-report before 2027-12-20']);
  });
});

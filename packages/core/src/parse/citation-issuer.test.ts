// A citation's issuer is the body after `của`, and ends where the sentence's own words start: a title's
// verb, a date, punctuation, or a preposition (`qua`, `trong`, `bằng`, `đến` …) that says how the plan
// uses the document. A body whose name holds `và` and a capital goes on.
import { describe, expect, it } from 'vitest';
import { parsePlan } from './index.js';

const issuerOf = (sentence: string) => parsePlan(`KẾ HOẠCH\nCông tác bình đẳng giới năm 2027\n\n1. ${sentence}\n`, { format: 'text' }).citations[0]?.issuer?.text;

describe('a citation’s issuer', () => {
  it('ends where the plan’s own words start, whatever preposition starts them', () => {
    for (const tail of ['qua các buổi chào cờ đầu tuần.', 'trong họp hội đồng sư phạm.', 'bằng tiếng phổ thông.', 'đến toàn thể cán bộ.', 'trên hệ thống truyền thanh.', 'cho học sinh khối 10.']) {
      expect([tail, issuerOf(`Tuyên truyền Luật Phòng, chống bạo lực gia đình số 13/2022/QH15 ngày 14/11/2022 của Quốc hội ${tail}`)]).toEqual([tail, 'Quốc hội']);
    }
  });

  it('goes on through a name that holds `và` and a capital, and stops at a title’s verb or punctuation', () => {
    expect(issuerOf('Thực hiện Kế hoạch số 318/KH-SGDĐT ngày 22/02/2027 của Sở Giáo dục và Đào tạo tỉnh Điện Biên trong nhà trường.')).toBe('Sở Giáo dục và Đào tạo tỉnh Điện Biên');
    expect(issuerOf('Căn cứ Nghị định số 125/2021/NĐ-CP ngày 28/12/2021 của Chính phủ quy định xử phạt vi phạm hành chính.')).toBe('Chính phủ');
    expect(issuerOf('Căn cứ Kế hoạch số 19/KH-UBND ngày 10/01/2027 của Ủy ban nhân dân tỉnh Cao Bằng; ')).toBe('Ủy ban nhân dân tỉnh Cao Bằng');
  });
});

describe('a citation whose type is shortened', () => {
  it('`KH số 25/KH-SGDĐT ngày …` cites as `Kế hoạch số …` does', () => {
    const cite = (type: string) =>
      parsePlan(`KẾ HOẠCH\nCông tác bình đẳng giới năm 2027\n\nThực hiện ${type} số 25/KH-SGDĐT ngày 02/3/2027 của Sở Giáo dục và Đào tạo;\n`, { format: 'text' }).citations.map(
        (citation) => `${citation.symbol} ${citation.date?.iso} ${citation.issuer?.text} ${citation.inLegalBasis}`,
      );
    expect(cite('KH')).toEqual(['25/KH-SGDĐT 2027-03-02 Sở Giáo dục và Đào tạo true']);
    expect(cite('KH')).toEqual(cite('Kế hoạch'));
  });
});

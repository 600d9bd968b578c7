// Emphasis that a writer or converter puts on a whole line or on part of a header cell is
// presentation: Google Docs sets the legal basis in italics and joins a header cell's two lines.
import { describe, expect, it } from 'vitest';
import { parsePlan } from './index.js';

const basis = ['Căn cứ Nghị định số 48/2009/NĐ-CP ngày 19/5/2009 của Chính phủ;', 'Căn cứ Kế hoạch số 45/KH-UBND ngày 10/3/2026 của Ủy ban nhân dân xã Thanh Sơn;'];
const plan = (lines: string[], header = '| UBND XÃ THANH SƠN<br>**TRƯỜNG TIỂU HỌC THANH SƠN** | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM** |') =>
  parsePlan([header, '| --- | --- |', '| Số: 21/KH-THTS | *Thanh Sơn, ngày 18 tháng 3 năm 2026* |', '', '**KẾ HOẠCH**', '', '**Thực hiện công tác bình đẳng giới năm 2026**', '', ...lines, '', '# I. MỤC ĐÍCH', '', 'Nâng cao nhận thức.', ''].join('\n'), { format: 'markdown' });

describe('a legal basis set in italics', () => {
  for (const [how, wrap] of [['plain', (line: string) => line], ['with *', (line: string) => `*${line}*`], ['with _', (line: string) => `_${line}_`]] as const) {
    it(`${how}: the same legal basis and title`, () => {
      const document = plan(basis.flatMap((line) => [wrap(line), '']));
      expect(document.legalBasis.map((citation) => citation.symbol)).toEqual(['48/2009/NĐ-CP', '45/KH-UBND']);
      expect(document.metadata.title?.text).toBe('Thực hiện công tác bình đẳng giới năm 2026');
    });
  }
});

describe('a header cell whose two lines a converter joined', () => {
  it('names the bold body as the issuer, as the cell with a break does', () => {
    const joined = plan(basis, '| UBND XÃ THANH SƠN **TRƯỜNG TIỂU HỌC THANH SƠN** | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM** |');
    expect(joined.metadata.issuingBody?.text).toBe('TRƯỜNG TIỂU HỌC THANH SƠN');
    expect(plan(basis).metadata.issuingBody?.text).toBe('TRƯỜNG TIỂU HỌC THANH SƠN');
    const at = joined.metadata.issuingBody!.position!.start;
    expect([at.line, at.column]).toEqual([1, 23]);
  });
});

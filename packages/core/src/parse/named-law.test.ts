// A law, a code or an ordinance cited by its name before số (`Luật Bình đẳng giới số 73/2006/QH11`), as
// nearly every plan's legal basis does: once read as plain words, so a wrong date or issuer went unseen.
import { describe, expect, it } from 'vitest';
import { lintText } from '../lint.js';
import { parsePlan } from './index.js';

const LAW = 'Luật Bình đẳng giới số 73/2006/QH11 ngày 29/11/2006';

/** The same clause in the shapes a plan writes it in. */
const shapes: Record<string, { text: string; format: 'markdown' | 'text' }> = {
  paragraph: { text: `# KẾ HOẠCH\n\nCăn cứ ${LAW};\n`, format: 'markdown' },
  'list item': { text: `# KẾ HOẠCH\n\n- Căn cứ ${LAW};\n`, format: 'markdown' },
  'table cell': { text: `# KẾ HOẠCH\n\n| Văn bản | Ghi chú |\n| --- | --- |\n| ${LAW} | căn cứ |\n`, format: 'markdown' },
  'plain text': { text: `KẾ HOẠCH\n\nCăn cứ ${LAW};\n`, format: 'text' },
  'date in words': { text: `# KẾ HOẠCH\n\nCăn cứ Luật Bình đẳng giới số 73/2006/QH11 ngày 29 tháng 11 năm 2006;\n`, format: 'markdown' },
};

const summary = (text: string, format: 'markdown' | 'text' = 'markdown') =>
  parsePlan(text, { format }).citations.map((citation) => ({
    docType: citation.docType,
    symbol: citation.symbol,
    date: citation.date?.iso,
    title: citation.title?.text,
    text: citation.text,
  }));

describe('a law cited by its name', () => {
  for (const [shape, { text, format }] of Object.entries(shapes)) {
    it(`is one citation, its name as title (${shape})`, () => {
      expect(summary(text, format)).toEqual([
        { docType: 'Luật', symbol: '73/2006/QH11', date: '2006-11-29', title: 'Bình đẳng giới', text: expect.stringMatching(/^Luật Bình đẳng giới số 73\/2006\/QH11 ngày 29/) },
      ]);
    });
  }

  it('reads codes, ordinances, names with commas and a law amending another', () => {
    const text = [
      'Căn cứ Bộ luật Lao động số 45/2019/QH14 ngày 20/11/2019;',
      'Căn cứ Luật Phòng, chống bạo lực gia đình số 13/2022/QH15;',
      'Căn cứ Pháp lệnh Ưu đãi người có công với cách mạng số 02/2020/UBTVQH14;',
      'Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Ban hành văn bản quy phạm pháp luật số 63/2020/QH14;',
    ].join('\n\n');
    expect(summary(text).map((citation) => [citation.docType, citation.title, citation.symbol])).toEqual([
      ['Bộ luật', 'Lao động', '45/2019/QH14'],
      ['Luật', 'Phòng, chống bạo lực gia đình', '13/2022/QH15'],
      ['Pháp lệnh', 'Ưu đãi người có công với cách mạng', '02/2020/UBTVQH14'],
      ['Luật', 'sửa đổi, bổ sung một số điều của Luật Ban hành văn bản quy phạm pháp luật', '63/2020/QH14'],
    ]);
  });

  it('never runs a name into another document, and needs số and a number', () => {
    const text = [
      'Tuyên truyền Luật Bình đẳng giới và Nghị định số 125/2021/NĐ-CP ngày 28/12/2021 của Chính phủ.',
      'Phổ biến Luật Bình đẳng giới, Luật Trẻ em số 102/2016/QH13.',
      'Phổ biến pháp luật số 12 cho học sinh; Luật Giáo dục 2019; Luật Bình đẳng giới.',
    ].join('\n\n');
    expect(summary(text).map((citation) => [citation.docType, citation.title ?? null, citation.symbol])).toEqual([
      ['Nghị định', null, '125/2021/NĐ-CP'],
      ['Luật', 'Trẻ em', '102/2016/QH13'],
    ]);
  });

  it('is judged against the registry like any citation: its date and its issuer', async () => {
    const result = await lintText('# KẾ HOẠCH\n\nCăn cứ Luật Bình đẳng giới số 73/2006/QH11 ngày 29/12/2006 của Chính phủ;\n', {
      filePath: 'plan.md',
    });
    const cited = result.diagnostics
      .filter((diagnostic) => diagnostic.ruleId.startsWith('citation-'))
      .map((diagnostic) => `${diagnostic.ruleId}/${diagnostic.messageId} ${diagnostic.position.start.line}:${diagnostic.position.start.column}`);
    expect(cited).toEqual(['citation-registry/dateMismatch 3:49', 'citation-issuer/issuerMismatch 3:64']);
  });

  it('a correct citation of a law gives no citation finding', async () => {
    const result = await lintText(`# KẾ HOẠCH\n\nCăn cứ ${LAW} của Quốc hội;\n`, { filePath: 'plan.md' });
    expect(result.diagnostics.filter((diagnostic) => diagnostic.ruleId.startsWith('citation-'))).toEqual([]);
  });
});

// A plan issued with a decision (`QUYẾT ĐỊNH Về việc ban hành Kế hoạch …`, then the plan `Ban hành kèm
// theo Quyết định số …`): the decision is the plan's cover. Read in one file or the plan alone, in
// Markdown or text, the plan's sections, title and findings are the same as a plan issued on its own.
import { describe, expect, it } from 'vitest';
import { lintText } from '../lint.js';
import { parsePlan } from './index.js';

const DECISION = [
  'TRƯỜNG THPT HOA BAN',
  'Số: 36/QĐ-THPTHB',
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'Độc lập - Tự do - Hạnh phúc',
  'Điện Biên, ngày 11 tháng 3 năm 2027',
  '',
  'QUYẾT ĐỊNH',
  'Về việc ban hành Kế hoạch thực hiện công tác bình đẳng giới năm 2027',
  '',
  'Căn cứ Kế hoạch số 318/KH-SGDĐT ngày 22/02/2027 của Sở Giáo dục và Đào tạo;',
  '',
  'QUYẾT ĐỊNH:',
  '',
  'Điều 1. Ban hành kèm theo Quyết định này Kế hoạch thực hiện công tác bình đẳng giới năm 2027.',
  'Điều 2. Quyết định này có hiệu lực kể từ ngày ký.',
  '',
  'Nơi nhận:',
  '- Như Điều 2;',
  '- Lưu: VT.',
  '',
  'HIỆU TRƯỞNG',
  '',
  'Nguyễn Thị Lan',
  '',
];

const NOTE = '(Ban hành kèm theo Quyết định số 36/QĐ-THPTHB ngày 11/3/2027 của Hiệu trưởng Trường THPT Hoa Ban)';

const PLAN = [
  'TRƯỜNG THPT HOA BAN',
  '',
  'KẾ HOẠCH',
  'Thực hiện công tác bình đẳng giới năm 2027',
  NOTE,
  '',
  'I. MỤC ĐÍCH, YÊU CẦU',
  'Thực hiện Kế hoạch số 318/KH-SGDĐT ngày 22/02/2027 của Sở Giáo dục và Đào tạo trong nhà trường.',
  'II. NHIỆM VỤ',
  'Tổ chức Tháng hành động vì bình đẳng giới từ ngày 15/11/2027 đến ngày 15/12/2027.',
  'III. KINH PHÍ',
  'Nguồn ngân sách chi thường xuyên năm 2027 của nhà trường.',
  'IV. TỔ CHỨC THỰC HIỆN',
  '1. Phó Hiệu trưởng: gửi báo cáo năm 2027 về Sở trước ngày 20/12/2027.',
  '',
  'HIỆU TRƯỞNG',
  '',
  'Nguyễn Thị Lan',
  '',
];

const read = (lines: string[], format: 'markdown' | 'text' = 'text') => {
  const document = parsePlan(lines.join('\n'), { format });
  return {
    symbol: document.metadata.symbol?.text,
    date: document.metadata.date?.iso,
    type: document.metadata.docType?.text,
    title: document.metadata.title?.text,
    issuedWith: document.metadata.issuedWith?.text,
    sections: document.sections.map((section) => `${section.numbering?.raw} ${section.kind}`),
    recipients: document.recipients?.entries.length ?? 0,
    deadlines: document.deadlines.map((deadline) => `${deadline.kind} ${deadline.due?.iso}`),
    legalBasis: document.legalBasis.map((citation) => citation.symbol),
  };
};

describe('a plan issued with a decision', () => {
  it('in one file: the decision is the cover, the plan its sections, the decision’s Nơi nhận its recipients', () => {
    expect(read([...DECISION, ...PLAN])).toEqual({
      symbol: undefined,
      date: '2027-03-11',
      type: 'KẾ HOẠCH',
      title: 'Thực hiện công tác bình đẳng giới năm 2027',
      issuedWith: NOTE,
      sections: ['I. purpose', 'II. tasks', 'III. budget', 'IV. organisation'],
      recipients: 2,
      deadlines: ['annual-report 2027-12-20'],
      legalBasis: ['318/KH-SGDĐT'],
    });
  });

  it('reads the same in Markdown, the title and the note joined by a hard break', () => {
    const markdown = [...DECISION, ...PLAN].map((line) => (line === 'Thực hiện công tác bình đẳng giới năm 2027' ? `**${line}**  ` : line === 'KẾ HOẠCH' ? '# KẾ HOẠCH' : line));
    const text = read([...DECISION, ...PLAN]);
    const md = read(markdown, 'markdown');
    expect({ ...md, sections: md.sections.length }).toEqual({ ...text, sections: 4 });
  });

  it('the plan alone: issued with the decision, no basis of its own, and its note no basis', () => {
    const alone = read(PLAN);
    expect(alone).toMatchObject({ symbol: undefined, title: 'Thực hiện công tác bình đẳng giới năm 2027', issuedWith: NOTE, legalBasis: [], recipients: 0 });
    expect(alone.sections).toHaveLength(4);
  });

  it('draws no finding the decision answers for: its symbol, its Nơi nhận; a plan without the note still does', async () => {
    const rules = async (lines: string[]) => (await lintText(lines.join('\n'), { filePath: 'plan.txt' })).diagnostics.map((d) => d.ruleId);
    expect(await rules([...DECISION, ...PLAN])).not.toContain('recipients');
    expect(await rules([...DECISION, ...PLAN])).not.toContain('citation-symbol');
    expect(await rules(PLAN)).not.toContain('recipients');
    expect(await rules(PLAN.filter((line) => line !== NOTE))).toContain('recipients');
  });

  it('is signed where the decision is: its signer read from the decision, none asked of the plan alone', async () => {
    const rules = async (lines: string[]) => (await lintText(lines.join('\n'), { filePath: 'plan.txt' })).diagnostics.map((d) => d.ruleId);
    const unsigned = PLAN.slice(0, PLAN.indexOf('HIỆU TRƯỞNG'));
    expect(parsePlan([...DECISION, ...unsigned].join('\n'), { format: 'text' }).signer?.name).toBe('Nguyễn Thị Lan');
    expect(await rules([...DECISION, ...unsigned])).not.toContain('signature');
    expect(await rules(unsigned)).not.toContain('signature');
    expect(await rules(unsigned.filter((line) => line !== NOTE))).toContain('signature');
  });

  it('an appendix after the Nơi nhận is no attached plan', () => {
    const withAppendix = [...PLAN.filter((line) => line !== NOTE).slice(0, 14), 'Nơi nhận:', '- Sở GD&ĐT;', '- Lưu: VT.', '', 'HIỆU TRƯỞNG', '', 'PHỤ LỤC', 'KẾ HOẠCH CHI TIẾT', 'Tháng 11: tuyên truyền.', ''];
    const document = parsePlan(withAppendix.join('\n'), { format: 'text' });
    expect(document.metadata.issuedWith).toBeUndefined();
    expect(document.recipients?.entries.length).toBe(2);
  });
});

import { describe, expect, it } from 'vitest';
import { lintText } from '../lint.js';
import { parsePlan } from '../parse/index.js';
import type { Diagnostic } from '../engine/diagnostic.js';
import { sameWordForTest } from './repeated-word-facts.js';
import { normalizeName } from './text.js';

async function found(text: string, ruleId: string, format: 'markdown' | 'text' = 'text'): Promise<Diagnostic[]> {
  const result = await lintText(text, { filePath: format === 'markdown' ? 'plan.md' : 'plan.txt' });
  return result.diagnostics.filter((d) => d.ruleId === ruleId);
}

const brief = (d: Diagnostic) => `${d.position.start.line} ${d.messageId}`;

describe('duplicate-word', () => {
  it('flags a repeat across a hard wrap and deletes it with the line break', async () => {
    const text = 'Phối hợp với các đơn vị của\ncủa trường trong năm học.\n';
    const [diagnostic] = await found(text, 'duplicate-word');
    expect(brief(diagnostic)).toBe('2 repeated');
    expect(text.slice(diagnostic.fix!.range[0], diagnostic.fix!.range[1])).toBe('\ncủa');
  });

  it('leaves reduplicated words alone, but not before a date', async () => {
    expect(await found('Người người thi đua, nhà nhà thi đua.\n', 'duplicate-word')).toEqual([]);
    const [diagnostic] = await found('Hướng dẫn số 04/HD-ĐCT ngày ngày 28/7/2022.\n', 'duplicate-word');
    expect(diagnostic.data).toEqual({ phrase: 'ngày' });
  });
});

describe('duplicate-word word comparison', () => {
  it('agrees with toLowerCase() on ASCII, Vietnamese capitals and the letters ICU lowercases to two', () => {
    const words = ['của', 'CỦA', 'Của', 'cỦa', 'Thực', 'THỰC', 'thực', 'hiện', 'HiỆN', 'ab', 'AB', 'aB', 'a1', 'A1', 'a@', 'a`',
      'İx', 'i̇', 'ix', 'ΣΑΣ', 'σας', 'σασ', 'Đồng', 'đồng', 'ĐỒNG', 'đông', 'x\u{1F600}', 'X\u{1F600}', 'ƠN', 'ơn', 'ƯU', 'ưu', 'ĐÂY', 'đây', 'Я', 'я', 'ΑΣ', 'ας', 'Σa', 'σa', 'İİ', 'i̇i', 'KK', 'kk', '\u212Aa', 'ka', 'KA'];
    for (const a of words) {
      for (const b of words) {
        const text = `${a} ${b}`;
        const fast = sameWordForTest.fast(text, 0, a.length, a.length + 1, text.length);
        expect([a, b, fast]).toEqual([a, b, a.length === b.length && a.toLowerCase() === b.toLowerCase()]);
        // Equal words have equal keys: the keys only rule pairs out.
        if (fast) expect(sameWordForTest.key(text, 0, a.length)).toBe(sameWordForTest.key(text, a.length + 1, text.length));
      }
    }
  });
});

describe('normalizeName', () => {
  // The spelling rules one replace at a time, as they were written first.
  const reference = (value: string) =>
    value.normalize('NFC').toLowerCase().replace(/uỷ/g, 'ủy').replace(/oà/g, 'òa').replace(/oá/g, 'óa').replace(/oả/g, 'ỏa')
      .replace(/oã/g, 'õa').replace(/oạ/g, 'ọa').replace(/uý/g, 'úy').replace(/uỳ/g, 'ùy').replace(/\s*&\s*/g, '&').replace(/\s+/g, ' ').trim();

  it('gives what one replace per spelling gave, the second time too (it remembers)', () => {
    const names = ['Uỷ ban nhân dân', 'UỶ BAN', 'Thanh Hoá', 'hoà  bình', 'Phòng GD & ĐT', 'thuý quỳ', 'Khoả lấp', 'oạoà', 'uỷuýuỳ', ' Sở Giáo dục\nvà Đào tạo ', 'Hoa\u0300'];
    for (const name of [...names, ...names]) expect(normalizeName(name)).toBe(reference(name));
  });
});

describe('enumeration-sequence', () => {
  const plan = (letters: string[]) =>
    ['I. MỤC ĐÍCH, YÊU CẦU', '1. Mục đích', ...letters.map((l) => `${l}) Nội dung ${l}.`), ''].join('\n');

  it('accepts the Vietnamese letter order a b c d đ e g', async () => {
    expect(await found(plan(['a', 'b', 'c', 'd', 'đ', 'e', 'g']), 'enumeration-sequence')).toEqual([]);
  });

  it('reports a gap with the expected letter', async () => {
    const [diagnostic] = await found(plan(['a', 'b', 'd']), 'enumeration-sequence');
    expect([brief(diagnostic), diagnostic.data?.expected]).toEqual(['5 gap', 'c)']);
  });

  it('reports a letter f as a gap after e (there is no f: g follows e)', async () => {
    const [diagnostic] = await found(plan(['a', 'b', 'c', 'd', 'đ', 'e', 'f']), 'enumeration-sequence');
    expect(diagnostic?.data?.expected).toBe('g)');
  });
});

describe('citation-format', () => {
  it('does not take a hard wrap inside a symbol for a space', async () => {
    const text = 'Thực hiện Kết luận số 56-\nKL/TU ngày 06/12/2016 của Tỉnh ủy về công tác phụ nữ;\n';
    expect(await found(text, 'citation-format')).toEqual([]);
  });

  it('removes a space after the hyphen', async () => {
    const text = 'Thực hiện Chương trình hành động số 09- CTr/TU ngày 26/6/2007 của Tỉnh ủy;\n';
    const [diagnostic] = await found(text, 'citation-format');
    expect(diagnostic.messageId).toBe('symbolSpaces');
    expect(text.slice(diagnostic.fix!.range[0], diagnostic.fix!.range[1])).toBe(' ');
    expect(diagnostic.fix!.text).toBe('');
  });
});

describe('citation-issuer and the registry', () => {
  it('a Quyết định of the Thủ tướng written "của Chính phủ"', async () => {
    const [diagnostic] = await found('Căn cứ Quyết định số 2232/QĐ-TTg ngày 28/12/2020 của Chính phủ phê duyệt Chương trình;\n', 'citation-issuer');
    expect(diagnostic.fix?.text).toBe('Thủ tướng Chính phủ');
  });

  it('a verified entry with another date is reported; an unverified one never is', async () => {
    const verified = await found('Căn cứ Nghị định số 125/2021/NĐ-CP ngày 29/12/2021 của Chính phủ;\n', 'citation-registry');
    expect(verified.map((d) => d.data?.expected)).toEqual(['28/12/2021']);
    const unverified = await found('Căn cứ Quyết định số 732/QĐ-TTg ngày 30/4/2016 của Thủ tướng Chính phủ;\n', 'citation-registry');
    expect(unverified).toEqual([]);
  });

  it('a date that disagrees with the year in a legal normative symbol', async () => {
    const [diagnostic] = await found('Căn cứ Nghị định số 48/2009/NĐ-CP ngày 19/5/2010 của Chính phủ;\n', 'citation-date');
    expect(diagnostic.messageId).toBe('symbolYearMismatch');
  });
});

describe('action-month', () => {
  const plan = (line: string) => ['KẾ HOẠCH', 'Công tác bình đẳng giới năm 2024', '', 'I. NHIỆM VỤ', line, ''].join('\n');

  it('accepts 15/11 to 15/12 of the plan year', async () => {
    expect(await found(plan('Tổ chức Tháng hành động vì bình đẳng giới từ 15/11/2024 đến 15/12/2024.'), 'action-month')).toEqual([]);
  });

  it('reports another range, another year, and a missing schedule', async () => {
    expect((await found(plan('Tổ chức Tháng hành động vì bình đẳng giới từ 01/11 đến 30/11.'), 'action-month')).map(brief)).toEqual(['5 wrongRange']);
    expect((await found(plan('Tổ chức Tháng hành động vì bình đẳng giới từ 15/11/2023 đến 15/12/2023.'), 'action-month')).map(brief)).toEqual(['5 wrongYear']);
    expect((await found(plan('Tuyên truyền Tháng hành động vì bình đẳng giới.'), 'action-month')).map(brief)).toEqual(['5 notScheduled']);
    expect((await found(plan('Tổ chức Tháng hành động phòng, chống bạo lực gia đình tháng 6.'), 'action-month')).map((d) => d.messageId)).toEqual(['missing']);
  });

  // A plan that names the month in full once, then by its short name where it gives the dates: in a
  // sentence, a list item over a wrapped line, a table row, and with the dates in words.
  const shortName: Record<string, [string, 'text' | 'markdown']> = {
    sentence: ['Tháng hành động vì bình đẳng giới năm 2024 được triển khai sâu rộng.\n\nTháng hành động được tổ chức từ ngày 15/11/2024 đến ngày 15/12/2024.', 'text'],
    'wrapped item': ['Hưởng ứng Tháng hành động vì bình đẳng giới năm 2024:\n\n- Tháng hành động được tổ chức từ ngày 15 tháng 11\nđến ngày 15 tháng 12 năm 2024.', 'text'],
    'table row': ['Hưởng ứng Tháng hành động vì bình đẳng giới năm 2024.\n\n| Nội dung | Thời gian |\n|---|---|\n| Tổ chức Tháng hành động | Từ 15/11/2024 đến 15/12/2024 |', 'markdown'],
  };
  for (const [shape, [body, format]] of Object.entries(shortName)) {
    it(`binds the dates given under the short name "Tháng hành động" (${shape})`, async () => {
      expect((await found(plan(body), 'action-month', format)).map(brief)).toEqual([]);
      const wrong = body.replace(/15(\/| tháng )11/, '01$111');
      expect((await found(plan(wrong), 'action-month', format)).map((d) => d.messageId)).toEqual(['wrongRange']);
    });
  }

  it('does not take another month for it, nor the short name in a plan that never names it in full', async () => {
    const other = 'Hưởng ứng Tháng hành động vì bình đẳng giới năm 2024.\n\nTháng hành động vì trẻ em được tổ chức từ ngày 01/6/2024 đến ngày 30/6/2024.';
    expect((await found(plan(other), 'action-month')).map(brief)).toEqual(['5 notScheduled']);
    const alone = 'Tháng hành động được tổ chức từ ngày 01/6/2024 đến ngày 30/6/2024.';
    expect((await found(plan(alone), 'action-month')).map((d) => d.messageId)).toEqual(['missing']);
  });
});

describe('citation-consistency', () => {
  it('reports one document cited with two dates in one year', async () => {
    const text = 'Căn cứ Kế hoạch số 55/KH-UBND ngày 07/3/2024 của UBND huyện;\n\nThực hiện Kế hoạch số 55/KH-UBND ngày 17/3/2024 của UBND huyện;\n';
    expect((await found(text, 'citation-consistency')).map(brief)).toEqual(['3 dateVariant']);
  });

  it('takes the same number from two issuers, or from two years, for two documents', async () => {
    const issuers = 'Căn cứ Kế hoạch số 55/KH-UBND ngày 07/3/2024 của UBND huyện;\n\nThực hiện Kế hoạch số 55/KH-UBND ngày 17/3/2024 của UBND tỉnh;\n';
    expect(await found(issuers, 'citation-consistency')).toEqual([]);
    const years = 'Căn cứ Kế hoạch số 36/KH-UBND ngày 27/01/2022;\n\nThực hiện Kế hoạch số 36/KH-UBND ngày 28/02/2023;\n';
    expect(await found(years, 'citation-consistency')).toEqual([]);
  });
});

describe('suggestions', () => {
  it('citation-symbol offers both edits when the registry does not know the document', async () => {
    const text = 'Căn cứ Nghị quyết số 45/NĐ-CP ngày 01/02/2023 của Chính phủ;\n';
    const [diagnostic] = await found(text, 'citation-symbol');
    expect(diagnostic.fix).toBeUndefined();
    const applied = diagnostic.suggestions!.map((s) => text.slice(0, s.fix.range[0]) + s.fix.text + text.slice(s.fix.range[1]));
    expect(applied).toEqual([
      'Căn cứ Nghị quyết số 45/NQ-CP ngày 01/02/2023 của Chính phủ;\n',
      'Căn cứ Nghị định số 45/NĐ-CP ngày 01/02/2023 của Chính phủ;\n',
    ]);
    expect(diagnostic.suggestions!.map((s) => s.message)).toEqual(['Sửa ký hiệu thành 45/NQ-CP.', 'Sửa tên loại thành "Nghị định".']);
  });

  it('citation-issuer fixes the issuer only for a symbol the registry verifies, else suggests it', async () => {
    const known = 'Căn cứ Nghị định số 125/2021/NĐ-CP ngày 28/12/2021 của Thủ tướng Chính phủ;\n';
    const [fixed] = await found(known, 'citation-issuer');
    expect(fixed.fix && known.slice(0, fixed.fix.range[0]) + fixed.fix.text + known.slice(fixed.fix.range[1])).toBe(
      'Căn cứ Nghị định số 125/2021/NĐ-CP ngày 28/12/2021 của Chính phủ;\n',
    );
    expect(fixed.suggestions).toBeUndefined();
    // Not in the registry: "Nghị định … của Thủ tướng" may be a Quyết định of the Thủ tướng with a wrong symbol.
    const unknown = 'Căn cứ Nghị định số 99/2019/NĐ-CP ngày 01/02/2019 của Thủ tướng Chính phủ;\n';
    const [suggested] = await found(unknown, 'citation-issuer');
    expect(suggested.fix).toBeUndefined();
    expect(suggested.suggestions!.map((s) => [s.message, unknown.slice(0, s.fix.range[0]) + s.fix.text + unknown.slice(s.fix.range[1])])).toEqual([
      ['Sửa cơ quan ban hành thành "Chính phủ" (nếu ký hiệu đúng).', 'Căn cứ Nghị định số 99/2019/NĐ-CP ngày 01/02/2019 của Chính phủ;\n'],
    ]);
  });

  it('enumeration-sequence offers to renumber', async () => {
    const text = ['I. MỤC ĐÍCH, YÊU CẦU', '1. Mục đích', 'a) Một.', 'b) Hai.', 'b) Ba.', ''].join('\n');
    const [diagnostic] = await found(text, 'enumeration-sequence');
    expect(diagnostic.suggestions?.map((s) => [s.fix.text, text.slice(s.fix.range[0], s.fix.range[1])])).toEqual([['c)', 'b)']]);
  });
});

describe('recipients', () => {
  const plan = (last: string) => ['KẾ HOẠCH', 'Năm 2024', '', 'Nơi nhận:', '- Phòng GDĐT (để báo cáo);', `- ${last}`, '', 'HIỆU TRƯỞNG', '', 'Võ Ngọc Lanh', ''].join('\n');

  it('accepts "Lưu: VT, …" and "Lưu: Văn thư"', async () => {
    expect(await found(plan('Lưu: VT, CM (04).'), 'recipients')).toEqual([]);
    expect(await found(plan('Lưu: Văn thư.'), 'recipients')).toEqual([]);
  });

  it('fixes a misplaced colon, and reports a block without the archive line', async () => {
    const [misplaced] = await found(plan('Lưu : VT.'), 'recipients');
    expect([misplaced.messageId, misplaced.fix?.text]).toEqual(['archiveFormat', 'Lưu: VT']);
    expect((await found(plan('CBGVNV (thực hiện).'), 'recipients')).map(brief)).toEqual(['6 noArchive']);
  });
});

describe('citation-issuer on an issuer written over a wrapped line or with two spaces', () => {
  // The registry matches names with their spaces collapsed; the place and the edit must still cover
  // the whole name as written, or the fix would leave its tail ("Chính phủủ").
  const shapes = {
    'one line': 'Thủ tướng Chính phủ',
    'two spaces': 'Thủ  tướng Chính phủ',
    'a wrapped line': 'Thủ tướng\n    Chính phủ',
    'a wrap and a tab': 'Thủ\ttướng Chính\n phủ',
  };
  for (const [shape, issuer] of Object.entries(shapes)) {
    it(`covers the whole name on ${shape}, and the edit leaves the issuer the registry knows`, async () => {
      const text = `Căn cứ Nghị định số 125/2021/NĐ-CP ngày 28/12/2021 của ${issuer} quy định xử phạt.\n`;
      const [diagnostic] = await found(text, 'citation-issuer');
      const edit = diagnostic.fix ?? diagnostic.suggestions?.[0]?.fix;
      expect(text.slice(diagnostic.position.start.offset, diagnostic.position.end.offset)).toBe(issuer);
      expect(diagnostic.message).toContain('"Thủ tướng Chính phủ"');
      expect(text.slice(0, edit!.range[0]) + edit!.text + text.slice(edit!.range[1])).toBe(
        'Căn cứ Nghị định số 125/2021/NĐ-CP ngày 28/12/2021 của Chính phủ quy định xử phạt.\n',
      );
    });
  }
});

describe('the text fact', () => {
  it("gives each section kind's text as an own property, which a rule's JSONPath reads", async () => {
    const result = await lintText('# KẾ HOẠCH\n\n## I. MỤC ĐÍCH\n\nNâng cao nhận thức.\n\n## II. KINH PHÍ\n\nNguồn ngân sách nhà nước.\n', { filePath: 'plan.md' });
    const sections = (result.facts as unknown as { text: { sections: Record<string, string | undefined> } }).text.sections;
    expect(Object.hasOwn(sections, 'budget')).toBe(true);
    expect(sections.budget).toContain('Nguồn ngân sách nhà nước.');
    expect(sections.purpose).toContain('Nâng cao nhận thức.');
    expect(sections.appendix).toBeUndefined();
    expect(Object.keys(sections)).toEqual(['purpose', 'objectives', 'tasks', 'budget', 'organisation', 'appendix', 'other']);
  });
});

describe('year-consistency reads the action month year in its own block', () => {
  // A school's plan whose title names the month, followed by the law cited with its date (November
  // of another year). Written as Markdown, as text with blank lines, and as a PDF's text gives it (no
  // blank line between the title and the first "Căn cứ").
  const plan = (titleYear: number) => `TRƯỜNG THCS LÊ LỢI

Số: 45/KH-THCSLL

Điện Bàn, ngày 05 tháng 11 năm 2026

KẾ HOẠCH
Tổ chức Tháng hành động vì bình đẳng giới năm ${titleYear}

Căn cứ Luật Bình đẳng giới ngày 29 tháng 11 năm 2006;

Căn cứ Kế hoạch số 112/KH-PGDĐT ngày 28/10/2026 của Phòng Giáo dục và Đào tạo thị xã Điện Bàn về tổ
chức Tháng hành động vì bình đẳng giới năm 2026;

Trường THCS Lê Lợi xây dựng Kế hoạch tổ chức Tháng hành động vì bình đẳng giới năm 2026 như
sau:

I. MỤC ĐÍCH, YÊU CẦU

Nâng cao nhận thức của cán bộ, giáo viên, nhân viên và học sinh về bình đẳng giới; phòng ngừa,
ứng phó với bạo lực trên cơ sở giới trong nhà trường; các hoạt động thiết thực, tiết kiệm.

II. THỜI GIAN

Tháng hành động vì bình đẳng giới được tổ chức từ ngày 15 tháng 11 đến ngày 15 tháng 12 năm 2026.
`;
  const shapes: Array<[string, (year: number) => string, 'markdown' | 'text']> = [
    ['Markdown', (year) => plan(year).replace('KẾ HOẠCH\nTổ chức', '# KẾ HOẠCH\n\n## Tổ chức').replace(/^(I+\. .*)$/gm, '## $1'), 'markdown'],
    ['text with blank lines', plan, 'text'],
    ['text as a PDF gives it, no blank line after the title', (year) => plan(year).replace(`năm ${year}\n\nCăn cứ Luật`, `năm ${year}\nCăn cứ Luật`), 'text'],
  ];
  for (const [shape, make, format] of shapes) {
    it(`does not take the next block's date for the month's (${shape})`, async () => {
      expect((await found(make(2026), 'year-consistency', format)).map(brief)).toEqual([]);
    });
    it(`still flags the month's own wrong year (${shape})`, async () => {
      expect((await found(make(2025), 'year-consistency', format)).map((d) => `${d.messageId} ${d.data?.year}`)).toEqual(['actionMonthYear 2025']);
    });
  }
});

describe('duplicate-word does not pair words of two blocks', () => {
  // A heading and the paragraph under it begin with the same words; in a PDF's text nothing but a
  // line break parts them. Deleting the second would cut the paragraph's subject.
  const body = 'Kinh phí thực hiện được bố trí trong dự toán ngân sách năm 2026 của Phòng và các đơn vị trực thuộc.\n';
  const shapes: Array<[string, string, 'markdown' | 'text']> = [
    ['text as a PDF gives it', `II. NHIỆM VỤ\nTuyên truyền về bình đẳng giới trong toàn ngành giáo dục của huyện.\nIII. KINH PHÍ\n${body}`, 'text'],
    ['text with a blank line', `II. NHIỆM VỤ\n\nTuyên truyền về bình đẳng giới trong toàn ngành giáo dục của huyện.\n\nIII. KINH PHÍ\n\n${body}`, 'text'],
    ['Markdown', `## II. NHIỆM VỤ\n\nTuyên truyền về bình đẳng giới trong toàn ngành giáo dục của huyện.\n\n## III. KINH PHÍ\n\n${body}`, 'markdown'],
    ['a paragraph that ends with the words the next begins with', `Các trường bố trí kinh phí\n\nKinh phí thực hiện theo dự toán năm 2026 của từng trường.\n`, 'text'],
  ];
  for (const [shape, text, format] of shapes) {
    it(`finds no repeat across a heading and its paragraph (${shape})`, async () => {
      expect((await found(text, 'duplicate-word', format)).map(brief)).toEqual([]);
    });
  }
  it('still finds a repeat within one paragraph over a hard wrap', async () => {
    const text = 'III. KINH PHÍ\nKinh phí thực hiện được bố trí trong dự toán ngân sách của của\ncác đơn vị.\n';
    expect((await found(text, 'duplicate-word')).map((d) => d.data?.phrase)).toEqual(['của']);
  });
});

describe('a two-column closing as a text export writes it', () => {
  // Nơi nhận on the left and the signer on the right, on the same lines (pdftotext -layout), in
  // three arrangements, and the stacked form: the same signer and recipients each time.
  const body = 'Trên đây là Kế hoạch thực hiện công tác bình đẳng giới năm 2026 của Phòng./.\n\n';
  const pad = (left: string, right: string) => `${left}${' '.repeat(Math.max(6, 52 - left.length))}${right}`;
  const shapes: Array<[string, string]> = [
    ['the title beside "Nơi nhận"', [pad('Nơi nhận:', 'TRƯỞNG PHÒNG'), '- Sở GD&ĐT (b/c);', '- Lưu: VT.', pad('', 'Trần Thị Hoa')].join('\n')],
    ['the title beside the recipients', ['Nơi nhận:', pad('- Sở GD&ĐT (b/c);', 'KT. TRƯỞNG PHÒNG'), pad('- Lưu: VT.', 'PHÓ TRƯỞNG PHÒNG'), pad('', 'Trần Thị Hoa')].join('\n')],
    ['the name beside the last recipient', [pad('Nơi nhận:', 'TRƯỞNG PHÒNG'), '- Sở GD&ĐT (b/c);', pad('- Lưu: VT.', 'Trần Thị Hoa')].join('\n')],
    ['stacked', ['Nơi nhận:', '- Sở GD&ĐT (b/c);', '- Lưu: VT.', '', 'TRƯỞNG PHÒNG', '', 'Trần Thị Hoa'].join('\n')],
    // A copy marks the signature "(Đã ký)" beside the last recipient; the name is on the line below.
    ['"(Đã ký)" beside the last recipient', [pad('Nơi nhận:', 'TRƯỞNG PHÒNG'), '- Sở GD&ĐT (b/c);', pad('- Lưu: VT.', '(Đã ký)'), pad('', 'Trần Thị Hoa')].join('\n')],
  ];
  for (const [shape, closing] of shapes) {
    it(`reads the signer and the recipients (${shape})`, async () => {
      const result = await lintText(`${body}${closing}\n`, { filePath: 'plan.txt' });
      const signer = result.document.signer;
      expect([signer?.onBehalfOf ?? signer?.title, signer?.name]).toEqual(['TRƯỞNG PHÒNG', 'Trần Thị Hoa']);
      expect(result.document.recipients?.entries.map((entry) => entry.text)).toEqual(['Sở GD&ĐT (b/c);', 'Lưu: VT.']);
      expect(result.diagnostics.filter((d) => d.ruleId === 'signature' || d.ruleId === 'recipients').map(brief)).toEqual([]);
    });
  }
});

describe('a two-column header as a text export writes it', () => {
  // The issuer beside the Quốc hiệu and the symbol beside the place and date (pdftotext -layout),
  // then a title the export left unpunctuated and the legal basis, double-spaced and wrapped at 70
  // columns, as a PDF's text comes: the same header facts as the stacked form.
  const pad = (left: string, right: string) => `${left}${' '.repeat(Math.max(6, 40 - left.length))}${right}`;
  const header = {
    'two columns': [
      pad('SỞ GIÁO DỤC VÀ ĐÀO TẠO PHÚ THỌ', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'),
      pad('   TRƯỜNG THPT LONG CHÂU SA', 'Độc lập - Tự do - Hạnh phúc'),
      '',
      pad('  Số: 34/KH-THPTLCS', 'Lâm Thao, ngày 20 tháng 8 năm 2026'),
    ],
    stacked: ['SỞ GIÁO DỤC VÀ ĐÀO TẠO PHÚ THỌ', 'TRƯỜNG THPT LONG CHÂU SA', 'Số: 34/KH-THPTLCS', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Lâm Thao, ngày 20 tháng 8 năm 2026'],
  };
  const rest = [
    '',
    '                                KẾ HOẠCH',
    '',
    '  Công tác phòng cháy, chữa cháy và cứu nạn, cứu hộ năm học 2026-2027',
    '',
    'Căn cứ Luật Phòng cháy, chữa cháy và cứu nạn, cứu hộ số 55/2024/QH15',
    '',
    'ngày 29/11/2024 của Quốc hội;',
    '',
    'I. KINH PHÍ',
    '',
    'Nhà trường sử dụng kinh phí chi thường xuyên được giao năm 2026 của nhà',
    '',
    'trường.',
  ];
  for (const [shape, lines] of Object.entries(header)) {
    it(`reads the issuer, symbol, place, date, title and year (${shape})`, async () => {
      const result = await lintText(`${[...lines, ...rest].join('\n')}\n`, { filePath: 'plan.txt' });
      const { issuingBody, symbol, place, date, title, year } = result.document.metadata;
      expect([issuingBody?.text, symbol?.text, place?.text, date?.iso, title?.text, year]).toEqual([
        'TRƯỜNG THPT LONG CHÂU SA',
        '34/KH-THPTLCS',
        'Lâm Thao',
        '2026-08-20',
        'Công tác phòng cháy, chữa cháy và cứu nạn, cứu hộ năm học 2026-2027',
        2026,
      ]);
      expect(result.diagnostics.filter((d) => d.ruleId === 'year-consistency').map(brief)).toEqual([]);
    });
  }
});

describe("the plan's year is the year its title names", () => {
  // A Sở issues its plan for 2026 on 20/12/2025: the 2026 budget and action month are right.
  const plan = (title: string, budgetYear: number) => `SỞ GIÁO DỤC VÀ ĐÀO TẠO

Số: 2150/KH-SGDĐT

Quảng Nam, ngày 20 tháng 12 năm 2025

KẾ HOẠCH
${title}

I. NHIỆM VỤ

Tổ chức Tháng hành động vì bình đẳng giới năm 2026 từ ngày 15/11/2026 đến ngày 15/12/2026.

II. KINH PHÍ

Kinh phí thực hiện từ nguồn ngân sách nhà nước giao năm ${budgetYear}.
`;
  const years = async (text: string) => (await found(text, 'year-consistency')).map((d) => `${d.messageId} ${d.data?.year} ${d.data?.planYear}`);
  it('a plan issued in December for the next year: its years are that year', async () => {
    expect(await years(plan('Thực hiện công tác bình đẳng giới năm 2026', 2026))).toEqual([]);
    expect(await years(plan('Thực hiện công tác bình đẳng giới năm 2026', 2025))).toEqual(['budgetYear 2025 2026']);
    const result = await lintText(plan('Thực hiện công tác bình đẳng giới năm 2026', 2026), { filePath: 'plan.txt' });
    expect(result.facts.metadata.year).toBe(2026);
  });
  it('a school-year plan may use the budgets of both its years, and no other', async () => {
    // Issued in September 2025 for the school year 2025-2026: the action month is in 2025.
    const september = (title: string, budget: string) =>
      plan(title, 0).replace('ngày 20 tháng 12 năm 2025', 'ngày 05 tháng 9 năm 2025').replaceAll('/2026', '/2025').replace('năm 2026 từ', 'năm 2025 từ').replace('giao năm 0', `giao ${budget}`);
    const title = 'Thực hiện công tác bình đẳng giới năm học 2025-2026';
    expect(await years(september(title, 'năm 2025 và năm 2026'))).toEqual([]);
    expect(await years(september(title, 'năm 2026'))).toEqual([]);
    expect(await years(september(title, 'năm 2027'))).toEqual(['budgetYear 2027 2025']);
    // Not a school year: a period of two years.
    expect(await years(september('Thực hiện công tác bình đẳng giới giai đoạn 2025-2026', 'năm 2026'))).toEqual(['budgetYear 2026 2025']);
  });
  it('a title naming last year (copied and not updated) is reported, with the edit to the plan\'s year as a suggestion', async () => {
    // Issued 20/12/2025, its action month in 2025: a title naming 2024 is last year's; 2026 a plan made ahead.
    const sameYear = (title: string) => plan(title, 2025).replaceAll('2026', '2025');
    expect(await years(sameYear('Thực hiện công tác bình đẳng giới năm 2024'))).toEqual(['titleYear 2024 2025']);
    expect(await years(sameYear('Thực hiện công tác bình đẳng giới năm 2025'))).toEqual([]);
    expect(await years(sameYear('Thực hiện công tác bình đẳng giới năm 2027'))).toEqual(['titleYear 2027 2025']);
    const [finding] = await found(sameYear('Thực hiện công tác bình đẳng giới năm 2024'), 'year-consistency');
    expect(finding.position.start.line).toBe(8);
    expect(finding.suggestions?.map((suggestion) => suggestion.fix.text)).toEqual(['2025']);
    // Words in a table row, a Markdown heading or across a wrapped title say the same.
    const markdown = (await found(sameYear('Thực hiện công tác bình đẳng giới năm 2024').replace('KẾ HOẠCH\n', '# KẾ HOẠCH\n\n'), 'year-consistency', 'markdown')).map((d) => d.messageId);
    expect(markdown).toEqual(['titleYear']);
  });
  it('a title about reviewing a past year names it rightly: not reported', async () => {
    for (const title of ['Tổ chức Hội nghị tổng kết công tác bình đẳng giới năm 2024', 'Sơ kết, đánh giá kết quả thực hiện công tác bình đẳng giới năm 2024', 'Báo cáo kết quả công tác bình đẳng giới năm 2024']) {
      expect(await years(plan(title, 2025).replaceAll('2026', '2025')), title).toEqual([]);
    }
  });
  it('a school year, a period or a horizon in the title leaves the year of the date', async () => {
    for (const title of ['Công tác bình đẳng giới năm học 2025 - 2026', 'Thực hiện Chiến lược giai đoạn 2021 - 2030', 'Truyền thông về bình đẳng giới đến năm 2030']) {
      const result = await lintText(plan(title, 2025), { filePath: 'plan.txt' });
      expect(result.facts.metadata.year, title).toBe(2025);
    }
  });
});

describe('the closing is the "Nơi nhận:" that closes the plan', () => {
  it('a table whose first column is "Nơi nhận" does not end the plan early', async () => {
    const text = `# KẾ HOẠCH

## I. NHIỆM VỤ

| Nơi nhận | Báo cáo | Thời hạn |
| --- | --- | --- |
| Phòng GD&ĐT | Báo cáo 6 tháng | Trước ngày 01/6/2026 |

## II. KINH PHÍ

Từ nguồn kinh phí chi thường xuyên năm 2026 của nhà trường.

## III. TỔ CHỨC THỰC HIỆN

Hiệu trưởng chỉ đạo chung.

Nơi nhận:
- Phòng GD&ĐT;
- Lưu: VT.

HIỆU TRƯỞNG

Võ Thị Lan
`;
    const result = await lintText(text, { filePath: 'plan.md' });
    expect(result.document.sections.map((section) => section.title)).toEqual(['NHIỆM VỤ', 'KINH PHÍ', 'TỔ CHỨC THỰC HIỆN']);
    expect(result.document.recipients?.entries.map((entry) => entry.text)).toEqual(['Phòng GD&ĐT;', 'Lưu: VT.']);
    expect(result.diagnostics.filter((d) => ['budget-declared', 'recipients', 'roles-declared'].includes(d.ruleId)).map(brief)).toEqual([]);
  });
});

describe('recipients written on the line of "Nơi nhận:"', () => {
  // One Word paragraph with the list typed inline (or a converter that joined the lines).
  for (const [shape, closing] of [
    ['one line', 'Nơi nhận: - Sở GD&ĐT (b/c); - UBND tỉnh (b/c); - Lưu: VT, TCCB.'],
    ['one line, no space after the colon', 'Nơi nhận:- Sở GD&ĐT (b/c); - UBND tỉnh (b/c); - Lưu: VT, TCCB.'],
    ['lines', 'Nơi nhận:\n- Sở GD&ĐT (b/c);\n- UBND tỉnh (b/c);\n- Lưu: VT, TCCB.'],
  ]) {
    it(`reads each entry (${shape})`, async () => {
      const result = await lintText(`Trên đây là Kế hoạch./.\n\n${closing}\n\nGIÁM ĐỐC\n\nPhan Văn Bình\n`, { filePath: 'plan.md' });
      expect(result.document.recipients?.entries.map((entry) => entry.text)).toEqual(['Sở GD&ĐT (b/c);', 'UBND tỉnh (b/c);', 'Lưu: VT, TCCB.']);
      expect(result.diagnostics.filter((d) => d.ruleId === 'recipients').map(brief)).toEqual([]);
    });
  }
});

describe('budget-declared reads a budget category as the source', () => {
  const plan = (budget: string) => `KẾ HOẠCH\nThực hiện công tác bình đẳng giới năm 2026\n\nI. NHIỆM VỤ\nTuyên truyền về bình đẳng giới.\n\nII. KINH PHÍ\n${budget}\n\nIII. TỔ CHỨC THỰC HIỆN\nHiệu trưởng chỉ đạo chung.\n`;
  for (const budget of ['Nguồn chi thường xuyên năm 2026.', 'Từ chi sự nghiệp giáo dục năm 2026 của nhà trường.', 'Kinh phí chi thường xuyên của đơn vị.', 'Ngân sách nhà nước giao năm 2026.']) {
    it(`names a source: "${budget}"`, async () => {
      expect((await found(plan(budget), 'budget-declared')).map(brief)).toEqual([]);
    });
  }
  it('a budget section that names no source is still reported', async () => {
    expect((await found(plan('Theo thực tế phát sinh.'), 'budget-declared')).map((d) => d.messageId)).toEqual(['noSource']);
  });
});

describe('budget-declared: a budget section, not an item that mentions kinh phí', () => {
  const plan = (budget: string) =>
    `TRƯỜNG THCS A\nSố: 12/KH-THCS\nA, ngày 05 tháng 3 năm 2027\n\nKẾ HOẠCH\nCông tác bình đẳng giới năm 2027\n\nI. MỤC ĐÍCH, YÊU CẦU\nNâng cao nhận thức.\n\nII. NHIỆM VỤ\nTuyên truyền.\n\n${budget}IV. TỔ CHỨC THỰC HIỆN\n1. Hiệu trưởng chỉ đạo chung.\n2. Kế toán lập dự toán, thanh quyết toán kinh phí theo quy định.\n`;
  it('an item of TỔ CHỨC THỰC HIỆN that names kinh phí in a sentence is no budget section', async () => {
    expect((await found(plan(''), 'budget-declared')).map(brief)).toEqual(['6 missing']);
  });
  it('a KINH PHÍ heading is, and so is a numbered heading without a full stop', async () => {
    expect(await found(plan('III. KINH PHÍ\nTừ nguồn ngân sách năm 2027.\n\n'), 'budget-declared')).toEqual([]);
    expect(await found(plan('III. Kinh phí thực hiện\nTừ nguồn ngân sách năm 2027.\n\n'), 'budget-declared')).toEqual([]);
  });
});

describe('signature: a deputy signs for the head (KT.)', () => {
  // The signature's lines a paragraph each, as Word writes them.
  const closing = (...lines: string[]) => `KẾ HOẠCH\nCông tác bình đẳng giới năm 2027\n\nI. TỔ CHỨC THỰC HIỆN\nCác bộ phận thực hiện.\n\nNơi nhận:\n- Lưu: VT.\n\n${lines.filter(Boolean).join('\n\n')}\n`;
  const messages = async (...lines: string[]) => (await found(closing(...lines), 'signature')).map((d) => `${d.messageId} ${d.data?.deputyTitle ?? ''}`.trim());
  it('`KT. X` then `PHÓ X` (words after it allowed, emphasis or not) is right; another title is reported', async () => {
    expect(await messages('KT. HIỆU TRƯỞNG', 'PHÓ HIỆU TRƯỞNG', '', 'Trần Thu Hà')).toEqual([]);
    expect(await messages('KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', '', 'Lê Văn Nam')).toEqual([]);
    expect(await messages('TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', '', 'Lò Văn Sơn')).toEqual([]);
    expect(await messages('KT. HIỆU TRƯỞNG', 'PHÓ GIÁM ĐỐC', '', 'Trần Thu Hà')).toEqual(['notDeputy PHÓ HIỆU TRƯỞNG']);
    expect(await messages('KT. TRƯỞNG PHÒNG', 'PHÓ HIỆU TRƯỞNG', '', 'Trần Thu Hà')).toEqual(['notDeputy PHÓ TRƯỞNG PHÒNG']);
  });
  it('the head signing, or a title not right under the KT. line, is not judged so', async () => {
    expect(await messages('HIỆU TRƯỞNG', '', 'Trần Thu Hà')).toEqual([]);
    expect(await messages('TL. GIÁM ĐỐC', 'CHÁNH VĂN PHÒNG', '', 'Lê Văn Nam')).toEqual([]);
  });
});

describe('duplicate-word: items of a list that share words', () => {
  it('a word ending before the first, or running past the second, makes them two items; a whole phrase again is a slip', async () => {
    expect(await found('Dạy ở các trường trung học phổ thông, phổ thông dân tộc nội trú.\n', 'duplicate-word')).toEqual([]);
    expect(await found('Lồng ghép giáo dục giới, giáo dục giới tính trong hoạt động trải nghiệm.\n', 'duplicate-word')).toEqual([]);
    expect((await found('Gửi về các đơn vị, đơn vị, trường học.\n', 'duplicate-word')).map((d) => d.data?.phrase)).toEqual(['đơn vị']);
    expect((await found('Tham mưu, đề xuất, đề xuất các vấn đề trọng tâm.\n', 'duplicate-word')).map((d) => d.data?.phrase)).toEqual(['đề xuất']);
  });
});

describe('a plan that amends another', () => {
  const amending = (title: string) => `SỞ GIÁO DỤC VÀ ĐÀO TẠO\nSố: 201/KH-SGDĐT\nQuảng Ngãi, ngày 27 tháng 5 năm 2027\n\nKẾ HOẠCH\n${title}\n\nI. LÝ DO ĐIỀU CHỈNH\nThời hạn chưa phù hợp.\n\nII. NỘI DUNG ĐIỀU CHỈNH\nSửa thời hạn báo cáo năm 2027 thành trước ngày 18/12/2027.\nThời hạn gửi báo cáo năm 2027 trước đây là ngày 05/12/2027, nay không còn áp dụng.\n`;
  it('states only what it changes: no section, budget or roles of the plan it amends is asked of it', async () => {
    const result = await lintText(amending('Điều chỉnh, bổ sung Kế hoạch số 52/KH-SGDĐT ngày 08/3/2027 của Sở Giáo dục và Đào tạo'), { filePath: 'plan.txt' });
    expect(result.facts.metadata.amends).toBe('52/KH-SGDĐT');
    expect(result.diagnostics.map((d) => d.ruleId).filter((id) => ['required-sections', 'budget-declared', 'roles-declared', 'report-deadlines'].includes(id))).toEqual([]);
  });
  it('a plan on its own is asked them all', async () => {
    const result = await lintText(amending('Thực hiện công tác bình đẳng giới năm 2027'), { filePath: 'plan.txt' });
    expect(result.facts.metadata.amends).toBeUndefined();
    expect([...new Set(result.diagnostics.map((d) => d.ruleId).filter((id) => ['required-sections', 'budget-declared', 'roles-declared'].includes(id)))].sort()).toEqual([
      'budget-declared',
      'required-sections',
      'roles-declared',
    ]);
  });
  it('the date it replaces is no deadline', async () => {
    const result = await lintText(amending('Điều chỉnh Kế hoạch số 52/KH-SGDĐT'), { filePath: 'plan.txt' });
    expect(result.document.deadlines.map((deadline) => `${deadline.kind} ${deadline.due?.iso}`)).toEqual(['annual-report 2027-12-18']);
  });
});

describe('roles-declared: units as clerks shorten them', () => {
  it('HT, PHT, TPT Đội, BCH CĐ, TTCM and GV are units, as their full names are', async () => {
    const plan = (units: string[]) => `KẾ HOẠCH\nCông tác bình đẳng giới năm 2027\n\nI. TỔ CHỨC THỰC HIỆN\n${units.map((unit, k) => `${k + 1}. ${unit}: thực hiện.`).join('\n')}\n`;
    expect(await found(plan(['HT', 'PHT phụ trách chuyên môn', 'BCH CĐ', 'Giáo viên các lớp']), 'roles-declared')).toEqual([]);
    expect(await found(plan(['TPT Đội', 'TTCM', 'GV']), 'roles-declared')).toEqual([]);
    expect(await found(plan(['Giám đốc Trung tâm', 'Phó Giám đốc']), 'roles-declared')).toEqual([]);
    expect((await found(plan(['Bộ phận khác']), 'roles-declared')).map((d) => d.messageId)).toEqual(['noUnits']);
  });
});

describe('enumeration-sequence: one wrong numeral, one finding', () => {
  const numbered = (...markers: string[]) => `KẾ HOẠCH\nCông tác bình đẳng giới năm 2027\n\n${markers.map((marker, k) => `${marker} MỤC ${k + 1}\nNội dung.`).join('\n')}\n`;
  const messages = async (...markers: string[]) => (await found(numbered(...markers), 'enumeration-sequence')).map((d) => `${d.position.start.line} ${d.messageId}`);
  it('II. written twice: the repeat is reported, the IV. after it (right for the writer) is not', async () => {
    expect(await messages('I.', 'II.', 'II.', 'IV.', 'V.')).toEqual(['8 repeat']);
  });
  it('a skip is reported once, and numbering that goes on from it is not', async () => {
    expect(await messages('I.', 'II.', 'IV.', 'V.')).toEqual(['8 gap']);
    expect(await messages('I.', 'II.', 'II.', 'III.')).toEqual(['8 repeat']);
  });
});

describe('the topic under a title that names another', () => {
  const plan = (title: string) => `# KẾ HOẠCH\n\n${title}\n\n## I. MỤC ĐÍCH\n\nNâng cao hiểu biết.\n\n## II. NỘI DUNG GIÁO DỤC\n\n### 1. Sức khỏe sinh sản vị thành niên\n\nHọc sinh biết tự chăm sóc.\n\n### 2. Giới và bình đẳng giới\n\nHọc sinh hiểu về giới.\n`;
  it('a sub-heading naming bình đẳng giới is a point of that topic; under a generic title it still names the plan\'s', async () => {
    const topic = async (title: string) => (await lintText(plan(title), { filePath: 'plan.md' })).facts.topic.id;
    expect(await topic('Giáo dục giới tính và sức khỏe sinh sản vị thành niên năm học 2027-2028')).toBe('other');
    expect(await topic('Thực hiện công tác năm 2027')).toBe('binh-dang-gioi');
    expect(await topic('Thực hiện công tác bình đẳng giới năm 2027')).toBe('binh-dang-gioi');
  });
});

describe('budget-declared: a union\'s own funds', () => {
  it('tài chính công đoàn and kinh phí công đoàn are funding sources, as ngân sách is', async () => {
    const plan = (source: string) => `KẾ HOẠCH\nCông tác bình đẳng giới năm 2027\n\nI. KINH PHÍ\n${source}\n`;
    expect(await found(plan('Từ nguồn tài chính công đoàn cơ sở năm 2027, dự kiến 4.000.000 đồng.'), 'budget-declared')).toEqual([]);
    expect(await found(plan('Từ kinh phí công đoàn cơ sở năm 2027.'), 'budget-declared')).toEqual([]);
    expect((await found(plan('Các bộ phận chủ động thực hiện.'), 'budget-declared')).length).toBe(1);
  });
});

describe('deadline-before-parent: a month in a schedule, the day in a sentence', () => {
  it('the day the plan gives stands for the month its schedule gives; a month alone is still compared', async () => {
    const parent = parsePlan('KẾ HOẠCH\nCông tác bình đẳng giới năm 2027\n\nI. TỔ CHỨC THỰC HIỆN\nCác trường gửi báo cáo 6 tháng trước ngày 12/6/2027.\n', { format: 'text' });
    const child = (sentence: string) =>
      `# KẾ HOẠCH\n\nCông tác bình đẳng giới năm 2027\n\n## I. TỔ CHỨC THỰC HIỆN\n\n| Nội dung | Thời gian |\n| --- | --- |\n| Báo cáo 6 tháng gửi Sở | Tháng 6/2027 |\n\n${sentence}\n`;
    const late = async (sentence: string) => (await lintText(child(sentence), { filePath: 'plan.md', parent })).diagnostics.filter((d) => d.ruleId === 'deadline-before-parent').length;
    expect(await late('Báo cáo 6 tháng gửi về Sở trước ngày 10/6/2027.')).toBe(0);
    expect(await late('Các bộ phận thực hiện đúng tiến độ.')).toBe(1);
  });
});

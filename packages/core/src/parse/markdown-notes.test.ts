// What a Markdown plan shows its reader, and what it does not: a link reference definition is never
// shown (its title is no citation of the plan); a footnote explains or quotes (a deadline in it is the
// parent's or the Sở's, not the plan's own); responsibilities written as emphasised labels; a roles
// section named TRÁCH NHIỆM THỰC HIỆN.
import { describe, expect, it } from 'vitest';
import { parsePlan } from './index.js';

const plan = (...body: string[]) => parsePlan(['KẾ HOẠCH', 'Công tác bình đẳng giới năm 2027', '', ...body, ''].join('\n'), { format: 'markdown' });

describe('link reference definitions', () => {
  it('are no text: their title cites nothing', () => {
    const document = plan('Xem [Kế hoạch của Phòng][kh27].', '', '[kh27]: https://example.gov.vn/27-kh-vhxh.pdf "Kế hoạch 27/KH-VHXH"', "[nq28]: <https://example.gov.vn/nq28> 'Nghị quyết 28/NQ-CP'");
    expect(document.citations).toEqual([]);
  });

  it('a line that only looks like one (words after its destination) stays text', () => {
    const document = plan('[1]: Luật Bình đẳng giới số 73/2006/QH11 ngày 29/11/2006 của Quốc hội.');
    expect(document.citations.map((citation) => citation.symbol)).toEqual(['73/2006/QH11']);
  });
});

describe('footnotes', () => {
  const deadlines = (...body: string[]) => plan('# I. TỔ CHỨC THỰC HIỆN', '', ...body).deadlines.map((deadline) => `${deadline.kind} ${deadline.due?.iso}`);

  it('a deadline a footnote quotes is not the plan’s own; the same words in the body are', () => {
    const words = 'Các trường gửi báo cáo 6 tháng đầu năm trước ngày 10/6/2027.';
    expect(deadlines('Nhà trường gửi báo cáo đúng hạn.[^1]', '', `[^1]: ${words}`)).toEqual([]);
    expect(deadlines(words)).toEqual(['six-month-report 2027-06-10']);
  });

  it('a citation in a footnote is still a citation', () => {
    expect(plan('Căn cứ Luật Bình đẳng giới[^1];', '', '[^1]: Luật Bình đẳng giới số 73/2006/QH11 ngày 29/11/2006 của Quốc hội.').citations).toHaveLength(1);
  });
});

describe('who does what', () => {
  const units = (...body: string[]) => plan(...body).responsibilities.map((role) => role.unit);

  it('under TRÁCH NHIỆM THỰC HIỆN, as under TỔ CHỨC THỰC HIỆN', () => {
    for (const heading of ['# IV. TRÁCH NHIỆM THỰC HIỆN', '# IV. TỔ CHỨC THỰC HIỆN', '**IV. TRÁCH NHIỆM CỦA CÁC BỘ PHẬN**']) {
      expect(units(heading, '', '1. Hiệu trưởng: chỉ đạo chung.', '2. Tổ chuyên môn: lồng ghép nội dung giới.')).toEqual(['Hiệu trưởng', 'Tổ chuyên môn']);
    }
  });

  it('a task that speaks of responsibility names no such section', () => {
    const document = plan('# I. NHIỆM VỤ', '', '## 1. Nâng cao trách nhiệm của cán bộ, giáo viên', '', 'Tuyên truyền.');
    expect(document.sections[0].children.filter((node) => node.type === 'section').map((node) => node.type === 'section' && node.kind)).toEqual(['other']);
  });

  it('emphasised labels, each a paragraph of its own, as a list of labelled items says', () => {
    const asParagraphs = units('# IV. TỔ CHỨC THỰC HIỆN', '', '**Hiệu trưởng:** chỉ đạo chung.', '', '*Tổ chuyên môn*: lồng ghép nội dung giới.', '', '__Công đoàn cơ sở:__ phối hợp.');
    const asList = units('# IV. TỔ CHỨC THỰC HIỆN', '', '- Hiệu trưởng: chỉ đạo chung.', '- Tổ chuyên môn: lồng ghép nội dung giới.', '- Công đoàn cơ sở: phối hợp.');
    expect(asParagraphs).toEqual(['Hiệu trưởng', 'Tổ chuyên môn', 'Công đoàn cơ sở']);
    expect(asParagraphs).toEqual(asList);
  });

  it('the number typed in bold with its label (`**4.1. Hiệu trưởng:**`); a topic in bold (`**Chế độ báo cáo:**`) is no unit', () => {
    const numbered = units('# IV. TỔ CHỨC THỰC HIỆN', '', '**1. Hiệu trưởng:** chỉ đạo chung.', '', '**4.2. Tổ chuyên môn:** lồng ghép nội dung giới.', '', '**4.3. Chế độ báo cáo:** gửi báo cáo đúng hạn.');
    expect(numbered).toEqual(['Hiệu trưởng', 'Tổ chuyên môn']);
  });

  it('a plain paragraph with a colon is no unit', () => {
    expect(units('# IV. TỔ CHỨC THỰC HIỆN', '', 'Nhà trường yêu cầu: các bộ phận thực hiện nghiêm túc.')).toEqual([]);
  });
});

describe('headings as converters and editors write them', () => {
  const kinds = (...lines: string[]) => parsePlan(['KẾ HOẠCH', 'Công tác bình đẳng giới năm 2027', '', ...lines, ''].join('\n'), { format: 'markdown' }).sections.map((section) => `${section.numbering?.raw} ${section.kind} ${section.title}`);
  it('attributes (`{#muc-1}`, `{#id .class}`) are no text of a heading or of the title over its `===`', () => {
    expect(kinds('## I. MỤC ĐÍCH, YÊU CẦU {#muc-1}', '', 'Nâng cao nhận thức.')).toEqual(kinds('## I. MỤC ĐÍCH, YÊU CẦU', '', 'Nâng cao nhận thức.'));
    const titled = parsePlan(['KẾ HOẠCH {#ke-hoach .tieu-de}', '========', '', '**Thực hiện công tác bình đẳng giới năm 2027**', ''].join('\n'), { format: 'markdown' });
    expect([titled.metadata.docType?.text, titled.metadata.title?.text]).toEqual(['KẾ HOẠCH', 'Thực hiện công tác bình đẳng giới năm 2027']);
  });
  it('an emoji before a heading’s number (Notion) leaves the number and the kind', () => {
    expect(kinds('## 👥 IV. TỔ CHỨC THỰC HIỆN', '', '- Hiệu trưởng: chỉ đạo.')).toEqual(['IV. organisation TỔ CHỨC THỰC HIỆN']);
  });
});

describe('signers and roles as people write them', () => {
  it('a name with an apostrophe (H’Lan Niê, Y’Đhăm) is the signer’s name', () => {
    for (const name of ["H'Lan Niê", 'Ksor H’Bia', 'Nguyễn Thị Lan']) {
      const document = parsePlan(['KẾ HOẠCH', 'Công tác năm 2027', '', 'Nơi nhận:', '- Lưu: VT.', '', 'HIỆU TRƯỞNG', '', name, ''].join('\n'), { format: 'markdown' });
      expect(document.signer?.name).toBe(name);
    }
  });
});

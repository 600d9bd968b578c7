// pandoc's own Markdown of a Word plan (`pandoc plan.docx -o plan.md`) drops the numbers of Word's
// numbered Heading styles and writes a paragraph indented past its list item as `> ` lines.
import { describe, expect, it } from 'vitest';
import { parsePlan } from './index.js';

const sections = (text: string) => parsePlan(text, { format: 'markdown' }).sections.map((section) => `${section.kind} ${section.title}`);

describe('headings without their numbers', () => {
  const body = ['# MỤC ĐÍCH, YÊU CẦU', '', 'Nâng cao nhận thức.', '', '# NHIỆM VỤ, GIẢI PHÁP', '', '## Tuyên truyền', '', 'Tuyên truyền.', '', '# TỔ CHỨC THỰC HIỆN', '', 'Các bộ phận thực hiện.', ''];

  it('open the body after the title and the legal basis', () => {
    const plan = ['UBND XÃ A', '', '**KẾ HOẠCH**', '', '**Thực hiện công tác bình đẳng giới năm 2026**', '', 'Căn cứ Luật Bình đẳng giới;', '', ...body].join('\n');
    expect(sections(plan)).toEqual(['purpose MỤC ĐÍCH, YÊU CẦU', 'tasks NHIỆM VỤ, GIẢI PHÁP', 'organisation TỔ CHỨC THỰC HIỆN']);
  });

  it('a title written as headings stays the title, even when it names a part of a plan', () => {
    const plan = ['# KẾ HOẠCH', '', '## Tổ chức thực hiện công tác bình đẳng giới năm 2026', '', 'Căn cứ Luật Bình đẳng giới;', '', ...body].join('\n');
    const document = parsePlan(plan, { format: 'markdown' });
    expect(document.metadata.title?.text).toBe('Tổ chức thực hiện công tác bình đẳng giới năm 2026');
    expect(sections(plan)).toEqual(['purpose MỤC ĐÍCH, YÊU CẦU', 'tasks NHIỆM VỤ, GIẢI PHÁP', 'organisation TỔ CHỨC THỰC HIỆN']);
  });

  it('a heading that names no part of a plan does not open the body', () => {
    const plan = ['# KẾ HOẠCH', '', 'Căn cứ Luật Bình đẳng giới;', '', '# Lời mở đầu', '', 'Nội dung.', '', '# I. MỤC ĐÍCH', '', 'Nâng cao.', ''].join('\n');
    expect(sections(plan)).toEqual(['purpose MỤC ĐÍCH']);
  });
});

describe('a `> ` line right under a wrapped line', () => {
  const month = (lines: string[]) => parsePlan(['# KẾ HOẠCH', '', 'Căn cứ Luật;', '', '1.  Hưởng ứng Tháng hành động vì bình đẳng giới năm 2026 (15/11/2026 --', ...lines, ''].join('\n'), { format: 'markdown' }).actionMonths.map((mention) => mention.range?.raw ?? 'none');

  it('continues it', () => {
    expect(month(['    > 15/12/2026).'])).toEqual(['15/11/2026 -- 15/12/2026']);
  });

  it('a quote after a blank line is a quote of its own', () => {
    expect(month(['', '    > 15/12/2026).'])).toEqual(['none']);
  });
});

describe('a section that mentions an appendix', () => {
  it('is of its own kind; only a title that starts with PHỤ LỤC is an appendix', () => {
    const plan = ['# KẾ HOẠCH', '', 'Căn cứ Luật;', '', '# I. NỘI DUNG', '', '## 3. Lịch thực hiện (theo Phụ lục kèm theo)', '', 'Theo lịch.', '', '# PHỤ LỤC', '', 'Lịch.', ''].join('\n');
    expect(sections(plan)).toEqual(['tasks NỘI DUNG', 'appendix PHỤ LỤC']);
    expect(parsePlan(plan, { format: 'markdown' }).sections[0].children.filter((node) => node.type === 'section').map((node) => node.type === 'section' && node.kind)).toEqual(['other']);
  });
});

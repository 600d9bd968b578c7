// Markdown from Word through pandoc escapes the numbering that would otherwise make a list (`I\.`,
// `a\)`, `\-`): a plan so written gives the facts and findings of the same plan without escapes, at
// the places of the file as written, and its fixes edit the file as written.
import { describe, expect, it } from 'vitest';
import { applyFixes } from '../fix/apply-fixes.js';
import { lintText } from '../lint.js';
import { parsePlan } from '../parse/index.js';
import { createSourceText } from './source-text.js';
import { withoutMarkdownEscapes } from './markdown-escapes.js';

const plain = [
  '# KẾ HOẠCH',
  '',
  'Công tác bình đẳng giới năm 2026',
  '',
  '**I. MỤC ĐÍCH, YÊU CẦU**',
  '',
  'Nâng cao nhận thức của của cán bộ.',
  '',
  '**II. NHIỆM VỤ**',
  '',
  'a) Tuyên truyền;',
  '',
  'b) Tổ chức Tháng hành động vì bình đẳng giới từ 15/11 đến 15/12/2026.',
  '',
  '**III. KINH PHÍ**',
  '',
  'Nguồn ngân sách chi thường xuyên năm 2026.',
  '',
  'Nơi nhận:',
  '',
  '- Phòng GD&ĐT;',
  '- Lưu: VT.',
  '',
].join('\n');
const escaped = plain.replace(/^\*\*([IV]+)\./gm, '**$1\\.').replace(/^([a-z])\)/gm, '$1\\)').replace(/^- /gm, '\\- ');

describe('Markdown backslash escapes', () => {
  it('are in the escaped plan (the test is about something)', () => {
    expect(escaped).toContain('**I\\. MỤC ĐÍCH');
    expect(escaped).toContain('a\\) Tuyên truyền');
    expect(escaped).toContain('\\- Lưu: VT.');
  });

  it('give the same sections, list items and recipients as the plan written without them', () => {
    const read = (text: string) => {
      const document = parsePlan(text, { format: 'markdown' });
      return {
        sections: document.sections.map((section) => `${section.numbering?.raw} ${section.title} ${section.kind}`),
        recipients: document.recipients?.entries.map((entry) => entry.text),
        actionMonths: document.actionMonths.length,
      };
    };
    expect(read(escaped)).toEqual(read(plain));
  });

  it('give the same findings, at the columns of the file as written', async () => {
    const findings = async (text: string) =>
      (await lintText(text, { filePath: 'plan.md' })).diagnostics.map((d) => `${d.ruleId} ${d.position.start.line}:${d.position.start.column}-${d.position.end.column}`);
    const atPlain = await findings(plain);
    expect(atPlain).toContain('duplicate-word 7:24-27');
    // Each at the same start; a range over an escape (the closing's last line) ends one column later.
    const starts = (list: string[]) => list.map((finding) => finding.replace(/-\d+$/, ''));
    expect(starts(await findings(escaped))).toEqual(starts(atPlain));
    // On a line after an escape, the columns are the file's: one more for the backslash.
    const shifted = await findings(escaped.replace('Nâng cao', 'a\\) Nâng cao'));
    expect(shifted).toContain('duplicate-word 7:28-31');
  });

  it('fix the file as written', async () => {
    const text = escaped.replace('Nâng cao', 'a\\) Nâng cao');
    const result = await lintText(text, { filePath: 'plan.md' });
    const fixes = result.diagnostics.flatMap((d) => (d.ruleId === 'duplicate-word' && d.fix ? [d.fix] : []));
    expect(fixes).toHaveLength(1);
    expect(applyFixes(text, fixes).output.split('\n')[6]).toBe('a\\) Nâng cao nhận thức của cán bộ.');
  });

  it('leave a pipe, emphasis, code and a heading escaped, and a source without escapes as it is', () => {
    const source = createSourceText('a \\| b \\* c \\_ d \\` e \\# f \\. g');
    expect(withoutMarkdownEscapes(source).text).toBe('a \\| b \\* c \\_ d \\` e \\# f . g');
    const none = createSourceText('Không có dấu gạch chéo ngược.');
    expect(withoutMarkdownEscapes(none)).toBe(none);
  });
});

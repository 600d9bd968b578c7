import { describe, expect, it } from 'vitest';
import { derivePackText } from './commands/derive-pack-command.js';
import { planFormat, showAstText } from './commands/show-ast.js';

const plan = [
  'Số: 21/KH-PGDĐT',
  '',
  'Quế Sơn, ngày 10 tháng 3 năm 2024',
  '',
  '# KẾ HOẠCH',
  '',
  'Triển khai công tác bình đẳng giới năm 2024',
  '',
  'Thực hiện Nghị quyết số 28/NQ-CP ngày 03/3/2021 của Chính phủ ban hành Chiến lược quốc gia về bình đẳng giới;',
  '',
  '## I. MỤC ĐÍCH, YÊU CẦU',
  '',
  '### 1. Mục đích',
  '',
  '- Nâng cao nhận thức.',
  '',
  '## II. TỔ CHỨC THỰC HIỆN',
  '',
  '- Các trường nộp kế hoạch về Phòng GDĐT trước ngày 25/3/2024.',
  '- Báo cáo 6 tháng trước ngày 05/6/2024.',
  '',
].join('\n');

describe('show the parsed outline and AST', () => {
  it('picks the parser front end from the language, then the extension', () => {
    expect(planFormat('/a/plan.txt', 'markdown')).toBe('markdown');
    expect(planFormat('/a/plan.md', 'plaintext')).toBe('markdown');
    expect(planFormat('/a/plan.txt', 'plaintext')).toBe('text');
  });

  it('shows metadata, the nested outline with kinds and lines, citations and the AST JSON', () => {
    const view = showAstText('/ws/ke-hoach.md', plan, 'markdown');
    expect(view.split('\n')[0]).toBe('# plan-lint: ke-hoach.md');
    expect(view).toContain('- symbol: 21/KH-PGDĐT');
    expect(view).toContain('- date: 2024-03-10');
    expect(view).toMatch(/^- I\. MỤC ĐÍCH, YÊU CẦU — \*purpose\* \(L11:\d+\)$/m);
    expect(view).toMatch(/^  - 1\. Mục đích — \*purpose\* \(L13:\d+\)$/m);
    expect(view).toMatch(/^- II\. TỔ CHỨC THỰC HIỆN — \*organisation\* \(L17:\d+\)$/m);
    expect(view).toContain('- six-month-report: Báo cáo 6 tháng — before 2024-06-05');
    expect(view).toMatch(/- Nghị quyết 28\/NQ-CP ngày 2021-03-03 — legal basis \(L9:\d+\)/);
    const json = view.slice(view.indexOf('```json\n') + 8, view.lastIndexOf('\n```'));
    expect(JSON.parse(json)).toMatchObject({ type: 'document', format: 'markdown' });
  });
});

describe('derive a pack from a plan', () => {
  it('writes core\'s derived pack, named after the plan\'s symbol, with its number, date and deadlines', () => {
    const derived = derivePackText('/ws/pgd/ke-hoach.md', plan, 'markdown');
    expect(derived.fileName).toBe('parent-21-kh-pgddt.pack.json');
    const pack = JSON.parse(derived.text);
    expect(pack).toMatchObject({
      name: 'parent-21-kh-pgddt',
      version: '1.0.0',
      extends: ['recommended'],
      parent: { symbol: '21/KH-PGDĐT', date: '2024-03-10', year: 2024, deadlines: { sixMonthReport: '2024-06-04' } },
    });
    expect(pack.rules.map((rule: { id: string }) => rule.id)).toContain('deadline-before-parent');
    expect(derived.summary).toBe('pack parent-21-kh-pgddt carries 21/KH-PGDĐT of 2024-03-10 and 2 deadline(s).');
  });
});

import { describe, expect, it } from 'vitest';
import { packNameFromSymbol, derivePackJson } from './derive-pack.js';
import { planFormat, showAstText } from './commands/show-ast.js';
import { parsePlan, sourceFromString } from '@plan-lint/core';

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
  it('names the pack after the plan\'s symbol in ASCII', () => {
    expect(packNameFromSymbol('21/KH-PGDĐT', 'x')).toBe('kh-pgddt-21');
    expect(packNameFromSymbol('6830/KH-UBND', 'x')).toBe('kh-ubnd-6830');
    expect(packNameFromSymbol(undefined, 'Kế hoạch BĐG')).toBe('ke-hoach-bdg');
    expect(packNameFromSymbol('///', '')).toBe('derived-pack');
  });

  it('carries the plan\'s number, date and deadlines as parent facts', () => {
    const pack = derivePackJson(parsePlan(sourceFromString(plan), { format: 'markdown' }), 'ke-hoach.md');
    expect(pack).toMatchObject({
      name: 'kh-pgddt-21',
      version: '1.0.0',
      extends: ['recommended'],
      parent: { symbol: '21/KH-PGDĐT', date: '2024-03-10', year: 2024 },
    });
    expect(pack.parent?.deadlines?.sixMonthReport).toBe('2024-06-04');
  });
});

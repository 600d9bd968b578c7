// A school year (`năm học 2025-2026`) or a period (`giai đoạn 2021-2025`) is one range however it is
// written: with a hyphen or an en dash, with spaces or not, wrapped over lines by an export. Its last
// year is no year used on its own (yearsUsed) and no stray year of the budget (year-consistency).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { lintText } from '@plan-lint/core';
import { describe, expect, it } from 'vitest';
import { describeDiagnostics, parentOf, parseFile, projectFacts, SHAPES } from './shapes-support.js';

const FORMS = ['2025-2026', '2025 - 2026', '2025–2026', '2025 – 2026'];
// As a text export wraps them: the line broken after the dash, blank lines and a page number between.
const WRAPPED = ['2025-\n2026', '2025 –\n\n2026', '2025-\n\n-2-\n\n2026'];

function plan(schoolYear: string, budget: string): string {
  return [
    'TRƯỜNG THCS AN BÌNH',
    'Số: 15/KH-THCSAB',
    'An Bình, ngày 05 tháng 9 năm 2025',
    'KẾ HOẠCH',
    `Công tác bình đẳng giới năm 2025`,
    'I. MỤC ĐÍCH, YÊU CẦU',
    `Lồng ghép giáo dục giới vào các hoạt động giáo dục của nhà trường trong năm học ${schoolYear}.`,
    'II. KINH PHÍ',
    `Nhà trường bố trí từ nguồn chi thường xuyên năm học ${budget} và các nguồn hợp pháp khác.`,
    '',
  ].join('\n\n');
}

describe('a school year is one range, not two years', () => {
  for (const form of [...FORMS, ...WRAPPED]) {
    it(`năm học ${JSON.stringify(form)}: 2026 is no year used on its own, nor a stray budget year`, async () => {
      const result = await lintText(plan(form, form), { format: 'text' });
      expect(result.facts.metadata.year).toBe(2025);
      expect(result.facts.yearsUsed).toEqual([2025]);
      expect(result.diagnostics.filter((d) => d.ruleId === 'year-consistency').map((d) => d.message)).toEqual([]);
    });
  }

  it('a year after a dash that is no later year is still a year of its own', async () => {
    const result = await lintText(plan('2025-2026', '2025, 2027'), { format: 'text' });
    expect(result.facts.yearsUsed).toEqual([2025, 2027]);
    // 2027 in the budget is flagged: `2025, 2027` is no range.
    expect(result.diagnostics.filter((d) => d.ruleId === 'year-consistency').map((d) => `${d.position.start.line}:${d.position.start.column}`)).toEqual([
      '17:59',
    ]);
  });

  const file = path.join(SHAPES, 'compliant', 'th-vinh-hoa.list.md');
  const text = readFileSync(file, 'utf8');
  const closing = 'trong buổi tổng kết năm học.';
  it('has the school year to write into the compliant plan', () => {
    expect(text.split(closing)).toHaveLength(2);
  });
  for (const form of FORMS) {
    it(`th-vinh-hoa.list.md with "tổng kết năm học ${form}" keeps its facts and gives no finding`, async () => {
      const parent = await parseFile(await parentOf(file));
      const options = { filePath: file, format: 'markdown' as const, parent };
      const baseline = await lintText(text, options);
      const written = await lintText(text.replace(closing, `trong buổi tổng kết năm học ${form}.`), options);
      expect(projectFacts(written.facts)).toEqual(projectFacts(baseline.facts));
      expect(written.facts.yearsUsed).toEqual([...new Set([...baseline.facts.yearsUsed, 2025])].sort());
      expect(describeDiagnostics(written.diagnostics)).toBe('');
    });
  }
});

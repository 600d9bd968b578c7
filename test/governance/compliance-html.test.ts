import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatters, lintText, type ReportContext, type ReportFile } from '@plan-lint/core';
import { legalDocumentOf } from '../../packages/core/src/report/compliance-html.js';
import { COMPLIANT, SIGNATURE_DEFECT } from './support.js';

describe('HTML report: compliance by legal basis', () => {
  it('names the legal text of a basis line', () => {
    expect(legalDocumentOf('Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ, Phụ lục I, mục II.7')).toBe('Nghị định số 30/2020/NĐ-CP');
    expect(legalDocumentOf('Kế hoạch của cơ quan cấp trên (thời hạn nộp kế hoạch)')).toBe('Kế hoạch của cơ quan cấp trên');
  });

  it('groups the rules by legal text with the plans that passed and failed', async () => {
    const files: ReportFile[] = [];
    for (const filePath of [COMPLIANT, SIGNATURE_DEFECT]) {
      const result = await lintText(readFileSync(filePath, 'utf8'), { filePath, locale: 'en' });
      files.push({ filePath, diagnostics: result.diagnostics, governance: result.governance, text: result.source.original });
    }
    const context: ReportContext = { cwd: '/', rules: [], packs: [{ name: 'van-ban', version: '0.1.0', sha256: 'a'.repeat(64) }], version: '0.1.0', locale: 'en', now: new Date(0) };
    const html = formatters.html(files, context);
    const section = /<section id="compliance">[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
    expect(section).toContain('<h2>Compliance record by legal basis</h2>');
    const row = (ruleId: string) => new RegExp(`<td title="${ruleId}">${ruleId}</td><td class="count passed[ a-z]*">(\\d+)</td><td class="count failed[ a-z]*">(\\d+)</td>`).exec(section)?.slice(1);
    // The signature rule passed on the compliant plan and failed on the defect plan.
    expect(row('signature')).toEqual(['1', '1']);
    expect(row('recipients')).toEqual(['2', '0']);
    // A zero count is plain, not in the failure colour.
    expect(section).toMatch(/<td title="recipients">recipients<\/td><td class="count passed">2<\/td><td class="count failed zero">0<\/td>/);
    expect(section).toMatch(/<th scope="rowgroup" rowspan="\d+">Nghị định số 30\/2020\/NĐ-CP<\/th>/);
    expect(section).toContain(`<code>${'a'.repeat(64)}</code>`);
  });
});

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from '../lint.js';
import { loadPackFromFile } from './pack-loader.js';

// A Sở writes its own rule as data: the 6-month report of its schools is due by 04/6/2024 at the latest.
const sixMonthPack = {
  name: 'so-gddt-bao-cao',
  version: '1.0.0',
  rules: [
    {
      id: 'six-month-report-by-june',
      severity: 'error',
      messages: {
        late: { vi: 'Báo cáo 6 tháng phải xong trước 05/6/2024, không phải {due}.', en: 'The 6-month report is due before 05/6/2024, not {due}.' },
      },
      conditions: { all: [{ fact: 'deadlineByKind', path: '$.sixMonthReport', operator: 'dateAfter', value: '2024-06-04' }] },
      event: { params: { messageId: 'late', at: 'deadlineByKind.at.sixMonthReport', data: { due: 'deadlineByKind.sixMonthReport|date' } } },
    },
  ],
};

const plan = (deadline: string) =>
  ['KẾ HOẠCH', 'Công tác bình đẳng giới năm 2024', '', 'I. TỔ CHỨC THỰC HIỆN', `- Báo cáo 6 tháng trước ngày ${deadline}; Báo cáo năm trước ngày 10/12/2024.`, ''].join('\n');

describe('a pack written by hand over the facts', () => {
  it('validates, and its condition (dateAfter over deadlineByKind) decides', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'plan-lint-pack-'));
    const file = path.join(dir, 'pack.json');
    writeFileSync(file, JSON.stringify(sixMonthPack));
    const pack = await loadPackFromFile(file);
    const config = { baseDir: dir, packs: [pack], rules: {}, overrides: [] };
    const onTime = await lintText(plan('05/6/2024'), { filePath: 'a.txt', config });
    expect(onTime.diagnostics).toEqual([]);
    const late = await lintText(plan('10/6/2024'), { filePath: 'a.txt', config, locale: 'en' });
    expect(late.diagnostics.map((d) => [d.ruleId, d.position.start.line, d.message])).toEqual([
      ['six-month-report-by-june', 5, 'The 6-month report is due before 05/6/2024, not 09/06/2024.'],
    ]);
  });
});

// Word files made by real tools (fixtures/formats/word/make.sh: pandoc, then LibreOffice saving
// the same document again): automatic numbering and tables as those tools write them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lintSource, parsePlan } from '@plan-lint/core';
import { decodeDocx } from '../../packages/core/src/decode/docx.js';
import { repoRoot } from '../support/load-plan.js';

const EXPECTED = `# KẾ HOẠCH

Thực hiện công tác bình đẳng giới năm 2026

## I. NHIỆM VỤ

a) Tuyên truyền Luật Bình đẳng giới cho cán bộ, giáo viên.
b) Lồng ghép nội dung giới trong các môn học.
c) Tổ chức ngày Quốc tế Phụ nữ 8/3.
d) Hưởng ứng Tháng hành động vì bình đẳng giới từ ngày 15/11/2026 đến ngày 15/12/2026.
đ) Khen thưởng tập thể, cá nhân làm tốt.

## II. TỔ CHỨC THỰC HIỆN

1. Phân công nhiệm vụ

| Bộ phận | Nhiệm vụ |
| --- | --- |
| Hiệu trưởng | Chỉ đạo chung, kiểm tra việc thực hiện |
| Công đoàn cơ sở | Tổ chức các hoạt động ngày 8/3, 20/10 |

2. Chế độ báo cáo

| Loại báo cáo | Thời hạn gửi |
| --- | --- |
| Báo cáo sơ kết 6 tháng | trước ngày 29/5/2026 |
| Báo cáo tổng kết năm | trước ngày 05/12/2026 |
`;

const read = (name: string) => decodeDocx(readFileSync(`${repoRoot}fixtures/formats/word/${name}`), name);

describe.each(['automatic-lists.docx', 'automatic-lists.lo.docx'])('%s (pandoc fancy lists; LibreOffice round trip)', (name) => {
  it('converts the automatic a) b) c) d) đ) list to exactly those markers, and the tables to GFM tables', async () => {
    expect((await read(name)).text).toBe(EXPECTED);
  });

  it('enumeration-sequence gives nothing on it', async () => {
    const result = await lintSource(await read(name), { filePath: name });
    expect(result.diagnostics.filter((d) => d.ruleId === 'enumeration-sequence')).toEqual([]);
  });

  it('the table of roles and the table of deadlines reach the parser row by row; each deadline row binds its own report', async () => {
    const plan = parsePlan(await read(name), { format: 'markdown' });
    // The block grammar reads them as tables: one tableRow per row (the delimiter row is no row).
    type TreeNode = { type: string; position?: { start: { line: number } }; value?: string; children?: TreeNode[] };
    const textOf = (node: TreeNode): string => node.value ?? (node.children ?? []).map(textOf).join('');
    const rows = (node: TreeNode): string[] =>
      node.type === 'tableRow'
        ? [`${node.position!.start.line}: ${(node.children ?? []).map(textOf).join(' | ')}`]
        : (node.children ?? []).flatMap(rows);
    expect(rows(plan.tree as unknown as TreeNode)).toEqual([
      '17: Bộ phận | Nhiệm vụ',
      '19: Hiệu trưởng | Chỉ đạo chung, kiểm tra việc thực hiện',
      '20: Công đoàn cơ sở | Tổ chức các hoạt động ngày 8/3, 20/10',
      '24: Loại báo cáo | Thời hạn gửi',
      '26: Báo cáo sơ kết 6 tháng | trước ngày 29/5/2026',
      '27: Báo cáo tổng kết năm | trước ngày 05/12/2026',
    ]);
    expect(plan.deadlines.map((d) => `${d.kind} ${d.due?.iso} ${d.position!.start.line}`)).toEqual(['six-month-report 2026-05-29 26', 'annual-report 2026-12-05 27']);
  });
});

// Property: how a plan writes its report deadlines (a list, a Markdown table, one sentence; the
// date as 5/6/2026, 05/06/2026, 05-06-2026, 05.06.2026 or in words; the rows in any order) does not
// change what plan-lint reads from it. The plan is fixtures/shapes/compliant/th-vinh-hoa.list.md
// with its "Chế độ báo cáo" rewritten; the facts must be those the generator wrote, with no finding.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { lintText } from '@plan-lint/core';
import { describe, expect, it } from 'vitest';
import { describeDiagnostics, parentOf, parseFile, projectFacts, SHAPES } from './shapes-support.js';

const PLAN = path.join(SHAPES, 'compliant', 'th-vinh-hoa.list.md');
const text = readFileSync(PLAN, 'utf8');
const START = 'Nhà trường gửi báo cáo về Sở Giáo dục và Đào tạo đúng thời hạn:\n\n';
const END = 'Trên đây là kế hoạch';
const before = text.slice(0, text.indexOf(START) + START.length);
const after = text.slice(text.indexOf(END));

interface Report {
  kind: 'six-month-report' | 'annual-report';
  subject: string;
  /** ISO day the report is due before. */
  due: string;
  form: DateForm;
}
type DateForm = 'short' | 'padded' | 'official' | 'dashes' | 'dots' | 'words';

const SUBJECTS = {
  'six-month-report': ['Báo cáo sơ kết 6 tháng', 'Báo cáo 6 tháng đầu năm 2026', 'Báo cáo sơ kết 6 tháng đầu năm'],
  'annual-report': ['Báo cáo tổng kết năm', 'Báo cáo năm 2026', 'Báo cáo tổng kết năm 2026'],
} as const;

/** 5/6/2026, 05/06/2026, 05/6/2026 (Nghị định 30: zero before a day < 10 and months 1-2), 05-06-2026, 05.06.2026, ngày 05 tháng 6 năm 2026. */
function writeDate(iso: string, form: DateForm): string {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  const pad = (n: number) => String(n).padStart(2, '0');
  const officialMonth = month <= 2 ? pad(month) : String(month);
  switch (form) {
    case 'short':
      return `${day}/${month}/${year}`;
    case 'padded':
      return `${pad(day)}/${pad(month)}/${year}`;
    case 'official':
      return `${pad(day)}/${officialMonth}/${year}`;
    case 'dashes':
      return `${pad(day)}-${pad(month)}-${year}`;
    case 'dots':
      return `${pad(day)}.${pad(month)}.${year}`;
    case 'words':
      return `${pad(day)} tháng ${officialMonth} năm ${year}`;
  }
}

/** A day in [from, to] (ISO), as ISO. */
const dayBetween = (from: string, to: string) =>
  fc.integer({ min: Date.parse(from) / 86_400_000, max: Date.parse(to) / 86_400_000 }).map((n) => new Date(n * 86_400_000).toISOString().slice(0, 10));

const FORMS: DateForm[] = ['short', 'padded', 'official', 'dashes', 'dots', 'words'];
// Before the parent's deadlines (before 05/6/2026 and before 10/12/2026) so that nothing is late.
const report = (kind: Report['kind'], from: string, to: string) =>
  fc.record({ kind: fc.constant(kind), subject: fc.constantFrom(...SUBJECTS[kind]), due: dayBetween(from, to), form: fc.constantFrom(...FORMS) });

const writing = fc.record({
  reports: fc.tuple(report('six-month-report', '2026-05-01', '2026-06-05'), report('annual-report', '2026-11-01', '2026-12-10')),
  shape: fc.constantFrom('list', 'table', 'sentence'),
  swapped: fc.boolean(),
  header: fc.constantFrom('Thời hạn gửi', 'Thời hạn', 'Thời gian', 'Hạn nộp'),
});

function rewrite({ reports, shape, swapped, header }: { reports: [Report, Report]; shape: string; swapped: boolean; header: string }): string {
  const rows = swapped ? [reports[1], reports[0]] : reports;
  if (shape === 'list') {
    return rows.map((r, i) => `- ${r.subject}: gửi trước ngày ${writeDate(r.due, r.form)}${i === rows.length - 1 ? '.' : ';'}\n`).join('') + '\n';
  }
  if (shape === 'table') {
    return `| Loại báo cáo | ${header} |\n|---|---|\n` + rows.map((r) => `| ${r.subject} | Trước ngày ${writeDate(r.due, r.form)} |\n`).join('') + '\n';
  }
  const [first, second] = rows;
  return `${first.subject} gửi trước ngày ${writeDate(first.due, first.form)}; ${lowerFirst(second.subject)} gửi trước ngày ${writeDate(second.due, second.form)}.\n\n`;
}

const lowerFirst = (s: string) => s[0]!.toLowerCase() + s.slice(1);

describe('fixtures/shapes: report deadlines read the same however they are written', () => {
  it('a list, a table or one sentence, any date form, any order: the deadlines written and no finding', async () => {
    const parent = await parseFile(await parentOf(PLAN));
    const baseline = projectFacts((await lintText(text, { filePath: PLAN, format: 'markdown', parent })).facts) as Record<string, unknown>;
    await fc.assert(
      fc.asyncProperty(writing, async (written) => {
        const plan = before + rewrite(written) + after;
        const result = await lintText(plan, { filePath: PLAN, format: 'markdown', parent });
        const facts = projectFacts(result.facts) as Record<string, unknown>;
        const deadlines = written.reports
          .map((r) => ({ kind: r.kind, due: r.due, relation: 'before' }))
          .sort((a, b) => `${a.kind}${a.due}${a.relation}`.localeCompare(`${b.kind}${b.due}${b.relation}`));
        expect(facts.deadlines, plan.slice(before.length, plan.length - after.length)).toEqual(deadlines);
        // Everything else is the plan's as first written.
        expect({ ...facts, deadlines: [], deadlineByKind: null }).toEqual({ ...baseline, deadlines: [], deadlineByKind: null });
        expect(describeDiagnostics(result.diagnostics)).toBe('');
      }),
      { numRuns: 60 },
    );
  });
});

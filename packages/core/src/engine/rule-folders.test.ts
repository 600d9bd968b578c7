import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { packSha256 } from '../governance/pack-digest.js';
import { lintText } from '../lint.js';
import { PlanLintInputError } from '../shared/errors.js';
import { loadPackFromFile } from './pack-loader.js';

// A rule the facts already support, written as one folder: rule.json, its docs page, its examples.
const sixMonthRule = {
  $schema: 'https://plan-lint.dev/schemas/rule.schema.json',
  id: 'six-month-report-by-june',
  severity: 'error',
  messages: {
    late: { vi: 'Báo cáo 6 tháng phải xong trước 05/6/2024, không phải {due}.', en: 'The 6-month report is due before 05/6/2024, not {due}.' },
  },
  conditions: { all: [{ fact: 'deadlineByKind', path: '$.sixMonthReport', operator: 'dateAfter', value: '2024-06-04' }] },
  event: { params: { messageId: 'late', at: 'deadlineByKind.at.sixMonthReport', data: { due: 'deadlineByKind.sixMonthReport' } } },
};

const plan = (deadline: string) =>
  ['KẾ HOẠCH', 'Công tác bình đẳng giới năm 2024', '', 'I. TỔ CHỨC THỰC HIỆN', `- Báo cáo 6 tháng trước ngày ${deadline}; Báo cáo năm trước ngày 10/12/2024.`, ''].join('\n');

function packDir(pack: object, rules: Record<string, object | string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'plan-lint-rule-folders-'));
  writeFileSync(path.join(dir, 'pack.json'), JSON.stringify({ name: 'so-gddt', version: '1.0.0', ...pack }, null, 2));
  for (const [file, content] of Object.entries(rules)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  }
  return dir;
}

async function loadError(file: string): Promise<PlanLintInputError> {
  const error = await loadPackFromFile(file).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(PlanLintInputError);
  return error as PlanLintInputError;
}

describe('rules in folders of their own (rules/<pack>/<rule-id>/)', () => {
  it('a new rule folder and "rules": ["*"] give its finding, with no TypeScript', async () => {
    const dir = packDir({ rules: ['*'] }, { 'six-month-report-by-june/rule.json': sixMonthRule, 'six-month-report-by-june/README.md': '# six-month-report-by-june\n' });
    const pack = await loadPackFromFile(path.join(dir, 'pack.json'));
    expect(pack.json.rules?.map((rule) => rule.id)).toEqual(['six-month-report-by-june']);
    expect(pack.ruleDirs).toEqual({ 'six-month-report-by-june': path.join(dir, 'six-month-report-by-june') });
    // The rule as data carries no "$schema"; its docs are its own README.md.
    expect(pack.json.rules?.[0]).not.toHaveProperty('$schema');
    expect(pack.json.rules?.[0]?.docs).toBe(pathToFileURL(path.join(dir, 'six-month-report-by-june', 'README.md')).href);
    const config = { baseDir: dir, packs: [pack], rules: {}, overrides: [] };
    expect((await lintText(plan('05/6/2024'), { filePath: 'a.txt', config })).diagnostics).toEqual([]);
    const late = await lintText(plan('10/6/2024'), { filePath: 'a.txt', config, locale: 'en' });
    expect(late.diagnostics.map((d) => [d.ruleId, `${d.position.start.line}:${d.position.start.column}-${d.position.end.line}:${d.position.end.column}`, d.message])).toEqual([
      ['six-month-report-by-june', '5:30-5:39', 'The 6-month report is due before 05/6/2024, not 2024-06-09.'],
    ]);
  });

  it('reads inline rules, a named folder and a rule file side by side, in the order written', async () => {
    const inline = { ...sixMonthRule, id: 'inline-rule' };
    delete (inline as { $schema?: string }).$schema;
    const dir = packDir(
      { rules: [inline, 'more/folder-rule', './extra.json'] },
      { 'more/folder-rule/rule.json': { ...sixMonthRule, id: 'folder-rule' }, 'extra.json': { ...sixMonthRule, id: 'file-rule' } },
    );
    const pack = await loadPackFromFile(path.join(dir, 'pack.json'));
    expect(pack.json.rules?.map((rule) => rule.id)).toEqual(['inline-rule', 'folder-rule', 'file-rule']);
    expect(Object.keys(pack.ruleDirs ?? {})).toEqual(['folder-rule', 'file-rule']);
  });

  it('sees a rule folder added after the pack was loaded (the language server reloads)', async () => {
    const dir = packDir({ rules: ['*'] }, { 'a-rule/rule.json': { ...sixMonthRule, id: 'a-rule' } });
    const first = await loadPackFromFile(path.join(dir, 'pack.json'));
    expect(first.json.rules?.map((rule) => rule.id)).toEqual(['a-rule']);
    const before = packSha256(first);
    mkdirSync(path.join(dir, 'b-rule'));
    writeFileSync(path.join(dir, 'b-rule', 'rule.json'), JSON.stringify({ ...sixMonthRule, id: 'b-rule' }));
    const second = await loadPackFromFile(path.join(dir, 'pack.json'));
    expect(second.json.rules?.map((rule) => rule.id)).toEqual(['a-rule', 'b-rule']);
    // The compliance record's hash covers the rules in folders, not only pack.json.
    expect(packSha256(second)).not.toBe(before);
  });

  it('names the entry and its place in pack.json when a folder has no rule.json', async () => {
    const dir = packDir({ rules: ['missing-rule'] }, { 'missing-rule/README.md': '# x\n' });
    const error = await loadError(path.join(dir, 'pack.json'));
    expect([error.code, error.filePath, error.line, error.column]).toEqual(['pack-missing', path.join(dir, 'pack.json'), 5, 5]);
    expect(error.message).toContain(`"missing-rule" names the folder ${path.join(dir, 'missing-rule')}, which has no rule.json`);
    expect(error.vi).toContain('không có rule.json');
  });

  it('refuses a glob that matches no rule folder', async () => {
    const dir = packDir({ rules: ['citation-*'] }, { 'other/rule.json': { ...sixMonthRule, id: 'other' } });
    const error = await loadError(path.join(dir, 'pack.json'));
    expect([error.code, error.line, error.column]).toEqual(['pack-missing', 5, 5]);
    expect(error.message).toContain('matches no folder holding a rule.json');
  });

  it('points a schema error at the rule file, with the rule path', async () => {
    const dir = packDir({ rules: ['*'] }, { 'bad-rule/rule.json': { ...sixMonthRule, id: 'bad-rule', severity: 'fatal' } });
    const error = await loadError(path.join(dir, 'pack.json'));
    expect([error.code, error.filePath, error.line]).toEqual(['pack-schema', path.join(dir, 'bad-rule', 'rule.json'), 4]);
    expect(error.message).toContain('$.severity');
  });

  it('points a rule defined twice at the second definition', async () => {
    const dir = packDir({ rules: [{ ...sixMonthRule, $schema: undefined }, '*'] }, { 'again/rule.json': sixMonthRule });
    const error = await loadError(path.join(dir, 'pack.json'));
    expect([error.code, error.filePath, error.line, error.column]).toEqual(['pack-schema', path.join(dir, 'again', 'rule.json'), 3, 9]);
    expect(error.message).toBe('The pack defines rule "six-month-report-by-june" twice: keep one.');
  });
});

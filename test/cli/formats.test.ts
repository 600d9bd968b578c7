import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expectEslintShape } from './eslint-shape.js';
import { parseJson, repoRoot, runCli, runCliOnce, tempCopy } from './run-cli.js';
import { sarifValidator } from './sarif-schema.js';

// fixtures/formats/plan.md has one defect of each of these rules (see the plan's text).
const PLAN = 'fixtures/formats/plan.md';
const DEFECTS = ['citation-symbol', 'duplicate-word', 'enumeration-sequence'];

interface Result {
  filePath: string;
  messages: { ruleId: string; severity: number; line: number; column: number; message: string }[];
  errorCount: number;
  warningCount: number;
}

describe('--format', () => {
  it('stylish (default): grouped under the file, a summary line, no colours when not a TTY', () => {
    const run = runCliOnce([PLAN]);
    expect(run.code).toBe(1);
    expect(run.stdout).not.toContain('\u001b[');
    const lines = run.stdout.split('\n');
    expect(lines[1]).toBe(PLAN);
    for (const rule of DEFECTS) expect(run.stdout).toMatch(new RegExp(`^  \\d+:\\d+ +(lỗi|cảnh báo) +.+  ${rule}$`, 'm'));
    expect(run.stdout).toMatch(/^\u2716 \d+ vấn đề \(\d+ lỗi, \d+ cảnh báo\)$/m);
  });

  it('stylish: colours when forced with --color', () => {
    expect(runCliOnce([PLAN, '--color']).stdout).toContain('\u001b[31m');
  });

  it("json: ESLint's shape, the plan's defects with 1-based positions", () => {
    const run = runCliOnce([PLAN, '--format', 'json']);
    expect(run.code).toBe(1);
    const results = parseJson<Result[]>(run);
    expectEslintShape(results);
    expect(results).toHaveLength(1);
    expect(results[0].filePath).toBe(path.join(repoRoot, PLAN));
    expect([...new Set(results[0].messages.map((m) => m.ruleId))].sort()).toEqual(expect.arrayContaining(DEFECTS));
    const duplicate = results[0].messages.find((m) => m.ruleId === 'duplicate-word');
    const lineOf = readFileSync(path.join(repoRoot, PLAN), 'utf8').split('\n').indexOf('Thực hiện Thực hiện nghiêm túc các nội dung của kế hoạch.') + 1;
    // The second "Thực hiện" is the repeat: column 11.
    expect(duplicate).toMatchObject({ line: lineOf, column: 11, severity: 1 });
  });

  it('sarif: valid against the SARIF 2.1.0 schema, with rule metadata and docs links', () => {
    const run = runCliOnce([PLAN, '--format', 'sarif']);
    expect(run.code).toBe(1);
    const log = parseJson<{ runs: { tool: { driver: { rules: { id: string; helpUri: string }[] } }; results: { ruleId: string }[] }[] }>(run);
    const { valid, errors } = sarifValidator()(log);
    expect(errors).toBe('No errors');
    expect(valid).toBe(true);
    const rules = log.runs[0].tool.driver.rules;
    for (const rule of DEFECTS) expect(rules.find((r) => r.id === rule)?.helpUri).toMatch(/^https:\/\//);
    expect(log.runs[0].results.map((r) => r.ruleId)).toEqual(expect.arrayContaining(DEFECTS));
  });

  it('junit: a test suite for the file, a failure per finding', () => {
    const run = runCliOnce([PLAN, '--format', 'junit']);
    expect(run.code).toBe(1);
    expect(run.stdout.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<testsuites>')).toBe(true);
    expect(run.stdout).toContain(`name="${PLAN}"`);
    for (const rule of DEFECTS) expect(run.stdout).toContain(`name="org.plan-lint.${rule}"`);
    expect(run.stdout.trimEnd().endsWith('</testsuites>')).toBe(true);
  });

  it('github: one workflow annotation per finding', () => {
    const run = runCliOnce([PLAN, '--format', 'github']);
    expect(run.code).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    for (const line of lines) {
      expect(line).toMatch(/^::(error|warning) file=fixtures\/formats\/plan\.md,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[a-z-]+::.+$/);
    }
    for (const rule of DEFECTS) expect(lines.some((line) => line.includes(`title=${rule}::`))).toBe(true);
  });

  it('html: a self-contained page with the counts', () => {
    const run = runCliOnce([PLAN, '--format', 'html']);
    expect(run.code).toBe(1);
    const json = parseJson<Result[]>(runCliOnce([PLAN, '--format', 'json']));
    expect(run.stdout.startsWith('<!doctype html>')).toBe(true);
    expect(run.stdout).toContain(`id="count-errors" data-count="${json[0].errorCount}"`);
    expect(run.stdout).toContain(`id="count-warnings" data-count="${json[0].warningCount}"`);
    expect(run.stdout).not.toMatch(/<(script|link|img)[^>]+(src|href)=/);
  });
});

describe('--output, --quiet, --locale, --max-warnings and exit codes', () => {
  const temp = tempCopy([]);
  afterAll(temp.cleanup);

  it('--output writes the report to a file, prints nothing, and still exits by the findings', () => {
    const out = path.join(temp.dir, 'reports/plan.sarif');
    const run = runCliOnce([PLAN, '--format', 'sarif', '--output', out]);
    expect(run).toMatchObject({ code: 1, stdout: '' });
    expect(sarifValidator()(JSON.parse(readFileSync(out, 'utf8'))).valid).toBe(true);
  });

  it('--config applies that file\'s severities; --pack picks the packs', () => {
    const config = path.join(temp.dir, 'plan-lint.config.json');
    writeFileSync(config, JSON.stringify({ packs: ['recommended'], rules: { 'duplicate-word': 'off', 'enumeration-sequence': 'error' } }));
    const result = parseJson<Result[]>(runCli([PLAN, '--format', 'json', '--config', config]))[0];
    expect(result.messages.map((m) => m.ruleId)).not.toContain('duplicate-word');
    expect(result.messages.find((m) => m.ruleId === 'enumeration-sequence')?.severity).toBe(2);
    const binhDangGioiOnly = parseJson<Result[]>(runCliOnce([PLAN, '--format', 'json', '--pack', 'binh-dang-gioi']))[0];
    expect(binhDangGioiOnly.messages.map((m) => m.ruleId)).toEqual([]);
  });

  it('--quiet reports errors only', () => {
    const all = parseJson<Result[]>(runCliOnce([PLAN, '--format', 'json']))[0];
    const quiet = parseJson<Result[]>(runCliOnce([PLAN, '--format', 'json', '--quiet']))[0];
    expect(all.warningCount).toBeGreaterThan(0);
    expect(quiet.warningCount).toBe(0);
    expect(quiet.errorCount).toBe(all.errorCount);
    expect(quiet.messages.every((m) => m.severity === 2)).toBe(true);
  });

  it('--locale en gives English messages, vi (default) Vietnamese ones, same rules and places', () => {
    const vi = parseJson<Result[]>(runCliOnce([PLAN, '--format', 'json']))[0].messages;
    const en = parseJson<Result[]>(runCliOnce([PLAN, '--format', 'json', '--locale', 'en']))[0].messages;
    expect(en.map((m) => [m.ruleId, m.line, m.column])).toEqual(vi.map((m) => [m.ruleId, m.line, m.column]));
    expect(en.map((m) => m.message)).not.toEqual(vi.map((m) => m.message));
    expect(runCliOnce([PLAN, '--locale', 'en']).stdout).toMatch(/^\u2716 \d+ problems? \(\d+ errors?, \d+ warnings?\)$/m);
  });

  it('exit 0 for a clean plan, 1 for errors', () => {
    expect(runCli(['fixtures/formats/clean.md']).code).toBe(0);
    expect(runCliOnce([PLAN]).code).toBe(1);
  });

  it('--max-warnings: exit 1 only when warnings exceed N', () => {
    const warningsOnly = 'fixtures/formats/warnings-only.md';
    const count = parseJson<Result[]>(runCliOnce([warningsOnly, '--format', 'json']))[0];
    expect(count.errorCount).toBe(0);
    expect(count.warningCount).toBeGreaterThan(0);
    expect(runCliOnce([warningsOnly]).code).toBe(0);
    expect(runCliOnce([warningsOnly, '--max-warnings', String(count.warningCount)]).code).toBe(0);
    const over = runCliOnce([warningsOnly, '--max-warnings', String(count.warningCount - 1)]);
    expect(over.code).toBe(1);
    expect(over.stderr).toContain(`${count.warningCount} cảnh báo, nhiều hơn --max-warnings ${count.warningCount - 1}.`);
    const overEn = runCliOnce([warningsOnly, '--max-warnings', String(count.warningCount - 1), '--locale', 'en']);
    expect(overEn.stderr).toContain(`${count.warningCount} warnings, more than --max-warnings ${count.warningCount - 1}.`);
    expect(runCliOnce([warningsOnly, '--quiet', '--max-warnings', '0']).code).toBe(0);
  });
});

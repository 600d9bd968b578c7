import { readFileSync, writeFileSync, existsSync, cpSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatsDir, parseJson, runCli, tempCopy } from './run-cli.js';

interface Result {
  filePath: string;
  messages: { ruleId: string; line: number; column: number }[];
}
const summary = (results: Result[]) => results.map((r) => [path.basename(r.filePath), r.messages.map((m) => `${m.ruleId}@${m.line}:${m.column}`)]);

describe('--cache', () => {
  const temp = tempCopy(['plan.md', 'clean.md', 'plan.docx']);
  afterAll(temp.cleanup);
  const lint = () => runCli(['.', '--cache', '--format', 'json'], { cwd: temp.dir });

  it('stores results by content and reuses them; a changed file is linted again', () => {
    const first = lint();
    const cacheFile = path.join(temp.dir, '.plan-lint-cache/lint-cache.json');
    expect(existsSync(cacheFile)).toBe(true);
    const stored = JSON.parse(readFileSync(cacheFile, 'utf8'));
    expect(Object.keys(stored.entries).map((file) => path.basename(file)).sort()).toEqual(['clean.md', 'plan.docx', 'plan.md']);

    // A cached result is what was stored: plant a marker in the cache and see it come back.
    const planPath = path.join(temp.dir, 'plan.md');
    stored.entries[planPath].diagnostics[0].message = 'FROM THE CACHE';
    writeFileSync(cacheFile, JSON.stringify(stored));
    const second = lint();
    expect(summary(parseJson<Result[]>(second))).toEqual(summary(parseJson<Result[]>(first)));
    expect(second.stdout).toContain('FROM THE CACHE');

    // New content: linted again, the planted message is gone.
    writeFileSync(planPath, readFileSync(planPath, 'utf8').replace('Thực hiện Thực hiện', 'Thực hiện'));
    const third = lint();
    expect(third.stdout).not.toContain('FROM THE CACHE');
    expect(parseJson<Result[]>(third).find((r) => r.filePath === planPath)!.messages.map((m) => m.ruleId)).not.toContain('duplicate-word');

    // Another locale is another run key: nothing is reused.
    const english = runCli(['.', '--cache', '--format', 'json', '--locale', 'en'], { cwd: temp.dir });
    expect(english.stdout).toContain('"message":"');
    expect(english.stdout).not.toContain('bị lặp');
  });
});

describe('worker threads', () => {
  const temp = tempCopy([]);
  afterAll(temp.cleanup);
  mkdirSync(path.join(temp.dir, 'plans'));
  for (let i = 0; i < 12; i++) {
    for (const name of ['plan.md', 'clean.md', 'plan.txt']) cpSync(path.join(formatsDir, name), path.join(temp.dir, 'plans', `${i}-${name}`));
  }
  cpSync(path.join(formatsDir, 'encrypted.pdf'), path.join(temp.dir, 'plans', 'encrypted.pdf'));

  it('give the same report as one thread, in the same order, unreadable files included', () => {
    const single = runCli(['plans', '--format', 'json'], { cwd: temp.dir, env: { PLAN_LINT_WORKERS: '0' } });
    const pooled = runCli(['plans', '--format', 'json'], { cwd: temp.dir, env: { PLAN_LINT_WORKERS: '2' } });
    expect(single.code).toBe(2);
    expect(pooled.code).toBe(2);
    expect(parseJson<Result[]>(pooled)).toEqual(parseJson<Result[]>(single));
    expect(parseJson<Result[]>(pooled)).toHaveLength(37);
  });
});

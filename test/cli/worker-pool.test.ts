import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '@plan-lint/core';
import { lintInWorkers } from '../../packages/cli/src/lint/worker-pool.js';
import { repoRoot } from '../support/load-plan.js';

const dir = mkdtempSync(path.join(tmpdir(), 'plan-lint-pool-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const plan = readFileSync(path.join(repoRoot, 'fixtures/family/compliant/truong-th-a.md'), 'utf8');
const crashing = new URL('./fixtures/workers/crashing-worker.mjs', import.meta.url);

describe('worker pool', () => {
  it('a worker that dies costs only the file it was on; its queued files go to a new worker, the rest is linted', async () => {
    // The first worker is sent files 0–3 at once; this thread starts at file 4.
    const names = ['a.md', 'exit.md', 'b.md', 'throw.md', 'c.md', 'd.md', 'e.md'];
    const files = names.map((name) => {
      writeFileSync(path.join(dir, name), plan);
      return path.join(dir, name);
    });
    const done: string[] = [];
    const settings = { config: await defaultConfig(), locale: 'en' as const, fix: false, quiet: false };
    const results = await lintInWorkers(files, settings, 1, (file) => done.push(path.basename(file)), crashing);
    expect(done.sort()).toEqual([...names].sort());
    const byName = Object.fromEntries(results.map((outcome, index) => [names[index], outcome.report]));
    expect(byName['exit.md'].fatal?.message).toMatch(/^internal error while linting this file \(the worker thread stopped \(exit code 134\)\); the other files were linted/);
    expect(byName['throw.md'].fatal?.message).toMatch(/^internal error while linting this file \(boom in the worker\)/);
    // Linted by a worker (the stand-in's text) or on this thread (the plan), never lost.
    for (const name of ['a.md', 'b.md', 'c.md', 'd.md', 'e.md']) expect(byName[name].fatal).toBeUndefined();
    expect(byName['a.md'].text).toBe('from the worker');
    // Retried at once on the new worker, before this thread can take it.
    expect(byName['b.md'].text).toBe('from the worker');
    for (const name of ['c.md', 'd.md', 'e.md']) expect(['from the worker', plan]).toContain(byName[name].text);
  });

  it('says it in Vietnamese by default', async () => {
    const file = path.join(dir, 'exit-vi.md');
    writeFileSync(file, plan);
    const settings = { config: await defaultConfig(), locale: 'vi' as const, fix: false, quiet: false };
    const [outcome] = await lintInWorkers([file], settings, 1, () => {}, crashing);
    expect(outcome.report.fatal?.message).toBe('lỗi nội bộ khi kiểm tra tệp này (the worker thread stopped (exit code 134)); các tệp khác vẫn được kiểm tra. Vui lòng báo lỗi này.');
  });
});

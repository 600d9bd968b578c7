import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseJson, runCli } from '../cli/run-cli.js';
import { builtinRule, FAMILY, folderWith } from './support.js';

describe('plan-lint pack diff over the fixture family (built bin)', () => {
  it('lists exactly the plans a planted change affects, rule by rule', () => {
    // The planted change: the next version raises `signature` to an error and stops judging
    // `duplicate-word` for plans dated before 2024 (the family is dated 2024, so no plan changes by it).
    const dir = folderWith({
      'next.json': {
        name: 'recommended-next',
        version: '0.2.0',
        extends: ['recommended'],
        rules: [
          { ...builtinRule('van-ban', 'signature'), severity: 'error' },
          { ...builtinRule('van-ban', 'duplicate-word'), effective: { from: '2024-01-01' } },
        ],
      },
    });
    const run = runCli(['pack', 'diff', 'recommended', path.join(dir, 'next.json'), 'parent', 'compliant', 'defects', '--json'], { cwd: FAMILY });
    const report = parseJson<{ old: string; new: string; plans: number; changed: Array<{ filePath: string; changes: unknown[] }> }>(run);
    expect(run.code).toBe(1);
    expect(report.old).toBe('recommended@0.1.0');
    expect(report.new).toBe('recommended-next@0.2.0');
    expect(report.plans).toBeGreaterThan(20);
    expect(report.changed).toEqual([
      {
        filePath: 'defects/signature.md',
        changes: [
          {
            ruleId: 'signature',
            before: { outcome: 'failed', severity: 'warning', findings: 1 },
            after: { outcome: 'failed', severity: 'error', findings: 1 },
          },
        ],
      },
    ]);
  });

  it('says no plan changes when the versions judge the corpus alike (exit 0)', () => {
    const dir = folderWith({ 'same.json': { name: 'recommended-copy', version: '0.1.1', extends: ['recommended'] } });
    const run = runCli(['pack', 'diff', 'recommended', path.join(dir, 'same.json'), 'compliant', 'defects/signature.md', '--locale', 'en'], { cwd: FAMILY });
    expect(run.stdout).toBe('recommended@0.1.0 -> recommended-copy@0.1.1: 0 of 3 plans change\n');
    expect(run.code).toBe(0);
  });
});

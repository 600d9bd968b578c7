import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText, loadConfigFile } from '@plan-lint/core';
import { inForce, judgedSpan } from '../../packages/core/src/governance/dates.js';
import { builtinRule, folderWith, SIGNATURE_DEFECT } from './support.js';

const planText = readFileSync(SIGNATURE_DEFECT, 'utf8');

/** A pack whose signature rule takes effect on 2025-01-01 (the defect plan has no signer). */
const pack = {
  name: 'so-gddt',
  version: '2.0.0',
  rules: [{ ...builtinRule('van-ban', 'signature'), effective: { from: '2025-01-01' } }],
};

describe('rules in force by date', () => {
  it('judges the same plan by what was in force on its own date', async () => {
    const dir = folderWith({ 'pack.json': pack, 'plan-lint.config.json': { packs: ['./pack.json'] } });
    const config = await loadConfigFile(path.join(dir, 'plan-lint.config.json'));
    const filePath = path.join(dir, 'plan.md');
    // The plan is dated 2024-03-18 in its front matter: the 2025 rule does not judge it.
    const of2024 = await lintText(planText, { filePath, config });
    expect(of2024.governance?.judgedOn).toBe('2024-03-18');
    expect(of2024.diagnostics.map((d) => d.ruleId)).toEqual([]);
    expect(of2024.governance?.rules).toEqual([
      expect.objectContaining({ ruleId: 'signature', applies: false, reason: 'not-in-force' }),
    ]);
    // The same plan dated 2025-03-18 is judged by it.
    const of2025 = await lintText(planText.replace('date: 2024-03-18', 'date: 2025-03-18').replace('ngày 18 tháng 3 năm 2024', 'ngày 18 tháng 3 năm 2025'), { filePath, config });
    expect(of2025.governance?.judgedOn).toBe('2025-03-18');
    expect(of2025.diagnostics.map((d) => d.ruleId)).toEqual(['signature']);
    expect(of2025.governance?.rules).toEqual([expect.objectContaining({ ruleId: 'signature', applies: true })]);
  });

  it('a plan with only a year is judged by the rules in force at any time of that year', () => {
    expect(judgedSpan(undefined, 2024)).toEqual({ from: '2024-01-01', to: '2024-12-31', label: '2024', by: 'plan-year' });
    expect(inForce({ from: '2024-07-01' }, judgedSpan(undefined, 2024))).toBe(true);
    expect(inForce({ from: '2025-01-01' }, judgedSpan(undefined, 2024))).toBe(false);
    expect(inForce({ to: '2023-12-31' }, judgedSpan('2024-03-18', 2024))).toBe(false);
    expect(inForce({ from: '2024-03-18', to: '2024-03-18' }, judgedSpan('2024-03-18', 2024))).toBe(true);
  });
});

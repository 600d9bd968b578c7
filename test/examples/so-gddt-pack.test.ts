// The example pack of a Sở GD&ĐT (docs/examples/so-gddt-pack, issue 15 item 6), written only with the
// vocabulary of FACTS.md: its examples pass `plan-lint pack test`, and on plans it reports exactly
// what its rules say, where they say it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText, resolvePacks } from '@plan-lint/core';
import { repoRoot, runCli } from '../cli/run-cli.js';

const PACK = 'docs/examples/so-gddt-pack/pack.json';

async function findings(file: string): Promise<string[]> {
  const [pack] = await resolvePacks([`./${PACK}`], { baseDir: repoRoot });
  const config = { baseDir: repoRoot, packs: [pack], rules: {}, overrides: [] };
  const result = await lintText(readFileSync(path.join(repoRoot, file), 'utf8'), { filePath: file, config });
  return result.diagnostics.map((d) => `${d.position.start.line}:${d.position.start.column} ${d.ruleId}`);
}

describe('the example pack of a Sở GD&ĐT', () => {
  it('passes plan-lint pack test', () => {
    const run = runCli(['pack', 'test', PACK, '--locale', 'en']);
    expect(run.stdout).toBe(
      ['  ok    docs/examples/so-gddt-pack/examples/valid-truong.md', '  ok    docs/examples/so-gddt-pack/examples/invalid-truong.md', '', 'so-gddt-mau@1.0.0: 2 passed, 0 failed', ''].join('\n'),
    );
    expect(run.code).toBe(0);
  });

  it('reports each of its five rules on the invalid example, at its place', async () => {
    expect(await findings('docs/examples/so-gddt-pack/examples/invalid-truong.md')).toEqual([
      '11:1 hotline-111', // the plan's title: no Tổng đài 111 anywhere
      '23:99 action-month-window', // từ ngày 10/11 đến ngày 10/12/2024
      '25:4 budget-amount-or-source', // KINH PHÍ without an amount or a source
      '36:30 report-before-parent-3-days', // trước ngày 09/12/2024: less than 3 days before the Sở's 10/12
      '41:3 luu-vt', // "Lưu VT"
    ]);
  });

  it('reads the seed plans as its rules say', async () => {
    // Seed 000 names Tổng đài 111 (line 95) but reports before 05/06 and 10/12/2024: one day, not three, before the Sở's.
    expect(await findings('fixtures/seeds/000_4996ab619162ff16.txt')).toEqual(['264:30 report-before-parent-3-days', '265:1 report-before-parent-3-days']);
    // Seed 003 never names the hotline: reported at its first line (it has no title).
    expect(await findings('fixtures/seeds/003_b27ce499e714ffb3.txt')).toEqual(['1:2 hotline-111']);
    expect(await findings('fixtures/family/compliant/truong-th-a.md')).toEqual([]);
  });

  it('fixes "Lưu VT" to "Lưu: VT"', async () => {
    const [pack] = await resolvePacks([`./${PACK}`], { baseDir: repoRoot });
    const result = await lintText('KẾ HOẠCH\n\nNơi nhận:\n- Lưu VT.\n', { config: { baseDir: repoRoot, packs: [pack], rules: {}, overrides: [] } });
    const fix = result.diagnostics.find((d) => d.ruleId === 'luu-vt')?.fix;
    expect(fix).toEqual({ range: [22, 28], text: 'Lưu: VT' });
  });
});

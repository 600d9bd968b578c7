import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadPackFromFile } from '../../packages/core/src/engine/pack-loader.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseJson, repoRoot, runCli } from '../cli/run-cli.js';
import { complianceValidator, FAMILY } from './support.js';

const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

interface Record_ {
  planLint: { version: string };
  packs: Array<{ name: string; version: string; source: string; sha256: string }>;
  plans: Array<{
    filePath: string;
    sha256: string;
    judgedOn: string;
    summary: Record<string, number>;
    rules: Array<{ ruleId: string; outcome: string; reason?: string; legalBasis?: string[]; evidence: Array<{ line: number; column: number; waiver?: { approvedBy: string } }> }>;
  }>;
}

describe('--format compliance (built bin)', () => {
  let dir: string;
  let run: ReturnType<typeof runCli>;
  let record: Record_;

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'plan-lint-compliance-'));
    cpSync(path.join(FAMILY, 'parent'), path.join(dir, 'parent'), { recursive: true });
    for (const name of ['compliant/truong-th-a.md', 'defects/signature.md', 'defects/recipients.md']) {
      cpSync(path.join(FAMILY, name), path.join(dir, 'plans', path.basename(name)));
    }
    writeFileSync(path.join(dir, 'plans/plan-lint.config.json'), JSON.stringify({ parent: '../parent/ke-hoach-phong.md' }));
    writeFileSync(
      path.join(dir, 'plans/plan-lint.waivers.json'),
      JSON.stringify({ waivers: [{ rule: 'recipients', files: 'recipients.md', reason: 'Nơi nhận ghi ở phụ lục', approvedBy: 'Trưởng phòng GD&ĐT Quế Sơn', expires: '2099-12-31' }] }),
    );
    run = runCli(['--format', 'compliance', 'plans'], { cwd: dir });
    record = parseJson<Record_>(run);
  });

  it('is valid against its JSON Schema', () => {
    const validate = complianceValidator();
    const valid = validate(record);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    // The schema is not vacuous: an outcome it does not know is refused.
    const broken = structuredClone(record);
    broken.plans[0].rules[0].outcome = 'ok';
    expect(validate(broken)).toBe(false);
  });

  it('records hashes that can be recomputed from the files', async () => {
    for (const plan of record.plans) {
      expect(plan.sha256).toBe(sha256(readFileSync(path.join(dir, plan.filePath))));
    }
    const names = record.packs.map((pack) => pack.name);
    expect(names).toEqual(['binh-dang-gioi', 'van-ban', 'recommended']);
    for (const pack of record.packs) {
      // A pack with its rules inline is hashed as its file; one with rule folders as its JSON once loaded, rules included.
      const loaded = await loadPackFromFile(path.join(repoRoot, 'rules', pack.name, 'pack.json'));
      const bytes = loaded.parts?.length ? JSON.stringify(loaded.json) : readFileSync(loaded.source);
      expect(pack.sha256).toBe(sha256(bytes));
      expect(pack.version).toBe(JSON.parse(readFileSync(path.join(repoRoot, 'rules', pack.name, 'pack.json'), 'utf8')).version);
    }
    const cliVersion = JSON.parse(readFileSync(path.join(repoRoot, 'packages/cli/package.json'), 'utf8')).version;
    expect(record.planLint.version).toBe(cliVersion);
  });

  it('gives every rule its outcome with evidence and legal basis', () => {
    const byFile = new Map(record.plans.map((plan) => [plan.filePath, plan]));
    expect([...byFile.keys()].sort()).toEqual(['plans/recipients.md', 'plans/signature.md', 'plans/truong-th-a.md']);
    const compliant = byFile.get('plans/truong-th-a.md')!;
    expect(compliant.judgedOn).toBe('2024-03-18');
    expect(compliant.summary).toEqual({ passed: 19, failed: 0, waived: 0, notApplicable: 0 });
    const signature = byFile.get('plans/signature.md')!;
    const failed = signature.rules.filter((rule) => rule.outcome === 'failed');
    expect(failed.map((rule) => rule.ruleId)).toEqual(['signature']);
    expect(failed[0].evidence.length).toBe(1);
    expect(failed[0].legalBasis?.[0]).toMatch(/^Nghị định số 30\/2020\/NĐ-CP/);
    const waivedPlan = byFile.get('plans/recipients.md')!;
    const waived = waivedPlan.rules.find((rule) => rule.ruleId === 'recipients')!;
    expect(waived.outcome).toBe('waived');
    expect(waived.evidence[0].waiver?.approvedBy).toBe('Trưởng phòng GD&ĐT Quế Sơn');
    expect(waivedPlan.summary.failed).toBe(0);
    // Both defects are warnings by default: exit 0.
    expect(run.code).toBe(0);
  });
});

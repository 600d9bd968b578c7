import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText, loadConfigFile, PlanLintInputError } from '@plan-lint/core';
import { folderWith, lockedSignaturePack, SIGNATURE_DEFECT } from './support.js';

const planText = readFileSync(SIGNATURE_DEFECT, 'utf8');

async function lintInFolder(dir: string, name = 'truong-a.md') {
  const config = await loadConfigFile(path.join(dir, 'plan-lint.config.json'));
  return lintText(planText, { filePath: path.join(dir, name), config, locale: 'en' });
}

describe('locked rules', () => {
  it('a config that turns a locked rule off is an input error naming the rule and the pack', async () => {
    const dir = folderWith({
      'pack.json': lockedSignaturePack(),
      'plan-lint.config.json': { packs: ['./pack.json'], rules: { signature: 'off' } },
    });
    const error = await loadConfigFile(path.join(dir, 'plan-lint.config.json')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlanLintInputError);
    const inputError = error as PlanLintInputError;
    expect(inputError.code).toBe('config-locked-rule');
    expect(inputError.message).toContain('rule "signature" is locked by pack "phong-gddt-que-son"');
    expect(inputError.message).toContain('turns it off');
    expect(inputError.filePath).toBe(path.join(dir, 'plan-lint.config.json'));
    expect(inputError.line).toBe(6); // the "signature": "off" line
  });

  it('lowering a locked rule in an override is refused; raising a rule is allowed', async () => {
    const dir = folderWith({
      'pack.json': lockedSignaturePack(),
      'plan-lint.config.json': { packs: ['./pack.json'], overrides: [{ files: ['old/**'], rules: { signature: 'warn' } }] },
    });
    await expect(loadConfigFile(path.join(dir, 'plan-lint.config.json'))).rejects.toThrow(/lowers it to "warn"/);
    const ok = folderWith({
      'pack.json': lockedSignaturePack(),
      'plan-lint.config.json': { packs: ['./pack.json'], rules: { signature: 'error', recipients: 'off' } },
    });
    await expect(loadConfigFile(path.join(ok, 'plan-lint.config.json'))).resolves.toBeTruthy();
  });

  it('an inline disable does not touch a locked rule and is reported', async () => {
    const dir = folderWith({ 'pack.json': lockedSignaturePack(), 'plan-lint.config.json': { packs: ['./pack.json'] } });
    const config = await loadConfigFile(path.join(dir, 'plan-lint.config.json'));
    const text = `<!-- plan-lint-disable signature -- chữ ký bổ sung sau -->\n${planText}`;
    const result = await lintText(text, { filePath: path.join(dir, 'a.md'), config, locale: 'en' });
    const ids = result.diagnostics.map((d) => d.ruleId);
    expect(ids).toContain('signature');
    const notice = result.diagnostics.find((d) => d.ruleId === 'locked-rule-disable');
    expect(notice?.position.start.line).toBe(1);
    expect(notice?.message).toContain('Rule "signature" is locked by pack "phong-gddt-que-son"');
  });
});

describe('waivers', () => {
  const pack = lockedSignaturePack();
  const config = { packs: ['./pack.json'] };

  it('a valid waiver sets the finding aside: reported as waived, not counted', async () => {
    const dir = folderWith({
      'pack.json': pack,
      'plan-lint.config.json': config,
      'plan-lint.waivers.json': {
        waivers: [{ rule: 'signature', files: 'truong-*.md', reason: 'Bản nháp trình Phòng góp ý', approvedBy: 'Trưởng phòng GD&ĐT', expires: '2099-12-31' }],
      },
    });
    const result = await lintInFolder(dir);
    expect(result.diagnostics.map((d) => d.ruleId)).not.toContain('signature');
    expect(result.suppressed?.map((d) => [d.ruleId, d.waived, d.waiver.approvedBy])).toEqual([['signature', true, 'Trưởng phòng GD&ĐT']]);
    expect(result.errorCount).toBe(0);
    // A file the glob does not name is not waived.
    const other = await lintInFolder(dir, 'truong-b/plan.md');
    expect(other.diagnostics.map((d) => d.ruleId)).toContain('signature');
  });

  it('an expired waiver stops applying and is reported', async () => {
    const dir = folderWith({
      'pack.json': pack,
      'plan-lint.config.json': config,
      'plan-lint.waivers.json': {
        waivers: [{ rule: 'signature', files: ['*.md'], reason: 'Bản nháp trình Phòng góp ý', approvedBy: 'Trưởng phòng GD&ĐT', expires: '2024-01-31' }],
      },
    });
    const result = await lintInFolder(dir);
    expect(result.suppressed).toBeUndefined();
    const ids = result.diagnostics.map((d) => d.ruleId).sort();
    expect(ids).toEqual(['signature', 'waiver-expired']);
    const expired = result.diagnostics.find((d) => d.ruleId === 'waiver-expired');
    expect(expired?.message).toContain('expired on 2024-01-31');
    expect(result.errorCount).toBe(1);
  });

  it('a malformed waiver register is an input error at its line', async () => {
    const dir = folderWith({
      'pack.json': pack,
      'plan-lint.config.json': config,
      'plan-lint.waivers.json': '{\n  "waivers": [\n    { "rule": "signature", "files": "*.md", "reason": "Bản nháp", "expires": "2099-12-31" }\n  ]\n}\n',
    });
    const error = (await loadConfigFile(path.join(dir, 'plan-lint.config.json')).catch((e: unknown) => e)) as PlanLintInputError;
    expect(error).toBeInstanceOf(PlanLintInputError);
    expect(error.code).toBe('waivers-schema');
    expect(error.message).toContain("approvedBy");
    expect(error.filePath).toBe(path.join(dir, 'plan-lint.waivers.json'));
    expect(error.line).toBe(3);
  });

  it('an expiry that is not a calendar date is refused', async () => {
    const dir = folderWith({
      'plan-lint.config.json': {},
      'plan-lint.waivers.json': { waivers: [{ rule: 'signature', files: '*.md', reason: 'Bản nháp', approvedBy: 'Trưởng phòng', expires: '2025-02-30' }] },
    });
    await expect(loadConfigFile(path.join(dir, 'plan-lint.config.json'))).rejects.toThrow(/not a calendar date/);
  });
});

import { describe, expect, it } from 'vitest';
import type { ResolvedConfig } from '../config/types.js';
import type { LoadedPack, PackRule } from '../engine/pack-types.js';
import { PlanLintInputError } from '../shared/errors.js';
import { spanFromArgument } from './dates.js';
import { severityLayers } from '../report/explain.js';
import { assertLockedRulesKept, lockedRules } from './locked.js';

const rule = (id: string, severity: 'error' | 'warning', extra: Partial<PackRule> = {}): PackRule => ({
  id,
  severity,
  messages: { missing: { vi: 'thiếu', en: 'missing' } },
  conditions: { all: [] },
  event: { params: { messageId: 'missing' } },
  ...extra,
});

const pack = (name: string, rules: PackRule[], extendsPacks: LoadedPack[] = []): LoadedPack => ({
  name,
  version: '1.0.0',
  source: `/packs/${name}.json`,
  json: { name, version: '1.0.0', rules },
  extends: extendsPacks,
});

describe('locked rules', () => {
  const superior = pack('so-gddt', [rule('signature', 'error', { locked: true })]);

  it('a lock set by a pack is kept when a later pack redefines the rule', () => {
    const school = pack('truong-a', [rule('signature', 'error')], [superior]);
    expect([...lockedRules([school])]).toEqual([['signature', { pack: 'so-gddt', severity: 'error' }]]);
  });

  it('a later pack that lowers a locked rule is refused, naming both packs', () => {
    const school = pack('truong-a', [rule('signature', 'warning')], [superior]);
    expect(() => assertLockedRulesKept({}, [school], '/x/plan-lint.config.json')).toThrow(PlanLintInputError);
    expect(() => assertLockedRulesKept({}, [school], '/x/plan-lint.config.json')).toThrow(
      'rule "signature" is locked by pack "so-gddt" at "error" and pack "truong-a" (/packs/truong-a.json) lowers it to "warning"',
    );
  });

  it('settings that keep or raise a locked rule pass', () => {
    const warningLock = pack('phong', [rule('recipients', 'warning', { locked: true })]);
    expect(() => assertLockedRulesKept({ rules: { recipients: 'error' }, overrides: [{ rules: { recipients: 'warn' } }] }, [warningLock], undefined)).not.toThrow();
    expect(() => assertLockedRulesKept({ rules: { recipients: 'off' } }, [warningLock], undefined)).toThrow(/turns it off/);
  });
});

describe('severity layers (explain)', () => {
  it('names the pack, the config and the override that matched the file, then the waiver', () => {
    const base = pack('van-ban', [rule('signature', 'warning')]);
    const top = pack('so-gddt', [], [base]);
    const config: ResolvedConfig = {
      filePath: '/repo/plan-lint.config.json',
      baseDir: '/repo',
      packs: [top],
      rules: { signature: 'error' },
      overrides: [
        { files: ['drafts/**'], rules: { signature: 'warn' } },
        { files: ['other/**'], rules: { signature: 'off' } },
      ],
    };
    expect(severityLayers('signature', config, '/repo/drafts/a.md', true)).toEqual([
      { layer: 'extends', source: 'van-ban@1.0.0', severity: 'warning' },
      { layer: 'config', source: '/repo/plan-lint.config.json', severity: 'error' },
      { layer: 'override', source: '/repo/plan-lint.config.json overrides [drafts/**]', severity: 'warning' },
      { layer: 'waiver', source: 'plan-lint.waivers.json', severity: 'waived' },
    ]);
  });
});

describe('--at arguments', () => {
  it('reads a calendar date or a year, nothing else', () => {
    expect(spanFromArgument('2024-02-29')?.from).toBe('2024-02-29');
    expect(spanFromArgument('2024')).toMatchObject({ from: '2024-01-01', to: '2024-12-31' });
    expect(spanFromArgument('2023-02-29')).toBeUndefined();
    expect(spanFromArgument('10/3/2024')).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import type { ResolvedConfig } from '../config/types.js';
import { loadBuiltinPack } from './pack-loader.js';
import { resolveRuleSet } from './rule-set.js';

const severityOf = (config: ResolvedConfig, id: string, file?: string) =>
  resolveRuleSet(config, file).rules.find((effective) => effective.rule.id === id)?.severity;

describe('resolveRuleSet', () => {
  it('resolves a config without overrides once, and again when its severities change in place', async () => {
    const config: ResolvedConfig = { baseDir: '.', packs: [await loadBuiltinPack('recommended')], rules: {}, overrides: [] };
    const first = resolveRuleSet(config, 'a.md');
    expect(resolveRuleSet(config, 'b.md')).toBe(first);
    config.rules['duplicate-word'] = 'error';
    expect(severityOf(config, 'duplicate-word')).toBe('error');
    config.rules['duplicate-word'] = 'off';
    expect(severityOf(config, 'duplicate-word')).toBeUndefined();
    config.packs = [await loadBuiltinPack('van-ban')];
    expect(resolveRuleSet(config).rules).toHaveLength(11); // van-ban's 12, duplicate-word off
  });

  it('resolves per file when overrides may match', async () => {
    const config: ResolvedConfig = {
      baseDir: '/plans',
      packs: [await loadBuiltinPack('recommended')],
      rules: {},
      overrides: [{ files: ['drafts/**'], rules: { 'duplicate-word': 'off' } }],
    };
    expect(severityOf(config, 'duplicate-word', '/plans/drafts/a.md')).toBeUndefined();
    expect(severityOf(config, 'duplicate-word', '/plans/final/a.md')).toBe('warning');
  });
});

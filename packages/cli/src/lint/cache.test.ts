import * as core from '@plan-lint/core';
import type { LoadedPack, ResolvedConfig } from '@plan-lint/core';
import { describe, expect, it } from 'vitest';
import { cacheKey } from './cache.js';
import type { LintSettings } from './lint-file.js';

const rule = (id: string, effective?: { from?: string; to?: string }) => ({
  id,
  severity: 'warning' as const,
  messages: { m: { vi: 'a', en: 'b' } },
  conditions: { all: [] },
  event: { params: { messageId: 'm' } },
  ...(effective ? { effective } : {}),
});

function settingsWith(rules: ReturnType<typeof rule>[]): LintSettings {
  const pack = { name: 'p', version: '1.0.0', source: '/p.json', json: { name: 'p', version: '1.0.0', rules }, extends: [] } as unknown as LoadedPack;
  const config = { filePath: '/c.json', baseDir: '/', packs: [pack], rules: {}, overrides: [] } as unknown as ResolvedConfig;
  return { config, locale: 'vi', fix: false, quiet: false };
}

describe('--cache key (issue 14 item 12)', () => {
  const today = new Date('2025-03-01T10:00:00Z');
  const tomorrow = new Date('2025-03-02T10:00:00Z');

  it('holds the lint date when a pack has rules in force by date: a new day is a new key', () => {
    const dated = settingsWith([rule('a'), rule('b', { from: '2025-03-02' })]);
    expect(cacheKey(dated, '1.0.0', undefined, core, today)).not.toBe(cacheKey(dated, '1.0.0', undefined, core, tomorrow));
  });

  it('stays the same across days when no rule is dated (the cache keeps working)', () => {
    const undated = settingsWith([rule('a'), rule('b')]);
    expect(cacheKey(undated, '1.0.0', undefined, core, today)).toBe(cacheKey(undated, '1.0.0', undefined, core, tomorrow));
  });

  it('a pack extended along many paths counts once (25 levels of double extends stay cheap)', () => {
    let pack = { name: 'p25', version: '1.0.0', source: '/p25.json', json: { name: 'p25', version: '1.0.0', rules: [] }, extends: [] } as unknown as LoadedPack;
    for (let level = 24; level >= 0; level--) {
      pack = { name: `p${level}`, version: '1.0.0', source: `/p${level}.json`, json: { name: `p${level}`, version: '1.0.0', rules: [] }, extends: [pack, pack] } as unknown as LoadedPack;
    }
    const settings = { ...settingsWith([]), config: { ...settingsWith([]).config, packs: [pack] } };
    const key = cacheKey(settings, '1.0.0', undefined, core, today);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
  });
});

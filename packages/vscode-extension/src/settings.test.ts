import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, displayLocale, readSettings } from './settings.js';
import { isBuiltInPackRef, restrictForTrust, serverSettings } from './trust.js';

function reader(values: Record<string, unknown>) {
  return { get: <T>(key: string) => values[key] as T | undefined };
}

describe('readSettings', () => {
  it('gives the defaults for an empty configuration', () => {
    expect(readSettings(reader({}))).toEqual(DEFAULT_SETTINGS);
  });

  it('reads every planLint.* setting', () => {
    const settings = readSettings(
      reader({ enable: false, run: 'onSave', packs: ['van-ban', ' ./team.pack.json '], parent: ' kh-pgd.md ', locale: 'en', include: ['**/*.plan.md'], 'trace.server': 'verbose' }),
    );
    expect(settings).toEqual({
      enable: false,
      run: 'onSave',
      packs: ['van-ban', './team.pack.json'],
      parent: 'kh-pgd.md',
      locale: 'en',
      include: ['**/*.plan.md'],
      trace: 'verbose',
    });
  });

  it('falls back to defaults on values of the wrong type instead of throwing', () => {
    const settings = readSettings(reader({ enable: 'yes', run: 'always', packs: 'van-ban', parent: 3, locale: 'fr', include: [1, '', 'a/*.md'], 'trace.server': true }));
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, include: ['a/*.md'] });
  });
});

describe('Workspace Trust', () => {
  it('tells built-in pack names from files, npm packages and URLs', () => {
    expect(isBuiltInPackRef('van-ban')).toBe(true);
    expect(isBuiltInPackRef('binh-dang-gioi')).toBe(true);
    expect(isBuiltInPackRef('./team.pack.json')).toBe(false);
    expect(isBuiltInPackRef('@so-gd/plan-pack')).toBe(false);
    expect(isBuiltInPackRef('https://example.org/pack.json#sha256-abc')).toBe(false);
    expect(isBuiltInPackRef('/etc/pack.json')).toBe(false);
  });

  const settings = { ...DEFAULT_SETTINGS, packs: ['van-ban', './team.pack.json', 'https://example.org/p.json'], parent: 'kh.md', include: ['**/*.md'] };

  it('keeps everything in a trusted workspace', () => {
    expect(restrictForTrust(settings, true)).toBe(settings);
    expect(serverSettings(settings, true)).toEqual({
      enable: true,
      run: 'onType',
      packs: ['van-ban', './team.pack.json', 'https://example.org/p.json'],
      parent: 'kh.md',
      workspaceTrusted: true,
      onlyBuiltInPacks: false,
    });
  });

  it('sends a locale only when one is chosen: auto leaves it to the config file, then the display language', () => {
    expect(serverSettings(settings, true)).not.toHaveProperty('locale');
    expect(serverSettings({ ...settings, locale: 'vi' }, true).locale).toBe('vi');
    expect(serverSettings({ ...settings, locale: 'en' }, false).locale).toBe('en');
    expect(displayLocale('auto', 'en-US')).toBe('en');
    expect(displayLocale('auto', 'vi')).toBe('vi');
    expect(displayLocale('auto', 'fr')).toBe('vi');
    expect(displayLocale('vi', 'en')).toBe('vi');
  });

  it('keeps only built-in packs, no parent and no opted-in files in an untrusted one', () => {
    expect(restrictForTrust(settings, false)).toEqual({ ...settings, packs: ['van-ban'], parent: '', include: [] });
    expect(serverSettings(settings, false)).toMatchObject({ packs: ['van-ban'], parent: '', workspaceTrusted: false, onlyBuiltInPacks: true });
  });
});

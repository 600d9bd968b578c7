import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, normalizeSettings } from './settings.js';

describe('normalizeSettings', () => {
  it('reads the planLint section, wrapped or bare', () => {
    const expected = { ...DEFAULT_SETTINGS, locale: 'en', packs: ['van-ban'], parent: 'cap-tren.md', debounceMs: 0 };
    expect(normalizeSettings({ planLint: { locale: 'en', packs: ['van-ban'], parent: 'cap-tren.md', debounceMs: 0 } })).toEqual(expected);
    expect(normalizeSettings({ locale: 'en', packs: ['van-ban'], parent: 'cap-tren.md', debounceMs: 0 })).toEqual(expected);
  });

  it('falls back to the defaults on anything malformed', () => {
    expect(normalizeSettings(null)).toEqual(DEFAULT_SETTINGS);
    expect(normalizeSettings({ enable: 'yes', run: 'sometimes', locale: 'fr', packs: 'van-ban', debounceMs: 'fast' })).toEqual(DEFAULT_SETTINGS);
    expect(normalizeSettings({ debounceMs: 1e9 }).debounceMs).toBe(2000);
    expect(normalizeSettings({ packs: ['van-ban', 3, ''] }).packs).toEqual(['van-ban']);
  });

  it('restricts an untrusted workspace to the built-in packs', () => {
    expect(normalizeSettings({ workspaceTrusted: false }).onlyBuiltInPacks).toBe(true);
    expect(normalizeSettings({ onlyBuiltInPacks: true }).onlyBuiltInPacks).toBe(true);
    expect(normalizeSettings({ workspaceTrusted: true }).onlyBuiltInPacks).toBe(false);
  });
});

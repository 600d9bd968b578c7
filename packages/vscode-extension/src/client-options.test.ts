import { describe, expect, it } from 'vitest';
import { answerConfiguration, diagnosticPullOptions, initializationOptions, sameShape } from './client-options.js';
import { DEFAULT_SETTINGS } from './settings.js';

const settings = { ...DEFAULT_SETTINGS, packs: ['van-ban', './team.pack.json'], parent: 'kh.md', locale: 'en' as const };

describe('client options', () => {
  it('pulls diagnostics on change only when running on type', () => {
    expect(diagnosticPullOptions(DEFAULT_SETTINGS)).toEqual({ onChange: true, onSave: true, onFocus: true });
    expect(diagnosticPullOptions({ ...DEFAULT_SETTINGS, run: 'onSave' })).toEqual({ onChange: false, onSave: true, onFocus: true });
  });

  it('passes the trust-restricted settings at initialization', () => {
    expect(initializationOptions(settings, false)).toEqual({
      workspaceTrusted: false,
      settings: { enable: true, run: 'onType', packs: ['van-ban'], parent: '', locale: 'en', workspaceTrusted: false, onlyBuiltInPacks: true },
    });
  });

  it('answers workspace/configuration for planLint with our settings and leaves other sections alone', () => {
    const answered = [{ enable: true, packs: ['https://evil.example/p.json'] }, { tabSize: 2 }, 'raw', { editor: {} }];
    const items = [{ section: 'planLint' }, { section: 'editor' }, { section: 'planLint.locale' }, {}];
    const result = answerConfiguration(items, answered, settings, false);
    expect(result[0]).toMatchObject({ packs: ['van-ban'], parent: '', workspaceTrusted: false });
    expect(result[1]).toEqual({ tabSize: 2 });
    expect(result[2]).toBe('en');
    expect(result[3]).toMatchObject({ editor: {}, planLint: { packs: ['van-ban'] } });
  });

  it('compares client shapes by value', () => {
    const shape = { selector: [{ scheme: 'file' as const, pattern: '/ws/**/*.md' }], watchedFiles: ['/ws/a.json'], run: 'onType' as const, isTrusted: true };
    expect(sameShape(shape, structuredClone(shape))).toBe(true);
    expect(sameShape(shape, { ...shape, isTrusted: false })).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { packsInUse, readConfigRefs } from './config-file.js';
import { isLocalFileRef, watchTargetsFromConfig, watchTargetsFromSettings } from './watch-targets.js';

describe('readConfigRefs', () => {
  it('reads packs and parent from JSON with comments and trailing commas', () => {
    const text = '{\n  // the Phòng\'s pack\n  "packs": ["van-ban", "./packs/pgd.pack.json", {"path": "../shared/so.pack.json"}],\n  "parent": "../kh-pgd.md",\n}';
    expect(readConfigRefs(text)).toEqual({ packs: ['van-ban', './packs/pgd.pack.json', '../shared/so.pack.json'], parent: '../kh-pgd.md' });
  });

  it('gives undefined for a config that does not parse, and no parent when none is named', () => {
    expect(readConfigRefs('{ "packs": [ ')).toBeUndefined();
    expect(readConfigRefs('[]')).toBeUndefined();
    expect(readConfigRefs('{ "packs": "binh-dang-gioi" }')).toEqual({ packs: ['binh-dang-gioi'] });
  });

  it('lists the packs in use, config first, each once', () => {
    expect(packsInUse({ packs: ['van-ban', 'binh-dang-gioi'] }, ['van-ban', './x.pack.json'])).toEqual(['van-ban', 'binh-dang-gioi', './x.pack.json']);
    expect(packsInUse(undefined, [])).toEqual([]);
  });
});

describe('watch targets', () => {
  it('knows which pack references are local files', () => {
    expect(isLocalFileRef('./a.pack.json')).toBe(true);
    expect(isLocalFileRef('../a.json')).toBe(true);
    expect(isLocalFileRef('/abs/a.json')).toBe(true);
    expect(isLocalFileRef('packs/so.json')).toBe(true);
    expect(isLocalFileRef('file:///abs/a.json')).toBe(true);
    expect(isLocalFileRef('van-ban')).toBe(false);
    expect(isLocalFileRef('@so-gd/pack')).toBe(false);
    expect(isLocalFileRef('https://example.org/pack.json')).toBe(false);
  });

  it('resolves a config\'s local packs and parent against the config\'s folder', () => {
    const text = JSON.stringify({ packs: ['van-ban', './packs/pgd.pack.json', 'https://example.org/p.json'], parent: '../kh-pgd.docx' });
    expect(watchTargetsFromConfig('/ws/truong/plan-lint.config.json', text)).toEqual(['/ws/truong/packs/pgd.pack.json', '/ws/kh-pgd.docx']);
    expect(watchTargetsFromConfig('/ws/plan-lint.config.json', 'not json')).toEqual([]);
  });

  it('resolves the settings\' local packs and parent against the workspace folder', () => {
    expect(watchTargetsFromSettings('/ws', ['van-ban', 'team.pack.json'], 'parent/kh.md')).toEqual(['/ws/team.pack.json', '/ws/parent/kh.md']);
    expect(watchTargetsFromSettings('/ws', [], '')).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { configFolders, escapeGlobPath, nearestConfigFile, planDocumentSelector } from './document-scope.js';

describe('planDocumentSelector', () => {
  it('selects Markdown and .txt files under each folder that holds a config', () => {
    expect(planDocumentSelector(['/ws/plans/plan-lint.config.json', '/ws/other/.planlintrc.json'], [], ['/ws'])).toEqual([
      { scheme: 'file', language: 'markdown', pattern: '/ws/plans/**/*' },
      { scheme: 'file', language: 'plaintext', pattern: '/ws/plans/**/*.txt' },
      { scheme: 'file', language: 'markdown', pattern: '/ws/other/**/*' },
      { scheme: 'file', language: 'plaintext', pattern: '/ws/other/**/*.txt' },
    ]);
  });

  it('selects nothing without a config or an opt-in, so a README elsewhere stays quiet', () => {
    expect(planDocumentSelector([], [], ['/ws'])).toEqual([]);
  });

  it('adds opted-in globs relative to each workspace folder, absolute ones as they are', () => {
    expect(planDocumentSelector([], ['ke-hoach/*.md', '/srv/plans/**/*.txt'], ['/ws/a', '/ws/b'])).toEqual([
      { scheme: 'file', pattern: '/ws/a/ke-hoach/*.md' },
      { scheme: 'file', pattern: '/ws/b/ke-hoach/*.md' },
      { scheme: 'file', pattern: '/srv/plans/**/*.txt' },
    ]);
  });

  it('escapes glob characters of folder names', () => {
    expect(escapeGlobPath('/ws/[draft] {2024}/')).toBe('/ws/[[]draft[]] [{]2024[}]');
  });

  it('covers a nested config folder by its outer one only once', () => {
    expect(configFolders(['/ws/a/b/plan-lint.config.json', '/ws/a/plan-lint.config.json', '/ws/ab/plan-lint.config.json'])).toEqual(['/ws/a', '/ws/ab']);
  });
});

describe('nearestConfigFile', () => {
  const configs = ['/ws/plan-lint.config.json', '/ws/truong/.planlintrc.json', '/ws/truong-b/plan-lint.config.json', '/ws/x/not-a-config.json'];

  it('picks the config of the deepest enclosing folder', () => {
    expect(nearestConfigFile('/ws/truong/2024/kh.md', configs)).toBe('/ws/truong/.planlintrc.json');
    expect(nearestConfigFile('/ws/kh.md', configs)).toBe('/ws/plan-lint.config.json');
  });

  it('does not take a sibling folder with a common prefix for a parent', () => {
    expect(nearestConfigFile('/ws/truong-c/kh.md', configs)).toBe('/ws/plan-lint.config.json');
  });

  it('gives undefined outside every config folder', () => {
    expect(nearestConfigFile('/elsewhere/kh.md', configs)).toBeUndefined();
  });
});

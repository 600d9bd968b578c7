// The rules index, the docs pages' front matter and the closed list of rule ids are generated from
// the rule files (scripts/rule-docs.mjs): a rule file changed without running the script fails here.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { frontMatter, generatedFiles } from '../scripts/rule-docs.mjs';

describe('generated rule docs (node scripts/rule-docs.mjs)', () => {
  const files = generatedFiles();

  it('covers every rule folder, the index and the id list', () => {
    const ruleFiles = readdirSync('rules').flatMap((pack) => (existsSync(path.join('rules', pack, 'pack.json')) ? readdirSync(path.join('rules', pack)) : []).map((name) => path.join('rules', pack, name, 'rule.json'))).filter((file) => existsSync(file));
    const pages = [...files.keys()].filter((file) => path.basename(file) === 'README.md' && path.relative('rules', file).split(path.sep).length === 3);
    expect(pages.map((page) => path.relative(process.cwd(), path.dirname(page))).sort()).toEqual(ruleFiles.map((file) => path.dirname(file)).sort());
    expect(ruleFiles.length).toBeGreaterThanOrEqual(19);
  });

  for (const [file, content] of files) {
    it(`${path.relative(process.cwd(), file)} is up to date`, () => {
      expect(existsSync(file), `${file} exists`).toBe(true);
      expect(readFileSync(file, 'utf8') === content, `${file} is stale: run node scripts/rule-docs.mjs`).toBe(true);
    });
  }

  it('writes a front matter YAML can read back, quoting what would break it', () => {
    const text = frontMatter('p', {
      id: 'r',
      severity: 'error',
      messages: { a: {}, b: {} },
      needsParent: true,
      legalBasis: ['Nghị định 30/2020/NĐ-CP, Phụ lục I', 'Note: a colon', '#hash first'],
    });
    expect(text).toBe(
      [
        '---',
        'rule: r',
        'pack: p',
        'severity: error',
        'fixable: false',
        'suggestions: false',
        'needsParent: true',
        'messages: [a, b]',
        'legalBasis:',
        '  - Nghị định 30/2020/NĐ-CP, Phụ lục I',
        '  - "Note: a colon"',
        '  - "#hash first"',
        '---',
        '',
      ].join('\n'),
    );
  });
});

import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseJson, repoRoot, runCli } from './run-cli.js';

// fixtures/family/defects/<rule-id>.md plants one defect of that rule in the compliant plan;
// fixtures/formats/family/ holds the same plans as .txt, .docx and .pdf (make-family.sh).
const defects = readdirSync(path.join(repoRoot, 'fixtures/family/defects'))
  .filter((name) => name.endsWith('.md') && !name.endsWith('.fixed.md'))
  .map((name) => name.replace(/\.md$/, ''))
  .sort();
const FORMS = ['txt', 'docx', 'pdf'];

interface Result {
  filePath: string;
  messages: { ruleId: string | null }[];
}

describe('the fixture family as .md, .txt, .docx and .pdf', () => {
  const files = [
    ...defects.flatMap((rule) => [`fixtures/family/defects/${rule}.md`, ...FORMS.map((ext) => `fixtures/formats/family/defects/${rule}.${ext}`)]),
    'fixtures/family/compliant/truong-th-a.md',
    ...FORMS.map((ext) => `fixtures/formats/family/compliant/truong-th-a.${ext}`),
  ];
  // One run for all 80 files: the parent given on the command line applies to each of them.
  const run = runCli(['--parent', 'fixtures/family/parent/ke-hoach-phong.md', '--format', 'json', ...files]);
  const results = parseJson<Result[]>(run);
  const rulesOf = (file: string) => {
    const result = results.find((r) => r.filePath === path.join(repoRoot, file));
    if (!result) throw new Error(`${file} is not in the report`);
    return [...new Set(result.messages.map((m) => m.ruleId))].sort();
  };

  it('covers every rule of the family', () => {
    expect(defects.length).toBeGreaterThanOrEqual(19);
    expect(results).toHaveLength(files.length);
  });

  it.each(defects)('%s: the same rule ids in every form, and the planted one among them', (rule) => {
    const md = rulesOf(`fixtures/family/defects/${rule}.md`);
    expect(md).toContain(rule);
    for (const ext of FORMS) expect(rulesOf(`fixtures/formats/family/defects/${rule}.${ext}`), `${rule}.${ext}`).toEqual(md);
  });

  it('the compliant plan is clean in every form', () => {
    expect(rulesOf('fixtures/family/compliant/truong-th-a.md')).toEqual([]);
    for (const ext of FORMS) expect(rulesOf(`fixtures/formats/family/compliant/truong-th-a.${ext}`), ext).toEqual([]);
  });
});

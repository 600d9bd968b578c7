import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseExpectations } from '../testing/expectations.js';
import { sourceFromString } from '../decode/decode.js';
import { lintText } from '../lint.js';
import { parsePlan } from '../parse/index.js';
import type { Diagnostic } from './diagnostic.js';
import { loadBuiltinPack } from './pack-loader.js';
import { derivePack } from './derive-pack.js';
import { packSchemaValidator } from '../shared/schema-validators.js';
import type { LoadedPack } from './pack-types.js';

const root = path.resolve(import.meta.dirname, '../../../..');
const family = path.join(root, 'fixtures/family');
const parentText = parseExpectations(readFileSync(path.join(family, 'parent/ke-hoach-phong.md'), 'utf8')).text;
const parent = parsePlan(sourceFromString(parentText), { format: 'markdown' });

const brief = (d: Diagnostic) => `${d.position.start.line}:${d.position.start.column} ${d.ruleId}/${d.messageId} ${d.message}`;

async function derivedConfig() {
  const pack = derivePack(parent, { name: 'phong-quan-son' });
  const loaded: LoadedPack = {
    name: pack.name,
    version: pack.version,
    source: '<derived>',
    json: pack,
    extends: [await loadBuiltinPack('recommended')],
  };
  return { baseDir: root, packs: [loaded], rules: {}, overrides: [] };
}

describe('derivePack', () => {
  it('carries the parent facts and the rules that read them', () => {
    const pack = derivePack(parent);
    expect(pack.name).toBe('parent-18-kh-pgddt');
    expect(pack.extends).toEqual(['recommended']);
    expect(pack.parent).toMatchObject({
      symbol: '18/KH-PGDĐT',
      date: '2024-03-05',
      year: 2024,
      deadlines: { planSubmission: '2024-03-24', sixMonthReport: '2024-06-04', annualReport: '2024-12-09' },
    });
    expect(pack.parent?.actionMonth?.to).toBe('2024-12-15');
    expect(packSchemaValidator(pack)).toBe(true);
    expect(pack.rules?.map((rule) => rule.id).sort()).toEqual(['deadline-before-parent', 'parent-cited', 'submission-deadline']);
  });

  const plans = [
    ...readdirSync(path.join(family, 'defects')).filter((name) => /\.(md|txt)$/.test(name) && !name.includes('.fixed.')).map((name) => `defects/${name}`),
    ...readdirSync(path.join(family, 'compliant')).map((name) => `compliant/${name}`),
  ];

  it.each(plans)('%s: a derived pack gives the same diagnostics as --parent', async (name) => {
    const text = parseExpectations(readFileSync(path.join(family, name), 'utf8')).text;
    const filePath = path.join(family, name);
    const withParent = await lintText(text, { filePath, parent });
    const withPack = await lintText(text, { filePath, config: await derivedConfig() });
    expect(withPack.diagnostics.map(brief)).toEqual(withParent.diagnostics.map(brief));
  });

  it('parent rules fire on their planted defects and stay silent without a parent', async () => {
    const cases: Array<[string, string]> = [
      ['defects/deadline-before-parent.md', 'deadline-before-parent'],
      ['defects/submission-deadline.md', 'submission-deadline'],
      ['defects/parent-cited.md', 'parent-cited'],
    ];
    for (const [name, ruleId] of cases) {
      const text = parseExpectations(readFileSync(path.join(family, name), 'utf8')).text;
      const withParent = await lintText(text, { filePath: name, parent });
      expect(withParent.diagnostics.map((d) => d.ruleId)).toContain(ruleId);
      const alone = await lintText(text, { filePath: name });
      expect(alone.diagnostics.map((d) => d.ruleId)).not.toContain(ruleId);
    }
  });
});

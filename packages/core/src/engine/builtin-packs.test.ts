import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRulesDir } from './builtin-packs.js';
import { loadBuiltinPack } from './pack-loader.js';
import { operators } from './operators.js';
import { flattenPacks, resolveRuleSet } from './rule-set.js';
import RULE_IDS from '../../../../test/support/rule-ids.generated.json' with { type: 'json' };

// The built-in rule ids, per pack (never renamed): the closed list generated from the rule folders (scripts/rule-docs.mjs).
const SPEC_RULES: Record<string, string[]> = RULE_IDS;

describe('built-in packs', () => {
  it('validate against the pack schema and hold exactly the spec rule ids', async () => {
    for (const [name, ids] of Object.entries(SPEC_RULES)) {
      const pack = await loadBuiltinPack(name as 'van-ban');
      expect(pack.json.rules?.map((rule) => rule.id)).toEqual(ids);
    }
  });

  it('recommended extends both and gives all 19 rules with their spec severities', async () => {
    const recommended = await loadBuiltinPack('recommended');
    expect(flattenPacks([recommended]).map((pack) => pack.name)).toEqual(['binh-dang-gioi', 'van-ban', 'recommended']);
    const rules = resolveRuleSet({ baseDir: '.', packs: [recommended], rules: {}, overrides: [] }).rules;
    expect(rules).toHaveLength(19);
    const warnings = rules.filter((r) => r.severity === 'warning').map((r) => r.rule.id).sort();
    expect(warnings).toEqual(['citation-consistency', 'citation-format', 'duplicate-word', 'enumeration-sequence', 'recipients', 'report-deadlines', 'signature', 'year-consistency']);
  });

  it('every rule has Vietnamese and English messages and a docs page that exists', async () => {
    for (const name of Object.keys(SPEC_RULES)) {
      const pack = await loadBuiltinPack(name as 'van-ban');
      for (const rule of pack.json.rules ?? []) {
        expect(rule.docs).toBe(`https://github.com/plan-lint/plan-lint/blob/main/rules/${name}/${rule.id}/README.md`);
        expect(existsSync(path.join(builtinRulesDir(), name, rule.id, 'README.md'))).toBe(true);
        expect(pack.ruleDirs?.[rule.id]).toBe(path.join(builtinRulesDir(), name, rule.id));
        for (const message of Object.values(rule.messages)) {
          expect(message.vi.length).toBeGreaterThan(0);
          expect(message.en.length).toBeGreaterThan(0);
        }
      }
    }
  });
});

describe('custom operators', () => {
  const operator = (name: string) => (fact: unknown, value?: unknown) => operators.get(name)!.evaluate(fact, value);

  it('compare ISO dates and stay false when a side is missing', () => {
    expect(operator('dateAfter')('2024-03-26', '2024-03-24')).toBe(true);
    expect(operator('dateAfter')('2024-03-24', '2024-03-24')).toBe(false);
    expect(operator('dateAfter')(undefined, '2024-03-24')).toBe(false);
    expect(operator('dateOnOrBefore')('2024-03-24', '2024-03-24')).toBe(true);
    expect(operator('dateOnOrBefore')('2024-03-24', undefined)).toBe(false);
  });

  it('check ranges, years and lists', () => {
    const range = { from: '--11-15', to: '--12-15' };
    expect(operator('withinRange')('--11-20', range)).toBe(true);
    expect(operator('notWithinRange')('--10-20', range)).toBe(true);
    expect(operator('notWithinRange')(undefined, range)).toBe(false);
    expect(operator('yearEquals')(2024, 2024)).toBe(true);
    expect(operator('yearDiffers')(2023, 2024)).toBe(true);
    expect(operator('yearDiffers')(undefined, 2024)).toBe(false);
    expect(operator('notEmpty')(['tasks'], true)).toBe(true);
    expect(operator('isEmpty')([], true)).toBe(true);
  });

  it('compare a day of any year with a full date by month and day', () => {
    expect(operator('dateOnOrAfter')('2024-11-15', '--11-15')).toBe(true);
    expect(operator('dateBefore')('2024-11-14', '--11-15')).toBe(true);
    expect(operator('withinRange')('2024-12-15', { from: '--11-15', to: '--12-15' })).toBe(true);
    expect(operator('withinRange')('2025-12-16', { from: '--11-15', to: '--12-15' })).toBe(false);
    expect(operator('withinRange')('2025-01-02', { from: '--12-20', to: '--01-10' })).toBe(true);
  });

  it('match and refuse text with RE2 patterns, false on a missing text', () => {
    expect(operator('matches')('Tổng đài 111 miễn phí', 'Tổng đài\\s+111')).toBe(true);
    expect(operator('notMatches')('Tổng đài 111', '(?i)TỔNG ĐÀI 111')).toBe(false);
    expect(operator('matches')(undefined, 'a')).toBe(false);
    expect(operator('notMatches')(undefined, 'a')).toBe(false);
  });
});

describe('the pack schema names the facts the core computes', () => {
  it('lists exactly the facts of computeFacts', async () => {
    const { readFileSync } = await import('node:fs');
    const { computeFacts } = await import('../facts/index.js');
    const { parsePlan } = await import('../parse/index.js');
    const { sourceFromString } = await import('../decode/decode.js');
    const schema = JSON.parse(readFileSync(new URL('../../schemas/pack.schema.json', import.meta.url), 'utf8'));
    const source = sourceFromString('KẾ HOẠCH\nCông tác năm 2024\n');
    // `text` is not enumerable (inspect leaves it out); `item` and `date` are the evaluator's own.
    const keys = [...Object.keys(computeFacts(parsePlan(source), source)).filter((key) => key !== 'anchor'), 'text', 'item', 'date'];
    expect([...schema.$defs.factName.enum].sort()).toEqual(keys.sort());
    expect(schema.$defs.factName.markdownEnumDescriptions).toHaveLength(keys.length);
  });
});

import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sourceFromString } from '../decode/decode.js';
import { computeFacts } from '../facts/index.js';
import { parsePlan } from '../parse/index.js';
import { defaultConfig } from '../config/load-config.js';
import { Evaluator, type EvaluatedRule, type Firing } from './evaluator.js';
import { loadPackFromFile } from './pack-loader.js';
import { checksOf, type LoadedPack } from './pack-types.js';
import { compilePlainRules } from './plain-conditions.js';
import { operators } from './operators.js';
import { flattenPacks } from './rule-set.js';
import { runFactsOf } from './run-rules.js';

const ROOT = path.resolve(import.meta.dirname, '../../../..');

/** What a run fired, comparable: rule index and the item's place in its list. */
function fired(firings: Firing[], items: Map<object, number>): string[] {
  return firings.map((firing) => `${firing.rule}${firing.item ? `@${items.get(firing.item) ?? JSON.stringify(firing.item)}` : ''}`).sort();
}

/** The compiled fast path and `Engine.run` on the same rules and facts: the same firings, or both throw. */
async function expectSameAnswer(rules: EvaluatedRule[], facts: Record<string, unknown>, planFacts: object = facts, label = ''): Promise<void> {
  const evaluator = new Evaluator(rules);
  const itemIndex = new Map<object, number>();
  for (const value of Object.values(facts)) if (Array.isArray(value)) value.forEach((item, index) => item && typeof item === 'object' && itemIndex.set(item, index));
  let expected: string[] | undefined;
  let engineError: unknown;
  try {
    expected = fired(await evaluator.evaluateWithEngine(facts, planFacts), itemIndex);
  } catch (error) {
    engineError = error;
  }
  const compiled = compilePlainRules(rules.map((rule) => rule.conditions), operators);
  if (engineError) {
    // The engine rejects (an operator threw, e.g. `in` on a number): so must the compiled path.
    if (compiled) await expect(evaluator.evaluate(facts, planFacts), label).rejects.toThrow();
    return;
  }
  expect(fired(await evaluator.evaluate(facts, planFacts), itemIndex), label).toEqual(expected);
}

const ITEMS = [
  { due: '2024-03-20', parentDue: '2024-03-25', kind: 'annual-report', amount: 5_000_000, position: { start: { line: 1 }, end: { line: 1 } } },
  { due: '2024-03-24', parentDue: '2024-03-25', kind: 'six-month-report', amount: 0 },
  { due: '--11-20', kind: 'other', text: 'Lưu VT' },
  { marker: 'b)', expected: 'c)', registry: { issuer: 'Chính phủ' }, issuer: 'Thủ tướng Chính phủ' },
];

const FACTS = {
  count: 3,
  zero: 0,
  text: { plan: 'Tổng đài 111 và Lưu VT', sections: { budget: 'Nguồn ngân sách 5.000.000 đồng' } },
  empty: '',
  none: null,
  list: ITEMS,
  years: [2023, 2024],
  nested: { date: '2024-01-01', yearless: '--12-15', deep: { flag: true }, missing: [] },
  parent: { deadlines: { annualReport: '2024-12-10' } },
};
const FACT_NAMES = [...Object.keys(FACTS), 'item', 'absent'];
const PATHS = [undefined, '$.date', '$.due', '$.parentDue', '$.deep.flag', '$.missing', '$.nope', '$.length', '$[0]', '$.plan', '$.sections.budget',
  '$.registry.issuer', '$.issuer', '$.amount', '$.deadlines.annualReport', '$.yearless'];
const PATTERNS = ['Tổng đài\\s+111', '(?i)lưu\\s+vt', '^$', '(a+)+$', '\\d{1,3}(\\.\\d{3})+'];
const DATES = ['2024-06-05', '2023-12-31', '--11-15', '--12-15', '2024-03-22'];
const REFERENCES = [
  { fact: 'text' }, { fact: 'nested', path: '$.date' }, { fact: 'absent', path: '$.x' }, { fact: 'years' }, { fact: 'item', path: '$.parentDue' },
  { fact: 'item', path: '$.registry.issuer' }, { fact: 'parent', path: '$.deadlines.annualReport' },
  { fact: 'date', params: { fact: 'item', path: '$.parentDue', days: -3 } },
  { fact: 'date', params: { fact: 'nested', path: '$.yearless', days: 20 } },
  { fact: 'date', params: { fact: 'absent', days: 1 } },
];
const VALUES = [0, 1, 3, 2024, 5_000_000, 'a', '', true, false, null, [2023, 2024], ['a', 'b'], ...DATES, ...PATTERNS,
  { from: '2024-01-01', to: '2024-12-31' }, { from: '--11-15', to: '--12-15' }, ...REFERENCES];
const OPERATOR_NAMES = [...operators.keys(), 'not:equal'];

const leaf = fc.record(
  {
    fact: fc.oneof(fc.constantFrom(...FACT_NAMES), fc.constant('date')),
    operator: fc.constantFrom(...OPERATOR_NAMES),
    value: fc.constantFrom(...VALUES),
    path: fc.constantFrom(...PATHS),
  },
  { requiredKeys: ['fact', 'operator', 'value'] },
).map((node) => {
  const out: Record<string, unknown> = { ...node };
  if (out.path === undefined) delete out.path;
  // The `date` fact as the compared side takes its params like a reference.
  if (out.fact === 'date') out.params = { fact: 'item', path: '$.due', days: 3 };
  return out;
});

const { tree } = fc.letrec((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.record({ all: fc.array(tie('tree'), { maxLength: 4 }) }),
    fc.record({ any: fc.array(tie('tree'), { maxLength: 4 }) }),
    fc.record({ not: tie('tree') }),
  ),
}));

const topLevel = tree.map((node) => ('all' in node || 'any' in node || 'not' in node ? node : { all: [node] }));

const FOR_EACH = [undefined, 'list', { fact: 'nested', path: '$.deep' }, 'absent'] as const;

describe('the compiled fast path answers exactly as Engine.run', () => {
  it('on thousands of random condition trees, per document and per item', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ conditions: topLevel, forEach: fc.constantFrom(...FOR_EACH) }), { minLength: 1, maxLength: 5 }),
        async (drawn) => {
          const rules = drawn.map((rule, index) => ({ id: `r${index}`, conditions: rule.conditions as never, forEach: rule.forEach as never }));
          await expectSameAnswer(rules, { ...FACTS });
        },
      ),
      { numRuns: 2000 },
    );
  }, 120_000);

  it('leaves to the engine what it does not model', () => {
    const simple = { fact: 'count', operator: 'equal', value: 3 };
    const refused = [
      { all: [{ ...simple, priority: 2 }] },
      { all: [simple], priority: 1 },
      { all: [{ condition: 'shared' }] },
      { all: [{ ...simple, value: { fact: 'zero', params: {} } }] },
      { all: [{ ...simple, operator: 'noSuchOperator' }] },
      { all: [{ ...simple, operator: 'not:equal' }] },
      { all: [{ ...simple, params: { x: 1 } }] },
      { all: [{ ...simple, value: { fact: 'date', params: { fact: 'date' } } }] },
      { all: [simple], any: [simple] },
      { condition: 'shared' },
    ];
    for (const conditions of refused) expect(compilePlainRules([conditions], operators), JSON.stringify(conditions)).toBeUndefined();
  });
});

function planFiles(folder: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(folder)) {
    const full = path.join(folder, name);
    if (statSync(full).isDirectory()) out.push(...planFiles(full));
    else if (/\.(md|txt)$/.test(name) && !/README/.test(name)) out.push(full);
  }
  return out.sort();
}

/** Every pack shipped in the repository: the built-in packs and the example packs under docs/. */
async function shippedPacks(): Promise<LoadedPack[]> {
  const config = await defaultConfig();
  const packs = flattenPacks(config.packs);
  const examples = path.join(ROOT, 'docs/examples');
  let files: string[] = [];
  try {
    files = readdirSync(examples, { recursive: true, encoding: 'utf8' }).filter((name) => /(^|\/)pack\.json$/.test(name));
  } catch {
    files = [];
  }
  for (const file of files) packs.push(...flattenPacks([await loadPackFromFile(path.join(examples, file))]));
  return packs;
}

describe('every shipped pack on every fixture', () => {
  it('gets the same answer from the compiled path and Engine.run', async () => {
    const packs = await shippedPacks();
    const rules: EvaluatedRule[] = packs.flatMap((pack) =>
      (pack.json.rules ?? []).flatMap((rule) => checksOf(rule).map((check) => ({ id: rule.id, conditions: check.conditions, forEach: check.forEach }))),
    );
    expect(compilePlainRules(rules.map((rule) => rule.conditions), operators), 'the shipped packs take the fast path').toBeDefined();
    const files = planFiles(path.join(ROOT, 'fixtures'));
    expect(files.length).toBeGreaterThan(50);
    for (const file of files) {
      const source = sourceFromString(readFileSync(file, 'utf8'));
      const facts = computeFacts(parsePlan(source, { format: file.endsWith('.md') ? 'markdown' : 'text' }), source);
      await expectSameAnswer(rules, runFactsOf(facts), facts, path.relative(ROOT, file));
    }
  }, 300_000);
});

describe('explain and lint agree', () => {
  it('on every fixture, each rule fired for explain exactly when lint reported it', async () => {
    const { lintText } = await import('../lint.js');
    const { explainResult } = await import('../report/explain.js');
    const config = await defaultConfig();
    let compared = 0;
    let fired = 0;
    for (const file of planFiles(path.join(ROOT, 'fixtures'))) {
      const text = readFileSync(file, 'utf8');
      // Inline disables hide findings from lint, not from the conditions: they are left out here.
      if (text.includes('plan-lint-disable')) continue;
      const result = await lintText(text, { filePath: file, config });
      for (const explanation of await explainResult(result, config)) {
        if (explanation.outcome === 'not-applicable') continue;
        const reported = explanation.findings.length + explanation.waived.length > 0;
        expect(explanation.fired, `${path.relative(ROOT, file)} ${explanation.ruleId}`).toBe(reported);
        compared++;
        if (reported) fired++;
      }
    }
    expect(compared).toBeGreaterThan(500);
    expect(fired).toBeGreaterThan(50);
  }, 300_000);
});

import { Engine } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import { customOperators } from './operators.js';
import { resolvePath } from './path-resolver.js';
import { compilePlainRules } from './plain-conditions.js';

function engineWith(conditions: unknown[]): Engine {
  const engine = new Engine([], { allowUndefinedFacts: true, allowUndefinedConditions: false, pathResolver: resolvePath });
  for (const [name, evaluate] of customOperators) engine.addOperator(name, evaluate);
  conditions.forEach((condition, index) => engine.addRule({ name: `r${index}`, conditions: condition as never, event: { type: `r${index}` } }));
  return engine;
}

/** A tiny deterministic generator, so a failure names a seed that reproduces it. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
}

const FACTS = {
  count: 3,
  zero: 0,
  text: '2024-06-05',
  empty: '',
  none: null,
  list: [{ issues: { a: {} } }, { issues: {} }],
  years: [2023, 2024],
  nested: { date: '2024-01-01', deep: { flag: true }, missing: [] },
  parent: {},
};
const FACT_NAMES = [...Object.keys(FACTS), 'absent'];
const PATHS = [undefined, '$.date', '$.deep.flag', '$.missing', '$.nope', '$.length', '$[0]'];
const VALUES = [0, 1, 3, 2024, '2024-06-05', '2023-12-31', 'a', '', true, false, null, [2023, 2024], ['a', 'b'], { from: '2024-01-01', to: '2024-12-31' },
  { fact: 'text' }, { fact: 'nested', path: '$.date' }, { fact: 'absent', path: '$.x' }, { fact: 'years' }];
const OPERATORS = ['equal', 'notEqual', 'in', 'notIn', 'contains', 'doesNotContain', 'lessThan', 'greaterThanInclusive', 'not:equal', ...customOperators.map(([name]) => name)];

function randomCondition(next: () => number, depth: number): unknown {
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
  const roll = next();
  if (depth < 3 && roll < 0.35) {
    const children = Array.from({ length: Math.floor(next() * 4) }, () => randomCondition(next, depth + 1));
    return roll < 0.15 ? { all: children } : roll < 0.3 ? { any: children } : { not: randomCondition(next, depth + 1) };
  }
  const leaf: Record<string, unknown> = { fact: pick(FACT_NAMES), operator: pick(OPERATORS), value: pick(VALUES) };
  const path = pick(PATHS);
  if (path) leaf.path = path;
  return leaf;
}

describe('plain conditions', () => {
  it('fire exactly the rules json-rules-engine fires, on random condition trees', async () => {
    for (let seed = 1; seed <= 300; seed++) {
      const next = random(seed);
      const conditions = Array.from({ length: 6 }, () => {
        const top = randomCondition(next, 0) as Record<string, unknown>;
        return 'all' in top || 'any' in top || 'not' in top ? top : { all: [top] };
      });
      const engine = engineWith(conditions);
      const compiled = compilePlainRules(conditions, engine);
      expect(compiled, `seed ${seed}`).toBeDefined();
      let expected: string[];
      try {
        expected = (await engine.run({ ...FACTS })).events.map((event) => event.type).sort();
      } catch {
        // The engine rejects (an operator threw, e.g. `in` on a number): so must the plain evaluation.
        expect(() => compiled!.forEach((passes) => passes({ ...FACTS })), `seed ${seed}`).toThrow();
        continue;
      }
      const fired = compiled!.flatMap((passes, index) => (passes({ ...FACTS }) ? [`r${index}`] : []));
      expect(fired.sort(), `seed ${seed}: ${JSON.stringify(conditions)}`).toEqual(expected);
    }
  });

  it('leave to the engine what they do not model', () => {
    const leaf = { fact: 'count', operator: 'equal', value: 3 };
    const refused = [
      { all: [{ ...leaf, priority: 2 }] },
      { all: [leaf], priority: 1 },
      { all: [{ condition: 'shared' }] },
      { all: [{ ...leaf, value: { fact: 'zero', params: {} } }] },
      { all: [{ ...leaf, operator: 'noSuchOperator' }] },
      { all: [{ ...leaf, params: { x: 1 } }] },
      { all: [leaf], any: [leaf] },
      { condition: 'shared' },
    ];
    for (const conditions of refused) {
      const engine = new Engine([], { allowUndefinedFacts: true });
      expect(compilePlainRules([conditions], engine), JSON.stringify(conditions)).toBeUndefined();
    }
  });
});

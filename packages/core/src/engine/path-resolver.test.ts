import { Almanac, type PathResolver } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import { resolvePath } from './path-resolver.js';

const jsonPath = (new Almanac() as unknown as { pathResolver: PathResolver }).pathResolver;

describe('resolvePath', () => {
  const facts = {
    date: '2024-06-05',
    empty: '',
    zero: 0,
    none: null,
    missing: [] as string[],
    list: ['a', 'b'],
    deadlines: { planSubmission: '2024-03-01', nested: { deep: false } },
    explicitUndefined: undefined,
  };
  const paths = [
    '$.date', '$.date.length', '$.empty', '$.empty.length', '$.zero', '$.zero.toFixed', '$.none', '$.none.x', '$.missing',
    '$.missing.length', '$.list', '$.list.length', '$.deadlines.planSubmission', '$.deadlines.nested.deep', '$.nope',
    '$.nope.deeper', '$.explicitUndefined', '$.toString', '$.constructor', '$.__proto__', '$.hasOwnProperty',
    // Not plain names: read by JSONPath itself.
    '$.list[0]', '$.list[1]', '$.list.0', '$.deadlines.*', '$..deep', '$', 'date', '$.list[-1:]',
  ];

  it.each(paths)('reads %s as JSONPath does', (path) => {
    expect(resolvePath(facts, path)).toEqual(jsonPath(facts, path));
  });
});

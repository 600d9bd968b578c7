import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_PACK_RULES } from '../engine/pack-loader.js';
import { PlanLintInputError } from './errors.js';
import { parseJsonFile, type ItemLimit } from './json-file.js';

const limits: Record<string, ItemLimit> = { rules: { max: 2, message: (count, max) => `${count} rules, at most ${max}` } };

function refusal(text: string): PlanLintInputError {
  try {
    parseJsonFile('pack.json', text, 'pack-json', limits);
  } catch (error) {
    expect(error).toBeInstanceOf(PlanLintInputError);
    return error as PlanLintInputError;
  }
  throw new Error('expected the text to be refused');
}

describe('item limits, checked on the text before it is parsed', () => {
  it('count the items of the named top-level array, and point at the first one over the limit', () => {
    const error = refusal('{\n "name": "x",\n "rules": [\n  {"id": "a"},\n  {"id": "b"},\n  {"id": "c"}, {"id": "d"}\n ]\n}');
    expect([error.message, error.line, error.column]).toEqual(['4 rules, at most 2', 6, 3]);
    // Strings, numbers, nested arrays and a trailing comma are items like any other (JSON with comments allowed).
    expect(refusal('{"rules": ["a,]", [1, 2], /* [ */ 3 // ]\n, ]}').message).toBe('3 rules, at most 2');
    // A file cut off inside the array is refused by its count too.
    expect(refusal('{"rules": [{}, {}, {}').message).toBe('3 rules, at most 2');
  });

  it('count only that array: not other keys, nested arrays called "rules", or a "rules" string value', () => {
    const accepted = [
      '{"rules": [{}, {}], "extends": [1, 2, 3, 4]}',
      '{"rules": [{"rules": [1, 2, 3]}, {}]}',
      '{"name": "rules", "other": [1, 2, 3]}',
      '["rules", [1, 2, 3]]',
      '{"rules": [ /* a, b, c */ {}, {} , ]}',
      '{"note": "\\"rules\\"", "x": [1, 2, 3]}',
    ];
    for (const text of accepted) expect(() => parseJsonFile('pack.json', text, 'pack-json', limits), text).not.toThrow();
  });

  it('the pack limit is the schema maxItems of "rules"', () => {
    const schema = JSON.parse(readFileSync(new URL('../../schemas/pack.schema.json', import.meta.url), 'utf8'));
    expect(MAX_PACK_RULES).toBe(schema.properties.rules.maxItems);
  });
});

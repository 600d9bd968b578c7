import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_PACK_RULES } from '../engine/pack-loader.js';
import { PlanLintInputError } from './errors.js';
import { parseTree } from 'jsonc-parser';
import { parseJsonFile, positionOfPointer, type ItemLimit } from './json-file.js';

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

describe('strict JSON through JSON.parse, the tree built only for positions', () => {
  it('gives the values and positions the tree parser gives', () => {
    const text = '{\n  "a": [1, -0, 2.5e3, "x\\u00e9\\n"],\n  "b": {"c": null, "c": true}\n}';
    const file = parseJsonFile('f.json', text, 'pack-json');
    expect(file.value).toEqual({ a: [1, -0, 2500, 'x\u00e9\n'], b: { c: true } });
    expect(positionOfPointer(file, '/b/c')).toEqual({ line: 3, column: 14 });
    expect(positionOfPointer(file, '/a/3')).toEqual({ line: 2, column: 23 });
    expect(file.tree).toEqual(parseTree(text, [], { allowTrailingComma: true, disallowComments: false }));
  });

  it('leaves a "__proto__" key, escaped or not, to the tree parser, which sets the prototype as before', () => {
    for (const text of ['{"__proto__": {"x": 1}}', '{"\\u005f_proto__": {"x": 1}}']) {
      const value = parseJsonFile('f.json', text, 'pack-json').value as Record<string, unknown>;
      expect(Object.keys(value), text).toEqual([]);
      expect(value.x, text).toBe(1);
    }
  });
});

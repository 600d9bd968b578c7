import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sourceFromString } from '../decode/decode.js';
import { computeFacts } from '../facts/index.js';
import { parsePlan } from '../parse/index.js';
import type { PlanDocument } from '../parse/ast.js';
import { defaultConfig } from '../config/load-config.js';
import { resolveRuleSet } from './rule-set.js';
import { runRules } from './run-rules.js';

/** The AST with every position removed, as a transform would generate it. */
function withoutPositions(document: PlanDocument): PlanDocument {
  return JSON.parse(JSON.stringify(document, (key, value) => (/position$/i.test(key) ? undefined : value))) as PlanDocument;
}

describe('rules on a position-free tree (as remark-lint checks)', () => {
  it.each(['000_4996ab619162ff16', '003_b27ce499e714ffb3', '004_e583f4aa35644512'])('seed %s: no crash, and no AST item is blamed', async (name) => {
    const source = sourceFromString(readFileSync(`fixtures/seeds/${name}.txt`, 'utf8'));
    const document = withoutPositions(parsePlan(source, { format: 'text' }));
    const ruleSet = resolveRuleSet(await defaultConfig());
    const diagnostics = await runRules(ruleSet, computeFacts(document, source), 'vi');
    // What remains comes from the text itself (repeated words) or concerns the whole document.
    const fromAstItems = diagnostics.filter((d) => ['citation-symbol', 'citation-issuer', 'citation-format', 'enumeration-sequence', 'year-consistency'].includes(d.ruleId));
    expect(fromAstItems).toEqual([]);
    for (const diagnostic of diagnostics) {
      expect(diagnostic.position.end.offset).toBeLessThanOrEqual(source.original.length);
    }
  });
});

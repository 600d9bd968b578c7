// A Word plan and the Markdown it was made from (fixtures/formats/make*.sh: pandoc) are the same
// plan: the facts the rules see must be equal, wherever they are in each text.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeBytes, parsePlan, type SourceText } from '@plan-lint/core';
import { decodeDocx } from '../../packages/core/src/decode/docx.js';
import { computeFacts } from '../../packages/core/src/facts/index.js';
import { repoRoot } from '../support/load-plan.js';

const PAIRS = [
  ['fixtures/formats/plan.md', 'fixtures/formats/plan.docx'],
  ['fixtures/formats/clean.md', 'fixtures/formats/clean.docx'],
  ['fixtures/family/compliant/truong-th-a.md', 'fixtures/formats/family/compliant/truong-th-a.docx'],
  ['fixtures/family/defects/enumeration-sequence.md', 'fixtures/formats/family/defects/enumeration-sequence.docx'],
  ['fixtures/family/defects/roles-declared.md', 'fixtures/formats/family/defects/roles-declared.docx'],
  ['fixtures/family/defects/report-deadlines.md', 'fixtures/formats/family/defects/report-deadlines.docx'],
];

/** The facts without where they are (positions, offsets, line numbers) nor the front matter the .docx never had. */
function located(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(located);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (/position|offset|^line$|^column$|^start$|^end$|frontMatter|^range$|^at$/i.test(key)) continue;
    out[key] = located(inner);
  }
  return out;
}

const facts = (source: SourceText) => located(computeFacts(parsePlan(source, { format: 'markdown' }), source));
const stripFrontMatter = (text: string) => text.replace(/^---\n[\s\S]*?\n---\n\n?/, '').replace(/[ \t]*\{\{[^{}]*\}\}/g, '');

describe.each(PAIRS)('%s and %s', (md, docx) => {
  it('give the same facts', async () => {
    const markdown = decodeBytes(Buffer.from(stripFrontMatter(readFileSync(`${repoRoot}${md}`, 'utf8'))), md);
    const word = await decodeDocx(readFileSync(`${repoRoot}${docx}`), docx);
    const expected = facts(markdown);
    // Not vacuous: the plan's metadata, sections, deadlines, roles … are there to compare.
    expect(JSON.stringify(expected).length).toBeGreaterThan(2000);
    expect(facts(word)).toEqual(expected);
  });
});

// `plan-lint convert` writes the document tree as Markdown; reading that Markdown back must give
// the plan's facts again (issue 12, item 1): seeds, the format fixtures and a plan with tables.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { decodeBytes, parsePlan, sourceFromString, type SourceText } from '@plan-lint/core';
import { decodeDocx } from '../../packages/core/src/decode/docx.js';
import { decodePdf } from '../../packages/core/src/decode/pdf.js';
import { formatFromPath } from '../../packages/core/src/decode/by-extension.js';
import { computeFacts } from '../../packages/core/src/facts/index.js';
import { treeToMarkdown } from '../../packages/cli/src/convert/to-markdown.js';
import { repoRoot } from '../support/load-plan.js';

const PLANS = [
  'fixtures/seeds/000_4996ab619162ff16.txt',
  'fixtures/seeds/001_b75ea42580e22e9e.txt',
  'fixtures/seeds/002_eb56f502ee18d6dc.txt',
  'fixtures/seeds/003_b27ce499e714ffb3.txt',
  'fixtures/seeds/004_e583f4aa35644512.txt',
  'fixtures/plans/004_e583f4aa35644512.md',
  'fixtures/formats/plan.md',
  'fixtures/formats/plan.txt',
  'fixtures/formats/plan.docx',
  'fixtures/formats/plan.pdf',
  'fixtures/tables/ke-hoach-bang.md',
  'fixtures/tables/ke-hoach-bang.txt',
];

// Where facts sit in the file differs between the plan and its Markdown; what they say must not.
const PLACES = new Set(['position', 'datePosition', 'anchor', 'headingPosition', 'unitPosition', 'symbolPosition', 'docTypePosition', 'evidence', 'line', 'column', 'offset', 'start', 'end', 'range']);

function withoutPlaces(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutPlaces);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([key]) => !PLACES.has(key)).map(([key, entry]) => [key, withoutPlaces(entry)]));
  }
  return value;
}

async function read(file: string): Promise<{ source: SourceText; format: 'markdown' | 'text' }> {
  const bytes = readFileSync(path.join(repoRoot, file));
  // Read as plan-lint reads each format (a .docx becomes Markdown).
  const format = formatFromPath(file);
  if (file.endsWith('.docx')) return { source: await decodeDocx(bytes, file), format };
  if (file.endsWith('.pdf')) return { source: await decodePdf(bytes, file), format };
  return { source: decodeBytes(bytes, file), format };
}

describe('convert: the Markdown read back gives the same facts', () => {
  for (const file of PLANS) {
    test(file, async () => {
      const { source, format } = await read(file);
      const document = parsePlan(source, { format });
      const markdown = treeToMarkdown(document.tree);
      const back = sourceFromString(markdown);
      const again = parsePlan(back, { format: 'markdown' });
      const facts = withoutPlaces(computeFacts(document, source)) as Record<string, Record<string, unknown>>;
      const factsAgain = withoutPlaces(computeFacts(again, back)) as Record<string, Record<string, unknown>>;
      // Some facts are read from the file's raw text, where a line break splits `2021-⏎2025` (a
      // year, not a range) or `nguồn hợp⏎pháp`; the Markdown writes each paragraph on one line.
      for (const value of [facts, factsAgain]) {
        delete value.yearsUsed;
        delete value.budget.sources;
        // A citation's symbol and issuer exactly as written (with a hard wrap inside `56-⏎KL/TU`), and
        // the Party-form edit, which is not offered across such a wrap.
        for (const citation of value.citations as unknown as Array<Record<string, unknown>>) {
          delete citation.symbolWritten;
          delete citation.issuerWritten;
          delete citation.partyFormFix;
        }
      }
      expect(factsAgain).toEqual(facts);
    });
  }
});

describe('convert: what is kept as written', () => {
  test('numbering markers, headings and tables', () => {
    const text = 'I. MỤC ĐÍCH\n\n1.1. Mục tiêu\n\na) Một;\nđ) Năm;\n- gạch\n\n| Nội dung | Thời gian |\n| --- | --- |\n| Báo cáo \\| năm | 10/12/2026 |\n';
    const markdown = treeToMarkdown(parsePlan(text, { format: 'text' }).tree);
    expect(markdown).toBe(
      '# I. MỤC ĐÍCH\n\n### 1.1. Mục tiêu\n\na) Một;\nđ) Năm;\n  - gạch\n\n| Nội dung       | Thời gian  |\n| -------------- | ---------- |\n| Báo cáo \\| năm | 10/12/2026 |\n',
    );
  });
});

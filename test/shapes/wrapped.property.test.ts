// Property: a plan exported as hard-wrapped text (Word's or pdftotext's) reads as the plan itself.
// The plan is fixtures/shapes/compliant/th-vinh-hoa.list.md as plain text; it is wrapped at a random
// width, with or without a blank line between wrapped lines, and cut into pages with a page number
// and a running header on every page (after a form feed, as pdftotext writes, or after a `-2-`
// line) — inside paragraphs too. Its facts and findings must be those of the unwrapped text.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { lintText } from '@plan-lint/core';
import { describe, expect, it } from 'vitest';
import { describeDiagnostics, parentOf, parseFile, projectFacts, SHAPES } from './shapes-support.js';

const PLAN = path.join(SHAPES, 'compliant', 'th-vinh-hoa.list.md');
// The plan as text: Markdown heading marks dropped, one paragraph a line.
const paragraphs = readFileSync(PLAN, 'utf8')
  .split('\n')
  .map((line) => line.replace(/^#+\s+/, '').trim())
  .filter(Boolean);
const plain = paragraphs.join('\n\n') + '\n';
const ACTION_MONTH = 'từ ngày 15/11/2026 đến ngày 15/12/2026';
if (!plain.includes(ACTION_MONTH)) throw new Error('th-vinh-hoa.list.md no longer writes the action month this test rewrites');

// A word that would read as a list marker at the start of a line (`-`, `a)`, `1.`): an export that
// put it there wrote a text no reader can tell from a list, so the wrapper keeps it on the line before.
const MARKER_WORD = /^(?:[-+*•–]|[a-zđ]\)|\d{1,2}(?:\.\d{1,2})*[.)]|[IVXL]{1,6}\.)$/;

function wrapParagraph(paragraph: string, width: number): string[] {
  const words = paragraph.split(' ');
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line && line.length + 1 + word.length > width && !MARKER_WORD.test(word)) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

interface Export {
  width: number;
  blankBetween: boolean;
  pageLines: number;
  pageBreak: 'feed' | 'marker';
  header: string;
  /** The action month's dates in words, which a wrap may split after `ngày` or `tháng`. */
  inWords: boolean;
}

function exportText({ width, blankBetween, pageLines, pageBreak, header, inWords }: Export): string {
  // The running header stands on every page, the first too (one page's line alone is no running header).
  const out: string[] = [header, ''];
  let page = 1;
  let onPage = 0;
  const newPage = () => {
    page++;
    onPage = 0;
    if (pageBreak === 'feed') out.push(`Trang ${page - 1}`, `\f${header}`, '');
    else out.push('', `-${page}-`, '', header, '');
  };
  paragraphs.forEach((written, index) => {
    const paragraph = inWords ? written.replace(ACTION_MONTH, 'từ ngày 15 tháng 11 đến ngày 15 tháng 12 năm 2026') : written;
    const lines = wrapParagraph(paragraph, width);
    lines.forEach((line, k) => {
      if (onPage >= pageLines) newPage();
      out.push(line);
      onPage++;
      if (k < lines.length - 1 && blankBetween) out.push('');
    });
    if (index < paragraphs.length - 1) out.push('');
  });
  if (pageBreak === 'feed') out.push(`Trang ${page}`, '\f');
  return out.join('\n') + '\n';
}

const exports = fc.record({
  width: fc.integer({ min: 45, max: 110 }),
  blankBetween: fc.boolean(),
  pageLines: fc.integer({ min: 12, max: 45 }),
  pageBreak: fc.constantFrom('feed' as const, 'marker' as const),
  inWords: fc.boolean(),
  header: fc.constantFrom('Trường Tiểu học Vĩnh Hòa', 'KẾ HOẠCH CÔNG TÁC BÌNH ĐẲNG GIỚI NĂM 2026', 'Kế hoạch số 12/KH-THVH ngày 03/02/2026'),
});

describe('a hard-wrapped export of a plan reads as the plan', () => {
  it('at any width, with or without blank lines, across pages with a page number and a running header', async () => {
    const parent = await parseFile(await parentOf(PLAN));
    const options = { filePath: PLAN.replace(/\.md$/, '.txt'), format: 'text' as const, parent };
    const baseline = await lintText(plain, options);
    expect(describeDiagnostics(baseline.diagnostics)).toBe('');
    const expected = projectFacts(baseline.facts);
    await fc.assert(
      fc.asyncProperty(exports, async (shape) => {
        const text = exportText(shape);
        const result = await lintText(text, options);
        expect(projectFacts(result.facts), text).toEqual(expected);
        expect(describeDiagnostics(result.diagnostics), text).toBe('');
      }),
      { numRuns: 400 },
    );
  });
});

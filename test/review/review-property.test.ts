import { readFileSync } from 'node:fs';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reviewDocx, type Diagnostic } from '@plan-lint/core';
import { decodeDocx } from '../../packages/core/src/decode/docx.js';
import { repoRoot } from '../cli/run-cli.js';
import { buildDocx } from '../support/docx-builder.js';

// Ranges no rule gives (anywhere, overlapping, empty, crossing tables and notes): the copy must
// stay a Word document with the same text, one well-nested comment per range.
const documents: [string, Buffer][] = [
  ['plan.docx', readFileSync(path.join(repoRoot, 'fixtures/formats/plan.docx'))],
  ['tables/truong-thpt-ll.docx', readFileSync(path.join(repoRoot, 'fixtures/formats/tables/truong-thpt-ll.docx'))],
  ['word/automatic-lists.lo.docx', readFileSync(path.join(repoRoot, 'fixtures/formats/word/automatic-lists.lo.docx'))],
  [
    'built',
    buildDocx({
      lists: { 1: [{ format: 'lowerLetter', text: '%1)' }] },
      body: [
        'KẾ HOẠCH',
        { p: ['Có hộp ', { textbox: ['Trong hộp'] }, 'sau hộp'] },
        { p: 'một & hai\tba\nbốn', num: [1, 0] },
        { table: [['A | B', ''], [{ blocks: ['x', 'y'] }, { blocks: [''], vMerge: 'restart' }], ['z', { blocks: [''], vMerge: 'continue' }]] },
        { p: ['chú thích', { footnote: 1 }, { hidden: 'ẩn' }, ' cuối'] },
      ],
      footnotes: { 1: 'Lời chú thích' },
    }),
  ],
];

const point = (offset: number) => ({ line: 0, column: 0, offset });
const diagnostic = (start: number, end: number): Diagnostic => ({
  ruleId: 'duplicate-word',
  messageId: 'repeated',
  severity: 'warning',
  message: `${start}-${end}`,
  position: { start: point(start), end: point(end) },
  docsUrl: 'https://example.org/x.md',
  pack: 'van-ban',
});

function documentXml(bytes: Uint8Array): string {
  const buffer = Buffer.from(bytes);
  const eocd = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let offset = buffer.readUInt32LE(eocd + 16);
  for (let n = buffer.readUInt16LE(eocd + 10); n > 0; n--) {
    const nameLength = buffer.readUInt16LE(offset + 28);
    const name = buffer.subarray(offset + 46, offset + 46 + nameLength).toString('utf8');
    if (name === 'word/document.xml') {
      const local = buffer.readUInt32LE(offset + 42);
      const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
      return inflateRawSync(buffer.subarray(start, start + buffer.readUInt32LE(offset + 20))).toString('utf8');
    }
    offset += 46 + nameLength + buffer.readUInt16LE(offset + 30) + buffer.readUInt16LE(offset + 32);
  }
  throw new Error('no document.xml');
}

describe('reviewDocx on random ranges', () => {
  it.each(documents)('%s: same text, one ordered pair of marks and one reference per range', async (_name, bytes) => {
    const markdown = (await decodeDocx(bytes, 'plan.docx')).original;
    const length = markdown.length;
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.tuple(fc.integer({ min: 0, max: length }), fc.integer({ min: 0, max: 200 })).map(([start, size]) => [start, Math.min(length, start + size)] as const),
          { minLength: 1, maxLength: 12 },
        ),
        async (ranges) => {
          const copy = await reviewDocx(bytes, ranges.map(([start, end]) => diagnostic(start, end)));
          expect(copy.comments).toBe(ranges.length);
          // decodeDocx parses the XML: a malformed copy throws here.
          expect((await decodeDocx(copy.bytes, 'copy.docx')).original).toBe(markdown);
          const xml = documentXml(copy.bytes);
          for (let id = 0; id < ranges.length; id++) {
            const start = xml.indexOf(`<w:commentRangeStart w:id="${id}"/>`);
            const end = xml.indexOf(`<w:commentRangeEnd w:id="${id}"/>`);
            expect(start).toBeGreaterThan(-1);
            expect(end).toBeGreaterThan(start);
            expect(xml.indexOf(`<w:commentReference w:id="${id}"/>`)).toBeGreaterThan(end);
            // Marks sit between runs, never inside a w:r (nor a w:t).
            for (const at of [start, end]) {
              const before = xml.slice(0, at);
              expect((before.match(/<w:r[\s>]/g) ?? []).length - (before.match(/<\/w:r>/g) ?? []).length).toBe(0);
            }
          }
        },
      ),
      { numRuns: 40, seed: 20261207 },
    );
  }, 120_000);
});

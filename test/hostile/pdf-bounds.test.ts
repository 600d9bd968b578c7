// Issue 14 item 3: text extracted from a PDF is capped (20 MB, as text files) and so is the work per
// page and per document; a PDF past a cap is an input error, never a hang or an out-of-memory.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_INPUT_BYTES } from '@plan-lint/core';
import { decodePdf } from '../../packages/core/src/decode/pdf.js';
import { PDF_LIMITS, type PdfLimits } from '../../packages/core/src/decode/pdf.js';
import { pdfBomb } from './pdf-bomb.js';
import { runPlanLint } from './spawn-cli.js';
import { cpuMsAsync } from '../support/cpu-time.js';

async function decodeCapped(bytes: Buffer, limits: Partial<PdfLimits> = {}) {
  const stats = { pages: 0, items: 0 };
  let error: unknown;
  const ms = await cpuMsAsync(() => decodePdf(bytes, 'bomb.pdf', { limits, stats }).catch((reason: unknown) => (error = reason)));
  return { error, stats, ms };
}

describe('a PDF whose text multiplies (nested forms)', () => {
  it('is read up to the per-page cap only: 100 times the text costs about the same work', async () => {
    await decodeCapped(pdfBomb({ fan: 10, depth: 3 }), { itemsPerPage: 500 }); // loads pdf.js
    const small = await decodeCapped(pdfBomb({ fan: 10, depth: 4 }), { itemsPerPage: 500 }); // 10^4 runs
    const large = await decodeCapped(pdfBomb({ fan: 10, depth: 6 }), { itemsPerPage: 500 }); // 10^6 runs
    for (const run of [small, large]) {
      expect(run.error).toMatchObject({ code: 'pdf-too-large', filePath: 'bomb.pdf', message: expect.stringContaining('page 1 has more than 500 runs of text') });
      expect(run.stats).toEqual({ pages: 1, items: 501 });
    }
    // Read whole, the large one would take 100 times longer (~0.2 ms a run in pdf.js).
    expect(large.ms).toBeLessThan(small.ms * 5 + 500);
  }, 60_000);

  it('is capped over the whole document too: many pages each under the page cap', async () => {
    const run = await decodeCapped(pdfBomb({ fan: 30, depth: 2, pages: 6 }), { items: 2_000 }); // 900 runs a page
    expect(run.error).toMatchObject({ code: 'pdf-too-large', message: expect.stringContaining('more than 2,000 runs of text (by page 3)') });
    expect(run.stats).toEqual({ pages: 3, items: 2_001 });
  }, 30_000);

  it('stops at the text cap, which is the 20 MB of text files', async () => {
    expect(PDF_LIMITS.textBytes).toBe(MAX_INPUT_BYTES);
    // 1,000 runs of 2,000 letters each (2 MB of text from a 4 KB file), read against a 1 MB cap: pdf.js
    // spends ~1.4 µs a letter, so the real cap is shown on a smaller scale.
    const bytes = pdfBomb({ fan: 10, depth: 3, text: 'A'.repeat(2_000), width: 2_000 });
    const run = await decodeCapped(bytes, { textBytes: 1024 * 1024 });
    expect(run.error).toMatchObject({ code: 'pdf-too-large', message: expect.stringContaining('its text is over 1 MB (by page 1)') });
    expect(run.stats.items).toBe(Math.ceil((1024 * 1024 + 1) / 2_000));
  }, 30_000);

  it('is refused from its page count before any page is read', async () => {
    const run = await decodeCapped(pdfBomb({ fan: 1, depth: 1, pages: 1_001 }));
    expect(run.error).toMatchObject({ code: 'pdf-too-large', message: expect.stringContaining('it has 1,001 pages; plan-lint reads PDFs of up to 1,000 pages') });
    expect(run.stats).toEqual({ pages: 0, items: 0 });
  }, 30_000);
});

describe('the CLI on a PDF past a cap', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'plan-lint-pdf-bounds-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reports an input error naming the file, in Vietnamese by default and in English (exit 2)', async () => {
    writeFileSync(path.join(dir, 'pages.pdf'), pdfBomb({ fan: 1, depth: 1, pages: 1_001 }));
    const vi = await runPlanLint(['pages.pdf'], { cwd: dir, timeoutMs: 60_000 });
    expect(vi.code).toBe(2);
    expect(vi.stdout).toContain('không đọc tệp PDF này: tệp có 1.001 trang; plan-lint đọc PDF đến 1.000 trang.');
    const en = await runPlanLint(['pages.pdf', '--locale', 'en'], { cwd: dir, timeoutMs: 60_000 });
    expect(en.code).toBe(2);
    expect(en.stdout).toContain('cannot read this PDF: it has 1,001 pages; plan-lint reads PDFs of up to 1,000 pages.');
  }, 120_000);
});
